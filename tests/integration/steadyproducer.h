#pragma once
// A test-side producer for fault tests (issue #11), independent of the code under test: librdkafka directly.
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <librdkafka/rdkafka.h>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace kafscope::test {

// Keyed records at a steady pace until stopped, idempotent with acks=all (what a producer that must lose nothing
// uses), each delivery report counted per partition.
class SteadyProducer
{
public:
    SteadyProducer(const QString& bootstrap, const QString& topic)
        : m_bootstrap(bootstrap.toStdString())
        , m_topic(topic.toStdString())
    {
        m_rk.reset(newProducer());
    }

    bool valid() const { return bool(m_rk); }

    void start()
    {
        m_thread = std::thread([this] {
            for (int i = 0; !m_stop; ++i) {
                const std::string key = "key-" + std::to_string(i % 60);
                const std::string value = "record-" + std::to_string(i);
                while (rd_kafka_producev(m_rk.get(), RD_KAFKA_V_TOPIC(m_topic.c_str()),
                           RD_KAFKA_V_KEY(key.data(), key.size()),
                           RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                           RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END)
                    == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                    rd_kafka_poll(m_rk.get(), 50);
                ++m_produced;
                rd_kafka_poll(m_rk.get(), 0);
                if (rd_kafka_fatal_error(m_rk.get(), nullptr, 0))
                    replaceAfterFatalError();
                std::this_thread::sleep_for(std::chrono::milliseconds(2)); // ~400 records/s
            }
        });
    }

    // Stops producing and waits for every delivery report; false if some did not come.
    bool stopAndFlush()
    {
        m_stop = true;
        m_thread.join();
        return rd_kafka_flush(m_rk.get(), 180000) == RD_KAFKA_RESP_ERR_NO_ERROR;
    }

    int produced() const { return m_produced; }
    QMap<int, qint64> delivered() const
    {
        std::lock_guard lock(m_mutex);
        return m_delivered;
    }
    // Delivery reports with an error (records the log may not hold), and the last one's words.
    int failed() const
    {
        std::lock_guard lock(m_mutex);
        return m_failed;
    }
    std::string lastError() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastError;
    }
    // How often librdkafka's idempotent producer stopped for good and was made anew.
    int replaced() const { return m_replaced; }

    // Each partition's end offset in the log, as the cluster answers (after stopAndFlush); -1 when it did not. A leader
    // elected a moment ago can answer a high watermark below what was acknowledged until its followers catch up, so
    // this asks again (up to 30 s) until every partition's end covers its delivered records.
    QMap<int, qint64> endOffsets(int partitions) const
    {
        const auto acknowledged = delivered();
        QMap<int, qint64> ends;
        for (int attempt = 0; attempt < 60; ++attempt) {
            bool covered = true;
            for (int p = 0; p < partitions; ++p) {
                int64_t low = -1;
                int64_t high = -1;
                if (rd_kafka_query_watermark_offsets(m_rk.get(), m_topic.c_str(), p, &low, &high, 10000)
                    != RD_KAFKA_RESP_ERR_NO_ERROR)
                    high = -1;
                ends[p] = std::max<qint64>(ends.value(p, -1), high);
                covered = covered && ends[p] >= acknowledged.value(p);
            }
            if (covered)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
        return ends;
    }

private:
    rd_kafka_t* newProducer()
    {
        char errstr[512];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        for (const auto& [k, v] : std::initializer_list<std::pair<const char*, std::string>> {
                 { "bootstrap.servers", m_bootstrap }, { "enable.idempotence", "true" }, { "acks", "all" },
                 { "message.timeout.ms", "180000" }, { "linger.ms", "5" }, { "log_level", "2" } })
            rd_kafka_conf_set(conf, k, v.c_str(), nullptr, 0);
        rd_kafka_conf_set_opaque(conf, this);
        rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
            auto* self = static_cast<SteadyProducer*>(opaque);
            std::lock_guard lock(self->m_mutex);
            if (m->err) {
                ++self->m_failed;
                self->m_lastError = rd_kafka_err2str(m->err);
            } else {
                ++self->m_delivered[m->partition];
            }
        });
        return rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    }

    // librdkafka 2.0.2's idempotent producer can raise a fatal error when a broker dies with requests in flight
    // (OUT_OF_ORDER_SEQUENCE_NUMBER after the leader moves): it produces nothing more. A producer that must keep
    // writing starts a new one (a new producer id); what the old one had queued is reported failed.
    void replaceAfterFatalError()
    {
        char reason[512];
        rd_kafka_fatal_error(m_rk.get(), reason, sizeof reason);
        {
            std::lock_guard lock(m_mutex);
            m_lastError = std::string("fatal: ") + reason;
        }
        rd_kafka_purge(m_rk.get(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_poll(m_rk.get(), 100);
        m_rk.reset(newProducer());
        ++m_replaced;
    }

    std::string m_bootstrap;
    std::string m_topic;
    std::unique_ptr<rd_kafka_t, decltype(&rd_kafka_destroy)> m_rk { nullptr, &rd_kafka_destroy };
    std::thread m_thread;
    std::atomic<bool> m_stop { false };
    std::atomic<int> m_produced { 0 };
    std::atomic<int> m_replaced { 0 };
    mutable std::mutex m_mutex;
    QMap<int, qint64> m_delivered;
    int m_failed = 0;
    std::string m_lastError;
};

// What a tail showed next to what the log holds, per partition (each partition holding only the producer's records,
// its offsets run from 0 to its end offset - 1): offsets missing, offsets shown more than once, partitions whose
// offsets were not in increasing order. The log, not the delivery reports, is the reference: a record whose report
// said failed may still have been written, and the tail must show it.
struct TailVerdict
{
    qint64 lost = 0;
    qint64 duplicated = 0;
    QList<int> outOfOrder;
};

inline TailVerdict compareWithLog(const QMap<int, QList<qint64>>& shown, const QMap<int, qint64>& endOffsets)
{
    TailVerdict v;
    for (auto it = endOffsets.begin(); it != endOffsets.end(); ++it) {
        const auto& offsets = shown.value(it.key());
        const QSet<qint64> unique(offsets.begin(), offsets.end());
        v.duplicated += offsets.size() - unique.size();
        for (qint64 o = 0; o < it.value(); ++o)
            v.lost += unique.contains(o) ? 0 : 1;
        if (!std::is_sorted(offsets.begin(), offsets.end()))
            v.outOfOrder.append(it.key());
    }
    return v;
}

inline qint64 totalOf(const QMap<int, qint64>& perPartition)
{
    qint64 total = 0;
    for (const auto n : perPartition)
        total += n;
    return total;
}

} // namespace kafscope::test
