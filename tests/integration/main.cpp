// Integration tests against a real Kafka cluster: helpers (librdkafka for setup) and the gtest main.
#include "kafka/background.h"
#include "realcluster.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QThread>
#include <cstdio>
#include <librdkafka/rdkafka.h>
#include <memory>

namespace kafscope::itest {

QString bootstrap()
{
    return qEnvironmentVariable("KAFSCOPE_BOOTSTRAP");
}

bool inCi()
{
    const auto ci = qEnvironmentVariable("CI").toLower();
    return !ci.isEmpty() && ci != QLatin1String("false") && ci != QLatin1String("0");
}

QString uniqueTopic(const char* prefix)
{
    return QStringLiteral("%1-%2-%3")
        .arg(QLatin1String(prefix))
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(QRandomGenerator::global()->bounded(100000));
}

namespace {
using Handle = std::unique_ptr<rd_kafka_t, decltype(&rd_kafka_destroy)>;

Handle makeClient(rd_kafka_type_t type, std::string* error)
{
    char errstr[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap().toStdString().c_str(), nullptr, 0);
    rd_kafka_conf_set(conf, "log_level", "3", nullptr, 0);
    rd_kafka_t* rk = rd_kafka_new(type, conf, errstr, sizeof errstr);
    if (!rk)
        *error = errstr;
    return Handle(rk, &rd_kafka_destroy);
}

bool allPartitionsLed(rd_kafka_t* rk, const std::string& topic, int partitions)
{
    rd_kafka_topic_t* t = rd_kafka_topic_new(rk, topic.c_str(), nullptr);
    const rd_kafka_metadata_t* md = nullptr;
    bool ok = false;
    if (rd_kafka_metadata(rk, 0, t, &md, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR && md->topic_cnt == 1
        && md->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR && md->topics[0].partition_cnt == partitions) {
        ok = true;
        for (int i = 0; i < md->topics[0].partition_cnt; ++i)
            ok = ok && md->topics[0].partitions[i].leader >= 0;
    }
    if (md)
        rd_kafka_metadata_destroy(md);
    rd_kafka_topic_destroy(t);
    return ok;
}
} // namespace

std::string createTopic(
    const QString& name, int partitions, int replicationFactor, const std::map<std::string, std::string>& configs)
{
    std::string error;
    auto rk = makeClient(RD_KAFKA_PRODUCER, &error);
    if (!rk)
        return error;
    const std::string topic = name.toStdString();
    char errstr[512];
    rd_kafka_NewTopic_t* newTopic
        = rd_kafka_NewTopic_new(topic.c_str(), partitions, replicationFactor, errstr, sizeof errstr);
    if (!newTopic)
        return errstr;
    for (const auto& [key, value] : configs)
        rd_kafka_NewTopic_set_config(newTopic, key.c_str(), value.c_str());
    rd_kafka_queue_t* queue = rd_kafka_queue_new(rk.get());
    rd_kafka_CreateTopics(rk.get(), &newTopic, 1, nullptr, queue);
    rd_kafka_event_t* event = rd_kafka_queue_poll(queue, 30000);
    if (!event) {
        error = "CreateTopics timed out";
    } else if (rd_kafka_event_error(event)) {
        error = rd_kafka_event_error_string(event);
    } else {
        size_t n = 0;
        const rd_kafka_topic_result_t** results
            = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &n);
        for (size_t i = 0; i < n; ++i)
            if (rd_kafka_topic_result_error(results[i]))
                error = rd_kafka_topic_result_error_string(results[i]);
    }
    if (event)
        rd_kafka_event_destroy(event);
    rd_kafka_queue_destroy(queue);
    rd_kafka_NewTopic_destroy(newTopic);
    if (!error.empty())
        return error;
    // Metadata propagates to every broker asynchronously.
    for (int i = 0; i < 150; ++i) {
        if (allPartitionsLed(rk.get(), topic, partitions))
            return {};
        QThread::msleep(200);
    }
    return "topic " + topic + " did not get leaders for all partitions";
}

std::string produce(const QString& topic, int count, int keys, int valueBytes, int32_t partition)
{
    std::string error;
    auto rk = makeClient(RD_KAFKA_PRODUCER, &error);
    if (!rk)
        return error;
    const std::string name = topic.toStdString();
    for (int i = 0; i < count; ++i) {
        const std::string key = "key-" + std::to_string(i % keys);
        std::string value = "value-" + std::to_string(i);
        if (int(value.size()) < valueBytes)
            value.resize(size_t(valueBytes), 'x');
        rd_kafka_resp_err_t err;
        while ((err = rd_kafka_producev(rk.get(), RD_KAFKA_V_TOPIC(name.c_str()), RD_KAFKA_V_PARTITION(partition),
                    RD_KAFKA_V_KEY(key.data(), key.size()),
                    RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END))
            == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(rk.get(), 100);
        if (err)
            return rd_kafka_err2str(err);
    }
    if (rd_kafka_flush(rk.get(), 30000) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return "flush timed out";
    return {};
}

std::string commitOffsets(const QString& group, const QString& topic, const QList<std::pair<int32_t, int64_t>>& offsets)
{
    char err[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap().toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "group.id", group.toUtf8().constData(), err, sizeof err);
    rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
    if (!rk)
        return err;
    rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(int(offsets.size()));
    for (const auto& [partition, offset] : offsets)
        rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), partition)->offset = offset;
    const rd_kafka_resp_err_t e = rd_kafka_commit(rk, list, 0);
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return e == RD_KAFKA_RESP_ERR_NO_ERROR ? std::string() : rd_kafka_err2str(e);
}

} // namespace kafscope::itest

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    const int code = RUN_ALL_TESTS();
    // What the tests left winding down (tails, producers) must finish: a hang fails the run.
    if (!kafscope::waitForBackgroundWork(std::chrono::seconds(30))) {
        std::fprintf(stderr, "FAIL: background work still running 30 s after the tests\n");
        return code ? code : 1;
    }
    return code;
}
