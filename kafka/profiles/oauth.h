#pragma once
// The OAuth 2 client-credentials flow (RFC 6749 4.4) for SASL/OAUTHBEARER: POST grant_type=client_credentials (and
// the scope) to the token endpoint with the client id and secret as HTTP basic auth, as Kafka's Java client does, and
// read access_token and expires_in from the JSON answer. Asynchronous (Qt Network); the answer comes in `context`'s
// thread, unless it is gone by then.
#include "kafka/protocol/security.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace kafscope::profiles {

struct OAuthToken
{
    QString accessToken;
    qint64 expiresAtMs = 0; // 0: the endpoint did not say
};

// `done(token, error)`: a token, or nullopt with a sentence naming the endpoint and what it answered.
void fetchOAuthToken(const SecurityConfig& config, QObject* context,
    std::function<void(const std::optional<OAuthToken>&, const QString& error)> done, int timeoutMs = 15000);

// The same, waiting for the answer on this thread (its own event loop): for librdkafka's token-refresh callback, which
// runs on the thread polling the client, never the GUI thread.
std::optional<OAuthToken> fetchOAuthTokenNow(const SecurityConfig& config, QString* error, int timeoutMs = 15000);
// The exp claim of a JWT in ms since the epoch; 0 when the token is no JWT or has none.
qint64 jwtExpiryMs(const QString& token);
// `security` with `token` as its OAuth token, fetched now.
void useOAuthToken(SecurityConfig& security, const OAuthToken& token);

} // namespace kafscope::profiles
