// Adding partitions and retention, the pure parts (kafka/admin/partitiongrowth.h, retention.h): counts that can be
// asked for, how many keys move under murmur2 and CRC-32, retention values typed with units, the words for them, and
// the estimate of what new values make eligible for deletion.
#include "kafka/admin/partitiongrowth.h"
#include "kafka/admin/retention.h"
#include "kafka/client/partitioners.h"

#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::admin;

TEST(PartitionGrowth, OnlyIncreasesAreAllowedAndADecreaseSaysWhy)
{
    EXPECT_EQ(checkNewPartitionCount(QStringLiteral("orders"), 6, 12), QString());
    EXPECT_TRUE(checkNewPartitionCount(QStringLiteral("orders"), 6, 3).contains(QStringLiteral("cannot remove")));
    EXPECT_TRUE(checkNewPartitionCount(QStringLiteral("orders"), 6, 6).contains(QStringLiteral("already has 6")));
    EXPECT_FALSE(checkNewPartitionCount(QStringLiteral("orders"), 6, 0).isEmpty());
}

TEST(PartitionGrowth, KeyMovesFollowEachHashModuloTheCounts)
{
    QList<QByteArray> keys;
    for (int i = 0; i < 2000; ++i)
        keys.append(QByteArrayLiteral("user-") + QByteArray::number(i));
    const auto moves = keyMoves(keys, 6, 12);
    EXPECT_EQ(moves.keys, 2000);
    // Checked one by one against the partitioners the producer uses.
    int murmur = 0;
    int crc = 0;
    for (const auto& k : keys) {
        using partitioning::Partitioner;
        if (partitioning::predict(Partitioner::Murmur2, k, 6).partition
            != partitioning::predict(Partitioner::Murmur2, k, 12).partition)
            ++murmur;
        if (partitioning::predict(Partitioner::Consistent, k, 6).partition
            != partitioning::predict(Partitioner::Consistent, k, 12).partition)
            ++crc;
    }
    EXPECT_EQ(moves.murmur2Moved, murmur);
    EXPECT_EQ(moves.crc32Moved, crc);
    // Doubling moves about half of the keys: those whose hash % 12 is 6..11.
    EXPECT_NEAR(moves.murmur2Share(), 0.5, 0.05);
    EXPECT_NEAR(moves.crc32Share(), 0.5, 0.05);
    EXPECT_EQ(keyMoves(keys, 6, 6).murmur2Moved, 0);
}

TEST(PartitionGrowth, ExpectedShareForUniformKeys)
{
    EXPECT_DOUBLE_EQ(expectedMovedShare(6, 12), 0.5);
    EXPECT_DOUBLE_EQ(expectedMovedShare(3, 4), 0.75); // only 0, 1, 2 of every 12 hashes stay
    EXPECT_DOUBLE_EQ(expectedMovedShare(1, 2), 0.5);
    EXPECT_DOUBLE_EQ(expectedMovedShare(5, 5), 0.0);
}

TEST(Retention, ValuesAreTypedWithUnitsAndMinusOneMeansNoLimit)
{
    QString error;
    EXPECT_EQ(parseRetentionMs(QStringLiteral("7"), TimeUnit::Days, &error), 604800000);
    EXPECT_EQ(parseRetentionMs(QStringLiteral("1.5"), TimeUnit::Hours, &error), 5400000);
    EXPECT_EQ(parseRetentionMs(QStringLiteral("-1"), TimeUnit::Days, &error), -1);
    EXPECT_EQ(parseRetentionBytes(QStringLiteral("1"), SizeUnit::GiB, &error), Q_INT64_C(1073741824));
    EXPECT_FALSE(parseRetentionMs(QStringLiteral("a week"), TimeUnit::Days, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("must be a number"))) << error.toStdString();
    EXPECT_FALSE(parseRetentionMs(QStringLiteral("-2"), TimeUnit::Days, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("cannot be negative"))) << error.toStdString();
    EXPECT_FALSE(parseRetentionBytes(QStringLiteral("1e30"), SizeUnit::TiB, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("too large")));

    EXPECT_EQ(splitRetentionMs(604800000), std::make_pair(QStringLiteral("7"), TimeUnit::Days));
    EXPECT_EQ(splitRetentionMs(5400000), std::make_pair(QStringLiteral("90"), TimeUnit::Minutes));
    EXPECT_EQ(splitRetentionMs(1234), std::make_pair(QStringLiteral("1234"), TimeUnit::Milliseconds));
    EXPECT_EQ(splitRetentionBytes(Q_INT64_C(1073741824)), std::make_pair(QStringLiteral("1"), SizeUnit::GiB));
    EXPECT_EQ(splitRetentionBytes(-1).first, QStringLiteral("-1"));
}

TEST(Retention, TheValuesInWords)
{
    EXPECT_TRUE(
        explainRetention(604800000, -1, QStringLiteral("delete")).contains(QStringLiteral("older than 7 days")));
    EXPECT_TRUE(explainRetention(-1, -1, QStringLiteral("delete")).contains(QStringLiteral("kept forever")));
    const auto both = explainRetention(86400000, 1073741824, QStringLiteral("delete"));
    EXPECT_TRUE(both.contains(QStringLiteral("whichever comes first"))) << both.toStdString();
    EXPECT_TRUE(both.contains(QStringLiteral("per partition")));
    EXPECT_TRUE(
        explainRetention(-1, -1, QStringLiteral("compact")).contains(QStringLiteral("only the latest per key")));
}

TEST(Retention, EligibleRecordsComeFromTheCutoffOffsetAndTheSizeLimit)
{
    // p0: 1000 records, the first 400 older than the cut-off, 1 MiB on disk. p1: everything is newer, 4 MiB.
    // p2: every record is older than the cut-off (no offset at or after it).
    const QList<PartitionRetentionInput> partitions { { 0, 0, 1000, 1 << 20, 400 }, { 1, 100, 1100, 4 << 20, 100 },
        { 2, 0, 50, 1000, -1 } };
    const auto byTime = estimateEligible(partitions, 3600000, -1, true);
    EXPECT_EQ(byTime.records, 400 + 0 + 50);
    EXPECT_EQ(byTime.partitions, 2);
    EXPECT_EQ(byTime.bytes, (1 << 20) * 400 / 1000 + 1000);
    // A 2 MiB limit per partition trims half of p1 as well.
    const auto bySize = estimateEligible(partitions, -1, 2 << 20, true);
    EXPECT_EQ(bySize.records, 500);
    EXPECT_EQ(bySize.partitions, 1);
    // Compaction only: nothing is deleted for age or size.
    EXPECT_EQ(estimateEligible(partitions, 3600000, 2 << 20, false).records, 0);
    // Forever: nothing.
    EXPECT_EQ(estimateEligible(partitions, -1, -1, true).records, 0);
}
