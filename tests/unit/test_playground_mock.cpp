// The group playground (issue #8) on librdkafka's mock broker: N members get disjoint assignments that cover every
// partition, stopping one moves its partitions to the others; the rebalance sentences and the check for assignments
// that do not settle (librdkafka 2.0.2's cooperative-sticky bugs) as pure logic; the demo group listed and described
// by the session with lag from OffsetFetch.
#include "kafka/client/playground.h"
#include "kafka/clustersession.h"
#include "kafka/demo/democluster.h"
#include "mockcluster.h"

#include <QSet>
#include <gtest/gtest.h>

using namespace kafscope;
using kafscope::test::waitFor;
using kafscope::test::waitUntil;
using State = PlaygroundMember::State;

namespace {

PlaygroundMember member(int id, State state, QList<int32_t> partitions, int rebalances = 1)
{
    PlaygroundMember m;
    m.id = id;
    m.state = state;
    m.partitions = std::move(partitions);
    m.rebalances = rebalances;
    return m;
}

// Every active member assigned, the partitions disjoint and all of 0..n-1 owned.
bool coversDisjointly(const QList<PlaygroundMember>& members, int n, int activeWanted)
{
    QSet<int32_t> seen;
    int active = 0;
    for (const auto& m : members) {
        if (!m.isActive())
            continue;
        ++active;
        if (m.state != State::Assigned)
            return false;
        for (const auto p : m.partitions) {
            if (seen.contains(p))
                return false;
            seen.insert(p);
        }
    }
    return active == activeWanted && seen.size() == n;
}

std::string dump(const QList<PlaygroundMember>& members)
{
    std::string out;
    for (const auto& m : members)
        out += m.clientId.toStdString() + " " + memberStateName(m.state).toStdString() + " ["
            + partitionListText(m.partitions).toStdString() + "] ";
    return out;
}

} // namespace

TEST(PlaygroundLogic, RebalanceSentencesSayWhatMoved)
{
    const AssignmentSnapshot before { { 1, { 0, 1, 2 } }, { 2, { 3, 4 } }, { 3, { 5 } } };
    EXPECT_EQ(describeRebalance(before, { { 1, { 0, 1, 2, 3, 4 } }, { 3, { 5 } } }),
        QStringList { QStringLiteral("member 2 left: partitions 3, 4 moved to member 1") });
    EXPECT_EQ(describeRebalance(before, { { 1, { 0, 1, 2, 3 } }, { 3, { 4, 5 } } }),
        QStringList { QStringLiteral("member 2 left: partition 3 moved to member 1 and partition 4 to member 3") });
    EXPECT_EQ(describeRebalance({ { 1, { 0, 1, 2, 3 } } }, { { 1, { 0, 1 } }, { 2, { 2, 3 } } }),
        QStringList { QStringLiteral("member 2 joined: takes partitions 2, 3 from member 1") });
    EXPECT_EQ(describeRebalance({ { 1, { 0, 1 } }, { 2, { 2, 3 } } }, { { 1, { 0, 2 } }, { 2, { 1, 3 } } }),
        (QStringList { QStringLiteral("partition 1 moved from member 1 to member 2"),
            QStringLiteral("partition 2 moved from member 2 to member 1") }));
    EXPECT_TRUE(describeRebalance(before, before).isEmpty());
}

TEST(PlaygroundLogic, AnUnsettledCooperativeAssignmentNamesLibrdkafka202)
{
    AssignmentCheck check;
    const QList<PlaygroundMember> stuck { member(1, State::Assigned, { 0, 1, 2, 3 }), member(2, State::Assigned, {}) };
    check.update(1000, stuck, 4, assignor::cooperativeSticky);
    EXPECT_TRUE(check.problem().isEmpty()) << "not before the settle time";
    check.update(1000 + AssignmentCheck::kSettleMs, stuck, 4, assignor::cooperativeSticky);
    EXPECT_TRUE(check.problem().contains(QStringLiteral("Member 2 owns no partition while member 1 owns 4")))
        << check.problem().toStdString();
    EXPECT_TRUE(check.problem().contains(QStringLiteral("librdkafka 2.0.2")));
    EXPECT_TRUE(check.problem().contains(QStringLiteral("2.2.0")));

    AssignmentCheck range;
    range.update(0, stuck, 4, assignor::range);
    range.update(AssignmentCheck::kSettleMs, stuck, 4, assignor::range);
    EXPECT_FALSE(range.problem().contains(QStringLiteral("2.0.2")));
    EXPECT_FALSE(range.problem().isEmpty());

    AssignmentCheck fine;
    const QList<PlaygroundMember> good { member(1, State::Assigned, { 0, 1 }), member(2, State::Assigned, { 2, 3 }),
        member(3, State::Stopped, {}) };
    fine.update(0, good, 4, assignor::cooperativeSticky);
    fine.update(AssignmentCheck::kSettleMs * 3, good, 4, assignor::cooperativeSticky);
    EXPECT_TRUE(fine.problem().isEmpty()) << fine.problem().toStdString();

    AssignmentCheck overlap;
    const QList<PlaygroundMember> twice { member(1, State::Assigned, { 0, 1, 2 }),
        member(2, State::Assigned, { 2, 3 }) };
    overlap.update(0, twice, 4, assignor::cooperativeSticky);
    overlap.update(AssignmentCheck::kSettleMs, twice, 4, assignor::cooperativeSticky);
    EXPECT_TRUE(overlap.problem().contains(QStringLiteral("Partition 2 is owned by member 1 and member 2")));

    AssignmentCheck errors;
    errors.noteError(QStringLiteral("incremental_assign failed: boom"), assignor::cooperativeSticky);
    errors.update(0, good, 4, assignor::cooperativeSticky);
    EXPECT_TRUE(errors.problem().contains(QStringLiteral("boom")));
    EXPECT_TRUE(errors.problem().contains(QStringLiteral("2.2.0")));
}

TEST(PlaygroundLogic, DemoPaceRisesFallsAndPauses)
{
    const double crest = demo::DemoCluster::demoGroupPace(0);
    const double trough = demo::DemoCluster::demoGroupPace(60000);
    EXPECT_GT(crest * 2, demo::DemoCluster::kEventsPerSecond) << "at the crest the group is faster than the producer";
    EXPECT_LT(trough * 2, demo::DemoCluster::kEventsPerSecond) << "in the trough it is slower";
    EXPECT_EQ(demo::DemoCluster::demoGroupPace(210000), 0.0) << "paused for a while every four minutes";
}

class PlaygroundMock : public ::testing::TestWithParam<const char*>
{
};

TEST_P(PlaygroundMock, MembersCoverEveryPartitionDisjointlyAndStoppingOneRebalances)
{
    test::MockCluster mock;
    ASSERT_TRUE(mock.createTopic("lessons", 6));
    GroupPlayground playground;
    PlaygroundOptions options;
    options.bootstrap = mock.bootstrap();
    options.topic = QStringLiteral("lessons");
    options.group = QStringLiteral("playground-test-") + QString::fromUtf8(GetParam());
    options.assignor = QString::fromUtf8(GetParam());
    options.members = 3;
    playground.start(options);
    ASSERT_TRUE(waitUntil([&] { return coversDisjointly(playground.members(), 6, 3); }, 60000))
        << dump(playground.members());
    for (const auto& m : playground.members()) {
        EXPECT_EQ(m.clientId, QStringLiteral("playground-%1").arg(m.id));
        EXPECT_FALSE(m.memberId.isEmpty());
        EXPECT_EQ(m.partitions.size(), 2) << dump(playground.members());
    }

    playground.stopMember(2);
    ASSERT_TRUE(waitUntil(
        [&] { return coversDisjointly(playground.members(), 6, 2) && playground.members()[1].state == State::Stopped; },
        60000))
        << dump(playground.members());
    EXPECT_TRUE(playground.members()[1].partitions.isEmpty());

    playground.addMember();
    ASSERT_TRUE(waitUntil([&] { return coversDisjointly(playground.members(), 6, 3); }, 60000))
        << dump(playground.members());
    // Every member leaves at once: each one's close is bounded (15 s, then it goes without a goodbye), so the threads
    // end well within this wait even under a sanitizer on a busy machine.
    playground.shutdown();
    EXPECT_TRUE(waitUntil([&] { return playground.hasFinished(); }, 60000));
}

INSTANTIATE_TEST_SUITE_P(
    Assignors, PlaygroundMock, ::testing::Values("range", "roundrobin", "cooperative-sticky"), [](const auto& info) {
        std::string name = info.param;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

TEST(PlaygroundMockPace, PausedMembersConsumeNothingAndResume)
{
    test::MockCluster mock;
    ASSERT_TRUE(mock.createTopic("paced", 2));
    // Some records to consume.
    char err[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", mock.bootstrap().toUtf8().constData(), err, sizeof err);
    rd_kafka_t* producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    ASSERT_NE(producer, nullptr);
    for (int i = 0; i < 200; ++i)
        rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("paced"), RD_KAFKA_V_VALUE(const_cast<char*>("x"), 1),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    rd_kafka_flush(producer, 10000);
    rd_kafka_destroy(producer);

    GroupPlayground playground;
    PlaygroundOptions options;
    options.bootstrap = mock.bootstrap();
    options.topic = QStringLiteral("paced");
    options.group = QStringLiteral("paced-group");
    options.members = 1;
    options.recordsPerSecond = 0;
    playground.start(options);
    ASSERT_TRUE(waitUntil([&] { return coversDisjointly(playground.members(), 2, 1); }, 60000));
    EXPECT_TRUE(test::holdsFor([&] { return playground.members()[0].consumed == 0; }, 1500));
    playground.setPace(20);
    ASSERT_TRUE(waitUntil([&] { return playground.members()[0].consumed > 0; }, 20000));
    test::spin(1000);
    EXPECT_LT(playground.members()[0].consumed, 60) << "20 records/s";
    playground.setPace(PlaygroundOptions::kUnlimited);
    EXPECT_TRUE(waitUntil([&] { return playground.members()[0].consumed == 200; }, 20000));
}

// The demo: the mock cannot list groups, so the session lists the groups it runs itself, with lag from OffsetFetch.
// The demo's brokers in the session's process (what `kafscope` runs), or served elsewhere and named by the profile's
// bootstrap (what bench_soak runs, so the brokers' memory is not counted as the app's): the same demo either way,
// the demo group run by the session and ListOffsets capped for the mock.
class DemoGroup : public ::testing::TestWithParam<bool>
{
};

TEST_P(DemoGroup, IsListedWithLagFromOffsetFetchThatChanges)
{
    std::unique_ptr<demo::DemoCluster> elsewhere;
    ConnectionProfile profile;
    profile.demo = true;
    if (GetParam()) {
        QString error;
        elsewhere = demo::DemoCluster::start(&error);
        ASSERT_TRUE(elsewhere) << error.toStdString();
        profile.bootstrap = elsewhere->bootstrapServers();
    }
    ClusterSession session;
    session.connectTo(profile);
    ASSERT_TRUE(waitUntil([&] { return session.state() == Cluster::State::Connected; }, 30000));
    std::optional<AdminResult<GroupList>> list;
    ASSERT_TRUE(waitUntil(
        [&] {
            list = waitFor<AdminResult<GroupList>>([&](auto done) { session.listGroups(&session, done); });
            return list && list->ok() && !list->value->groups.isEmpty();
        },
        30000));
    EXPECT_EQ(list->value->groups.first().name, demo::DemoCluster::demoGroup);
    EXPECT_EQ(list->value->groups.first().type, group_type::classic);
    EXPECT_TRUE(list->value->note.contains(QStringLiteral("mock broker cannot list")));

    std::string lastError;
    auto lagNow = [&]() -> std::optional<int64_t> {
        const auto d = waitFor<AdminResult<admin::GroupDetail>>([&](auto done) {
            session.describeGroup(demo::DemoCluster::demoGroup, group_type::classic, &session, done);
        });
        if (!d || !d->ok()) {
            lastError = d ? d->error.message.toStdString() : "no answer";
            return std::nullopt;
        }
        lastError = "members " + std::to_string(d->value->description.members.size()) + ", partitions "
            + std::to_string(d->value->lag.partitions.size()) + ", total "
            + std::to_string(d->value->lag.total.value_or(-1)) + " "
            + d->value->lag.errors.join(QLatin1Char(';')).toStdString() + " "
            + d->value->committed.errorMessage.toStdString();
        if (d->value->description.members.size() != 2 || d->value->lag.partitions.size() != 6 || !d->value->lag.total)
            return std::nullopt;
        return d->value->lag.total;
    };
    std::optional<int64_t> first;
    ASSERT_TRUE(waitUntil([&] { return bool(first = lagNow()); }, 60000))
        << "the demo group commits offsets: " << lastError;
    std::optional<int64_t> later = first;
    ASSERT_TRUE(waitUntil(
        [&] {
            later = lagNow();
            return later && *later != *first;
        },
        30000))
        << "the lag moves: " << lastError;

    const auto summaries = waitFor<AdminResult<QList<admin::GroupSummary>>>(
        [&](auto done) { session.summarizeGroups(list->value->groups, &session, done); });
    ASSERT_TRUE(summaries && summaries->ok());
    ASSERT_EQ(summaries->value->size(), 1);
    EXPECT_EQ(summaries->value->first().memberCount, 2);
    EXPECT_TRUE(summaries->value->first().totalLag.has_value());
    EXPECT_EQ(summaries->value->first().topics, QStringList { QStringLiteral("orders") });
    if (elsewhere) {
        EXPECT_EQ(session.bootstrapServers(), elsewhere->bootstrapServers());
    }
}

INSTANTIATE_TEST_SUITE_P(Brokers, DemoGroup, ::testing::Values(false, true),
    [](const auto& info) { return info.param ? "ServedElsewhere" : "InTheSessionsProcess"; });
