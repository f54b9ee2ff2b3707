#pragma once
// Codecs of partition reassignment: AlterPartitionReassignments (key 45, v0-1, flexible) and
// ListPartitionReassignments (key 46, v0, flexible), field by field as AlterPartitionReassignmentsRequest.json /
// ListPartitionReassignmentsRequest.json and their responses.
#include "kafka/protocol/decoded.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace kafscope::protocol {

// ---- AlterPartitionReassignments ----
struct ReassignablePartition
{
    int32_t partition = 0;
    std::optional<QList<int32_t>> replicas; // the target replicas (first = preferred leader); nullopt cancels
    friend bool operator==(const ReassignablePartition&, const ReassignablePartition&) = default;
};
struct ReassignableTopic
{
    QString name;
    QList<ReassignablePartition> partitions;
    friend bool operator==(const ReassignableTopic&, const ReassignableTopic&) = default;
};
struct AlterPartitionReassignmentsRequest
{
    int32_t timeoutMs = 60000;
    bool allowReplicationFactorChange = true; // v1+ (KIP-860): false refuses plans that change a partition's RF
    QList<ReassignableTopic> topics;
};
struct ReassignablePartitionResponse
{
    int32_t partition = 0;
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    friend bool operator==(const ReassignablePartitionResponse&, const ReassignablePartitionResponse&) = default;
};
struct ReassignableTopicResponse
{
    QString name;
    QList<ReassignablePartitionResponse> partitions;
    friend bool operator==(const ReassignableTopicResponse&, const ReassignableTopicResponse&) = default;
};
struct AlterPartitionReassignmentsResponse
{
    int32_t throttleTimeMs = 0;
    bool allowReplicationFactorChange = true; // v1+
    int16_t errorCode = 0; // top-level: the whole request failed (e.g. NOT_CONTROLLER)
    std::optional<QString> errorMessage;
    QList<ReassignableTopicResponse> responses;
};
QByteArray encodeAlterPartitionReassignmentsRequest(
    const AlterPartitionReassignmentsRequest& request, int16_t version, QString* error = nullptr);
Decoded<AlterPartitionReassignmentsResponse> decodeAlterPartitionReassignmentsResponse(
    QByteArrayView body, int16_t version);
QByteArray encodeAlterPartitionReassignmentsResponse(
    const AlterPartitionReassignmentsResponse& response, int16_t version, QString* error = nullptr);

// ---- ListPartitionReassignments ----
struct ListReassignmentsTopic
{
    QString name;
    QList<int32_t> partitions;
};
struct ListPartitionReassignmentsRequest
{
    int32_t timeoutMs = 60000;
    std::optional<QList<ListReassignmentsTopic>> topics; // nullopt: every ongoing reassignment
};
struct OngoingPartitionReassignment
{
    int32_t partition = 0;
    QList<int32_t> replicas; // the current replica set (old and new together while it runs)
    QList<int32_t> addingReplicas;
    QList<int32_t> removingReplicas;
    friend bool operator==(const OngoingPartitionReassignment&, const OngoingPartitionReassignment&) = default;
};
struct OngoingTopicReassignment
{
    QString name;
    QList<OngoingPartitionReassignment> partitions;
    friend bool operator==(const OngoingTopicReassignment&, const OngoingTopicReassignment&) = default;
};
struct ListPartitionReassignmentsResponse
{
    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    QList<OngoingTopicReassignment> topics;
};
QByteArray encodeListPartitionReassignmentsRequest(
    const ListPartitionReassignmentsRequest& request, int16_t version, QString* error = nullptr);
Decoded<ListPartitionReassignmentsResponse> decodeListPartitionReassignmentsResponse(
    QByteArrayView body, int16_t version);
QByteArray encodeListPartitionReassignmentsResponse(
    const ListPartitionReassignmentsResponse& response, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
