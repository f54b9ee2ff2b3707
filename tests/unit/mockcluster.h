#pragma once
// librdkafka's in-process mock cluster for data-plane tests (as kafka/demo does), and a wait helper that keeps the
// event loop turning so queued signals from worker threads arrive.
#include "waitfor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QThread>
#include <functional>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdexcept>

namespace kafscope::test {

class MockCluster
{
public:
    explicit MockCluster(int brokers = 3)
        : m_brokers(brokers)
    {
        char errstr[512];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "log_level", "0", nullptr, 0);
        m_owner = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        if (!m_owner)
            throw std::runtime_error(errstr);
        m_cluster = rd_kafka_mock_cluster_new(m_owner, brokers);
        if (!m_cluster)
            throw std::runtime_error("rd_kafka_mock_cluster_new failed");
    }
    ~MockCluster()
    {
        rd_kafka_mock_cluster_destroy(m_cluster);
        rd_kafka_destroy(m_owner);
    }
    MockCluster(const MockCluster&) = delete;
    MockCluster& operator=(const MockCluster&) = delete;

    QString bootstrap() const { return QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_cluster)); }
    rd_kafka_mock_cluster_t* cluster() const { return m_cluster; }
    bool createTopic(const char* name, int partitions)
    {
        return rd_kafka_mock_topic_create(m_cluster, name, partitions, std::min(3, m_brokers))
            == RD_KAFKA_RESP_ERR_NO_ERROR;
    }
    void setAllBrokersDown(bool down)
    {
        for (int id = 1; id <= m_brokers; ++id)
            down ? rd_kafka_mock_broker_set_down(m_cluster, id) : rd_kafka_mock_broker_set_up(m_cluster, id);
    }

private:
    int m_brokers;
    rd_kafka_t* m_owner = nullptr;
    rd_kafka_mock_cluster_t* m_cluster = nullptr;
};

// Turns the event loop for a while (to show that something does not happen). Not a synchronisation: prefer
// holdsFor(), which says what must stay true.
inline void spin(int ms)
{
    waitUntil([] { return false; }, ms);
}

// True when pred() holds now and keeps holding while the event loop turns for ms: "nothing more arrives".
inline bool holdsFor(const std::function<bool()>& pred, int ms)
{
    if (!pred())
        return false;
    bool held = true;
    waitUntil([&] { return !(held = pred()); }, ms);
    return held;
}

} // namespace kafscope::test
