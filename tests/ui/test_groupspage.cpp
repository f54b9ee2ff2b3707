// The Groups page on the fake cluster: the listing of every type filled in batch by batch, search and type filter,
// a group's detail with members and per-partition lag ("no offset" never lag 0), brokers that did not list their
// groups, and the demo's answer (the mock broker cannot list groups) said in words.
#include "../fakes/fakecluster.h"
#include "kafka/lag/sampler.h"
#include "models/groupmodel.h"
#include "models/laghistorymodel.h"
#include "ui/charts/lagcharts.h"
#include "ui/pages/groupspage.h"
#include "uitestutil.h"

#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QLineSeries>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

ConnectionProfile profile()
{
    ConnectionProfile p;
    p.name = QStringLiteral("fake");
    p.bootstrap = QStringLiteral("127.0.0.1:9092");
    return p;
}

void script(FakeCluster& cluster)
{
    ClusterMetadata& md = cluster.metadataAnswer;
    md.brokers = { { 1, QStringLiteral("k1"), 9092, {} }, { 2, QStringLiteral("k2"), 9092, {} } };
    TopicInfo orders;
    orders.name = QStringLiteral("orders");
    for (int32_t p = 0; p < 3; ++p) {
        PartitionInfo info;
        info.partition = p;
        info.leader = 1 + p % 2;
        info.replicas = { 1, 2 };
        info.isr = { 1, 2 };
        orders.partitions.append(info);
        cluster.offsetsAnswer.earliest.append({ QStringLiteral("orders"), p, 0, 5, -1 });
        cluster.offsetsAnswer.latest.append({ QStringLiteral("orders"), p, 0, 100, -1 });
    }
    md.topics = { orders };

    cluster.groupsAnswer = {
        { QStringLiteral("billing"), group_type::classic, QStringLiteral("Stable"), QStringLiteral("consumer"), 1 },
        { QStringLiteral("audit"), group_type::classic, QStringLiteral("Empty"), QStringLiteral("consumer"), 2 },
        { QStringLiteral("kip848"), group_type::consumer, QStringLiteral("Stable"), QStringLiteral("consumer"), 1 },
        { QStringLiteral("shares"), group_type::share, QStringLiteral("Stable"), std::nullopt, 2 },
        { QStringLiteral("connect-sink"), group_type::classic, QStringLiteral("Stable"), QStringLiteral("connect"), 1 },
    };
    GroupDescription billing;
    billing.name = QStringLiteral("billing");
    billing.type = group_type::classic;
    billing.state = QStringLiteral("Stable");
    billing.protocolType = QStringLiteral("consumer");
    billing.assignor = QStringLiteral("range");
    billing.coordinator = 1;
    GroupMember a;
    a.memberId = QStringLiteral("billing-1-abc");
    a.clientId = QStringLiteral("billing-1");
    a.host = QStringLiteral("/10.0.0.1");
    a.assignment = { { QStringLiteral("orders"), 0 }, { QStringLiteral("orders"), 1 } };
    GroupMember b = a;
    b.memberId = QStringLiteral("billing-2-def");
    b.clientId = QStringLiteral("billing-2");
    b.assignment = { { QStringLiteral("orders"), 2 } };
    billing.members = { a, b };
    cluster.groupDescriptions.insert(billing.name, billing);
    // Committed on 0 and 1; partition 2 never committed.
    cluster.groupOffsets.insert(billing.name,
        GroupOffsets { billing.name,
            { { QStringLiteral("orders"), 0, 90, -1, {}, 0 }, { QStringLiteral("orders"), 1, 100, -1, {}, 0 } }, 0,
            {} });

    GroupDescription audit;
    audit.name = QStringLiteral("audit");
    audit.type = group_type::classic;
    audit.state = QStringLiteral("Empty");
    audit.coordinator = 2;
    cluster.groupDescriptions.insert(audit.name, audit);
    cluster.groupOffsets.insert(
        audit.name, GroupOffsets { audit.name, { { QStringLiteral("orders"), 0, 40, -1, {}, 0 } }, 0, {} });

    GroupDescription kip848;
    kip848.name = QStringLiteral("kip848");
    kip848.type = group_type::consumer;
    kip848.state = QStringLiteral("Stable");
    kip848.assignor = QStringLiteral("uniform");
    kip848.groupEpoch = 4;
    kip848.assignmentEpoch = 4;
    kip848.coordinator = 1;
    GroupMember m;
    m.memberId = QStringLiteral("m848");
    m.clientId = QStringLiteral("java-consumer");
    m.memberEpoch = 4;
    m.assignment = { { QStringLiteral("orders"), 0 } };
    m.targetAssignment = { { QStringLiteral("orders"), 0 }, { QStringLiteral("orders"), 1 } };
    kip848.members = { m };
    cluster.groupDescriptions.insert(kip848.name, kip848);
    cluster.groupOffsets.insert(kip848.name, GroupOffsets { kip848.name, {}, 0, {} });
}

QString cell(QAbstractItemModel* model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestGroupsPage : public QObject
{
    Q_OBJECT
private slots:
    void listsEveryTypeAndFillsInMembersAndLag()
    {
        FakeCluster cluster;
        script(cluster);
        GroupsPage page(&cluster);
        page.resize(1300, 700);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.groupModel()->rowCount(), 5);
        QTRY_VERIFY(page.groupModel()->summary(page.groupModel()->rowOf(QStringLiteral("billing"))));
        QVERIFY2(page.summaryText().contains(QStringLiteral("3 classic, 1 consumer, 1 share")),
            qPrintable(page.summaryText()));
        QCOMPARE(cluster.summarizeRequests.size(), 1);
        QCOMPARE(cluster.summarizeRequests.first().size(), 5);

        auto* model = page.groupModel();
        const int billing = model->rowOf(QStringLiteral("billing"));
        QCOMPARE(cell(model, billing, ConsumerGroupModel::MembersColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, billing, ConsumerGroupModel::TopicsColumn), QStringLiteral("orders"));
        QCOMPARE(cell(model, billing, ConsumerGroupModel::LagColumn), QStringLiteral("10")); // 100-90 + 100-100
        QCOMPARE(cell(model, billing, ConsumerGroupModel::StatusColumn), QStringLiteral("no_offset"));
        const int audit = model->rowOf(QStringLiteral("audit"));
        QCOMPARE(cell(model, audit, ConsumerGroupModel::LagColumn), QStringLiteral("60"));
        QCOMPARE(cell(model, audit, ConsumerGroupModel::StatusColumn), QStringLiteral("stopped"));
        // The total over the groups whose lag is known.
        QVERIFY2(page.summaryText().contains(QStringLiteral("total lag 70")), qPrintable(page.summaryText()));
        QCOMPARE(cell(model, model->rowOf(QStringLiteral("connect-sink")), ConsumerGroupModel::ProtocolTypeColumn),
            QStringLiteral("connect"));

        // The first group (by name) is selected and described.
        QTRY_COMPARE(page.selectedGroup(), QStringLiteral("audit"));
        QTRY_VERIFY(page.detailInfoText().contains(QStringLiteral("Empty")));

        // Search and type filter.
        auto* search = page.findChild<QLineEdit*>(QStringLiteral("groupFilter"));
        search->setText(QStringLiteral("BILL"));
        QCOMPARE(page.groupProxy()->rowCount(), 1);
        search->clear();
        auto* type = page.findChild<QComboBox*>(QStringLiteral("typeFilter"));
        type->setCurrentIndex(type->findData(group_type::share));
        QCOMPARE(page.groupProxy()->rowCount(), 1);
        QCOMPARE(page.groupProxy()->index(0, 0).data().toString(), QStringLiteral("shares"));
        type->setCurrentIndex(0);
        QCOMPARE(page.groupProxy()->rowCount(), 5);
        test::saveScreenshot(&page, QStringLiteral("groups-page.png"));
    }

    void detailShowsMembersAndLagWithNoOffsetNeverZero()
    {
        FakeCluster cluster;
        script(cluster);
        GroupsPage page(&cluster);
        page.resize(1300, 700);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.groupModel()->rowCount(), 5);
        page.selectGroup(QStringLiteral("billing"));
        QTRY_COMPARE(page.lagModel()->rowCount(), 3);
        QVERIFY(cluster.describeGroupRequests.contains(QStringLiteral("billing")));
        QVERIFY2(page.detailInfoText().contains(QStringLiteral("assignor range")), qPrintable(page.detailInfoText()));
        QVERIFY(page.detailInfoText().contains(QStringLiteral("2 member(s)")));
        auto* lag = page.lagModel();
        QCOMPARE(cell(lag, 0, LagModel::LagColumn), QStringLiteral("10"));
        QCOMPARE(cell(lag, 0, LagModel::OwnerColumn), QStringLiteral("billing-1 (/10.0.0.1)"));
        QCOMPARE(cell(lag, 2, LagModel::CommittedColumn), QStringLiteral("no offset"));
        QCOMPARE(cell(lag, 2, LagModel::LagColumn), QStringLiteral("no offset"));
        QCOMPARE(cell(lag, 2, LagModel::OwnerColumn), QStringLiteral("billing-2 (/10.0.0.1)"));
        const QString tip = lag->index(2, LagModel::CommittedColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("start at offset 5")) && tip.contains(QStringLiteral("at 100")),
            qPrintable(tip));
        QCOMPARE(page.memberModel()->rowCount(), 2);
        QCOMPARE(cell(page.memberModel(), 0, GroupMemberModel::AssignmentColumn), QStringLiteral("orders: 0, 1"));
        // No open transactions: the last stable offset column is hidden.
        QVERIFY(page.findChild<QTableView*>(QStringLiteral("lagView"))->isColumnHidden(LagModel::LastStableColumn));

        // A KIP-848 group: epochs and the target assignment.
        page.selectGroup(QStringLiteral("kip848"));
        QTRY_VERIFY(page.detailInfoText().contains(QStringLiteral("group epoch 4")));
        QCOMPARE(cell(page.memberModel(), 0, GroupMemberModel::TargetColumn), QStringLiteral("orders: 0, 1"));
        QVERIFY(
            !page.findChild<QTableView*>(QStringLiteral("memberView"))->isColumnHidden(GroupMemberModel::TargetColumn));
        // Assigned 0 only, nothing committed: every partition of the topic is "no offset".
        QCOMPARE(page.lagModel()->rowCount(), 3);
        QCOMPARE(cell(page.lagModel(), 1, LagModel::LagColumn), QStringLiteral("no offset"));

        // A group the fake cannot describe: the Kafka error name and sentence.
        page.selectGroup(QStringLiteral("connect-sink"));
        QTRY_VERIFY2(page.detailStatusText().contains(QStringLiteral("GROUP_ID_NOT_FOUND")),
            qPrintable(page.detailStatusText()));
        QCOMPARE(page.lagModel()->rowCount(), 0);
    }

    void theLagOverTimeTabChartsEverySampleAndTheHistory()
    {
        FakeCluster cluster;
        script(cluster);
        GroupsPage page(&cluster);
        page.resize(1300, 800);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.groupModel()->rowCount(), 5);
        // An hour of history (one point a minute, lag rising then falling), as the history file would give it.
        QList<lag::PartitionHistory> history;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int32_t p = 0; p < 3; ++p) {
            lag::PartitionHistory h { QStringLiteral("orders"), p, {} };
            for (int i = 60; i > 0; --i) {
                const int64_t lag = (p + 1) * (30 - std::abs(30 - i)) + (i == 20 && p == 1 ? 400 : 0);
                h.points.append({ now - i * 60'000LL, lag, lag, lag, 1000, 1000 + lag });
            }
            history.append(h);
        }
        page.selectGroup(QStringLiteral("billing"));
        QTRY_VERIFY(page.historyModel()->rowCount() >= 3);
        page.historyModel()->setHistory(history);
        auto* tabs = page.findChild<QTabWidget*>(QStringLiteral("detailTabs"));
        tabs->setCurrentIndex(tabs->count() - 1);
        page.charts()->setSpanMs(60 * 60 * 1000);
        page.sampler()->setIntervalMs(1000); // the next sample (one may be in flight now) comes within a second
        page.sampler()->sampleNow();
        QTRY_VERIFY(page.historyModel()->series(0) && page.historyModel()->series(0)->points.size() == 61);
        QTRY_VERIFY(page.charts()->lineShown(0) && !page.charts()->linePoints(0).isEmpty());
        // The spike of partition 1 survives decimation.
        QTRY_VERIFY([&] {
            const QList<QPointF> points = page.charts()->linePoints(1);
            return std::any_of(points.begin(), points.end(), [](const QPointF& p) { return p.y() >= 400; });
        }());
        // Unchecking a partition hides its line.
        page.historyModel()->setShown(2, false);
        QTRY_VERIFY(!page.charts()->lineShown(2));
        test::saveScreenshot(&page, QStringLiteral("groups-lag-charts.png"));
    }

    void aBrokerThatDidNotListItsGroupsIsNamed()
    {
        FakeCluster cluster;
        script(cluster);
        cluster.groupListErrors = { QStringLiteral("Broker 2 did not list its groups: connection refused") };
        GroupsPage page(&cluster);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.groupModel()->rowCount(), 5);
        QVERIFY(page.listStatusText().contains(QStringLiteral("Broker 2 did not list its groups")));
        QVERIFY(page.listStatusText().contains(QStringLiteral("missing")));
        // The next refresh lists again.
        const int before = cluster.groupListRequests;
        cluster.groupListErrors.clear();
        cluster.refresh();
        QTRY_VERIFY(cluster.groupListRequests > before);
        QTRY_VERIFY(page.listStatusText().isEmpty());
    }

    void aClusterThatCannotListGroupsSaysWhy()
    {
        FakeCluster cluster;
        script(cluster);
        cluster.groupListFailure = AdminError::unsupported(
            QStringLiteral("Broker 127.0.0.1:9092 does not support ListGroups in any version KafScope speaks."));
        GroupsPage page(&cluster);
        page.show();
        cluster.connectTo(profile());
        QTRY_VERIFY(page.listStatusText().contains(QStringLiteral("does not support ListGroups")));
        QVERIFY(page.summaryText().contains(QStringLiteral("could not be listed")));
        QCOMPARE(page.groupModel()->rowCount(), 0);
    }

    void nothingIsListedBeforeThePageIsShownAndAllIsClearedOnDisconnect()
    {
        FakeCluster cluster;
        script(cluster);
        GroupsPage page(&cluster);
        cluster.connectTo(profile());
        QTest::qWait(50);
        QCOMPARE(cluster.groupListRequests, 0);
        page.show();
        QTRY_COMPARE(page.groupModel()->rowCount(), 5);
        cluster.disconnectFromCluster();
        QCOMPARE(page.groupModel()->rowCount(), 0);
        QVERIFY(page.summaryText().contains(QStringLiteral("Not connected")));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestGroupsPage)
#include "test_groupspage.moc"
