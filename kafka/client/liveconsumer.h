#pragma once
// Tails one topic without a consumer group (assign, no commits) on a worker thread that owns the librdkafka handle.
// Records go into a bounded buffer; the GUI (or the CLI) drains it on a timer. When the buffer is full the worker
// stops polling (back-pressure) instead of dropping: nothing is lost. The GUI thread never calls librdkafka.
#include "kafka/client/record.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <memory>
#include <vector>

namespace kafscope {

struct ConsumerShared;

struct ConsumeStart
{
    enum class Kind { Latest, Earliest, Offset, Timestamp, LastN };
    Kind kind = Kind::Latest;
    int64_t value = 0; // the offset, the timestamp in ms since the epoch, or N
    static ConsumeStart latest() { return {Kind::Latest, 0}; }
    static ConsumeStart earliest() { return {Kind::Earliest, 0}; }
    static ConsumeStart offset(int64_t o) { return {Kind::Offset, o}; }
    static ConsumeStart timestamp(int64_t ms) { return {Kind::Timestamp, ms}; }
    static ConsumeStart lastN(int64_t n) { return {Kind::LastN, n}; }
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

class LiveConsumer : public QObject
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

    explicit LiveConsumer(QObject* parent = nullptr);
    ~LiveConsumer() override; // shutdown(): never waits

    void start(const ConsumerOptions& options); // returns at once; restarts when running
    void stop();
    void setPaused(bool paused);
    // For teardown: disconnects every receiver (no signal from here on) and tells the worker to stop without waiting
    // for it; the worker closes its librdkafka handle on its own thread. start() may still be called afterwards.
    void shutdown();
    // The last started worker has returned (true when none was started).
    bool hasFinished() const;
    Status status() const;

    // Moves up to maxRecords buffered records out (oldest first). Thread-safe; called from the owner's thread.
    std::vector<Record> drain(size_t maxRecords = SIZE_MAX);
    size_t buffered() const;

signals:
    // Emitted in the owner's thread (queued from the worker).
    void statusChanged(kafscope::LiveConsumer::Status status, const QString& message);
    void partitionsAssigned(const QList<int32_t>& partitions, int partitionCount);
    // A partition reached its end (only with reportEndOfPartition).
    void endOfPartition(int32_t partition, int64_t offset);
    // Records are waiting; emitted at most once until the next drain(), so a drain timer can also be event-driven.
    void recordsAvailable();

private:
    friend struct ConsumerShared; // the worker thread's side posts signals through it
    struct Worker;
    std::unique_ptr<Worker> d;
};

} // namespace kafscope
