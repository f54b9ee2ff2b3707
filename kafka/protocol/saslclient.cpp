#include "kafka/protocol/saslclient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace kafscope::protocol {

namespace {

QCryptographicHash::Algorithm algorithmOf(ScramClient::Hash h)
{
    switch (h) {
    case ScramClient::Hash::Sha1:
        return QCryptographicHash::Sha1;
    case ScramClient::Hash::Sha256:
        return QCryptographicHash::Sha256;
    case ScramClient::Hash::Sha512:
        return QCryptographicHash::Sha512;
    }
    return QCryptographicHash::Sha256;
}

// saslname (RFC 5802 5.1): "=" and "," escaped.
QByteArray saslName(const QString& user)
{
    QByteArray out = user.toUtf8();
    out.replace("=", "=3D");
    out.replace(",", "=2C");
    return out;
}

// The attributes of a SCRAM message ("r=...,s=...,i=..."), in order.
QList<std::pair<char, QByteArray>> attributes(const QByteArray& message)
{
    QList<std::pair<char, QByteArray>> out;
    for (const QByteArray& part : message.split(',')) {
        if (part.size() < 2 || part[1] != '=')
            return {};
        out.append({ part[0], part.mid(2) });
    }
    return out;
}

QByteArray attribute(const QList<std::pair<char, QByteArray>>& attrs, char name)
{
    for (const auto& [n, v] : attrs) {
        if (n == name)
            return v;
    }
    return {};
}

QByteArray base64Url(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

ScramClient::ScramClient(Hash hash, const QString& user, const QString& password, const QByteArray& clientNonce)
    : m_hash(hash)
    , m_password(password.toUtf8())
    , m_nonce(clientNonce)
{
    if (m_nonce.isEmpty()) {
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::system()->generate(random.begin(), random.end());
        m_nonce = random.toBase64();
    }
    m_bare = "n=" + saslName(user) + ",r=" + m_nonce;
}

QByteArray ScramClient::clientFirst() const
{
    return "n,," + m_bare;
}

QByteArray ScramClient::hmac(const QByteArray& key, const QByteArray& message) const
{
    return QMessageAuthenticationCode::hash(message, key, algorithmOf(m_hash));
}

QByteArray ScramClient::hash(const QByteArray& data) const
{
    return QCryptographicHash::hash(data, algorithmOf(m_hash));
}

std::optional<QByteArray> ScramClient::clientFinal(const QByteArray& serverFirst, QString* error)
{
    const auto fail = [&](const QString& why) -> std::optional<QByteArray> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto attrs = attributes(serverFirst);
    if (attrs.isEmpty())
        return fail(QStringLiteral("The broker's SCRAM server-first-message is malformed."));
    if (const QByteArray e = attribute(attrs, 'e'); !e.isEmpty())
        return fail(QStringLiteral("The broker refused the SCRAM exchange: %1.").arg(QString::fromUtf8(e)));
    const QByteArray nonce = attribute(attrs, 'r');
    const QByteArray salt = QByteArray::fromBase64(attribute(attrs, 's'));
    bool numeric = false;
    const int iterations = attribute(attrs, 'i').toInt(&numeric);
    if (nonce.isEmpty() || salt.isEmpty() || !numeric)
        return fail(QStringLiteral("The broker's SCRAM server-first-message lacks its nonce, salt or iterations."));
    // RFC 5802 5.1: the server's nonce starts with ours. (librdkafka before 2.6.1 got this wrong, which is why it
    // cannot use SCRAM with Kafka 4 brokers, which check it strictly.)
    if (!nonce.startsWith(m_nonce) || nonce.size() == m_nonce.size())
        return fail(QStringLiteral("The broker's SCRAM nonce does not extend the client's: not a SCRAM server."));
    if (iterations < (m_hash == Hash::Sha1 ? 4096 : kMinIterations))
        return fail(QStringLiteral("The broker asks for %1 SCRAM iterations, fewer than the %2 Kafka requires.")
                        .arg(iterations)
                        .arg(kMinIterations));
    // The salted password costs one PBKDF2 round per iteration: a server asking for billions would keep the admin
    // thread busy for hours. Kafka stores no credential above its maximum, so a real broker never asks for more.
    if (iterations > kMaxIterations)
        return fail(QStringLiteral("The broker asks for %1 SCRAM iterations, more than the %2 Kafka allows: not a "
                                   "Kafka broker, or a forged answer.")
                        .arg(iterations)
                        .arg(kMaxIterations));
    m_saltedPassword = QPasswordDigestor::deriveKeyPbkdf2(
        algorithmOf(m_hash), m_password, salt, iterations, QCryptographicHash::hashLength(algorithmOf(m_hash)));
    const QByteArray withoutProof = "c=biws,r=" + nonce; // biws: base64 of the gs2 header "n,,"
    m_authMessage = m_bare + ',' + serverFirst + ',' + withoutProof;
    const QByteArray clientKey = hmac(m_saltedPassword, "Client Key");
    const QByteArray signature = hmac(hash(clientKey), m_authMessage);
    QByteArray proof = clientKey;
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = char(proof[i] ^ signature[i]);
    return withoutProof + ",p=" + proof.toBase64();
}

bool ScramClient::verifyServerFinal(const QByteArray& serverFinal, QString* error) const
{
    const auto attrs = attributes(serverFinal);
    if (const QByteArray e = attribute(attrs, 'e'); !e.isEmpty()) {
        if (error)
            *error = QStringLiteral("The broker refused the SCRAM proof: %1.").arg(QString::fromUtf8(e));
        return false;
    }
    const QByteArray verifier = QByteArray::fromBase64(attribute(attrs, 'v'));
    if (m_authMessage.isEmpty() || verifier.isEmpty()
        || verifier != hmac(hmac(m_saltedPassword, "Server Key"), m_authMessage)) {
        if (error)
            *error = QStringLiteral("The broker's SCRAM signature is wrong: it does not know the password, so it is "
                                    "not the broker it claims to be.");
        return false;
    }
    return true;
}

SaslExchange::SaslExchange(const SecurityConfig& config, qint64 nowMs)
    : m_config(config)
    , m_nowMs(nowMs ? nowMs : QDateTime::currentMSecsSinceEpoch())
{
    if (config.mechanism == SaslMechanism::ScramSha256 || config.mechanism == SaslMechanism::ScramSha512) {
        m_scram.emplace(
            config.mechanism == SaslMechanism::ScramSha256 ? ScramClient::Hash::Sha256 : ScramClient::Hash::Sha512,
            config.username, config.password);
    }
}

QByteArray SaslExchange::first()
{
    m_round = 1;
    switch (m_config.mechanism) {
    case SaslMechanism::Plain:
        return '\0' + m_config.username.toUtf8() + '\0' + m_config.password.toUtf8();
    case SaslMechanism::ScramSha256:
    case SaslMechanism::ScramSha512:
        return m_scram->clientFirst();
    case SaslMechanism::OAuthBearer: {
        const QByteArray token = m_config.oauthToken.isEmpty() ? unsecuredJwt(m_config.oauthUnsecuredPrincipal, m_nowMs)
                                                               : m_config.oauthToken.trimmed().toUtf8();
        return "n,,\x01"
               "auth=Bearer "
            + token + "\x01\x01";
    }
    }
    return {};
}

SaslExchange::Step SaslExchange::next(const QByteArray& server)
{
    ++m_round;
    switch (m_config.mechanism) {
    case SaslMechanism::Plain:
        return { std::nullopt, true, {} };
    case SaslMechanism::ScramSha256:
    case SaslMechanism::ScramSha512: {
        QString error;
        if (m_round == 2) {
            const auto final = m_scram->clientFinal(server, &error);
            return final ? Step { final, false, {} } : Step { std::nullopt, false, error };
        }
        if (!m_scram->verifyServerFinal(server, &error))
            return { std::nullopt, false, error };
        return { std::nullopt, true, {} };
    }
    case SaslMechanism::OAuthBearer:
        if (server.isEmpty() && m_oauthError.isEmpty())
            return { std::nullopt, true, {} };
        if (m_oauthError.isEmpty()) {
            // RFC 7628 3.2.2: an error status as JSON; the client answers with a lone %x01, the server then fails.
            const QJsonObject status = QJsonDocument::fromJson(server).object();
            m_oauthError = status.value(QStringLiteral("status")).toString(QString::fromUtf8(server));
            return { QByteArray("\x01"), false, {} };
        }
        return { std::nullopt, false, QStringLiteral("The broker refused the OAuth token: %1.").arg(m_oauthError) };
    }
    return { std::nullopt, false, QStringLiteral("Unknown SASL mechanism.") };
}

QByteArray unsecuredJwt(const QString& principal, qint64 nowMs, qint64 lifetimeMs)
{
    const QJsonObject header { { QStringLiteral("alg"), QStringLiteral("none") } };
    const QJsonObject claims { { QStringLiteral("sub"), principal }, { QStringLiteral("iat"), double(nowMs / 1000) },
        { QStringLiteral("exp"), double((nowMs + lifetimeMs) / 1000) } };
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.';
}

} // namespace kafscope::protocol
