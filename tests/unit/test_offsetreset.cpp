// Offset reset as pure logic (kafka/admin/offsetreset.h, issue #8): the CLI's --to and --topic texts, the partitions
// a reset covers, old -> new per target with Kafka's clamping into [earliest, latest], and the refusal while a group
// has active members.
#include "kafka/admin/offsetreset.h"

#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::admin;

namespace {

// Topic "orders" with 3 partitions: earliest 10/0/5, latest 100/50/5 (partition 2 is empty). Committed: p0 at 40,
// p1 at 50; nothing for p2. Topic "other" (2 partitions) is not committed.
ResetInputs inputs()
{
    ResetInputs in;
    in.group.name = QStringLiteral("g");
    in.group.type = group_type::classic;
    in.group.state = QStringLiteral("Empty");
    in.committed.group = QStringLiteral("g");
    in.committed.offsets = { { QStringLiteral("orders"), 0, 40, -1, std::nullopt, 0 },
        { QStringLiteral("orders"), 1, 50, -1, std::nullopt, 0 } };
    const auto topic = [](const QString& name, int partitions) {
        TopicInfo t;
        t.name = name;
        for (int p = 0; p < partitions; ++p) {
            PartitionInfo info;
            info.partition = p;
            t.partitions.append(info);
        }
        return t;
    };
    in.metadata.topics = { topic(QStringLiteral("orders"), 3), topic(QStringLiteral("other"), 2) };
    const QString o = QStringLiteral("orders");
    in.ends.earliest = { { o, 0, 0, 10 }, { o, 1, 0, 0 }, { o, 2, 0, 5 } };
    in.ends.latest = { { o, 0, 0, 100 }, { o, 1, 0, 50 }, { o, 2, 0, 5 } };
    return in;
}

QList<TopicPartitionRef> orders()
{
    return { { QStringLiteral("orders"), 0 }, { QStringLiteral("orders"), 1 }, { QStringLiteral("orders"), 2 } };
}

// "partition:old->new" per row ("-" for none), with "!" when clamped and "~" when skipped.
QString dump(const ResetPlan& plan)
{
    QStringList parts;
    for (const auto& r : plan.rows)
        parts << QStringLiteral("%1:%2->%3%4")
                     .arg(r.partition)
                     .arg(r.old ? QString::number(*r.old) : QStringLiteral("-"))
                     .arg(r.target ? QString::number(*r.target) : QStringLiteral("-"))
                     .arg(r.clamped      ? QStringLiteral("!")
                             : r.skipped ? QStringLiteral("~")
                                         : QString());
    return parts.join(QLatin1Char(' '));
}

} // namespace

TEST(ResetTarget, ParsesEveryFormOfTheCliTo)
{
    QString error;
    EXPECT_EQ(parseResetTarget(QStringLiteral("earliest"), &error), (ResetSpec { ResetTarget::Earliest, 0 }));
    EXPECT_EQ(parseResetTarget(QStringLiteral("latest"), &error), (ResetSpec { ResetTarget::Latest, 0 }));
    EXPECT_EQ(parseResetTarget(QStringLiteral("@1700000000000"), &error),
        (ResetSpec { ResetTarget::Timestamp, 1700000000000 }));
    EXPECT_EQ(parseResetTarget(QStringLiteral("42"), &error), (ResetSpec { ResetTarget::Offset, 42 }));
    EXPECT_EQ(parseResetTarget(QStringLiteral("0"), &error), (ResetSpec { ResetTarget::Offset, 0 }));
    EXPECT_EQ(parseResetTarget(QStringLiteral("shift:-5"), &error), (ResetSpec { ResetTarget::Shift, -5 }));
    EXPECT_EQ(parseResetTarget(QStringLiteral("shift:+7"), &error), (ResetSpec { ResetTarget::Shift, 7 }));
    EXPECT_EQ(parseResetTarget(QStringLiteral("shift:3"), &error), (ResetSpec { ResetTarget::Shift, 3 }));
}

TEST(ResetTarget, RefusesWhatIsNoTargetWithAClearReason)
{
    QString error;
    EXPECT_FALSE(parseResetTarget(QStringLiteral("-5"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("shift:-N"))) << error.toStdString();
    EXPECT_FALSE(parseResetTarget(QStringLiteral("oldest"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("earliest, latest"))) << error.toStdString();
    EXPECT_FALSE(parseResetTarget(QStringLiteral("@yesterday"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("EPOCH_MS"))) << error.toStdString();
    EXPECT_FALSE(parseResetTarget(QStringLiteral("@-1"), &error));
    EXPECT_FALSE(parseResetTarget(QStringLiteral("shift:"), &error));
    EXPECT_FALSE(parseResetTarget(QStringLiteral("shift:x"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("shift:N"))) << error.toStdString();
    EXPECT_FALSE(parseResetTarget(QString(), &error));
}

TEST(ResetTarget, DescribesItselfInWords)
{
    EXPECT_EQ(ResetSpec({ ResetTarget::Shift, 5 }).describe(), QStringLiteral("shift by +5"));
    EXPECT_EQ(ResetSpec({ ResetTarget::Shift, -5 }).describe(), QStringLiteral("shift by -5"));
    EXPECT_EQ(ResetSpec({ ResetTarget::Offset, 9 }).describe(), QStringLiteral("offset 9"));
    EXPECT_EQ(ResetSpec({ ResetTarget::Timestamp, 0 }).describe(),
        QStringLiteral("the first record at or after 1970-01-01T00:00:00.000Z"));
}

TEST(TopicSelection, ParsesATopicOrSomeOfItsPartitions)
{
    QString error;
    EXPECT_EQ(parseTopicSelection(QStringLiteral("orders"), &error), (TopicSelection { QStringLiteral("orders"), {} }));
    EXPECT_EQ(parseTopicSelection(QStringLiteral("orders:0,2,2"), &error),
        (TopicSelection { QStringLiteral("orders"), { 0, 2 } }));
    EXPECT_FALSE(parseTopicSelection(QStringLiteral("orders:x"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("T:P[,P...]"))) << error.toStdString();
    EXPECT_FALSE(parseTopicSelection(QStringLiteral(":1"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("names no topic"))) << error.toStdString();
    EXPECT_FALSE(parseTopicSelection(QStringLiteral("orders:-1"), &error));
}

TEST(ResetScope, WithoutASelectionEveryPartitionOfTheCommittedTopics)
{
    const auto in = inputs();
    QString error;
    const auto scope = resetScope(in.metadata, in.committed, {}, &error);
    ASSERT_TRUE(scope) << error.toStdString();
    EXPECT_EQ(*scope, orders()); // p2 too, though nothing was committed there; "other" not
}

TEST(ResetScope, ASelectionNamesTopicsAndPartitionsTheMetadataMustHave)
{
    const auto in = inputs();
    QString error;
    const auto scope = resetScope(
        in.metadata, in.committed, { { QStringLiteral("other"), {} }, { QStringLiteral("orders"), { 2 } } }, &error);
    ASSERT_TRUE(scope) << error.toStdString();
    EXPECT_EQ(*scope,
        (QList<TopicPartitionRef> {
            { QStringLiteral("orders"), 2 }, { QStringLiteral("other"), 0 }, { QStringLiteral("other"), 1 } }));
    EXPECT_FALSE(resetScope(in.metadata, in.committed, { { QStringLiteral("nope"), {} } }, &error));
    EXPECT_EQ(error, QStringLiteral("Topic nope does not exist."));
    EXPECT_FALSE(resetScope(in.metadata, in.committed, { { QStringLiteral("orders"), { 7 } } }, &error));
    EXPECT_EQ(error, QStringLiteral("Topic orders has no partition 7 (it has 3)."));
}

TEST(PlanReset, EarliestAndLatestAreEachPartitionsEnds)
{
    const auto in = inputs();
    auto plan = planReset(in, orders(), { ResetTarget::Earliest, 0 });
    EXPECT_EQ(dump(plan), QStringLiteral("0:40->10 1:50->0 2:-->5"));
    EXPECT_TRUE(plan.ok());
    EXPECT_EQ(plan.totalLag(), 90 + 50 + 0);
    EXPECT_EQ(plan.rows[0].lag(), 90);
    EXPECT_EQ(plan.changed(), 3);
    plan = planReset(in, orders(), { ResetTarget::Latest, 0 });
    EXPECT_EQ(dump(plan), QStringLiteral("0:40->100 1:50->50 2:-->5"));
    EXPECT_EQ(plan.totalLag(), 0);
    EXPECT_EQ(plan.changed(), 2); // p1 stays at 50
}

TEST(PlanReset, AnOffsetOutsideTheLogIsClampedAsKafkaDoesAndSaysSo)
{
    const auto in = inputs();
    const auto plan = planReset(in, orders(), { ResetTarget::Offset, 60 });
    EXPECT_EQ(dump(plan), QStringLiteral("0:40->60 1:50->50! 2:-->5!"));
    EXPECT_EQ(plan.rows[1].note, QStringLiteral("60 is above the latest offset 50: moved down to it"));
    const auto low = planReset(in, orders(), { ResetTarget::Offset, 3 });
    EXPECT_EQ(dump(low), QStringLiteral("0:40->10! 1:50->3 2:-->5!"));
    EXPECT_EQ(low.rows[0].note, QStringLiteral("3 is below the earliest offset 10: moved up to it"));
}

TEST(PlanReset, AShiftMovesFromTheCommittedOffsetAndLeavesUncommittedPartitionsAlone)
{
    const auto in = inputs();
    auto plan = planReset(in, orders(), { ResetTarget::Shift, -35 });
    EXPECT_EQ(dump(plan), QStringLiteral("0:40->10! 1:50->15 2:-->-~"));
    EXPECT_TRUE(plan.ok());
    EXPECT_EQ(plan.commits().size(), 2); // the skipped partition is not committed
    plan = planReset(in, orders(), { ResetTarget::Shift, 5 });
    EXPECT_EQ(dump(plan), QStringLiteral("0:40->45 1:50->50! 2:-->-~"));
    // No overflow with an absurd shift.
    plan = planReset(in, orders(), { ResetTarget::Shift, std::numeric_limits<int64_t>::max() });
    EXPECT_EQ(plan.rows[0].target, 100);
}

TEST(PlanReset, ATimestampTakesTheOffsetsAtThatTimeAndTheEndWhereNoRecordIsThatNew)
{
    auto in = inputs();
    const QString o = QStringLiteral("orders");
    in.timestamp = 1000;
    in.atTime.offsets = { { o, 0, 0, 70, 1001 }, { o, 1, 0, -1 }, { o, 2, 0, -1 } };
    const auto plan = planReset(in, orders(), { ResetTarget::Timestamp, 1000 });
    EXPECT_EQ(dump(plan), QStringLiteral("0:40->70 1:50->50 2:-->5"));
    EXPECT_EQ(plan.rows[1].note, QStringLiteral("no record at or after that time: the latest offset"));
    // Offsets of another time are not used.
    const auto stale = planReset(in, orders(), { ResetTarget::Timestamp, 2000 });
    EXPECT_FALSE(stale.ok());
    EXPECT_FALSE(stale.rows[0].target);
}

TEST(PlanReset, APartitionWhoseLeaderDidNotAnswerFailsThePlanWithTheKafkaError)
{
    auto in = inputs();
    in.ends.latest[1].errorCode = 6; // NOT_LEADER_OR_FOLLOWER
    in.ends.latest[1].offset = -1;
    const auto plan = planReset(in, orders(), { ResetTarget::Latest, 0 });
    EXPECT_FALSE(plan.ok());
    ASSERT_EQ(plan.errors.size(), 1);
    EXPECT_TRUE(
        plan.errors[0].startsWith(QLatin1String("orders-1: its latest offset is unknown: NOT_LEADER_OR_FOLLOWER")))
        << plan.errors[0].toStdString();
    EXPECT_EQ(plan.commits().size(), 2);
}

TEST(PlanReset, CommitsAreWhatThePreviewShows)
{
    const auto in = inputs();
    const auto a = planReset(in, orders(), { ResetTarget::Earliest, 0 });
    const auto commits = a.commits();
    ASSERT_EQ(commits.size(), 3);
    EXPECT_EQ(commits[0].topic, QStringLiteral("orders"));
    EXPECT_EQ(commits[0].offset, 10);
    EXPECT_EQ(commits[2].offset, 5);
    EXPECT_TRUE(sameCommits(a, planReset(in, orders(), { ResetTarget::Earliest, 0 })));
    auto moved = in;
    moved.ends.earliest[0].offset = 20;
    EXPECT_FALSE(sameCommits(a, planReset(moved, orders(), { ResetTarget::Earliest, 0 })));
}

TEST(ResetRefusal, AGroupWithActiveMembersIsRefusedNamingItsState)
{
    GroupDescription g;
    g.name = QStringLiteral("orders-app");
    g.type = group_type::consumer;
    g.state = QStringLiteral("Stable");
    g.members.append(GroupMember {});
    const QString why = resetRefusal(g);
    EXPECT_TRUE(why.contains(QLatin1String("orders-app is Stable with 1 active member(s)"))) << why.toStdString();
    g.members.clear();
    g.state = QStringLiteral("Empty");
    EXPECT_EQ(resetRefusal(g), QString());
    g.state = QStringLiteral("Dead"); // does not exist yet: Kafka's tool resets it too
    EXPECT_EQ(resetRefusal(g), QString());
    g.state = QStringLiteral("PreparingRebalance");
    EXPECT_TRUE(resetRefusal(g).contains(QLatin1String("is PreparingRebalance")));
    g.state = QStringLiteral("Empty");
    g.type = group_type::share;
    EXPECT_TRUE(resetRefusal(g).contains(QLatin1String("share group")));
}
