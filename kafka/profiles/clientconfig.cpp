#include "kafka/profiles/clientconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

namespace kafscope::profiles {

namespace {

// The Java client settings that are about the connection's security; everything else a Java file holds (client.id,
// acks, timeouts, ...) has no meaning for KafScope and is listed as ignored.
const QSet<QString> kJavaSecurityKeys {
    QStringLiteral("bootstrap.servers"),
    QStringLiteral("security.protocol"),
    QStringLiteral("sasl.mechanism"),
    QStringLiteral("sasl.jaas.config"),
    QStringLiteral("ssl.truststore.type"),
    QStringLiteral("ssl.truststore.location"),
    QStringLiteral("ssl.truststore.password"),
    QStringLiteral("ssl.truststore.certificates"),
    QStringLiteral("ssl.keystore.type"),
    QStringLiteral("ssl.keystore.location"),
    QStringLiteral("ssl.keystore.password"),
    QStringLiteral("ssl.keystore.key"),
    QStringLiteral("ssl.keystore.certificate.chain"),
    QStringLiteral("ssl.key.password"),
    QStringLiteral("ssl.endpoint.identification.algorithm"),
    QStringLiteral("sasl.oauthbearer.token.endpoint.url"),
    QStringLiteral("sasl.login.callback.handler.class"),
};

// librdkafka's security settings; any other property of a librdkafka file goes to the data plane as it is.
const QSet<QString> kLibrdkafkaSecurityKeys {
    QStringLiteral("bootstrap.servers"),
    QStringLiteral("metadata.broker.list"),
    QStringLiteral("security.protocol"),
    QStringLiteral("sasl.mechanisms"),
    QStringLiteral("sasl.mechanism"),
    QStringLiteral("sasl.username"),
    QStringLiteral("sasl.password"),
    QStringLiteral("ssl.ca.location"),
    QStringLiteral("ssl.certificate.location"),
    QStringLiteral("ssl.key.location"),
    QStringLiteral("ssl.key.password"),
    QStringLiteral("ssl.endpoint.identification.algorithm"),
    QStringLiteral("enable.sasl.oauthbearer.unsecure.jwt"),
    QStringLiteral("sasl.oauthbearer.config"),
    QStringLiteral("sasl.oauthbearer.method"),
    QStringLiteral("sasl.oauthbearer.client.id"),
    QStringLiteral("sasl.oauthbearer.client.secret"),
    QStringLiteral("sasl.oauthbearer.token.endpoint.url"),
    QStringLiteral("sasl.oauthbearer.scope"),
};

QString unescape(const QString& v)
{
    QString out;
    out.reserve(v.size());
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (v[i] != QLatin1Char('\\') || i + 1 == v.size()) {
            out += v[i];
            continue;
        }
        const QChar c = v[++i];
        if (c == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (c == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (c == QLatin1Char('r'))
            out += QLatin1Char('\r');
        else if (c == QLatin1Char('u') && i + 4 < v.size()) {
            bool ok = false;
            const ushort code = v.mid(i + 1, 4).toUShort(&ok, 16);
            if (ok) {
                out += QChar(code);
                i += 4;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

QString pathFrom(const QString& baseDir, const QString& path)
{
    if (path.isEmpty() || baseDir.isEmpty() || QFileInfo(path).isAbsolute())
        return path;
    return QDir(baseDir).filePath(path);
}

bool isPemFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(4096).contains("-----BEGIN");
}

} // namespace

QMap<QString, QString> parseProperties(const QString& text)
{
    QMap<QString, QString> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString logical;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QString line = lines[n];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = logical.isEmpty() ? line.trimmed() : line.trimmed();
        if (logical.isEmpty()
            && (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char('!'))))
            continue;
        // An odd number of trailing backslashes continues the line.
        qsizetype slashes = 0;
        while (slashes < trimmed.size() && trimmed[trimmed.size() - 1 - slashes] == QLatin1Char('\\'))
            ++slashes;
        if (slashes % 2 == 1) {
            logical += trimmed.left(trimmed.size() - 1);
            continue;
        }
        logical += trimmed;
        // The key ends at the first unescaped '=', ':' or whitespace.
        qsizetype i = 0;
        QString key;
        while (i < logical.size()) {
            const QChar c = logical[i];
            if (c == QLatin1Char('\\') && i + 1 < logical.size()) {
                key += logical[i];
                key += logical[i + 1];
                i += 2;
                continue;
            }
            if (c == QLatin1Char('=') || c == QLatin1Char(':') || c.isSpace())
                break;
            key += c;
            ++i;
        }
        while (i < logical.size() && logical[i].isSpace())
            ++i;
        if (i < logical.size() && (logical[i] == QLatin1Char('=') || logical[i] == QLatin1Char(':')))
            ++i;
        while (i < logical.size() && logical[i].isSpace())
            ++i;
        out.insert(unescape(key), unescape(logical.mid(i)));
        logical.clear();
    }
    return out;
}

JaasConfig parseJaasConfig(const QString& line)
{
    JaasConfig out;
    const QString s = line.trimmed();
    qsizetype i = 0;
    const auto skipSpace = [&] {
        while (i < s.size() && s[i].isSpace())
            ++i;
    };
    const auto word = [&] {
        skipSpace();
        const qsizetype start = i;
        while (i < s.size() && !s[i].isSpace() && s[i] != QLatin1Char('=') && s[i] != QLatin1Char(';'))
            ++i;
        return s.mid(start, i - start);
    };
    const QString module = word();
    const QString flag = word().toLower();
    if (module.isEmpty()
        || !(flag == QLatin1String("required") || flag == QLatin1String("requisite")
            || flag == QLatin1String("sufficient") || flag == QLatin1String("optional")))
        return {};
    for (;;) {
        skipSpace();
        if (i >= s.size() || s[i] == QLatin1Char(';'))
            break;
        const QString key = word();
        skipSpace();
        if (key.isEmpty() || i >= s.size() || s[i] != QLatin1Char('='))
            return {};
        ++i;
        skipSpace();
        QString value;
        if (i < s.size() && s[i] == QLatin1Char('"')) {
            ++i;
            while (i < s.size() && s[i] != QLatin1Char('"')) {
                if (s[i] == QLatin1Char('\\') && i + 1 < s.size())
                    ++i;
                value += s[i++];
            }
            if (i >= s.size())
                return {}; // an unterminated quote
            ++i;
        } else {
            value = word();
        }
        out.options.insert(key, value);
    }
    out.loginModule = module;
    return out;
}

ImportedConfig importClientConfig(const QString& text, const QString& baseDir)
{
    ImportedConfig out;
    const QMap<QString, QString> p = parseProperties(text);
    // librdkafka's names: sasl.mechanisms (plural), sasl.username, ssl.ca.location, ...
    const bool librdkafka = p.contains(QStringLiteral("sasl.mechanisms")) || p.contains(QStringLiteral("sasl.username"))
        || p.contains(QStringLiteral("ssl.ca.location")) || p.contains(QStringLiteral("metadata.broker.list"))
        || p.contains(QStringLiteral("ssl.certificate.location")) || p.contains(QStringLiteral("ssl.key.location"));
    SecurityConfig& sec = out.security;
    out.bootstrap
        = p.value(QStringLiteral("bootstrap.servers"), p.value(QStringLiteral("metadata.broker.list"))).trimmed();
    if (const QString protocol = p.value(QStringLiteral("security.protocol")); !protocol.isEmpty()) {
        if (const auto parsed = securityProtocolFromName(protocol))
            sec.protocol = *parsed;
        else
            out.notImported << QStringLiteral("security.protocol=%1: not a security protocol (PLAINTEXT, SSL, "
                                              "SASL_PLAINTEXT, SASL_SSL)")
                                   .arg(protocol);
    }
    const QString mechanismName
        = p.value(librdkafka && p.contains(QStringLiteral("sasl.mechanisms")) ? QStringLiteral("sasl.mechanisms")
                                                                              : QStringLiteral("sasl.mechanism"),
            sec.usesSasl() ? QStringLiteral("GSSAPI") : QString()); // both clients default to GSSAPI
    if (!mechanismName.isEmpty()) {
        if (const auto m = saslMechanismFromName(mechanismName))
            sec.mechanism = *m;
        else if (mechanismName.compare(QLatin1String("GSSAPI"), Qt::CaseInsensitive) == 0)
            out.notImported << QStringLiteral("sasl.mechanism=GSSAPI: Kerberos is not supported by KafScope (PLAIN, "
                                              "SCRAM-SHA-256, SCRAM-SHA-512 and OAUTHBEARER are)");
        else
            out.notImported << QStringLiteral("sasl.mechanism=%1: not a mechanism KafScope speaks").arg(mechanismName);
    }

    if (librdkafka) {
        sec.username = p.value(QStringLiteral("sasl.username"));
        sec.password = p.value(QStringLiteral("sasl.password"));
        sec.caFile = pathFrom(baseDir, p.value(QStringLiteral("ssl.ca.location")));
        sec.certificateFile = pathFrom(baseDir, p.value(QStringLiteral("ssl.certificate.location")));
        sec.keyFile = pathFrom(baseDir, p.value(QStringLiteral("ssl.key.location")));
        sec.keyPassword = p.value(QStringLiteral("ssl.key.password"));
        if (p.value(QStringLiteral("sasl.oauthbearer.method")).compare(QLatin1String("oidc"), Qt::CaseInsensitive)
            == 0) {
            sec.oauthTokenEndpoint = p.value(QStringLiteral("sasl.oauthbearer.token.endpoint.url"));
            sec.oauthClientId = p.value(QStringLiteral("sasl.oauthbearer.client.id"));
            sec.oauthClientSecret = p.value(QStringLiteral("sasl.oauthbearer.client.secret"));
            sec.oauthScope = p.value(QStringLiteral("sasl.oauthbearer.scope"));
        }
        if (p.value(QStringLiteral("enable.sasl.oauthbearer.unsecure.jwt")) == QLatin1String("true")) {
            // sasl.oauthbearer.config: "principal=NAME [scope=...]"
            for (const QString& part :
                p.value(QStringLiteral("sasl.oauthbearer.config")).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (part.startsWith(QLatin1String("principal=")))
                    sec.oauthUnsecuredPrincipal = part.mid(10);
            }
        }
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (!kLibrdkafkaSecurityKeys.contains(it.key()))
                out.dataPlane.insert(it.key(), it.value());
        }
    } else {
        if (const QString jaas = p.value(QStringLiteral("sasl.jaas.config")); !jaas.isEmpty()) {
            const JaasConfig j = parseJaasConfig(jaas);
            if (j.loginModule.isEmpty()) {
                out.notImported << QStringLiteral("sasl.jaas.config: not a JAAS line KafScope can read");
            } else if (j.loginModule.endsWith(QLatin1String("PlainLoginModule"))
                || j.loginModule.endsWith(QLatin1String("ScramLoginModule"))) {
                sec.username = j.options.value(QStringLiteral("username"));
                sec.password = j.options.value(QStringLiteral("password"));
            } else if (j.loginModule.endsWith(QLatin1String("OAuthBearerLoginModule"))) {
                sec.oauthUnsecuredPrincipal = j.options.value(QStringLiteral("unsecuredLoginStringClaim_sub"));
                sec.oauthTokenEndpoint = p.value(QStringLiteral("sasl.oauthbearer.token.endpoint.url"));
                sec.oauthClientId = j.options.value(QStringLiteral("clientId"));
                sec.oauthClientSecret = j.options.value(QStringLiteral("clientSecret"));
                sec.oauthScope = j.options.value(QStringLiteral("scope"));
                if (sec.oauthUnsecuredPrincipal.isEmpty() && sec.oauthTokenEndpoint.isEmpty())
                    out.notImported << QStringLiteral("sasl.jaas.config: an OAuthBearerLoginModule with neither "
                                                      "unsecuredLoginStringClaim_sub nor "
                                                      "sasl.oauthbearer.token.endpoint.url");
            } else {
                out.notImported << QStringLiteral("sasl.jaas.config: the login module %1 (Kerberos and custom "
                                                  "modules are not supported)")
                                       .arg(j.loginModule);
            }
        }
        const QString trustType = p.value(QStringLiteral("ssl.truststore.type"), QStringLiteral("JKS")).toUpper();
        if (const QString trust = p.value(QStringLiteral("ssl.truststore.location")); !trust.isEmpty()) {
            const QString path = pathFrom(baseDir, trust);
            if (trustType == QLatin1String("PEM") || isPemFile(path))
                sec.caFile = path;
            else
                out.notImported << QStringLiteral("ssl.truststore.location=%1: a %2 trust store; export its CA "
                                                  "as PEM (keytool -exportcert -rfc -keystore %1) and give that")
                                       .arg(trust, trustType);
        }
        if (p.contains(QStringLiteral("ssl.truststore.certificates")))
            out.notImported << QStringLiteral("ssl.truststore.certificates: inline PEM; save it to a file and give "
                                              "its path as ssl.truststore.location");
        const QString keyType = p.value(QStringLiteral("ssl.keystore.type"), QStringLiteral("JKS")).toUpper();
        if (const QString store = p.value(QStringLiteral("ssl.keystore.location")); !store.isEmpty()) {
            const QString path = pathFrom(baseDir, store);
            if (keyType == QLatin1String("PEM") || isPemFile(path)) {
                // One PEM file with the private key and the certificate chain, as Kafka reads it.
                sec.certificateFile = path;
                sec.keyFile = path;
                sec.keyPassword = p.value(QStringLiteral("ssl.key.password"));
            } else {
                out.notImported << QStringLiteral("ssl.keystore.location=%1: a %2 key store; convert it to PEM "
                                                  "(openssl pkcs12 -in ... -nodes) and give that")
                                       .arg(store, keyType);
            }
        }
        if (p.contains(QStringLiteral("ssl.keystore.key"))
            || p.contains(QStringLiteral("ssl.keystore.certificate.chain")))
            out.notImported << QStringLiteral("ssl.keystore.key / ssl.keystore.certificate.chain: inline PEM; save "
                                              "them to a file and give its path as ssl.keystore.location");
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (!kJavaSecurityKeys.contains(it.key()))
                out.ignored << it.key();
        }
    }
    if (p.value(QStringLiteral("ssl.endpoint.identification.algorithm"), QStringLiteral("https")).trimmed().isEmpty()
        || p.value(QStringLiteral("ssl.endpoint.identification.algorithm")) == QLatin1String("none"))
        sec.verifyHostname = false;
    return out;
}

ImportedConfig importClientConfigFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        ImportedConfig out;
        out.error = QStringLiteral("Cannot read %1: %2").arg(path, f.errorString());
        return out;
    }
    // A file that is not what it claims is refused with what it is, not read as no settings at all (which would
    // connect in plaintext to whatever the command line names).
    constexpr qint64 kMaxSize = 1024 * 1024;
    if (f.size() > kMaxSize) {
        ImportedConfig out;
        out.error = QStringLiteral("%1 is not a client properties file: %2 bytes (a client config is a few lines)")
                        .arg(path)
                        .arg(f.size());
        return out;
    }
    const QByteArray bytes = f.readAll();
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    if (bytes.contains('\0') || utf8.hasError()) {
        ImportedConfig out;
        out.error
            = QStringLiteral("%1 is not a client properties file: it holds binary data, not KEY=VALUE lines").arg(path);
        return out;
    }
    return importClientConfig(text, QFileInfo(path).absolutePath());
}

} // namespace kafscope::profiles
