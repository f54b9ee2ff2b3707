// ListGroups (key 16), FindCoordinator (key 10), DescribeGroups (key 15), the consumer protocol's embedded bytes,
// ConsumerGroupDescribe (key 69), ShareGroupDescribe (key 77) and DeleteGroups (key 42): read like their message JSON,
// one field per line, version conditions inline.
#include "kafka/protocol/apis/groups.h"

#include "kafka/protocol/apis.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

namespace {

QByteArray uuidOrEmpty(const QByteArray& id)
{
    return id.count('\0') == id.size() ? QByteArray() : id;
}

QByteArray refuse(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return {};
}

void writeStrings(Writer& w, const QStringList& values)
{
    w.arrayLength(values.size());
    for (const QString& v : values)
        w.string(v);
}

QStringList readStrings(Reader& r, const char* field)
{
    QStringList values;
    const qsizetype count = r.arrayLength(field);
    for (qsizetype i = 0; i < count && r.ok(); ++i)
        values.append(r.string(field));
    return values;
}

} // namespace

// ---- ListGroups ----

QByteArray encodeListGroupsRequest(const ListGroupsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ListGroups;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    // Dropping a filter would list every group as if it matched: refuse, as Kafka's own client does.
    if (version < 4 && !request.statesFilter.isEmpty())
        return refuse(error, QStringLiteral("ListGroups v%1 cannot filter by state (v4+)").arg(version));
    if (version < 5 && !request.typesFilter.isEmpty())
        return refuse(error, QStringLiteral("ListGroups v%1 cannot filter by type (v5+)").arg(version));
    Writer w(isFlexible(key, version));
    if (version >= 4)
        writeStrings(w, request.statesFilter);
    if (version >= 5)
        writeStrings(w, request.typesFilter);
    w.taggedFields();
    return w.take(error);
}

Decoded<ListGroupsResponse> decodeListGroupsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::ListGroups;
    using Result = Decoded<ListGroupsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("ListGroups v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("ListGroups v%1 response").arg(version));
    ListGroupsResponse response;
    if (version >= 1)
        response.throttleTimeMs = r.int32("throttleTimeMs");
    response.errorCode = r.int16("errorCode");
    r.array("groups", [&] {
        ListedGroup g;
        g.groupId = r.string("groupId");
        g.protocolType = r.string("protocolType");
        if (version >= 4)
            g.groupState = r.string("groupState");
        if (version >= 5)
            g.groupType = r.string("groupType");
        r.taggedFields();
        response.groups.append(g);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeListGroupsResponse(const ListGroupsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ListGroups;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    if (version >= 1)
        w.int32(response.throttleTimeMs);
    w.int16(response.errorCode);
    w.arrayLength(response.groups.size());
    for (const ListedGroup& g : response.groups) {
        w.string(g.groupId);
        w.string(g.protocolType);
        if (version >= 4)
            w.string(g.groupState);
        if (version >= 5)
            w.string(g.groupType);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

// ---- FindCoordinator ----

QByteArray encodeFindCoordinatorRequest(const FindCoordinatorRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::FindCoordinator;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    if (version < 4 && request.keys.size() != 1)
        return refuse(error,
            QStringLiteral("FindCoordinator v%1 looks up exactly one key, not %2")
                .arg(version)
                .arg(request.keys.size()));
    if (version < 1 && request.keyType != CoordinatorType::Group)
        return refuse(error, QStringLiteral("FindCoordinator v0 only finds group coordinators"));
    if (version < 6 && request.keyType == CoordinatorType::Share)
        return refuse(error, QStringLiteral("FindCoordinator v%1 cannot find share coordinators (v6+)").arg(version));
    Writer w(isFlexible(key, version));
    if (version <= 3)
        w.string(request.keys.constFirst()); // Key
    if (version >= 1)
        w.int8(int8_t(request.keyType));
    if (version >= 4)
        writeStrings(w, request.keys); // CoordinatorKeys
    w.taggedFields();
    return w.take(error);
}

Decoded<FindCoordinatorResponse> decodeFindCoordinatorResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::FindCoordinator;
    using Result = Decoded<FindCoordinatorResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("FindCoordinator v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("FindCoordinator v%1 response").arg(version));
    FindCoordinatorResponse response;
    if (version >= 1)
        response.throttleTimeMs = r.int32("throttleTimeMs");
    if (version <= 3) {
        Coordinator c;
        c.errorCode = r.int16("errorCode");
        if (version >= 1)
            c.errorMessage = r.nullableString("errorMessage");
        c.nodeId = r.int32("nodeId");
        c.host = r.string("host");
        c.port = r.int32("port");
        response.coordinators.append(c);
    }
    if (version >= 4) {
        r.array("coordinators", [&] {
            Coordinator c;
            c.key = r.string("key");
            c.nodeId = r.int32("nodeId");
            c.host = r.string("host");
            c.port = r.int32("port");
            c.errorCode = r.int16("errorCode");
            c.errorMessage = r.nullableString("errorMessage");
            r.taggedFields();
            response.coordinators.append(c);
        });
    }
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeFindCoordinatorResponse(const FindCoordinatorResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::FindCoordinator;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    if (version <= 3 && response.coordinators.size() != 1)
        return refuse(error,
            QStringLiteral("FindCoordinator v%1 answers with exactly one coordinator, not %2")
                .arg(version)
                .arg(response.coordinators.size()));
    Writer w(isFlexible(key, version));
    if (version >= 1)
        w.int32(response.throttleTimeMs);
    if (version <= 3) {
        const Coordinator& c = response.coordinators.constFirst();
        w.int16(c.errorCode);
        if (version >= 1)
            w.nullableString(c.errorMessage.value_or(QString()), !c.errorMessage);
        w.int32(c.nodeId);
        w.string(c.host);
        w.int32(c.port);
    }
    if (version >= 4) {
        w.arrayLength(response.coordinators.size());
        for (const Coordinator& c : response.coordinators) {
            w.string(c.key);
            w.int32(c.nodeId);
            w.string(c.host);
            w.int32(c.port);
            w.int16(c.errorCode);
            w.nullableString(c.errorMessage.value_or(QString()), !c.errorMessage);
            w.taggedFields();
        }
    }
    w.taggedFields();
    return w.take(error);
}

// ---- DescribeGroups ----

QByteArray encodeDescribeGroupsRequest(const DescribeGroupsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeGroups;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    writeStrings(w, request.groups);
    if (version >= 3)
        w.boolean(request.includeAuthorizedOperations);
    w.taggedFields();
    return w.take(error);
}

Decoded<DescribeGroupsResponse> decodeDescribeGroupsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::DescribeGroups;
    using Result = Decoded<DescribeGroupsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DescribeGroups v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DescribeGroups v%1 response").arg(version));
    DescribeGroupsResponse response;
    if (version >= 1)
        response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("groups", [&] {
        DescribedGroup g;
        g.errorCode = r.int16("errorCode");
        if (version >= 6)
            g.errorMessage = r.nullableString("errorMessage");
        g.groupId = r.string("groupId");
        g.groupState = r.string("groupState");
        g.protocolType = r.string("protocolType");
        g.protocolData = r.string("protocolData");
        r.array("members", [&] {
            DescribedGroupMember m;
            m.memberId = r.string("memberId");
            if (version >= 4)
                m.groupInstanceId = r.nullableString("groupInstanceId");
            m.clientId = r.string("clientId");
            m.clientHost = r.string("clientHost");
            m.memberMetadata = r.bytes("memberMetadata");
            m.memberAssignment = r.bytes("memberAssignment");
            r.taggedFields();
            g.members.append(m);
        });
        if (version >= 3)
            g.authorizedOperations = r.int32("authorizedOperations");
        r.taggedFields();
        response.groups.append(g);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeDescribeGroupsResponse(const DescribeGroupsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeGroups;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    if (version >= 1)
        w.int32(response.throttleTimeMs);
    w.arrayLength(response.groups.size());
    for (const DescribedGroup& g : response.groups) {
        w.int16(g.errorCode);
        if (version >= 6)
            w.nullableString(g.errorMessage.value_or(QString()), !g.errorMessage);
        w.string(g.groupId);
        w.string(g.groupState);
        w.string(g.protocolType);
        w.string(g.protocolData);
        w.arrayLength(g.members.size());
        for (const DescribedGroupMember& m : g.members) {
            w.string(m.memberId);
            if (version >= 4)
                w.nullableString(m.groupInstanceId.value_or(QString()), !m.groupInstanceId);
            w.string(m.clientId);
            w.string(m.clientHost);
            w.bytes(m.memberMetadata);
            w.bytes(m.memberAssignment);
            w.taggedFields();
        }
        if (version >= 3)
            w.int32(g.authorizedOperations);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

// ---- The consumer protocol's embedded bytes ----

namespace {

constexpr int16_t kConsumerProtocolMaxVersion = 3;

void readTopicPartitions(Reader& r, const char* field, QList<ConsumerProtocolTopicPartitions>* out)
{
    r.array(field, [&] {
        ConsumerProtocolTopicPartitions t;
        t.topic = r.string("topic");
        t.partitions = r.int32Array("partitions");
        out->append(t);
    });
}

void writeTopicPartitions(Writer& w, const QList<ConsumerProtocolTopicPartitions>& topics)
{
    w.arrayLength(topics.size());
    for (const ConsumerProtocolTopicPartitions& t : topics) {
        w.string(t.topic);
        w.int32Array(t.partitions);
    }
}

// A newer version than we know keeps our fields in front (the JSON's promise) and may add some after them.
void finishConsumerProtocol(Reader& r, int16_t version)
{
    if (version <= kConsumerProtocolMaxVersion)
        r.finish();
}

} // namespace

Decoded<ConsumerProtocolAssignment> decodeConsumerProtocolAssignment(QByteArrayView bytes)
{
    using Result = Decoded<ConsumerProtocolAssignment>;
    Reader r(bytes, false, QStringLiteral("ConsumerProtocolAssignment"));
    ConsumerProtocolAssignment assignment;
    assignment.version = r.int16("version");
    if (r.ok() && assignment.version < 0)
        r.fail(QStringLiteral("unsupported version %1").arg(assignment.version), "version");
    readTopicPartitions(r, "assignedPartitions", &assignment.assignedPartitions);
    assignment.userData = r.nullableBytes("userData");
    finishConsumerProtocol(r, assignment.version);
    if (!r.ok())
        return Result::failure(r.error());
    return assignment;
}

QByteArray encodeConsumerProtocolAssignment(
    const ConsumerProtocolAssignment& assignment, int16_t version, QString* error)
{
    if (version < 0 || version > kConsumerProtocolMaxVersion)
        return refuse(error, QStringLiteral("KafScope does not encode ConsumerProtocolAssignment v%1").arg(version));
    Writer w(false);
    w.int16(version);
    writeTopicPartitions(w, assignment.assignedPartitions);
    w.nullableBytes(assignment.userData.value_or(QByteArray()), !assignment.userData);
    return w.take(error);
}

Decoded<ConsumerProtocolSubscription> decodeConsumerProtocolSubscription(QByteArrayView bytes)
{
    using Result = Decoded<ConsumerProtocolSubscription>;
    Reader r(bytes, false, QStringLiteral("ConsumerProtocolSubscription"));
    ConsumerProtocolSubscription subscription;
    subscription.version = r.int16("version");
    const int16_t version = subscription.version;
    if (r.ok() && version < 0)
        r.fail(QStringLiteral("unsupported version %1").arg(version), "version");
    subscription.topics = readStrings(r, "topics");
    subscription.userData = r.nullableBytes("userData");
    if (version >= 1)
        readTopicPartitions(r, "ownedPartitions", &subscription.ownedPartitions);
    if (version >= 2)
        subscription.generationId = r.int32("generationId");
    if (version >= 3)
        subscription.rackId = r.nullableString("rackId");
    finishConsumerProtocol(r, version);
    if (!r.ok())
        return Result::failure(r.error());
    return subscription;
}

QByteArray encodeConsumerProtocolSubscription(
    const ConsumerProtocolSubscription& subscription, int16_t version, QString* error)
{
    if (version < 0 || version > kConsumerProtocolMaxVersion)
        return refuse(error, QStringLiteral("KafScope does not encode ConsumerProtocolSubscription v%1").arg(version));
    Writer w(false);
    w.int16(version);
    writeStrings(w, subscription.topics);
    w.nullableBytes(subscription.userData.value_or(QByteArray()), !subscription.userData);
    if (version >= 1)
        writeTopicPartitions(w, subscription.ownedPartitions);
    if (version >= 2)
        w.int32(subscription.generationId);
    if (version >= 3)
        w.nullableString(subscription.rackId.value_or(QString()), !subscription.rackId);
    return w.take(error);
}

// ---- ConsumerGroupDescribe and ShareGroupDescribe ----

namespace {

DescribedAssignment readAssignment(Reader& r, const char* field)
{
    const Reader::Scope scope(r, field);
    DescribedAssignment assignment;
    r.array("topicPartitions", [&] {
        DescribedTopicPartitions t;
        t.topicId = uuidOrEmpty(r.uuid("topicId"));
        t.topicName = r.string("topicName");
        t.partitions = r.int32Array("partitions");
        r.taggedFields();
        assignment.topicPartitions.append(t);
    });
    r.taggedFields();
    return assignment;
}

void writeAssignment(Writer& w, const DescribedAssignment& assignment)
{
    w.arrayLength(assignment.topicPartitions.size());
    for (const DescribedTopicPartitions& t : assignment.topicPartitions) {
        w.uuid(t.topicId);
        w.string(t.topicName);
        w.int32Array(t.partitions);
        w.taggedFields();
    }
    w.taggedFields();
}

} // namespace

QByteArray encodeConsumerGroupDescribeRequest(
    const ConsumerGroupDescribeRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ConsumerGroupDescribe;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    writeStrings(w, request.groupIds);
    w.boolean(request.includeAuthorizedOperations);
    w.taggedFields();
    return w.take(error);
}

Decoded<ConsumerGroupDescribeResponse> decodeConsumerGroupDescribeResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::ConsumerGroupDescribe;
    using Result = Decoded<ConsumerGroupDescribeResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("ConsumerGroupDescribe v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("ConsumerGroupDescribe v%1 response").arg(version));
    ConsumerGroupDescribeResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("groups", [&] {
        ConsumerGroupDescription g;
        g.errorCode = r.int16("errorCode");
        g.errorMessage = r.nullableString("errorMessage");
        g.groupId = r.string("groupId");
        g.groupState = r.string("groupState");
        g.groupEpoch = r.int32("groupEpoch");
        g.assignmentEpoch = r.int32("assignmentEpoch");
        g.assignorName = r.string("assignorName");
        r.array("members", [&] {
            ConsumerGroupMemberDescription m;
            m.memberId = r.string("memberId");
            m.instanceId = r.nullableString("instanceId");
            m.rackId = r.nullableString("rackId");
            m.memberEpoch = r.int32("memberEpoch");
            m.clientId = r.string("clientId");
            m.clientHost = r.string("clientHost");
            m.subscribedTopicNames = readStrings(r, "subscribedTopicNames");
            m.subscribedTopicRegex = r.nullableString("subscribedTopicRegex");
            m.assignment = readAssignment(r, "assignment");
            m.targetAssignment = readAssignment(r, "targetAssignment");
            if (version >= 1)
                m.memberType = r.int8("memberType");
            r.taggedFields();
            g.members.append(m);
        });
        g.authorizedOperations = r.int32("authorizedOperations");
        r.taggedFields();
        response.groups.append(g);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeConsumerGroupDescribeResponse(
    const ConsumerGroupDescribeResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ConsumerGroupDescribe;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.groups.size());
    for (const ConsumerGroupDescription& g : response.groups) {
        w.int16(g.errorCode);
        w.nullableString(g.errorMessage.value_or(QString()), !g.errorMessage);
        w.string(g.groupId);
        w.string(g.groupState);
        w.int32(g.groupEpoch);
        w.int32(g.assignmentEpoch);
        w.string(g.assignorName);
        w.arrayLength(g.members.size());
        for (const ConsumerGroupMemberDescription& m : g.members) {
            w.string(m.memberId);
            w.nullableString(m.instanceId.value_or(QString()), !m.instanceId);
            w.nullableString(m.rackId.value_or(QString()), !m.rackId);
            w.int32(m.memberEpoch);
            w.string(m.clientId);
            w.string(m.clientHost);
            writeStrings(w, m.subscribedTopicNames);
            w.nullableString(m.subscribedTopicRegex.value_or(QString()), !m.subscribedTopicRegex);
            writeAssignment(w, m.assignment);
            writeAssignment(w, m.targetAssignment);
            if (version >= 1)
                w.int8(m.memberType);
            w.taggedFields();
        }
        w.int32(g.authorizedOperations);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

QByteArray encodeShareGroupDescribeRequest(const ShareGroupDescribeRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ShareGroupDescribe;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    writeStrings(w, request.groupIds);
    w.boolean(request.includeAuthorizedOperations);
    w.taggedFields();
    return w.take(error);
}

Decoded<ShareGroupDescribeResponse> decodeShareGroupDescribeResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::ShareGroupDescribe;
    using Result = Decoded<ShareGroupDescribeResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("ShareGroupDescribe v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("ShareGroupDescribe v%1 response").arg(version));
    ShareGroupDescribeResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("groups", [&] {
        ShareGroupDescription g;
        g.errorCode = r.int16("errorCode");
        g.errorMessage = r.nullableString("errorMessage");
        g.groupId = r.string("groupId");
        g.groupState = r.string("groupState");
        g.groupEpoch = r.int32("groupEpoch");
        g.assignmentEpoch = r.int32("assignmentEpoch");
        g.assignorName = r.string("assignorName");
        r.array("members", [&] {
            ShareGroupMemberDescription m;
            m.memberId = r.string("memberId");
            m.rackId = r.nullableString("rackId");
            m.memberEpoch = r.int32("memberEpoch");
            m.clientId = r.string("clientId");
            m.clientHost = r.string("clientHost");
            m.subscribedTopicNames = readStrings(r, "subscribedTopicNames");
            m.assignment = readAssignment(r, "assignment");
            r.taggedFields();
            g.members.append(m);
        });
        g.authorizedOperations = r.int32("authorizedOperations");
        r.taggedFields();
        response.groups.append(g);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeShareGroupDescribeResponse(const ShareGroupDescribeResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ShareGroupDescribe;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.groups.size());
    for (const ShareGroupDescription& g : response.groups) {
        w.int16(g.errorCode);
        w.nullableString(g.errorMessage.value_or(QString()), !g.errorMessage);
        w.string(g.groupId);
        w.string(g.groupState);
        w.int32(g.groupEpoch);
        w.int32(g.assignmentEpoch);
        w.string(g.assignorName);
        w.arrayLength(g.members.size());
        for (const ShareGroupMemberDescription& m : g.members) {
            w.string(m.memberId);
            w.nullableString(m.rackId.value_or(QString()), !m.rackId);
            w.int32(m.memberEpoch);
            w.string(m.clientId);
            w.string(m.clientHost);
            writeStrings(w, m.subscribedTopicNames);
            writeAssignment(w, m.assignment);
            w.taggedFields();
        }
        w.int32(g.authorizedOperations);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

// ---- DeleteGroups ----

QByteArray encodeDeleteGroupsRequest(const DeleteGroupsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DeleteGroups;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    writeStrings(w, request.groupsNames);
    w.taggedFields();
    return w.take(error);
}

Decoded<DeleteGroupsResponse> decodeDeleteGroupsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::DeleteGroups;
    using Result = Decoded<DeleteGroupsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DeleteGroups v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DeleteGroups v%1 response").arg(version));
    DeleteGroupsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("results", [&] {
        DeletableGroupResult g;
        g.groupId = r.string("groupId");
        g.errorCode = r.int16("errorCode");
        r.taggedFields();
        response.results.append(g);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeDeleteGroupsResponse(const DeleteGroupsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DeleteGroups;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.results.size());
    for (const DeletableGroupResult& g : response.results) {
        w.string(g.groupId);
        w.int16(g.errorCode);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
