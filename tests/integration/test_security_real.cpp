// Secure listeners of the real test cluster (tests/cluster/kafka-cluster.sh: SASL PLAIN, SCRAM-SHA-256/512 and
// OAUTHBEARER, TLS, mTLS, SCRAM over TLS), reached with the client.properties the cluster script prints, imported
// as a user's file would be: the own admin client on each, the data plane (librdkafka) on each it can use, and the
// errors a person can act on (wrong password, unknown user, untrusted CA, wrong port, mechanism not enabled).
#include "../unit/waitfor.h"
#include "clirun.h"
#include "kafka/client/liveconsumer.h"
#include "kafka/client/producer.h"
#include "kafka/profiles/clientconfig.h"
#include "kafka/profiles/oauth.h"
#include "kafka/profiles/profilestore.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "kafka/protocol/brokerconnection.h"
#include "kafka/protocol/saslclient.h"
#include "realcluster.h"

#include <QDateTime>
#include <QProcess>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <librdkafka/rdkafka.h>

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::test::waitFor;

namespace {

struct Listener
{
    QString name;
    QString file; // the client.properties the cluster script printed
    profiles::ImportedConfig config;
};

// `kafka-cluster.sh client-config NAME`, written to a file in `dir` and imported.
Listener listener(const QString& name, const QTemporaryDir& dir)
{
    QProcess script;
    script.start(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), { QStringLiteral("client-config"), name });
    script.waitForFinished(30000);
    EXPECT_EQ(script.exitCode(), 0) << script.readAllStandardError().toStdString();
    Listener out { name, dir.filePath(name + QStringLiteral(".properties")), {} };
    QFile f(out.file);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(script.readAllStandardOutput());
    f.close();
    out.config = profiles::importClientConfigFile(out.file);
    EXPECT_TRUE(out.config.ok()) << out.config.error.toStdString();
    EXPECT_TRUE(out.config.notImported.isEmpty()) << out.config.notImported.join(QLatin1Char('\n')).toStdString();
    return out;
}

AdminResult<ClusterMetadata> metadataWith(const QString& bootstrap, const SecurityConfig& security)
{
    ConnectionOptions options;
    options.security = security;
    options.connectTimeoutMs = 15000;
    AdminClient admin(parseBootstrap(bootstrap).addresses, options);
    const auto result
        = waitFor<AdminResult<ClusterMetadata>>([&](auto done) { admin.fetchMetadata(std::nullopt, done); }, 60000);
    return result.value_or(AdminResult<ClusterMetadata>::failure(AdminError::network(QStringLiteral("no answer"))));
}

AdminResult<ClusterMetadata> metadataOf(AdminClient& admin)
{
    return waitFor<AdminResult<ClusterMetadata>>([&](auto done) { admin.fetchMetadata(std::nullopt, done); }, 30000)
        .value_or(AdminResult<ClusterMetadata>::failure(AdminError::network(QStringLiteral("no answer"))));
}

// A LiveConsumer tailing `topic` from its earliest offset with the given librdkafka settings, collecting what arrives.
struct Tail
{
    Tail(const QString& bootstrap, const QString& topic, const QMap<QString, QString>& settings)
    {
        QObject::connect(&consumer, &LiveConsumer::recordsAvailable, [this] {
            for (auto& r : consumer.drain())
                records.push_back(std::move(r));
        });
        QObject::connect(
            &consumer, &LiveConsumer::statusChanged, [this](ConsumerInterface::Status s, const QString& m) {
                statuses << m;
                if (s == ConsumerInterface::Status::Failed)
                    failure = m;
            });
        ConsumerOptions options;
        options.bootstrap = bootstrap;
        options.topic = topic;
        options.start = ConsumeStart::earliest();
        options.extraConfig = settings;
        consumer.start(options);
    }
    ~Tail() { consumer.shutdown(); }
    LiveConsumer consumer;
    std::vector<Record> records;
    QString failure;
    QStringList statuses; // every status message, in order
};

int portOf(const QString& bootstrap)
{
    return parseBootstrap(bootstrap).addresses.value(0).port;
}

struct Security : ::testing::Test
{
    void SetUp() override { REQUIRE_REAL_CLUSTER(); }
    QTemporaryDir dir;
};

} // namespace

TEST_F(Security, TheAdminClientConnectsOnEverySecureListener)
{
    for (const char* name :
        { "SASL_PLAIN", "SASL_SCRAM256", "SASL_SCRAM512", "SASL_OAUTH", "SSL", "MTLS", "SASL_SSL" }) {
        SCOPED_TRACE(name);
        const Listener l = listener(QString::fromLatin1(name), dir);
        const auto md = metadataWith(l.config.bootstrap, l.config.security);
        ASSERT_TRUE(md.ok()) << md.error.message.toStdString();
        ASSERT_EQ(md.value->brokers.size(), 3);
        // The brokers are advertised on the listener that was asked: the next connections stay secured.
        const auto ports = parseBootstrap(l.config.bootstrap).addresses;
        for (const auto& b : md.value->brokers)
            EXPECT_TRUE(std::any_of(ports.begin(), ports.end(), [&](const auto& a) { return a.port == b.port; }))
                << b.port;
    }
}

TEST_F(Security, TheDataPlaneProducesAndTailsOnTheListenersLibrdkafkaCanUse)
{
    // librdkafka 2.0.2's SCRAM fails against Kafka 4 brokers (it repeats the client nonce in its final message,
    // fixed in librdkafka 2.6.1); the other mechanisms and TLS work on it.
    for (const char* name : { "SASL_PLAIN", "SASL_OAUTH", "SSL", "MTLS" }) {
        SCOPED_TRACE(name);
        const Listener l = listener(QString::fromLatin1(name), dir);
        const QString topic = itest::uniqueTopic("security");
        ASSERT_EQ(itest::createTopic(topic, 3, 1), "");
        const auto settings = librdkafkaSettings(l.config.security);

        ProducerOptions po;
        po.bootstrap = l.config.bootstrap;
        po.extraConfig = settings;
        RecordProducer producer(po);
        QList<DeliveryReport> reports;
        QObject::connect(&producer, &RecordProducer::delivered, [&](const DeliveryReport& r) { reports.append(r); });
        for (int i = 0; i < 5; ++i)
            producer.send({ topic, QByteArray("k") + QByteArray::number(i), QByteArray("v"), {}, -1, {} });
        ASSERT_TRUE(test::waitUntil([&] { return reports.size() == 5; }, 60000));
        for (const auto& r : reports)
            EXPECT_TRUE(r.ok()) << r.errorName.toStdString() << ": " << r.errorMessage.toStdString();

        Tail tail(l.config.bootstrap, topic, settings);
        EXPECT_TRUE(test::waitUntil([&] { return tail.records.size() >= 5 || !tail.failure.isEmpty(); }, 60000));
        EXPECT_TRUE(tail.failure.isEmpty()) << tail.failure.toStdString();
        EXPECT_EQ(tail.records.size(), 5u);
    }
}

TEST_F(Security, WrongPasswordAndUnknownUserAreSaidForTheUserAndMechanism)
{
    Listener l = listener(QStringLiteral("SASL_SCRAM256"), dir);
    l.config.security.password = QStringLiteral("not-the-password");
    auto md = metadataWith(l.config.bootstrap, l.config.security);
    ASSERT_FALSE(md.ok());
    EXPECT_EQ(md.error.kafkaCode, 58);
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("Authentication failed for user alice (SCRAM-SHA-256)")))
        << md.error.message.toStdString();
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("SASL_AUTHENTICATION_FAILED")));
    l.config.security.username = QStringLiteral("mallory");
    md = metadataWith(l.config.bootstrap, l.config.security);
    ASSERT_FALSE(md.ok());
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("user mallory"))) << md.error.message.toStdString();

    Listener plain = listener(QStringLiteral("SASL_PLAIN"), dir);
    plain.config.security.password = QStringLiteral("wrong");
    md = metadataWith(plain.config.bootstrap, plain.config.security);
    ASSERT_FALSE(md.ok());
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("Authentication failed for user alice (PLAIN)")))
        << md.error.message.toStdString();
}

TEST_F(Security, AMechanismTheListenerDoesNotEnableNamesTheOnesItDoes)
{
    Listener l = listener(QStringLiteral("SASL_SCRAM256"), dir);
    l.config.security.mechanism = SaslMechanism::Plain;
    const auto md = metadataWith(l.config.bootstrap, l.config.security);
    ASSERT_FALSE(md.ok());
    EXPECT_EQ(md.error.kafkaCode, 33);
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("PLAIN is not enabled on this listener; it offers "
                                                         "SCRAM-SHA-256")))
        << md.error.message.toStdString();
}

TEST_F(Security, AnUntrustedCertificateIsSaidWithItsSubjectAndIssuer)
{
    Listener l = listener(QStringLiteral("SSL"), dir);
    l.config.security.caFile = QFileInfo(l.config.security.caFile).dir().filePath(QStringLiteral("other-ca.pem"));
    const auto md = metadataWith(l.config.bootstrap, l.config.security);
    ASSERT_FALSE(md.ok());
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("is not trusted"))) << md.error.message.toStdString();
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("CN=kafscope-test-broker")));
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("CN=KafScope test CA")));
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("other-ca.pem")));
}

// Mutual TLS: an expired client certificate is said before anything connects (on both planes: the CLI checks before
// its first request); one the brokers do not trust, or none, is the broker's TLS alert put in words.
TEST_F(Security, AClientCertificateThatIsExpiredUntrustedOrMissingIsSaidAsSuch)
{
    const Listener l = listener(QStringLiteral("MTLS"), dir);
    const QDir tls = QFileInfo(l.config.security.caFile).dir();
    SecurityConfig expired = l.config.security;
    expired.certificateFile = tls.filePath(QStringLiteral("expired.pem"));
    expired.keyFile = tls.filePath(QStringLiteral("expired.key"));
    auto md = metadataWith(l.config.bootstrap, expired);
    ASSERT_FALSE(md.ok());
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("expired.pem (CN=alice, O=Expired, issued by CN=KafScope "
                                                         "test CA) expired on ")))
        << md.error.message.toStdString();
    {
        QFile f(dir.filePath(QStringLiteral("expired.properties")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("bootstrap.servers=%1\nsecurity.protocol=SSL\nssl.ca.location=%2\n"
                               "ssl.certificate.location=%3\nssl.key.location=%4\n")
                    .arg(l.config.bootstrap, expired.caFile, expired.certificateFile, expired.keyFile)
                    .toUtf8());
        f.close();
        QProcess cli;
        cli.start(QStringLiteral(KAFSCOPE_CLI_PATH),
            { QStringLiteral("brokers"), QStringLiteral("--client-config"), f.fileName() });
        ASSERT_TRUE(cli.waitForFinished(60000));
        EXPECT_EQ(cli.exitCode(), 2);
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        EXPECT_TRUE(err.contains(QStringLiteral("expired on")) && err.contains(QStringLiteral("brokers refuse it")))
            << err.toStdString();
    }

    SecurityConfig stranger = l.config.security;
    stranger.certificateFile = tls.filePath(QStringLiteral("stranger.pem"));
    stranger.keyFile = tls.filePath(QStringLiteral("stranger.key"));
    md = metadataWith(l.config.bootstrap, stranger);
    ASSERT_FALSE(md.ok());
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("refused KafScope's client certificate (TLS alert")))
        << md.error.message.toStdString();
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("CN=stranger, issued by CN=Some other CA")))
        << md.error.message.toStdString();
    {
        // The data plane keeps retrying (a truststore may be fixed) and says why.
        Tail tail(l.config.bootstrap, QStringLiteral("security-mtls-stranger"), librdkafkaSettings(stranger));
        EXPECT_TRUE(test::waitUntil(
            [&] {
                return tail.statuses.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("the broker refused the client certificate"));
            },
            60000))
            << tail.statuses.join(QLatin1Char('\n')).toStdString();
        EXPECT_TRUE(tail.records.empty());
    }

    SecurityConfig none = l.config.security;
    none.certificateFile.clear();
    none.keyFile.clear();
    md = metadataWith(l.config.bootstrap, none);
    ASSERT_FALSE(md.ok());
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("requires a client certificate (mutual TLS")))
        << md.error.message.toStdString();
}

TEST_F(Security, TlsToAPlaintextPortAndPlaintextToATlsPortAreSaidInThoseWords)
{
    Listener ssl = listener(QStringLiteral("SSL"), dir);
    // TLS to the PLAINTEXT listener.
    auto md = metadataWith(itest::bootstrap(), ssl.config.security);
    ASSERT_FALSE(md.ok());
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("plaintext listener"))) << md.error.message.toStdString();
    // Plaintext to the TLS listener.
    md = metadataWith(ssl.config.bootstrap, SecurityConfig {});
    ASSERT_FALSE(md.ok());
    EXPECT_TRUE(md.error.message.contains(QStringLiteral("TLS listener"))) << md.error.message.toStdString();
    // SASL expected, but the client does not authenticate: the broker closes, said as such.
    const Listener sasl = listener(QStringLiteral("SASL_PLAIN"), dir);
    md = metadataWith(sasl.config.bootstrap, SecurityConfig {});
    ASSERT_FALSE(md.ok());
    EXPECT_FALSE(md.error.message.isEmpty());
    EXPECT_NE(portOf(sasl.config.bootstrap), portOf(itest::bootstrap()));
}

TEST_F(Security, TheCliTakesAClientConfigAndThePasswordFromTheEnvironment)
{
    const Listener l = listener(QStringLiteral("SASL_SSL"), dir);
    auto run = clitest::cli(
        { QStringLiteral("brokers"), QStringLiteral("--client-config"), l.file, QStringLiteral("--json") }, false);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(clitest::json(run).array().size(), 3);

    // The same file without the password: refused before connecting, exit 2, saying where the password may come from.
    QFile in(l.file);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    QByteArray text = in.readAll();
    text.replace("password=\"alice-secret\"", "");
    const QString noPassword = dir.filePath(QStringLiteral("nopassword.properties"));
    QFile out(noPassword);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();
    run = clitest::cli({ QStringLiteral("brokers"), QStringLiteral("--client-config"), noPassword }, false);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("KAFSCOPE_SASL_PASSWORD")) << run.err.toStdString();

    QProcess withEnv;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KAFSCOPE_SASL_PASSWORD"), QStringLiteral("alice-secret"));
    withEnv.setProcessEnvironment(env);
    withEnv.start(QStringLiteral(KAFSCOPE_CLI_PATH),
        { QStringLiteral("brokers"), QStringLiteral("--client-config"), noPassword, QStringLiteral("--json") });
    withEnv.waitForFinished(60000);
    EXPECT_EQ(withEnv.exitCode(), 0) << withEnv.readAllStandardError().toStdString();
}

TEST_F(Security, ARestrictedUserSeesWhatItMayAndIsToldWhatItMayNot)
{
    // reader has Read and Describe on one topic only (StandardAuthorizer; the ACL made by Kafka's own AclCommand).
    const QString visible = itest::uniqueTopic("reader-visible");
    const QString hidden = itest::uniqueTopic("reader-hidden");
    ASSERT_EQ(itest::createTopic(visible, 2, 1), "");
    ASSERT_EQ(itest::createTopic(hidden, 2, 1), "");
    ASSERT_EQ(itest::produce(visible, 6), "");
    QProcess acl;
    acl.start(QStringLiteral(KAFSCOPE_GROUP_CLIENTS),
        { QStringLiteral("tool"), QStringLiteral("org.apache.kafka.tools.AclCommand"),
            QStringLiteral("--bootstrap-server"), itest::bootstrap(), QStringLiteral("--add"),
            QStringLiteral("--allow-principal"), QStringLiteral("User:reader"), QStringLiteral("--operation"),
            QStringLiteral("Read"), QStringLiteral("--operation"), QStringLiteral("Describe"),
            QStringLiteral("--topic"), visible });
    ASSERT_TRUE(acl.waitForFinished(120000));
    ASSERT_EQ(acl.exitCode(), 0) << acl.readAllStandardError().toStdString();

    const Listener alice = listener(QStringLiteral("SASL_PLAIN"), dir);
    QFile in(alice.file);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    QByteArray text = in.readAll();
    text.replace("username=\"alice\" password=\"alice-secret\"", "username=\"reader\" password=\"reader-secret\"");
    const QString readerFile = dir.filePath(QStringLiteral("reader.properties"));
    QFile out(readerFile);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();
    const auto as = [&](QStringList args) {
        args << QStringLiteral("--client-config") << readerFile;
        return clitest::cli(args, false);
    };

    // The listing holds the topic it may describe and not the other (Kafka leaves unauthorized topics out).
    auto run = as({ QStringLiteral("topics"), QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(visible.toUtf8()));
    EXPECT_FALSE(run.out.contains(hidden.toUtf8()));
    // Asked for by name, the other topic is refused in Kafka's words.
    run = as({ QStringLiteral("describe"), hidden });
    EXPECT_EQ(run.exitCode, 4) << run.out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("TOPIC_AUTHORIZATION_FAILED")) << run.err.toStdString();
    // A cluster-wide config change needs Alter on the cluster.
    run = as({ QStringLiteral("configs"), QStringLiteral("broker"), QStringLiteral("default"), QStringLiteral("--set"),
        QStringLiteral("log.retention.ms=604800000") });
    EXPECT_EQ(run.exitCode, 4) << run.out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("CLUSTER_AUTHORIZATION_FAILED")) << run.err.toStdString();
    // And what it may read, it reads, through the data plane.
    run = as({ QStringLiteral("consume"), visible, QStringLiteral("--from"), QStringLiteral("earliest"),
        QStringLiteral("--end"), QStringLiteral("--json") });
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.out.count('\n'), 6) << run.out.toStdString();
}

TEST_F(Security, ScramOnTheDataPlaneWorksOrSaysWhyLibrdkafkaCannot)
{
    const Listener l = listener(QStringLiteral("SASL_SCRAM512"), dir);
    const QString topic = itest::uniqueTopic("security-scram");
    ASSERT_EQ(itest::createTopic(topic, 1, 1), "");
    ASSERT_EQ(itest::produce(topic, 3), "");
    const auto run
        = clitest::cli({ QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("earliest"),
                           QStringLiteral("--end"), QStringLiteral("--client-config"), l.file },
            false);
    if (rd_kafka_version() >= 0x020601ff) {
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        return;
    }
    // Debian's librdkafka 2.0.2 against Kafka 4: refused, said once, with the reason and what works instead.
    EXPECT_EQ(run.exitCode, 4) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("_AUTHENTICATION")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("cannot use SCRAM with Kafka 4 brokers")) << run.err.toStdString();
    EXPECT_EQ(run.err.count("cannot use SCRAM"), 1) << run.err.toStdString();
}

TEST_F(Security, TheAdminClientReauthenticatesBeforeItsSessionExpiresAndATailSurvivesIt)
{
    // SASL_PLAIN sessions last 15 s (connections.max.reauth.ms): the own admin client authenticates again on the
    // same connection (KIP-368); librdkafka 2.0.2 cannot, is disconnected by the broker and reconnects.
    const Listener l = listener(QStringLiteral("SASL_PLAIN"), dir);
    const QString topic = itest::uniqueTopic("security-reauth");
    ASSERT_EQ(itest::createTopic(topic, 2, 1), "");
    ASSERT_EQ(itest::produce(topic, 10), "");

    Tail tail(l.config.bootstrap, topic, librdkafkaSettings(l.config.security));

    ConnectionOptions options;
    options.security = l.config.security;
    AdminClient admin(parseBootstrap(l.config.bootstrap).addresses, options);
    const auto metadata = [&] { return metadataOf(admin); };
    ASSERT_TRUE(metadata().ok());
    const auto connections = admin.findChildren<BrokerConnection*>();
    ASSERT_FALSE(connections.isEmpty());
    EXPECT_EQ(connections.first()->sessionLifetimeMs(), 15000);
    // 25 s of requests every second: past the first session's end.
    for (int i = 0; i < 25; ++i) {
        const auto md = metadata();
        ASSERT_TRUE(md.ok()) << i << ": " << md.error.message.toStdString();
        test::waitUntil([] { return false; }, 1000);
    }
    int reauthenticated = 0;
    for (const auto* c : admin.findChildren<BrokerConnection*>()) {
        EXPECT_EQ(c->opens(), 1) << c->address().toString().toStdString(); // never reconnected
        reauthenticated = std::max(reauthenticated, c->authentications() - 1);
    }
    EXPECT_GE(reauthenticated, 1);

    // The tail outlived its expired sessions: everything produced before and after is there, once.
    ASSERT_EQ(itest::produce(topic, 10), "");
    EXPECT_TRUE(test::waitUntil([&] { return tail.records.size() >= 20 || !tail.failure.isEmpty(); }, 60000))
        << tail.records.size();
    EXPECT_TRUE(tail.failure.isEmpty()) << tail.failure.toStdString();
    EXPECT_EQ(tail.records.size(), 20u);
}

namespace {

// A token endpoint for the client-credentials flow (RFC 6749 4.4), in the test: answers a POST with the right basic
// auth with an unsigned JWT for `admin` (what the SASL_OAUTH listener's unsecured validator takes), anything else
// with 401 invalid_client.
class TokenEndpoint : public QObject
{
public:
    TokenEndpoint()
    {
        server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                auto* buffer = new QByteArray;
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                    if (headerEnd < 0)
                        return;
                    const QByteArray headers = buffer->left(headerEnd);
                    qsizetype length = 0;
                    for (const QByteArray& line : headers.split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                    if (buffer->size() < headerEnd + 4 + length)
                        return;
                    ++requests;
                    lastBody = buffer->mid(headerEnd + 4, length);
                    const bool ok
                        = headers.contains("Authorization: Basic " + QByteArray("kafscope:kafscope-secret").toBase64())
                        && lastBody.contains("grant_type=client_credentials");
                    const QByteArray body = ok
                        ? "{\"access_token\":\""
                            + protocol::unsecuredJwt(
                                QStringLiteral("admin"), QDateTime::currentMSecsSinceEpoch(), lifetimeMs)
                            + "\",\"token_type\":\"bearer\",\"expires_in\":" + QByteArray::number(lifetimeMs / 1000)
                            + "}"
                        : QByteArray(
                            "{\"error\":\"invalid_client\",\"error_description\":\"unknown client or wrong secret\"}");
                    socket->write((ok ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 401 Unauthorized\r\n")
                        + QByteArray("Content-Type: application/json\r\nConnection: close\r\nContent-Length: ")
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                    delete buffer;
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/oauth2/token").arg(server.serverPort()); }
    QTcpServer server;
    int requests = 0;
    QByteArray lastBody;
    qint64 lifetimeMs = 3600 * 1000; // of the tokens it hands out (their exp claim and expires_in)
};

} // namespace

TEST_F(Security, OAuthClientCredentialsFetchAToken)
{
    TokenEndpoint endpoint;
    ASSERT_TRUE(endpoint.server.isListening());
    // A Java client.properties for it, as a user has one for Kafka's own tools.
    const Listener oauth = listener(QStringLiteral("SASL_OAUTH"), dir);
    const QString file = dir.filePath(QStringLiteral("oauth-cc.properties"));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("bootstrap.servers=%1\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=OAUTHBEARER\n"
                           "sasl.oauthbearer.token.endpoint.url=%2\n"
                           "sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule "
                           "required clientId=\"kafscope\" clientSecret=\"kafscope-secret\" scope=\"kafka\";\n")
                .arg(oauth.config.bootstrap, endpoint.url())
                .toUtf8());
    f.close();
    const auto imported = profiles::importClientConfigFile(file);
    ASSERT_TRUE(imported.notImported.isEmpty()) << imported.notImported.join(QLatin1Char(' ')).toStdString();
    ASSERT_TRUE(imported.security.needsTokenFetch());

    // The admin plane with the fetched token.
    std::optional<profiles::OAuthToken> token;
    QString error;
    bool answered = false;
    QObject context;
    profiles::fetchOAuthToken(imported.security, &context, [&](const auto& t, const QString& e) {
        token = t;
        error = e;
        answered = true;
    });
    ASSERT_TRUE(test::waitUntil([&] { return answered; }, 30000));
    ASSERT_TRUE(token) << error.toStdString();
    EXPECT_GT(token->expiresAtMs, QDateTime::currentMSecsSinceEpoch());
    EXPECT_TRUE(endpoint.lastBody.contains("scope=kafka")) << endpoint.lastBody.toStdString();
    SecurityConfig withToken = imported.security;
    withToken.oauthToken = token->accessToken;
    const auto md = metadataWith(imported.bootstrap, withToken);
    ASSERT_TRUE(md.ok()) << md.error.message.toStdString();
    EXPECT_EQ(md.value->brokers.size(), 3);

    // The data plane with the same token, through librdkafka's token refresh callback.
    const QString topic = itest::uniqueTopic("security-oauth");
    ASSERT_EQ(itest::createTopic(topic, 1, 1), "");
    ProducerOptions po;
    po.bootstrap = imported.bootstrap;
    po.extraConfig = librdkafkaSettings(withToken);
    RecordProducer producer(po);
    std::optional<DeliveryReport> report;
    QObject::connect(&producer, &RecordProducer::delivered, [&](const DeliveryReport& r) { report = r; });
    producer.send({ topic, QByteArray("k"), QByteArray("v"), {}, -1, {} });
    ASSERT_TRUE(test::waitUntil([&] { return report.has_value(); }, 60000));
    EXPECT_TRUE(report->ok()) << report->errorName.toStdString() << ": " << report->errorMessage.toStdString();

    // The CLI fetches its own token from the file's endpoint (run without blocking this thread, which serves it).
    QProcess cli;
    cli.start(QStringLiteral(KAFSCOPE_CLI_PATH),
        { QStringLiteral("brokers"), QStringLiteral("--client-config"), file, QStringLiteral("--json") });
    ASSERT_TRUE(test::waitUntil([&] { return cli.state() == QProcess::NotRunning; }, 60000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    EXPECT_EQ(endpoint.requests, 2);

    // A wrong secret: the endpoint's refusal in its own words.
    SecurityConfig wrong = imported.security;
    wrong.oauthClientSecret = QStringLiteral("nope");
    answered = false;
    profiles::fetchOAuthToken(wrong, &context, [&](const auto& t, const QString& e) {
        token = t;
        error = e;
        answered = true;
    });
    ASSERT_TRUE(test::waitUntil([&] { return answered; }, 30000));
    EXPECT_FALSE(token);
    EXPECT_TRUE(error.contains(QStringLiteral("HTTP 401 (invalid_client: unknown client or wrong secret)")))
        << error.toStdString();
}

// Client-credentials tokens that live 12 s, on a listener whose sessions end with their token: the admin client fetches
// a new token at 80% of the old one's life and re-authenticates on the same connection (KIP-368); the tail's
// librdkafka gets a new one from KafScope's token-refresh callback and, disconnected when its session ends,
// reconnects with it. Nothing is lost.
TEST_F(Security, OAuthClientCredentialsTokensAreRenewedOnBothPlanesBeforeTheyExpire)
{
    TokenEndpoint endpoint;
    endpoint.lifetimeMs = 12000;
    ASSERT_TRUE(endpoint.server.isListening());
    const Listener oauth = listener(QStringLiteral("SASL_OAUTH"), dir);
    SecurityConfig cc;
    cc.protocol = SecurityProtocol::SaslPlaintext;
    cc.mechanism = SaslMechanism::OAuthBearer;
    cc.oauthTokenEndpoint = endpoint.url();
    cc.oauthClientId = QStringLiteral("kafscope");
    cc.oauthClientSecret = QStringLiteral("kafscope-secret");
    std::optional<profiles::OAuthToken> token;
    QString error;
    QObject context;
    profiles::fetchOAuthToken(cc, &context, [&](const auto& t, const QString& e) {
        token = t;
        error = e.isEmpty() ? QStringLiteral("-") : e;
    });
    ASSERT_TRUE(test::waitUntil([&] { return !error.isEmpty(); }, 30000));
    ASSERT_TRUE(token) << error.toStdString();
    profiles::useOAuthToken(cc, *token);
    EXPECT_NEAR(double(cc.oauthTokenExpiresAtMs - cc.oauthTokenFetchedAtMs), 12000.0, 1500.0);

    const QString topic = itest::uniqueTopic("security-oauth-renew");
    ASSERT_EQ(itest::createTopic(topic, 2, 1), "");
    ASSERT_EQ(itest::produce(topic, 10), "");
    Tail tail(oauth.config.bootstrap, topic, librdkafkaSettings(cc));
    ConnectionOptions options;
    options.security = cc;
    AdminClient admin(parseBootstrap(oauth.config.bootstrap).addresses, options);
    const auto metadata = [&] { return metadataOf(admin); };
    ASSERT_TRUE(metadata().ok());
    const auto connections = admin.findChildren<BrokerConnection*>();
    ASSERT_FALSE(connections.isEmpty());
    EXPECT_GT(connections.first()->sessionLifetimeMs(), 0);
    EXPECT_LE(connections.first()->sessionLifetimeMs(), 12000);
    // 26 s of requests every second: past two of the tokens' lives.
    for (int i = 0; i < 26; ++i) {
        const auto md = metadata();
        ASSERT_TRUE(md.ok()) << i << ": " << md.error.message.toStdString();
        test::waitUntil([] { return false; }, 1000);
    }
    for (const auto* c : admin.findChildren<BrokerConnection*>()) {
        EXPECT_EQ(c->opens(), 1) << c->address().toString().toStdString(); // never reconnected
        if (c->authentications() > 0) {
            EXPECT_GE(c->tokenFetches(), 2) << c->address().toString().toStdString();
            EXPECT_GE(c->authentications(), 3) << c->address().toString().toStdString();
        }
    }
    ASSERT_EQ(itest::produce(topic, 10), "");
    EXPECT_TRUE(test::waitUntil([&] { return tail.records.size() >= 20 || !tail.failure.isEmpty(); }, 60000))
        << tail.records.size() << " " << tail.statuses.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(tail.failure.isEmpty()) << tail.failure.toStdString();
    EXPECT_EQ(tail.records.size(), 20u);
    // The first token, then new ones: from the admin client's connection(s) and from the tail's callback.
    EXPECT_GE(endpoint.requests, 1 + 2 + 2) << endpoint.requests;
}

TEST_F(Security, TheCliConnectsWithAConnectionTheGuiSaved)
{
    // What the connect dialog saves (kafka/profiles/profilestore.h), in a settings file of a home of its own.
    const Listener l = listener(QStringLiteral("SASL_PLAIN"), dir);
    const QString config = dir.filePath(QStringLiteral("config"));
    {
        QDir().mkpath(config + QStringLiteral("/KafScope"));
        QSettings settings(config + QStringLiteral("/KafScope/KafScope.conf"), QSettings::IniFormat);
        SecurityConfig withoutSecret = l.config.security;
        withoutSecret.password.clear();
        profiles::writeConnections(settings,
            { { QStringLiteral("plain-rw"), l.config.bootstrap, false, QStringLiteral("TEST"), {}, withoutSecret },
                { QStringLiteral("plain-ro"), l.config.bootstrap, true, {}, {}, withoutSecret } });
    }
    const auto run = [&](const QStringList& args, const QString& password) {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        env.remove(QStringLiteral("KAFSCOPE_BOOTSTRAP"));
        if (password.isEmpty())
            env.remove(QStringLiteral("KAFSCOPE_SASL_PASSWORD"));
        else
            env.insert(QStringLiteral("KAFSCOPE_SASL_PASSWORD"), password);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KAFSCOPE_CLI_PATH), args);
        p.waitForFinished(60000);
        return clitest::CliRun { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
    };
    auto r = run({ QStringLiteral("brokers"), QStringLiteral("--profile"), QStringLiteral("plain-rw"),
                     QStringLiteral("--json") },
        QStringLiteral("alice-secret"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(clitest::json(r).array().size(), 3);
    // No secret was saved, and the CLI never prompts: it says where the password comes from.
    r = run({ QStringLiteral("brokers"), QStringLiteral("--profile"), QStringLiteral("plain-rw") }, {});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("KAFSCOPE_SASL_PASSWORD")) << r.err.toStdString();
    r = run({ QStringLiteral("brokers"), QStringLiteral("--profile"), QStringLiteral("nope") }, {});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("plain-rw, plain-ro")) << r.err.toStdString();
    // A read-only saved connection refuses writes, as --read-only does.
    r = run({ QStringLiteral("topic"), QStringLiteral("create"), itest::uniqueTopic("profile-ro"),
                QStringLiteral("--partitions"), QStringLiteral("1"), QStringLiteral("--replication-factor"),
                QStringLiteral("1"), QStringLiteral("--profile"), QStringLiteral("plain-ro") },
        QStringLiteral("alice-secret"));
    EXPECT_EQ(r.exitCode, 5) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("read-only")) << r.err.toStdString();
}
