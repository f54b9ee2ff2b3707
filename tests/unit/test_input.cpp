// What people type for the data plane (issue #6: logic out of widgets): partition lists, start positions, headers,
// the producer form. Every refusal carries the sentence the UI shows.
#include "codectest.h"
#include "kafka/client/input.h"

#include <QDateTime>

using namespace kafscope;
using namespace kafscope::input;

TEST(Input, PartitionListsTakeNumbersAndRangesInOrderWithoutRepeats)
{
    QString error;
    EXPECT_EQ(parsePartitions(QStringLiteral(" 3, 0-2 ,1,5 "), 6, &error), (QList<int32_t> { 3, 0, 1, 2, 5 }));
    EXPECT_EQ(parsePartitions(QString(), 6, &error), QList<int32_t>());
    EXPECT_EQ(parsePartitions(QStringLiteral("100"), 0, &error), QList<int32_t> { 100 }); // no count: no upper bound
}

TEST(Input, BadPartitionListsSayWhy)
{
    QString error;
    EXPECT_FALSE(parsePartitions(QStringLiteral("6"), 6, &error));
    EXPECT_EQ(error, QStringLiteral("The topic has partitions 0 to 5; there is no partition 6."));
    for (const char* bad : { "x", "3-1", "-2", "1-2-3", "1.5" }) {
        error.clear();
        EXPECT_FALSE(parsePartitions(QString::fromLatin1(bad), 6, &error)) << bad;
        EXPECT_TRUE(error.contains(QStringLiteral("is not a partition or a range"))) << bad;
    }
}

TEST(Input, StartPositions)
{
    QString error;
    EXPECT_EQ(parseStart(StartChoice::Latest, QStringLiteral("ignored"), &error)->kind, ConsumeStart::Kind::Latest);
    EXPECT_EQ(parseStart(StartChoice::Earliest, {}, &error)->kind, ConsumeStart::Kind::Earliest);
    const auto offset = parseStart(StartChoice::Offset, QStringLiteral(" 1200 "), &error);
    ASSERT_TRUE(offset);
    EXPECT_EQ(offset->kind, ConsumeStart::Kind::Offset);
    EXPECT_EQ(offset->value, 1200);
    const auto last = parseStart(StartChoice::LastN, QStringLiteral("50"), &error);
    ASSERT_TRUE(last);
    EXPECT_EQ(last->kind, ConsumeStart::Kind::LastN);
    EXPECT_EQ(last->value, 50);
    const auto epoch = parseStart(StartChoice::Timestamp, QStringLiteral("1700000000000"), &error);
    ASSERT_TRUE(epoch);
    EXPECT_EQ(epoch->value, 1700000000000);
    const auto local = parseStart(StartChoice::Timestamp, QStringLiteral("2026-12-01 08:30"), &error);
    ASSERT_TRUE(local);
    EXPECT_EQ(local->value, QDateTime(QDate(2026, 12, 1), QTime(8, 30)).toMSecsSinceEpoch());
    const auto seconds = parseStart(StartChoice::Timestamp, QStringLiteral("2026-12-01 08:30:15"), &error);
    ASSERT_TRUE(seconds);
    EXPECT_EQ(seconds->value - local->value, 15000);
}

TEST(Input, BadStartPositionsSayWhy)
{
    QString error;
    EXPECT_FALSE(parseStart(StartChoice::Offset, QStringLiteral("-1"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("is not an offset")));
    EXPECT_FALSE(parseStart(StartChoice::LastN, QStringLiteral("0"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("is not a number of records")));
    EXPECT_FALSE(parseStart(StartChoice::Timestamp, QStringLiteral("yesterday"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("is not a time")));
    EXPECT_FALSE(parseStart(StartChoice::Timestamp, QStringLiteral("2026-13-01 08:30"), &error));
}

TEST(Input, HeadersAreKeyValuePairs)
{
    QString error;
    const auto headers = parseHeaders(QStringLiteral(" trace = abc , empty=, eq=a=b"), &error);
    ASSERT_TRUE(headers) << error.toStdString();
    ASSERT_EQ(headers->size(), 3);
    EXPECT_EQ(headers->at(0).key, QStringLiteral("trace"));
    EXPECT_EQ(headers->at(0).value, QByteArray("abc"));
    EXPECT_EQ(headers->at(1).value, QByteArray());
    EXPECT_EQ(headers->at(2).value, QByteArray("a=b"));
    EXPECT_FALSE(parseHeaders(QStringLiteral("a=1, novalue"), &error));
    EXPECT_EQ(error, QStringLiteral("Header \"novalue\" is not key=value."));
    EXPECT_FALSE(parseHeaders(QStringLiteral("=x"), &error));
}

TEST(Input, ProduceFormBecomesTheRequestOrSaysWhyNot)
{
    ClusterMetadata md;
    TopicInfo orders;
    orders.name = QStringLiteral("orders");
    orders.partitions.resize(6);
    md.topics = { orders };
    ProduceForm form;
    form.topic = QStringLiteral(" orders ");
    form.key = QStringLiteral("user-1");
    form.value = QStringLiteral("{}");
    form.headers = QStringLiteral("a=1");
    form.partitioner = partitioning::Partitioner::Fnv1a;
    QString error;
    const auto request = validateProduce(form, md, true, &error);
    ASSERT_TRUE(request) << error.toStdString();
    EXPECT_EQ(request->topic, QStringLiteral("orders"));
    EXPECT_EQ(*request->key, QByteArray("user-1"));
    EXPECT_EQ(*request->value, QByteArray("{}"));
    EXPECT_EQ(request->headers.size(), 1);
    EXPECT_EQ(request->partition, -1);
    EXPECT_EQ(request->partitioner, partitioning::Partitioner::Fnv1a);

    form.nullKey = true;
    EXPECT_FALSE(validateProduce(form, md, true, &error)->key.has_value());

    EXPECT_FALSE(validateProduce(form, md, false, &error));
    EXPECT_EQ(error, QStringLiteral("Connect to a cluster first."));
    form.partition = 6;
    EXPECT_FALSE(validateProduce(form, md, true, &error));
    EXPECT_EQ(error, QStringLiteral("Topic \"orders\" has partitions 0 to 5; there is no partition 6."));
    form.partition = -1;
    form.topic = QStringLiteral("nope");
    EXPECT_FALSE(validateProduce(form, md, true, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("does not exist")));
    form.topic = QString();
    EXPECT_FALSE(validateProduce(form, md, true, &error));
    EXPECT_EQ(error, QStringLiteral("Choose a topic."));
    form.topic = QStringLiteral("orders");
    form.headers = QStringLiteral("bad");
    EXPECT_FALSE(validateProduce(form, md, true, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("is not key=value")));
}
