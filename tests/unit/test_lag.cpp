// Lag as pure logic (kafka/admin/lag.h): the verdict rules on scripted sample windows, rates and the time to catch up,
// and a group's partitions (committed, end offsets, owners, "no offset" never lag 0).
#include "kafka/admin/lag.h"

#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::admin;

namespace {

// A window of samples 5 s apart: {committed (-1 none), latest (-1 leader silent)} pairs.
QList<LagPoint> window(std::initializer_list<std::pair<int64_t, int64_t>> samples)
{
    QList<LagPoint> out;
    qint64 t = 1'000'000;
    for (const auto& [committed, latest] : samples) {
        LagPoint p;
        p.timeMs = t;
        if (committed >= 0)
            p.committed = committed;
        p.latest = latest;
        out.append(p);
        t += 5000;
    }
    return out;
}

} // namespace

TEST(LagVerdict, CaughtUpIsOk)
{
    EXPECT_EQ(lagVerdict(window({ { 100, 100 } }), true), LagStatus::Ok);
    EXPECT_EQ(lagVerdict(window({ { 100, 100 }, { 150, 150 } }), false), LagStatus::Ok);
}

TEST(LagVerdict, NoCommittedOffsetIsNoOffsetNeverOk)
{
    EXPECT_EQ(lagVerdict(window({ { -1, 0 } }), true), LagStatus::NoOffset);
    EXPECT_EQ(lagVerdict(window({ { 10, 20 }, { -1, 30 } }), true), LagStatus::NoOffset);
}

TEST(LagVerdict, SilentLeaderIsUnknown)
{
    EXPECT_EQ(lagVerdict(window({ { 10, 20 }, { 10, -1 } }), true), LagStatus::Unknown);
    EXPECT_EQ(lagVerdict({}, true), LagStatus::Unknown);
}

TEST(LagVerdict, LagWithoutMembersIsStopped)
{
    EXPECT_EQ(lagVerdict(window({ { 10, 20 } }), false), LagStatus::Stopped);
    EXPECT_EQ(lagVerdict(window({ { 10, 20 }, { 10, 25 } }), false), LagStatus::Stopped);
}

TEST(LagVerdict, CommitsNotMovingWithMembersIsStalled)
{
    EXPECT_EQ(lagVerdict(window({ { 10, 20 }, { 10, 20 }, { 10, 30 } }), true), LagStatus::Stalled);
    // A single sample cannot tell a stall.
    EXPECT_EQ(lagVerdict(window({ { 10, 20 } }), true), LagStatus::Ok);
}

TEST(LagVerdict, LagGrowingWhileCommitsMoveIsBehind)
{
    EXPECT_EQ(lagVerdict(window({ { 10, 20 }, { 15, 30 }, { 20, 45 } }), true), LagStatus::Behind);
    // Lag that shrank somewhere in the window is not "behind".
    EXPECT_EQ(lagVerdict(window({ { 10, 20 }, { 18, 22 }, { 20, 45 } }), true), LagStatus::Ok);
    // Lag falling while commits move is fine.
    EXPECT_EQ(lagVerdict(window({ { 10, 50 }, { 30, 55 }, { 50, 60 } }), true), LagStatus::Ok);
    // Steady lag while commits move is fine.
    EXPECT_EQ(lagVerdict(window({ { 10, 20 }, { 20, 30 }, { 30, 40 } }), true), LagStatus::Ok);
}

TEST(LagVerdict, CommitGoingBackwardsIsRewound)
{
    EXPECT_EQ(lagVerdict(window({ { 50, 60 }, { 20, 60 } }), true), LagStatus::Rewound);
    // Even without members and with lag 0 afterwards: the rewind is what matters.
    EXPECT_EQ(lagVerdict(window({ { 50, 60 }, { 60, 60 }, { 0, 60 } }), false), LagStatus::Rewound);
    // A gap without a commit in between does not hide it.
    EXPECT_EQ(lagVerdict(window({ { 50, 60 }, { -1, 60 }, { 10, 60 } }), true), LagStatus::Rewound);
}

TEST(LagVerdict, EveryStatusHasANameAndARule)
{
    for (LagStatus s : { LagStatus::Ok, LagStatus::NoOffset, LagStatus::Unknown, LagStatus::Behind, LagStatus::Rewound,
             LagStatus::Stalled, LagStatus::Stopped }) {
        EXPECT_EQ(lagStatusFromName(lagStatusName(s)), s);
        EXPECT_TRUE(lagStatusRule(s).startsWith(lagStatusName(s) + QLatin1Char(':')));
        EXPECT_TRUE(lagRulesText().contains(lagStatusRule(s)));
    }
    EXPECT_FALSE(lagStatusFromName(QStringLiteral("fine")));
    EXPECT_EQ(worstStatus({ LagStatus::Ok, LagStatus::Stalled, LagStatus::NoOffset }), LagStatus::Stalled);
    EXPECT_EQ(worstStatus({}), LagStatus::Ok);
}

TEST(LagRates, ConsumeAndProduceRatesGiveTheCatchUpTime)
{
    // 10 s: consumed 200 (20/s), produced 100 (10/s), lag 100 -> 10 s to catch up.
    const auto rates = lagRates(window({ { 0, 200 }, { 100, 250 }, { 200, 300 } }));
    ASSERT_TRUE(rates.known);
    EXPECT_DOUBLE_EQ(rates.consumePerSec, 20);
    EXPECT_DOUBLE_EQ(rates.producePerSec, 10);
    ASSERT_TRUE(rates.catchUpSeconds);
    EXPECT_DOUBLE_EQ(*rates.catchUpSeconds, 10);
    EXPECT_EQ(describeCatchUp(rates, 100), QStringLiteral("about 10 s"));

    const auto losing = lagRates(window({ { 0, 100 }, { 10, 200 } }));
    EXPECT_TRUE(losing.known);
    EXPECT_FALSE(losing.catchUpSeconds);
    EXPECT_EQ(describeCatchUp(losing, 190), QStringLiteral("not catching up"));
    EXPECT_FALSE(lagRates(window({ { 0, 100 } })).known);
    EXPECT_EQ(describeCatchUp(lagRates(window({ { 0, 100 } })), 100), QStringLiteral("unknown"));
    EXPECT_EQ(describeCatchUp({}, 0), QStringLiteral("caught up"));
}

namespace {

ClusterMetadata twoTopics()
{
    ClusterMetadata m;
    for (const auto& [name, count] : { std::pair { QStringLiteral("orders"), 3 }, { QStringLiteral("other"), 2 } }) {
        TopicInfo t;
        t.name = name;
        for (int p = 0; p < count; ++p) {
            PartitionInfo info;
            info.partition = p;
            info.leader = p + 1;
            t.partitions.append(info);
        }
        m.topics.append(t);
    }
    return m;
}

PartitionOffset at(const QString& topic, int32_t partition, int64_t offset, int16_t error = 0)
{
    PartitionOffset o;
    o.topic = topic;
    o.partition = partition;
    o.offset = offset;
    o.errorCode = error;
    return o;
}

} // namespace

TEST(ComputeLag, ExactLagPerPartitionAndNoOffsetWhereNothingWasCommitted)
{
    GroupDescription group;
    group.name = QStringLiteral("g");
    group.state = QStringLiteral("Stable");
    GroupMember m;
    m.memberId = QStringLiteral("m-1");
    m.clientId = QStringLiteral("client");
    m.host = QStringLiteral("/10.0.0.1");
    m.assignment = { { QStringLiteral("orders"), 0 }, { QStringLiteral("orders"), 1 } };
    group.members = { m };

    GroupOffsets committed;
    committed.offsets
        = { { QStringLiteral("orders"), 0, 40, -1, {}, 0 }, { QStringLiteral("orders"), 1, 10, -1, {}, 0 } };

    EndOffsets ends;
    ends.snapshot.earliest = { at(QStringLiteral("orders"), 0, 0), at(QStringLiteral("orders"), 1, 0),
        at(QStringLiteral("orders"), 2, 5) };
    ends.snapshot.latest = { at(QStringLiteral("orders"), 0, 50), at(QStringLiteral("orders"), 1, 10),
        at(QStringLiteral("orders"), 2, 7) };
    ends.lastStable = { at(QStringLiteral("orders"), 0, 45), at(QStringLiteral("orders"), 1, 10) };

    const GroupLag lag = computeLag(twoTopics(), group, committed, ends);
    ASSERT_EQ(lag.partitions.size(), 3); // "other" is not the group's
    EXPECT_EQ(lag.partitions[0].lag, 10);
    EXPECT_EQ(lag.partitions[0].memberId, QStringLiteral("m-1"));
    EXPECT_TRUE(lag.partitions[0].lastStableDiffers());
    EXPECT_EQ(lag.partitions[0].lastStable, 45);
    EXPECT_EQ(lag.partitions[1].lag, 0);
    EXPECT_FALSE(lag.partitions[1].lastStableDiffers());
    // Partition 2: nobody committed, nobody owns it: no offset, never lag 0.
    EXPECT_FALSE(lag.partitions[2].committed);
    EXPECT_FALSE(lag.partitions[2].lag);
    EXPECT_EQ(lag.partitions[2].status, LagStatus::NoOffset);
    EXPECT_TRUE(lag.partitions[2].memberId.isEmpty());
    EXPECT_TRUE(lag.partitions[2].noOffsetExplanation().contains(QStringLiteral("start at offset 5")));
    EXPECT_TRUE(lag.partitions[2].noOffsetExplanation().contains(QStringLiteral("at 7")));
    EXPECT_EQ(lag.total, 10);
    EXPECT_EQ(lag.status, LagStatus::NoOffset);
}

TEST(ComputeLag, SilentLeaderBlanksOnlyItsPartitions)
{
    GroupDescription group; // no members: the group is empty
    GroupOffsets committed;
    committed.offsets = { { QStringLiteral("other"), 0, 3, -1, {}, 0 }, { QStringLiteral("other"), 1, 4, -1, {}, 0 } };
    EndOffsets ends;
    ends.snapshot.latest = { at(QStringLiteral("other"), 0, 9), at(QStringLiteral("other"), 1, -1, 6) };
    const GroupLag lag = computeLag(twoTopics(), group, committed, ends);
    ASSERT_EQ(lag.partitions.size(), 2);
    EXPECT_EQ(lag.partitions[0].lag, 6);
    EXPECT_EQ(lag.partitions[0].status, LagStatus::Stopped);
    EXPECT_FALSE(lag.partitions[1].lag);
    EXPECT_EQ(lag.partitions[1].status, LagStatus::Unknown);
    EXPECT_TRUE(lag.partitions[1].error.contains(QStringLiteral("NOT_LEADER_OR_FOLLOWER")));
    EXPECT_EQ(lag.total, 6);
    EXPECT_EQ(lag.status, LagStatus::Stopped);
}
