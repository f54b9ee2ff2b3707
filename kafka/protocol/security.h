#pragma once
// How to reach a secured listener: the security protocol, the SASL mechanism and its credentials, and TLS (CA,
// client certificate for mTLS, hostname verification). One value for both planes: the own admin client speaks it
// itself (SaslHandshake/SaslAuthenticate, QSslSocket), the data plane gets the equivalent librdkafka settings.
// Secrets are held here only in memory; where they are stored is the profiles' business.
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

class QSslCertificate;

namespace kafscope {

enum class SecurityProtocol { Plaintext, Ssl, SaslPlaintext, SaslSsl };
enum class SaslMechanism { Plain, ScramSha256, ScramSha512, OAuthBearer };

QString securityProtocolName(SecurityProtocol p); // PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL
std::optional<SecurityProtocol> securityProtocolFromName(const QString& name); // case-insensitive
QString saslMechanismName(SaslMechanism m); // PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER
std::optional<SaslMechanism> saslMechanismFromName(const QString& name);

struct SecurityConfig
{
    SecurityProtocol protocol = SecurityProtocol::Plaintext;
    SaslMechanism mechanism = SaslMechanism::Plain;
    QString username; // PLAIN, SCRAM
    QString password;
    // OAUTHBEARER: a token (a JWT) as given, or, for development clusters running Kafka's unsecured validator, an
    // unsigned token KafScope makes for this principal (librdkafka's enable.sasl.oauthbearer.unsecure.jwt).
    QString oauthToken;
    QString oauthUnsecuredPrincipal;
    // Or the OAuth 2 client-credentials flow (RFC 6749 4.4): KafScope asks the token endpoint for a token with the
    // client id and secret (HTTP basic auth), then hands it to both planes (librdkafka 2.0.2 has no HTTP client).
    QString oauthTokenEndpoint;
    QString oauthClientId;
    QString oauthClientSecret;
    QString oauthScope;
    // When the token in oauthToken was fetched and when it expires (ms since the epoch; 0: not known), in memory only:
    // both planes fetch a new one once 80% of its lifetime has passed (Kafka's Java client refreshes at 80% too).
    qint64 oauthTokenFetchedAtMs = 0;
    qint64 oauthTokenExpiresAtMs = 0;
    bool needsTokenFetch() const
    {
        return usesSasl() && mechanism == SaslMechanism::OAuthBearer && oauthToken.isEmpty()
            && !oauthTokenEndpoint.isEmpty();
    }
    // A client-credentials token that is missing or past 80% of its lifetime at `nowMs`.
    bool oauthTokenNeedsRenewal(qint64 nowMs) const
    {
        if (!usesSasl() || mechanism != SaslMechanism::OAuthBearer || oauthTokenEndpoint.isEmpty())
            return false;
        if (oauthToken.isEmpty())
            return true;
        return oauthTokenExpiresAtMs > oauthTokenFetchedAtMs && oauthTokenFetchedAtMs > 0
            && nowMs >= oauthTokenFetchedAtMs + (oauthTokenExpiresAtMs - oauthTokenFetchedAtMs) * 8 / 10;
    }
    // TLS
    QString caFile; // PEM; empty: the system's trusted CAs
    QString certificateFile; // PEM client certificate (mTLS)
    QString keyFile; // PEM private key of the client certificate
    QString keyPassword; // when the key is encrypted
    bool verifyHostname = true; // off is flagged in the UI: the broker's name is then not checked against its cert

    bool usesTls() const { return protocol == SecurityProtocol::Ssl || protocol == SecurityProtocol::SaslSsl; }
    bool usesSasl() const
    {
        return protocol == SecurityProtocol::SaslPlaintext || protocol == SecurityProtocol::SaslSsl;
    }
    // "SASL_SSL, SCRAM-SHA-512 as alice" and the like, for status lines and errors.
    QString describe() const;
    // Why this cannot connect as it is (a mechanism without its credentials, a key without a certificate, ...), one
    // sentence each; empty when it can try.
    QStringList problems() const;
    friend bool operator==(const SecurityConfig&, const SecurityConfig&) = default;
};

// The data plane's librdkafka settings for `config` (security.protocol, sasl.*, ssl.*). A static OAuth token goes
// in sasl.oauthbearer.config, which rdk::set() hands to librdkafka through its token refresh callback
// (rd_kafka_oauthbearer_set_token); an unsecured one uses librdkafka's own unsecured JWT.
QMap<QString, QString> librdkafkaSettings(const SecurityConfig& config);

// "CN=alice, O=KafScope tests" of a certificate's subject (or, with `issuer`, its issuer).
QString certificateDistinguishedName(const QSslCertificate& certificate, bool issuer);

// The data plane's sasl.oauthbearer.config for a client-credentials token: the token on the first line, then the
// endpoint, client id and secret, scope and the token's times (percent-encoded key=value lines), which librdkafka
// hands to KafScope's token-refresh callback (in memory only: librdkafka's configuration is never written).
QString oauthRefreshConfig(const SecurityConfig& config);
SecurityConfig fromOAuthRefreshConfig(const QByteArray& config);

} // namespace kafscope
