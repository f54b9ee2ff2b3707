// CreateTopics (key 19) and DeleteTopics (key 20): read like CreateTopicsRequest.json, CreateTopicsResponse.json,
// DeleteTopicsRequest.json, DeleteTopicsResponse.json, one field per line, version conditions inline.
#include "kafka/protocol/apis/topics.h"

#include "kafka/protocol/apis.h"
#include "kafka/protocol/wire.h"

#include <QStringList>

namespace kafscope::protocol {

namespace {

bool isZeroUuid(const QByteArray& id)
{
    return id.count('\0') == id.size();
}

QByteArray uuidOrEmpty(const QByteArray& id)
{
    return isZeroUuid(id) ? QByteArray() : id;
}

constexpr uint32_t kTopicConfigErrorCodeTag = 0;

} // namespace

// ---- CreateTopics ----

QByteArray encodeCreateTopicsRequest(const CreateTopicsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::CreateTopics;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.arrayLength(request.topics.size()); // Topics
    for (const CreatableTopic& t : request.topics) {
        w.string(t.name);
        w.int32(t.numPartitions);
        w.int16(t.replicationFactor);
        w.arrayLength(t.assignments.size()); // Assignments
        for (const CreatableReplicaAssignment& a : t.assignments) {
            w.int32(a.partitionIndex);
            w.int32Array(a.brokerIds);
            w.taggedFields();
        }
        w.arrayLength(t.configs.size()); // Configs
        for (const CreatableTopicConfig& c : t.configs) {
            w.string(c.name);
            w.nullableString(c.value.value_or(QString()), !c.value);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.int32(request.timeoutMs);
    w.boolean(request.validateOnly); // v1+
    w.taggedFields();
    return w.take(error);
}

Decoded<CreateTopicsResponse> decodeCreateTopicsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::CreateTopics;
    using Result = Decoded<CreateTopicsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("CreateTopics v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("CreateTopics v%1 response").arg(version));
    CreateTopicsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs"); // v2+
    r.array("topics", [&] {
        CreatableTopicResult t;
        t.name = r.string("name");
        if (version >= 7)
            t.topicId = uuidOrEmpty(r.uuid("topicId"));
        t.errorCode = r.int16("errorCode");
        t.errorMessage = r.nullableString("errorMessage"); // v1+
        if (version >= 5) {
            t.numPartitions = r.int32("numPartitions");
            t.replicationFactor = r.int16("replicationFactor");
            const qsizetype n = r.nullableArrayLength("configs");
            if (n >= 0) {
                QList<CreatedTopicConfig> configs;
                for (qsizetype i = 0; i < n && r.ok(); ++i) {
                    const Reader::Scope scope(r, "configs", i);
                    CreatedTopicConfig c;
                    c.name = r.string("name");
                    c.value = r.nullableString("value");
                    c.readOnly = r.boolean("readOnly");
                    c.configSource = r.int8("configSource");
                    c.isSensitive = r.boolean("isSensitive");
                    r.taggedFields();
                    configs.append(c);
                }
                t.configs = configs;
            }
        }
        r.taggedFields([&](uint32_t tag, QByteArrayView value) {
            if (tag == kTopicConfigErrorCodeTag) {
                Reader field(value, false, QStringLiteral("CreateTopics v%1 response").arg(version));
                t.topicConfigErrorCode = field.int16("topicConfigErrorCode");
                field.finish();
                if (!field.ok())
                    r.fail(field.error(), "topicConfigErrorCode");
            }
        });
        response.topics.append(t);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeCreateTopicsResponse(const CreateTopicsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::CreateTopics;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.topics.size());
    for (const CreatableTopicResult& t : response.topics) {
        w.string(t.name);
        if (version >= 7)
            w.uuid(t.topicId);
        w.int16(t.errorCode);
        w.nullableString(t.errorMessage.value_or(QString()), !t.errorMessage);
        if (version >= 5) {
            w.int32(t.numPartitions);
            w.int16(t.replicationFactor);
            if (!t.configs) {
                w.nullArray();
            } else {
                w.arrayLength(t.configs->size());
                for (const CreatedTopicConfig& c : *t.configs) {
                    w.string(c.name);
                    w.nullableString(c.value.value_or(QString()), !c.value);
                    w.boolean(c.readOnly);
                    w.int8(c.configSource);
                    w.boolean(c.isSensitive);
                    w.taggedFields();
                }
            }
        }
        if (t.topicConfigErrorCode != 0) {
            Writer code(false);
            code.int16(t.topicConfigErrorCode);
            w.taggedFields({ { kTopicConfigErrorCodeTag, code.data() } });
        } else {
            w.taggedFields();
        }
    }
    w.taggedFields();
    return w.take(error);
}

// ---- DeleteTopics ----

QByteArray encodeDeleteTopicsRequest(const DeleteTopicsRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DeleteTopics;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    if (version >= 6) {
        w.arrayLength(request.names.size()); // Topics
        for (const QString& name : request.names) {
            w.nullableString(name, false);
            w.uuid({}); // by name: the zero UUID
            w.taggedFields();
        }
    } else {
        w.arrayLength(request.names.size()); // TopicNames
        for (const QString& name : request.names)
            w.string(name);
    }
    w.int32(request.timeoutMs);
    w.taggedFields();
    return w.take(error);
}

Decoded<DeleteTopicsResponse> decodeDeleteTopicsResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::DeleteTopics;
    using Result = Decoded<DeleteTopicsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DeleteTopics v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DeleteTopics v%1 response").arg(version));
    DeleteTopicsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs"); // v1+
    r.array("responses", [&] {
        DeletableTopicResult t;
        // Nullable from v6, when a topic was asked for by an id the broker does not know.
        t.name = version >= 6 ? r.nullableString("name").value_or(QString()) : r.string("name");
        if (version >= 6)
            t.topicId = uuidOrEmpty(r.uuid("topicId"));
        t.errorCode = r.int16("errorCode");
        if (version >= 5)
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

QByteArray encodeDeleteTopicsResponse(const DeleteTopicsResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::DeleteTopics;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.results.size());
    for (const DeletableTopicResult& t : response.results) {
        if (version >= 6)
            w.nullableString(t.name, false);
        else
            w.string(t.name);
        if (version >= 6)
            w.uuid(t.topicId);
        w.int16(t.errorCode);
        if (version >= 5)
            w.nullableString(t.errorMessage.value_or(QString()), !t.errorMessage);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
