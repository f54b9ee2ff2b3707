// Importing client configuration files (kafka/profiles/clientconfig.h): Java client.properties with the Plain,
// Scram and OAuthBearer login modules and PEM stores, librdkafka / kcat files, and what cannot be imported named.
#include "kafka/client/dataplaneprops.h"
#include "kafka/profiles/clientconfig.h"
#include "kafka/profiles/profilestore.h"
#include "kafka/profiles/secretstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::profiles;

TEST(ClientConfig, JavaPropertiesSyntax)
{
    const auto p = parseProperties(QStringLiteral("# comment\n! also a comment\n  a = 1 \nb:2\nc 3\n"
                                                  "long=one\\\n    two\nesc=x\\ty\\u0041\nempty=\n"));
    EXPECT_EQ(p.value(QStringLiteral("a")), QStringLiteral("1 ").trimmed());
    EXPECT_EQ(p.value(QStringLiteral("b")), QStringLiteral("2"));
    EXPECT_EQ(p.value(QStringLiteral("c")), QStringLiteral("3"));
    EXPECT_EQ(p.value(QStringLiteral("long")), QStringLiteral("onetwo"));
    EXPECT_EQ(p.value(QStringLiteral("esc")), QStringLiteral("x\tyA"));
    EXPECT_TRUE(p.contains(QStringLiteral("empty")));
}

TEST(ClientConfig, JaasLines)
{
    const auto j = parseJaasConfig(QStringLiteral(
        R"(org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="p\"w;d" tokenauth=true;)"));
    EXPECT_EQ(j.loginModule, QStringLiteral("org.apache.kafka.common.security.scram.ScramLoginModule"));
    EXPECT_EQ(j.options.value(QStringLiteral("username")), QStringLiteral("alice"));
    EXPECT_EQ(j.options.value(QStringLiteral("password")), QStringLiteral("p\"w;d"));
    EXPECT_EQ(j.options.value(QStringLiteral("tokenauth")), QStringLiteral("true"));
    EXPECT_TRUE(parseJaasConfig(QStringLiteral("Module sometimes a=b;")).loginModule.isEmpty()); // no such flag
    EXPECT_TRUE(parseJaasConfig(QStringLiteral(R"(Module required a="unterminated;)")).loginModule.isEmpty());
}

TEST(ClientConfig, JavaScramOverTlsWithPemStores)
{
    QTemporaryDir dir;
    QFile ca(dir.filePath(QStringLiteral("ca.pem")));
    ASSERT_TRUE(ca.open(QIODevice::WriteOnly));
    ca.write("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    ca.close();
    const auto c
        = importClientConfig(QStringLiteral("bootstrap.servers=b1:9093,b2:9093\n"
                                            "security.protocol=SASL_SSL\n"
                                            "sasl.mechanism=SCRAM-SHA-512\n"
                                            "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule "
                                            "required username=\"alice\" password=\"alice-secret\";\n"
                                            "ssl.truststore.location=ca.pem\n" // relative: from the file's folder
                                            "ssl.keystore.type=PEM\nssl.keystore.location=/etc/kafka/me.pem\n"
                                            "ssl.key.password=kp\n"
                                            "client.id=tool\nacks=all\n"),
            dir.path());
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c.bootstrap, QStringLiteral("b1:9093,b2:9093"));
    EXPECT_EQ(c.security.protocol, SecurityProtocol::SaslSsl);
    EXPECT_EQ(c.security.mechanism, SaslMechanism::ScramSha512);
    EXPECT_EQ(c.security.username, QStringLiteral("alice"));
    EXPECT_EQ(c.security.password, QStringLiteral("alice-secret"));
    EXPECT_EQ(c.security.caFile, QDir(dir.path()).filePath(QStringLiteral("ca.pem")));
    EXPECT_EQ(c.security.certificateFile, QStringLiteral("/etc/kafka/me.pem"));
    EXPECT_EQ(c.security.keyFile, QStringLiteral("/etc/kafka/me.pem"));
    EXPECT_EQ(c.security.keyPassword, QStringLiteral("kp"));
    EXPECT_TRUE(c.security.verifyHostname);
    EXPECT_TRUE(c.notImported.isEmpty()) << c.notImported.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(c.ignored, (QStringList { QStringLiteral("acks"), QStringLiteral("client.id") }));
}

TEST(ClientConfig, WhatCannotBeImportedIsNamed)
{
    const auto jks = importClientConfig(QStringLiteral("security.protocol=SSL\nssl.truststore.location=/x/trust.jks\n"
                                                       "ssl.truststore.password=changeit\n"
                                                       "ssl.keystore.location=/x/me.p12\nssl.keystore.type=PKCS12\n"
                                                       "ssl.endpoint.identification.algorithm=\n"));
    ASSERT_EQ(jks.notImported.size(), 2);
    EXPECT_TRUE(jks.notImported[0].contains(QStringLiteral("JKS trust store"))) << jks.notImported[0].toStdString();
    EXPECT_TRUE(jks.notImported[1].contains(QStringLiteral("PKCS12 key store")));
    EXPECT_FALSE(jks.security.verifyHostname); // an empty algorithm turns the check off, as in Java
    const auto gssapi = importClientConfig(
        QStringLiteral("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=GSSAPI\nsasl.kerberos.service.name=kafka\n"));
    ASSERT_EQ(gssapi.notImported.size(), 1);
    EXPECT_TRUE(gssapi.notImported[0].contains(QStringLiteral("Kerberos")));
    // Java's default mechanism is GSSAPI too: a SASL file without sasl.mechanism is not silently PLAIN.
    EXPECT_EQ(importClientConfig(QStringLiteral("security.protocol=SASL_SSL\n")).notImported.size(), 1);
    EXPECT_EQ(importClientConfig(QStringLiteral("security.protocol=TLS\n")).notImported.size(), 1);
    EXPECT_FALSE(importClientConfigFile(QStringLiteral("/no/such/file.properties")).ok());
}

TEST(ClientConfig, OAuthBearerUnsecuredAndLibrdkafkaFiles)
{
    const auto oauth = importClientConfig(
        QStringLiteral("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=OAUTHBEARER\n"
                       "sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required "
                       "unsecuredLoginStringClaim_sub=\"admin\";\n"));
    EXPECT_EQ(oauth.security.mechanism, SaslMechanism::OAuthBearer);
    EXPECT_EQ(oauth.security.oauthUnsecuredPrincipal, QStringLiteral("admin"));
    EXPECT_TRUE(oauth.notImported.isEmpty());

    const auto kcat = importClientConfig(QStringLiteral("metadata.broker.list=k1:9092\nsecurity.protocol=sasl_ssl\n"
                                                        "sasl.mechanisms=PLAIN\nsasl.username=bob\nsasl.password=pw\n"
                                                        "ssl.ca.location=/etc/ca.pem\nfetch.wait.max.ms=50\n"),
        QStringLiteral("/etc"));
    EXPECT_EQ(kcat.bootstrap, QStringLiteral("k1:9092"));
    EXPECT_EQ(kcat.security.protocol, SecurityProtocol::SaslSsl);
    EXPECT_EQ(kcat.security.mechanism, SaslMechanism::Plain);
    EXPECT_EQ(kcat.security.username, QStringLiteral("bob"));
    EXPECT_EQ(kcat.security.caFile, QStringLiteral("/etc/ca.pem"));
    // Data-plane tuning is kept for consumers and producers; security settings are not repeated there.
    EXPECT_EQ(
        kcat.dataPlane, (QMap<QString, QString> { { QStringLiteral("fetch.wait.max.ms"), QStringLiteral("50") } }));
}

TEST(ClientConfig, OAuthClientCredentialsFromJavaAndLibrdkafkaFiles)
{
    const auto java = importClientConfig(
        QStringLiteral("security.protocol=SASL_SSL\nsasl.mechanism=OAUTHBEARER\n"
                       "sasl.oauthbearer.token.endpoint.url=https://idp.example.com/oauth2/token\n"
                       "sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer."
                       "OAuthBearerLoginCallbackHandler\n"
                       "sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required "
                       "clientId=\"app\" clientSecret=\"s\" scope=\"kafka\";\n"));
    EXPECT_TRUE(java.notImported.isEmpty()) << java.notImported.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(java.ignored.isEmpty()) << java.ignored.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(java.security.oauthTokenEndpoint, QStringLiteral("https://idp.example.com/oauth2/token"));
    EXPECT_EQ(java.security.oauthClientId, QStringLiteral("app"));
    EXPECT_EQ(java.security.oauthClientSecret, QStringLiteral("s"));
    EXPECT_EQ(java.security.oauthScope, QStringLiteral("kafka"));
    EXPECT_TRUE(java.security.needsTokenFetch());
    EXPECT_TRUE(java.security.problems().isEmpty());

    const auto rdk = importClientConfig(
        QStringLiteral("bootstrap.servers=k:9093\nsecurity.protocol=sasl_ssl\nsasl.mechanisms=OAUTHBEARER\nsasl."
                       "oauthbearer.method=oidc\n"
                       "sasl.oauthbearer.client.id=app\nsasl.oauthbearer.client.secret=s\n"
                       "sasl.oauthbearer.token.endpoint.url=https://idp/t\nssl.ca.location=/ca.pem\n"));
    EXPECT_EQ(rdk.security.oauthTokenEndpoint, QStringLiteral("https://idp/t"));
    EXPECT_EQ(rdk.security.oauthClientId, QStringLiteral("app"));
    EXPECT_TRUE(rdk.dataPlane.isEmpty()); // OIDC is done by KafScope, not handed to librdkafka 2.0.2 (no libcurl)
    SecurityConfig missing = rdk.security;
    missing.oauthClientSecret.clear();
    missing.caFile.clear(); // /ca.pem is not on this machine, which problems() would say too
    EXPECT_EQ(missing.problems(),
        QStringList { QStringLiteral("The OAuth client-credentials flow needs a client id and a client secret.") });
}

// The connection's extra data-plane properties: each bad line is named with its line number and why; nothing of a
// bad line is kept.
TEST(DataPlaneProperties, BadLinesAreNamed)
{
    struct Row
    {
        const char* text;
        const char* problem; // a part of the message
    };
    const Row rows[] = {
        { "fetch.max.byts=5", "No such configuration property" },
        { "fetch.max.bytes=lots", "Invalid value" },
        { "fetch.max.bytes=-1", "fetch.max.bytes" },
        { "just-a-word", "is not key=value" },
        { "=1", "is not key=value" },
        { "sasl.password=hunter2", "belongs in the Security fields" },
        { "ssl.key.password=x", "belongs in the Security fields" },
        { "security.protocol=SSL", "belongs in the Security fields" },
        { "bootstrap.servers=a:1", "bootstrap servers field" },
        { "group.id=mine", "set by KafScope for each consumer" },
        { "client.rack=a\nclient.rack=b", "Line 2: client.rack is set twice" },
    };
    for (const auto& row : rows) {
        const auto parsed = parseDataPlaneProperties(QString::fromUtf8(row.text));
        ASSERT_FALSE(parsed.ok()) << row.text;
        EXPECT_TRUE(parsed.problems.join(QLatin1Char(' ')).contains(QString::fromUtf8(row.problem)))
            << row.text << ": " << parsed.problems.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(parsed.problems.first().startsWith(QStringLiteral("Line "))) << row.text;
    }
    EXPECT_FALSE(parseDataPlaneProperties(QStringLiteral("sasl.password=hunter2"))
                     .properties.contains(QStringLiteral("sasl.password")));
}

TEST(DataPlaneProperties, GoodLinesRoundTrip)
{
    const auto parsed
        = parseDataPlaneProperties(QStringLiteral("# tuning\n\n fetch.max.bytes = 1048576 \nclient.rack=eu-1a\n"));
    ASSERT_TRUE(parsed.ok()) << parsed.problems.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(parsed.properties.size(), 2);
    EXPECT_EQ(parsed.properties.value(QStringLiteral("fetch.max.bytes")), QStringLiteral("1048576"));
    EXPECT_EQ(
        formatDataPlaneProperties(parsed.properties), QStringLiteral("client.rack=eu-1a\nfetch.max.bytes=1048576"));
    EXPECT_EQ(parseDataPlaneProperties(formatDataPlaneProperties(parsed.properties)).properties, parsed.properties);
}

// Secrets travel to the keychain as one JSON entry per connection; a damaged entry is not taken for secrets.
TEST(Secrets, JsonRoundTripAndFill)
{
    const Secrets s { QStringLiteral("p\"w"), QStringLiteral("tok"), {}, QStringLiteral("kp") };
    const auto back = Secrets::fromJson(s.toJson());
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(*back == s);
    EXPECT_FALSE(Secrets::fromJson("not json").has_value());
    EXPECT_FALSE(s.toJson().contains("oauthClientSecret")); // empty ones are not written
    SecurityConfig c;
    c.password = QStringLiteral("typed");
    s.fillInto(c);
    EXPECT_EQ(c.password, QStringLiteral("typed")); // what the user typed wins
    EXPECT_EQ(c.oauthToken, QStringLiteral("tok"));
    EXPECT_EQ(c.keyPassword, QStringLiteral("kp"));
    EXPECT_EQ(secretKey(QStringLiteral("prod"), QStringLiteral("k:1")), QStringLiteral("connection/prod"));
    EXPECT_EQ(secretKey(QString(), QStringLiteral("k:1")), QStringLiteral("connection/k:1"));
}

TEST(Secrets, ConnectWorkerPasswordsAreKeptByWorkerUrl)
{
    const auto parsed = connect::parseConnectUrls(
        QStringLiteral("http://connect-admin:s3cret@127.0.0.1:8083, https://bob@connect.example:8443/api\n"
                       "http://plain:8083"));
    ASSERT_TRUE(parsed.problems.isEmpty()) << parsed.problems.join(QLatin1Char(' ')).toStdString();
    const Secrets s = Secrets::of(SecurityConfig {}, parsed.endpoints);
    EXPECT_EQ(s.connectPasswords.size(), 1); // bob has none yet; plain has no user
    EXPECT_EQ(s.connectPasswords.value(QStringLiteral("http://127.0.0.1:8083")), QStringLiteral("s3cret"));
    const auto back = Secrets::fromJson(s.toJson());
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(*back == s);
    EXPECT_FALSE(back->isEmpty());

    // A saved connection's workers come back without passwords; the keychain's secrets fill them in.
    auto workers = connect::parseConnectUrls(connect::formatConnectUrls(parsed.endpoints)).endpoints;
    ASSERT_EQ(workers.size(), 3);
    EXPECT_TRUE(workers[0].password.isEmpty());
    back->fillInto(workers);
    EXPECT_EQ(workers[0].password, QStringLiteral("s3cret"));
    EXPECT_EQ(workers[0].user, QStringLiteral("connect-admin"));
    EXPECT_TRUE(workers[1].password.isEmpty());
    EXPECT_TRUE(workers[2].password.isEmpty());
}

TEST(ConnectUrls, ParsedFormattedAndBadOnesNamed)
{
    const auto good = connect::parseConnectUrls(
        QStringLiteral("  http://a:8083/ \n\nhttps://alice:pw@b.example:8443/connect,http://c:8083  "));
    ASSERT_TRUE(good.problems.isEmpty()) << good.problems.join(QLatin1Char(' ')).toStdString();
    ASSERT_EQ(good.endpoints.size(), 3);
    EXPECT_EQ(good.endpoints[0].displayUrl(), QStringLiteral("http://a:8083"));
    EXPECT_EQ(good.endpoints[1].displayUrl(), QStringLiteral("https://b.example:8443/connect"));
    EXPECT_EQ(good.endpoints[1].user, QStringLiteral("alice"));
    EXPECT_EQ(good.endpoints[1].password, QStringLiteral("pw"));
    EXPECT_TRUE(good.endpoints[1].url.userInfo().isEmpty()); // the URL itself carries no credentials
    const QString formatted = connect::formatConnectUrls(good.endpoints);
    EXPECT_EQ(formatted, QStringLiteral("http://a:8083\nhttps://alice@b.example:8443/connect\nhttp://c:8083"));
    EXPECT_FALSE(formatted.contains(QStringLiteral("pw"))); // never a password
    EXPECT_TRUE(connect::parseConnectUrls(QString()).endpoints.isEmpty());

    const struct
    {
        const char* input;
        const char* problem;
    } bad[] = {
        { "localhost:8083", "is not an http:// or https:// URL" },
        { "ftp://host:21", "is not an http:// or https:// URL" },
        { "http://", "is not an http:// or https:// URL" },
        { "http://host:99999", "is not an http:// or https:// URL" },
        { "http://host:0", "has a port 0" },
        { "http://host:8083/?x=1", "has a query" },
        { "http://host:8083/#top", "has a fragment" },
        { "http://host:8083 http://host:8083/", "is given twice" },
        { "http://ho st:8083", "is not an http:// or https:// URL" },
    };
    for (const auto& row : bad) {
        const auto parsed = connect::parseConnectUrls(QString::fromUtf8(row.input));
        ASSERT_FALSE(parsed.problems.isEmpty()) << row.input;
        EXPECT_TRUE(parsed.problems.join(QLatin1Char(' ')).contains(QString::fromUtf8(row.problem)))
            << row.input << ": " << parsed.problems.join(QLatin1Char(' ')).toStdString();
    }
}

TEST(ProfileStore, ConnectWorkersAreSavedWithoutTheirPasswords)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("KafScope.conf"));
    SavedConnection c;
    c.name = QStringLiteral("local");
    c.bootstrap = QStringLiteral("127.0.0.1:19092");
    c.connect = connect::parseConnectUrls(QStringLiteral("http://127.0.0.1:19112 http://connect-admin:pw-42@h:19113"))
                    .endpoints;
    {
        QSettings settings(file, QSettings::IniFormat);
        writeConnections(settings, { c, SavedConnection { QStringLiteral("none"), QStringLiteral("x:1") } });
    }
    QFile raw(file);
    ASSERT_TRUE(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    EXPECT_FALSE(text.contains("pw-42")) << text.constData();
    EXPECT_TRUE(text.contains("connect-admin@h:19113")) << text.constData();
    QSettings settings(file, QSettings::IniFormat);
    const auto back = readConnections(settings);
    ASSERT_EQ(back.size(), 2);
    ASSERT_EQ(back[0].connect.size(), 2);
    EXPECT_EQ(back[0].connect[0].displayUrl(), QStringLiteral("http://127.0.0.1:19112"));
    EXPECT_EQ(back[0].connect[1].user, QStringLiteral("connect-admin"));
    EXPECT_TRUE(back[0].connect[1].password.isEmpty());
    EXPECT_TRUE(back[1].connect.isEmpty());
}
