// The lag sampler on the real cluster while a broker is stopped (issue #8): sampling goes on, the partitions whose
// leader does not answer are "unknown" (never a lag), the others are still sampled, and after the broker is back
// every partition is sampled again. Runs alone (RUN_SERIAL): a node down would disturb the other tests.
#include "kafka/clustersession.h"
#include "kafka/lag/sampler.h"
#include "kafka/protocol/adminclient.h"
#include "realcluster.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <functional>

using namespace kafscope;

namespace {

bool spinUntil(const std::function<bool()>& condition, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (condition())
            return true;
    }
    return condition();
}

int runScript(const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), args);
    process.waitForFinished(180000);
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

int known(const lag::GroupSample& s)
{
    return int(std::count_if(s.detail.lag.partitions.begin(), s.detail.lag.partitions.end(),
        [](const admin::PartitionLag& p) { return p.latest >= 0; }));
}

} // namespace

TEST(SamplingReal, LagSamplingGoesOnWhileABrokerIsStoppedAndOnlyItsPartitionsAreBlank)
{
    REQUIRE_REAL_CLUSTER();
    const QString topic = itest::uniqueTopic("sampling");
    ASSERT_EQ(itest::createTopic(topic, 6, 3), "");
    ASSERT_EQ(itest::produce(topic, 600), "");
    const QString group = topic + QStringLiteral("-group");
    {
        protocol::AdminClient admin(parseBootstrap(itest::bootstrap()).addresses);
        QList<CommittedOffset> offsets;
        for (int32_t p = 0; p < 6; ++p)
            offsets.append({ topic, p, 1, -1, {}, 0 });
        std::optional<AdminResult<protocol::OffsetCommitResponse>> committed;
        admin.commitGroupOffsets(
            group, offsets, [&](const AdminResult<protocol::OffsetCommitResponse>& r) { committed = r; });
        ASSERT_TRUE(spinUntil([&] { return committed.has_value(); }, 30000));
        ASSERT_TRUE(committed->ok()) << committed->error.message.toStdString();
    }

    ClusterSession session;
    session.connectTo({ QStringLiteral("real"), itest::bootstrap(), false });
    ASSERT_TRUE(spinUntil([&] { return !session.metadata().brokers.isEmpty(); }, 60000));
    lag::LagSampler sampler(&session, nullptr);
    sampler.setIntervalMs(1000);
    std::optional<lag::GroupSample> last;
    int failures = 0;
    QObject::connect(&sampler, &lag::LagSampler::sampled, [&](const QString&, const lag::GroupSample& s) { last = s; });
    QObject::connect(&sampler, &lag::LagSampler::sampleFailed, [&](const QString&, const QString&) { ++failures; });
    sampler.setOpened(group, group_type::classic);
    ASSERT_TRUE(spinUntil([&] { return last && known(*last) == 6; }, 60000));
    int64_t expected = 0;
    for (const auto& p : last->detail.lag.partitions)
        expected += std::max<int64_t>(0, p.latest - 1); // committed at 1 everywhere
    EXPECT_EQ(last->detail.lag.total.value_or(-1), expected);

    // The leader of partition 0 goes down.
    session.refresh();
    spinUntil([&] { return !session.isRefreshing(); }, 10000);
    const auto* info = session.metadata().topic(topic);
    ASSERT_TRUE(info && info->partition(0));
    const int node = info->partition(0)->leader;
    ASSERT_EQ(runScript({ QStringLiteral("stop-node"), QString::number(node) }), 0);
    last.reset();
    int samplesWhileDown = 0;
    bool othersSampled = false;
    spinUntil(
        [&] {
            if (last) {
                ++samplesWhileDown;
                // A partition whose end offset is unknown is "unknown", never a lag.
                for (const auto& p : last->detail.lag.partitions) {
                    if (p.latest < 0) {
                        EXPECT_EQ(p.status, admin::LagStatus::Unknown) << p.partition;
                        EXPECT_FALSE(p.lag.has_value()) << p.partition;
                    }
                }
                othersSampled = othersSampled || known(*last) >= 4;
                last.reset();
            }
            return othersSampled && samplesWhileDown >= 3;
        },
        90000);
    EXPECT_TRUE(othersSampled) << "no sample with the other leaders' partitions while broker " << node << " was down";
    EXPECT_GE(samplesWhileDown, 3);

    ASSERT_EQ(runScript({ QStringLiteral("start-node"), QString::number(node) }), 0);
    EXPECT_TRUE(spinUntil([&] { return last && known(*last) == 6; }, 90000)) << "sampling did not recover";
    session.shutdown();
}
