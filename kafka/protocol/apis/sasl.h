#pragma once
// Codecs of authentication: SaslHandshake (key 17, v0-1, never flexible) and SaslAuthenticate (key 36, v0-2, flexible
// from v2; SessionLifetimeMs from v1, KIP-368), field by field as their message JSON. With SaslHandshake v1 the
// mechanism's tokens travel in SaslAuthenticate requests (KIP-152), which is the only way KafScope speaks.
#include "kafka/protocol/decoded.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace kafscope::protocol {

struct SaslHandshakeRequest
{
    QString mechanism; // PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER, ...
};
struct SaslHandshakeResponse
{
    int16_t errorCode = 0; // UNSUPPORTED_SASL_MECHANISM (33): `mechanisms` lists what the listener enables
    QStringList mechanisms;
};
QByteArray encodeSaslHandshakeRequest(const SaslHandshakeRequest& request, int16_t version, QString* error = nullptr);
Decoded<SaslHandshakeResponse> decodeSaslHandshakeResponse(QByteArrayView body, int16_t version);
QByteArray encodeSaslHandshakeResponse(
    const SaslHandshakeResponse& response, int16_t version, QString* error = nullptr);

struct SaslAuthenticateRequest
{
    QByteArray authBytes;
};
struct SaslAuthenticateResponse
{
    int16_t errorCode = 0; // SASL_AUTHENTICATION_FAILED (58), ILLEGAL_SASL_STATE (34)
    std::optional<QString> errorMessage;
    QByteArray authBytes;
    int64_t sessionLifetimeMs = 0; // v1+; 0: the session does not expire (no re-authentication needed)
};
QByteArray encodeSaslAuthenticateRequest(
    const SaslAuthenticateRequest& request, int16_t version, QString* error = nullptr);
Decoded<SaslAuthenticateResponse> decodeSaslAuthenticateResponse(QByteArrayView body, int16_t version);
QByteArray encodeSaslAuthenticateResponse(
    const SaslAuthenticateResponse& response, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
