#pragma once
// Produces records through librdkafka on a worker thread (the GUI thread never calls librdkafka). Each partitioner
// gets its own librdkafka producer, because librdkafka fixes the partitioner per topic handle. Every record gets
// exactly one DeliveryReport: its partition and offset, or the error that stopped it.
#include "kafka/client/partitioners.h"
#include "kafka/client/record.h"

#include <QMap>
#include <QObject>
#include <memory>
#include <optional>

namespace kafscope {

struct ProduceRequest
{
    QString topic;
    std::optional<QByteArray> key; // nullopt: null key
    std::optional<QByteArray> value; // nullopt: null value (a tombstone)
    QList<RecordHeader> headers;
    int32_t partition = -1; // >= 0: explicit partition, the partitioner is not consulted
    partitioning::Partitioner partitioner = partitioning::Partitioner::ConsistentRandom;
};

struct DeliveryReport
{
    quint64 id = 0; // what send() returned
    QString topic;
    int32_t partition = -1;
    int64_t offset = -1;
    int64_t timestamp = -1;
    partitioning::Partitioner partitioner = partitioning::Partitioner::ConsistentRandom;
    int errorCode = 0; // librdkafka rd_kafka_resp_err_t; 0 on success
    QString errorName; // e.g. "UNKNOWN_TOPIC_OR_PART", "_MSG_TIMED_OUT"
    QString errorMessage; // a sentence for people
    bool ok() const { return errorCode == 0; }
};

struct ProducerOptions
{
    QString bootstrap;
    int messageTimeoutMs = 30000; // how long librdkafka retries before a delivery fails
    QMap<QString, QString> extraConfig;
};

class RecordProducer : public QObject
{
    Q_OBJECT
public:
    explicit RecordProducer(const ProducerOptions& options, QObject* parent = nullptr);
    // Never waits and never emits: shutdown(), and the worker winds down on its own thread.
    ~RecordProducer() override;

    // Queues the record; returns its id at once. The report follows as delivered().
    quint64 send(const ProduceRequest& request);
    int inFlight() const;
    // Asks the worker to flush (bounded, 5 s), report what is left as failed and stop, without waiting: every record
    // still gets its report. hasStopped() says when it is done.
    void requestStop();
    // For teardown (the window closing, the application quitting): disconnects every receiver, so no report is
    // emitted from here on, and stops at once: queued records are dropped, librdkafka's queue is purged, the handles
    // are destroyed on the worker thread. Returns at once; the thread finishes in the background.
    void shutdown();
    bool hasStopped() const;

signals:
    void delivered(const kafscope::DeliveryReport& report); // in the owner's thread

private:
    struct Worker;
    std::shared_ptr<Worker> d; // shared with the worker thread, which may outlive this object
};

} // namespace kafscope

Q_DECLARE_METATYPE(kafscope::DeliveryReport)
