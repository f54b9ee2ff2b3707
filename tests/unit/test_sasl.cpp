// The SASL mechanisms of the own admin client (kafka/protocol/saslclient.h): SCRAM against the test vectors of
// RFC 5802 (SHA-1) and RFC 7677 (SHA-256), what a wrong server gets refused for, PLAIN and OAUTHBEARER's messages,
// the unsecured JWT; the security settings' names, problems and librdkafka mapping (kafka/protocol/security.h).
#include "kafka/protocol/saslclient.h"
#include "kafka/protocol/security.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::protocol;

TEST(Scram, Rfc5802Sha1TestVector)
{
    ScramClient scram(
        ScramClient::Hash::Sha1, QStringLiteral("user"), QStringLiteral("pencil"), "fyko+d2lbbFgONRv9qkxdawL");
    EXPECT_EQ(scram.clientFirst(), QByteArray("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
    QString error;
    const auto final
        = scram.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096", &error);
    ASSERT_TRUE(final) << error.toStdString();
    EXPECT_EQ(*final, QByteArray("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
    EXPECT_TRUE(scram.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=", &error)) << error.toStdString();
}

TEST(Scram, Rfc7677Sha256TestVector)
{
    ScramClient scram(
        ScramClient::Hash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"), "rOprNGfwEbeRWgbNEkqO");
    EXPECT_EQ(scram.clientFirst(), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    QString error;
    const auto final = scram.clientFinal(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", &error);
    ASSERT_TRUE(final) << error.toStdString();
    EXPECT_EQ(*final,
        QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                   "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    EXPECT_TRUE(scram.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", &error))
        << error.toStdString();
    // A server that does not know the password cannot sign: refused.
    EXPECT_FALSE(scram.verifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("signature"))) << error.toStdString();
}

TEST(Scram, RefusesWhatAServerMustNotSend)
{
    QString error;
    const auto client
        = [] { return ScramClient(ScramClient::Hash::Sha512, QStringLiteral("a=b,c"), QStringLiteral("x"), "abc"); };
    EXPECT_EQ(client().clientFirst(), QByteArray("n,,n=a=3Db=2Cc,r=abc")); // saslname escapes
    EXPECT_FALSE(client().clientFinal("r=xyz123,s=QSXCR+Q6sek8bf92,i=4096", &error)); // does not extend our nonce
    EXPECT_TRUE(error.contains(QStringLiteral("nonce")));
    EXPECT_FALSE(client().clientFinal("r=abc,s=QSXCR+Q6sek8bf92,i=4096", &error)); // adds nothing to it
    EXPECT_FALSE(client().clientFinal("r=abcdef,s=QSXCR+Q6sek8bf92,i=1000", &error)); // too few iterations
    EXPECT_TRUE(error.contains(QStringLiteral("4096")));
    // Issue #11 (noticed while fuzzing: the scram target ran slowest): a forged answer asking for 2 billion rounds
    // would keep the admin thread busy for hours; Kafka never goes above 16384.
    EXPECT_TRUE(client().clientFinal("r=abcdef,s=QSXCR+Q6sek8bf92,i=16384", &error)) << error.toStdString();
    EXPECT_FALSE(client().clientFinal("r=abcdef,s=QSXCR+Q6sek8bf92,i=2000000000", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("16384"))) << error.toStdString();
    EXPECT_FALSE(client().clientFinal("garbage", &error));
    EXPECT_FALSE(client().clientFinal("e=unknown-user", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("unknown-user")));
    EXPECT_FALSE(client().verifyServerFinal("v=abc", &error)); // before any exchange
    // A random nonce when none is given, different every time.
    ScramClient a(ScramClient::Hash::Sha256, QStringLiteral("u"), QStringLiteral("p"));
    ScramClient b(ScramClient::Hash::Sha256, QStringLiteral("u"), QStringLiteral("p"));
    EXPECT_NE(a.clientFirst(), b.clientFirst());
    EXPECT_GE(a.clientFirst().size(), qsizetype(QByteArray("n,,n=u,r=").size() + 32));
}

TEST(SaslExchange, PlainAndOAuthMessages)
{
    SecurityConfig plain;
    plain.protocol = SecurityProtocol::SaslPlaintext;
    plain.username = QStringLiteral("alice");
    plain.password = QStringLiteral("alice-secret");
    SaslExchange p(plain);
    EXPECT_EQ(p.first(), QByteArray("\0alice\0alice-secret", 19));
    EXPECT_TRUE(p.next({}).done);

    SecurityConfig oauth;
    oauth.protocol = SecurityProtocol::SaslPlaintext;
    oauth.mechanism = SaslMechanism::OAuthBearer;
    oauth.oauthToken = QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.");
    SaslExchange o(oauth);
    EXPECT_EQ(o.first(),
        QByteArray("n,,\x01"
                   "auth=Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.\x01\x01"));
    EXPECT_TRUE(o.next({}).done);
    // RFC 7628: an error status, answered with %x01; then the broker fails and the status is what is said.
    SaslExchange refused(oauth);
    refused.first();
    const auto ack = refused.next(R"({"status":"invalid_token"})");
    EXPECT_EQ(ack.send.value_or(QByteArray()), QByteArray("\x01"));
    const auto end = refused.next({});
    EXPECT_TRUE(end.error.contains(QStringLiteral("invalid_token"))) << end.error.toStdString();
}

TEST(SaslExchange, UnsecuredJwtHasSubAndExp)
{
    const QByteArray jwt = unsecuredJwt(QStringLiteral("admin"), 1'700'000'000'000, 60'000);
    const QList<QByteArray> parts = jwt.split('.');
    ASSERT_EQ(parts.size(), 3);
    EXPECT_TRUE(parts[2].isEmpty()); // unsigned
    const auto header
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding)).object();
    const auto claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    EXPECT_EQ(header.value(QStringLiteral("alg")).toString(), QStringLiteral("none"));
    EXPECT_EQ(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("admin"));
    EXPECT_EQ(claims.value(QStringLiteral("exp")).toDouble(), 1'700'000'060.0);
}

TEST(SecurityConfig, NamesProblemsAndLibrdkafkaSettings)
{
    EXPECT_EQ(securityProtocolFromName(QStringLiteral("sasl_ssl")), SecurityProtocol::SaslSsl);
    EXPECT_FALSE(securityProtocolFromName(QStringLiteral("TLS")));
    EXPECT_EQ(saslMechanismFromName(QStringLiteral("scram-sha-512")), SaslMechanism::ScramSha512);
    EXPECT_FALSE(saslMechanismFromName(QStringLiteral("GSSAPI")));

    SecurityConfig c;
    c.protocol = SecurityProtocol::SaslSsl;
    c.mechanism = SaslMechanism::ScramSha256;
    c.username = QStringLiteral("alice");
    EXPECT_EQ(c.problems(), QStringList { QStringLiteral("SCRAM-SHA-256 needs a password.") });
    c.password = QStringLiteral("pw");
    const QString data = QStringLiteral(KAFSCOPE_TEST_DATA_DIR);
    c.caFile = data + QStringLiteral("/valid-client.pem");
    c.certificateFile = data + QStringLiteral("/valid-client.pem");
    EXPECT_EQ(c.problems().size(), 1); // a certificate without its key
    c.keyFile = data + QStringLiteral("/client.key");
    c.verifyHostname = false;
    EXPECT_TRUE(c.problems().isEmpty()) << c.problems().join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(
        c.describe(), QStringLiteral("SASL_SSL, SCRAM-SHA-256 as alice, client certificate, hostname NOT verified"));
    const auto rd = librdkafkaSettings(c);
    EXPECT_EQ(rd.value(QStringLiteral("security.protocol")), QStringLiteral("sasl_ssl"));
    EXPECT_EQ(rd.value(QStringLiteral("sasl.mechanisms")), QStringLiteral("SCRAM-SHA-256"));
    EXPECT_EQ(rd.value(QStringLiteral("sasl.username")), QStringLiteral("alice"));
    EXPECT_EQ(rd.value(QStringLiteral("ssl.ca.location")), c.caFile);
    EXPECT_EQ(rd.value(QStringLiteral("ssl.key.location")), c.keyFile);
    EXPECT_EQ(rd.value(QStringLiteral("ssl.endpoint.identification.algorithm")), QStringLiteral("none"));

    // The certificate files are read before connecting: missing, not PEM, expired, each said.
    {
        SecurityConfig bad = c;
        bad.certificateFile = data + QStringLiteral("/expired-client.pem");
        const QString why = bad.problems().join(QLatin1Char(' '));
        EXPECT_TRUE(why.contains(QStringLiteral("expired-client.pem (CN=fixture-expired, O=KafScope tests, issued by "
                                                "CN=fixture-expired, O=KafScope tests) expired on 20")))
            << why.toStdString();
        EXPECT_TRUE(why.contains(QStringLiteral("brokers refuse it"))) << why.toStdString();
        bad.certificateFile = data + QStringLiteral("/README.md");
        EXPECT_EQ(bad.problems(),
            QStringList {
                QStringLiteral("No PEM certificate in the client certificate file %1.").arg(bad.certificateFile) });
        bad = c;
        bad.caFile = data + QStringLiteral("/nothing-here.pem");
        bad.keyFile = data + QStringLiteral("/no.key");
        EXPECT_EQ(bad.problems(),
            (QStringList { QStringLiteral("Cannot read the CA file %1.").arg(bad.caFile),
                QStringLiteral("Cannot read the private key file %1.").arg(bad.keyFile) }));
        bad.protocol = SecurityProtocol::SaslPlaintext; // no TLS: the files are not used, not checked
        EXPECT_TRUE(bad.problems().isEmpty());
    }

    SecurityConfig oauth;
    oauth.protocol = SecurityProtocol::SaslPlaintext;
    oauth.mechanism = SaslMechanism::OAuthBearer;
    EXPECT_EQ(oauth.problems().size(), 1);
    oauth.oauthUnsecuredPrincipal = QStringLiteral("admin");
    const auto unsecured = librdkafkaSettings(oauth);
    EXPECT_EQ(unsecured.value(QStringLiteral("enable.sasl.oauthbearer.unsecure.jwt")), QStringLiteral("true"));
    EXPECT_EQ(unsecured.value(QStringLiteral("sasl.oauthbearer.config")), QStringLiteral("principal=admin"));
    EXPECT_EQ(librdkafkaSettings({}),
        (QMap<QString, QString> { { QStringLiteral("security.protocol"), QStringLiteral("plaintext") } }));
}
