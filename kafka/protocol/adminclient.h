#pragma once
// The own asynchronous admin client: owns broker connections, routes each request to the right broker (any,
// controller, a partition's leader, a given broker) and turns responses into value structs. Lives in one thread
// (the admin worker thread in the GUI, the main thread in the CLI); callbacks run in that thread.
#include "kafka/admin/lag.h"
#include "kafka/admin/offsetreset.h"
#include "kafka/groups.h"
#include "kafka/protocol/adminerror.h"
#include "kafka/protocol/apis/cluster.h"
#include "kafka/protocol/apis/configs.h"
#include "kafka/protocol/apis/groups.h"
#include "kafka/protocol/apis/offsets.h"
#include "kafka/protocol/apis/partitions.h"
#include "kafka/protocol/apis/reassignments.h"
#include "kafka/protocol/apis/topics.h"
#include "kafka/protocol/bootstrap.h"
#include "kafka/protocol/brokerconnection.h"
#include "kafka/protocol/messages.h"
#include "kafka/types.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <optional>

namespace kafscope::protocol {

class AdminClient : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(const AdminResult<T>&)>;

    explicit AdminClient(QList<BrokerAddress> bootstrap, ConnectionOptions options = {}, QObject* parent = nullptr);
    ~AdminClient() override;

    // topics: nullopt for all topics.
    void fetchMetadata(std::optional<QStringList> topics, Callback<ClusterMetadata> done);
    // Earliest and latest offsets of the topics' partitions (all topics of `metadata` when `topics` is empty):
    // one request per leader and kind, so a failed leader only loses its own partitions.
    void listOffsets(const ClusterMetadata& metadata, const QStringList& topics, Callback<OffsetsSnapshot> done);
    // The offset of the first record at or after `timestamp` (ms since the epoch; -1 latest, -2 earliest) in each
    // partition of the topics, from each leader; -1 where no record is that new. Never fails as a whole.
    // isolationLevel 1 (read_committed) gives the last stable offset for timestamp -1.
    void offsetsAt(const ClusterMetadata& metadata, const QStringList& topics, int64_t timestamp,
        Callback<OffsetsAt> done, int8_t isolationLevel = 0);
    // Topic configs go to any broker, broker configs to that broker.
    void describeConfigs(ConfigResourceType type, const QString& name, Callback<ConfigResourceResult> done);

    // Creates topics (validateOnly: checks everything, creates nothing), through the controller. Per-topic errors are
    // in the response; the call fails only when the request itself failed.
    void createTopics(const CreateTopicsRequest& request, Callback<CreateTopicsResponse> done);
    // Deletes topics by name, through the controller; per-topic errors in the response.
    void deleteTopics(const QStringList& names, int timeoutMs, Callback<DeleteTopicsResponse> done);
    // Sets or deletes configs of one resource without touching its other dynamic configs: topic configs and the
    // cluster-wide broker defaults (empty broker name) through any broker, a broker's own configs through it. Fails
    // with the Kafka error when the broker refused them (INVALID_CONFIG, POLICY_VIOLATION, ...).
    void incrementalAlterConfigs(
        const AlterConfigsResource& resource, bool validateOnly, Callback<AlterConfigsResourceResponse> done);
    // Starts (or, with null replicas, cancels) partition reassignments, through the controller. A top-level error
    // fails the call; per-partition errors are in the response.
    void alterPartitionReassignments(
        const AlterPartitionReassignmentsRequest& request, Callback<AlterPartitionReassignmentsResponse> done);
    // The reassignments in progress (of `topics`' partitions, or all).
    void listPartitionReassignments(
        const std::optional<QList<ListReassignmentsTopic>>& topics, Callback<ListPartitionReassignmentsResponse> done);
    // Some configs of many resources: topics (and the cluster defaults) in one request to any broker, each broker's
    // own from that broker. A broker that does not answer gives a result with errorCode -1 and the reason.
    void describeConfigsOf(const QList<DescribeConfigsResource>& resources, Callback<QList<ConfigResourceResult>> done);
    // Preferred or unclean leader election, through the controller; per-partition results in the response
    // (ELECTION_NOT_NEEDED where the preferred leader already leads).
    void electLeaders(const ElectLeadersRequest& request, Callback<ElectLeadersResponse> done);
    // Deletes the records before the given offsets: one request per partition leader (from fresh metadata); a
    // leader that does not answer gives its partitions errorCode -1. Per-partition low watermarks in the response.
    void deleteRecords(const DeleteRecordsRequest& request, Callback<DeleteRecordsResponse> done);
    // The KRaft quorum (DescribeQuorum of __cluster_metadata-0), answered by the active controller through any broker.
    void describeQuorum(Callback<DescribeQuorumResponse> done);
    // Brokers as the cluster sees them, with fenced brokers (v2+), the controller and the cluster id.
    void describeCluster(Callback<DescribeClusterResponse> done);
    // Raises partition counts (validateOnly: checks only), through the controller; per-topic errors in the response.
    void createPartitions(const CreatePartitionsRequest& request, Callback<CreatePartitionsResponse> done);
    // The log directories of every broker (or of `brokers`), with the sizes of the topics' partitions (all topics
    // when `topics` is nullopt). One request per broker: a broker that does not answer only loses its own rows.
    void describeLogDirs(
        const std::optional<QStringList>& topics, const QList<int32_t>& brokers, Callback<QList<BrokerLogDirs>> done);

    // ---- consumer groups (admingroups.cpp) ----
    // Every group of every broker (ListGroups to each, in parallel; each broker lists the groups it coordinates). A
    // broker that does not answer only loses its groups (named in GroupList::errors); fails when none answers.
    void listGroups(Callback<GroupList> done);
    // Descriptions in batches per coordinator and type: DescribeGroups (classic), ConsumerGroupDescribe (consumer),
    // ShareGroupDescribe (share). Listings without a coordinator are located first (FindCoordinator, batched from v4).
    // Never fails as a whole: a group that could not be described carries errorCode -1 and the reason.
    void describeGroups(const QList<GroupListing>& groups, Callback<QList<GroupDescription>> done);
    // One group by name, whatever its type (the hint first; without one classic, consumer, share in turn). Fails with
    // GROUP_ID_NOT_FOUND when no such group exists.
    void describeGroupAnyType(const QString& name, const QString& typeHint, Callback<GroupDescription> done);
    // Committed offsets (OffsetFetch, batched per coordinator from v8; share groups: DescribeShareGroupOffsets).
    void fetchGroupOffsets(const QList<GroupListing>& groups, Callback<QList<GroupOffsets>> done);
    // Partitions per group to ask OffsetFetch for, instead of every topic: librdkafka 2.0.2's mock broker answers a
    // request for every topic (null Topics) with a null array, so the demo names the partitions.
    using OffsetTopics = QHash<QString, QList<OffsetFetchRequestTopic>>;
    void fetchGroupOffsets(
        const QList<GroupListing>& groups, const OffsetTopics& topics, Callback<QList<GroupOffsets>> done);
    // Group -> coordinator broker id; groups whose coordinator was not found are missing.
    void findGroupCoordinators(const QStringList& groups, Callback<QHash<QString, int32_t>> done);
    // Earliest and latest (and, with lastStable, read_committed latest) offsets from each leader in parallel.
    void endOffsets(
        const ClusterMetadata& metadata, const QStringList& topics, bool lastStable, Callback<admin::EndOffsets> done);
    // Commits offsets for a group with no active members, as an admin does (generation -1, no member id), through its
    // coordinator. Per-partition errors are in the response; the call fails when the request failed.
    void commitGroupOffsets(
        const QString& group, const QList<CommittedOffset>& offsets, Callback<OffsetCommitResponse> done);
    // Members, topics and total lag of each group (fresh metadata, descriptions, offsets, end offsets).
    void summarizeGroups(const QList<GroupListing>& groups, Callback<QList<admin::GroupSummary>> done);
    // The same with descriptions from elsewhere (nullopt: described here): on the demo cluster, whose mock broker
    // cannot describe groups, the session describes the groups the app runs itself.
    void summarizeGroups(const QList<GroupListing>& groups, const std::optional<QList<GroupDescription>>& described,
        Callback<QList<admin::GroupSummary>> done);
    // One group's description, committed offsets and per-partition lag (with last stable offsets).
    void describeGroup(const QString& name, const QString& typeHint, Callback<admin::GroupDetail> done);
    // The committed offsets and per-partition lag of a group described elsewhere (describeGroup's second half).
    // With namePartitions, OffsetFetch names the group's partitions (its topics' in the last metadata), see
    // OffsetTopics; summarizeGroups with `described` always does.
    void groupDetail(const GroupDescription& group, Callback<admin::GroupDetail> done, bool namePartitions = false);
    // Deletes groups, each through its coordinator (DeleteGroups, batched per coordinator). Per-group errors are in
    // the response (NON_EMPTY_GROUP while a group has members, GROUP_ID_NOT_FOUND); a group whose coordinator was
    // not found gets COORDINATOR_NOT_AVAILABLE. Fails only when no coordinator could be asked at all.
    void deleteGroups(const QStringList& names, Callback<DeleteGroupsResponse> done);
    // Deletes a group's committed offsets of some partitions (OffsetDelete to its coordinator). A top-level error
    // (GROUP_ID_NOT_FOUND, NON_EMPTY_GROUP...) fails the call; per-partition errors (GROUP_SUBSCRIBED_TO_TOPIC while
    // a member consumes the topic) are in the response.
    void deleteGroupOffsets(
        const QString& group, const QList<TopicPartitionRef>& partitions, Callback<OffsetDeleteResponse> done);
    // What an offset-reset plan is computed from (admin/offsetreset.h): the group (a group that does not exist yet is
    // an empty one in state Dead), its committed offsets, metadata and earliest/latest offsets of `topics` (empty:
    // the topics it committed offsets for) and, with a timestamp, the offsets at that time.
    void resetInputs(const QString& group, const QStringList& topics, std::optional<int64_t> timestamp,
        Callback<admin::ResetInputs> done);

    // Lower level, for codecs added later: send to any broker / the controller / one broker.
    void sendToAny(ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler);
    void sendToController(ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler);
    void sendToNode(int32_t nodeId, ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler);

    const ClusterMetadata& lastMetadata() const { return m_metadata; }

private:
    void sendToBootstrap(int attempt, QStringList errors, ApiKey key, BrokerConnection::Encoder encode,
        BrokerConnection::Handler handler);
    BrokerConnection* connectionFor(int32_t nodeId);
    void describeGroupAttempt(
        const QString& name, const QString& typeHint, int attempt, Callback<GroupDescription> done);
    void describeGroupsAt(
        int32_t coordinator, const QString& type, const QStringList& names, Callback<QList<GroupDescription>> done);
    void fetchOffsetsAt(int32_t coordinator, const QStringList& groups, Callback<QList<GroupOffsets>> done,
        const OffsetTopics& topics = {});
    void fetchShareOffsetsAt(int32_t coordinator, const QStringList& groups, Callback<QList<GroupOffsets>> done);

    QList<BrokerAddress> m_bootstrap;
    ConnectionOptions m_options;
    int m_bootstrapIndex = 0;
    BrokerConnection* m_bootstrapConnection = nullptr;
    QHash<int32_t, BrokerConnection*> m_nodeConnections;
    ClusterMetadata m_metadata;
};

} // namespace kafscope::protocol
