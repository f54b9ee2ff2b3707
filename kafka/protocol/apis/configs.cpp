// IncrementalAlterConfigs (key 44): IncrementalAlterConfigsRequest.json / IncrementalAlterConfigsResponse.json.
#include "kafka/protocol/apis/configs.h"

#include "kafka/protocol/apis.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

namespace {
constexpr ApiKey key = ApiKey::IncrementalAlterConfigs;
}

QByteArray encodeIncrementalAlterConfigsRequest(
    const IncrementalAlterConfigsRequest& request, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.arrayLength(request.resources.size()); // Resources
    for (const AlterConfigsResource& res : request.resources) {
        w.int8(int8_t(res.type));
        w.string(res.name);
        w.arrayLength(res.configs.size()); // Configs
        for (const AlterableConfig& c : res.configs) {
            w.string(c.name);
            w.int8(int8_t(c.operation));
            w.nullableString(c.value.value_or(QString()), !c.value);
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.boolean(request.validateOnly);
    w.taggedFields();
    return w.take(error);
}

Decoded<IncrementalAlterConfigsResponse> decodeIncrementalAlterConfigsResponse(QByteArrayView body, int16_t version)
{
    using Result = Decoded<IncrementalAlterConfigsResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("IncrementalAlterConfigs v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("IncrementalAlterConfigs v%1 response").arg(version));
    IncrementalAlterConfigsResponse response;
    response.throttleTimeMs = r.int32("throttleTimeMs");
    r.array("responses", [&] {
        AlterConfigsResourceResponse res;
        res.errorCode = r.int16("errorCode");
        res.errorMessage = r.nullableString("errorMessage");
        res.type = ConfigResourceType(r.int8("resourceType"));
        res.name = r.string("resourceName");
        r.taggedFields();
        response.responses.append(res);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeIncrementalAlterConfigsResponse(
    const IncrementalAlterConfigsResponse& response, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(response.throttleTimeMs);
    w.arrayLength(response.responses.size());
    for (const AlterConfigsResourceResponse& res : response.responses) {
        w.int16(res.errorCode);
        w.nullableString(res.errorMessage.value_or(QString()), !res.errorMessage);
        w.int8(int8_t(res.type));
        w.string(res.name);
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
