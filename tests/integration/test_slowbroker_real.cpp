// A slow and a silent broker (issue #11): node 3 of the real cluster reached through a TCP proxy in this test. The
// cluster's PROXIED listener (tests/cluster/kafka-cluster.sh) is advertised by node 3 at its own port + 1, where the
// proxy listens; the brokers replicate over PLAINTEXT, so only this test's clients see the proxy. The proxy first
// relays, then blackholes (accepts, never answers), then delays every answer by 20 s: each time the page's session and
// the CLI show what brokers 1 and 2 answered and name the timeout of broker 3, and nothing waits for more than the
// timeouts.
#include "../unit/waitfor.h"
#include "clirun.h"
#include "kafka/clustersession.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "realcluster.h"
#include "tcpproxy.h"

#include <QEventLoop>
#include <QTimer>

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::itest::TcpProxy;
using kafscope::test::waitFor;
using namespace std::chrono_literals;

namespace {

constexpr int kProxiedOffset = 17; // the PROXIED listener: the node's PLAINTEXT port + 17
constexpr int kConnectTimeoutMs = 3000;
constexpr int kRequestTimeoutMs = 6000;

struct SlowBroker : ::testing::Test
{
    void SetUp() override
    {
        REQUIRE_REAL_CLUSTER();
        plain = std::make_unique<AdminClient>(parseBootstrap(itest::bootstrap()).addresses);
        const auto md
            = waitFor<AdminResult<ClusterMetadata>>([&](auto done) { plain->fetchMetadata(QStringList {}, done); });
        ASSERT_TRUE(md && md->ok());
        for (int id : { 1, 3 })
            ASSERT_NE(md->value->broker(id), nullptr) << "broker " << id << " is not in the metadata";
        const int node1 = md->value->broker(1)->port + kProxiedOffset;
        const int node3 = md->value->broker(3)->port + kProxiedOffset;
        proxiedBootstrap = QStringLiteral("127.0.0.1:%1").arg(node1);
        proxyAddress = QStringLiteral("127.0.0.1:%1").arg(node3 + 1);
        proxy = std::make_unique<TcpProxy>(node3 + 1, node3);
        ASSERT_EQ(proxy->error(), "");

        // One partition on each broker (RF 1), 20 records in each.
        topic = itest::uniqueTopic("slow-broker");
        CreateTopicsRequest request;
        CreatableTopic t;
        t.name = topic;
        for (int p = 0; p < 3; ++p)
            t.assignments.append(CreatableReplicaAssignment { p, { p + 1 } });
        request.topics = { t };
        const auto created
            = waitFor<AdminResult<CreateTopicsResponse>>([&](auto done) { plain->createTopics(request, done); });
        ASSERT_TRUE(created && created->ok());
        ASSERT_EQ(created->value->topics.value(0).errorCode, 0);
        ASSERT_TRUE(clitest::eventually([&] {
            const auto m = waitFor<AdminResult<ClusterMetadata>>(
                [&](auto done) { plain->fetchMetadata(QStringList { topic }, done); });
            const auto* info = m && m->ok() ? m->value->topic(topic) : nullptr;
            return info && info->partitions.size() == 3;
        }));
        ASSERT_EQ(produceToEachPartition(topic, 20), "");
    }

    // Records straight into each partition through PLAINTEXT (not the proxy).
    static std::string produceToEachPartition(const QString& topic, int perPartition)
    {
        for (int p = 0; p < 3; ++p)
            if (auto error = itest::produce(topic, perPartition, 10, 0, p); !error.empty())
                return error;
        return {};
    }

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("proxied");
        p.bootstrap = proxiedBootstrap;
        p.connectTimeoutMs = kConnectTimeoutMs;
        p.requestTimeoutMs = kRequestTimeoutMs;
        return p;
    }

    std::unique_ptr<AdminClient> plain;
    std::unique_ptr<TcpProxy> proxy;
    QString topic;
    QString proxiedBootstrap;
    QString proxyAddress;
};

// The next offsets a refresh of `session` delivers (the guard only stops a hung test).
std::optional<OffsetsSnapshot> refreshed(ClusterSession& session)
{
    std::optional<OffsetsSnapshot> got;
    QEventLoop loop;
    auto c = QObject::connect(&session, &ClusterSession::offsetsAvailable, &loop, [&](const OffsetsSnapshot& s) {
        got = s;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    session.refresh();
    loop.exec();
    QObject::disconnect(c);
    return got;
}

int64_t latestOf(const OffsetsSnapshot& s, const QString& topic, int partition)
{
    for (const auto& o : s.latest)
        if (o.topic == topic && o.partition == partition && o.errorCode == 0)
            return o.offset;
    return -1;
}

} // namespace

TEST_F(SlowBroker, TheOtherBrokersAnswersAreShownAndTheSlowOnesTimeoutIsNamed)
{
    ClusterSession session;
    std::optional<OffsetsSnapshot> first;
    {
        QEventLoop loop;
        QObject::connect(&session, &ClusterSession::offsetsAvailable, &loop, [&](const OffsetsSnapshot& s) {
            first = s;
            loop.quit();
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        session.connectTo(profile());
        loop.exec();
    }
    // Relayed: every broker answers through the proxy.
    ASSERT_TRUE(first);
    ASSERT_EQ(session.state(), ClusterSession::State::Connected);
    EXPECT_GE(proxy->accepted(), 1) << "node 3 was not reached through the proxy";
    EXPECT_TRUE(first->errors.isEmpty()) << first->errors.join(QLatin1Char('\n')).toStdString();
    for (int p = 0; p < 3; ++p)
        EXPECT_EQ(latestOf(*first, topic, p), 20) << "partition " << p;

    // Slow: the open connection's answers come 20 s late, past the request timeout.
    proxy->setMode(TcpProxy::Mode::Delay, 20s);
    // The open connection was closed with the mode change; a new one is opened for the next request, and its
    // handshake (ApiVersions) is what comes late.
    auto slow = refreshed(session);
    ASSERT_TRUE(slow);
    EXPECT_EQ(latestOf(*slow, topic, 0), 20);
    EXPECT_EQ(latestOf(*slow, topic, 1), 20);
    EXPECT_EQ(latestOf(*slow, topic, 2), -1) << "broker 3 answered in spite of the delay";
    const QString joined = slow->errors.join(QLatin1Char('\n'));
    EXPECT_TRUE(joined.contains(QStringLiteral("Broker 3: Timed out connecting to %1 after 3 s: connected, but the "
                                               "broker did not finish the handshake")
                                    .arg(proxyAddress)))
        << joined.toStdString();
    EXPECT_EQ(session.state(), ClusterSession::State::Connected);
    EXPECT_EQ(session.metadata().brokers.size(), 3);

    // Broker configs: broker 1's come, broker 3's say why not.
    const auto configs = waitFor<AdminResult<QList<ConfigResourceResult>>>([&](auto done) {
        session.describeConfigsOf(
            { { ConfigResourceType::Broker, QStringLiteral("1"), QStringList { QStringLiteral("log.dirs") } },
                { ConfigResourceType::Broker, QStringLiteral("3"), QStringList { QStringLiteral("log.dirs") } } },
            &session, done);
    });
    ASSERT_TRUE(configs && configs->ok());
    bool sawOne = false, sawThree = false;
    for (const auto& r : *configs->value) {
        if (r.name == QLatin1String("1")) {
            sawOne = true;
            EXPECT_EQ(r.errorMessage, QString());
            EXPECT_FALSE(r.entries.isEmpty());
        } else if (r.name == QLatin1String("3")) {
            sawThree = true;
            EXPECT_TRUE(r.errorMessage.contains(QStringLiteral("Timed out connecting to ") + proxyAddress))
                << r.errorMessage.toStdString();
        }
    }
    EXPECT_TRUE(sawOne && sawThree);

    // Log dirs: brokers 1 and 2 with the topic's replicas, broker 3 with its error.
    const auto dirs = waitFor<AdminResult<QList<BrokerLogDirs>>>(
        [&](auto done) { session.describeLogDirs({ topic }, &session, done); });
    ASSERT_TRUE(dirs && dirs->ok()) << (dirs ? dirs->error.message.toStdString() : "no answer");
    ASSERT_EQ(dirs->value->size(), 3);
    for (const auto& b : *dirs->value) {
        if (b.broker == 3)
            EXPECT_TRUE(b.error.contains(QStringLiteral("Timed out connecting to ") + proxyAddress))
                << b.error.toStdString();
        else
            EXPECT_EQ(b.error, QString()) << "broker " << b.broker;
    }

    // Silent: accepted, never answered.
    proxy->setMode(TcpProxy::Mode::Blackhole);
    const int acceptedBefore = proxy->accepted();
    auto silent = refreshed(session);
    ASSERT_TRUE(silent);
    EXPECT_GT(proxy->accepted(), acceptedBefore);
    EXPECT_EQ(latestOf(*silent, topic, 0), 20);
    EXPECT_EQ(latestOf(*silent, topic, 1), 20);
    EXPECT_EQ(latestOf(*silent, topic, 2), -1);
    EXPECT_TRUE(silent->errors.join(QLatin1Char('\n')).contains(QStringLiteral("Broker 3: Timed out connecting to ")))
        << silent->errors.join(QLatin1Char('\n')).toStdString();

    // Relayed again: the next refresh has every broker back, with no error left over.
    proxy->setMode(TcpProxy::Mode::Relay);
    auto back = refreshed(session);
    ASSERT_TRUE(back);
    EXPECT_TRUE(back->errors.isEmpty()) << back->errors.join(QLatin1Char('\n')).toStdString();
    for (int p = 0; p < 3; ++p)
        EXPECT_EQ(latestOf(*back, topic, p), 20) << "partition " << p;
}

TEST_F(SlowBroker, AnAnswerThatComesPastTheRequestTimeoutIsNamedAsSuch)
{
    // A connection that is open and then slows down: the request, not the handshake, is what times out.
    AdminClient admin(parseBootstrap(proxiedBootstrap).addresses, [] {
        ConnectionOptions o;
        o.connectTimeoutMs = kConnectTimeoutMs;
        o.requestTimeoutMs = kRequestTimeoutMs;
        return o;
    }());
    const auto md
        = waitFor<AdminResult<ClusterMetadata>>([&](auto done) { admin.fetchMetadata(QStringList { topic }, done); });
    ASSERT_TRUE(md && md->ok());
    const auto relayed
        = waitFor<AdminResult<OffsetsAt>>([&](auto done) { admin.offsetsAt(*md->value, { topic }, -1, done); });
    ASSERT_TRUE(relayed && relayed->ok());
    EXPECT_TRUE(relayed->value->errors.isEmpty()) << relayed->value->errors.join(QLatin1Char('\n')).toStdString();

    proxy->setMode(TcpProxy::Mode::Delay, 20s, TcpProxy::Keep::OpenConnections);
    const auto slow
        = waitFor<AdminResult<OffsetsAt>>([&](auto done) { admin.offsetsAt(*md->value, { topic }, -1, done); });
    ASSERT_TRUE(slow && slow->ok());
    const QString joined = slow->value->errors.join(QLatin1Char('\n'));
    EXPECT_TRUE(
        joined.contains(QStringLiteral("Broker 3: ListOffsets request to %1 timed out after 6 s.").arg(proxyAddress)))
        << joined.toStdString();
    int answered = 0;
    for (const auto& o : slow->value->offsets)
        if (o.errorCode == 0 && o.offset == 20) {
            EXPECT_NE(o.partition, 2);
            ++answered;
        }
    EXPECT_EQ(answered, 2) << "partitions 0 and 1 (brokers 1 and 2) answered";
}

TEST_F(SlowBroker, TheCliPrintsWhatTheOtherBrokersAnsweredAndWarnsOfTheSilentOne)
{
    proxy->setMode(TcpProxy::Mode::Blackhole);
    const auto run
        = clitest::cli({ QStringLiteral("describe"), topic, QStringLiteral("--json"), QStringLiteral("--timeout"),
                           QString::number(kConnectTimeoutMs), QStringLiteral("--bootstrap"), proxiedBootstrap },
            false);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(
        QStringLiteral("warning: Broker 3: Timed out connecting to %1 after 3 s").arg(proxyAddress).toUtf8()))
        << run.err.toStdString();
    const auto partitions = clitest::json(run).object().value(QStringLiteral("partitions")).toArray();
    ASSERT_EQ(partitions.size(), 3) << run.out.toStdString();
    for (const auto& value : partitions) {
        const auto p = value.toObject();
        const int partition = p.value(QStringLiteral("partition")).toInt();
        if (partition == 2)
            EXPECT_TRUE(p.value(QStringLiteral("latest")).isNull()) << run.out.toStdString();
        else
            EXPECT_EQ(p.value(QStringLiteral("latest")).toInteger(), 20) << run.out.toStdString();
    }

    // The live tail (librdkafka, through the same listener): the records of brokers 1 and 2 arrive while broker 3
    // stays silent.
    const auto tail = clitest::cli({ QStringLiteral("consume"), topic, QStringLiteral("--from"),
                                       QStringLiteral("earliest"), QStringLiteral("--max"), QStringLiteral("40"),
                                       QStringLiteral("--json"), QStringLiteral("--bootstrap"), proxiedBootstrap },
        false);
    EXPECT_EQ(tail.exitCode, 0) << tail.err.toStdString();
    int fromOthers = 0;
    for (const auto& line : tail.out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const auto record = QJsonDocument::fromJson(line).object();
        EXPECT_NE(record.value(QStringLiteral("partition")).toInt(), 2) << line.toStdString();
        ++fromOthers;
    }
    EXPECT_EQ(fromOthers, 40);
}
