#pragma once
// The data plane as pages see it: a consumer that tails a topic into a buffer the GUI drains on a timer, and a
// producer that reports every record's delivery. The real ones are LiveConsumer and RecordProducer (librdkafka on
// their own threads, kafka/client); a Cluster makes them (Cluster::createConsumer / createProducer), so pages never
// create librdkafka objects, and tests/fakes has scripted ones. Both interfaces are asynchronous: calls return at
// once, results come as signals in the owner's thread.
#include "kafka/client/partitioners.h"
#include "kafka/client/record.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <optional>
#include <vector>

namespace kafscope {

struct ConsumeStart
{
    enum class Kind { Latest, Earliest, Offset, Timestamp, LastN };
    Kind kind = Kind::Latest;
    int64_t value = 0; // the offset, the timestamp in ms since the epoch, or N
    static ConsumeStart latest() { return { Kind::Latest, 0 }; }
    static ConsumeStart earliest() { return { Kind::Earliest, 0 }; }
    static ConsumeStart offset(int64_t o) { return { Kind::Offset, o }; }
    static ConsumeStart timestamp(int64_t ms) { return { Kind::Timestamp, ms }; }
    static ConsumeStart lastN(int64_t n) { return { Kind::LastN, n }; }
    // Parses "earliest", "latest", "OFFSET", "@EPOCH_MS", "-N" (last N per partition); nullopt when invalid.
    static std::optional<ConsumeStart> parse(const QString& text);
};

struct ConsumerOptions
{
    QString bootstrap;
    QString topic;
    QList<int32_t> partitions; // empty: all partitions of the topic
    ConsumeStart start;
    size_t bufferCapacity = 50000; // records waiting for drain() before the worker pauses polling
    bool reportEndOfPartition = false; // emit endOfPartition() when a partition is caught up
    QMap<QString, QString> extraConfig; // librdkafka properties (security settings, later)
};

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

class ConsumerInterface : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Idle,
        Starting, // connecting, resolving partitions and start offsets
        Running,
        Paused, // by the user
        Retrying, // a broker is down or the topic is gone: keeps what it has and resumes when it can
        Failed, // cannot go on (bad options, topic never existed, authentication)
        Stopped,
    };
    Q_ENUM(Status)

    using QObject::QObject;

    virtual void start(const ConsumerOptions& options) = 0; // returns at once; restarts when running
    virtual void stop() = 0;
    virtual void setPaused(bool paused) = 0;
    // For teardown: disconnects every receiver (no signal from here on) and stops without waiting.
    virtual void shutdown() = 0;
    virtual Status status() const = 0;
    // Moves up to maxRecords buffered records out (oldest first), in the owner's thread.
    virtual std::vector<Record> drain(size_t maxRecords = SIZE_MAX) = 0;
    virtual size_t buffered() const = 0;

signals:
    void statusChanged(kafscope::ConsumerInterface::Status status, const QString& message);
    void partitionsAssigned(const QList<int32_t>& partitions, int partitionCount);
    // A partition reached its end (only with reportEndOfPartition).
    void endOfPartition(int32_t partition, int64_t offset);
    // Records are waiting; emitted at most once until the next drain().
    void recordsAvailable();
};

class ProducerInterface : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Queues the record; returns its id at once. Exactly one delivered() follows for it (unless shut down).
    virtual quint64 send(const ProduceRequest& request) = 0;
    virtual int inFlight() const = 0;
    // Stops taking records; what is in flight is delivered (bounded) or reported failed; hasStopped() says when.
    virtual void requestStop() = 0;
    // For teardown: disconnects every receiver, drops what is queued, stops at once; never waits.
    virtual void shutdown() = 0;
    virtual bool hasStopped() const = 0;

signals:
    void delivered(const kafscope::DeliveryReport& report);
};

} // namespace kafscope

Q_DECLARE_METATYPE(kafscope::DeliveryReport)
