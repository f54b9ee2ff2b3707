// The Replication factor dialog on the fake cluster (issue #7): bad input is refused inline with nothing sent; the
// plan is previewed per partition with the bytes to copy; a start sets the throttle, starts the reassignment, follows
// it to the end with a progress bar and removes the throttle; a cancel puts the partitions back; the broker's refusal
// is shown with its Kafka error name.
#include "../fakes/fakecluster.h"
#include "ui/dialogs/replicationdialog.h"
#include "uitestutil.h"

#include <QSignalSpy>
#include <QStandardItemModel>

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

struct Fixture
{
    FakeCluster cluster;
    int movingPolls = 2; // ListPartitionReassignments answers "still moving" this many times
    explicit Fixture(bool readOnly = false)
    {
        cluster.metadataAnswer.brokers = { { 1, QStringLiteral("k1"), 9092, QStringLiteral("a") },
            { 2, QStringLiteral("k2"), 9092, QStringLiteral("b") },
            { 3, QStringLiteral("k3"), 9092, QStringLiteral("c") } };
        TopicInfo orders;
        orders.name = QStringLiteral("orders");
        for (int p = 0; p < 3; ++p) {
            PartitionInfo info;
            info.partition = p;
            info.leader = p + 1;
            info.replicas = { p + 1 };
            info.isr = { p + 1 };
            orders.partitions.append(info);
        }
        cluster.metadataAnswer.topics = { orders };
        protocol::BrokerLogDirs one { 1, {}, {} };
        protocol::LogDirResult dir;
        dir.logDir = QStringLiteral("/data");
        dir.topics = { { QStringLiteral("orders"), { { 0, 1 << 20, 0, false } } } };
        one.dirs = { dir };
        cluster.logDirsAnswer = AdminResult<QList<protocol::BrokerLogDirs>>::success({ one });
        cluster.ongoingAnswer = [this] {
            protocol::ListPartitionReassignmentsResponse r;
            if (movingPolls-- > 0)
                r.topics = { { QStringLiteral("orders"), { { 0, { 1, 2, 3 }, { 2, 3 }, {} } } } };
            return AdminResult<protocol::ListPartitionReassignmentsResponse>::success(r);
        };
        ConnectionProfile profile { QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), false };
        profile.readOnly = readOnly;
        cluster.connectTo(profile);
    }
    void load()
    {
        QTRY_COMPARE(cluster.state(), Cluster::State::Connected);
        QTRY_VERIFY(cluster.metadata().topic(QStringLiteral("orders")));
    }
};

} // namespace

class TestReplicationDialog : public QObject
{
    Q_OBJECT

private slots:
    void badInputIsRefusedInlineAndNothingIsSent_data()
    {
        QTest::addColumn<int>("rf");
        QTest::addColumn<QString>("throttle");
        QTest::addColumn<QString>("reason");
        QTest::newRow("rf 0") << 0 << QString() << QStringLiteral("at least 1");
        QTest::newRow("rf above brokers") << 4 << QString() << QStringLiteral("needs 4 brokers; the cluster has 3");
        QTest::newRow("throttle not a number") << 2 << QStringLiteral("fast") << QStringLiteral("positive number");
        QTest::newRow("throttle zero") << 2 << QStringLiteral("0") << QStringLiteral("positive number");
        QTest::newRow("throttle negative") << 2 << QStringLiteral("-3") << QStringLiteral("positive number");
    }

    void badInputIsRefusedInlineAndNothingIsSent()
    {
        QFETCH(int, rf);
        QFETCH(QString, throttle);
        QFETCH(QString, reason);
        Fixture f;
        f.load();
        ReplicationDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.setReplicationFactor(rf);
        if (!throttle.isNull())
            dialog.setThrottle(true, throttle);
        QVERIFY(!dialog.canStart());
        QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
        dialog.start();
        QVERIFY(f.cluster.reassignRequests.isEmpty());
        QVERIFY(f.cluster.alterRequests.isEmpty());
    }

    void thePlanIsPreviewedPerPartitionWithTheBytesToCopy()
    {
        Fixture f;
        f.load();
        ReplicationDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.setReplicationFactor(3);
        QTRY_VERIFY(dialog.summaryText().contains(QStringLiteral("2 MiB"))); // partition 0: 1 MiB to two new replicas
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("copies 6 replica(s) (the minimum possible: 6)")),
            qPrintable(dialog.summaryText()));
        QCOMPARE(dialog.planModel()->rowCount(), 3);
        QCOMPARE(dialog.planModel()->item(0, 1)->text(), QStringLiteral("1"));
        QCOMPARE(dialog.planModel()->item(0, 2)->text().split(QStringLiteral(", ")).size(), 3);
        QVERIFY(dialog.canStart());
    }

    void aThrottledReassignmentIsFollowedToTheEndAndItsThrottleRemoved()
    {
        Fixture f;
        f.load();
        ReplicationDialog dialog(&f.cluster, QStringLiteral("orders"));
        QSignalSpy changed(&dialog, &ReplicationDialog::replicationChanged);
        dialog.setReplicationFactor(2);
        dialog.setThrottle(true, QStringLiteral("5"));
        QVERIFY(dialog.canStart());
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.phase(), ReplicationDialog::Phase::Done, 10000);
        QCOMPARE(changed.count(), 1);
        QVERIFY2(dialog.message().contains(QStringLiteral("every partition has its new replicas")),
            qPrintable(dialog.message()));
        QCOMPARE(dialog.progress(), 3);
        // The throttle: both rates on every broker of the plan, the replica lists on the topic; then all deleted.
        QList<protocol::AlterConfigsResource> sets;
        QList<protocol::AlterConfigsResource> deletes;
        for (const auto& [resource, validateOnly] : f.cluster.alterRequests) {
            QVERIFY(!validateOnly);
            (resource.configs.first().operation == protocol::ConfigOperation::Set ? sets : deletes).append(resource);
        }
        QCOMPARE(sets.size(), 4); // brokers 1, 2, 3 and the topic
        QCOMPARE(deletes.size(), 4);
        QCOMPARE(sets[0].configs[0].name, QStringLiteral("leader.replication.throttled.rate"));
        QCOMPARE(sets[0].configs[0].value, std::optional<QString>(QStringLiteral("5000000")));
        QCOMPARE(sets[3].type, ConfigResourceType::Topic);
        QCOMPARE(f.cluster.reassignRequests.size(), 1);
        QCOMPARE(f.cluster.reassignRequests[0].topics.at(0).partitions.size(), 3);
        QVERIFY(f.cluster.ongoingRequests >= 3);
    }

    void aCancelPutsThePartitionsBackAndRemovesTheThrottle()
    {
        Fixture f;
        f.movingPolls = 1000; // it would run for a long time
        f.load();
        ReplicationDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.setReplicationFactor(2);
        dialog.setThrottle(true, QStringLiteral("1"));
        dialog.start();
        QTRY_COMPARE(dialog.phase(), ReplicationDialog::Phase::Moving);
        QVERIFY(dialog.canCancel());
        f.movingPolls = 0; // the cancel is done at once
        dialog.cancelReassignment();
        QTRY_COMPARE(dialog.phase(), ReplicationDialog::Phase::Cancelled);
        QVERIFY2(dialog.message().contains(QStringLiteral("keep their old replicas")), qPrintable(dialog.message()));
        QCOMPARE(f.cluster.reassignRequests.size(), 2);
        for (const auto& p : f.cluster.reassignRequests[1].topics.at(0).partitions)
            QVERIFY(!p.replicas.has_value()); // null replicas: cancel
        const auto& last = f.cluster.alterRequests.last().first;
        QCOMPARE(last.configs.first().operation, protocol::ConfigOperation::Delete);
    }

    void theBrokersRefusalIsShownWithItsErrorNameAndTheThrottleGoesAgain()
    {
        Fixture f;
        f.load();
        f.cluster.reassignAnswer = [](const protocol::AlterPartitionReassignmentsRequest&) {
            return AdminResult<protocol::AlterPartitionReassignmentsResponse>::failure(
                AdminError::kafka(41, QStringLiteral("The reassignment"), QStringLiteral("Not the controller")));
        };
        ReplicationDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.setReplicationFactor(2);
        dialog.setThrottle(true, QStringLiteral("5"));
        dialog.start();
        QTRY_COMPARE(dialog.phase(), ReplicationDialog::Phase::Failed);
        QVERIFY2(dialog.message().contains(QStringLiteral("NOT_CONTROLLER")), qPrintable(dialog.message()));
        QCOMPARE(f.cluster.alterRequests.last().first.configs.first().operation, protocol::ConfigOperation::Delete);
    }

    void aReadOnlyConnectionSendsNothing()
    {
        Fixture f(true);
        f.load();
        ReplicationDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.setReplicationFactor(2);
        QVERIFY(!dialog.canStart());
        QVERIFY(dialog.message().contains(QStringLiteral("read-only")));
        dialog.start();
        QVERIFY(f.cluster.reassignRequests.isEmpty());
    }
};

KAFSCOPE_UI_TEST_MAIN(TestReplicationDialog)
#include "test_replicationdialog.moc"
