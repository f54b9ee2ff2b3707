#pragma once
// Scripted data plane for page tests (issue #6): a consumer the test feeds records and statuses to, and a producer
// that answers every send with a delivery report (by default: where the request's partitioner puts the key, the
// next offset of that partition), one event-loop turn later like the real one.
#include "kafka/dataplane.h"

#include <QHash>
#include <QTimer>
#include <deque>
#include <functional>

namespace kafscope::test {

class FakeConsumer : public ConsumerInterface
{
public:
    using ConsumerInterface::ConsumerInterface;

    QList<ConsumerOptions> starts; // every start(), in order
    int stops = 0;
    bool paused = false;
    bool shutDown = false;

    // ---- the script ----
    void push(std::vector<Record> records)
    {
        for (auto& r : records)
            m_buffer.push_back(std::move(r));
        emit recordsAvailable();
    }
    void setStatus(Status status, const QString& message)
    {
        m_status = status;
        emit statusChanged(status, message);
    }

    // ---- ConsumerInterface ----
    void start(const ConsumerOptions& options) override
    {
        starts.append(options);
        m_buffer.clear();
        setStatus(Status::Running, QStringLiteral("Tailing %1").arg(options.topic));
    }
    void stop() override
    {
        ++stops;
        setStatus(Status::Stopped, QStringLiteral("Stopped"));
    }
    void setPaused(bool on) override { paused = on; }
    void shutdown() override
    {
        shutDown = true;
        disconnect(this, nullptr, nullptr, nullptr);
    }
    Status status() const override { return m_status; }
    std::vector<Record> drain(size_t maxRecords) override
    {
        std::vector<Record> out;
        while (!m_buffer.empty() && out.size() < maxRecords) {
            out.push_back(std::move(m_buffer.front()));
            m_buffer.pop_front();
        }
        return out;
    }
    size_t buffered() const override { return m_buffer.size(); }

private:
    Status m_status = Status::Idle;
    std::deque<Record> m_buffer;
};

class FakeProducer : public ProducerInterface
{
public:
    explicit FakeProducer(ProducerOptions options)
        : options(std::move(options))
    { }

    ProducerOptions options;
    QList<ProduceRequest> sent;
    int partitionCount = 6; // what the default answer hashes keys over
    // Answers a send; the default delivers where the partitioner puts the key.
    std::function<DeliveryReport(quint64 id, const ProduceRequest& request)> answer;
    bool stopRequested = false;
    bool shutDown = false;

    quint64 send(const ProduceRequest& request) override
    {
        const quint64 id = ++m_nextId;
        sent.append(request);
        ++m_inFlight;
        QTimer::singleShot(0, this, [this, id, request] {
            if (shutDown)
                return;
            --m_inFlight;
            emit delivered(answer ? answer(id, request) : deliver(id, request));
        });
        return id;
    }
    int inFlight() const override { return m_inFlight; }
    void requestStop() override { stopRequested = true; }
    void shutdown() override
    {
        shutDown = true;
        disconnect(this, nullptr, nullptr, nullptr);
    }
    bool hasStopped() const override { return stopRequested || shutDown; }

    DeliveryReport deliver(quint64 id, const ProduceRequest& request)
    {
        DeliveryReport r;
        r.id = id;
        r.topic = request.topic;
        r.partitioner = request.partitioner;
        const auto prediction = partitioning::predict(request.partitioner, request.key, partitionCount);
        r.partition
            = request.partition >= 0 ? request.partition : (prediction.deterministic ? prediction.partition : 0);
        r.offset = m_nextOffset[r.partition]++;
        r.timestamp = 1700000000000;
        return r;
    }

private:
    quint64 m_nextId = 0;
    int m_inFlight = 0;
    QHash<int32_t, int64_t> m_nextOffset;
};

} // namespace kafscope::test
