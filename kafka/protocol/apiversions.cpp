// ApiVersions (key 18): ApiVersionsRequest.json / ApiVersionsResponse.json, v0-v3, flexible from v3.
#include "kafka/protocol/messages.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

namespace {
constexpr ApiKey key = ApiKey::ApiVersions;
constexpr int16_t unsupportedVersionError = 35;
} // namespace

QByteArray encodeApiVersionsRequest(const ApiVersionsRequest& request, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    if (version >= 3) {
        w.string(request.clientSoftwareName);
        w.string(request.clientSoftwareVersion);
    }
    w.taggedFields();
    return w.take(error);
}

Decoded<ApiVersionsResponse> decodeApiVersionsResponse(QByteArrayView body, int16_t version)
{
    if (!supportedVersions(key).contains(version))
        return Decoded<ApiVersionsResponse>::failure(QStringLiteral("ApiVersions v%1 is not supported").arg(version));
    // A broker that does not support the version we asked for answers UNSUPPORTED_VERSION in the v0 layout (with its
    // own range for ApiVersions), whatever the request version was. Like the Java client, decode that as v0.
    if (version > 0 && Reader(body, false, {}).int16("errorCode") == unsupportedVersionError)
        version = 0;

    Reader r(body, isFlexible(key, version), QStringLiteral("ApiVersions v%1 response").arg(version));
    ApiVersionsResponse response;
    response.errorCode = r.int16("errorCode");
    r.array("apiKeys", [&] {
        const int16_t apiKey = r.int16("apiKey");
        VersionRange range;
        range.min = r.int16("minVersion");
        range.max = r.int16("maxVersion");
        r.taggedFields();
        response.apis.insert(apiKey, range);
    });
    if (version >= 1)
        response.throttleTimeMs = r.int32("throttleTimeMs");
    // v3+: SupportedFeatures, FinalizedFeaturesEpoch, FinalizedFeatures, ZkMigrationReady are tagged; skipped here.
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Decoded<ApiVersionsResponse>::failure(r.error());
    return response;
}

QByteArray encodeApiVersionsResponse(const ApiVersionsResponse& response, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    // Mirrors the broker: an UNSUPPORTED_VERSION answer always uses the v0 layout.
    if (response.errorCode == unsupportedVersionError)
        version = 0;
    Writer w(isFlexible(key, version));
    w.int16(response.errorCode);
    w.arrayLength(response.apis.size());
    for (auto it = response.apis.cbegin(); it != response.apis.cend(); ++it) {
        w.int16(it.key());
        w.int16(it.value().min);
        w.int16(it.value().max);
        w.taggedFields();
    }
    if (version >= 1)
        w.int32(response.throttleTimeMs);
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
