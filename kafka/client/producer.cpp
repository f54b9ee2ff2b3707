#include "kafka/client/producer.h"

#include "kafka/background.h"
#include "kafka/client/rdkafkautil.h"

#include <QMetaObject>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace kafscope {

namespace {

DeliveryReport failure(quint64 id, const ProduceRequest& request, rd_kafka_resp_err_t err, const QString& message = {})
{
    DeliveryReport r;
    r.id = id;
    r.topic = request.topic;
    r.partition = request.partition;
    r.partitioner = request.partitioner;
    r.errorCode = err;
    r.errorName = rdk::errName(err);
    r.errorMessage = message.isEmpty() ? rdk::errText(err) : message;
    return r;
}

} // namespace

struct RecordProducer::Worker
{
    struct Handle
    {
        rd_kafka_t* rk = nullptr;
        partitioning::Partitioner partitioner;
        Worker* worker = nullptr;
    };

    ProducerOptions options;
    BackgroundTask task;
    std::atomic<quint64> nextId { 1 };
    std::atomic<int> inFlight { 0 };
    // Checked between records and while librdkafka's queue is full, so a stop never waits behind a big batch.
    std::atomic<bool> stopRequested { false };
    std::atomic<bool> fastStop { false }; // shutdown(): purge at once, nobody wants the reports

    std::mutex mutex; // guards the five below
    std::condition_variable wake;
    RecordProducer* owner = nullptr; // null once the owner let go: reports are dropped, nothing is posted
    std::deque<std::pair<quint64, ProduceRequest>> pending;
    std::deque<DeliveryReport> reports;
    bool reportsPosted = false;
    bool stop = false;

    // Worker thread only.
    std::map<partitioning::Partitioner, std::unique_ptr<Handle>> handles;
    std::map<quint64, ProduceRequest> inLibrdkafka; // produced, no delivery report yet (payloads dropped)

    // Worker thread: queues a report and wakes the owner's thread once for however many follow.
    void report(DeliveryReport r)
    {
        inLibrdkafka.erase(r.id);
        std::lock_guard lock(mutex);
        if (!owner)
            return;
        reports.push_back(std::move(r));
        if (!reportsPosted) {
            reportsPosted = true;
            // Queued to the owner: if it is deleted before this runs, Qt drops the call.
            QMetaObject::invokeMethod(
                owner, [o = owner] { o->d->emitReports(o); }, Qt::QueuedConnection);
        }
    }

    // Owner thread.
    void emitReports(RecordProducer* q)
    {
        std::deque<DeliveryReport> ready;
        {
            std::lock_guard lock(mutex);
            ready.swap(reports);
            reportsPosted = false;
        }
        for (const auto& r : ready) {
            inFlight.fetch_sub(1);
            emit q->delivered(r);
        }
    }

    void failUnsent(std::deque<std::pair<quint64, ProduceRequest>>& unsent)
    {
        for (auto& [id, request] : unsent)
            report(failure(id, request, RD_KAFKA_RESP_ERR__DESTROY,
                QStringLiteral("The producer was closed before the record was sent")));
        unsent.clear();
    }

    static void onDelivery(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque)
    {
        auto* handle = static_cast<Handle*>(opaque);
        DeliveryReport r;
        r.id = quint64(reinterpret_cast<uintptr_t>(m->_private));
        r.topic = QString::fromUtf8(rd_kafka_topic_name(m->rkt));
        r.partition = m->partition;
        r.offset = m->offset;
        r.timestamp = rd_kafka_message_timestamp(m, nullptr);
        r.partitioner = handle->partitioner;
        if (m->err) {
            r.errorCode = m->err;
            r.errorName = rdk::errName(m->err);
            r.errorMessage = rdk::errText(m->err);
        }
        handle->worker->report(std::move(r));
    }

    Handle* handleFor(partitioning::Partitioner p, QString* error)
    {
        auto& slot = handles[p];
        if (slot)
            return slot.get();
        rdk::Conf conf = rdk::baseConf(options.bootstrap, error);
        // "partitioner" is a topic property; on the global conf librdkafka takes it as the default topic conf.
        QMap<QString, QString> properties {
            { QStringLiteral("message.timeout.ms"), QString::number(options.messageTimeoutMs) },
            { QStringLiteral("partitioner"), partitioning::name(p) },
        };
        properties.insert(options.extraConfig);
        if (!conf || !rdk::set(conf.get(), properties, error)) {
            handles.erase(p);
            return nullptr;
        }
        auto handle = std::make_unique<Handle>();
        handle->partitioner = p;
        handle->worker = this;
        rd_kafka_conf_set_dr_msg_cb(conf.get(), &onDelivery);
        rd_kafka_conf_set_opaque(conf.get(), handle.get());
        char errstr[512];
        handle->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), errstr, sizeof errstr);
        if (!handle->rk) {
            *error = QStringLiteral("Could not create the producer: %1").arg(QString::fromUtf8(errstr));
            handles.erase(p);
            return nullptr;
        }
        static_cast<void>(conf.release()); // rd_kafka_new took it over
        slot = std::move(handle);
        return slot.get();
    }

    void produce(quint64 id, const ProduceRequest& req)
    {
        QString error;
        Handle* handle = handleFor(req.partitioner, &error);
        if (!handle)
            return report(failure(id, req, RD_KAFKA_RESP_ERR__INVALID_ARG, error));
        rd_kafka_headers_t* headers = rd_kafka_headers_new(size_t(req.headers.size()));
        for (const auto& h : req.headers) {
            const QByteArray key = h.key.toUtf8();
            rd_kafka_header_add(headers, key.constData(), key.size(), h.valueIsNull ? nullptr : h.value.constData(),
                h.valueIsNull ? 0 : h.value.size());
        }
        const std::string topic = req.topic.toStdString();
        // A null pointer makes a null key/value; an empty QByteArray's constData() is "" and makes an empty one.
        const char* key = req.key ? req.key->constData() : nullptr;
        const char* value = req.value ? req.value->constData() : nullptr;
        rd_kafka_resp_err_t err;
        while (true) {
            err = rd_kafka_producev(handle->rk, RD_KAFKA_V_TOPIC(topic.c_str()),
                RD_KAFKA_V_PARTITION(req.partition >= 0 ? req.partition : RD_KAFKA_PARTITION_UA),
                RD_KAFKA_V_KEY(key, (req.key ? size_t(req.key->size()) : 0)),
                RD_KAFKA_V_VALUE(const_cast<char*>(value), (req.value ? size_t(req.value->size()) : 0)),
                RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_OPAQUE(reinterpret_cast<void*>(uintptr_t(id))), RD_KAFKA_V_END);
            if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL || stopRequested)
                break;
            // librdkafka's queue is full: serve delivery reports to make room, and never drop the record.
            rd_kafka_poll(handle->rk, 100);
        }
        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            rd_kafka_headers_destroy(headers);
            return report(failure(id, req, RD_KAFKA_RESP_ERR__DESTROY,
                QStringLiteral("The producer was closed before the record was sent")));
        }
        if (err) {
            rd_kafka_headers_destroy(headers); // only a successful producev takes them over
            return report(failure(id, req, err));
        }
        inLibrdkafka.emplace(id, ProduceRequest { req.topic, {}, {}, {}, req.partition, req.partitioner });
    }

    void run()
    {
        using namespace std::chrono;
        while (true) {
            std::deque<std::pair<quint64, ProduceRequest>> batch;
            bool stopping;
            {
                std::unique_lock lock(mutex);
                // While records are in flight wake often to serve their delivery reports; idle, only for send().
                wake.wait_for(lock, inLibrdkafka.empty() ? milliseconds(500) : milliseconds(2),
                    [&] { return stop || !pending.empty(); });
                batch.swap(pending);
                stopping = stop;
            }
            while (!batch.empty() && !stopRequested) {
                auto& [id, request] = batch.front();
                produce(id, request);
                batch.pop_front();
            }
            for (auto& [p, h] : handles)
                rd_kafka_poll(h->rk, 0);
            if (stopping || stopRequested) {
                failUnsent(batch);
                std::unique_lock lock(mutex);
                auto rest = std::move(pending);
                lock.unlock();
                failUnsent(rest);
                break;
            }
        }
        closeHandles();
    }

    void closeHandles()
    {
        using namespace std::chrono;
        // A retired producer delivers what it can within 5 s; a shut-down one has nobody to tell and purges at once.
        const auto deadline = steady_clock::now() + (fastStop ? milliseconds(0) : milliseconds(5000));
        for (auto& [p, h] : handles) {
            const auto left = duration_cast<milliseconds>(deadline - steady_clock::now()).count();
            if (left > 0)
                rd_kafka_flush(h->rk, int(left));
        }
        for (auto& [p, h] : handles) {
            rd_kafka_purge(h->rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
            // Serves the purged records' reports (_PURGE_QUEUE, _PURGE_INFLIGHT).
            rd_kafka_flush(h->rk, fastStop ? 0 : 500);
        }
        const auto lost = inLibrdkafka;
        for (const auto& [id, request] : lost)
            report(failure(id, request, RD_KAFKA_RESP_ERR__DESTROY,
                QStringLiteral("The producer was closed before the record was delivered")));
        for (auto& [p, h] : handles)
            rd_kafka_destroy(h->rk);
        handles.clear();
    }
};

RecordProducer::RecordProducer(const ProducerOptions& options, QObject* parent)
    : ProducerInterface(parent)
    , d(std::make_shared<Worker>())
{
    d->options = options;
    d->owner = this;
    d->task = startBackground("kafscope-produce", [w = d] { w->run(); });
}

void RecordProducer::requestStop()
{
    {
        std::lock_guard lock(d->mutex);
        d->stop = true;
    }
    d->stopRequested = true; // records not handed to librdkafka yet are reported as not sent
    d->wake.notify_all();
}

void RecordProducer::shutdown()
{
    disconnect(this, &RecordProducer::delivered, nullptr, nullptr);
    {
        std::lock_guard lock(d->mutex);
        d->owner = nullptr;
        d->stop = true;
        d->pending.clear();
        d->reports.clear();
    }
    d->fastStop = true;
    d->stopRequested = true;
    d->wake.notify_all();
}

bool RecordProducer::hasStopped() const
{
    return d->task.isFinished();
}

RecordProducer::~RecordProducer()
{
    shutdown();
}

quint64 RecordProducer::send(const ProduceRequest& request)
{
    const quint64 id = d->nextId.fetch_add(1);
    d->inFlight.fetch_add(1);
    {
        std::lock_guard lock(d->mutex);
        d->pending.emplace_back(id, request);
    }
    d->wake.notify_one();
    return id;
}

int RecordProducer::inFlight() const
{
    return d->inFlight.load();
}

} // namespace kafscope
