// The reassignment planner (issue #7): RF 1 -> 3 over 10,000 partitions on 6 brokers in 3 racks. Prints the planning
// time (target <= 50 ms) and the replicas the plan copies next to the fewest possible, beside the baseline of the same
// run: a fresh assignment the way kafka-reassign-partitions.sh --generate makes one (Kafka's round-robin
// assignReplicasToBrokers, which ignores where replicas are now), and what that would move.
#include "kafka/admin/planner.h"

#include <QElapsedTimer>
#include <QSet>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kafscope::admin;

namespace {

constexpr int kPartitions = 10000;
constexpr int kBrokers = 6;
constexpr int kRacks = 3;

// Kafka's rack-unaware assignReplicasToBrokers; the tool draws the start index and the shift at random (fixed here so
// runs compare).
constexpr int kStartIndex = 2;
constexpr int kStartShift = 1;

QList<int32_t> kafkaFresh(int partition, int rf)
{
    const int n = kBrokers;
    const int shift = kStartShift + partition / n;
    const int first = (partition + kStartIndex) % n;
    QList<int32_t> replicas { first + 1 };
    for (int j = 0; j < rf - 1; ++j)
        replicas.append((first + 1 + (shift + j) % (n - 1)) % n + 1);
    return replicas;
}

} // namespace

int main()
{
    QList<PlanBroker> brokers;
    for (int b = 1; b <= kBrokers; ++b)
        brokers.append({ b, QStringLiteral("rack-%1").arg((b - 1) % kRacks) });
    QList<PartitionReplicas> cluster;
    for (int p = 0; p < kPartitions; ++p)
        cluster.append({ QStringLiteral("huge"), p, { p % kBrokers + 1 } }); // RF 1, round-robin, like Kafka created it

    std::vector<double> times;
    Plan plan;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        timer.start();
        plan = planReplicationFactor(brokers, cluster, { QStringLiteral("huge") }, 3);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    int rackSpread = 0;
    for (const auto& m : plan.moves) {
        QSet<int> racks;
        for (const auto b : m.after)
            racks.insert((b - 1) % kRacks);
        rackSpread += racks.size() == kRacks;
    }

    // Baseline: a fresh assignment, as --generate proposes, compared with the current placement.
    int freshAdded = 0;
    int freshLeaderChanges = 0;
    int freshRackSpread = 0;
    for (const auto& p : cluster) {
        const auto fresh = kafkaFresh(p.partition, 3);
        QSet<int> racks;
        for (const auto b : fresh) {
            freshAdded += p.replicas.contains(b) ? 0 : 1;
            racks.insert((b - 1) % kRacks);
        }
        freshLeaderChanges += fresh.first() != p.replicas.first();
        freshRackSpread += racks.size() == kRacks;
    }

    std::printf("planner: RF 1 -> 3, %d partitions, %d brokers in %d racks\n", kPartitions, kBrokers, kRacks);
    std::printf(
        "  plan time: median %.1f ms, max %.1f ms (7 runs; target <= 50 ms)\n", times[times.size() / 2], times.back());
    std::printf("  copies %d replicas (minimum possible %d), %d preferred-leader changes, %d/%d partitions over all "
                "racks\n",
        plan.replicasAdded, plan.minimumAdded, plan.leaderChanges, rackSpread, kPartitions);
    std::printf("  baseline, a fresh assignment like kafka-reassign-partitions.sh --generate: copies %d replicas, %d "
                "preferred-leader changes, %d/%d partitions over all racks\n",
        freshAdded, freshLeaderChanges, freshRackSpread, kPartitions);
    std::printf(
        "RESULT planner partitions=%d brokers=%d racks=%d plan_ms=%.1f max_ms=%.1f target_ms=50 moved=%d "
        "minimum=%d leader_changes=%d rack_spread=%d fresh_moved=%d fresh_leader_changes=%d fresh_rack_spread=%d\n",
        kPartitions, kBrokers, kRacks, times[times.size() / 2], times.back(), plan.replicasAdded, plan.minimumAdded,
        plan.leaderChanges, rackSpread, freshAdded, freshLeaderChanges, freshRackSpread);
    return plan.ok() ? 0 : 1;
}
