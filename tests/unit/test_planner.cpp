// The reassignment planner (kafka/admin/planner.h): RF up and down, broker removal, racks, leader balance, minimal
// movement, 10,000 partitions, Kafka's reassignment JSON and the throttle configs of a plan.
#include "kafka/admin/planner.h"

#include <QSet>
#include <gtest/gtest.h>
#include <map>

using namespace kafscope;
using namespace kafscope::admin;

namespace {

QList<PlanBroker> brokers(int n, int racks = 0)
{
    QList<PlanBroker> out;
    for (int i = 1; i <= n; ++i)
        out.append({ i, racks > 0 ? QStringLiteral("rack-%1").arg((i - 1) % racks) : QString() });
    return out;
}

// `partitions` partitions of `topic` with replication factor `rf`, placed round-robin like Kafka does.
QList<PartitionReplicas> topic(const QString& name, int partitions, int rf, int brokerCount)
{
    QList<PartitionReplicas> out;
    for (int p = 0; p < partitions; ++p) {
        PartitionReplicas r { name, p, {} };
        for (int i = 0; i < rf; ++i)
            r.replicas.append((p + i) % brokerCount + 1);
        out.append(r);
    }
    return out;
}

QList<PartitionReplicas> applied(QList<PartitionReplicas> cluster, const Plan& plan)
{
    for (const auto& m : plan.moves)
        for (auto& p : cluster)
            if (p.topic == m.topic && p.partition == m.partition)
                p.replicas = m.after;
    return cluster;
}

std::map<int32_t, int> replicaCounts(const QList<PartitionReplicas>& cluster, const QString& only = {})
{
    std::map<int32_t, int> counts;
    for (const auto& p : cluster)
        if (only.isEmpty() || p.topic == only)
            for (const auto b : p.replicas)
                ++counts[b];
    return counts;
}

std::map<int32_t, int> leaderCounts(const QList<PartitionReplicas>& cluster, const QString& only = {})
{
    std::map<int32_t, int> counts;
    for (const auto& p : cluster)
        if ((only.isEmpty() || p.topic == only) && !p.replicas.isEmpty())
            ++counts[p.replicas.first()];
    return counts;
}

int spread(const std::map<int32_t, int>& counts, int brokerCount)
{
    int lo = INT_MAX;
    int hi = 0;
    for (int b = 1; b <= brokerCount; ++b) {
        const int n = counts.count(b) ? counts.at(b) : 0;
        lo = std::min(lo, n);
        hi = std::max(hi, n);
    }
    return hi - lo;
}

void expectValid(const QList<PartitionReplicas>& cluster)
{
    for (const auto& p : cluster)
        EXPECT_EQ(QSet<int32_t>(p.replicas.cbegin(), p.replicas.cend()).size(), p.replicas.size())
            << p.topic.toStdString() << "-" << p.partition << " has a broker twice";
}

} // namespace

TEST(Planner, RaisingTheReplicationFactorKeepsEveryReplicaAndLeaderAndAddsTheMinimum)
{
    const auto cluster = topic(QStringLiteral("orders"), 12, 1, 3);
    const auto plan = planReplicationFactor(brokers(3), cluster, { QStringLiteral("orders") }, 3);
    ASSERT_TRUE(plan.ok()) << plan.error.toStdString();
    EXPECT_EQ(plan.moves.size(), 12);
    EXPECT_EQ(plan.replicasAdded, 24);
    EXPECT_EQ(plan.minimumAdded, 24);
    EXPECT_EQ(plan.replicasRemoved, 0);
    EXPECT_EQ(plan.leaderChanges, 0);
    for (const auto& m : plan.moves) {
        EXPECT_EQ(m.after.size(), 3);
        EXPECT_EQ(m.after.first(), m.before.first()); // the leader stays
    }
    const auto after = applied(cluster, plan);
    expectValid(after);
    EXPECT_EQ(spread(replicaCounts(after), 3), 0); // 12 each
}

TEST(Planner, LoweringTheReplicationFactorRemovesFromTheFullestAndKeepsTheLeader)
{
    const auto cluster = topic(QStringLiteral("orders"), 6, 3, 3);
    const auto plan = planReplicationFactor(brokers(3), cluster, { QStringLiteral("orders") }, 2);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan.moves.size(), 6);
    EXPECT_EQ(plan.replicasAdded, 0);
    EXPECT_EQ(plan.replicasRemoved, 6);
    EXPECT_EQ(plan.leaderChanges, 0);
    const auto after = applied(cluster, plan);
    EXPECT_EQ(spread(replicaCounts(after), 3), 0); // 4 each
    for (const auto& p : after)
        EXPECT_EQ(p.replicas.size(), 2);
}

TEST(Planner, ARaiseBeyondTheBrokersOrBelowOneIsRefused)
{
    const auto cluster = topic(QStringLiteral("orders"), 3, 1, 3);
    EXPECT_TRUE(planReplicationFactor(brokers(3), cluster, { QStringLiteral("orders") }, 4)
                    .error.contains(QStringLiteral("needs 4 brokers; the cluster has 3")));
    EXPECT_FALSE(planReplicationFactor(brokers(3), cluster, { QStringLiteral("orders") }, 0).ok());
    EXPECT_FALSE(planReplicationFactor(brokers(3), cluster, { QStringLiteral("nope") }, 2).ok());
    // Already there: nothing to do.
    const auto same = planReplicationFactor(brokers(3), cluster, { QStringLiteral("orders") }, 1);
    EXPECT_TRUE(same.ok());
    EXPECT_TRUE(same.moves.isEmpty());
}

TEST(Planner, NewReplicasGoToTheLeastLoadedBrokersOfTheCluster)
{
    // Broker 4 is empty while 1-3 hold a big topic: the new replicas of `small` go there first.
    auto cluster = topic(QStringLiteral("big"), 30, 3, 3);
    cluster += topic(QStringLiteral("small"), 3, 1, 3);
    const auto plan = planReplicationFactor(brokers(4), cluster, { QStringLiteral("small") }, 2);
    ASSERT_TRUE(plan.ok());
    for (const auto& m : plan.moves)
        EXPECT_EQ(m.added(), QList<int32_t> { 4 });
}

TEST(Planner, ReplicasAreSpreadAcrossRacks)
{
    // 6 brokers in 3 racks (1,4: rack-0; 2,5: rack-1; 3,6: rack-2): RF 3 puts one replica in each rack.
    const auto cluster = topic(QStringLiteral("orders"), 60, 1, 6);
    const auto plan = planReplicationFactor(brokers(6, 3), cluster, { QStringLiteral("orders") }, 3);
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan.warnings.isEmpty());
    for (const auto& m : plan.moves) {
        QSet<int> racks;
        for (const auto b : m.after)
            racks.insert((b - 1) % 3);
        EXPECT_EQ(racks.size(), 3) << m.partition;
    }
    EXPECT_EQ(spread(replicaCounts(applied(cluster, plan)), 6), 0);
}

TEST(Planner, RemovingABrokerMovesOnlyItsReplicasAndHandsItsLeadershipsToInSyncReplicas)
{
    const auto cluster = topic(QStringLiteral("orders"), 12, 2, 4);
    const auto plan = planRemoveBroker(brokers(4), cluster, 2);
    ASSERT_TRUE(plan.ok()) << plan.error.toStdString();
    EXPECT_EQ(plan.moves.size(), 6); // the partitions with a replica on 2
    EXPECT_EQ(plan.replicasAdded, 6);
    EXPECT_EQ(plan.minimumAdded, 6);
    for (const auto& m : plan.moves) {
        EXPECT_FALSE(m.after.contains(2));
        // A preferred leader that was on broker 2 goes to a replica that already has the data.
        EXPECT_TRUE(m.before.contains(m.after.first()));
    }
    const auto after = applied(cluster, plan);
    expectValid(after);
    EXPECT_EQ(replicaCounts(after).count(2), 0u);
    const auto counts = replicaCounts(after);
    EXPECT_EQ(counts.at(1) + counts.at(3) + counts.at(4), 24);
    EXPECT_LE(
        std::max({ counts.at(1), counts.at(3), counts.at(4) }) - std::min({ counts.at(1), counts.at(3), counts.at(4) }),
        1);
    EXPECT_FALSE(planRemoveBroker(brokers(2), topic(QStringLiteral("t"), 1, 2, 2), 1).ok()); // nowhere to go
    EXPECT_FALSE(planRemoveBroker(brokers(3), cluster, 9).ok());
}

TEST(Planner, RebalancingEvensReplicasAndPreferredLeadersMovingFew)
{
    // Everything on brokers 1 and 2 of 4.
    QList<PartitionReplicas> cluster;
    for (int p = 0; p < 8; ++p)
        cluster.append({ QStringLiteral("skewed"), p, { p % 2 == 0 ? 1 : 2, p % 2 == 0 ? 2 : 1 } });
    const auto plan = planRebalance(brokers(4), cluster, QStringLiteral("skewed"));
    ASSERT_TRUE(plan.ok());
    const auto after = applied(cluster, plan);
    expectValid(after);
    EXPECT_LE(spread(replicaCounts(after, QStringLiteral("skewed")), 4), 1);
    EXPECT_LE(spread(leaderCounts(after, QStringLiteral("skewed")), 4), 1);
    EXPECT_EQ(plan.replicasAdded, plan.minimumAdded); // 16 replicas, 4 each: 4 from each of 1 and 2
    EXPECT_EQ(plan.replicasAdded, 8);
    // A balanced topic is left alone.
    EXPECT_TRUE(
        planRebalance(brokers(3), topic(QStringLiteral("even"), 6, 2, 3), QStringLiteral("even")).moves.isEmpty());
}

TEST(Planner, TenThousandPartitionsOnSixBrokersInThreeRacks)
{
    const auto cluster = topic(QStringLiteral("huge"), 10000, 1, 6);
    const auto plan = planReplicationFactor(brokers(6, 3), cluster, { QStringLiteral("huge") }, 3);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan.replicasAdded, 20000);
    EXPECT_EQ(plan.minimumAdded, 20000);
    const auto after = applied(cluster, plan);
    EXPECT_LE(spread(replicaCounts(after), 6), 1);
    EXPECT_LE(spread(leaderCounts(after), 6), 1);
    int spreadOverRacks = 0;
    for (const auto& p : after) {
        QSet<int> racks;
        for (const auto b : p.replicas)
            racks.insert((b - 1) % 3);
        spreadOverRacks += racks.size() == 3;
    }
    EXPECT_EQ(spreadOverRacks, 10000);
}

TEST(Planner, AHandMadePlanIsCheckedAgainstTheCluster)
{
    const auto cluster = topic(QStringLiteral("orders"), 2, 2, 3);
    const auto plan = planFromTargets(brokers(3), cluster, { { QStringLiteral("orders"), 0, { 3, 1 } } });
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan.moves.size(), 1);
    EXPECT_EQ(plan.moves[0].added(), QList<int32_t> { 3 });
    EXPECT_EQ(plan.moves[0].removed(), QList<int32_t> { 2 });
    EXPECT_TRUE(planFromTargets(brokers(3), cluster, { { QStringLiteral("orders"), 0, { 4 } } })
                    .error.contains(QStringLiteral("broker 4 is not in the cluster")));
    EXPECT_TRUE(planFromTargets(brokers(3), cluster, { { QStringLiteral("orders"), 0, { 1, 1 } } })
                    .error.contains(QStringLiteral("twice")));
    EXPECT_FALSE(planFromTargets(brokers(3), cluster, { { QStringLiteral("orders"), 7, { 1 } } }).ok());
}

TEST(Planner, KafkasReassignmentJsonRoundTripsAndBadFilesSayWhy)
{
    const QList<PlanMove> moves { { QStringLiteral("orders"), 0, { 1 }, { 1, 2, 3 } },
        { QStringLiteral("orders"), 1, { 2 }, { 2, 3, 1 } } };
    const auto json = reassignmentJson(moves);
    QString error;
    const auto parsed = parseReassignmentJson(json, &error);
    ASSERT_TRUE(parsed.has_value()) << error.toStdString();
    ASSERT_EQ(parsed->size(), 2);
    EXPECT_EQ(parsed->at(1), (PartitionReplicas { QStringLiteral("orders"), 1, { 2, 3, 1 } }));
    // Kafka's own tool writes this shape (kafka-reassign-partitions.sh --generate).
    const auto kafka = parseReassignmentJson(
        R"({"version":1,"partitions":[{"topic":"foo","partition":1,"replicas":[1,2],"log_dirs":["any","any"]}]})",
        &error);
    ASSERT_TRUE(kafka.has_value()) << error.toStdString();
    for (const auto& [bad, reason] :
        std::initializer_list<std::pair<const char*, const char*>> { { "{", "Not JSON" }, { "[]", "JSON object" },
            { R"({"version":2,"partitions":[]})", "version 1" },
            { R"({"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[]}]})", "is empty" },
            { R"({"version":1,"partitions":[{"topic":"a","partition":-1,"replicas":[1]}]})", "partition number" },
            { R"({"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[1],"log_dirs":["/d"]}]})",
                "between brokers only" },
            { R"({"version":1,"partitions":[{"topic":"a","partition":0,"replicas":[1]},{"topic":"a","partition":0,"replicas":[2]}]})",
                "twice" } }) {
        EXPECT_FALSE(parseReassignmentJson(bad, &error).has_value()) << bad;
        EXPECT_TRUE(error.contains(QLatin1String(reason))) << bad << " -> " << error.toStdString();
    }
}

TEST(Planner, TheThrottleNamesTheSendingAndReceivingReplicasLikeKafkasTool)
{
    const QList<PlanMove> moves { { QStringLiteral("orders"), 0, { 1 }, { 1, 2 } },
        { QStringLiteral("orders"), 1, { 2, 3 }, { 3, 2 } }, // a reorder copies nothing
        { QStringLiteral("payments"), 4, { 3 }, { 1 } } };
    const auto t = throttleFor(moves);
    EXPECT_EQ(t.brokers, (QList<int32_t> { 1, 2, 3 }));
    EXPECT_EQ(t.leaderReplicas.value(QStringLiteral("orders")), QStringLiteral("0:1"));
    EXPECT_EQ(t.followerReplicas.value(QStringLiteral("orders")), QStringLiteral("0:2"));
    EXPECT_EQ(t.leaderReplicas.value(QStringLiteral("payments")), QStringLiteral("4:3"));
    EXPECT_EQ(t.followerReplicas.value(QStringLiteral("payments")), QStringLiteral("4:1"));
}
