// ElectLeaders (key 43), DeleteRecords (key 21), DescribeQuorum (key 55) and DescribeCluster (key 60): read like their
// message JSON, one field per line, version conditions inline.
#include "kafka/protocol/apis/cluster.h"

#include "kafka/protocol/apis.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

namespace {

QByteArray uuidOrEmpty(const QByteArray& id)
{
    return id.count('\0') == id.size() ? QByteArray() : id;
}

} // namespace

// ---- ElectLeaders ----

QByteArray encodeElectLeadersRequest(const ElectLeadersRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ElectLeaders;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    if (version < 1 && request.type != ElectionType::Preferred) {
        if (error)
            *error = QStringLiteral("ElectLeaders v0 only holds preferred elections");
        return {};
    }
    Writer w(isFlexible(key, version));
    if (version >= 1)
        w.int8(int8_t(request.type));
    if (!request.topicPartitions) {
        w.nullArray();
    } else {
        w.arrayLength(request.topicPartitions->size());
        for (const auto& t : *request.topicPartitions) {
            w.string(t.topic);
            w.int32Array(t.partitions);
            w.taggedFields();
        }
    }
    w.int32(request.timeoutMs);
    w.taggedFields();
    return w.take(error);
}

Decoded<ElectLeadersResponse> decodeElectLeadersResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::ElectLeaders;
    using Result = Decoded<ElectLeadersResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("ElectLeaders v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("ElectLeaders v%1 response").arg(version));
    ElectLeadersResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    if (version >= 1)
        response.errorCode = r.int16("errorCode");
    r.array("replicaElectionResults", [&] {
        ElectionTopicResult t;
        t.topic = r.string("topic");
        r.array("partitionResult", [&] {
            ElectionPartitionResult p;
            p.partition = r.int32("partitionId");
            p.errorCode = r.int16("errorCode");
            p.errorMessage = r.nullableString("errorMessage");
            r.taggedFields();
            t.partitions.append(p);
        });
        r.taggedFields();
        response.results.append(t);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeElectLeadersResponse(const ElectLeadersResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::ElectLeaders;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    if (version >= 1)
        w.int16(response.errorCode);
    w.arrayLength(response.results.size());
    for (const auto& t : response.results) {
        w.string(t.topic);
        w.arrayLength(t.partitions.size());
        for (const auto& p : t.partitions) {
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

// ---- DeleteRecords ----

QByteArray encodeDeleteRecordsRequest(const DeleteRecordsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DeleteRecords;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.arrayLength(request.topics.size());
    for (const auto& t : request.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const auto& p : t.partitions) {
            w.int32(p.partition);
            w.int64(p.offset);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.int32(request.timeoutMs);
    w.taggedFields();
    return w.take(error);
}

Decoded<DeleteRecordsResponse> decodeDeleteRecordsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::DeleteRecords;
    using Result = Decoded<DeleteRecordsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DeleteRecords v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DeleteRecords v%1 response").arg(version));
    DeleteRecordsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("topics", [&] {
        DeleteRecordsTopicResult t;
        t.name = r.string("name");
        r.array("partitions", [&] {
            DeleteRecordsPartitionResult p;
            p.partition = r.int32("partitionIndex");
            p.lowWatermark = r.int64("lowWatermark");
            p.errorCode = r.int16("errorCode");
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

QByteArray encodeDeleteRecordsResponse(const DeleteRecordsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DeleteRecords;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.topics.size());
    for (const auto& t : response.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const auto& p : t.partitions) {
            w.int32(p.partition);
            w.int64(p.lowWatermark);
            w.int16(p.errorCode);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

// ---- DescribeQuorum ----

QByteArray encodeDescribeQuorumRequest(int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeQuorum;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.arrayLength(1); // Topics
    w.string(QStringLiteral("__cluster_metadata"));
    w.arrayLength(1); // Partitions
    w.int32(0);
    w.taggedFields();
    w.taggedFields();
    w.taggedFields();
    return w.take(error);
}

namespace {

void readReplicas(Reader& r, int16_t version, const char* field, QList<QuorumReplica>* out)
{
    r.array(field, [&] {
        QuorumReplica q;
        q.replicaId = r.int32("replicaId");
        if (version >= 2)
            q.directoryId = uuidOrEmpty(r.uuid("replicaDirectoryId"));
        q.logEndOffset = r.int64("logEndOffset");
        if (version >= 1) {
            q.lastFetchTimestamp = r.int64("lastFetchTimestamp");
            q.lastCaughtUpTimestamp = r.int64("lastCaughtUpTimestamp");
        }
        r.taggedFields();
        out->append(q);
    });
}

void writeReplicas(Writer& w, int16_t version, const QList<QuorumReplica>& replicas)
{
    w.arrayLength(replicas.size());
    for (const auto& q : replicas) {
        w.int32(q.replicaId);
        if (version >= 2)
            w.uuid(q.directoryId);
        w.int64(q.logEndOffset);
        if (version >= 1) {
            w.int64(q.lastFetchTimestamp);
            w.int64(q.lastCaughtUpTimestamp);
        }
        w.taggedFields();
    }
}

} // namespace

Decoded<DescribeQuorumResponse> decodeDescribeQuorumResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::DescribeQuorum;
    using Result = Decoded<DescribeQuorumResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DescribeQuorum v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DescribeQuorum v%1 response").arg(version));
    DescribeQuorumResponse response;
    response.errorCode = r.int16("errorCode");
    if (version >= 2)
        response.errorMessage = r.nullableString("errorMessage");
    int partitions = 0;
    r.array("topics", [&] {
        const QString topic = r.string("topicName");
        r.array("partitions", [&] {
            // One partition of one topic in practice (__cluster_metadata-0); the first is kept.
            DescribeQuorumResponse p;
            p.partition = r.int32("partitionIndex");
            p.partitionErrorCode = r.int16("errorCode");
            if (version >= 2)
                p.partitionErrorMessage = r.nullableString("errorMessage");
            p.leaderId = r.int32("leaderId");
            p.leaderEpoch = r.int32("leaderEpoch");
            p.highWatermark = r.int64("highWatermark");
            readReplicas(r, version, "currentVoters", &p.voters);
            readReplicas(r, version, "observers", &p.observers);
            r.taggedFields();
            if (partitions++ == 0) {
                response.topic = topic;
                response.partition = p.partition;
                response.partitionErrorCode = p.partitionErrorCode;
                response.partitionErrorMessage = p.partitionErrorMessage;
                response.leaderId = p.leaderId;
                response.leaderEpoch = p.leaderEpoch;
                response.highWatermark = p.highWatermark;
                response.voters = p.voters;
                response.observers = p.observers;
            }
        });
        r.taggedFields();
    });
    if (version >= 2) {
        r.array("nodes", [&] {
            QuorumNode n;
            n.nodeId = r.int32("nodeId");
            r.array("listeners", [&] {
                QuorumListener l;
                l.name = r.string("name");
                l.host = r.string("host");
                l.port = uint16_t(r.int16("port"));
                r.taggedFields();
                n.listeners.append(l);
            });
            r.taggedFields();
            response.nodes.append(n);
        });
    }
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeDescribeQuorumResponse(const DescribeQuorumResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeQuorum;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int16(response.errorCode);
    if (version >= 2)
        w.nullableString(response.errorMessage.value_or(QString()), !response.errorMessage);
    w.arrayLength(1);
    w.string(response.topic);
    w.arrayLength(1);
    w.int32(response.partition);
    w.int16(response.partitionErrorCode);
    if (version >= 2)
        w.nullableString(response.partitionErrorMessage.value_or(QString()), !response.partitionErrorMessage);
    w.int32(response.leaderId);
    w.int32(response.leaderEpoch);
    w.int64(response.highWatermark);
    writeReplicas(w, version, response.voters);
    writeReplicas(w, version, response.observers);
    w.taggedFields();
    w.taggedFields();
    if (version >= 2) {
        w.arrayLength(response.nodes.size());
        for (const auto& n : response.nodes) {
            w.int32(n.nodeId);
            w.arrayLength(n.listeners.size());
            for (const auto& l : n.listeners) {
                w.string(l.name);
                w.string(l.host);
                w.int16(int16_t(l.port));
                w.taggedFields();
            }
            w.taggedFields();
        }
    }
    w.taggedFields();
    return w.take(error);
}

// ---- DescribeCluster ----

QByteArray encodeDescribeClusterRequest(const DescribeClusterRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeCluster;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.boolean(request.includeClusterAuthorizedOperations);
    if (version >= 1)
        w.int8(request.endpointType);
    if (version >= 2)
        w.boolean(request.includeFencedBrokers);
    w.taggedFields();
    return w.take(error);
}

Decoded<DescribeClusterResponse> decodeDescribeClusterResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::DescribeCluster;
    using Result = Decoded<DescribeClusterResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DescribeCluster v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DescribeCluster v%1 response").arg(version));
    DescribeClusterResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    response.errorCode = r.int16("errorCode");
    response.errorMessage = r.nullableString("errorMessage");
    if (version >= 1)
        response.endpointType = r.int8("endpointType");
    response.clusterId = r.string("clusterId");
    response.controllerId = r.int32("controllerId");
    r.array("brokers", [&] {
        DescribeClusterBroker b;
        b.brokerId = r.int32("brokerId");
        b.host = r.string("host");
        b.port = r.int32("port");
        b.rack = r.nullableString("rack");
        if (version >= 2)
            b.isFenced = r.boolean("isFenced");
        r.taggedFields();
        response.brokers.append(b);
    });
    response.clusterAuthorizedOperations = r.int32("clusterAuthorizedOperations");
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeDescribeClusterResponse(const DescribeClusterResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeCluster;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.int16(response.errorCode);
    w.nullableString(response.errorMessage.value_or(QString()), !response.errorMessage);
    if (version >= 1)
        w.int8(response.endpointType);
    w.string(response.clusterId);
    w.int32(response.controllerId);
    w.arrayLength(response.brokers.size());
    for (const auto& b : response.brokers) {
        w.int32(b.brokerId);
        w.string(b.host);
        w.int32(b.port);
        w.nullableString(b.rack.value_or(QString()), !b.rack);
        if (version >= 2)
            w.boolean(b.isFenced);
        w.taggedFields();
    }
    w.int32(response.clusterAuthorizedOperations);
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
