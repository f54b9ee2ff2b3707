// OffsetFetch (key 9), OffsetCommit (key 8), OffsetDelete (key 47) and DescribeShareGroupOffsets (key 90): read like
// their message JSON, one field per line, version conditions inline.
#include "kafka/protocol/apis/offsets.h"

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

} // namespace

// ---- OffsetFetch ----

namespace {

void writeFetchTopics(Writer& w, const std::optional<QList<OffsetFetchRequestTopic>>& topics)
{
    if (!topics) {
        w.nullArray();
        return;
    }
    w.arrayLength(topics->size());
    for (const OffsetFetchRequestTopic& t : *topics) {
        w.string(t.name);
        w.int32Array(t.partitionIndexes);
        w.taggedFields();
    }
}

// Topics of v1-7 (top level) and of v8+ (per group) share a layout; CommittedLeaderEpoch exists from v5.
void readFetchTopics(Reader& r, int16_t version, QList<OffsetFetchResponseTopic>* out)
{
    r.array("topics", [&] {
        OffsetFetchResponseTopic t;
        t.name = r.string("name");
        r.array("partitions", [&] {
            OffsetFetchResponsePartition p;
            p.partitionIndex = r.int32("partitionIndex");
            p.committedOffset = r.int64("committedOffset");
            if (version >= 5)
                p.committedLeaderEpoch = r.int32("committedLeaderEpoch");
            p.metadata = r.nullableString("metadata");
            p.errorCode = r.int16("errorCode");
            r.taggedFields();
            t.partitions.append(p);
        });
        r.taggedFields();
        out->append(t);
    });
}

void writeFetchTopics(Writer& w, int16_t version, const QList<OffsetFetchResponseTopic>& topics)
{
    w.arrayLength(topics.size());
    for (const OffsetFetchResponseTopic& t : topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const OffsetFetchResponsePartition& p : t.partitions) {
            w.int32(p.partitionIndex);
            w.int64(p.committedOffset);
            if (version >= 5)
                w.int32(p.committedLeaderEpoch);
            w.nullableString(p.metadata.value_or(QString()), !p.metadata);
            w.int16(p.errorCode);
            w.taggedFields();
        }
        w.taggedFields();
    }
}

} // namespace

QByteArray encodeOffsetFetchRequest(const OffsetFetchRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::OffsetFetch;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    if (version < 8 && request.groups.size() != 1)
        return refuse(error,
            QStringLiteral("OffsetFetch v%1 fetches the offsets of exactly one group, not %2 "
                           "(several need v8+)")
                .arg(version)
                .arg(request.groups.size()));
    if (version < 2 && !request.groups.constFirst().topics)
        return refuse(error, QStringLiteral("OffsetFetch v1 cannot ask for every topic (null Topics is v2+)"));
    if (version < 7 && request.requireStable)
        return refuse(error, QStringLiteral("OffsetFetch v%1 cannot require stable offsets (v7+)").arg(version));
    Writer w(isFlexible(key, version));
    if (version <= 7) {
        const OffsetFetchRequestGroup& g = request.groups.constFirst();
        w.string(g.groupId);
        writeFetchTopics(w, g.topics);
    }
    if (version >= 8) {
        w.arrayLength(request.groups.size());
        for (const OffsetFetchRequestGroup& g : request.groups) {
            w.string(g.groupId);
            if (version >= 9) {
                w.nullableString(g.memberId.value_or(QString()), !g.memberId);
                w.int32(g.memberEpoch);
            }
            writeFetchTopics(w, g.topics);
            w.taggedFields();
        }
    }
    if (version >= 7)
        w.boolean(request.requireStable);
    w.taggedFields();
    return w.take(error);
}

Decoded<OffsetFetchResponse> decodeOffsetFetchResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::OffsetFetch;
    using Result = Decoded<OffsetFetchResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("OffsetFetch v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("OffsetFetch v%1 response").arg(version));
    OffsetFetchResponse response;
    if (version >= 3)
        response.throttleTimeMs = r.int32("throttleTimeMs");
    if (version <= 7) {
        OffsetFetchResponseGroup g;
        readFetchTopics(r, version, &g.topics);
        if (version >= 2)
            g.errorCode = r.int16("errorCode");
        response.groups.append(g);
    }
    if (version >= 8) {
        r.array("groups", [&] {
            OffsetFetchResponseGroup g;
            g.groupId = r.string("groupId");
            readFetchTopics(r, version, &g.topics);
            g.errorCode = r.int16("errorCode");
            r.taggedFields();
            response.groups.append(g);
        });
    }
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeOffsetFetchResponse(const OffsetFetchResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::OffsetFetch;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    if (version < 8 && response.groups.size() != 1)
        return refuse(error,
            QStringLiteral("OffsetFetch v%1 answers for exactly one group, not %2")
                .arg(version)
                .arg(response.groups.size()));
    Writer w(isFlexible(key, version));
    if (version >= 3)
        w.int32(response.throttleTimeMs);
    if (version <= 7) {
        const OffsetFetchResponseGroup& g = response.groups.constFirst();
        writeFetchTopics(w, version, g.topics);
        if (version >= 2)
            w.int16(g.errorCode);
    }
    if (version >= 8) {
        w.arrayLength(response.groups.size());
        for (const OffsetFetchResponseGroup& g : response.groups) {
            w.string(g.groupId);
            writeFetchTopics(w, version, g.topics);
            w.int16(g.errorCode);
            w.taggedFields();
        }
    }
    w.taggedFields();
    return w.take(error);
}

// ---- OffsetCommit ----

QByteArray encodeOffsetCommitRequest(const OffsetCommitRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::OffsetCommit;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    if (version < 7 && request.groupInstanceId)
        return refuse(error, QStringLiteral("OffsetCommit v%1 has no GroupInstanceId (v7+)").arg(version));
    Writer w(isFlexible(key, version));
    w.string(request.groupId);
    w.int32(request.generationIdOrMemberEpoch); // v1+
    w.string(request.memberId); // v1+
    if (version >= 7)
        w.nullableString(request.groupInstanceId.value_or(QString()), !request.groupInstanceId);
    if (version <= 4)
        w.int64(request.retentionTimeMs); // v2-4
    w.arrayLength(request.topics.size());
    for (const OffsetCommitRequestTopic& t : request.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const OffsetCommitRequestPartition& p : t.partitions) {
            w.int32(p.partitionIndex);
            w.int64(p.committedOffset);
            if (version >= 6)
                w.int32(p.committedLeaderEpoch);
            w.nullableString(p.committedMetadata.value_or(QString()), !p.committedMetadata);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

Decoded<OffsetCommitResponse> decodeOffsetCommitResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::OffsetCommit;
    using Result = Decoded<OffsetCommitResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("OffsetCommit v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("OffsetCommit v%1 response").arg(version));
    OffsetCommitResponse response;
    if (version >= 3)
        response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("topics", [&] {
        OffsetCommitResponseTopic t;
        t.name = r.string("name");
        r.array("partitions", [&] {
            OffsetCommitResponsePartition p;
            p.partitionIndex = r.int32("partitionIndex");
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

QByteArray encodeOffsetCommitResponse(const OffsetCommitResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::OffsetCommit;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    if (version >= 3)
        w.int32(response.throttleTimeMs);
    w.arrayLength(response.topics.size());
    for (const OffsetCommitResponseTopic& t : response.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const OffsetCommitResponsePartition& p : t.partitions) {
            w.int32(p.partitionIndex);
            w.int16(p.errorCode);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

// ---- OffsetDelete ----

QByteArray encodeOffsetDeleteRequest(const OffsetDeleteRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::OffsetDelete;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.string(request.groupId);
    w.arrayLength(request.topics.size());
    for (const OffsetDeleteRequestTopic& t : request.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (int32_t partition : t.partitions) {
            w.int32(partition); // PartitionIndex
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

Decoded<OffsetDeleteResponse> decodeOffsetDeleteResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::OffsetDelete;
    using Result = Decoded<OffsetDeleteResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("OffsetDelete v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("OffsetDelete v%1 response").arg(version));
    OffsetDeleteResponse response;
    response.errorCode = r.int16("errorCode");
    response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("topics", [&] {
        OffsetDeleteResponseTopic t;
        t.name = r.string("name");
        r.array("partitions", [&] {
            OffsetDeleteResponsePartition p;
            p.partitionIndex = r.int32("partitionIndex");
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

QByteArray encodeOffsetDeleteResponse(const OffsetDeleteResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::OffsetDelete;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int16(response.errorCode);
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.topics.size());
    for (const OffsetDeleteResponseTopic& t : response.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const OffsetDeleteResponsePartition& p : t.partitions) {
            w.int32(p.partitionIndex);
            w.int16(p.errorCode);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

// ---- DescribeShareGroupOffsets ----

QByteArray encodeDescribeShareGroupOffsetsRequest(
    const DescribeShareGroupOffsetsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeShareGroupOffsets;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.arrayLength(request.groups.size());
    for (const DescribeShareGroupOffsetsRequestGroup& g : request.groups) {
        w.string(g.groupId);
        if (!g.topics) {
            w.nullArray();
        } else {
            w.arrayLength(g.topics->size());
            for (const DescribeShareGroupOffsetsRequestTopic& t : *g.topics) {
                w.string(t.topicName);
                w.int32Array(t.partitions);
                w.taggedFields();
            }
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

Decoded<DescribeShareGroupOffsetsResponse> decodeDescribeShareGroupOffsetsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::DescribeShareGroupOffsets;
    using Result = Decoded<DescribeShareGroupOffsetsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DescribeShareGroupOffsets v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DescribeShareGroupOffsets v%1 response").arg(version));
    DescribeShareGroupOffsetsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("groups", [&] {
        DescribeShareGroupOffsetsResponseGroup g;
        g.groupId = r.string("groupId");
        r.array("topics", [&] {
            DescribeShareGroupOffsetsResponseTopic t;
            t.topicName = r.string("topicName");
            t.topicId = uuidOrEmpty(r.uuid("topicId"));
            r.array("partitions", [&] {
                DescribeShareGroupOffsetsResponsePartition p;
                p.partitionIndex = r.int32("partitionIndex");
                p.startOffset = r.int64("startOffset");
                p.leaderEpoch = r.int32("leaderEpoch");
                p.errorCode = r.int16("errorCode");
                p.errorMessage = r.nullableString("errorMessage");
                r.taggedFields();
                t.partitions.append(p);
            });
            r.taggedFields();
            g.topics.append(t);
        });
        g.errorCode = r.int16("errorCode");
        g.errorMessage = r.nullableString("errorMessage");
        r.taggedFields();
        response.groups.append(g);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeDescribeShareGroupOffsetsResponse(
    const DescribeShareGroupOffsetsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeShareGroupOffsets;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.groups.size());
    for (const DescribeShareGroupOffsetsResponseGroup& g : response.groups) {
        w.string(g.groupId);
        w.arrayLength(g.topics.size());
        for (const DescribeShareGroupOffsetsResponseTopic& t : g.topics) {
            w.string(t.topicName);
            w.uuid(t.topicId);
            w.arrayLength(t.partitions.size());
            for (const DescribeShareGroupOffsetsResponsePartition& p : t.partitions) {
                w.int32(p.partitionIndex);
                w.int64(p.startOffset);
                w.int32(p.leaderEpoch);
                w.int16(p.errorCode);
                w.nullableString(p.errorMessage.value_or(QString()), !p.errorMessage);
                w.taggedFields();
            }
            w.taggedFields();
        }
        w.int16(g.errorCode);
        w.nullableString(g.errorMessage.value_or(QString()), !g.errorMessage);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
