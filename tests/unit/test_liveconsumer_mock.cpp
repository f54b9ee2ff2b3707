// LiveConsumer against librdkafka's mock cluster: every record arrives once with contiguous offsets, the start
// positions mean what they say, back-pressure loses nothing, and errors become statuses instead of crashes.
#include "kafka/client/liveconsumer.h"
#include "kafka/client/producer.h"
#include "mockcluster.h"

#include <QDateTime>
#include <gtest/gtest.h>
#include <map>

using namespace kafscope;
using kafscope::test::holdsFor;
using kafscope::test::MockCluster;
using kafscope::test::spin;
using kafscope::test::waitUntil;
using Status = LiveConsumer::Status;

namespace {

struct ConsumerMock : ::testing::Test
{
    MockCluster mock;
    LiveConsumer consumer;
    std::vector<Record> records;
    QList<std::pair<Status, QString>> statuses;
    QMap<int32_t, int64_t> eofs;
    bool autoDrain = true;

    void SetUp() override
    {
        QObject::connect(&consumer, &LiveConsumer::statusChanged, [this](Status s, const QString& m) {
            statuses.append({ s, m });
        });
        QObject::connect(&consumer, &LiveConsumer::endOfPartition, [this](int32_t p, int64_t o) { eofs[p] = o; });
        QObject::connect(&consumer, &LiveConsumer::recordsAvailable, [this] {
            if (autoDrain)
                for (auto& r : consumer.drain())
                    records.push_back(std::move(r));
        });
    }

    // Produces `count` records through RecordProducer ("key-<i % 7>" / "value-<i>") and waits for every report.
    void produce(const char* topic, int count, int partition = -1, int first = 0)
    {
        ProducerOptions options;
        options.bootstrap = mock.bootstrap();
        RecordProducer producer(options);
        int ok = 0, reported = 0;
        QObject::connect(&producer, &RecordProducer::delivered, [&](const DeliveryReport& r) {
            ++reported;
            ok += r.ok();
        });
        for (int i = first; i < first + count; ++i) {
            ProduceRequest r;
            r.topic = QString::fromUtf8(topic);
            r.key = QByteArray("key-") + QByteArray::number(i % 7);
            r.value = QByteArray("value-") + QByteArray::number(i);
            r.partition = partition;
            producer.send(r);
        }
        ASSERT_TRUE(waitUntil([&] { return reported == count; }));
        ASSERT_EQ(ok, count);
    }

    void start(const char* topic, ConsumeStart from, bool eof = false, size_t capacity = 50000)
    {
        ConsumerOptions options;
        options.bootstrap = mock.bootstrap();
        options.topic = QString::fromUtf8(topic);
        options.start = from;
        options.reportEndOfPartition = eof;
        options.bufferCapacity = capacity;
        consumer.start(options);
    }

    bool sawStatus(Status s) const
    {
        return std::any_of(statuses.begin(), statuses.end(), [&](const auto& e) { return e.first == s; });
    }

    // partition -> offsets, in arrival order
    std::map<int32_t, std::vector<int64_t>> offsetsByPartition() const
    {
        std::map<int32_t, std::vector<int64_t>> out;
        for (const auto& r : records)
            out[r.partition()].push_back(r.offset());
        return out;
    }
};

void expectContiguous(const std::vector<int64_t>& offsets, int64_t from)
{
    for (size_t i = 0; i < offsets.size(); ++i)
        ASSERT_EQ(offsets[i], from + int64_t(i)) << "gap or duplicate at index " << i;
}

} // namespace

TEST_F(ConsumerMock, FromEarliestEveryRecordArrivesOnceInOffsetOrder)
{
    ASSERT_TRUE(mock.createTopic("orders", 3));
    produce("orders", 600);
    QList<int32_t> assigned;
    int partitionCount = 0;
    QObject::connect(&consumer, &LiveConsumer::partitionsAssigned, [&](const QList<int32_t>& p, int n) {
        assigned = p;
        partitionCount = n;
    });
    start("orders", ConsumeStart::earliest());
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 600; }));
    EXPECT_TRUE(holdsFor([&] { return records.size() == 600u; }, 200)) << records.size(); // nothing more arrives
    EXPECT_EQ(assigned, (QList<int32_t> { 0, 1, 2 }));
    EXPECT_EQ(partitionCount, 3);
    EXPECT_EQ(consumer.status(), Status::Running);
    size_t total = 0;
    for (const auto& [partition, offsets] : offsetsByPartition()) {
        expectContiguous(offsets, 0);
        total += offsets.size();
    }
    EXPECT_EQ(total, 600u);
    for (const auto& r : records) {
        EXPECT_TRUE(r.key().startsWith("key-"));
        EXPECT_TRUE(r.value().startsWith("value-"));
        EXPECT_EQ(r.timestampType(), TimestampType::CreateTime);
    }
}

TEST_F(ConsumerMock, FromLatestSeesOnlyNewRecords)
{
    ASSERT_TRUE(mock.createTopic("t", 2));
    produce("t", 10);
    start("t", ConsumeStart::latest(), true);
    ASSERT_TRUE(waitUntil([&] { return eofs.size() == 2; })); // caught up: END is resolved on both partitions
    EXPECT_TRUE(records.empty());
    produce("t", 6, -1, 100);
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 6; }));
    EXPECT_TRUE(holdsFor([&] { return records.size() == 6u; }, 200)) << records.size(); // nothing more arrives
    for (const auto& r : records)
        EXPECT_GE(r.value().toByteArray().mid(6).toInt(), 100);
}

TEST_F(ConsumerMock, FromAnOffsetAndFromTheLastN)
{
    ASSERT_TRUE(mock.createTopic("t", 2));
    produce("t", 20, 0);
    produce("t", 20, 1);
    start("t", ConsumeStart::offset(15));
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 10; }));
    EXPECT_TRUE(holdsFor([&] { return records.size() == 10u; }, 200)) << records.size(); // nothing more arrives
    auto byPartition = offsetsByPartition();
    expectContiguous(byPartition[0], 15);
    expectContiguous(byPartition[1], 15);

    records.clear();
    start("t", ConsumeStart::lastN(3));
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 6; }));
    EXPECT_TRUE(holdsFor([&] { return records.size() == 6u; }, 200)) << records.size(); // nothing more arrives
    byPartition = offsetsByPartition();
    EXPECT_EQ(byPartition[0], (std::vector<int64_t> { 17, 18, 19 }));
    EXPECT_EQ(byPartition[1], (std::vector<int64_t> { 17, 18, 19 }));
}

TEST_F(ConsumerMock, FromATimestampInTheFutureWaitsForNewRecords)
{
    ASSERT_TRUE(mock.createTopic("t", 1));
    produce("t", 5);
    start("t", ConsumeStart::timestamp(QDateTime::currentMSecsSinceEpoch() + 3600000), true);
    ASSERT_TRUE(waitUntil([&] { return eofs.size() == 1 || sawStatus(Status::Failed); }));
    EXPECT_TRUE(records.empty());
    produce("t", 2, -1, 5);
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 2; }));
    EXPECT_EQ(records.front().offset(), 5);
}

TEST_F(ConsumerMock, BackPressureLosesNothing)
{
    ASSERT_TRUE(mock.createTopic("t", 2));
    produce("t", 500);
    autoDrain = false;
    start("t", ConsumeStart::earliest(), false, 16);
    size_t maxBuffered = 0;
    while (records.size() < 500) {
        spin(5);
        maxBuffered = std::max(maxBuffered, consumer.buffered());
        for (auto& r : consumer.drain(7)) // a slow reader: 7 records per turn
            records.push_back(std::move(r));
        ASSERT_LT(records.size(), 501u);
        if (sawStatus(Status::Failed))
            FAIL() << statuses.last().second.toStdString();
    }
    EXPECT_LE(maxBuffered, 16u);
    EXPECT_EQ(records.size(), 500u);
    for (const auto& [partition, offsets] : offsetsByPartition())
        expectContiguous(offsets, 0);
}

TEST_F(ConsumerMock, PauseHoldsRecordsBackAndResumeLosesNone)
{
    ASSERT_TRUE(mock.createTopic("t", 1));
    produce("t", 50);
    start("t", ConsumeStart::earliest());
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 50; }));
    consumer.setPaused(true);
    ASSERT_TRUE(waitUntil([&] { return consumer.status() == Status::Paused; }));
    produce("t", 30, -1, 50);
    EXPECT_TRUE(holdsFor([&] { return records.size() == 50u; }, 700)) << records.size(); // held back while paused
    consumer.setPaused(false);
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 80; }));
    EXPECT_TRUE(holdsFor([&] { return records.size() == 80u; }, 200)) << records.size(); // nothing more arrives
    EXPECT_EQ(consumer.status(), Status::Running);
    expectContiguous(offsetsByPartition()[0], 0);
}

TEST_F(ConsumerMock, NullAndEmptyKeysAndHeadersSurviveTheRoundTrip)
{
    ASSERT_TRUE(mock.createTopic("t", 1));
    ProducerOptions options;
    options.bootstrap = mock.bootstrap();
    int reported = 0;
    {
        RecordProducer producer(options);
        QObject::connect(&producer, &RecordProducer::delivered, [&](const DeliveryReport& r) { reported += r.ok(); });
        ProduceRequest nullKey { QStringLiteral("t"), std::nullopt, QByteArray("a"), {}, 0 };
        ProduceRequest emptyKey { QStringLiteral("t"), QByteArray(""), QByteArray(), {}, 0 };
        ProduceRequest tombstone { QStringLiteral("t"), QByteArray("k"), std::nullopt,
            { { QStringLiteral("h1"), QByteArray("x"), false }, { QStringLiteral("h2"), {}, true } }, 0 };
        producer.send(nullKey);
        producer.send(emptyKey);
        producer.send(tombstone);
        ASSERT_TRUE(waitUntil([&] { return reported == 3; }));
    }
    start("t", ConsumeStart::earliest());
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 3; }));
    EXPECT_TRUE(records[0].keyIsNull());
    EXPECT_FALSE(records[1].keyIsNull());
    EXPECT_EQ(records[1].key().size(), 0);
    EXPECT_FALSE(records[1].valueIsNull());
    EXPECT_TRUE(records[2].valueIsNull());
    EXPECT_EQ(records[2].headers(),
        (QList<RecordHeader> { { QStringLiteral("h1"), QByteArray("x"), false }, { QStringLiteral("h2"), {}, true } }));
}

TEST_F(ConsumerMock, MissingTopicFailsWithTheErrorName)
{
    // The 2.0.2 mock creates unknown topics on Metadata v0-3 (real brokers do not for a consumer), so the test makes
    // the mock answer what a real broker answers.
    rd_kafka_mock_topic_set_error(mock.cluster(), "no-such-topic", RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
    start("no-such-topic", ConsumeStart::earliest());
    ASSERT_TRUE(waitUntil([&] { return sawStatus(Status::Failed); }));
    EXPECT_TRUE(statuses.last().second.contains(QStringLiteral("UNKNOWN_TOPIC_OR_PART")))
        << statuses.last().second.toStdString();
    EXPECT_TRUE(statuses.last().second.contains(QStringLiteral("no-such-topic")));
}

TEST_F(ConsumerMock, MissingPartitionFails)
{
    ASSERT_TRUE(mock.createTopic("t", 2));
    ConsumerOptions options;
    options.bootstrap = mock.bootstrap();
    options.topic = QStringLiteral("t");
    options.partitions = { 5 };
    consumer.start(options);
    ASSERT_TRUE(waitUntil([&] { return sawStatus(Status::Failed); }));
    EXPECT_TRUE(statuses.last().second.contains(QStringLiteral("no partition 5")));
}

TEST_F(ConsumerMock, BrokersDownIsRetryingThenRunningAgain)
{
    ASSERT_TRUE(mock.createTopic("t", 2));
    produce("t", 10);
    start("t", ConsumeStart::earliest());
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 10; }));
    mock.setAllBrokersDown(true);
    ASSERT_TRUE(waitUntil([&] { return consumer.status() == Status::Retrying; }));
    EXPECT_FALSE(statuses.last().second.isEmpty());
    // One broker's error at a time first; once no broker answers two checks in a row, the whole outage is said.
    ASSERT_TRUE(waitUntil([&] { return statuses.last().second.startsWith(QLatin1String("No broker answers")); }))
        << statuses.last().second.toStdString();
    EXPECT_TRUE(statuses.last().second.contains(QLatin1String("the tail resumes where it stopped")));
    for (const auto& [status, text] : statuses) // librdkafka's guess at a wrong security.protocol, on a dead broker
        EXPECT_FALSE(text.contains(QLatin1String("security.protocol"))) << text.toStdString();
    mock.setAllBrokersDown(false);
    ASSERT_TRUE(waitUntil([&] { return consumer.status() == Status::Running; }));
    produce("t", 10, -1, 10);
    ASSERT_TRUE(waitUntil([&] { return records.size() >= 20; }));
    EXPECT_TRUE(holdsFor([&] { return records.size() == 20u; }, 200)) << records.size(); // nothing more arrives
}

TEST_F(ConsumerMock, StopWithTheClusterDownReturnsAndTheWorkerFinishesOnItsOwn)
{
    // How long stop() takes is measured in bench/ (bench_shutdown), not asserted here.
    ASSERT_TRUE(mock.createTopic("t", 1));
    start("t", ConsumeStart::latest());
    ASSERT_TRUE(waitUntil([&] { return consumer.status() == Status::Running; }));
    mock.setAllBrokersDown(true);
    ASSERT_TRUE(waitUntil([&] { return consumer.status() == Status::Retrying; }));
    consumer.stop();
    EXPECT_EQ(consumer.status(), Status::Stopped);
    EXPECT_TRUE(waitUntil([&] { return consumer.hasFinished(); }));
}

TEST_F(ConsumerMock, ShutdownEmitsNothingMore)
{
    ASSERT_TRUE(mock.createTopic("t", 2));
    produce("t", 10);
    start("t", ConsumeStart::earliest());
    ASSERT_TRUE(waitUntil([&] { return consumer.status() == Status::Running; }));
    const auto before = statuses.size();
    consumer.shutdown();
    EXPECT_TRUE(waitUntil([&] { return consumer.hasFinished(); }));
    EXPECT_TRUE(holdsFor([&] { return statuses.size() == before; }, 50)); // nothing queued before the stop arrives
}

TEST(ConsumeStart, Parses)
{
    EXPECT_EQ(ConsumeStart::parse(QStringLiteral("earliest"))->kind, ConsumeStart::Kind::Earliest);
    EXPECT_EQ(ConsumeStart::parse(QStringLiteral("latest"))->kind, ConsumeStart::Kind::Latest);
    const auto offset = ConsumeStart::parse(QStringLiteral("42"));
    EXPECT_EQ(offset->kind, ConsumeStart::Kind::Offset);
    EXPECT_EQ(offset->value, 42);
    const auto ts = ConsumeStart::parse(QStringLiteral("@1700000000000"));
    EXPECT_EQ(ts->kind, ConsumeStart::Kind::Timestamp);
    EXPECT_EQ(ts->value, 1700000000000);
    const auto last = ConsumeStart::parse(QStringLiteral("-10"));
    EXPECT_EQ(last->kind, ConsumeStart::Kind::LastN);
    EXPECT_EQ(last->value, 10);
    for (const char* bad : { "", "soon", "-0", "--3", "@", "@x", "+5", "1e3", "-" })
        EXPECT_FALSE(ConsumeStart::parse(QString::fromLatin1(bad))) << bad;
}
