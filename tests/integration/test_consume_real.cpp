// The data plane against the real cluster: every partitioner puts each key where partitioning::predict says, the
// live consumer sees every record once in offset order, large and binary values survive, exports round trip, and
// `kafscope-cli produce` / `consume` speak the documented JSON.
#include "../unit/waitfor.h"
#include "kafka/client/liveconsumer.h"
#include "kafka/client/producer.h"
#include "kafka/client/recordexport.h"
#include "realcluster.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>
#include <librdkafka/rdkafka.h>
#include <map>

using namespace kafscope;
using partitioning::Partitioner;
using Status = LiveConsumer::Status;

namespace {

bool waitUntil(const std::function<bool()>& pred, int guardMs = 60000)
{
    return test::waitUntil(pred, guardMs);
}

// Sends every request and waits for all reports; fails the test on any delivery error.
QList<DeliveryReport> produceAll(const QList<ProduceRequest>& requests, const QMap<QString, QString>& extraConfig = {})
{
    ProducerOptions options;
    options.bootstrap = itest::bootstrap();
    options.extraConfig = extraConfig;
    RecordProducer producer(options);
    QList<DeliveryReport> reports;
    QObject::connect(&producer, &RecordProducer::delivered, [&](const DeliveryReport& r) { reports.append(r); });
    for (const auto& r : requests)
        producer.send(r);
    EXPECT_TRUE(waitUntil([&] { return reports.size() == requests.size(); }));
    for (const auto& r : reports)
        EXPECT_TRUE(r.ok()) << r.errorName.toStdString() << ": " << r.errorMessage.toStdString();
    return reports;
}

// Tails the topic from the earliest offset until `count` records arrived.
std::vector<Record> consumeAll(const QString& topic, size_t count, const QMap<QString, QString>& extraConfig = {})
{
    LiveConsumer consumer;
    std::vector<Record> records;
    QString failure;
    QObject::connect(&consumer, &LiveConsumer::recordsAvailable, [&] {
        for (auto& r : consumer.drain())
            records.push_back(std::move(r));
    });
    QObject::connect(&consumer, &LiveConsumer::statusChanged, [&](Status s, const QString& m) {
        if (s == Status::Failed)
            failure = m;
    });
    ConsumerOptions options;
    options.bootstrap = itest::bootstrap();
    options.topic = topic;
    options.start = ConsumeStart::earliest();
    options.extraConfig = extraConfig;
    consumer.start(options);
    EXPECT_TRUE(waitUntil([&] { return records.size() >= count || !failure.isEmpty(); }))
        << records.size() << " of " << count;
    EXPECT_TRUE(failure.isEmpty()) << failure.toStdString();
    waitUntil([] { return false; }, 300); // anything beyond count would be a duplicate
    EXPECT_EQ(records.size(), count);
    return records;
}

void expectContiguousPerPartition(const std::vector<Record>& records)
{
    std::map<int32_t, int64_t> next;
    for (const auto& r : records) {
        auto [it, fresh] = next.emplace(r.partition(), 0);
        ASSERT_EQ(r.offset(), it->second) << "gap or duplicate in partition " << r.partition();
        ++it->second;
    }
}

struct ConsumeReal : ::testing::Test
{
    void SetUp() override { REQUIRE_REAL_CLUSTER(); }
};

} // namespace

TEST_F(ConsumeReal, EveryPartitionerPutsEachKeyWherePredicted)
{
    const auto topic = itest::uniqueTopic("dp-partitioners");
    ASSERT_EQ(itest::createTopic(topic, 6, 3), "");
    QList<ProduceRequest> requests;
    for (const auto p : partitioning::all()) {
        if (p == Partitioner::Random)
            continue;
        for (int i = 0; i < 40; ++i) {
            ProduceRequest r;
            r.topic = topic;
            r.key = QByteArray("user-") + QByteArray::number(i * 7919);
            r.value = partitioning::name(p).toUtf8();
            r.partitioner = p;
            requests.append(r);
        }
    }
    const auto reports = produceAll(requests);
    for (const auto& report : reports) // the report's partition is the producer's choice
        EXPECT_GE(report.partition, 0);
    const auto records = consumeAll(topic, size_t(requests.size()));
    expectContiguousPerPartition(records);
    for (const auto& r : records) {
        const auto p = partitioning::fromName(QString::fromUtf8(r.value()));
        ASSERT_TRUE(p);
        const auto prediction = partitioning::predict(*p, r.key().toByteArray(), 6);
        ASSERT_TRUE(prediction.deterministic);
        EXPECT_EQ(r.partition(), prediction.partition)
            << partitioning::name(*p).toStdString() << " key " << r.key().toByteArray().toStdString();
    }
}

TEST_F(ConsumeReal, TenMegabyteBinaryValueSurvivesByteForByte)
{
    const auto topic = itest::uniqueTopic("dp-large");
    ASSERT_EQ(itest::createTopic(topic, 1, 3, { { "max.message.bytes", "12000000" } }), "");
    QByteArray big(10 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(7);
    rng.fillRange(reinterpret_cast<quint32*>(big.data()), big.size() / 4);
    ProduceRequest r { topic, QByteArray("big"), big,
        { { QStringLiteral("kind"), QByteArray("\x00\xff", 2), false } } };
    produceAll({ r }, { { QStringLiteral("message.max.bytes"), QStringLiteral("12000000") } });
    const auto records = consumeAll(topic, 1);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].value().size(), big.size());
    EXPECT_TRUE(records[0].value() == QByteArrayView(big));
    QString back, error;
    const auto parsed = record_export::fromJsonLine(record_export::toJsonLine(topic, records[0]), &back, &error);
    ASSERT_TRUE(parsed) << error.toStdString();
    EXPECT_TRUE(parsed->value() == QByteArrayView(big));
    EXPECT_EQ(parsed->headers(), records[0].headers());
}

TEST_F(ConsumeReal, BinaryNullAndEmptyRecordsExportAndComeBackExactly)
{
    const auto topic = itest::uniqueTopic("dp-binary");
    ASSERT_EQ(itest::createTopic(topic, 2, 3), "");
    const QList<ProduceRequest> requests {
        { topic, QByteArray("\xff\x00\x10", 3), QByteArray("\x80\x81 not utf8", 12), {}, 0 },
        { topic, std::nullopt, QByteArray("text \xc3\xa4", 7), { { QStringLiteral("h"), {}, true } }, 0 },
        { topic, QByteArray(""), QByteArray(), {}, 1 },
        { topic, QByteArray("tomb"), std::nullopt, {}, 1 },
    };
    produceAll(requests);
    const auto records = consumeAll(topic, 4);
    expectContiguousPerPartition(records);
    int nullKeys = 0, emptyKeys = 0, tombstones = 0;
    for (const auto& r : records) {
        nullKeys += r.keyIsNull();
        emptyKeys += !r.keyIsNull() && r.key().isEmpty();
        tombstones += r.valueIsNull();
        QString back, error;
        const auto parsed = record_export::fromJsonLine(record_export::toJsonLine(topic, r), &back, &error);
        ASSERT_TRUE(parsed) << error.toStdString();
        EXPECT_EQ(back, topic);
        EXPECT_EQ(parsed->keyIsNull(), r.keyIsNull());
        EXPECT_EQ(parsed->valueIsNull(), r.valueIsNull());
        EXPECT_TRUE(parsed->key() == r.key());
        EXPECT_TRUE(parsed->value() == r.value());
        EXPECT_EQ(parsed->headers(), r.headers());
        EXPECT_EQ(parsed->timestamp(), r.timestamp());
    }
    EXPECT_EQ(nullKeys, 1);
    EXPECT_EQ(emptyKeys, 1);
    EXPECT_EQ(tombstones, 1);
}

namespace {
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun cli(QStringList args, const QString& bootstrap = itest::bootstrap())
{
    args << QStringLiteral("--bootstrap") << bootstrap;
    QProcess process;
    process.start(QStringLiteral(KAFSCOPE_CLI_PATH), args);
    process.waitForFinished(120000);
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
        process.readAllStandardError() };
}
} // namespace

TEST_F(ConsumeReal, CliProduceThenConsumeToTheEnd)
{
    const auto topic = itest::uniqueTopic("dp-cli");
    ASSERT_EQ(itest::createTopic(topic, 3, 3), "");
    QMap<int, int64_t> written; // i -> partition
    for (int i = 0; i < 6; ++i) {
        const auto run = cli({ QStringLiteral("produce"), topic, QStringLiteral("--key"),
            QStringLiteral("user-%1").arg(i), QStringLiteral("--value"), QStringLiteral("v%1").arg(i),
            QStringLiteral("--header"), QStringLiteral("n=%1").arg(i), QStringLiteral("--partitioner"),
            QStringLiteral("murmur2_random"), QStringLiteral("--json") });
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        const auto o = QJsonDocument::fromJson(run.out).object();
        EXPECT_EQ(o.keys(),
            (QStringList { QStringLiteral("offset"), QStringLiteral("partition"), QStringLiteral("partitioner"),
                QStringLiteral("timestamp"), QStringLiteral("topic") }));
        EXPECT_EQ(o.value(QStringLiteral("topic")).toString(), topic);
        EXPECT_EQ(o.value(QStringLiteral("partitioner")).toString(), QStringLiteral("murmur2_random"));
        const int partition = o.value(QStringLiteral("partition")).toInt();
        EXPECT_EQ(partition,
            partitioning::predict(Partitioner::Murmur2Random, QStringLiteral("user-%1").arg(i).toUtf8(), 3).partition);
        written[i] = partition;
    }
    const auto run = cli({ QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("earliest"),
        QStringLiteral("--end"), QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto lines = run.out.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 6) << run.out.toStdString();
    QSet<int> seen;
    for (const auto& line : lines) {
        QString back, error;
        const auto r = record_export::fromJsonLine(line, &back, &error);
        ASSERT_TRUE(r) << error.toStdString();
        const int i = r->value().toByteArray().mid(1).toInt();
        seen.insert(i);
        EXPECT_EQ(r->partition(), written.value(i));
        EXPECT_EQ(r->key().toByteArray(), QStringLiteral("user-%1").arg(i).toUtf8());
        ASSERT_EQ(r->headers().size(), 1);
        EXPECT_EQ(r->headers().first().value, QByteArray::number(i));
    }
    EXPECT_EQ(seen.size(), 6);
    // --max stops early; the human format names partition and offset.
    const auto two = cli({ QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("earliest"),
        QStringLiteral("--max"), QStringLiteral("2") });
    ASSERT_EQ(two.exitCode, 0) << two.err.toStdString();
    EXPECT_EQ(two.out.count('\n'), 2);
    EXPECT_TRUE(two.out.startsWith("partition=")) << two.out.toStdString();
}

TEST_F(ConsumeReal, CliExitCodesForMissingTopicsPartitionsAndUnreachableClusters)
{
    const auto missing
        = cli({ QStringLiteral("consume"), QStringLiteral("no-such-topic-kafscope"), QStringLiteral("--end") });
    EXPECT_EQ(missing.exitCode, 4);
    EXPECT_TRUE(missing.err.contains("UNKNOWN_TOPIC_OR_PART")) << missing.err.toStdString();

    const auto topic = itest::uniqueTopic("dp-cli-errors");
    ASSERT_EQ(itest::createTopic(topic, 2, 3), "");
    const auto badPartition = cli({ QStringLiteral("produce"), topic, QStringLiteral("--value"), QStringLiteral("x"),
        QStringLiteral("--partition"), QStringLiteral("7") });
    EXPECT_EQ(badPartition.exitCode, 4);
    EXPECT_TRUE(badPartition.err.contains("_UNKNOWN_PARTITION")) << badPartition.err.toStdString();

    const auto noTopic = cli({ QStringLiteral("produce"), QStringLiteral("no-such-topic-kafscope"),
        QStringLiteral("--value"), QStringLiteral("x"), QStringLiteral("--timeout"), QStringLiteral("2000") });
    EXPECT_EQ(noTopic.exitCode, 4);
    EXPECT_TRUE(noTopic.err.contains("UNKNOWN_TOPIC_OR_PART")) << noTopic.err.toStdString();

    const auto unreachable = cli({ QStringLiteral("produce"), topic, QStringLiteral("--value"), QStringLiteral("x"),
                                     QStringLiteral("--timeout"), QStringLiteral("2000") },
        QStringLiteral("127.0.0.1:1"));
    EXPECT_EQ(unreachable.exitCode, 3) << unreachable.err.toStdString();
    const auto unreachableTail
        = cli({ QStringLiteral("consume"), topic, QStringLiteral("--timeout"), QStringLiteral("2000") },
            QStringLiteral("127.0.0.1:1"));
    EXPECT_EQ(unreachableTail.exitCode, 3) << unreachableTail.err.toStdString();
    EXPECT_EQ(cli({ QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("soon") }).exitCode, 2);
    EXPECT_EQ(cli({ QStringLiteral("produce"), topic }).exitCode, 2);
}

namespace {
std::string deleteTopic(const QString& name)
{
    char errstr[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", itest::bootstrap().toUtf8().constData(), nullptr, 0);
    rd_kafka_conf_set(conf, "log_level", "0", nullptr, 0);
    rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk)
        return errstr;
    const std::string topic = name.toStdString();
    rd_kafka_DeleteTopic_t* del = rd_kafka_DeleteTopic_new(topic.c_str());
    rd_kafka_queue_t* queue = rd_kafka_queue_new(rk);
    rd_kafka_DeleteTopics(rk, &del, 1, nullptr, queue);
    rd_kafka_event_t* event = rd_kafka_queue_poll(queue, 30000);
    std::string error = !event        ? "DeleteTopics timed out"
        : rd_kafka_event_error(event) ? rd_kafka_event_error_string(event)
                                      : "";
    if (event)
        rd_kafka_event_destroy(event);
    rd_kafka_queue_destroy(queue);
    rd_kafka_DeleteTopic_destroy(del);
    rd_kafka_destroy(rk);
    return error;
}
// The live consumer tailing a topic of the real cluster from its start, collecting what it delivers and says.
struct CollectingTail
{
    explicit CollectingTail(const QString& topic)
    {
        QObject::connect(&consumer, &LiveConsumer::recordsAvailable, [this] {
            for (auto& r : consumer.drain())
                records.push_back(std::move(r));
        });
        QObject::connect(
            &consumer, &LiveConsumer::statusChanged, [this](Status, const QString& m) { statuses.append(m); });
        QObject::connect(&consumer, &LiveConsumer::partitionsAssigned,
            [this](const QList<int32_t>& partitions, int) { assignedCount = int(partitions.size()); });
        ConsumerOptions options;
        options.bootstrap = itest::bootstrap();
        options.topic = topic;
        options.start = ConsumeStart::earliest();
        consumer.start(options);
    }
    QString allStatuses() const { return statuses.join(QLatin1Char('\n')); }

    LiveConsumer consumer;
    std::vector<Record> records;
    QStringList statuses;
    int assignedCount = 0;
};
} // namespace

TEST_F(ConsumeReal, TopicDeletedWhileTailingIsRetryingNotACrash)
{
    const auto topic = itest::uniqueTopic("dp-deleted");
    ASSERT_EQ(itest::createTopic(topic, 2, 3), "");
    ASSERT_EQ(itest::produce(topic, 10), "");
    CollectingTail tail(topic);
    auto& records = tail.records;
    auto& consumer = tail.consumer;
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 10; }));
    ASSERT_EQ(deleteTopic(topic), "");
    ASSERT_TRUE(waitUntil([&] { return consumer.status() == Status::Retrying; }, 90000));
    EXPECT_TRUE(tail.statuses.last().contains(QStringLiteral("deleted"))) << tail.statuses.last().toStdString();
    // It comes back: the tail picks the new topic up from its beginning.
    ASSERT_EQ(itest::createTopic(topic, 2, 3), "");
    ASSERT_EQ(itest::produce(topic, 4), "");
    EXPECT_TRUE(waitUntil([&] { return records.size() >= 14 && consumer.status() == Status::Running; }, 90000))
        << records.size();
    waitUntil([] { return false; }, 2500); // past the worker's recheck: nothing is delivered twice
    EXPECT_EQ(records.size(), 14u);
}

// Issue #11: a topic deleted and recreated with more partitions while tailed, its new records reaching past where
// the tail stood in the old one: every record of the new topic is shown once, from each partition's start (the old
// positions are still valid offsets in the new topic, and reading from them would skip its first records).
TEST_F(ConsumeReal, ATopicRecreatedWithMoreRecordsIsReadFromItsStartLosingNothing)
{
    const auto topic = itest::uniqueTopic("dp-recreated");
    ASSERT_EQ(itest::createTopic(topic, 2, 1), "");
    ASSERT_EQ(itest::produce(topic, 20, 20), ""); // both partitions get some
    CollectingTail tail(topic);
    auto& records = tail.records;
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 20; }));
    ASSERT_EQ(deleteTopic(topic), "");
    ASSERT_TRUE(waitUntil([&] { return tail.allStatuses().contains(QStringLiteral("deleted")); }, 90000))
        << tail.allStatuses().toStdString();
    // Back with 3 partitions and 90 records over 30 keys: partitions 0 and 1 hold more than the tail had read there.
    ASSERT_EQ(itest::createTopic(topic, 3, 1), "");
    ASSERT_EQ(itest::produce(topic, 90, 30), "");
    EXPECT_TRUE(waitUntil([&] { return records.size() >= 110; }, 90000)) << records.size();
    waitUntil([] { return false; }, 2500); // past the worker's checks: nothing is delivered twice
    EXPECT_EQ(records.size(), 110u);
    // The new topic's records: per partition, offsets 0..n-1, each once, in order.
    std::map<int32_t, std::vector<int64_t>> fresh;
    for (size_t i = 20; i < records.size(); ++i)
        fresh[records[i].partition()].push_back(records[i].offset());
    int64_t total = 0;
    for (const auto& [partition, offsets] : fresh) {
        for (size_t i = 0; i < offsets.size(); ++i)
            EXPECT_EQ(offsets[i], int64_t(i)) << "partition " << partition << ", record " << i;
        total += int64_t(offsets.size());
    }
    EXPECT_EQ(total, 90);
    EXPECT_EQ(fresh.size(), 3u);
}

// Issue #11: a tail of all partitions follows the topic as it grows (CreatePartitions, seen within the 10 s growth
// check), each new partition from its start, and says so; nothing is delivered twice.
TEST_F(ConsumeReal, ATailOfAllPartitionsFollowsPartitionsAddedToTheTopic)
{
    const auto topic = itest::uniqueTopic("dp-grows");
    ASSERT_EQ(itest::createTopic(topic, 2, 1), "");
    ASSERT_EQ(itest::produce(topic, 10), "");
    CollectingTail tail(topic);
    const auto& records = tail.records;
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 10; }));
    const auto partitionsSeen = [&](size_t from) {
        QSet<int32_t> seen;
        for (size_t i = from; i < records.size(); ++i)
            seen.insert(records[i].partition());
        return seen;
    };

    // Grown to 4 partitions: records land in all of them, the new ones included.
    const auto grow = cli({ QStringLiteral("topic"), QStringLiteral("add-partitions"), topic, QStringLiteral("--count"),
        QStringLiteral("4") });
    ASSERT_EQ(grow.exitCode, 0) << grow.err.toStdString();
    ASSERT_EQ(itest::produce(topic, 40, 40), ""); // 40 keys: every partition gets some
    EXPECT_TRUE(waitUntil([&] { return records.size() >= 50; }, 60000)) << records.size();
    EXPECT_TRUE(partitionsSeen(10).contains({ 2, 3 }));
    EXPECT_EQ(tail.assignedCount, 4);
    EXPECT_TRUE(tail.allStatuses().contains(QStringLiteral("grew from 2 to 4 partitions")))
        << tail.allStatuses().toStdString();

    waitUntil([] { return false; }, 2500); // past the worker's checks: nothing is delivered twice
    EXPECT_EQ(records.size(), 50u);
}
