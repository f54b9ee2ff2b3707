#include "kafka/client/partitioners.h"

#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>
#include <random>

using namespace kafscope::partitioning;

namespace {

std::optional<QByteArray> key(const char* s)
{
    return QByteArray(s);
}

using RdPartitioner = int32_t (*)(const rd_kafka_topic_t*, const void*, size_t, int32_t, void*, void*);

} // namespace

// KAFKA-FACTS.md "Partitioners": checked against librdkafka and a real produce to the mock broker.
TEST(Partitioners, HashesMatchTheDocumentedVectors)
{
    EXPECT_EQ(crc32("user-1"), 0x7e264614u);
    EXPECT_EQ(crc32("order-42"), 0x57f706deu);
    EXPECT_EQ(crc32("kafka"), 0x5bbc7517u);
    EXPECT_EQ(murmur2("user-1"), 0x53b136ccu);
    EXPECT_EQ(murmur2("order-42"), 0x1ddefd00u);
    EXPECT_EQ(murmur2("kafka"), 0xd067cf64u);
    // Well-known vectors: zlib's check value, Kafka's murmur2 of "" and FNV-1a's reference values.
    EXPECT_EQ(crc32("123456789"), 0xcbf43926u);
    EXPECT_EQ(crc32(""), 0u);
    EXPECT_EQ(murmur2(""), 0x106e08d9u);
    EXPECT_EQ(fnv1a(""), 0x811c9dc5u);
    EXPECT_EQ(fnv1a("a"), 0xe40c292cu);
    EXPECT_EQ(fnv1a("foobar"), 0xbf9cf968u);
}

TEST(Partitioners, PartitionsMatchTheDocumentedVectorsForSixPartitions)
{
    const struct
    {
        const char* key;
        int consistent;
        int murmur;
    } vectors[] = { { "user-1", 2, 2 }, { "order-42", 4, 0 }, { "kafka", 5, 4 } };
    for (const auto& v : vectors) {
        for (auto p : { Partitioner::Consistent, Partitioner::ConsistentRandom })
            EXPECT_EQ(predict(p, key(v.key), 6).partition, v.consistent) << v.key;
        for (auto p : { Partitioner::Murmur2, Partitioner::Murmur2Random })
            EXPECT_EQ(predict(p, key(v.key), 6).partition, v.murmur) << v.key;
    }
}

TEST(Partitioners, ExplanationShowsTheArithmetic)
{
    const auto m = predict(Partitioner::Murmur2Random, key("user-1"), 6);
    EXPECT_TRUE(m.deterministic);
    EXPECT_EQ(m.hash, 0x53b136ccu);
    EXPECT_EQ(m.explanation, QStringLiteral("murmur2(\"user-1\") = 0x53b136cc; (0x53b136cc & 0x7fffffff) % 6 = 2"));
    EXPECT_EQ(predict(Partitioner::ConsistentRandom, key("kafka"), 6).explanation,
        QStringLiteral("crc32(\"kafka\") = 0x5bbc7517; 0x5bbc7517 % 6 = 5"));
    EXPECT_EQ(predict(Partitioner::ConsistentRandom, std::nullopt, 6).explanation,
        QStringLiteral("null key: librdkafka's consistent_random picks a random partition (sticky per batch); an "
                       "empty key is treated the same"));
    // A key that looks like an arg() placeholder must come out verbatim; binary bytes are escaped.
    EXPECT_TRUE(
        predict(Partitioner::Murmur2, key("%3%1"), 7).explanation.startsWith(QStringLiteral("murmur2(\"%3%1\")")));
    EXPECT_TRUE(predict(Partitioner::Consistent, QByteArray("\x00\xff\"", 3), 7)
                    .explanation.startsWith(QStringLiteral("crc32(\"\\x00\\xff\\\"\")")));
}

TEST(Partitioners, Fnv1aTakesTheAbsoluteValueOfTheSignedHash)
{
    // fnv1a("a") = 0xe40c292c is negative as int32: abs = 0x1bf3d6d4 = 468965076, % 6 = 0.
    const auto p = predict(Partitioner::Fnv1a, key("a"), 6);
    EXPECT_EQ(p.partition, int(468965076u % 6));
    EXPECT_EQ(p.explanation,
        QStringLiteral("fnv1a(\"a\") = 0xe40c292c; abs((int32)0xe40c292c) = 0x1bf3d6d4; 0x1bf3d6d4 % 6 = 0"));
}

// The thousands of keys below are compared with librdkafka's own partitioner functions, which take a null topic
// as long as they never reach the random path (that calls rd_kafka_topic_partition_available(rkt, ...)).
TEST(Partitioners, GeneratedKeysMatchLibrdkafka)
{
    const struct
    {
        Partitioner p;
        RdPartitioner rd;
        bool emptyKeySafe; // false: librdkafka would go random (and dereference the topic)
    } cases[] = {
        { Partitioner::Consistent, rd_kafka_msg_partitioner_consistent, true },
        { Partitioner::ConsistentRandom, rd_kafka_msg_partitioner_consistent_random, false },
        { Partitioner::Murmur2, rd_kafka_msg_partitioner_murmur2, true },
        { Partitioner::Murmur2Random, rd_kafka_msg_partitioner_murmur2_random, true },
        { Partitioner::Fnv1a, rd_kafka_msg_partitioner_fnv1a, true },
        { Partitioner::Fnv1aRandom, rd_kafka_msg_partitioner_fnv1a_random, true },
    };
    std::mt19937 rng(20240611);
    std::uniform_int_distribution<int> length(0, 64);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> printable(0x20, 0x7e);
    int compared = 0;
    for (int i = 0; i < 4000; ++i) {
        QByteArray k(length(rng), Qt::Uninitialized);
        const bool binary = i % 2 == 0;
        for (auto& c : k)
            c = char(binary ? byte(rng) : printable(rng));
        // Odd offsets exercise librdkafka's unaligned murmur2 path too.
        QByteArray buffer = QByteArray(i % 4, 'x') + k;
        const char* data = buffer.constData() + i % 4;
        for (int n : { 1, 2, 3, 6, 7, 12, 100 }) {
            for (const auto& c : cases) {
                if (k.isEmpty() && !c.emptyKeySafe)
                    continue;
                const auto prediction = predict(c.p, k, n);
                ASSERT_TRUE(prediction.deterministic) << name(c.p).toStdString();
                ASSERT_EQ(prediction.partition, c.rd(nullptr, data, size_t(k.size()), n, nullptr, nullptr))
                    << name(c.p).toStdString() << " n=" << n << " key=" << k.toHex().toStdString();
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 150000);
}

TEST(Partitioners, NullKeyOnDeterministicPartitionersMatchesLibrdkafkaCalledWithNull)
{
    // rd_kafka_msg_partitioner() calls consistent/murmur2/fnv1a with (NULL, 0) instead of the sticky path.
    const struct
    {
        Partitioner p;
        RdPartitioner rd;
    } cases[] = {
        { Partitioner::Consistent, rd_kafka_msg_partitioner_consistent },
        { Partitioner::Murmur2, rd_kafka_msg_partitioner_murmur2 },
        { Partitioner::Fnv1a, rd_kafka_msg_partitioner_fnv1a },
    };
    for (int n : { 1, 2, 3, 6, 7, 12, 100 }) {
        for (const auto& c : cases) {
            const auto prediction = predict(c.p, std::nullopt, n);
            EXPECT_TRUE(prediction.deterministic);
            EXPECT_EQ(prediction.partition, c.rd(nullptr, nullptr, 0, n, nullptr, nullptr)) << n;
            EXPECT_EQ(prediction.partition, predict(c.p, QByteArray(), n).partition) << "null and empty agree";
        }
    }
    EXPECT_EQ(predict(Partitioner::Consistent, std::nullopt, 6).partition, 0);
}

TEST(Partitioners, NullAndEmptyKeyRules)
{
    const QByteArray empty;
    // Random partitioners: a null key is never predictable.
    for (auto p :
        { Partitioner::Random, Partitioner::ConsistentRandom, Partitioner::Murmur2Random, Partitioner::Fnv1aRandom }) {
        const auto r = predict(p, std::nullopt, 6);
        EXPECT_FALSE(r.deterministic) << name(p).toStdString();
        EXPECT_EQ(r.partition, -1);
        EXPECT_TRUE(r.explanation.startsWith(QStringLiteral("null key:"))) << r.explanation.toStdString();
        EXPECT_TRUE(r.explanation.contains(QStringLiteral("sticky per batch")));
    }
    // consistent_random checks the length, so an empty key is random too; the murmur2/fnv1a variants check the
    // pointer and hash the empty key (as the Java client does).
    EXPECT_FALSE(predict(Partitioner::ConsistentRandom, empty, 6).deterministic);
    EXPECT_TRUE(predict(Partitioner::ConsistentRandom, empty, 6).explanation.startsWith(QStringLiteral("empty key:")));
    const auto m = predict(Partitioner::Murmur2Random, empty, 6);
    EXPECT_TRUE(m.deterministic);
    EXPECT_EQ(m.hash, 0x106e08d9u);
    EXPECT_EQ(m.partition, int(0x106e08d9u % 6));
    EXPECT_TRUE(m.explanation.contains(QStringLiteral("only a null key goes to a random partition")));
    EXPECT_TRUE(predict(Partitioner::Fnv1aRandom, empty, 6).deterministic);
    EXPECT_FALSE(predict(Partitioner::Random, empty, 6).deterministic);
    EXPECT_FALSE(predict(Partitioner::Random, key("user-1"), 6).deterministic);
    // Deterministic partitioners: null hashes as zero bytes and says so.
    const auto c = predict(Partitioner::Consistent, std::nullopt, 6);
    EXPECT_EQ(c.explanation,
        QStringLiteral("null key: librdkafka's consistent hashes it as zero bytes: crc32 = 0x00000000; 0x00000000 % "
                       "6 = 0 (an empty key lands on the same partition)"));
}

TEST(Partitioners, PredictAllCoversEveryPartitionerInOrder)
{
    const auto all = predictAll(key("user-1"), 6);
    ASSERT_EQ(all.size(), 7);
    for (qsizetype i = 0; i < all.size(); ++i)
        EXPECT_EQ(all[i].partitioner, kafscope::partitioning::all()[i]);
    EXPECT_EQ(all[0].partitioner, Partitioner::Murmur2Random);
    EXPECT_EQ(all[0].partition, 2);
    EXPECT_EQ(all[1].partition, 2);
}

TEST(Partitioners, NamesRoundTripAndUnknownNamesAreRejected)
{
    const QStringList expected = { QStringLiteral("murmur2_random"), QStringLiteral("consistent_random"),
        QStringLiteral("fnv1a"), QStringLiteral("random"), QStringLiteral("murmur2"), QStringLiteral("consistent"),
        QStringLiteral("fnv1a_random") };
    const auto ps = all();
    ASSERT_EQ(ps.size(), expected.size());
    for (qsizetype i = 0; i < ps.size(); ++i) {
        EXPECT_EQ(name(ps[i]), expected[i]);
        EXPECT_EQ(fromName(name(ps[i])), ps[i]);
        EXPECT_TRUE(description(ps[i]).endsWith(QLatin1Char('.')));
    }
    for (const char* bad : { "", "Murmur2", "murmur2 ", "crc32", "default", "sticky", "murmur" })
        EXPECT_FALSE(fromName(QString::fromLatin1(bad)).has_value()) << bad;
}

TEST(Partitioners, NoPartitionsIsNotAPrediction)
{
    const auto r = predict(Partitioner::Murmur2, key("user-1"), 0);
    EXPECT_FALSE(r.deterministic);
    EXPECT_EQ(r.partition, -1);
}
