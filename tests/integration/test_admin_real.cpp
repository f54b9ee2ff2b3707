// The own admin client and the GUI's session against the real 3-broker Kafka cluster.
#include "../unit/waitfor.h"
#include "kafka/clustersession.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "models/topicmodel.h"
#include "realcluster.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <functional>

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

// ---- issue #7: create, delete and change configs through the own admin client ----

namespace {

struct RealClusterWrites : RealCluster
{
    AdminResult<CreateTopicsResponse> create(const CreateTopicsRequest& request)
    {
        return delivered(
            waitFor<AdminResult<CreateTopicsResponse>>([&](auto done) { admin->createTopics(request, done); }));
    }
    AdminResult<DeleteTopicsResponse> remove(const QString& name)
    {
        return delivered(
            waitFor<AdminResult<DeleteTopicsResponse>>([&](auto done) { admin->deleteTopics({ name }, 30000, done); }));
    }
    AdminResult<AlterConfigsResourceResponse> alter(const AlterConfigsResource& resource, bool validateOnly = false)
    {
        return delivered(waitFor<AdminResult<AlterConfigsResourceResponse>>(
            [&](auto done) { admin->incrementalAlterConfigs(resource, validateOnly, done); }));
    }
    // A config change reaches the brokers a moment after the controller wrote it: poll (with a guard).
    bool configBecomes(const QString& topic, const QString& key, const std::function<bool(const ConfigEntry&)>& wanted)
    {
        for (int i = 0; i < 100; ++i) {
            const auto cfg = configs(ConfigResourceType::Topic, topic);
            const auto* e = cfg.ok() ? findEntry(*cfg.value, key) : nullptr;
            if (e && wanted(*e))
                return true;
            QEventLoop loop;
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return false;
    }
    // Metadata reaches every broker a moment after the controller wrote it: poll (with a guard), do not sleep.
    bool topicExists(const QString& name, bool expected)
    {
        for (int i = 0; i < 100; ++i) {
            const auto md = metadata(QStringList { name });
            const auto* t = md.ok() ? md.value->topic(name) : nullptr;
            const bool exists = t && t->errorCode == 0 && !t->partitions.isEmpty();
            if (exists == expected)
                return true;
            QEventLoop loop;
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return false;
    }
};

CreateTopicsRequest oneTopic(const QString& name, bool validateOnly)
{
    CreateTopicsRequest request;
    CreatableTopic t;
    t.name = name;
    t.numPartitions = 3;
    t.replicationFactor = 2;
    t.configs = { { QStringLiteral("retention.ms"), QStringLiteral("3600000") } };
    request.topics = { t };
    request.validateOnly = validateOnly;
    return request;
}

} // namespace

TEST_F(RealClusterWrites, ValidateOnlyCreatesNothingThenTheRealRequestCreatesTheTopicAsAsked)
{
    const auto name = itest::uniqueTopic("create");
    const auto dry = create(oneTopic(name, true));
    ASSERT_TRUE(dry.ok()) << dry.error.message.toStdString();
    ASSERT_EQ(dry.value->topics.size(), 1);
    EXPECT_EQ(dry.value->topics[0].errorCode, 0) << dry.value->topics[0].errorMessage.value_or(QString()).toStdString();
    EXPECT_TRUE(topicExists(name, false));

    const auto real = create(oneTopic(name, false));
    ASSERT_TRUE(real.ok()) << real.error.message.toStdString();
    const auto& result = real.value->topics.at(0);
    EXPECT_EQ(result.errorCode, 0) << result.errorMessage.value_or(QString()).toStdString();
    EXPECT_EQ(result.numPartitions, 3); // v5+ answers what it created
    EXPECT_EQ(result.replicationFactor, 2);
    EXPECT_FALSE(result.topicId.isEmpty()); // v7
    ASSERT_TRUE(topicExists(name, true));
    const auto md = metadata(QStringList { name });
    ASSERT_TRUE(md.ok());
    EXPECT_EQ(md.value->topic(name)->partitions.size(), 3);
    EXPECT_EQ(md.value->topic(name)->replicationFactor(), 2);
    const auto cfg = configs(ConfigResourceType::Topic, name);
    ASSERT_TRUE(cfg.ok());
    ASSERT_NE(findEntry(*cfg.value, QStringLiteral("retention.ms")), nullptr);
    EXPECT_EQ(findEntry(*cfg.value, QStringLiteral("retention.ms"))->value, QStringLiteral("3600000"));

    const auto again = create(oneTopic(name, false));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value->topics.at(0).errorCode, 36); // TOPIC_ALREADY_EXISTS
}

TEST_F(RealClusterWrites, IncrementalConfigChangesTouchOnlyTheNamedConfig)
{
    const auto name = itest::uniqueTopic("configs");
    ASSERT_EQ(itest::createTopic(name, 1, 1, { { "retention.ms", "3600000" }, { "cleanup.policy", "compact" } }), "");
    AlterConfigsResource set { ConfigResourceType::Topic, name,
        { { QStringLiteral("retention.ms"), ConfigOperation::Set, QStringLiteral("7200000") } } };
    const auto dry = alter(set, true);
    ASSERT_TRUE(dry.ok()) << dry.error.message.toStdString();
    EXPECT_EQ(findEntry(*configs(ConfigResourceType::Topic, name).value, QStringLiteral("retention.ms"))->value,
        QStringLiteral("3600000")); // validate-only changed nothing

    const auto done = alter(set);
    ASSERT_TRUE(done.ok()) << done.error.message.toStdString();
    EXPECT_TRUE(configBecomes(name, QStringLiteral("retention.ms"),
        [](const ConfigEntry& e) { return e.value == QStringLiteral("7200000"); }));
    auto cfg = configs(ConfigResourceType::Topic, name);
    ASSERT_TRUE(cfg.ok());
    EXPECT_EQ(findEntry(*cfg.value, QStringLiteral("cleanup.policy"))->value, QStringLiteral("compact")); // intact

    const auto back = alter({ ConfigResourceType::Topic, name,
        { { QStringLiteral("retention.ms"), ConfigOperation::Delete, std::nullopt } } });
    ASSERT_TRUE(back.ok()) << back.error.message.toStdString();
    EXPECT_TRUE(configBecomes(
        name, QStringLiteral("retention.ms"), [](const ConfigEntry& e) { return e.source == ConfigSource::Default; }));
    cfg = configs(ConfigResourceType::Topic, name);
    EXPECT_EQ(findEntry(*cfg.value, QStringLiteral("cleanup.policy"))->value, QStringLiteral("compact"));

    const auto bad = alter({ ConfigResourceType::Topic, name,
        { { QStringLiteral("retention.ms"), ConfigOperation::Set, QStringLiteral("abc") } } });
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error.kind, AdminError::Kind::Kafka);
    EXPECT_EQ(bad.error.kafkaCode, 40); // INVALID_CONFIG
    EXPECT_TRUE(bad.error.message.contains(QStringLiteral("INVALID_CONFIG"))) << bad.error.message.toStdString();
}

TEST_F(RealClusterWrites, BrokerConfigsChangeOnThatBrokerAndClusterDefaultsAnywhere)
{
    const auto md = metadata();
    ASSERT_TRUE(md.ok());
    const auto id = QString::number(md.value->brokers.first().nodeId);
    const auto one = alter({ ConfigResourceType::Broker, id,
                               { { QStringLiteral("num.io.threads"), ConfigOperation::Set, QStringLiteral("8") } } },
        true);
    EXPECT_TRUE(one.ok()) << one.error.message.toStdString();
    const auto all = alter({ ConfigResourceType::Broker, QString(),
                               { { QStringLiteral("num.io.threads"), ConfigOperation::Set, QStringLiteral("8") } } },
        true);
    EXPECT_TRUE(all.ok()) << all.error.message.toStdString();
}

TEST_F(RealClusterWrites, DeleteRemovesTheTopicAndAMissingOneSaysSo)
{
    const auto name = itest::uniqueTopic("delete");
    ASSERT_EQ(itest::createTopic(name, 2, 2), "");
    const auto gone = remove(name);
    ASSERT_TRUE(gone.ok()) << gone.error.message.toStdString();
    ASSERT_EQ(gone.value->results.size(), 1);
    EXPECT_EQ(gone.value->results[0].errorCode, 0);
    EXPECT_TRUE(topicExists(name, false));
    const auto again = remove(name);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value->results.at(0).errorCode, 3); // UNKNOWN_TOPIC_OR_PARTITION
}

TEST_F(RealClusterWrites, TheSessionCreatesChangesAndDeletesThroughItsWorkerAndDropsResultsForAGoneContext)
{
    // The GUI's path: ClusterSession posts to its admin thread, the result comes back to the GUI thread.
    ClusterSession session;
    QEventLoop loop;
    QObject::connect(&session, &ClusterSession::metadataAvailable, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    session.connectTo({ QStringLiteral("real"), itest::bootstrap(), false });
    loop.exec();
    ASSERT_EQ(session.state(), ClusterSession::State::Connected);

    const auto name = itest::uniqueTopic("session");
    QObject context;
    auto created = waitFor<AdminResult<CreateTopicsResponse>>(
        [&](auto done) { session.createTopics(oneTopic(name, false), &context, done); });
    ASSERT_TRUE(created.has_value());
    ASSERT_TRUE(created->ok()) << created->error.message.toStdString();
    EXPECT_EQ(created->value->topics.at(0).errorCode, 0);
    ASSERT_TRUE(topicExists(name, true));

    auto altered = waitFor<AdminResult<AlterConfigsResourceResponse>>([&](auto done) {
        session.alterConfigs({ ConfigResourceType::Topic, name,
                                 { { QStringLiteral("retention.ms"), ConfigOperation::Set, QStringLiteral("1000") } } },
            true, &context, done);
    });
    ASSERT_TRUE(altered.has_value());
    EXPECT_TRUE(altered->ok()) << altered->error.message.toStdString();

    // A context that is gone before the answer: nothing is delivered.
    bool called = false;
    {
        QObject shortLived;
        session.deleteTopics({ name }, &shortLived, [&](const auto&) { called = true; });
    }
    EXPECT_TRUE(topicExists(name, false)); // the delete itself went through
    EXPECT_FALSE(called);
}

TEST_F(RealClusterWrites, AReadOnlySessionReadsConfigsWithTheirDocumentationAndSendsNoWrite)
{
    const auto name = itest::uniqueTopic("readonly");
    ASSERT_EQ(itest::createTopic(name, 1, 1, { { "retention.ms", "3600000" } }), "");
    ClusterSession session;
    QEventLoop loop;
    QObject::connect(&session, &ClusterSession::metadataAvailable, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    ConnectionProfile profile { QStringLiteral("real"), itest::bootstrap(), false };
    profile.readOnly = true;
    session.connectTo(profile);
    loop.exec();
    ASSERT_EQ(session.state(), ClusterSession::State::Connected);

    // Reading works, and the configs editor's tooltips come from the broker's own documentation.
    std::optional<ConfigResourceResult> loaded;
    QEventLoop configLoop;
    QObject::connect(&session, &ClusterSession::configsAvailable, &configLoop, [&](const ConfigResourceResult& r) {
        loaded = r;
        configLoop.quit();
    });
    QObject::connect(&session, &ClusterSession::configsFailed, &configLoop, &QEventLoop::quit);
    QTimer::singleShot(30000, &configLoop, &QEventLoop::quit);
    session.loadConfigs(ConfigResourceType::Topic, name);
    configLoop.exec();
    ASSERT_TRUE(loaded.has_value());
    const auto* retention = findEntry(*loaded, QStringLiteral("retention.ms"));
    ASSERT_NE(retention, nullptr);
    EXPECT_FALSE(retention->documentation.isEmpty());
    EXPECT_EQ(retention->configType, 5); // LONG

    // A write is refused by KafScope itself: nothing reaches the cluster.
    QObject context;
    auto altered = waitFor<AdminResult<AlterConfigsResourceResponse>>([&](auto done) {
        session.alterConfigs({ ConfigResourceType::Topic, name,
                                 { { QStringLiteral("retention.ms"), ConfigOperation::Set, QStringLiteral("1000") } } },
            false, &context, done);
    });
    ASSERT_TRUE(altered.has_value());
    ASSERT_FALSE(altered->ok());
    EXPECT_EQ(altered->error.kind, AdminError::Kind::Refused);
    EXPECT_TRUE(altered->error.message.contains(QStringLiteral("read-only")));
    auto deleted = waitFor<AdminResult<DeleteTopicsResponse>>(
        [&](auto done) { session.deleteTopics({ name }, &context, done); });
    ASSERT_TRUE(deleted.has_value());
    EXPECT_EQ(deleted->error.kind, AdminError::Kind::Refused);
    const auto after = configs(ConfigResourceType::Topic, name);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(findEntry(*after.value, QStringLiteral("retention.ms"))->value, QStringLiteral("3600000"));
    EXPECT_TRUE(topicExists(name, true));
}

// ---- issue #7, step 2: partition count, retention and log dirs ----

namespace {

struct RealClusterPartitions : RealClusterWrites
{
    AdminResult<CreatePartitionsResponse> grow(const QString& topic, int count, bool validateOnly)
    {
        CreatePartitionsRequest request;
        request.topics = { { topic, count, std::nullopt } };
        request.validateOnly = validateOnly;
        return delivered(
            waitFor<AdminResult<CreatePartitionsResponse>>([&](auto done) { admin->createPartitions(request, done); }));
    }
    int partitionCount(const QString& topic)
    {
        const auto md = metadata(QStringList { topic });
        const auto* t = md.ok() ? md.value->topic(topic) : nullptr;
        return t ? int(t->partitions.size()) : -1;
    }
    bool partitionsBecome(const QString& topic, int count)
    {
        for (int i = 0; i < 100; ++i) {
            if (partitionCount(topic) == count)
                return true;
            QEventLoop loop;
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return false;
    }
};

qint64 segmentBytes(const QString& partitionDir)
{
    qint64 total = 0;
    for (const auto& file : QDir(partitionDir).entryInfoList({ QStringLiteral("*.log") }, QDir::Files))
        total += file.size();
    return total;
}

} // namespace

TEST_F(RealClusterPartitions, PartitionsAreAddedAfterAValidateOnlyCheckThatChangesNothing)
{
    const auto name = itest::uniqueTopic("grow");
    ASSERT_EQ(itest::createTopic(name, 3, 2), "");
    const auto checked = grow(name, 6, true);
    ASSERT_TRUE(checked.ok()) << checked.error.message.toStdString();
    EXPECT_EQ(checked.value->results.at(0).errorCode, 0);
    EXPECT_EQ(partitionCount(name), 3); // validate-only: nothing changed

    const auto grown = grow(name, 6, false);
    ASSERT_TRUE(grown.ok()) << grown.error.message.toStdString();
    EXPECT_EQ(grown.value->results.at(0).errorCode, 0);
    EXPECT_TRUE(partitionsBecome(name, 6));

    // The broker refuses a decrease too (KafScope refuses it before sending: the CLI and dialog tests show that).
    const auto shrink = grow(name, 2, true);
    ASSERT_TRUE(shrink.ok());
    EXPECT_EQ(shrink.value->results.at(0).errorCode, 37); // INVALID_PARTITIONS
}

TEST_F(RealClusterPartitions, LogDirSizesMatchThePartitionDirectoriesOnDisk)
{
    const auto name = itest::uniqueTopic("logdirs");
    ASSERT_EQ(itest::createTopic(name, 3, 2), "");
    ASSERT_EQ(itest::produce(name, 3000, 50), "");
    const auto r = delivered(waitFor<AdminResult<QList<BrokerLogDirs>>>(
        [&](auto done) { admin->describeLogDirs(QStringList { name }, {}, done); }));
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    ASSERT_EQ(r.value->size(), 3); // every broker answered
    int replicas = 0;
    qint64 total = 0;
    for (const auto& broker : *r.value) {
        EXPECT_TRUE(broker.error.isEmpty()) << broker.error.toStdString();
        for (const auto& dir : broker.dirs) {
            EXPECT_EQ(dir.errorCode, 0);
            for (const auto& topic : dir.topics) {
                if (topic.name != name)
                    continue;
                for (const auto& p : topic.partitions) {
                    ++replicas;
                    total += p.size;
                    // The test cluster runs here: the broker's log dir is a directory of this machine.
                    const QString partitionDir = QStringLiteral("%1/%2-%3").arg(dir.logDir, name).arg(p.partition);
                    ASSERT_TRUE(QFileInfo(partitionDir).isDir()) << partitionDir.toStdString();
                    EXPECT_EQ(p.size, segmentBytes(partitionDir)) << partitionDir.toStdString();
                }
            }
        }
    }
    EXPECT_EQ(replicas, 6); // 3 partitions x RF 2
    EXPECT_GT(total, 3000 * 2 * 10); // every record is on two brokers
}

TEST_F(RealClusterPartitions, RetentionChangesLeaveTheOtherDynamicConfigsIntact)
{
    const auto name = itest::uniqueTopic("retention");
    ASSERT_EQ(itest::createTopic(name, 1, 2,
                  { { "min.insync.replicas", "2" }, { "cleanup.policy", "delete" }, { "retention.ms", "3600000" },
                      { "max.message.bytes", "200000" } }),
        "");
    // What the Retention dialog sends: only the values that change.
    const auto r = alter({ ConfigResourceType::Topic, name,
        { { QStringLiteral("retention.ms"), ConfigOperation::Set, QStringLiteral("86400000") },
            { QStringLiteral("retention.bytes"), ConfigOperation::Set, QStringLiteral("1073741824") } } });
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    EXPECT_TRUE(configBecomes(name, QStringLiteral("retention.ms"),
        [](const ConfigEntry& e) { return e.value == QStringLiteral("86400000"); }));
    EXPECT_TRUE(configBecomes(name, QStringLiteral("retention.bytes"),
        [](const ConfigEntry& e) { return e.value == QStringLiteral("1073741824"); }));
    const auto after = configs(ConfigResourceType::Topic, name);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(findEntry(*after.value, QStringLiteral("min.insync.replicas"))->value, QStringLiteral("2"));
    EXPECT_EQ(findEntry(*after.value, QStringLiteral("max.message.bytes"))->value, QStringLiteral("200000"));
    EXPECT_EQ(findEntry(*after.value, QStringLiteral("max.message.bytes"))->source, ConfigSource::DynamicTopic);
    EXPECT_EQ(findEntry(*after.value, QStringLiteral("cleanup.policy"))->source, ConfigSource::DynamicTopic);
}

TEST_F(RealClusterPartitions, OffsetsAtATimeFindTheFirstRecordThatNew)
{
    const auto name = itest::uniqueTopic("offsets-at");
    ASSERT_EQ(itest::createTopic(name, 2, 1), "");
    ASSERT_EQ(itest::produce(name, 100, 10), "");
    const auto md = metadata(QStringList { name });
    ASSERT_TRUE(md.ok());
    // Every record is older than a minute from now, and newer than an hour ago.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto future = delivered(
        waitFor<AdminResult<OffsetsAt>>([&](auto done) { admin->offsetsAt(*md.value, { name }, now + 60000, done); }));
    ASSERT_TRUE(future.ok());
    ASSERT_EQ(future.value->offsets.size(), 2);
    for (const auto& po : future.value->offsets)
        EXPECT_EQ(po.offset, -1) << "partition " << po.partition;
    const auto past = delivered(waitFor<AdminResult<OffsetsAt>>(
        [&](auto done) { admin->offsetsAt(*md.value, { name }, now - 3600000, done); }));
    ASSERT_TRUE(past.ok());
    for (const auto& po : past.value->offsets)
        EXPECT_EQ(po.offset, 0) << "partition " << po.partition;
    EXPECT_TRUE(past.value->errors.isEmpty());
}

TEST_F(RealClusterPartitions, TheSessionAddsPartitionsAndReadsLogDirsAndOffsetsForTheDialogs)
{
    // The Add partitions and Retention dialogs' path: ClusterSession on its admin thread.
    const auto name = itest::uniqueTopic("session-grow");
    ASSERT_EQ(itest::createTopic(name, 2, 2), "");
    ASSERT_EQ(itest::produce(name, 100, 10), "");
    ClusterSession session;
    QEventLoop loop;
    QObject::connect(&session, &ClusterSession::metadataAvailable, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    session.connectTo({ QStringLiteral("real"), itest::bootstrap(), false });
    loop.exec();
    ASSERT_EQ(session.state(), ClusterSession::State::Connected);
    QObject context;

    const auto dirs = waitFor<AdminResult<QList<BrokerLogDirs>>>(
        [&](auto done) { session.describeLogDirs({ name }, &context, done); });
    ASSERT_TRUE(dirs.has_value() && dirs->ok());
    int replicas = 0;
    for (const auto& broker : *dirs->value)
        for (const auto& dir : broker.dirs)
            for (const auto& topic : dir.topics)
                replicas += topic.name == name ? int(topic.partitions.size()) : 0;
    EXPECT_EQ(replicas, 4);

    const auto latest
        = waitFor<AdminResult<OffsetsAt>>([&](auto done) { session.offsetsAt(name, -1, &context, done); });
    ASSERT_TRUE(latest.has_value() && latest->ok());
    qint64 records = 0;
    for (const auto& po : latest->value->offsets)
        records += po.offset;
    EXPECT_EQ(records, 100);

    CreatePartitionsRequest request;
    request.topics = { { name, 5, std::nullopt } };
    const auto grown = waitFor<AdminResult<CreatePartitionsResponse>>(
        [&](auto done) { session.createPartitions(request, &context, done); });
    ASSERT_TRUE(grown.has_value() && grown->ok()) << (grown ? grown->error.message.toStdString() : "");
    EXPECT_EQ(grown->value->results.at(0).errorCode, 0);
    EXPECT_TRUE(partitionsBecome(name, 5));
}
