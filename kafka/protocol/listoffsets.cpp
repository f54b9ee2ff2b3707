// ListOffsets (key 2): ListOffsetsRequest.json / ListOffsetsResponse.json, v1-v7, flexible from v6.
// v0 (MaxNumOffsets, OldStyleOffsets array) is not implemented: v1 replaced it with one offset and its timestamp.
#include "kafka/protocol/messages.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

namespace {
constexpr ApiKey key = ApiKey::ListOffsets;
}

QByteArray encodeListOffsetsRequest(const ListOffsetsRequest& request, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(request.replicaId);
    if (version >= 2)
        w.int8(request.isolationLevel);
    w.arrayLength(request.topics.size());
    for (const ListOffsetsTopic& t : request.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const ListOffsetsPartition& p : t.partitions) {
            w.int32(p.partition);
            if (version >= 4)
                w.int32(p.currentLeaderEpoch);
            w.int64(p.timestamp);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

Decoded<QList<PartitionOffset>> decodeListOffsetsResponse(QByteArrayView body, int16_t version)
{
    using Result = Decoded<QList<PartitionOffset>>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("ListOffsets v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("ListOffsets v%1 response").arg(version));
    QList<PartitionOffset> offsets;
    if (version >= 2)
        r.int32("throttleTimeMs");
    r.array("topics", [&] {
        const QString topic = r.string("name");
        r.array("partitions", [&] {
            PartitionOffset p;
            p.topic = topic;
            p.partition = r.int32("partitionIndex");
            p.errorCode = r.int16("errorCode");
            p.timestamp = r.int64("timestamp");
            p.offset = r.int64("offset");
            if (version >= 4)
                p.leaderEpoch = r.int32("leaderEpoch");
            r.taggedFields();
            offsets.append(p);
        });
        r.taggedFields();
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return offsets;
}

QByteArray encodeListOffsetsResponse(const QList<PartitionOffset>& partitions, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    // The wire groups partitions by topic; runs of the same topic become one topic entry, in order.
    QList<QList<PartitionOffset>> topics;
    for (const PartitionOffset& p : partitions) {
        if (topics.isEmpty() || topics.last().first().topic != p.topic)
            topics.append(QList<PartitionOffset>());
        topics.last().append(p);
    }

    Writer w(isFlexible(key, version));
    if (version >= 2)
        w.int32(0); // throttleTimeMs
    w.arrayLength(topics.size());
    for (const QList<PartitionOffset>& topic : topics) {
        w.string(topic.first().topic);
        w.arrayLength(topic.size());
        for (const PartitionOffset& p : topic) {
            w.int32(p.partition);
            w.int16(p.errorCode);
            w.int64(p.timestamp);
            w.int64(p.offset);
            if (version >= 4)
                w.int32(p.leaderEpoch);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
