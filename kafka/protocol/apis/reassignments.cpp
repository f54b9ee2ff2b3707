// AlterPartitionReassignments (key 45) and ListPartitionReassignments (key 46): read like their message JSON, one
// field per line; both are flexible in every version.
#include "kafka/protocol/apis/reassignments.h"

#include "kafka/protocol/apis.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

// ---- AlterPartitionReassignments ----

QByteArray encodeAlterPartitionReassignmentsRequest(
    const AlterPartitionReassignmentsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::AlterPartitionReassignments;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(request.timeoutMs);
    if (version >= 1)
        w.boolean(request.allowReplicationFactorChange);
    w.arrayLength(request.topics.size());
    for (const ReassignableTopic& t : request.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const ReassignablePartition& p : t.partitions) {
            w.int32(p.partition);
            if (p.replicas)
                w.int32Array(*p.replicas);
            else
                w.nullArray(); // cancel
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

Decoded<AlterPartitionReassignmentsResponse> decodeAlterPartitionReassignmentsResponse(
    QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::AlterPartitionReassignments;
    using Result = Decoded<AlterPartitionReassignmentsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("AlterPartitionReassignments v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("AlterPartitionReassignments v%1 response").arg(version));
    AlterPartitionReassignmentsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    if (version >= 1)
        response.allowReplicationFactorChange = r.boolean("allowReplicationFactorChange");
    response.errorCode = r.int16("errorCode");
    response.errorMessage = r.nullableString("errorMessage");
    r.array("responses", [&] {
        ReassignableTopicResponse t;
        t.name = r.string("name");
        r.array("partitions", [&] {
            ReassignablePartitionResponse p;
            p.partition = r.int32("partitionIndex");
            p.errorCode = r.int16("errorCode");
            p.errorMessage = r.nullableString("errorMessage");
            r.taggedFields();
            t.partitions.append(p);
        });
        r.taggedFields();
        response.responses.append(t);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeAlterPartitionReassignmentsResponse(
    const AlterPartitionReassignmentsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::AlterPartitionReassignments;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    if (version >= 1)
        w.boolean(response.allowReplicationFactorChange);
    w.int16(response.errorCode);
    w.nullableString(response.errorMessage.value_or(QString()), !response.errorMessage);
    w.arrayLength(response.responses.size());
    for (const ReassignableTopicResponse& t : response.responses) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const ReassignablePartitionResponse& p : t.partitions) {
            w.int32(p.partition);
            w.int16(p.errorCode);
            w.nullableString(p.errorMessage.value_or(QString()), !p.errorMessage);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

// ---- ListPartitionReassignments ----

QByteArray encodeListPartitionReassignmentsRequest(
    const ListPartitionReassignmentsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ListPartitionReassignments;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(request.timeoutMs);
    if (!request.topics) {
        w.nullArray();
    } else {
        w.arrayLength(request.topics->size());
        for (const ListReassignmentsTopic& t : *request.topics) {
            w.string(t.name);
            w.int32Array(t.partitions);
            w.taggedFields();
        }
    }
    w.taggedFields();
    return w.take(error);
}

Decoded<ListPartitionReassignmentsResponse> decodeListPartitionReassignmentsResponse(
    QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::ListPartitionReassignments;
    using Result = Decoded<ListPartitionReassignmentsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("ListPartitionReassignments v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("ListPartitionReassignments v%1 response").arg(version));
    ListPartitionReassignmentsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    response.errorCode = r.int16("errorCode");
    response.errorMessage = r.nullableString("errorMessage");
    r.array("topics", [&] {
        OngoingTopicReassignment t;
        t.name = r.string("name");
        r.array("partitions", [&] {
            OngoingPartitionReassignment p;
            p.partition = r.int32("partitionIndex");
            p.replicas = r.int32Array("replicas");
            p.addingReplicas = r.int32Array("addingReplicas");
            p.removingReplicas = r.int32Array("removingReplicas");
            r.taggedFields();
            t.partitions.append(p);
        });
        r.taggedFields();
        response.topics.append(t);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeListPartitionReassignmentsResponse(
    const ListPartitionReassignmentsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ListPartitionReassignments;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.int16(response.errorCode);
    w.nullableString(response.errorMessage.value_or(QString()), !response.errorMessage);
    w.arrayLength(response.topics.size());
    for (const OngoingTopicReassignment& t : response.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const OngoingPartitionReassignment& p : t.partitions) {
            w.int32(p.partition);
            w.int32Array(p.replicas);
            w.int32Array(p.addingReplicas);
            w.int32Array(p.removingReplicas);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
