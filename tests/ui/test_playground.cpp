// The group playground window (issue #8) on the fake cluster: opened from the Groups page, N members shown as rows
// of a members x partitions grid in the partition colours, a stopped member's partitions moving to the others with a
// sentence in the log, the group's lag per partition, and the warning naming librdkafka 2.0.2 when a cooperative-sticky
// assignment does not settle.
#include "../fakes/fakecluster.h"
#include "models/groupmodel.h"
#include "models/partitioncolors.h"
#include "models/playgroundmodel.h"
#include "ui/dialogs/playgrounddialog.h"
#include "ui/pages/groupspage.h"
#include "uitestutil.h"

#include <QComboBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

using namespace kafscope;
using kafscope::test::FakeCluster;
using kafscope::test::FakePlayground;

namespace {

void script(FakeCluster& cluster)
{
    ClusterMetadata& md = cluster.metadataAnswer;
    md.brokers = { { 1, QStringLiteral("k1"), 9092, {} } };
    TopicInfo lessons;
    lessons.name = QStringLiteral("lessons");
    for (int32_t p = 0; p < 6; ++p) {
        PartitionInfo info;
        info.partition = p;
        info.leader = 1;
        info.replicas = { 1 };
        info.isr = { 1 };
        lessons.partitions.append(info);
        cluster.offsetsAnswer.earliest.append({ QStringLiteral("lessons"), p, 0, 0, -1 });
        cluster.offsetsAnswer.latest.append({ QStringLiteral("lessons"), p, 0, 100, -1 });
    }
    md.topics = { lessons };
}

ConnectionProfile profile()
{
    ConnectionProfile p;
    p.name = QStringLiteral("fake");
    p.bootstrap = QStringLiteral("127.0.0.1:9092");
    return p;
}

} // namespace

class TestPlayground : public QObject
{
    Q_OBJECT
private slots:
    void opensFromTheGroupsPage()
    {
        FakeCluster cluster;
        script(cluster);
        cluster.connectTo(profile());
        QTRY_COMPARE(cluster.state(), Cluster::State::Connected);
        GroupsPage page(&cluster);
        page.show();
        auto* button = test::child<QPushButton>(&page, "playgroundButton");
        QVERIFY(button);
        button->click();
        auto* dialog = page.findChild<PlaygroundDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->playground()); // nothing runs before Start
        dialog->close();
    }

    void membersOwnPartitionsAndAStoppedMemberRebalances()
    {
        FakeCluster cluster;
        script(cluster);
        cluster.connectTo(profile());
        QTRY_COMPARE(cluster.state(), Cluster::State::Connected);
        PlaygroundDialog dialog(&cluster);
        dialog.setAttribute(Qt::WA_DeleteOnClose, false);
        dialog.resize(1000, 700);
        dialog.show();
        dialog.setTopic(QStringLiteral("lessons"));
        dialog.setMemberCount(3);
        test::child<QPushButton>(&dialog, "startButton")->click();
        QVERIFY(cluster.lastPlayground);
        QCOMPARE(cluster.lastPlayground->options().topic, QStringLiteral("lessons"));
        QCOMPARE(cluster.lastPlayground->options().assignor, assignor::range);
        QVERIFY(cluster.lastPlayground->options().group.startsWith(QStringLiteral("kafscope-playground-")));
        QCOMPARE(cluster.lastPlayground->options().bootstrap, cluster.bootstrap);

        auto* model = dialog.memberModel();
        QTRY_COMPARE(model->rowCount(), 3);
        QTRY_VERIFY(dialog.logLines()
                        .join(QLatin1Char('\n'))
                        .contains(QStringLiteral("assigned: member 1: 0, 1; member 2: 2, 3; member 3: 4, 5")));
        const auto owned = model->index(1, PlaygroundMemberModel::FixedColumnCount + 3);
        QCOMPARE(owned.data().toString(), QStringLiteral("3"));
        QCOMPARE(owned.data(Qt::BackgroundRole).value<QBrush>().color(), partitionColor(3));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("3 active members, stable")));

        // The group's lag, from describeGroup: committed 40 on every partition of 100.
        GroupDescription group;
        group.name = cluster.lastPlayground->options().group;
        group.type = group_type::classic;
        group.state = QStringLiteral("Stable");
        GroupOffsets offsets;
        offsets.group = group.name;
        for (int32_t p = 0; p < 6; ++p)
            offsets.offsets.append({ QStringLiteral("lessons"), p, 40, -1, std::nullopt, 0 });
        cluster.groupDescriptions.insert(group.name, group);
        cluster.groupOffsets.insert(group.name, offsets);

        auto* stop = dialog.findChild<QToolButton*>(QStringLiteral("stopMember2"));
        QVERIFY(stop);
        stop->click();
        QTRY_VERIFY(
            dialog.logLines()
                .join(QLatin1Char('\n'))
                .contains(QStringLiteral("member 2 left: partition 2 moved to member 1 and partition 3 to member 3")));
        QCOMPARE(model->index(1, PlaygroundMemberModel::StateColumn).data().toString(), QStringLiteral("stopped"));
        QVERIFY(!stop->isEnabled());
        QTRY_COMPARE(dialog.lagModel()->rowCount(), 6);
        QCOMPARE(dialog.lagModel()->index(0, LagModel::LagColumn).data(LagModel::SortRole).toLongLong(), 60);
        QVERIFY(dialog.problemText().isEmpty());

        test::child<QPushButton>(&dialog, "addButton")->click();
        QTRY_COMPARE(model->rowCount(), 4);
        QTRY_VERIFY(dialog.logLines().join(QLatin1Char('\n')).contains(QStringLiteral("member 4 joined: takes")));
        test::saveScreenshot(&dialog, QStringLiteral("playground.png"));
    }

    void anUnsettledCooperativeStickyAssignmentIsBlamedOnLibrdkafka202()
    {
        FakeCluster cluster;
        script(cluster);
        cluster.connectTo(profile());
        QTRY_COMPARE(cluster.state(), Cluster::State::Connected);
        PlaygroundDialog dialog(&cluster);
        dialog.setAttribute(Qt::WA_DeleteOnClose, false);
        dialog.show();
        dialog.setTopic(QStringLiteral("lessons"));
        dialog.setAssignor(assignor::cooperativeSticky);
        dialog.setMemberCount(2);
        dialog.setSettleTime(300);
        test::child<QPushButton>(&dialog, "startButton")->click();
        auto* fake = cluster.lastPlayground;
        QVERIFY(fake);
        QTRY_VERIFY(dialog.summaryText().contains(QStringLiteral("2 active members, stable")));
        fake->autoRebalance = false;
        fake->assign(1, { 0, 1, 2, 3, 4, 5 });
        fake->assign(2, {});
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.problemText().isEmpty(), 5000);
        QVERIFY(dialog.problemText().contains(QStringLiteral("Member 2 owns no partition while member 1 owns 6")));
        QVERIFY(dialog.problemText().contains(QStringLiteral("librdkafka 2.0.2")));
        QVERIFY(dialog.problemText().contains(QStringLiteral("2.2.0")));
        test::saveScreenshot(&dialog, QStringLiteral("playground-coop-warning.png"));

        // Settled: the warning goes.
        fake->assign(1, { 0, 1, 2 });
        fake->assign(2, { 3, 4, 5 });
        QTRY_VERIFY_WITH_TIMEOUT(dialog.problemText().isEmpty(), 5000);

        // A failed incremental assign is a librdkafka error event of the rebalance: logged and blamed.
        fake->fail(2, QStringLiteral("incremental_assign failed: _STATE"), true);
        QTRY_VERIFY(dialog.logLines().join(QLatin1Char('\n')).contains(QStringLiteral("member 2: incremental_assign")));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.problemText().contains(QStringLiteral("2.0.2")), 5000);
    }

    void paceChangesReachThePlayground()
    {
        FakeCluster cluster;
        script(cluster);
        cluster.connectTo(profile());
        QTRY_COMPARE(cluster.state(), Cluster::State::Connected);
        PlaygroundDialog dialog(&cluster);
        dialog.setAttribute(Qt::WA_DeleteOnClose, false);
        dialog.setTopic(QStringLiteral("lessons"));
        test::child<QPushButton>(&dialog, "startButton")->click();
        QCOMPARE(cluster.lastPlayground->options().recordsPerSecond, 20.0);
        auto* pace = test::child<QComboBox>(&dialog, "paceCombo");
        pace->setCurrentIndex(pace->findText(QStringLiteral("Paused")));
        QCOMPARE(cluster.lastPlayground->pace, 0.0);
        test::child<QPushButton>(&dialog, "stopAllButton")->click();
        QTRY_VERIFY(dialog.summaryText().contains(QStringLiteral("0 active members, stopped")));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestPlayground)
#include "test_playground.moc"
