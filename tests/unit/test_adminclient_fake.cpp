// The admin client against a scripted broker on loopback: failover, negotiation, timeouts, garbage and error replies.
#include "fakebroker.h"
#include "kafka/protocol/adminclient.h"
#include "waitfor.h"

#include <QTcpServer>
#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::test::FakeBroker;
using kafscope::test::waitFor;

namespace {

ClusterMetadata sampleMetadata(quint16 port)
{
    ClusterMetadata md;
    md.clusterId = QStringLiteral("fake-cluster");
    md.controllerId = 1;
    md.brokers = { { 1, QStringLiteral("127.0.0.1"), port, QStringLiteral("rack-a") } };
    PartitionInfo p0;
    p0.partition = 0;
    p0.leader = 1;
    p0.replicas = { 1 };
    p0.isr = { 1 };
    md.topics = { { QStringLiteral("orders"), {}, false, 0, { p0 } } };
    return md;
}

FakeBroker::Responder metadataResponder(FakeBroker* broker)
{
    return [broker](const test::FakeRequest& r) -> std::optional<QByteArray> {
        if (r.key == ApiKey::Metadata)
            return encodeMetadataResponse(sampleMetadata(broker->port()), r.version);
        return std::nullopt;
    };
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort(); // closed again when `server` goes away
}

AdminResult<ClusterMetadata> fetch(AdminClient& admin)
{
    auto r = waitFor<AdminResult<ClusterMetadata>>([&](auto done) { admin.fetchMetadata(std::nullopt, done); });
    EXPECT_TRUE(r.has_value()) << "no result delivered";
    return r.value_or(AdminResult<ClusterMetadata>::failure(AdminError::network(QStringLiteral("no result"))));
}

} // namespace

TEST(AdminClientFake, NegotiatesHighestCommonMetadataVersionAndDecodes)
{
    FakeBroker broker;
    broker.setResponder(metadataResponder(&broker));
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = fetch(admin);
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    EXPECT_EQ(r.value->clusterId, QStringLiteral("fake-cluster"));
    ASSERT_EQ(r.value->brokers.size(), 1);
    EXPECT_EQ(r.value->brokers[0].rack, QStringLiteral("rack-a"));
    ASSERT_EQ(broker.received.size(), 2);
    EXPECT_EQ(broker.received[1].key, ApiKey::Metadata);
    EXPECT_EQ(broker.received[1].version, supportedVersions(ApiKey::Metadata).max);
}

TEST(AdminClientFake, SpeaksOldMetadataVersionsLikeTheMockBroker)
{
    FakeBroker broker;
    broker.apis[int16_t(ApiKey::Metadata)] = { 0, 2 };
    broker.maxApiVersionsVersion = 2;
    broker.setResponder(metadataResponder(&broker));
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = fetch(admin);
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    EXPECT_EQ(r.value->topics.size(), 1);
    // ApiVersions v3 was refused, then retried at the broker's highest version.
    ASSERT_GE(broker.received.size(), 3);
    EXPECT_EQ(broker.received[0].version, 3);
    EXPECT_EQ(broker.received[1].key, ApiKey::ApiVersions);
    EXPECT_EQ(broker.received[1].version, 2);
    EXPECT_EQ(broker.received[2].version, 2);
}

TEST(AdminClientFake, FailsOverToTheNextBootstrapServer)
{
    FakeBroker broker;
    broker.setResponder(metadataResponder(&broker));
    AdminClient admin(
        { { QStringLiteral("127.0.0.1"), closedPort() }, { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = fetch(admin);
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    EXPECT_EQ(r.value->brokers.size(), 1);
}

TEST(AdminClientFake, UnreachableClusterIsANetworkErrorNamingEveryServer)
{
    const auto a = closedPort();
    const auto b = closedPort();
    AdminClient admin({ { QStringLiteral("127.0.0.1"), a }, { QStringLiteral("127.0.0.1"), b } });
    const auto r = fetch(admin);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.kind, AdminError::Kind::Network);
    EXPECT_TRUE(r.error.message.contains(QStringLiteral("Could not reach any bootstrap server")));
    EXPECT_TRUE(r.error.message.contains(QString::number(a)));
    EXPECT_TRUE(r.error.message.contains(QString::number(b)));
}

TEST(AdminClientFake, SilentBrokerTimesOutWithAClearMessage)
{
    FakeBroker broker([](const test::FakeRequest&) { return std::nullopt; });
    ConnectionOptions options;
    options.requestTimeoutMs = 300;
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } }, options);
    const auto r = fetch(admin);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.kind, AdminError::Kind::Network);
    EXPECT_TRUE(r.error.message.contains(QStringLiteral("timed out"))) << r.error.message.toStdString();
}

TEST(AdminClientFake, GarbageFrameSizeIsAProtocolErrorNotACrash)
{
    FakeBroker broker;
    broker.rawReply = QByteArray::fromHex("ffffffff00000001");
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = fetch(admin);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error.message.contains(QStringLiteral("invalid size"))) << r.error.message.toStdString();
}

TEST(AdminClientFake, TruncatedMetadataBodyIsAProtocolError)
{
    FakeBroker broker;
    broker.setResponder([&broker](const test::FakeRequest& r) -> std::optional<QByteArray> {
        return encodeMetadataResponse(sampleMetadata(broker.port()), r.version).left(7);
    });
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = fetch(admin);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.kind, AdminError::Kind::Protocol);
    EXPECT_TRUE(r.error.message.contains(QStringLiteral("Malformed Metadata response")));
}

TEST(AdminClientFake, ConfigErrorReplyCarriesTheKafkaErrorName)
{
    FakeBroker broker;
    broker.setResponder([](const test::FakeRequest& r) -> std::optional<QByteArray> {
        if (r.key != ApiKey::DescribeConfigs)
            return std::nullopt;
        ConfigResourceResult failed;
        failed.type = ConfigResourceType::Topic;
        failed.name = QStringLiteral("nope");
        failed.errorCode = 3;
        failed.errorMessage = QStringLiteral("Topic nope not found");
        return encodeDescribeConfigsResponse({ failed }, r.version);
    });
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = waitFor<AdminResult<ConfigResourceResult>>(
        [&](auto done) { admin.describeConfigs(ConfigResourceType::Topic, QStringLiteral("nope"), done); });
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error.kind, AdminError::Kind::Kafka);
    EXPECT_EQ(r->error.kafkaCode, 3);
    EXPECT_TRUE(r->error.message.contains(QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION")))
        << r->error.message.toStdString();
}

TEST(AdminClientFake, UnsupportedApiIsReportedNotSent)
{
    FakeBroker broker;
    broker.apis.remove(int16_t(ApiKey::DescribeConfigs));
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = waitFor<AdminResult<ConfigResourceResult>>(
        [&](auto done) { admin.describeConfigs(ConfigResourceType::Topic, QStringLiteral("orders"), done); });
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error.kind, AdminError::Kind::Unsupported);
    EXPECT_TRUE(r->error.message.contains(QStringLiteral("DescribeConfigs")));
}

TEST(AdminClientFake, BrokerWithoutIncrementalAlterConfigsIsRefusedWithTheReasonNothingSent)
{
    FakeBroker broker; // advertises no IncrementalAlterConfigs, like a broker before Kafka 2.3
    broker.setResponder(metadataResponder(&broker));
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    AlterConfigsResource resource { ConfigResourceType::Topic, QStringLiteral("orders"),
        { { QStringLiteral("retention.ms"), ConfigOperation::Set, QStringLiteral("1000") } } };
    const auto r = waitFor<AdminResult<AlterConfigsResourceResponse>>(
        [&](auto done) { admin.incrementalAlterConfigs(resource, false, done); });
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error.kind, AdminError::Kind::Unsupported);
    EXPECT_TRUE(r->error.message.contains(QStringLiteral("IncrementalAlterConfigs")));
    EXPECT_TRUE(r->error.message.contains(QStringLiteral("legacy AlterConfigs"))) << r->error.message.toStdString();
    for (const auto& request : broker.received)
        EXPECT_NE(request.key, ApiKey::AlterConfigs);
}

TEST(AdminClientFake, LogDirsComeFromEveryBrokerAndASilentOneOnlyLosesItsOwn)
{
    FakeBroker broker;
    const quint16 deadPort = closedPort();
    broker.apis.insert(int16_t(ApiKey::DescribeLogDirs), { 1, 4 });
    broker.setResponder([&](const test::FakeRequest& r) -> std::optional<QByteArray> {
        if (r.key == ApiKey::Metadata) {
            auto md = sampleMetadata(broker.port());
            md.brokers.append({ 2, QStringLiteral("127.0.0.1"), deadPort, {} });
            return encodeMetadataResponse(md, r.version);
        }
        if (r.key == ApiKey::DescribeLogDirs) {
            DescribeLogDirsResponse response;
            LogDirResult dir;
            dir.logDir = QStringLiteral("/data/kafka");
            dir.topics = { { QStringLiteral("orders"), { { 0, 4096, 0, false } } } };
            response.results = { dir };
            return encodeDescribeLogDirsResponse(response, r.version);
        }
        return std::nullopt;
    });
    ConnectionOptions options;
    options.connectTimeoutMs = 2000;
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } }, options);
    const auto r = waitFor<AdminResult<QList<BrokerLogDirs>>>(
        [&](auto done) { admin.describeLogDirs(QStringList { QStringLiteral("orders") }, {}, done); }, 20000);
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(r->ok()) << r->error.message.toStdString();
    ASSERT_EQ(r->value->size(), 2);
    const auto& one = r->value->at(0);
    EXPECT_EQ(one.broker, 1);
    EXPECT_TRUE(one.error.isEmpty()) << one.error.toStdString();
    ASSERT_EQ(one.dirs.size(), 1);
    EXPECT_EQ(one.dirs[0].topics.at(0).partitions.at(0).size, 4096);
    const auto& two = r->value->at(1);
    EXPECT_EQ(two.broker, 2);
    EXPECT_FALSE(two.error.isEmpty());
    EXPECT_TRUE(two.dirs.isEmpty());
}

TEST(AdminClientFake, LogDirsOfAnUnknownTopicAreRefusedWithTheKafkaErrorName)
{
    FakeBroker broker;
    broker.setResponder(metadataResponder(&broker));
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = waitFor<AdminResult<QList<BrokerLogDirs>>>(
        [&](auto done) { admin.describeLogDirs(QStringList { QStringLiteral("nope") }, {}, done); });
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_TRUE(r->error.message.contains(QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION")));
}

TEST(AdminClientFake, OffsetsAreGatheredPerLeaderAndKeepPartitionErrors)
{
    FakeBroker broker;
    broker.setResponder([&broker](const test::FakeRequest& r) -> std::optional<QByteArray> {
        if (r.key == ApiKey::Metadata)
            return encodeMetadataResponse(sampleMetadata(broker.port()), r.version);
        if (r.key == ApiKey::ListOffsets) {
            auto request = r.body; // earliest requests carry -2: answer 5, latest 42
            const bool earliest = request.contains(QByteArray::fromHex("fffffffffffffffe"));
            PartitionOffset po { QStringLiteral("orders"), 0, 0, earliest ? 5 : 42, -1 };
            return encodeListOffsetsResponse({ po }, r.version);
        }
        return std::nullopt;
    });
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto md = fetch(admin);
    ASSERT_TRUE(md.ok());
    const auto r = waitFor<AdminResult<OffsetsSnapshot>>([&](auto done) { admin.listOffsets(*md.value, {}, done); });
    ASSERT_TRUE(r.has_value() && r->ok());
    ASSERT_EQ(r->value->earliest.size(), 1);
    ASSERT_EQ(r->value->latest.size(), 1);
    EXPECT_EQ(r->value->earliest[0].offset, 5);
    EXPECT_EQ(r->value->latest[0].offset, 42);
    EXPECT_TRUE(r->value->errors.isEmpty());
}

TEST(AdminClientFake, AnswerToAnotherCorrelationIdFailsTheConnectionAtOnce)
{
    // Issue #6: Kafka answers in order, so an answer that is not to the oldest request means the stream is out of
    // step. It used to be dropped, and the real request hung until its 30 s timeout.
    FakeBroker broker;
    broker.setResponder(metadataResponder(&broker));
    broker.correlationIdShift = 7;
    ConnectionOptions options;
    options.requestTimeoutMs = 600000; // a hang would be the test's own timeout, never this one
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } }, options);
    const auto r = fetch(admin);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.kind, AdminError::Kind::Protocol);
    EXPECT_TRUE(r.error.message.contains(QStringLiteral("correlation id"))) << r.error.message.toStdString();
    EXPECT_TRUE(r.error.message.contains(QStringLiteral("Metadata"))) << r.error.message.toStdString();
}

TEST(AdminClientFake, BrokerLoggerConfigsGoToThatBrokerAndEmptyBrokerNameToAny)
{
    FakeBroker first;
    FakeBroker second;
    auto responder = [&](FakeBroker* self) {
        return [&, self](const test::FakeRequest& r) -> std::optional<QByteArray> {
            if (r.key == ApiKey::Metadata) {
                ClusterMetadata md;
                md.controllerId = 1;
                md.brokers = { { 1, QStringLiteral("127.0.0.1"), first.port(), {} },
                    { 2, QStringLiteral("127.0.0.1"), second.port(), {} } };
                return encodeMetadataResponse(md, r.version);
            }
            if (r.key == ApiKey::DescribeConfigs) {
                ConfigResourceResult result;
                result.type = self == &first ? ConfigResourceType::Broker : ConfigResourceType::BrokerLogger;
                result.name = self == &first ? QString() : QStringLiteral("2");
                return encodeDescribeConfigsResponse({ result }, r.version);
            }
            return std::nullopt;
        };
    };
    first.setResponder(responder(&first));
    second.setResponder(responder(&second));
    AdminClient admin({ { QStringLiteral("127.0.0.1"), first.port() } });
    auto describe = [&](ConfigResourceType type, const QString& name) {
        return waitFor<AdminResult<ConfigResourceResult>>([&](auto done) { admin.describeConfigs(type, name, done); });
    };
    auto countConfigs = [](const FakeBroker& b) {
        return std::count_if(b.received.begin(), b.received.end(),
            [](const test::FakeRequest& r) { return r.key == ApiKey::DescribeConfigs; });
    };

    const auto logger = describe(ConfigResourceType::BrokerLogger, QStringLiteral("2"));
    ASSERT_TRUE(logger.has_value());
    ASSERT_TRUE(logger->ok()) << logger->error.message.toStdString();
    EXPECT_EQ(countConfigs(second), 1); // broker 2's loggers, from broker 2
    EXPECT_EQ(countConfigs(first), 0);

    const auto defaults = describe(ConfigResourceType::Broker, QString());
    ASSERT_TRUE(defaults.has_value());
    ASSERT_TRUE(defaults->ok()) << defaults->error.message.toStdString();
    EXPECT_EQ(countConfigs(first), 1); // cluster-wide defaults: any broker, here the bootstrap one
    EXPECT_EQ(countConfigs(second), 1);
}

TEST(AdminClientFake, RequestThatCannotBeEncodedFailsWithTheReasonAndIsNotSent)
{
    FakeBroker broker;
    broker.setResponder(metadataResponder(&broker));
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } });
    const auto r = waitFor<AdminResult<ClusterMetadata>>(
        [&](auto done) { admin.fetchMetadata(QStringList { QString(40000, QLatin1Char('t')) }, done); });
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error.kind, AdminError::Kind::Protocol);
    EXPECT_TRUE(r->error.message.contains(QStringLiteral("longer than the 32767"))) << r->error.message.toStdString();
    EXPECT_TRUE(std::none_of(broker.received.begin(), broker.received.end(),
        [](const test::FakeRequest& req) { return req.key == ApiKey::Metadata; }));
}

// A refusal (nothing listens) and a timeout (silence) call for different fixes, and are said differently; so is
// silence after the TCP connection, on a TLS listener or in Kafka's own handshake.
TEST(AdminClientFake, RefusalsAndTimeoutsAreToldApart)
{
    const auto closed = closedPort();
    {
        AdminClient admin({ { QStringLiteral("127.0.0.1"), closed } });
        const auto r = fetch(admin);
        ASSERT_FALSE(r.ok());
        EXPECT_TRUE(r.error.message.contains(QStringLiteral("refused the connection (connection refused: nothing "
                                                            "listens on port %1")
                                                 .arg(closed)))
            << r.error.message.toStdString();
        EXPECT_FALSE(r.error.message.contains(QStringLiteral("Timed out")));
    }
    // A server that accepts and then says nothing.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket*> held;
    QObject::connect(&silent, &QTcpServer::newConnection, [&] {
        while (auto* s = silent.nextPendingConnection())
            held << s;
    });
    {
        ConnectionOptions options;
        options.connectTimeoutMs = 400;
        options.security.protocol = SecurityProtocol::Ssl;
        AdminClient admin({ { QStringLiteral("127.0.0.1"), silent.serverPort() } }, options);
        const auto r = fetch(admin);
        ASSERT_FALSE(r.ok());
        EXPECT_TRUE(r.error.message.contains(
            QStringLiteral("the TCP connection was made, but the TLS handshake did not finish")))
            << r.error.message.toStdString();
    }
    {
        ConnectionOptions options;
        options.connectTimeoutMs = 400;
        options.requestTimeoutMs = 5000; // the connect timeout comes first
        options.security.protocol = SecurityProtocol::SaslPlaintext;
        options.security.username = QStringLiteral("alice");
        options.security.password = QStringLiteral("pw");
        AdminClient admin({ { QStringLiteral("127.0.0.1"), silent.serverPort() } }, options);
        const auto r = fetch(admin);
        ASSERT_FALSE(r.ok());
        EXPECT_TRUE(r.error.message.contains(
            QStringLiteral("connected, but the broker did not finish the handshake (ApiVersions, SASL)")))
            << r.error.message.toStdString();
    }
}

// ---- issue #11: a hostile broker, one row per kind of bad answer ----
// Each row's broker answers the Metadata request after a good handshake with the row's bytes. The answer must fail
// with a named error, and the next request (the broker well again) must succeed on the same client. A frame that
// breaks the stream (its size, its correlation id) drops the connection and the next request opens a new one; a
// well-framed answer whose body is garbage leaves the stream in step, so only that request fails and the connection
// stays.
namespace {

struct HostileRow
{
    const char* name;
    std::function<QByteArray(const test::FakeRequest&, quint16 port)> bytes;
    const char* error; // in the message
    bool dropsConnection;
};

QByteArray framed(int32_t correlationId, int16_t headerVersion, const QByteArray& body)
{
    Writer w(headerVersion >= 1);
    w.int32(correlationId);
    w.taggedFields();
    const QByteArray payload = w.data() + body;
    Writer size(false);
    size.int32(int32_t(payload.size()));
    return size.data() + payload;
}

QByteArray sizeOnly(int32_t size)
{
    Writer w(false);
    w.int32(size);
    return w.data() + QByteArray(16, 'x');
}

int16_t headerOf(const test::FakeRequest& r)
{
    return responseHeaderVersion(r.key, r.version);
}

const HostileRow kHostileRows[] = {
    { "NegativeLength", [](const test::FakeRequest&, quint16) { return sizeOnly(-1); }, "invalid size -1", true },
    { "TinyLength", [](const test::FakeRequest&, quint16) { return sizeOnly(2); }, "invalid size 2", true },
    { "HugeLength", [](const test::FakeRequest&, quint16) { return sizeOnly(0x7fffffff); }, "invalid size 2147483647",
        true },
    { "OversizedFrame", [](const test::FakeRequest&, quint16) { return sizeOnly(300 * 1024 * 1024); },
        "invalid size 314572800", true },
    { "WrongCorrelationId",
        [](const test::FakeRequest& r, quint16 port) {
            return framed(r.correlationId + 1, headerOf(r), encodeMetadataResponse(sampleMetadata(port), r.version));
        },
        "correlation id", true },
    { "TruncatedResponse",
        [](const test::FakeRequest& r, quint16 port) {
            return framed(
                r.correlationId, headerOf(r), encodeMetadataResponse(sampleMetadata(port), r.version).left(9));
        },
        "Malformed Metadata response", false },
    { "AnotherApisResponse",
        [](const test::FakeRequest& r, quint16) {
            // A DescribeConfigs answer (one resource with its error) where the Metadata answer should be.
            ConfigResourceResult result;
            result.type = ConfigResourceType::Topic;
            result.name = QStringLiteral("orders");
            result.errorCode = 3;
            result.errorMessage = QStringLiteral("unknown topic");
            return framed(r.correlationId, headerOf(r), encodeDescribeConfigsResponse({ result }, 4));
        },
        "Malformed Metadata response", false },
    { "EmptyBody", [](const test::FakeRequest& r, quint16) { return framed(r.correlationId, headerOf(r), {}); },
        "Malformed Metadata response", false },
};

class HostileBroker : public ::testing::TestWithParam<HostileRow>
{
};

} // namespace

TEST_P(HostileBroker, AnswerIsANamedErrorTheConnectionIsDroppedAndTheNextRequestSucceeds)
{
    const HostileRow& row = GetParam();
    FakeBroker broker;
    broker.setResponder(metadataResponder(&broker));
    broker.rawResponder = [&broker, &row](const test::FakeRequest& r) -> std::optional<QByteArray> {
        if (r.key != ApiKey::Metadata)
            return std::nullopt;
        return row.bytes(r, broker.port());
    };
    ConnectionOptions options;
    options.requestTimeoutMs = 600000; // a hang would be the test's own guard, never this timeout
    AdminClient admin({ { QStringLiteral("127.0.0.1"), broker.port() } }, options);
    const auto bad = fetch(admin);
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error.message.contains(QLatin1String(row.error))) << bad.error.message.toStdString();
    EXPECT_EQ(broker.connections, 1);

    broker.rawResponder = nullptr; // the broker is well again
    const auto good = fetch(admin);
    ASSERT_TRUE(good.ok()) << good.error.message.toStdString();
    EXPECT_EQ(good.value->clusterId, QStringLiteral("fake-cluster"));
    EXPECT_EQ(broker.connections, row.dropsConnection ? 2 : 1);
}

INSTANTIATE_TEST_SUITE_P(Table, HostileBroker, ::testing::ValuesIn(kHostileRows),
    [](const ::testing::TestParamInfo<HostileRow>& info) { return std::string(info.param.name); });
