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
        : m_topic(topic.toStdString())
    {
        char errstr[512];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        for (const auto& [k, v] : std::initializer_list<std::pair<const char*, std::string>> {
                 { "bootstrap.servers", bootstrap.toStdString() }, { "enable.idempotence", "true" }, { "acks", "all" },
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
        m_rk.reset(rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr));
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

private:
    std::string m_topic;
    std::unique_ptr<rd_kafka_t, decltype(&rd_kafka_destroy)> m_rk { nullptr, &rd_kafka_destroy };
    std::thread m_thread;
    std::atomic<bool> m_stop { false };
    std::atomic<int> m_produced { 0 };
    mutable std::mutex m_mutex;
    QMap<int, qint64> m_delivered;
    int m_failed = 0;
    std::string m_lastError;
};

// What a tail showed next to what was delivered, per partition (each partition holding only the producer's records,
// its offsets run from 0 to its delivered count - 1): offsets missing, offsets shown more than once, partitions whose
// offsets were not in increasing order.
struct TailVerdict
{
    qint64 lost = 0;
    qint64 duplicated = 0;
    QList<int> outOfOrder;
};

inline TailVerdict compareWithDelivered(const QMap<int, QList<qint64>>& shown, const QMap<int, qint64>& delivered)
{
    TailVerdict v;
    for (auto it = delivered.begin(); it != delivered.end(); ++it) {
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

} // namespace kafscope::test
