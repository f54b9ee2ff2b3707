// Metadata (key 3): MetadataRequest.json / MetadataResponse.json, v1-v12, flexible from v9.
#include "kafka/protocol/messages.h"
#include "kafka/protocol/wire.h"

#include <limits>

namespace kafscope::protocol {

namespace {
constexpr ApiKey key = ApiKey::Metadata;
// Default of the authorized-operations fields: "not requested".
constexpr int32_t operationsNotRequested = std::numeric_limits<int32_t>::min();

bool isZeroUuid(const QByteArray& id)
{
    return id.count('\0') == id.size();
}
} // namespace

QByteArray encodeMetadataRequest(const MetadataRequest& request, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    if (!request.topics) {
        w.nullArray(); // v1+: null means all topics
    } else {
        w.arrayLength(request.topics->size());
        for (const QString& name : *request.topics) {
            if (version >= 10)
                w.uuid({}); // we ask by name: the zero UUID
            w.nullableString(name, false); // nullable from v10 (when asking by id), never null here
            w.taggedFields();
        }
    }
    if (version >= 4)
        w.boolean(request.allowAutoTopicCreation);
    if (version >= 8 && version <= 10)
        w.boolean(false); // includeClusterAuthorizedOperations
    if (version >= 8)
        w.boolean(false); // includeTopicAuthorizedOperations
    w.taggedFields();
    return w.take(error);
}

Decoded<ClusterMetadata> decodeMetadataResponse(QByteArrayView body, int16_t version)
{
    if (!supportedVersions(key).contains(version))
        return Decoded<ClusterMetadata>::failure(QStringLiteral("Metadata v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("Metadata v%1 response").arg(version));
    ClusterMetadata md;
    if (version >= 3)
        r.int32("throttleTimeMs");
    r.array("brokers", [&] {
        BrokerInfo b;
        b.nodeId = r.int32("nodeId");
        b.host = r.string("host");
        b.port = r.int32("port");
        b.rack = r.nullableString("rack").value_or(QString()); // v1+
        r.taggedFields();
        md.brokers.append(b);
    });
    if (version >= 2)
        md.clusterId = r.nullableString("clusterId").value_or(QString());
    md.controllerId = r.int32("controllerId"); // v1+
    r.array("topics", [&] {
        TopicInfo t;
        t.errorCode = r.int16("errorCode");
        // Null from v12 when the topic was asked for by an id the broker does not know.
        t.name = version >= 12 ? r.nullableString("name").value_or(QString()) : r.string("name");
        if (version >= 10) {
            t.topicId = r.uuid("topicId");
            if (isZeroUuid(t.topicId))
                t.topicId.clear();
        }
        t.isInternal = r.boolean("isInternal"); // v1+
        r.array("partitions", [&] {
            PartitionInfo p;
            p.errorCode = r.int16("errorCode");
            p.partition = r.int32("partitionIndex");
            p.leader = r.int32("leaderId");
            if (version >= 7)
                p.leaderEpoch = r.int32("leaderEpoch");
            p.replicas = r.int32Array("replicaNodes");
            p.isr = r.int32Array("isrNodes");
            if (version >= 5)
                p.offlineReplicas = r.int32Array("offlineReplicas");
            r.taggedFields();
            t.partitions.append(std::move(p));
        });
        if (version >= 8)
            r.int32("topicAuthorizedOperations");
        r.taggedFields();
        md.topics.append(t);
    });
    if (version >= 8 && version <= 10)
        r.int32("clusterAuthorizedOperations");
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Decoded<ClusterMetadata>::failure(r.error());
    return md;
}

QByteArray encodeMetadataResponse(const ClusterMetadata& metadata, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    if (version >= 3)
        w.int32(0); // throttleTimeMs
    w.arrayLength(metadata.brokers.size());
    for (const BrokerInfo& b : metadata.brokers) {
        w.int32(b.nodeId);
        w.string(b.host);
        w.int32(b.port);
        w.nullableString(b.rack, b.rack.isEmpty());
        w.taggedFields();
    }
    if (version >= 2)
        w.nullableString(metadata.clusterId, metadata.clusterId.isEmpty());
    w.int32(metadata.controllerId);
    w.arrayLength(metadata.topics.size());
    for (const TopicInfo& t : metadata.topics) {
        w.int16(t.errorCode);
        w.string(t.name);
        if (version >= 10)
            w.uuid(t.topicId);
        w.boolean(t.isInternal);
        w.arrayLength(t.partitions.size());
        for (const PartitionInfo& p : t.partitions) {
            w.int16(p.errorCode);
            w.int32(p.partition);
            w.int32(p.leader);
            if (version >= 7)
                w.int32(p.leaderEpoch);
            w.int32Array(p.replicas);
            w.int32Array(p.isr);
            if (version >= 5)
                w.int32Array(p.offlineReplicas);
            w.taggedFields();
        }
        if (version >= 8)
            w.int32(operationsNotRequested); // topicAuthorizedOperations
        w.taggedFields();
    }
    if (version >= 8 && version <= 10)
        w.int32(operationsNotRequested); // clusterAuthorizedOperations
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
