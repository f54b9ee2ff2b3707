// SaslHandshake (key 17) and SaslAuthenticate (key 36): read like their message JSON, one field per line, version
// conditions inline.
#include "kafka/protocol/apis/sasl.h"

#include "kafka/protocol/apis.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

// ---- SaslHandshake ----

QByteArray encodeSaslHandshakeRequest(const SaslHandshakeRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::SaslHandshake;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.string(request.mechanism);
    return w.take(error);
}

Decoded<SaslHandshakeResponse> decodeSaslHandshakeResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::SaslHandshake;
    using Result = Decoded<SaslHandshakeResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("SaslHandshake v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("SaslHandshake v%1 response").arg(version));
    SaslHandshakeResponse response;
    response.errorCode = r.int16("errorCode");
    r.array("mechanisms", [&] { response.mechanisms << r.string("mechanisms"); });
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeSaslHandshakeResponse(const SaslHandshakeResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::SaslHandshake;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int16(response.errorCode);
    w.arrayLength(response.mechanisms.size());
    for (const auto& m : response.mechanisms)
        w.string(m);
    return w.take(error);
}

// ---- SaslAuthenticate ----

QByteArray encodeSaslAuthenticateRequest(const SaslAuthenticateRequest& request, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::SaslAuthenticate;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.bytes(request.authBytes);
    w.taggedFields();
    return w.take(error);
}

Decoded<SaslAuthenticateResponse> decodeSaslAuthenticateResponse(QByteArrayView body, int16_t version)
{
    constexpr ApiKey key = ApiKey::SaslAuthenticate;
    using Result = Decoded<SaslAuthenticateResponse>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("SaslAuthenticate v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("SaslAuthenticate v%1 response").arg(version));
    SaslAuthenticateResponse response;
    response.errorCode = r.int16("errorCode");
    response.errorMessage = r.nullableString("errorMessage");
    response.authBytes = r.bytes("authBytes");
    if (version >= 1)
        response.sessionLifetimeMs = r.int64("sessionLifetimeMs");
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return response;
}

QByteArray encodeSaslAuthenticateResponse(const SaslAuthenticateResponse& response, int16_t version, QString* error)
{
    constexpr ApiKey key = ApiKey::SaslAuthenticate;
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int16(response.errorCode);
    w.nullableString(response.errorMessage.value_or(QString()), !response.errorMessage);
    w.bytes(response.authBytes);
    if (version >= 1)
        w.int64(response.sessionLifetimeMs);
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
