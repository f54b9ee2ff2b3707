// Elect leaders and Delete records on the fake cluster, and the KRaft quorum on the Brokers page (issue #7): bad input
// refused inline with nothing sent, previews, typed confirmation, results with their Kafka error names.
#include "../fakes/fakecluster.h"
#include "ui/brokerspage.h"
#include "ui/dialogs/deleterecordsdialog.h"
#include "ui/dialogs/electleadersdialog.h"
#include "ui/topicspage.h"
#include "uitestutil.h"

#include <QPushButton>
#include <QStandardItemModel>

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

struct Fixture
{
    FakeCluster cluster;
    explicit Fixture(bool readOnly = false)
    {
        cluster.metadataAnswer.brokers = { { 1, QStringLiteral("k1"), 9092, {} }, { 2, QStringLiteral("k2"), 9092, {} },
            { 3, QStringLiteral("k3"), 9092, {} } };
        TopicInfo orders;
        orders.name = QStringLiteral("orders");
        for (int p = 0; p < 3; ++p) {
            PartitionInfo info;
            info.partition = p;
            info.replicas = { p + 1, p % 3 + 2 > 3 ? 1 : p % 3 + 2 };
            info.leader = p == 0 ? info.replicas[1] : info.replicas[0]; // partition 0 is led by its second replica
            info.isr = info.replicas;
            orders.partitions.append(info);
        }
        cluster.metadataAnswer.topics = { orders };
        cluster.offsetsAtAnswer = [](const QString& topic, int64_t timestamp) {
            OffsetsAt r;
            for (int p = 0; p < 3; ++p)
                r.offsets.append({ topic, p, 0, timestamp == -2 ? 10 : 100, -1, -1 });
            return AdminResult<OffsetsAt>::success(r);
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

class TestElectDeleteDialogs : public QObject
{
    Q_OBJECT

private slots:
    void electionPreviewsWhatMovesAndRefusesBadPartitions()
    {
        Fixture f;
        f.load();
        ElectLeadersDialog dialog(&f.cluster, QStringLiteral("orders"));
        QVERIFY2(dialog.previewText().contains(QStringLiteral("1 of 3 partition(s) would get their preferred leader "
                                                              "back: orders-0: 2 → 1")),
            qPrintable(dialog.previewText()));
        dialog.setScope(ElectLeadersDialog::Scope::SomePartitions, QStringLiteral("0,9"));
        QVERIFY(!dialog.canElect());
        QVERIFY2(dialog.message().contains(QStringLiteral("\"9\" is not a partition")), qPrintable(dialog.message()));
        dialog.elect();
        QVERIFY(f.cluster.electRequests.isEmpty());
        dialog.setScope(ElectLeadersDialog::Scope::SomePartitions, QStringLiteral("0"));
        QVERIFY(dialog.canElect());
        dialog.elect();
        QTRY_COMPARE(f.cluster.electRequests.size(), 1);
        QCOMPARE(f.cluster.electRequests[0].type, protocol::ElectionType::Preferred);
        QCOMPARE(f.cluster.electRequests[0].topicPartitions->at(0).partitions, QList<int32_t> { 0 });
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("Elected 1 leader(s)")), qPrintable(dialog.message()));
    }

    void anUncleanElectionNeedsTheLossAcceptedAndTheWholeClusterIsANullList()
    {
        Fixture f;
        f.load();
        ElectLeadersDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.setScope(ElectLeadersDialog::Scope::Cluster);
        dialog.setUnclean(true, false);
        QVERIFY(!dialog.canElect());
        QVERIFY(dialog.message().contains(QStringLiteral("can lose records")));
        QVERIFY(dialog.previewText().contains(QStringLiteral("Unclean")));
        dialog.setUnclean(true, true);
        QVERIFY(dialog.canElect());
        f.cluster.electAnswer = [](const protocol::ElectLeadersRequest&) {
            protocol::ElectLeadersResponse r;
            r.results = { { QStringLiteral("orders"),
                { { 1, 84, QStringLiteral("not needed") }, { 2, 83, QStringLiteral("No in-sync replica ...") } } } };
            return AdminResult<protocol::ElectLeadersResponse>::success(r);
        };
        dialog.elect();
        QTRY_COMPARE(f.cluster.electRequests.size(), 1);
        QCOMPARE(f.cluster.electRequests[0].type, protocol::ElectionType::Unclean);
        QVERIFY(!f.cluster.electRequests[0].topicPartitions.has_value());
        QTRY_VERIFY2(
            dialog.message().contains(QStringLiteral("ELIGIBLE_LEADERS_NOT_AVAILABLE")), qPrintable(dialog.message()));
    }

    void deleteRecordsChecksOffsetsNeedsTheNameTypedAndShowsTheNewEarliestOffsets()
    {
        Fixture f;
        f.load();
        DeleteRecordsDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setBefore(1, QStringLiteral("500"));
        QVERIFY2(dialog.message().contains(QStringLiteral("ends at offset 100")), qPrintable(dialog.message()));
        dialog.setBefore(1, QStringLiteral("soon"));
        QVERIFY(dialog.message().contains(QStringLiteral("is not an offset")));
        dialog.setBefore(1, QStringLiteral("40"));
        QVERIFY2(dialog.totalText().contains(QStringLiteral("30 record(s)")), qPrintable(dialog.totalText()));
        QVERIFY(!dialog.canDelete()); // not confirmed yet
        dialog.deleteRecords();
        QVERIFY(f.cluster.deleteRecordsRequests.isEmpty());
        dialog.setConfirmation(QStringLiteral("orders"));
        QVERIFY(dialog.canDelete());
        dialog.deleteRecords();
        QTRY_COMPARE(f.cluster.deleteRecordsRequests.size(), 1);
        const auto& sent = f.cluster.deleteRecordsRequests[0].topics.at(0);
        QCOMPARE(sent.partitions.size(), 1);
        QCOMPARE(sent.partitions[0].partition, 1);
        QCOMPARE(sent.partitions[0].offset, 40);
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("1 → earliest 40")), qPrintable(dialog.message()));
        QCOMPARE(dialog.model()->item(1, DeleteRecordsDialog::EarliestColumn)->text(), QStringLiteral("40"));
    }

    // Bad input, a table (issue #11): each offset is refused with its reason in the dialog, and with the name typed
    // nothing is sent.
    void badOffsetsAreRefusedWithTheirReasonAndNothingIsSent_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not a number") << QStringLiteral("soon") << QStringLiteral("is not an offset");
        QTest::newRow("negative") << QStringLiteral("-5") << QStringLiteral("is not an offset");
        QTest::newRow("a fraction") << QStringLiteral("1.5") << QStringLiteral("is not an offset");
        QTest::newRow("beyond the end") << QStringLiteral("500") << QStringLiteral("ends at offset 100");
        QTest::newRow("beyond 64 bits") << QStringLiteral("99999999999999999999") << QStringLiteral("is not an offset");
        QTest::newRow("below the earliest") << QStringLiteral("5") << QStringLiteral("already starts");
    }
    void badOffsetsAreRefusedWithTheirReasonAndNothingIsSent()
    {
        QFETCH(QString, typed);
        QFETCH(QString, reason);
        Fixture f;
        f.load();
        DeleteRecordsDialog dialog(&f.cluster, QStringLiteral("orders"));
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setBefore(1, typed);
        dialog.setConfirmation(QStringLiteral("orders"));
        QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
        QVERIFY(!dialog.canDelete());
        dialog.deleteRecords(); // as if forced
        QTest::qWait(50);
        QVERIFY(f.cluster.deleteRecordsRequests.isEmpty());
    }

    void internalTopicsAndReadOnlyConnectionsDeleteNothing()
    {
        Fixture f(true);
        f.load();
        DeleteRecordsDialog dialog(&f.cluster, QStringLiteral("orders"));
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setBefore(0, QStringLiteral("20"));
        dialog.setConfirmation(QStringLiteral("orders"));
        QVERIFY(!dialog.canDelete());
        QVERIFY(dialog.message().contains(QStringLiteral("read-only")));
        dialog.deleteRecords();
        QVERIFY(f.cluster.deleteRecordsRequests.isEmpty());
        Fixture g;
        g.load();
        DeleteRecordsDialog internal(&g.cluster, QStringLiteral("__consumer_offsets"));
        QVERIFY(internal.message().contains(QStringLiteral("internal topics")));
        ElectLeadersDialog elect(&f.cluster, QStringLiteral("orders"));
        QVERIFY(!elect.canElect());
    }

    void aThrottleLeftOnATopicIsShownAndRemovedOnceNoReassignmentRuns()
    {
        Fixture f;
        ConfigResourceResult configs { ConfigResourceType::Topic, QStringLiteral("orders"), 0, {}, {} };
        ConfigEntry list;
        list.name = QStringLiteral("leader.replication.throttled.replicas");
        list.value = QStringLiteral("0:1");
        list.source = ConfigSource::DynamicTopic;
        configs.entries = { list };
        f.cluster.configAnswers.insert(
            FakeCluster::configKey(ConfigResourceType::Topic, QStringLiteral("orders")), configs);
        bool running = true;
        f.cluster.ongoingAnswer = [&] {
            protocol::ListPartitionReassignmentsResponse r;
            if (running)
                r.topics = { { QStringLiteral("orders"), { { 0, { 1, 2 }, { 2 }, {} } } } };
            return AdminResult<protocol::ListPartitionReassignmentsResponse>::success(r);
        };
        TopicsPage page(&f.cluster);
        page.show();
        f.load();
        QVERIFY(page.selectTopic(QStringLiteral("orders")));
        auto* button = page.findChild<QPushButton*>(QStringLiteral("removeThrottleButton"));
        QTRY_VERIFY(button && !button->isHidden());
        QVERIFY(
            test::child<QLabel>(&page, "configStatus")->text().contains(QStringLiteral("replication throttle is set")));
        button->click(); // a reassignment of it runs: refused
        QTRY_VERIFY(test::visibleLabelContaining(&page, QStringLiteral("its throttle stays until it ends")));
        QVERIFY(f.cluster.alterRequests.isEmpty());
        running = false;
        button->click();
        QTRY_COMPARE(f.cluster.alterRequests.size(), 1);
        QCOMPARE(f.cluster.alterRequests[0].first.name, QStringLiteral("orders"));
        for (const auto& c : f.cluster.alterRequests[0].first.configs)
            QCOMPARE(c.operation, protocol::ConfigOperation::Delete);
    }

    void theBrokersPageShowsTheQuorumAndFencedBrokers()
    {
        Fixture f;
        protocol::DescribeQuorumResponse q;
        q.leaderId = 2;
        q.leaderEpoch = 5;
        q.highWatermark = 1000;
        q.voters = { { 1, {}, 1000, 1760000000000, 1760000000000 }, { 2, {}, 1000, -1, -1 }, { 3, {}, 990, 1, 1 } };
        f.cluster.quorumAnswer = AdminResult<protocol::DescribeQuorumResponse>::success(q);
        protocol::DescribeClusterResponse c;
        c.brokers = { { 1, QStringLiteral("k1"), 9092, std::nullopt, false },
            { 3, QStringLiteral("k3"), 9092, std::nullopt, true } };
        f.cluster.describeClusterAnswer = AdminResult<protocol::DescribeClusterResponse>::success(c);
        BrokersPage page(&f.cluster);
        f.load();
        QTRY_VERIFY(page.quorumText().contains(QStringLiteral("leader 2, epoch 5, high watermark 1000")));
        QVERIFY(page.quorumText().contains(QStringLiteral("(leader)")));
        QVERIFY(page.quorumText().contains(QStringLiteral(">10<"))); // voter 3 is 10 behind
        QTRY_VERIFY2(page.quorumText().contains(QStringLiteral("serving): 3")), qPrintable(page.quorumText()));

        Fixture demo;
        BrokersPage demoPage(&demo.cluster);
        demo.load();
        QTRY_VERIFY(demoPage.quorumText().contains(QStringLiteral("not available")));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestElectDeleteDialogs)
#include "test_electdeletedialogs.moc"
