// The own admin client and the GUI's session against the real 3-broker Kafka cluster.
#include "../unit/waitfor.h"
#include "kafka/clustersession.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "models/topicmodel.h"
#include "realcluster.h"

#include <QEventLoop>
#include <QTimer>

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::test::waitFor;

namespace {

// A wait's result, checked: a result that never came is a failure of the test, not a crash.
template <typename T> AdminResult<T> delivered(std::optional<AdminResult<T>> result)
{
    EXPECT_TRUE(result.has_value()) << "no result delivered within the guard";
    return result.value_or(AdminResult<T>::failure(AdminError::network(QStringLiteral("no result delivered"))));
}

struct RealCluster : ::testing::Test
{
    void SetUp() override
    {
        REQUIRE_REAL_CLUSTER();
        admin = std::make_unique<AdminClient>(parseBootstrap(itest::bootstrap()).addresses);
    }
    AdminResult<ClusterMetadata> metadata(std::optional<QStringList> topics = std::nullopt)
    {
        return delivered(waitFor<AdminResult<ClusterMetadata>>([&](auto done) { admin->fetchMetadata(topics, done); }));
    }
    AdminResult<ConfigResourceResult> configs(ConfigResourceType type, const QString& name)
    {
        return delivered(
            waitFor<AdminResult<ConfigResourceResult>>([&](auto done) { admin->describeConfigs(type, name, done); }));
    }
    std::unique_ptr<AdminClient> admin;
};

const ConfigEntry* findEntry(const ConfigResourceResult& r, const QString& name)
{
    for (const auto& e : r.entries)
        if (e.name == name)
            return &e;
    return nullptr;
}

} // namespace

TEST_F(RealCluster, MetadataShowsThreeBrokersAClusterIdAndTheController)
{
    const auto md = metadata();
    ASSERT_TRUE(md.ok()) << md.error.message.toStdString();
    ASSERT_EQ(md.value->brokers.size(), 3);
    EXPECT_FALSE(md.value->clusterId.isEmpty());
    EXPECT_NE(md.value->broker(md.value->controllerId), nullptr) << "controller " << md.value->controllerId;
    const auto expected = parseBootstrap(itest::bootstrap()).addresses;
    for (const auto& b : md.value->brokers) {
        EXPECT_EQ(b.host, QStringLiteral("127.0.0.1"));
        EXPECT_TRUE(std::any_of(expected.begin(), expected.end(), [&](const auto& a) { return a.port == b.port; }));
    }
}

TEST_F(RealCluster, CreatedTopicHasPartitionsLeadersReplicasIsrAndATopicId)
{
    const auto name = itest::uniqueTopic("meta");
    ASSERT_EQ(itest::createTopic(name, 6, 3), "");
    const auto md = metadata(QStringList { name });
    ASSERT_TRUE(md.ok()) << md.error.message.toStdString();
    const auto* topic = md.value->topic(name);
    ASSERT_NE(topic, nullptr);
    EXPECT_EQ(topic->topicId.size(), 16);
    EXPECT_FALSE(topic->isInternal);
    ASSERT_EQ(topic->partitions.size(), 6);
    EXPECT_EQ(topic->replicationFactor(), 3);
    for (const auto& p : topic->partitions) {
        EXPECT_GE(p.leader, 1);
        EXPECT_GE(p.leaderEpoch, 0);
        EXPECT_EQ(p.replicas.size(), 3);
        EXPECT_TRUE(p.replicas.contains(p.leader));
        EXPECT_TRUE(p.offlineReplicas.isEmpty());
    }
}

TEST_F(RealCluster, OffsetsCountEveryProducedRecord)
{
    const auto name = itest::uniqueTopic("offsets");
    ASSERT_EQ(itest::createTopic(name, 4, 3), "");
    ASSERT_EQ(itest::produce(name, 250), "");
    const auto md = metadata();
    ASSERT_TRUE(md.ok());
    const auto r = delivered(
        waitFor<AdminResult<OffsetsSnapshot>>([&](auto done) { admin->listOffsets(*md.value, { name }, done); }));
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    EXPECT_TRUE(r.value->errors.isEmpty()) << r.value->errors.join(QLatin1Char(';')).toStdString();
    ASSERT_EQ(r.value->earliest.size(), 4);
    ASSERT_EQ(r.value->latest.size(), 4);
    int64_t total = 0;
    for (const auto& o : r.value->latest)
        total += o.offset;
    for (const auto& o : r.value->earliest) {
        EXPECT_EQ(o.offset, 0);
        total -= o.offset;
    }
    EXPECT_EQ(total, 250);
}

TEST_F(RealCluster, TopicConfigsShowOverridesSourcesAndSynonyms)
{
    const auto name = itest::uniqueTopic("configs");
    ASSERT_EQ(itest::createTopic(name, 1, 3, { { "retention.ms", "3600000" } }), "");
    const auto r = configs(ConfigResourceType::Topic, name);
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    const auto* retention = findEntry(*r.value, QStringLiteral("retention.ms"));
    ASSERT_NE(retention, nullptr);
    EXPECT_EQ(retention->value, QStringLiteral("3600000"));
    EXPECT_EQ(retention->source, ConfigSource::DynamicTopic);
    EXPECT_FALSE(retention->isDefault);
    EXPECT_FALSE(retention->synonyms.isEmpty());
    const auto* cleanup = findEntry(*r.value, QStringLiteral("cleanup.policy"));
    ASSERT_NE(cleanup, nullptr);
    EXPECT_EQ(cleanup->value, QStringLiteral("delete"));
    EXPECT_TRUE(cleanup->isDefault);
}

TEST_F(RealCluster, BrokerConfigsComeFromThatBroker)
{
    const auto r = configs(ConfigResourceType::Broker, QStringLiteral("2"));
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    const auto* nodeId = findEntry(*r.value, QStringLiteral("node.id"));
    ASSERT_NE(nodeId, nullptr);
    EXPECT_EQ(nodeId->value, QStringLiteral("2"));
    EXPECT_TRUE(nodeId->readOnly);
    const auto* listeners = findEntry(*r.value, QStringLiteral("listeners"));
    ASSERT_NE(listeners, nullptr);
    EXPECT_TRUE(listeners->value.contains(QStringLiteral("127.0.0.1")));
}

TEST_F(RealCluster, UnknownTopicConfigsGiveTheKafkaErrorName)
{
    const auto r = configs(ConfigResourceType::Topic, QStringLiteral("no-such-topic-kafscope"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.kind, AdminError::Kind::Kafka);
    EXPECT_TRUE(r.error.message.contains(QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION")))
        << r.error.message.toStdString();
}

TEST_F(RealCluster, FailsOverPastADeadBootstrapServer)
{
    AdminClient failover(parseBootstrap(QStringLiteral("127.0.0.1:1,") + itest::bootstrap()).addresses);
    const auto md = delivered(
        waitFor<AdminResult<ClusterMetadata>>([&](auto done) { failover.fetchMetadata(std::nullopt, done); }));
    ASSERT_TRUE(md.ok()) << md.error.message.toStdString();
    EXPECT_EQ(md.value->brokers.size(), 3);
}

TEST_F(RealCluster, SessionDeliversMetadataAndOffsetsToTheModelsThread)
{
    const auto name = itest::uniqueTopic("session");
    ASSERT_EQ(itest::createTopic(name, 3, 3), "");
    ASSERT_EQ(itest::produce(name, 30), "");
    ClusterSession session;
    TopicModel model;
    QObject::connect(&session, &ClusterSession::metadataAvailable, &model, &TopicModel::setMetadata);
    QObject::connect(&session, &ClusterSession::offsetsAvailable, &model, &TopicModel::applyOffsets);
    QEventLoop loop;
    bool gotOffsets = false;
    QObject::connect(&session, &ClusterSession::offsetsAvailable, &loop, [&] {
        gotOffsets = true;
        loop.quit();
    });
    QObject::connect(&session, &ClusterSession::stateChanged, &loop, [&](ClusterSession::State s) {
        if (s == ClusterSession::State::Failed)
            loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    session.connectTo({ QStringLiteral("real"), itest::bootstrap(), false });
    loop.exec();
    ASSERT_TRUE(gotOffsets);
    EXPECT_EQ(session.state(), ClusterSession::State::Connected);
    EXPECT_EQ(session.metadata().brokers.size(), 3);
    const int row = model.rowOfTopic(name);
    ASSERT_GE(row, 0);
    EXPECT_EQ(model.topic(row).messageCount(), 30);
}
