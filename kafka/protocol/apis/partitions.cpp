// CreatePartitions (key 37) and DescribeLogDirs (key 35): read like CreatePartitionsRequest.json,
// CreatePartitionsResponse.json, DescribeLogDirsRequest.json, DescribeLogDirsResponse.json, one field per line.
#include "kafka/protocol/apis/partitions.h"

#include "kafka/protocol/apis.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

// ---- CreatePartitions ----

QByteArray encodeCreatePartitionsRequest(const CreatePartitionsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::CreatePartitions;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.arrayLength(request.topics.size()); // Topics
    for (const CreatePartitionsTopic& t : request.topics) {
        w.string(t.name);
        w.int32(t.count);
        if (!t.assignments) {
            w.nullArray();
        } else {
            w.arrayLength(t.assignments->size()); // Assignments
            for (const auto& brokers : *t.assignments) {
                w.int32Array(brokers);
                w.taggedFields();
            }
        }
        w.taggedFields();
    }
    w.int32(request.timeoutMs);
    w.boolean(request.validateOnly);
    w.taggedFields();
    return w.take(error);
}

Decoded<CreatePartitionsResponse> decodeCreatePartitionsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::CreatePartitions;
    using Result = Decoded<CreatePartitionsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("CreatePartitions v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("CreatePartitions v%1 response").arg(version));
    CreatePartitionsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("results", [&] {
        CreatePartitionsTopicResult t;
        t.name = r.string("name");
        t.errorCode = r.int16("errorCode");
        t.errorMessage = r.nullableString("errorMessage");
        r.taggedFields();
        response.results.append(t);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeCreatePartitionsResponse(const CreatePartitionsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::CreatePartitions;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.results.size());
    for (const CreatePartitionsTopicResult& t : response.results) {
        w.string(t.name);
        w.int16(t.errorCode);
        w.nullableString(t.errorMessage.value_or(QString()), !t.errorMessage);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

// ---- DescribeLogDirs ----

QByteArray encodeDescribeLogDirsRequest(const DescribeLogDirsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeLogDirs;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    if (!request.topics) {
        w.nullArray(); // every topic
    } else {
        w.arrayLength(request.topics->size());
        for (const DescribableLogDirTopic& t : *request.topics) {
            w.string(t.topic);
            w.int32Array(t.partitions);
            w.taggedFields();
        }
    }
    w.taggedFields();
    return w.take(error);
}

Decoded<DescribeLogDirsResponse> decodeDescribeLogDirsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::DescribeLogDirs;
    using Result = Decoded<DescribeLogDirsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DescribeLogDirs v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DescribeLogDirs v%1 response").arg(version));
    DescribeLogDirsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    if (version >= 3)
        response.errorCode = r.int16("errorCode");
    r.array("results", [&] {
        LogDirResult dir;
        dir.errorCode = r.int16("errorCode");
        dir.logDir = r.string("logDir");
        r.array("topics", [&] {
            LogDirTopic topic;
            topic.name = r.string("name");
            r.array("partitions", [&] {
                LogDirPartition p;
                p.partition = r.int32("partitionIndex");
                p.size = r.int64("partitionSize");
                p.offsetLag = r.int64("offsetLag");
                p.isFuture = r.boolean("isFutureKey");
                r.taggedFields();
                topic.partitions.append(p);
            });
            r.taggedFields();
            dir.topics.append(topic);
        });
        if (version >= 4) {
            dir.totalBytes = r.int64("totalBytes");
            dir.usableBytes = r.int64("usableBytes");
        }
        r.taggedFields();
        response.results.append(dir);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeDescribeLogDirsResponse(const DescribeLogDirsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DescribeLogDirs;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    if (version >= 3)
        w.int16(response.errorCode);
    w.arrayLength(response.results.size());
    for (const LogDirResult& dir : response.results) {
        w.int16(dir.errorCode);
        w.string(dir.logDir);
        w.arrayLength(dir.topics.size());
        for (const LogDirTopic& topic : dir.topics) {
            w.string(topic.name);
            w.arrayLength(topic.partitions.size());
            for (const LogDirPartition& p : topic.partitions) {
                w.int32(p.partition);
                w.int64(p.size);
                w.int64(p.offsetLag);
                w.boolean(p.isFuture);
                w.taggedFields();
            }
            w.taggedFields();
        }
        if (version >= 4) {
            w.int64(dir.totalBytes);
            w.int64(dir.usableBytes);
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
