#include "kafka/protocol/security.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSslCertificate>
#include <QUrl>

namespace kafscope {

QString certificateDistinguishedName(const QSslCertificate& c, bool issuer)
{
    QStringList out;
    for (const auto& [attr, label] :
        { std::pair { QSslCertificate::CommonName, "CN" }, std::pair { QSslCertificate::Organization, "O" },
            std::pair { QSslCertificate::OrganizationalUnitName, "OU" } }) {
        const QStringList values = issuer ? c.issuerInfo(attr) : c.subjectInfo(attr);
        for (const auto& v : values)
            out << QStringLiteral("%1=%2").arg(QLatin1String(label), v);
    }
    return out.isEmpty() ? QStringLiteral("(none)") : out.join(QStringLiteral(", "));
}

namespace {

// What is wrong with the certificate files (readable PEM, within their validity), checked before connecting: an
// expired client certificate would only come back as the broker's TLS alert.
QStringList certificateFileProblems(const SecurityConfig& c)
{
    QStringList out;
    if (!c.usesTls())
        return out;
    if (!c.caFile.isEmpty()) {
        if (!QFileInfo(c.caFile).isReadable())
            out << QStringLiteral("Cannot read the CA file %1.").arg(c.caFile);
        else if (QSslCertificate::fromPath(c.caFile, QSsl::Pem).isEmpty())
            out << QStringLiteral("No PEM certificate in the CA file %1.").arg(c.caFile);
    }
    if (!c.certificateFile.isEmpty()) {
        const auto certs = QSslCertificate::fromPath(c.certificateFile, QSsl::Pem);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!QFileInfo(c.certificateFile).isReadable()) {
            out << QStringLiteral("Cannot read the client certificate file %1.").arg(c.certificateFile);
        } else if (certs.isEmpty()) {
            out << QStringLiteral("No PEM certificate in the client certificate file %1.").arg(c.certificateFile);
        } else if (certs.first().expiryDate() < now) {
            out << QStringLiteral("The client certificate %1 (%2, issued by %3) expired on %4: brokers refuse it. "
                                  "Renew it, or pick the current one.")
                       .arg(c.certificateFile, certificateDistinguishedName(certs.first(), false),
                           certificateDistinguishedName(certs.first(), true),
                           certs.first().expiryDate().toString(Qt::ISODate));
        } else if (certs.first().effectiveDate() > now) {
            out << QStringLiteral("The client certificate %1 (%2) is not valid before %3: brokers refuse it until "
                                  "then (or this machine's clock is wrong).")
                       .arg(c.certificateFile, certificateDistinguishedName(certs.first(), false),
                           certs.first().effectiveDate().toString(Qt::ISODate));
        }
    }
    if (!c.keyFile.isEmpty() && !QFileInfo(c.keyFile).isReadable())
        out << QStringLiteral("Cannot read the private key file %1.").arg(c.keyFile);
    return out;
}

} // namespace

QString securityProtocolName(SecurityProtocol p)
{
    switch (p) {
    case SecurityProtocol::Plaintext:
        return QStringLiteral("PLAINTEXT");
    case SecurityProtocol::Ssl:
        return QStringLiteral("SSL");
    case SecurityProtocol::SaslPlaintext:
        return QStringLiteral("SASL_PLAINTEXT");
    case SecurityProtocol::SaslSsl:
        return QStringLiteral("SASL_SSL");
    }
    return {};
}

std::optional<SecurityProtocol> securityProtocolFromName(const QString& name)
{
    for (auto p : { SecurityProtocol::Plaintext, SecurityProtocol::Ssl, SecurityProtocol::SaslPlaintext,
             SecurityProtocol::SaslSsl }) {
        if (name.trimmed().compare(securityProtocolName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString saslMechanismName(SaslMechanism m)
{
    switch (m) {
    case SaslMechanism::Plain:
        return QStringLiteral("PLAIN");
    case SaslMechanism::ScramSha256:
        return QStringLiteral("SCRAM-SHA-256");
    case SaslMechanism::ScramSha512:
        return QStringLiteral("SCRAM-SHA-512");
    case SaslMechanism::OAuthBearer:
        return QStringLiteral("OAUTHBEARER");
    }
    return {};
}

std::optional<SaslMechanism> saslMechanismFromName(const QString& name)
{
    for (auto m :
        { SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512, SaslMechanism::OAuthBearer }) {
        if (name.trimmed().compare(saslMechanismName(m), Qt::CaseInsensitive) == 0)
            return m;
    }
    return std::nullopt;
}

QString SecurityConfig::describe() const
{
    QString out = securityProtocolName(protocol);
    if (usesSasl()) {
        out += QStringLiteral(", ") + saslMechanismName(mechanism);
        if (mechanism != SaslMechanism::OAuthBearer && !username.isEmpty())
            out += QStringLiteral(" as ") + username;
        else if (mechanism == SaslMechanism::OAuthBearer && !oauthTokenEndpoint.isEmpty())
            out += QStringLiteral(" (client %1 at %2)").arg(oauthClientId, oauthTokenEndpoint);
        else if (mechanism == SaslMechanism::OAuthBearer && !oauthUnsecuredPrincipal.isEmpty())
            out += QStringLiteral(" (unsecured token for %1)").arg(oauthUnsecuredPrincipal);
    }
    if (usesTls() && !certificateFile.isEmpty())
        out += QStringLiteral(", client certificate");
    if (usesTls() && !verifyHostname)
        out += QStringLiteral(", hostname NOT verified");
    return out;
}

QStringList SecurityConfig::problems() const
{
    QStringList out;
    if (usesSasl()) {
        if (mechanism == SaslMechanism::OAuthBearer) {
            if (!oauthTokenEndpoint.isEmpty()) {
                if (oauthClientId.isEmpty() || oauthClientSecret.isEmpty())
                    out << QStringLiteral("The OAuth client-credentials flow needs a client id and a client secret.");
            } else if (oauthToken.isEmpty() && oauthUnsecuredPrincipal.isEmpty()) {
                out << QStringLiteral("OAUTHBEARER needs a token, a token endpoint with a client id and secret, or "
                                      "(for an unsecured development cluster) a principal to make an unsigned token "
                                      "for.");
            }
        } else {
            if (username.isEmpty())
                out << QStringLiteral("%1 needs a user name.").arg(saslMechanismName(mechanism));
            if (password.isEmpty())
                out << QStringLiteral("%1 needs a password.").arg(saslMechanismName(mechanism));
        }
    }
    if (usesTls() && certificateFile.isEmpty() != keyFile.isEmpty())
        out << QStringLiteral("A client certificate needs both the certificate file and its key file.");
    out << certificateFileProblems(*this);
    return out;
}

namespace {
const QByteArray kEndpoint = "kafscope.endpoint";
const QByteArray kClientId = "kafscope.clientId";
const QByteArray kClientSecret = "kafscope.clientSecret";
const QByteArray kScope = "kafscope.scope";
const QByteArray kFetchedAt = "kafscope.fetchedAtMs";
const QByteArray kExpiresAt = "kafscope.expiresAtMs";
} // namespace

QString oauthRefreshConfig(const SecurityConfig& config)
{
    QByteArrayList lines { config.oauthToken.trimmed().toUtf8() };
    const auto add
        = [&](const QByteArray& key, const QString& value) { lines << key + '=' + QUrl::toPercentEncoding(value); };
    add(kEndpoint, config.oauthTokenEndpoint);
    add(kClientId, config.oauthClientId);
    add(kClientSecret, config.oauthClientSecret);
    add(kScope, config.oauthScope);
    add(kFetchedAt, QString::number(config.oauthTokenFetchedAtMs));
    add(kExpiresAt, QString::number(config.oauthTokenExpiresAtMs));
    return QString::fromUtf8(lines.join('\n'));
}

SecurityConfig fromOAuthRefreshConfig(const QByteArray& config)
{
    SecurityConfig out;
    out.protocol = SecurityProtocol::SaslPlaintext;
    out.mechanism = SaslMechanism::OAuthBearer;
    const QByteArrayList lines = config.split('\n');
    out.oauthToken = QString::fromUtf8(lines.value(0).trimmed());
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype eq = lines[i].indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = lines[i].left(eq);
        const QString value = QUrl::fromPercentEncoding(lines[i].mid(eq + 1));
        if (key == kEndpoint)
            out.oauthTokenEndpoint = value;
        else if (key == kClientId)
            out.oauthClientId = value;
        else if (key == kClientSecret)
            out.oauthClientSecret = value;
        else if (key == kScope)
            out.oauthScope = value;
        else if (key == kFetchedAt)
            out.oauthTokenFetchedAtMs = value.toLongLong();
        else if (key == kExpiresAt)
            out.oauthTokenExpiresAtMs = value.toLongLong();
    }
    return out;
}

QMap<QString, QString> librdkafkaSettings(const SecurityConfig& config)
{
    QMap<QString, QString> out;
    out.insert(QStringLiteral("security.protocol"), securityProtocolName(config.protocol).toLower());
    if (config.usesSasl()) {
        out.insert(QStringLiteral("sasl.mechanisms"), saslMechanismName(config.mechanism));
        if (config.mechanism == SaslMechanism::OAuthBearer) {
            if (config.oauthToken.isEmpty()) {
                out.insert(QStringLiteral("enable.sasl.oauthbearer.unsecure.jwt"), QStringLiteral("true"));
                out.insert(QStringLiteral("sasl.oauthbearer.config"),
                    QStringLiteral("principal=%1").arg(config.oauthUnsecuredPrincipal));
            } else if (config.oauthTokenEndpoint.isEmpty()) {
                out.insert(QStringLiteral("sasl.oauthbearer.config"), config.oauthToken.trimmed());
            } else {
                // The token, then what the refresh callback needs to fetch the next one (oauthRefreshConfig()).
                out.insert(QStringLiteral("sasl.oauthbearer.config"), oauthRefreshConfig(config));
            }
        } else {
            out.insert(QStringLiteral("sasl.username"), config.username);
            out.insert(QStringLiteral("sasl.password"), config.password);
        }
    }
    if (config.usesTls()) {
        if (!config.caFile.isEmpty())
            out.insert(QStringLiteral("ssl.ca.location"), config.caFile);
        if (!config.certificateFile.isEmpty()) {
            out.insert(QStringLiteral("ssl.certificate.location"), config.certificateFile);
            out.insert(QStringLiteral("ssl.key.location"), config.keyFile);
            if (!config.keyPassword.isEmpty())
                out.insert(QStringLiteral("ssl.key.password"), config.keyPassword);
        }
        out.insert(QStringLiteral("ssl.endpoint.identification.algorithm"),
            config.verifyHostname ? QStringLiteral("https") : QStringLiteral("none"));
    }
    return out;
}

} // namespace kafscope
