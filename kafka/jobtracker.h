#pragma once
// The one mechanism for work off the GUI thread that ends in a value (an export today; previews and plans later):
// QtConcurrent runs it on the global pool, a QFutureWatcher brings the value back to the owner's thread, and a job id
// drops what the owner no longer wants (a newer job started, cancel(), the owner gone): like hotspot's JobTracker.
// Long-running threads that stream (the tail, the producers) are not jobs: they live in kafka/background.h.
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>

namespace kafscope {

class JobTracker : public QObject
{
public:
    using QObject::QObject;

    // Runs work() off the GUI thread; done(value) follows in this object's thread unless a newer job was started or
    // cancel() was called first. Returns the job's id.
    template <typename Work, typename Done> quint64 start(Work work, Done done)
    {
        using T = std::invoke_result_t<Work>;
        const quint64 id = ++m_current;
        ++m_running;
        auto* watcher = new QFutureWatcher<T>(this);
        QObject::connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, done = std::move(done)] {
            --m_running;
            watcher->deleteLater();
            if (id == m_current)
                done(watcher->result());
        });
        watcher->setFuture(QtConcurrent::run(std::move(work)));
        return id;
    }
    // Results of jobs started so far are dropped (the work itself runs to its end).
    void cancel() { ++m_current; }
    bool isRunning() const { return m_running > 0; }
    quint64 currentJob() const { return m_current; }

private:
    quint64 m_current = 0;
    int m_running = 0;
};

} // namespace kafscope
