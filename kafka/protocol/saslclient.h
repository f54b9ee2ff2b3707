#pragma once
// The client side of the SASL mechanisms KafScope speaks to brokers itself: PLAIN (RFC 4616), SCRAM-SHA-256 and
// SCRAM-SHA-512 (RFC 5802, RFC 7677; SHA-1 too, for RFC 5802's own test vector) and OAUTHBEARER (RFC 7628). Pure
// logic: BrokerConnection carries the messages in SaslAuthenticate requests.
#include "kafka/protocol/security.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace kafscope::protocol {

class ScramClient
{
public:
    enum class Hash { Sha1, Sha256, Sha512 };
    // An empty nonce draws 24 random bytes (base64) from the system's generator.
    ScramClient(Hash hash, const QString& user, const QString& password, const QByteArray& clientNonce = {});

    QByteArray clientFirst() const; // gs2 header "n,," + client-first-message-bare
    // The client-final-message for the server-first-message, or nullopt with *error saying why it is refused (a
    // nonce that does not extend ours, too few iterations, a malformed message, an error from the server).
    std::optional<QByteArray> clientFinal(const QByteArray& serverFirst, QString* error);
    // Whether the server-final-message proves the server knew the password (false with *error otherwise).
    bool verifyServerFinal(const QByteArray& serverFinal, QString* error) const;

    static constexpr int kMinIterations = 4096; // what Kafka's brokers and clients require
    static constexpr int kMaxIterations = 16384; // the most Kafka accepts for a SCRAM credential

private:
    QByteArray hmac(const QByteArray& key, const QByteArray& message) const;
    QByteArray hash(const QByteArray& data) const;

    Hash m_hash;
    QByteArray m_bare; // client-first-message-bare
    QByteArray m_password;
    QByteArray m_nonce;
    QByteArray m_authMessage;
    QByteArray m_saltedPassword;
};

// One exchange for the mechanism of `config`: first(), then next() with the bytes of each successful
// SaslAuthenticate response until a step says done (or gives an error).
class SaslExchange
{
public:
    explicit SaslExchange(const SecurityConfig& config, qint64 nowMs = 0);
    QByteArray first();
    struct Step
    {
        std::optional<QByteArray> send; // the next client message
        bool done = false;
        QString error; // the exchange cannot go on (a forged server signature, the broker's OAuth error status)
    };
    Step next(const QByteArray& server);

private:
    SecurityConfig m_config;
    qint64 m_nowMs;
    std::optional<ScramClient> m_scram;
    int m_round = 0;
    QString m_oauthError;
};

// An unsigned JWT (alg "none") with sub, iat and exp, as Kafka's unsecured OAUTHBEARER validator accepts it; for
// development clusters only.
QByteArray unsecuredJwt(const QString& principal, qint64 nowMs, qint64 lifetimeMs = 3600 * 1000);

} // namespace kafscope::protocol
