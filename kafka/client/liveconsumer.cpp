#include "kafka/client/liveconsumer.h"

#include "kafka/client/liveconsumer_p.h"

#include <QMetaObject>

namespace kafscope {

std::optional<ConsumeStart> ConsumeStart::parse(const QString& text)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("earliest"), Qt::CaseInsensitive) == 0 || t == QLatin1String("beginning"))
        return earliest();
    if (t.compare(QLatin1String("latest"), Qt::CaseInsensitive) == 0 || t == QLatin1String("end"))
        return latest();
    bool ok = false;
    if (t.startsWith(QLatin1Char('@'))) {
        const qint64 ms = t.mid(1).toLongLong(&ok);
        return ok && ms >= 0 ? std::optional(timestamp(ms)) : std::nullopt;
    }
    if (t.startsWith(QLatin1Char('-'))) {
        const qint64 n = t.mid(1).toLongLong(&ok);
        return ok && n > 0 && !t.mid(1).startsWith(QLatin1Char('-')) ? std::optional(lastN(n)) : std::nullopt;
    }
    const qint64 o = t.toLongLong(&ok);
    return ok && o >= 0 && !t.startsWith(QLatin1Char('+')) ? std::optional(offset(o)) : std::nullopt;
}

void LiveConsumer::Worker::stopWorker(std::chrono::milliseconds bound)
{
    if (!shared)
        return;
    {
        std::lock_guard lock(shared->mutex);
        shared->stop = true;
        shared->owner = nullptr;
    }
    shared->wake.notify_all();
    // librdkafka's destroy normally takes milliseconds; a broker that hangs must not hang the GUI, so after the
    // bound the thread is left to finish on its own (it holds its own reference to the shared state).
    if (bound.count() > 0)
        task.waitFor(bound);
}

LiveConsumer::LiveConsumer(QObject* parent)
    : ConsumerInterface(parent)
    , d(std::make_unique<Worker>())
{ }

LiveConsumer::~LiveConsumer()
{
    shutdown();
}

void LiveConsumer::shutdown()
{
    disconnect(this, nullptr, nullptr, nullptr);
    d->stopWorker(std::chrono::milliseconds(0));
    ++d->generation; // whatever the worker queued before it saw the stop is dropped
}

bool LiveConsumer::hasFinished() const
{
    return d->task.isFinished();
}

void LiveConsumer::start(const ConsumerOptions& options)
{
    d->stopWorker(std::chrono::milliseconds(300));
    auto shared = std::make_shared<ConsumerShared>();
    shared->capacity = std::max<size_t>(1, options.bufferCapacity);
    shared->owner = this;
    shared->generation = ++d->generation;
    d->shared = shared;
    d->status = Status::Starting;
    emit statusChanged(Status::Starting, QStringLiteral("Connecting to %1").arg(options.bootstrap));
    d->task = startBackground("kafscope-tail", [shared, options] { runTail(shared, options); });
}

void LiveConsumer::stop()
{
    if (!d->shared || d->shared->stop)
        return;
    d->stopWorker(std::chrono::milliseconds(300));
    ++d->generation; // drops signals the worker queued before it saw the stop
    if (d->status != Status::Failed && d->status != Status::Stopped) {
        d->status = Status::Stopped;
        emit statusChanged(Status::Stopped, QStringLiteral("Stopped"));
    }
}

void LiveConsumer::setPaused(bool paused)
{
    if (!d->shared)
        return;
    {
        std::lock_guard lock(d->shared->mutex);
        d->shared->wantPaused = paused;
    }
    d->shared->wake.notify_all();
}

LiveConsumer::Status LiveConsumer::status() const
{
    return d->status;
}

std::vector<Record> LiveConsumer::drain(size_t maxRecords)
{
    std::vector<Record> out;
    if (!d->shared)
        return out;
    bool more = false;
    {
        std::lock_guard lock(d->shared->mutex);
        auto& buffer = d->shared->buffer;
        const size_t n = std::min(maxRecords, buffer.size());
        out.reserve(n);
        std::move(buffer.begin(), buffer.begin() + ptrdiff_t(n), std::back_inserter(out));
        buffer.erase(buffer.begin(), buffer.begin() + ptrdiff_t(n));
        more = !buffer.empty();
        d->shared->notified = more;
    }
    d->shared->wake.notify_all();
    if (more) // a partial drain: say so again, or the rest would wait for the next record to arrive
        QMetaObject::invokeMethod(this, &LiveConsumer::recordsAvailable, Qt::QueuedConnection);
    return out;
}

size_t LiveConsumer::buffered() const
{
    if (!d->shared)
        return 0;
    std::lock_guard lock(d->shared->mutex);
    return d->shared->buffer.size();
}

} // namespace kafscope
