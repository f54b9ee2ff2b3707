#pragma once
// Codecs of leader election, record deletion and the cluster's own view of itself: ElectLeaders (key 43, v0-2,
// flexible from v2), DeleteRecords (key 21, v1-2, flexible from v2), DescribeQuorum (key 55, v0-2, flexible) and
// DescribeCluster (key 60, v0-2, flexible), field by field as their message JSON.
#include "kafka/protocol/decoded.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace kafscope::protocol {

// ---- ElectLeaders ----
enum class ElectionType : int8_t { Preferred = 0, Unclean = 1 };
struct ElectTopicPartitions
{
    QString topic;
    QList<int32_t> partitions;
};
struct ElectLeadersRequest
{
    ElectionType type = ElectionType::Preferred; // v1+ (v0 is preferred only)
    std::optional<QList<ElectTopicPartitions>> topicPartitions; // nullopt: every partition
    int32_t timeoutMs = 60000;
};
struct ElectionPartitionResult
{
    int32_t partition = 0;
    int16_t errorCode = 0; // ELECTION_NOT_NEEDED (84) when the preferred leader already leads
    std::optional<QString> errorMessage;
    friend bool operator==(const ElectionPartitionResult&, const ElectionPartitionResult&) = default;
};
struct ElectionTopicResult
{
    QString topic;
    QList<ElectionPartitionResult> partitions;
    friend bool operator==(const ElectionTopicResult&, const ElectionTopicResult&) = default;
};
struct ElectLeadersResponse
{
    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0; // v1+
    QList<ElectionTopicResult> results;
};
QByteArray encodeElectLeadersRequest(const ElectLeadersRequest& request, int16_t version, QString* error = nullptr);
Decoded<ElectLeadersResponse> decodeElectLeadersResponse(QByteArrayView body, int16_t version);
QByteArray encodeElectLeadersResponse(const ElectLeadersResponse& response, int16_t version, QString* error = nullptr);

// ---- DeleteRecords ----
struct DeleteRecordsPartition
{
    int32_t partition = 0;
    int64_t offset = 0; // records before this offset are deleted; -1: up to the high watermark
};
struct DeleteRecordsTopic
{
    QString name;
    QList<DeleteRecordsPartition> partitions;
};
struct DeleteRecordsRequest
{
    QList<DeleteRecordsTopic> topics;
    int32_t timeoutMs = 30000;
};
struct DeleteRecordsPartitionResult
{
    int32_t partition = 0;
    int64_t lowWatermark = -1; // the new earliest offset
    int16_t errorCode = 0;
    friend bool operator==(const DeleteRecordsPartitionResult&, const DeleteRecordsPartitionResult&) = default;
};
struct DeleteRecordsTopicResult
{
    QString name;
    QList<DeleteRecordsPartitionResult> partitions;
    friend bool operator==(const DeleteRecordsTopicResult&, const DeleteRecordsTopicResult&) = default;
};
struct DeleteRecordsResponse
{
    int32_t throttleTimeMs = 0;
    QList<DeleteRecordsTopicResult> topics;
};
QByteArray encodeDeleteRecordsRequest(const DeleteRecordsRequest& request, int16_t version, QString* error = nullptr);
Decoded<DeleteRecordsResponse> decodeDeleteRecordsResponse(QByteArrayView body, int16_t version);
QByteArray encodeDeleteRecordsResponse(
    const DeleteRecordsResponse& response, int16_t version, QString* error = nullptr);

// ---- DescribeQuorum ----
// Asks for the metadata log's partition (__cluster_metadata-0): the KRaft quorum.
QByteArray encodeDescribeQuorumRequest(int16_t version, QString* error = nullptr);
struct QuorumReplica
{
    int32_t replicaId = -1;
    QByteArray directoryId; // v2+; empty when unknown
    int64_t logEndOffset = -1;
    int64_t lastFetchTimestamp = -1; // v1+; -1 unknown
    int64_t lastCaughtUpTimestamp = -1; // v1+
    friend bool operator==(const QuorumReplica&, const QuorumReplica&) = default;
};
struct QuorumListener
{
    QString name;
    QString host;
    uint16_t port = 0;
    friend bool operator==(const QuorumListener&, const QuorumListener&) = default;
};
struct QuorumNode
{
    int32_t nodeId = -1;
    QList<QuorumListener> listeners;
    friend bool operator==(const QuorumNode&, const QuorumNode&) = default;
};
struct DescribeQuorumResponse
{
    int16_t errorCode = 0;
    std::optional<QString> errorMessage; // v2+
    QString topic;
    int32_t partition = 0;
    int16_t partitionErrorCode = 0;
    std::optional<QString> partitionErrorMessage; // v2+
    int32_t leaderId = -1;
    int32_t leaderEpoch = -1;
    int64_t highWatermark = -1;
    QList<QuorumReplica> voters;
    QList<QuorumReplica> observers;
    QList<QuorumNode> nodes; // v2+
};
Decoded<DescribeQuorumResponse> decodeDescribeQuorumResponse(QByteArrayView body, int16_t version);
QByteArray encodeDescribeQuorumResponse(
    const DescribeQuorumResponse& response, int16_t version, QString* error = nullptr);

// ---- DescribeCluster ----
struct DescribeClusterRequest
{
    bool includeClusterAuthorizedOperations = false;
    int8_t endpointType = 1; // v1+: 1 brokers, 2 controllers
    bool includeFencedBrokers = true; // v2+
};
struct DescribeClusterBroker
{
    int32_t brokerId = -1;
    QString host;
    int32_t port = 0;
    std::optional<QString> rack;
    bool isFenced = false; // v2+
    friend bool operator==(const DescribeClusterBroker&, const DescribeClusterBroker&) = default;
};
struct DescribeClusterResponse
{
    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    int8_t endpointType = 1; // v1+
    QString clusterId;
    int32_t controllerId = -1;
    QList<DescribeClusterBroker> brokers;
    int32_t clusterAuthorizedOperations = INT32_MIN;
};
QByteArray encodeDescribeClusterRequest(
    const DescribeClusterRequest& request, int16_t version, QString* error = nullptr);
Decoded<DescribeClusterResponse> decodeDescribeClusterResponse(QByteArrayView body, int16_t version);
QByteArray encodeDescribeClusterResponse(
    const DescribeClusterResponse& response, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
