// The group playground on the real cluster (issue #8): each member's assignment, as the playground shows it, equals
// what the broker reports for that member (DescribeGroups: client id and assignment), before and after one member
// stops and the group rebalances; for every assignor librdkafka 2.0.2 offers.
#include "../unit/waitfor.h"
#include "kafka/client/playground.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "realcluster.h"

#include <QSet>

using namespace kafscope;
using State = PlaygroundMember::State;

namespace {

// The members the playground has active and assigned, by client id, with their partitions.
QMap<QString, QList<int32_t>> shown(const GroupPlayground& playground)
{
    QMap<QString, QList<int32_t>> out;
    for (const auto& m : playground.members())
        if (m.state == State::Assigned)
            out.insert(m.clientId, m.partitions);
    return out;
}

bool settled(const GroupPlayground& playground, int members, int partitions)
{
    int active = 0;
    QSet<int32_t> owned;
    for (const auto& m : playground.members()) {
        if (!m.isActive())
            continue;
        ++active;
        if (m.state != State::Assigned)
            return false;
        for (const auto p : m.partitions)
            owned.insert(p);
    }
    return active == members && owned.size() == partitions;
}

// What the broker says: client id -> partitions of `topic`, from DescribeGroups, once the group is Stable.
std::optional<QMap<QString, QList<int32_t>>> reported(
    protocol::AdminClient& admin, const QString& group, const QString& topic, QString* state)
{
    const auto d = test::waitFor<AdminResult<GroupDescription>>(
        [&](auto done) { admin.describeGroupAnyType(group, group_type::classic, done); });
    if (!d || !d->ok())
        return std::nullopt;
    *state = d->value->state;
    QMap<QString, QList<int32_t>> out;
    for (const auto& m : d->value->members) {
        QList<int32_t> partitions;
        for (const auto& tp : m.assignment)
            if (tp.topic == topic)
                partitions.append(tp.partition);
        std::sort(partitions.begin(), partitions.end());
        out.insert(m.clientId, partitions);
    }
    return out;
}

std::string text(const QMap<QString, QList<int32_t>>& a)
{
    std::string out;
    for (auto it = a.begin(); it != a.end(); ++it)
        out += it.key().toStdString() + "=[" + partitionListText(it.value()).toStdString() + "] ";
    return out;
}

} // namespace

class PlaygroundReal : public ::testing::TestWithParam<const char*>
{
};

TEST_P(PlaygroundReal, AssignmentEqualsWhatTheBrokerReportsBeforeAndAfterARebalance)
{
    REQUIRE_REAL_CLUSTER();
    const QString topic = itest::uniqueTopic("playground");
    ASSERT_EQ(itest::createTopic(topic, 6, 3), "");
    ASSERT_EQ(itest::produce(topic, 300), "");
    protocol::AdminClient admin(parseBootstrap(itest::bootstrap()).addresses);

    GroupPlayground playground;
    PlaygroundOptions options;
    options.bootstrap = itest::bootstrap();
    options.topic = topic;
    options.group = topic + QStringLiteral("-group");
    options.assignor = QString::fromUtf8(GetParam());
    options.members = 3;
    options.recordsPerSecond = 50;
    playground.start(options);

    auto agree = [&](int members) {
        QMap<QString, QList<int32_t>> broker;
        QString state;
        const bool ok = test::waitUntil(
            [&] {
                if (!settled(playground, members, 6))
                    return false;
                const auto r = reported(admin, options.group, topic, &state);
                if (!r)
                    return false;
                broker = *r;
                return state == QStringLiteral("Stable") && broker == shown(playground);
            },
            90000);
        EXPECT_TRUE(ok) << "playground: " << text(shown(playground)) << " broker (" << state.toStdString()
                        << "): " << text(broker);
        EXPECT_EQ(broker.size(), members);
    };
    agree(3);
    for (const auto& m : playground.members())
        EXPECT_EQ(m.partitions.size(), 2);

    playground.stopMember(2);
    agree(2);
    EXPECT_FALSE(shown(playground).contains(QStringLiteral("playground-2")));
    // The members consume and commit (every second): committed offsets appear (for the partitions that have records:
    // 10 keys need not reach all 6), and the lag is known.
    std::optional<AdminResult<admin::GroupDetail>> detail;
    EXPECT_TRUE(test::waitUntil(
        [&] {
            detail = test::waitFor<AdminResult<admin::GroupDetail>>(
                [&](auto done) { admin.describeGroup(options.group, group_type::classic, done); });
            return detail && detail->ok() && !detail->value->committed.offsets.isEmpty();
        },
        60000));
    ASSERT_TRUE(detail && detail->ok());
    EXPECT_TRUE(detail->value->lag.total.has_value());

    playground.shutdown();
    EXPECT_TRUE(test::waitUntil([&] { return playground.hasFinished(); }, 30000));
}

INSTANTIATE_TEST_SUITE_P(
    Assignors, PlaygroundReal, ::testing::Values("range", "roundrobin", "cooperative-sticky"), [](const auto& info) {
        std::string name = info.param;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });
