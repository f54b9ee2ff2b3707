#pragma once
// LiveConsumer's insides, shared by liveconsumer.cpp (the owner's side) and livetail.cpp (the worker thread).
#include "kafka/background.h"
#include "kafka/client/liveconsumer.h"

#include <QMetaObject>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace kafscope {

struct LiveConsumer::Worker
{
    std::shared_ptr<ConsumerShared> shared;
    BackgroundTask task; // the tail thread; it holds its own reference to `shared`
    quint64 generation = 0;
    Status status = Status::Idle; // as last signalled, in the owner's thread

    // Stops the worker and waits for it at most `bound` (zero: not at all); a worker still closing its librdkafka
    // handle then finishes on its own. stop()/start() wait briefly (the GUI thread must not hang on a slow broker);
    // shutdown() and the destructor do not wait.
    void stopWorker(std::chrono::milliseconds bound);
};

// What the owner and the worker thread share for one start(). The worker keeps its own reference, so a worker that
// outlives a bounded stop() never touches a destroyed LiveConsumer: it only sees owner == nullptr.
struct ConsumerShared
{
    std::mutex mutex;
    std::condition_variable wake; // buffer space, stop, pause request
    std::deque<Record> buffer;
    size_t capacity = 1;
    bool notified = false; // a recordsAvailable() is on its way and no drain() happened since
    bool stop = false;
    bool wantPaused = false;
    LiveConsumer* owner = nullptr;
    quint64 generation = 0;

    // Worker thread: runs f(owner) in the owner's thread, unless the consumer was stopped or restarted meanwhile.
    template <typename F> void post(F f)
    {
        std::lock_guard lock(mutex);
        if (!owner)
            return;
        QMetaObject::invokeMethod(
            owner,
            [owner = owner, generation = generation, f = std::move(f)] {
                if (owner->d->generation == generation)
                    f(owner);
            },
            Qt::QueuedConnection);
    }
    void postStatus(LiveConsumer::Status status, const QString& message)
    {
        post([status, message](LiveConsumer* q) {
            q->d->status = status;
            emit q->statusChanged(status, message);
        });
    }
    void postAssigned(const QList<int32_t>& partitions, int partitionCount)
    {
        post([partitions, partitionCount](LiveConsumer* q) { emit q->partitionsAssigned(partitions, partitionCount); });
    }
    void postEndOfPartition(int32_t partition, int64_t offset)
    {
        post([partition, offset](LiveConsumer* q) { emit q->endOfPartition(partition, offset); });
    }
    void postRecordsAvailable()
    {
        post([](LiveConsumer* q) { emit q->recordsAvailable(); });
    }
};

// The worker thread: connects, resolves partitions and start offsets, assigns, polls into shared->buffer.
void runTail(std::shared_ptr<ConsumerShared> shared, ConsumerOptions options);

} // namespace kafscope
