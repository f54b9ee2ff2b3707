#pragma once
// Codecs of the APIs the admin client uses. encode*Request produce the request body (no header, no size prefix);
// decode*Response take the response body (after the response header). encode*Response exist so tests, benchmarks and
// the fake broker of the unit tests can produce exact bytes; they mirror the decoders field by field.
// Encoders return no bytes, and say why in *error when given, for a version they do not implement or a value that
// does not fit its wire type; decoders fail on bytes left unread.
#include "kafka/protocol/apis.h"
#include "kafka/protocol/decoded.h"
#include "kafka/types.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QStringList>
#include <optional>

namespace kafscope::protocol {

// ---- ApiVersions (key 18), v0-v3, flexible from v3 ----
struct ApiVersionsRequest
{
    QString clientSoftwareName = QStringLiteral("kafscope"); // v3+
    QString clientSoftwareVersion = QStringLiteral("0.1.0"); // v3+
};
struct ApiVersionsResponse
{
    int16_t errorCode = 0;
    QMap<int16_t, VersionRange> apis; // api key -> broker's range
    int32_t throttleTimeMs = 0; // v1+
    friend bool operator==(const ApiVersionsResponse&, const ApiVersionsResponse&) = default;
};
QByteArray encodeApiVersionsRequest(const ApiVersionsRequest& request, int16_t version, QString* error = nullptr);
Decoded<ApiVersionsResponse> decodeApiVersionsResponse(QByteArrayView body, int16_t version);
QByteArray encodeApiVersionsResponse(const ApiVersionsResponse& response, int16_t version, QString* error = nullptr);

// ---- Metadata (key 3), v1-v12, flexible from v9 ----
struct MetadataRequest
{
    std::optional<QStringList> topics; // nullopt: all topics; empty list: no topics (brokers only)
    bool allowAutoTopicCreation = false; // v4+
};
QByteArray encodeMetadataRequest(const MetadataRequest& request, int16_t version, QString* error = nullptr);
// Fills clusterId (v2+), controllerId (v1+), brokers (rack v1+), topics (isInternal v1+, topicId v10+), partitions
// (leaderEpoch v7+, offlineReplicas v5+).
Decoded<ClusterMetadata> decodeMetadataResponse(QByteArrayView body, int16_t version);
QByteArray encodeMetadataResponse(const ClusterMetadata& metadata, int16_t version, QString* error = nullptr);

// ---- ListOffsets (key 2), v1-v7, flexible from v6 ----
struct ListOffsetsPartition
{
    int32_t partition = 0;
    int32_t currentLeaderEpoch = -1; // v4+
    int64_t timestamp = -1; // -1 latest, -2 earliest, or a timestamp in ms
};
struct ListOffsetsTopic
{
    QString name;
    QList<ListOffsetsPartition> partitions;
};
struct ListOffsetsRequest
{
    int32_t replicaId = -1;
    int8_t isolationLevel = 0; // v2+: 0 read_uncommitted (high watermark), 1 read_committed (last stable offset)
    QList<ListOffsetsTopic> topics;
};
QByteArray encodeListOffsetsRequest(const ListOffsetsRequest& request, int16_t version, QString* error = nullptr);
Decoded<QList<PartitionOffset>> decodeListOffsetsResponse(QByteArrayView body, int16_t version);
QByteArray encodeListOffsetsResponse(
    const QList<PartitionOffset>& partitions, int16_t version, QString* error = nullptr);

// ---- DescribeConfigs (key 32), v1-v4, flexible from v4 ----
struct DescribeConfigsResource
{
    ConfigResourceType type = ConfigResourceType::Topic;
    QString name; // topic name, or broker id as text
    std::optional<QStringList> configNames; // nullopt: all
};
struct DescribeConfigsRequest
{
    QList<DescribeConfigsResource> resources;
    bool includeSynonyms = true; // v1+
    bool includeDocumentation = false; // v3+
};
QByteArray encodeDescribeConfigsRequest(
    const DescribeConfigsRequest& request, int16_t version, QString* error = nullptr);
Decoded<QList<ConfigResourceResult>> decodeDescribeConfigsResponse(QByteArrayView body, int16_t version);
QByteArray encodeDescribeConfigsResponse(
    const QList<ConfigResourceResult>& results, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
