#include "kafka/protocol/security.h"

namespace kafscope {

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
            } else {
                out.insert(QStringLiteral("sasl.oauthbearer.config"), config.oauthToken.trimmed());
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
