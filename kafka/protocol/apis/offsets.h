#pragma once
// Codecs of committed offsets: OffsetFetch (key 9, v1-9, flexible from v6), OffsetCommit (key 8, v2-9, flexible from
// v8), OffsetDelete (key 47, v0, never flexible) and DescribeShareGroupOffsets (key 90, v0, flexible), field by field
// as their message JSON. (OffsetFetch and OffsetCommit v10 replace topic names with ids and are unstable in Kafka 4.1.)
#include "kafka/protocol/decoded.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <cstdint>
#include <optional>

namespace kafscope::protocol {

// ---- OffsetFetch ----
// Requests and responses are lists of groups at every version: v1-7 carry exactly one group (the encoders refuse
// more), and a decoded v1-7 response holds one group with an empty groupId (the caller knows which it asked for).
struct OffsetFetchRequestTopic
{
    QString name;
    QList<int32_t> partitionIndexes;
};
struct OffsetFetchRequestGroup
{
    QString groupId;
    std::optional<QString> memberId; // v9+ (KIP-848 members; an admin sends null); dropped below
    int32_t memberEpoch = -1; // v9+; dropped below
    std::optional<QList<OffsetFetchRequestTopic>> topics; // nullopt: every topic (v2+; v1 refuses it)
};
struct OffsetFetchRequest
{
    QList<OffsetFetchRequestGroup> groups;
    bool requireStable = false; // v7+; refused below (it would silently read unstable offsets)
};
struct OffsetFetchResponsePartition
{
    int32_t partitionIndex = 0;
    int64_t committedOffset = -1; // -1: nothing committed
    int32_t committedLeaderEpoch = -1; // v5+
    std::optional<QString> metadata;
    int16_t errorCode = 0;
    friend bool operator==(const OffsetFetchResponsePartition&, const OffsetFetchResponsePartition&) = default;
};
struct OffsetFetchResponseTopic
{
    QString name;
    QList<OffsetFetchResponsePartition> partitions;
    friend bool operator==(const OffsetFetchResponseTopic&, const OffsetFetchResponseTopic&) = default;
};
struct OffsetFetchResponseGroup
{
    QString groupId; // v8+; empty from v1-7
    QList<OffsetFetchResponseTopic> topics;
    int16_t errorCode = 0; // v2+ (the top-level ErrorCode in v2-7)
    friend bool operator==(const OffsetFetchResponseGroup&, const OffsetFetchResponseGroup&) = default;
};
struct OffsetFetchResponse
{
    int32_t throttleTimeMs = 0; // v3+
    QList<OffsetFetchResponseGroup> groups;
};
QByteArray encodeOffsetFetchRequest(const OffsetFetchRequest& request, int16_t version, QString* error = nullptr);
Decoded<OffsetFetchResponse> decodeOffsetFetchResponse(QByteArrayView body, int16_t version);
QByteArray encodeOffsetFetchResponse(const OffsetFetchResponse& response, int16_t version, QString* error = nullptr);

// ---- OffsetCommit ----
struct OffsetCommitRequestPartition
{
    int32_t partitionIndex = 0;
    int64_t committedOffset = 0;
    int32_t committedLeaderEpoch = -1; // v6+
    std::optional<QString> committedMetadata;
};
struct OffsetCommitRequestTopic
{
    QString name;
    QList<OffsetCommitRequestPartition> partitions;
};
struct OffsetCommitRequest
{
    QString groupId;
    // An admin committing for an empty (classic) group: generation -1 and member id "".
    int32_t generationIdOrMemberEpoch = -1;
    QString memberId;
    std::optional<QString> groupInstanceId; // v7+; refused below
    int64_t retentionTimeMs = -1; // v2-4 only; -1: the broker's offsets.retention.minutes
    QList<OffsetCommitRequestTopic> topics;
};
struct OffsetCommitResponsePartition
{
    int32_t partitionIndex = 0;
    int16_t errorCode = 0;
    friend bool operator==(const OffsetCommitResponsePartition&, const OffsetCommitResponsePartition&) = default;
};
struct OffsetCommitResponseTopic
{
    QString name;
    QList<OffsetCommitResponsePartition> partitions;
    friend bool operator==(const OffsetCommitResponseTopic&, const OffsetCommitResponseTopic&) = default;
};
struct OffsetCommitResponse
{
    int32_t throttleTimeMs = 0; // v3+
    QList<OffsetCommitResponseTopic> topics;
};
QByteArray encodeOffsetCommitRequest(const OffsetCommitRequest& request, int16_t version, QString* error = nullptr);
Decoded<OffsetCommitResponse> decodeOffsetCommitResponse(QByteArrayView body, int16_t version);
QByteArray encodeOffsetCommitResponse(const OffsetCommitResponse& response, int16_t version, QString* error = nullptr);

// ---- OffsetDelete ----
struct OffsetDeleteRequestTopic
{
    QString name;
    QList<int32_t> partitions; // Partitions[PartitionIndex]
};
struct OffsetDeleteRequest
{
    QString groupId;
    QList<OffsetDeleteRequestTopic> topics;
};
struct OffsetDeleteResponsePartition
{
    int32_t partitionIndex = 0;
    int16_t errorCode = 0; // GROUP_SUBSCRIBED_TO_TOPIC (86) while a member consumes the topic
    friend bool operator==(const OffsetDeleteResponsePartition&, const OffsetDeleteResponsePartition&) = default;
};
struct OffsetDeleteResponseTopic
{
    QString name;
    QList<OffsetDeleteResponsePartition> partitions;
    friend bool operator==(const OffsetDeleteResponseTopic&, const OffsetDeleteResponseTopic&) = default;
};
struct OffsetDeleteResponse
{
    int16_t errorCode = 0;
    int32_t throttleTimeMs = 0;
    QList<OffsetDeleteResponseTopic> topics;
};
QByteArray encodeOffsetDeleteRequest(const OffsetDeleteRequest& request, int16_t version, QString* error = nullptr);
Decoded<OffsetDeleteResponse> decodeOffsetDeleteResponse(QByteArrayView body, int16_t version);
QByteArray encodeOffsetDeleteResponse(const OffsetDeleteResponse& response, int16_t version, QString* error = nullptr);

// ---- DescribeShareGroupOffsets (KIP-932) ----
struct DescribeShareGroupOffsetsRequestTopic
{
    QString topicName;
    QList<int32_t> partitions;
};
struct DescribeShareGroupOffsetsRequestGroup
{
    QString groupId;
    std::optional<QList<DescribeShareGroupOffsetsRequestTopic>> topics; // nullopt: every topic-partition
};
struct DescribeShareGroupOffsetsRequest
{
    QList<DescribeShareGroupOffsetsRequestGroup> groups;
};
struct DescribeShareGroupOffsetsResponsePartition
{
    int32_t partitionIndex = 0;
    int64_t startOffset = -1; // the share-partition start offset
    int32_t leaderEpoch = -1;
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    friend bool operator==(
        const DescribeShareGroupOffsetsResponsePartition&, const DescribeShareGroupOffsetsResponsePartition&)
        = default;
};
struct DescribeShareGroupOffsetsResponseTopic
{
    QString topicName;
    QByteArray topicId; // 16 bytes; empty when the zero UUID
    QList<DescribeShareGroupOffsetsResponsePartition> partitions;
    friend bool operator==(const DescribeShareGroupOffsetsResponseTopic&, const DescribeShareGroupOffsetsResponseTopic&)
        = default;
};
struct DescribeShareGroupOffsetsResponseGroup
{
    QString groupId;
    QList<DescribeShareGroupOffsetsResponseTopic> topics;
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    friend bool operator==(const DescribeShareGroupOffsetsResponseGroup&, const DescribeShareGroupOffsetsResponseGroup&)
        = default;
};
struct DescribeShareGroupOffsetsResponse
{
    int32_t throttleTimeMs = 0;
    QList<DescribeShareGroupOffsetsResponseGroup> groups;
};
QByteArray encodeDescribeShareGroupOffsetsRequest(
    const DescribeShareGroupOffsetsRequest& request, int16_t version, QString* error = nullptr);
Decoded<DescribeShareGroupOffsetsResponse> decodeDescribeShareGroupOffsetsResponse(
    QByteArrayView body, int16_t version);
QByteArray encodeDescribeShareGroupOffsetsResponse(
    const DescribeShareGroupOffsetsResponse& response, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
