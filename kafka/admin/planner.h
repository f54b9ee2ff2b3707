#pragma once
// The reassignment planner: new replica lists for a replication-factor change, for moving every replica off a broker
// (before decommissioning it) and for rebalancing a topic. It keeps the replicas a partition has where it can (only
// what must move moves), places new replicas on the brokers that hold the fewest replicas in the cluster, spreads a
// partition's replicas across racks when brokers have racks, and balances preferred leaders (the first replica).
// Pure functions over value structs: the CLI, the dialogs and the benchmark share them. Also Kafka's reassignment
// JSON (kafka-reassign-partitions.sh --reassignment-json-file) and the throttle configs of a plan.
#include "kafka/protocol/apis/configs.h"
#include "kafka/protocol/apis/reassignments.h"
#include "kafka/protocol/messages.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace kafscope {
struct ClusterMetadata;
}

namespace kafscope::admin {

struct PlanBroker
{
    int32_t id = -1;
    QString rack; // empty: no rack
};

struct PartitionReplicas
{
    QString topic;
    int32_t partition = 0;
    QList<int32_t> replicas; // first = preferred leader
    friend bool operator==(const PartitionReplicas&, const PartitionReplicas&) = default;
};

struct PlanMove
{
    QString topic;
    int32_t partition = 0;
    QList<int32_t> before;
    QList<int32_t> after;
    QList<int32_t> added() const; // in after, not in before: these brokers copy the partition
    QList<int32_t> removed() const;
    friend bool operator==(const PlanMove&, const PlanMove&) = default;
};

struct Plan
{
    QString error; // why no plan is possible (empty when there is one)
    QList<PlanMove> moves; // only the partitions whose replicas change (order changes included)
    int replicasAdded = 0; // replica copies the plan makes
    int replicasRemoved = 0;
    int minimumAdded = 0; // the fewest copies any plan reaching the same goal needs
    int leaderChanges = 0; // partitions whose preferred leader changes
    QStringList warnings; // e.g. "racks: 2 partition(s) have two replicas in one rack (3 replicas, 2 racks)"
    bool ok() const { return error.isEmpty(); }
};

// Brokers and the replicas of every partition of the cluster, from metadata.
QList<PlanBroker> planBrokers(const ClusterMetadata& metadata);
QList<PartitionReplicas> clusterReplicas(const ClusterMetadata& metadata);

// Every partition of `topics` to `replicationFactor` replicas. `cluster`: every partition of the cluster (for load).
Plan planReplicationFactor(const QList<PlanBroker>& brokers, const QList<PartitionReplicas>& cluster,
    const QStringList& topics, int replicationFactor);
// Every replica on `broker` moved to another broker.
Plan planRemoveBroker(const QList<PlanBroker>& brokers, const QList<PartitionReplicas>& cluster, int32_t broker);
// The topic's replicas and preferred leaders spread evenly over the brokers (at most one apart), moving as few as
// possible.
Plan planRebalance(const QList<PlanBroker>& brokers, const QList<PartitionReplicas>& cluster, const QString& topic);
// A hand-made or imported plan checked against the cluster: brokers exist, no duplicate replicas or partitions.
Plan planFromTargets(
    const QList<PlanBroker>& brokers, const QList<PartitionReplicas>& cluster, const QList<PartitionReplicas>& targets);

// Kafka's reassignment JSON: {"version":1,"partitions":[{"topic","partition","replicas","log_dirs"}]}.
QByteArray reassignmentJson(const QList<PlanMove>& moves);
// nullopt with the reason in *error (not JSON, version not 1, a field missing or of the wrong type, duplicate
// entries, log_dirs other than "any": KafScope does not move replicas between a broker's log dirs).
std::optional<QList<PartitionReplicas>> parseReassignmentJson(const QByteArray& json, QString* error);

// The configs a replication throttle sets, as Kafka's own tool sets them: the rate on every broker of the plan, and
// per topic the replicas that send (leader.replication.throttled.replicas: the current replicas of each moving
// partition) and receive (follower.replication.throttled.replicas: the added ones), as "partition:broker,...".
struct ThrottlePlan
{
    QList<int32_t> brokers;
    QHash<QString, QString> leaderReplicas; // topic -> list
    QHash<QString, QString> followerReplicas;
};
ThrottlePlan throttleFor(const QList<PlanMove>& moves);
// The config changes that set a throttle of `bytesPerSecond` for the plan: both rates on each broker, both replica
// lists on each topic.
QList<protocol::AlterConfigsResource> throttleSetting(const ThrottlePlan& throttle, qint64 bytesPerSecond);
// The changes that remove a throttle: the rates of `brokers` and the lists of `topics` back to their defaults.
QList<protocol::AlterConfigsResource> throttleRemoval(const QList<int32_t>& brokers, const QStringList& topics);
// Throttles left behind: brokers with a dynamic throttle rate, topics with throttled-replica lists, from the configs
// of throttleQuery(). Shown (and removed) once no reassignment runs.
struct LeftoverThrottle
{
    QList<int32_t> brokers;
    QStringList topics;
    bool any() const { return !brokers.isEmpty() || !topics.isEmpty(); }
};
QList<protocol::DescribeConfigsResource> throttleQuery(const ClusterMetadata& metadata);
LeftoverThrottle leftoverThrottles(const QList<ConfigResourceResult>& configs);
// The AlterPartitionReassignments request that starts the plan (or, with cancel, stops these partitions' moves).
protocol::AlterPartitionReassignmentsRequest reassignmentRequest(const QList<PlanMove>& moves);
protocol::AlterPartitionReassignmentsRequest cancelRequest(const QList<PartitionReplicas>& partitions);
// How many of the plan's partitions are still moving, from ListPartitionReassignments.
int stillMoving(const QList<PlanMove>& moves, const protocol::ListPartitionReassignmentsResponse& ongoing);
inline const char* const kLeaderThrottleRate = "leader.replication.throttled.rate";
inline const char* const kFollowerThrottleRate = "follower.replication.throttled.rate";
inline const char* const kLeaderThrottledReplicas = "leader.replication.throttled.replicas";
inline const char* const kFollowerThrottledReplicas = "follower.replication.throttled.replicas";

} // namespace kafscope::admin
