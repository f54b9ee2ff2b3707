#pragma once
// Tails one topic without a consumer group (assign, no commits) on a worker thread that owns the librdkafka handle.
// Records go into a bounded buffer; the GUI (or the CLI) drains it on a timer. When the buffer is full the worker
// stops polling (back-pressure) instead of dropping: nothing is lost. The GUI thread never calls librdkafka.
#include "kafka/dataplane.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <memory>
#include <vector>

namespace kafscope {

struct ConsumerShared;

class LiveConsumer : public ConsumerInterface
{
    Q_OBJECT
public:
    explicit LiveConsumer(QObject* parent = nullptr);
    ~LiveConsumer() override; // shutdown(): never waits

    void start(const ConsumerOptions& options) override;
    void stop() override; // waits at most 300 ms for the worker, then lets it finish on its own
    void setPaused(bool paused) override;
    // The worker closes its librdkafka handle on its own thread. start() may still be called afterwards.
    void shutdown() override;
    // The last started worker has returned (true when none was started).
    bool hasFinished() const;
    Status status() const override;
    std::vector<Record> drain(size_t maxRecords = SIZE_MAX) override; // thread-safe
    size_t buffered() const override;

private:
    friend struct ConsumerShared; // the worker thread's side posts signals through it
    struct Worker;
    std::unique_ptr<Worker> d;
};

} // namespace kafscope
