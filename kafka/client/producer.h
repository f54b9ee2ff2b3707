#pragma once
// Produces records through librdkafka on a worker thread (the GUI thread never calls librdkafka). Each partitioner
// gets its own librdkafka producer, because librdkafka fixes the partitioner per topic handle. Every record gets
// exactly one DeliveryReport: its partition and offset, or the error that stopped it.
#include "kafka/dataplane.h"

#include <QMap>
#include <QObject>
#include <memory>
#include <optional>

namespace kafscope {

class RecordProducer : public ProducerInterface
{
    Q_OBJECT
public:
    explicit RecordProducer(const ProducerOptions& options, QObject* parent = nullptr);
    // Never waits and never emits: shutdown(), and the worker winds down on its own thread.
    ~RecordProducer() override;

    quint64 send(const ProduceRequest& request) override;
    int inFlight() const override;
    // Flushes (bounded, 5 s), reports what is left as failed and stops, without waiting.
    void requestStop() override;
    // Queued records are dropped, librdkafka's queue is purged, the handles are destroyed on the worker thread.
    void shutdown() override;
    bool hasStopped() const override;

private:
    struct Worker;
    std::shared_ptr<Worker> d; // shared with the worker thread, which may outlive this object
};

} // namespace kafscope
