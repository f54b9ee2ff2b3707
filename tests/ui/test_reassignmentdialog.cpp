// The general reassignment view on the fake cluster (issue #7): plans for moving a broker's replicas off it and for
// a hand-edited JSON, a bad plan refused inline with nothing sent, a start, and a throttle left behind shown and
// removed.
#include "../fakes/fakecluster.h"
#include "ui/dialogs/reassignmentdialog.h"
#include "uitestutil.h"

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

struct Fixture
{
    FakeCluster cluster;
    Fixture()
    {
        cluster.metadataAnswer.brokers = { { 1, QStringLiteral("k1"), 9092, {} }, { 2, QStringLiteral("k2"), 9092, {} },
            { 3, QStringLiteral("k3"), 9092, {} } };
        TopicInfo orders;
        orders.name = QStringLiteral("orders");
        for (int p = 0; p < 3; ++p) {
            PartitionInfo info;
            info.partition = p;
            info.leader = p + 1;
            info.replicas = { p + 1, (p + 1) % 3 + 1 };
            info.isr = info.replicas;
            orders.partitions.append(info);
        }
        cluster.metadataAnswer.topics = { orders };
        cluster.connectTo({ QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), false });
    }
    void load()
    {
        QTRY_COMPARE(cluster.state(), Cluster::State::Connected);
        QTRY_VERIFY(cluster.metadata().topic(QStringLiteral("orders")));
    }
};

ConfigEntry entry(const QString& name, const QString& value, ConfigSource source)
{
    ConfigEntry e;
    e.name = name;
    e.value = value;
    e.source = source;
    return e;
}

} // namespace

class TestReassignmentDialog : public QObject
{
    Q_OBJECT

private slots:
    void movingABrokersReplicasOffItIsPlannedCheckedAndStarted()
    {
        Fixture f;
        f.load();
        ReassignmentDialog dialog(&f.cluster);
        dialog.setGoal(ReassignmentDialog::RemoveBroker, QStringLiteral("2"));
        dialog.makePlan();
        QVERIFY2(dialog.json().contains(QStringLiteral("\"version\": 1")), qPrintable(dialog.json()));
        QCOMPARE(dialog.plan().moves.size(), 2); // the partitions with a replica on broker 2
        for (const auto& m : dialog.plan().moves)
            QVERIFY(!m.after.contains(2));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("copies 2 replica(s) (minimum 2)")));
        QVERIFY(dialog.canStart());
        dialog.start();
        QTRY_COMPARE(f.cluster.reassignRequests.size(), 1);
        QTRY_COMPARE(dialog.phase(), ReassignmentRunner::Phase::Done);
    }

    void aBadHandMadePlanIsRefusedInlineAndNothingIsSent_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QStringLiteral("{") << QStringLiteral("Not JSON");
        QTest::newRow("unknown broker") << QStringLiteral(
            R"({"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[7]}]})")
                                        << QStringLiteral("broker 7 is not in the cluster");
        QTest::newRow("unknown partition")
            << QStringLiteral(R"({"version":1,"partitions":[{"topic":"orders","partition":9,"replicas":[1]}]})")
            << QStringLiteral("not a partition");
        QTest::newRow("log dirs") << QStringLiteral(
            R"({"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[1],"log_dirs":["/x"]}]})")
                                  << QStringLiteral("between brokers only");
    }

    void aBadHandMadePlanIsRefusedInlineAndNothingIsSent()
    {
        QFETCH(QString, json);
        QFETCH(QString, reason);
        Fixture f;
        f.load();
        ReassignmentDialog dialog(&f.cluster);
        dialog.setJson(json);
        QVERIFY(!dialog.checkPlan());
        QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
        QVERIFY(!dialog.canStart());
        dialog.start();
        QVERIFY(f.cluster.reassignRequests.isEmpty());
    }

    void theCurrentAssignmentCanBeEditedByHand()
    {
        Fixture f;
        f.load();
        ReassignmentDialog dialog(&f.cluster);
        dialog.setGoal(ReassignmentDialog::ByHand, QStringLiteral("orders"));
        dialog.makePlan();
        QVERIFY(dialog.checkPlan());
        QVERIFY(dialog.plan().moves.isEmpty()); // unchanged: nothing to move
        QVERIFY(!dialog.canStart());
        dialog.setJson(
            QStringLiteral(R"({"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[3,1]}]})"));
        QVERIFY(!dialog.canStart()); // edited: checked again first
        QVERIFY(dialog.checkPlan());
        QCOMPARE(dialog.plan().moves.size(), 1);
        QCOMPARE(dialog.plan().moves[0].after, (QList<int32_t> { 3, 1 }));
        QVERIFY(dialog.canStart());
    }

    void aThrottleLeftBehindIsShownAndRemoved()
    {
        Fixture f;
        ConfigResourceResult broker { ConfigResourceType::Broker, QStringLiteral("2"), 0, {},
            { entry(QStringLiteral("leader.replication.throttled.rate"), QStringLiteral("1000"),
                ConfigSource::DynamicBroker) } };
        ConfigResourceResult topic { ConfigResourceType::Topic, QStringLiteral("orders"), 0, {},
            { entry(QStringLiteral("follower.replication.throttled.replicas"), QStringLiteral("0:3"),
                ConfigSource::DynamicTopic) } };
        f.cluster.configAnswers.insert(FakeCluster::configKey(ConfigResourceType::Broker, QStringLiteral("2")), broker);
        f.cluster.configAnswers.insert(
            FakeCluster::configKey(ConfigResourceType::Topic, QStringLiteral("orders")), topic);
        f.load();
        ReassignmentDialog dialog(&f.cluster);
        QTRY_VERIFY(dialog.leftoverThrottleShown());
        QVERIFY(dialog.runningText().contains(QStringLiteral("No reassignment is running")));
        dialog.removeLeftoverThrottle();
        QTRY_COMPARE(f.cluster.alterRequests.size(), 2);
        QCOMPARE(f.cluster.alterRequests[0].first.type, ConfigResourceType::Broker);
        QCOMPARE(f.cluster.alterRequests[0].first.name, QStringLiteral("2"));
        QCOMPARE(f.cluster.alterRequests[1].first.name, QStringLiteral("orders"));
        for (const auto& [resource, validateOnly] : f.cluster.alterRequests)
            for (const auto& c : resource.configs)
                QCOMPARE(c.operation, protocol::ConfigOperation::Delete);
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("Removed the throttle")), qPrintable(dialog.message()));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestReassignmentDialog)
#include "test_reassignmentdialog.moc"
