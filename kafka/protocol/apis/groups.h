#pragma once
// Codecs of group listing and description: ListGroups (key 16, v0-5, flexible from v3), FindCoordinator (key 10, v0-6,
// flexible from v3), DescribeGroups (key 15, v0-6, flexible from v5), ConsumerGroupDescribe (key 69, v0-1, flexible),
// ShareGroupDescribe (key 77, v1, flexible) and DeleteGroups (key 42, v0-2, flexible from v2), field by field as their
// message JSON; and the "consumer" protocol's embedded bytes (ConsumerProtocolSubscription /
// ConsumerProtocolAssignment, v0-3, never flexible) that DescribeGroups hands over as opaque MemberMetadata /
// MemberAssignment.
#include "kafka/protocol/decoded.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace kafscope::protocol {

// ---- ListGroups ----
struct ListGroupsRequest
{
    QStringList statesFilter; // v4+; empty: every state. Refused below v4 (the broker would list every group)
    QStringList typesFilter; // v5+; empty: every type. Refused below v5
};
struct ListedGroup
{
    QString groupId;
    QString protocolType; // "consumer", "connect", ...; empty for KIP-848 and share groups
    QString groupState; // v4+
    QString groupType; // v5+: "classic", "consumer", "share", "streams"
    friend bool operator==(const ListedGroup&, const ListedGroup&) = default;
};
struct ListGroupsResponse
{
    int32_t throttleTimeMs = 0; // v1+
    int16_t errorCode = 0;
    QList<ListedGroup> groups;
};
QByteArray encodeListGroupsRequest(const ListGroupsRequest& request, int16_t version, QString* error = nullptr);
Decoded<ListGroupsResponse> decodeListGroupsResponse(QByteArrayView body, int16_t version);
QByteArray encodeListGroupsResponse(const ListGroupsResponse& response, int16_t version, QString* error = nullptr);

// ---- FindCoordinator ----
enum class CoordinatorType : int8_t { Group = 0, Transaction = 1, Share = 2 };
struct FindCoordinatorRequest
{
    CoordinatorType keyType = CoordinatorType::Group; // v1+ (v0 finds group coordinators only); Share from v6
    // v0-3 carry exactly one key (Key); v4+ any number (CoordinatorKeys). A share key is "group:topicId:partition".
    QStringList keys;
};
struct Coordinator
{
    QString key; // v4+; empty in a v0-3 answer (which answers the one key asked for: the caller knows it)
    int32_t nodeId = -1;
    QString host;
    int32_t port = -1;
    int16_t errorCode = 0;
    std::optional<QString> errorMessage; // v1+
    friend bool operator==(const Coordinator&, const Coordinator&) = default;
};
struct FindCoordinatorResponse
{
    int32_t throttleTimeMs = 0; // v1+
    QList<Coordinator> coordinators; // v0-3: exactly one (the top-level fields); v4+: Coordinators
};
QByteArray encodeFindCoordinatorRequest(
    const FindCoordinatorRequest& request, int16_t version, QString* error = nullptr);
Decoded<FindCoordinatorResponse> decodeFindCoordinatorResponse(QByteArrayView body, int16_t version);
QByteArray encodeFindCoordinatorResponse(
    const FindCoordinatorResponse& response, int16_t version, QString* error = nullptr);

// ---- DescribeGroups (classic groups; KIP-848 groups answer through ConsumerGroupDescribe) ----
struct DescribeGroupsRequest
{
    QStringList groups;
    bool includeAuthorizedOperations = false; // v3+ (dropped below)
};
struct DescribedGroupMember
{
    QString memberId;
    std::optional<QString> groupInstanceId; // v4+
    QString clientId;
    QString clientHost;
    QByteArray memberMetadata; // protocol "consumer": decodeConsumerProtocolSubscription
    QByteArray memberAssignment; // protocol "consumer": decodeConsumerProtocolAssignment; empty when none yet
    friend bool operator==(const DescribedGroupMember&, const DescribedGroupMember&) = default;
};
struct DescribedGroup
{
    int16_t errorCode = 0;
    std::optional<QString> errorMessage; // v6+
    QString groupId;
    QString groupState; // "Stable", "Empty", "Dead", ...
    QString protocolType; // "consumer", "connect", ... or empty
    QString protocolData; // the chosen protocol (the assignor: "range", "cooperative-sticky", ...) or empty
    QList<DescribedGroupMember> members;
    int32_t authorizedOperations = INT32_MIN; // v3+
    friend bool operator==(const DescribedGroup&, const DescribedGroup&) = default;
};
struct DescribeGroupsResponse
{
    int32_t throttleTimeMs = 0; // v1+
    QList<DescribedGroup> groups;
};
QByteArray encodeDescribeGroupsRequest(const DescribeGroupsRequest& request, int16_t version, QString* error = nullptr);
Decoded<DescribeGroupsResponse> decodeDescribeGroupsResponse(QByteArrayView body, int16_t version);
QByteArray encodeDescribeGroupsResponse(
    const DescribeGroupsResponse& response, int16_t version, QString* error = nullptr);

// ---- The "consumer" protocol's embedded bytes (an int16 version, then the fields; never flexible) ----
// Like Kafka, the decoders read a version newer than 3 with the v3 layout and ignore what follows; a known version
// must use every byte. Empty bytes (a member not assigned yet) are the caller's case: they fail as truncated.
struct ConsumerProtocolTopicPartitions
{
    QString topic;
    QList<int32_t> partitions;
    friend bool operator==(const ConsumerProtocolTopicPartitions&, const ConsumerProtocolTopicPartitions&) = default;
};
struct ConsumerProtocolAssignment
{
    int16_t version = 0; // as read (may be newer than 3)
    QList<ConsumerProtocolTopicPartitions> assignedPartitions;
    std::optional<QByteArray> userData;
    friend bool operator==(const ConsumerProtocolAssignment&, const ConsumerProtocolAssignment&) = default;
};
struct ConsumerProtocolSubscription
{
    int16_t version = 0; // as read (may be newer than 3)
    QStringList topics;
    std::optional<QByteArray> userData;
    QList<ConsumerProtocolTopicPartitions> ownedPartitions; // v1+
    int32_t generationId = -1; // v2+
    std::optional<QString> rackId; // v3+
    friend bool operator==(const ConsumerProtocolSubscription&, const ConsumerProtocolSubscription&) = default;
};
Decoded<ConsumerProtocolAssignment> decodeConsumerProtocolAssignment(QByteArrayView bytes);
// Writes the version (0-3) first, then the fields of that version; assignment.version is not used.
QByteArray encodeConsumerProtocolAssignment(
    const ConsumerProtocolAssignment& assignment, int16_t version, QString* error = nullptr);
Decoded<ConsumerProtocolSubscription> decodeConsumerProtocolSubscription(QByteArrayView bytes);
QByteArray encodeConsumerProtocolSubscription(
    const ConsumerProtocolSubscription& subscription, int16_t version, QString* error = nullptr);

// ---- ConsumerGroupDescribe (KIP-848) and ShareGroupDescribe (KIP-932) ----
struct DescribedTopicPartitions
{
    QByteArray topicId; // 16 bytes; empty when the zero UUID
    QString topicName;
    QList<int32_t> partitions;
    friend bool operator==(const DescribedTopicPartitions&, const DescribedTopicPartitions&) = default;
};
struct DescribedAssignment // a struct of its own on the wire, with its own tagged fields
{
    QList<DescribedTopicPartitions> topicPartitions;
    friend bool operator==(const DescribedAssignment&, const DescribedAssignment&) = default;
};
struct ConsumerGroupDescribeRequest
{
    QStringList groupIds;
    bool includeAuthorizedOperations = false;
};
struct ConsumerGroupMemberDescription
{
    QString memberId;
    std::optional<QString> instanceId;
    std::optional<QString> rackId;
    int32_t memberEpoch = 0;
    QString clientId;
    QString clientHost;
    QStringList subscribedTopicNames;
    std::optional<QString> subscribedTopicRegex;
    DescribedAssignment assignment;
    DescribedAssignment targetAssignment;
    int8_t memberType = -1; // v1+: -1 unknown, 0 classic member, 1 consumer member
    friend bool operator==(const ConsumerGroupMemberDescription&, const ConsumerGroupMemberDescription&) = default;
};
struct ConsumerGroupDescription
{
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    QString groupId;
    QString groupState;
    int32_t groupEpoch = 0;
    int32_t assignmentEpoch = 0;
    QString assignorName;
    QList<ConsumerGroupMemberDescription> members;
    int32_t authorizedOperations = INT32_MIN;
    friend bool operator==(const ConsumerGroupDescription&, const ConsumerGroupDescription&) = default;
};
struct ConsumerGroupDescribeResponse
{
    int32_t throttleTimeMs = 0;
    QList<ConsumerGroupDescription> groups;
};
QByteArray encodeConsumerGroupDescribeRequest(
    const ConsumerGroupDescribeRequest& request, int16_t version, QString* error = nullptr);
Decoded<ConsumerGroupDescribeResponse> decodeConsumerGroupDescribeResponse(QByteArrayView body, int16_t version);
QByteArray encodeConsumerGroupDescribeResponse(
    const ConsumerGroupDescribeResponse& response, int16_t version, QString* error = nullptr);

struct ShareGroupDescribeRequest
{
    QStringList groupIds;
    bool includeAuthorizedOperations = false;
};
struct ShareGroupMemberDescription
{
    QString memberId;
    std::optional<QString> rackId;
    int32_t memberEpoch = 0;
    QString clientId;
    QString clientHost;
    QStringList subscribedTopicNames;
    DescribedAssignment assignment;
    friend bool operator==(const ShareGroupMemberDescription&, const ShareGroupMemberDescription&) = default;
};
struct ShareGroupDescription
{
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    QString groupId;
    QString groupState;
    int32_t groupEpoch = 0;
    int32_t assignmentEpoch = 0;
    QString assignorName;
    QList<ShareGroupMemberDescription> members;
    int32_t authorizedOperations = INT32_MIN;
    friend bool operator==(const ShareGroupDescription&, const ShareGroupDescription&) = default;
};
struct ShareGroupDescribeResponse
{
    int32_t throttleTimeMs = 0;
    QList<ShareGroupDescription> groups;
};
QByteArray encodeShareGroupDescribeRequest(
    const ShareGroupDescribeRequest& request, int16_t version, QString* error = nullptr);
Decoded<ShareGroupDescribeResponse> decodeShareGroupDescribeResponse(QByteArrayView body, int16_t version);
QByteArray encodeShareGroupDescribeResponse(
    const ShareGroupDescribeResponse& response, int16_t version, QString* error = nullptr);

// ---- DeleteGroups ----
struct DeleteGroupsRequest
{
    QStringList groupsNames; // the JSON's name
};
struct DeletableGroupResult
{
    QString groupId;
    int16_t errorCode = 0; // NON_EMPTY_GROUP (68) while the group has members
    friend bool operator==(const DeletableGroupResult&, const DeletableGroupResult&) = default;
};
struct DeleteGroupsResponse
{
    int32_t throttleTimeMs = 0;
    QList<DeletableGroupResult> results;
};
QByteArray encodeDeleteGroupsRequest(const DeleteGroupsRequest& request, int16_t version, QString* error = nullptr);
Decoded<DeleteGroupsResponse> decodeDeleteGroupsResponse(QByteArrayView body, int16_t version);
QByteArray encodeDeleteGroupsResponse(const DeleteGroupsResponse& response, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
