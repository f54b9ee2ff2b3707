// The demo cluster (librdkafka mock brokers) seen through our own admin client: the non-flexible Metadata versions
// the mock speaks, offsets that move, and the plain "unsupported" answer for what the mock cannot serve.
#include "kafka/demo/democluster.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "waitfor.h"

#include <QThread>
#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::test::waitFor;

namespace {
struct DemoFixture : ::testing::Test
{
    void SetUp() override
    {
        QString error;
        demo = demo::DemoCluster::start(&error, 20);
        ASSERT_TRUE(demo) << error.toStdString();
        ConnectionOptions options;
        options.versionCaps = demo::DemoCluster::versionCaps();
        admin = std::make_unique<AdminClient>(parseBootstrap(demo->bootstrapServers()).addresses, options);
    }
    AdminResult<ClusterMetadata> metadata()
    {
        return *waitFor<AdminResult<ClusterMetadata>>([&](auto done) { admin->fetchMetadata(std::nullopt, done); });
    }
    std::unique_ptr<demo::DemoCluster> demo;
    std::unique_ptr<AdminClient> admin;
};
} // namespace

TEST_F(DemoFixture, MetadataShowsThreeBrokersAndTheDemoTopics)
{
    const auto md = metadata();
    ASSERT_TRUE(md.ok()) << md.error.message.toStdString();
    EXPECT_EQ(md.value->brokers.size(), 3);
    const auto* orders = md.value->topic(QStringLiteral("orders"));
    ASSERT_NE(orders, nullptr);
    EXPECT_EQ(orders->partitions.size(), 6);
    EXPECT_EQ(orders->replicationFactor(), 3);
    const auto* clicks = md.value->topic(QStringLiteral("clicks"));
    ASSERT_NE(clicks, nullptr);
    EXPECT_EQ(clicks->partitions.size(), 4);
    // The 2.0.2 mock places every partition on min(3, brokers) replicas whatever the topic asked for.
    EXPECT_EQ(clicks->replicationFactor(), 3);
    ASSERT_NE(md.value->topic(QStringLiteral("payments")), nullptr);
    for (const auto& p : orders->partitions)
        EXPECT_GE(p.leader, 1);
}

TEST_F(DemoFixture, OffsetsMoveAsTheDemoProducerWrites)
{
    const auto md = metadata();
    ASSERT_TRUE(md.ok());
    auto total = [&] {
        const auto r = *waitFor<AdminResult<OffsetsSnapshot>>(
            [&](auto done) { admin->listOffsets(*md.value, { QStringLiteral("orders") }, done); });
        EXPECT_TRUE(r.ok());
        EXPECT_TRUE(r.value->errors.isEmpty()) << r.value->errors.join(QLatin1Char(';')).toStdString();
        int64_t sum = 0;
        for (const auto& o : r.value->latest)
            sum += o.offset;
        EXPECT_EQ(r.value->latest.size(), 6);
        EXPECT_EQ(r.value->earliest.size(), 6);
        return sum;
    };
    int64_t first = total();
    // Poll (not a timing assertion): the producer writes continuously, so the sum must grow eventually.
    int64_t later = first;
    for (int i = 0; i < 100 && later <= first; ++i) {
        QThread::msleep(100);
        later = total();
    }
    EXPECT_GT(later, first);
}

TEST_F(DemoFixture, ConfigsAreReportedAsUnsupportedByTheMock)
{
    const auto r = *waitFor<AdminResult<ConfigResourceResult>>(
        [&](auto done) { admin->describeConfigs(ConfigResourceType::Topic, QStringLiteral("orders"), done); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.kind, AdminError::Kind::Unsupported);
}
