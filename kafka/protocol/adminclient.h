#pragma once
// The own asynchronous admin client: owns broker connections, routes each request to the right broker (any,
// controller, a partition's leader, a given broker) and turns responses into value structs. Lives in one thread
// (the admin worker thread in the GUI, the main thread in the CLI); callbacks run in that thread.
#include "kafka/protocol/adminerror.h"
#include "kafka/protocol/apis/cluster.h"
#include "kafka/protocol/apis/configs.h"
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
    void offsetsAt(
        const ClusterMetadata& metadata, const QStringList& topics, int64_t timestamp, Callback<OffsetsAt> done);
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

    // Lower level, for codecs added later: send to any broker / the controller / one broker.
    void sendToAny(ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler);
    void sendToController(ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler);
    void sendToNode(int32_t nodeId, ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler);

    const ClusterMetadata& lastMetadata() const { return m_metadata; }

private:
    void sendToBootstrap(int attempt, QStringList errors, ApiKey key, BrokerConnection::Encoder encode,
        BrokerConnection::Handler handler);
    BrokerConnection* connectionFor(int32_t nodeId);

    QList<BrokerAddress> m_bootstrap;
    ConnectionOptions m_options;
    int m_bootstrapIndex = 0;
    BrokerConnection* m_bootstrapConnection = nullptr;
    QHash<int32_t, BrokerConnection*> m_nodeConnections;
    ClusterMetadata m_metadata;
};

} // namespace kafscope::protocol
