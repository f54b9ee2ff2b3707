#pragma once
// Codecs of the topic family: CreateTopics (key 19, v2-7, flexible from v5) and DeleteTopics (key 20, v1-6, flexible
// from v4), field by field as CreateTopicsRequest.json / DeleteTopicsRequest.json and their responses. Encoders return
// no bytes (and say why in *error) for a version they do not implement or a value that does not fit.
#include "kafka/protocol/decoded.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace kafscope::protocol {

// ---- CreateTopics ----
struct CreatableTopicConfig
{
    QString name;
    std::optional<QString> value; // nullopt: null (the broker's default)
    friend bool operator==(const CreatableTopicConfig&, const CreatableTopicConfig&) = default;
};
struct CreatableReplicaAssignment
{
    int32_t partitionIndex = 0;
    QList<int32_t> brokerIds;
    friend bool operator==(const CreatableReplicaAssignment&, const CreatableReplicaAssignment&) = default;
};
struct CreatableTopic
{
    QString name;
    int32_t numPartitions = -1; // -1 with explicit assignments (or the broker default)
    int16_t replicationFactor = -1;
    QList<CreatableReplicaAssignment> assignments;
    QList<CreatableTopicConfig> configs;
};
struct CreateTopicsRequest
{
    QList<CreatableTopic> topics;
    int32_t timeoutMs = 30000;
    bool validateOnly = false; // v1+: check everything, create nothing
};
struct CreatedTopicConfig // a config of the created topic, v5+
{
    QString name;
    std::optional<QString> value; // null when sensitive
    bool readOnly = false;
    int8_t configSource = -1;
    bool isSensitive = false;
    friend bool operator==(const CreatedTopicConfig&, const CreatedTopicConfig&) = default;
};
struct CreatableTopicResult
{
    QString name;
    QByteArray topicId; // v7+; empty when unknown
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    int16_t topicConfigErrorCode = 0; // v5+, tagged (0)
    int32_t numPartitions = -1; // v5+
    int16_t replicationFactor = -1; // v5+
    std::optional<QList<CreatedTopicConfig>> configs; // v5+; nullopt: null (the configs could not be described)
    friend bool operator==(const CreatableTopicResult&, const CreatableTopicResult&) = default;
};
struct CreateTopicsResponse
{
    int32_t throttleTimeMs = 0;
    QList<CreatableTopicResult> topics;
};
QByteArray encodeCreateTopicsRequest(const CreateTopicsRequest& request, int16_t version, QString* error = nullptr);
Decoded<CreateTopicsResponse> decodeCreateTopicsResponse(QByteArrayView body, int16_t version);
QByteArray encodeCreateTopicsResponse(const CreateTopicsResponse& response, int16_t version, QString* error = nullptr);

// ---- DeleteTopics ----
struct DeleteTopicsRequest
{
    QStringList names; // by name (v6 can also delete by topic id: not needed yet)
    int32_t timeoutMs = 30000;
};
struct DeletableTopicResult
{
    QString name;
    QByteArray topicId; // v6+; empty when unknown
    int16_t errorCode = 0;
    std::optional<QString> errorMessage; // v5+
    friend bool operator==(const DeletableTopicResult&, const DeletableTopicResult&) = default;
};
struct DeleteTopicsResponse
{
    int32_t throttleTimeMs = 0;
    QList<DeletableTopicResult> results;
};
QByteArray encodeDeleteTopicsRequest(const DeleteTopicsRequest& request, int16_t version, QString* error = nullptr);
Decoded<DeleteTopicsResponse> decodeDeleteTopicsResponse(QByteArrayView body, int16_t version);
QByteArray encodeDeleteTopicsResponse(const DeleteTopicsResponse& response, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
