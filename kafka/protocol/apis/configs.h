#pragma once
// IncrementalAlterConfigs (key 44, v0-1, flexible from v1): set, delete (back to the default), append to or subtract
// from a list, per config, without touching the resource's other dynamic configs (the legacy AlterConfigs replaces
// them all). As IncrementalAlterConfigsRequest.json / IncrementalAlterConfigsResponse.json.
#include "kafka/protocol/decoded.h"
#include "kafka/types.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace kafscope::protocol {

enum class ConfigOperation : int8_t { Set = 0, Delete = 1, Append = 2, Subtract = 3 };

struct AlterableConfig
{
    QString name;
    ConfigOperation operation = ConfigOperation::Set;
    std::optional<QString> value; // null for Delete
    friend bool operator==(const AlterableConfig&, const AlterableConfig&) = default;
};
struct AlterConfigsResource
{
    ConfigResourceType type = ConfigResourceType::Topic;
    QString name; // topic name, broker id as text, or "" for the cluster-wide broker defaults
    QList<AlterableConfig> configs;
};
struct IncrementalAlterConfigsRequest
{
    QList<AlterConfigsResource> resources;
    bool validateOnly = false;
};
struct AlterConfigsResourceResponse
{
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    ConfigResourceType type = ConfigResourceType::Unknown;
    QString name;
    friend bool operator==(const AlterConfigsResourceResponse&, const AlterConfigsResourceResponse&) = default;
};
struct IncrementalAlterConfigsResponse
{
    int32_t throttleTimeMs = 0;
    QList<AlterConfigsResourceResponse> responses;
};

QByteArray encodeIncrementalAlterConfigsRequest(
    const IncrementalAlterConfigsRequest& request, int16_t version, QString* error = nullptr);
Decoded<IncrementalAlterConfigsResponse> decodeIncrementalAlterConfigsResponse(QByteArrayView body, int16_t version);
QByteArray encodeIncrementalAlterConfigsResponse(
    const IncrementalAlterConfigsResponse& response, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
