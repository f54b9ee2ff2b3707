// The Topics and Brokers pages on the fake cluster (issue #6): canned metadata, offsets and configs, scripted errors;
// no broker and no mock, so these run in milliseconds. The demo and the real cluster prove the wiring elsewhere.
#include "../fakes/fakecluster.h"
#include "models/brokermodel.h"
#include "models/configmodel.h"
#include "models/partitionmodel.h"
#include "models/topicfilterproxy.h"
#include "models/topicmodel.h"
#include "ui/brokerspage.h"
#include "ui/dialogs/createtopicdialog.h"
#include "ui/livepage.h"
#include "ui/localcluster.h"
#include "ui/mainwindow.h"
#include "ui/producerpanel.h"
#include "ui/settings.h"
#include "ui/topicspage.h"
#include "uitestutil.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>

using namespace kafscope;
using kafscope::test::FakeCluster;
using kafscope::test::visibleLabelContaining;

namespace {

PartitionInfo partition(int32_t index, int32_t leader, QList<int32_t> replicas, QList<int32_t> isr)
{
    PartitionInfo p;
    p.partition = index;
    p.leader = leader;
    p.replicas = std::move(replicas);
    p.isr = std::move(isr);
    return p;
}

void script(FakeCluster& cluster)
{
    ClusterMetadata& md = cluster.metadataAnswer;
    md.clusterId = QStringLiteral("fake-id");
    md.controllerId = 2;
    md.brokers = { { 1, QStringLiteral("k1"), 9092, QStringLiteral("rack-a") },
        { 2, QStringLiteral("k2"), 9092, QStringLiteral("rack-b") }, { 3, QStringLiteral("k3"), 9092, {} } };
    md.topics = { { QStringLiteral("orders"), {}, false, 0,
                      { partition(0, 1, { 1, 2, 3 }, { 1, 2, 3 }), partition(1, 2, { 2, 3, 1 }, { 2 }),
                          partition(2, -1, { 3, 1, 2 }, {}) } },
        { QStringLiteral("payments"), {}, false, 0, { partition(0, 3, { 3, 1, 2 }, { 3, 1, 2 }) } },
        { QStringLiteral("__consumer_offsets"), {}, true, 0, { partition(0, 1, { 1, 2, 3 }, { 1, 2, 3 }) } } };
    for (int32_t p = 0; p < 3; ++p) {
        cluster.offsetsAnswer.earliest.append({ QStringLiteral("orders"), p, 0, 10, -1 });
        cluster.offsetsAnswer.latest.append({ QStringLiteral("orders"), p, 0, 1000010, -1 });
    }
    ConfigResourceResult orders;
    orders.type = ConfigResourceType::Topic;
    orders.name = QStringLiteral("orders");
    ConfigEntry retention;
    retention.name = QStringLiteral("retention.ms");
    retention.value = QStringLiteral("86400000");
    retention.source = ConfigSource::DynamicTopic;
    ConfigEntry cleanup;
    cleanup.name = QStringLiteral("cleanup.policy");
    cleanup.value = QStringLiteral("delete");
    cleanup.source = ConfigSource::Default;
    cleanup.isDefault = true;
    orders.entries = { retention, cleanup };
    cluster.configAnswers.insert(FakeCluster::configKey(ConfigResourceType::Topic, QStringLiteral("orders")), orders);
    cluster.configErrors.insert(FakeCluster::configKey(ConfigResourceType::Topic, QStringLiteral("payments")),
        QStringLiteral("TOPIC_AUTHORIZATION_FAILED: not authorized to describe payments."));
    ConfigResourceResult broker1;
    broker1.type = ConfigResourceType::Broker;
    broker1.name = QStringLiteral("1");
    ConfigEntry threads;
    threads.name = QStringLiteral("num.io.threads");
    threads.value = QStringLiteral("8");
    threads.source = ConfigSource::StaticBroker;
    broker1.entries = { threads };
    cluster.configAnswers.insert(FakeCluster::configKey(ConfigResourceType::Broker, QStringLiteral("1")), broker1);
}

// The configs sit on a tab of their own, hidden behind the partitions: read the label, visible or not.
QString configStatus(const QWidget& page)
{
    auto* label = page.findChild<QLabel*>(QStringLiteral("configStatus"));
    return label ? label->text() : QString();
}

ConnectionProfile profile()
{
    return { QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), false };
}

// A stand-in for scripts/local-cluster: its nodes are the fake cluster's brokers (k1..k3:9092); every call is logged;
// kill-node takes a moment, start-node fails the way the real script does when a node dies at startup.
QString localClusterScript(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("local-cluster"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(R"sh(#!/usr/bin/env bash
echo "$*" >> "$(dirname "$0")/calls.log"
case $1 in
    bootstrap) echo "k1:9092,k2:9092,k3:9092" ;;
    kill-node) sleep 0.5; echo "kafka-cluster: node $2 killed (SIGKILL)" >&2 ;;
    stop-node) echo "kafka-cluster: node $2 stopped" >&2 ;;
    start-node) echo "kafka-cluster: error: node $2 exited during startup (logs in /tmp/node$2/logs)" >&2; exit 1 ;;
esac
)sh");
    f.close();
    f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return path;
}

QStringList calls(const QTemporaryDir& dir)
{
    QFile f(dir.filePath(QStringLiteral("calls.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QAction* actionNamed(const QList<QAction*>& actions, const QString& text)
{
    for (auto* a : actions)
        if (a->text() == text)
            return a;
    return nullptr;
}

} // namespace

class TestPagesFake : public QObject
{
    Q_OBJECT

private:
    QElapsedTimer m_clock;

private slots:
    void initTestCase() { m_clock.start(); }
    void cleanupTestCase() { qInfo("page tests on the fake cluster took %lld ms in all", m_clock.elapsed()); }

    void topicsPageListsTopicsAndShowsTheFirstOnesPartitionsAndConfigs()
    {
        FakeCluster cluster;
        script(cluster);
        TopicsPage page(&cluster);
        page.resize(1200, 700);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.topicModel()->rowCount(), 3);
        QCOMPARE(page.topicProxy()->rowCount(), 3); // internal topics shown by default
        QVERIFY(visibleLabelContaining(&page, QStringLiteral("3 of 3 topics")));
        QTRY_VERIFY(!page.selectedTopic().isEmpty());
        QVERIFY(page.selectTopic(QStringLiteral("orders")));
        QCOMPARE(page.partitionModel()->rowCount(), 3);
        QVERIFY(visibleLabelContaining(&page, QStringLiteral("2 under-replicated")));
        QVERIFY(visibleLabelContaining(&page, QStringLiteral("1 offline")));
        QTRY_COMPARE(page.configModel()->rowCount(), 2);
        QVERIFY(configStatus(page).contains(QStringLiteral("2 settings of orders, 1 overridden")));
        const int row = page.topicModel()->rowOfTopic(QStringLiteral("orders"));
        QCOMPARE(
            page.topicModel()->index(row, TopicModel::MessagesColumn).data(TopicModel::SortRole).toLongLong(), 3000000);
        QVERIFY(cluster.configRequests.contains(
            FakeCluster::configKey(ConfigResourceType::Topic, QStringLiteral("orders"))));
    }

    void topicsPageShowsAConfigErrorWithItsKafkaNameAndKeepsTheTopic()
    {
        FakeCluster cluster;
        script(cluster);
        TopicsPage page(&cluster);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.topicModel()->rowCount(), 3);
        QVERIFY(page.selectTopic(QStringLiteral("payments")));
        QTRY_VERIFY(configStatus(page).contains(QStringLiteral("TOPIC_AUTHORIZATION_FAILED")));
        QCOMPARE(page.configModel()->rowCount(), 0);
        QCOMPARE(page.partitionModel()->rowCount(), 1);
    }

    void topicsPageFilterNarrowsTheListAfterTheDebounce()
    {
        FakeCluster cluster;
        script(cluster);
        TopicsPage page(&cluster);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.topicModel()->rowCount(), 3);
        page.setFilterText(QStringLiteral("pay"));
        QTRY_COMPARE(page.topicProxy()->rowCount(), 1);
        QVERIFY(visibleLabelContaining(&page, QStringLiteral("1 of 3 topics")));
    }

    void aFailedConnectionLeavesThePagesEmpty()
    {
        FakeCluster cluster;
        script(cluster);
        cluster.connectError = QStringLiteral("Could not reach any bootstrap server.");
        TopicsPage topics(&cluster);
        BrokersPage brokers(&cluster);
        cluster.connectTo(profile());
        QTRY_COMPARE(cluster.state(), Cluster::State::Failed);
        QCOMPARE(topics.topicModel()->rowCount(), 0);
        QCOMPARE(brokers.brokerModel()->rowCount(), 0);
    }

    void brokersPageShowsBrokersControllerAndTheSelectedBrokersConfigs()
    {
        FakeCluster cluster;
        script(cluster);
        BrokersPage page(&cluster);
        page.resize(1200, 700);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.brokerModel()->rowCount(), 3);
        QVERIFY(
            visibleLabelContaining(&page, QStringLiteral("3 broker(s) · cluster id fake-id · controller: broker 2")));
        QTRY_COMPARE(page.configModel()->rowCount(), 1); // broker 1, selected first
        QVERIFY(
            cluster.configRequests.contains(FakeCluster::configKey(ConfigResourceType::Broker, QStringLiteral("1"))));
    }

    void numbersAreNeverClippedAndLongNamesAreCapped()
    {
        // Issue #6: "1,000," for 1,000,000 (the columns were sized before the offsets arrived).
        FakeCluster cluster;
        script(cluster);
        TopicInfo longName = cluster.metadataAnswer.topics.first();
        longName.name = QStringLiteral("team.%1.events").arg(QString(200, QLatin1Char('x')));
        cluster.metadataAnswer.topics.append(longName);
        for (auto& latest : cluster.offsetsAnswer.latest)
            latest.offset = 1000000000010; // 3,000,000,000,000 messages: wider than the column's title
        TopicsPage page(&cluster);
        page.resize(1200, 760);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.topicModel()->rowCount(), 4);
        auto* view = page.findChild<QTableView*>(QStringLiteral("topicView"));
        QVERIFY(view);
        const int needed = view->fontMetrics().horizontalAdvance(QLocale().toString(Q_INT64_C(3000000000000)));
        QTRY_VERIFY(view->columnWidth(TopicModel::MessagesColumn) >= needed);
        QVERIFY(view->columnWidth(TopicModel::NameColumn) <= 320);
        QCOMPARE(view->textElideMode(), Qt::ElideMiddle);
        auto* partitions = page.findChild<QTableView*>(QStringLiteral("partitionView"));
        QVERIFY(page.selectTopic(QStringLiteral("orders")));
        QTRY_VERIFY(partitions->columnWidth(PartitionModel::LatestColumn)
            >= partitions->fontMetrics().horizontalAdvance(QString::number(Q_INT64_C(1000000000010))));
    }

    void whenTheClusterStopsAnsweringTheStatusBarAndTheTablesSaySo()
    {
        // Issue #6: with the whole cluster down the status bar still said, in green, "Connected to ... (3 brokers)"
        // and the tables kept the last data without saying it was stale.
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        auto* cluster = new FakeCluster;
        script(*cluster);
        MainWindow window(&settings, cluster);
        window.show();
        window.connectTo(profile());
        QTRY_COMPARE(window.topicsPage()->topicModel()->rowCount(), 3);
        QVERIFY(window.connectionLabel()->text().contains(QStringLiteral("Connected to")));

        cluster->refreshError
            = QStringLiteral("Could not reach any bootstrap server. Broker 127.0.0.1:9092: Connection refused");
        window.refresh();
        QTRY_VERIFY(window.connectionLabel()->text().contains(QStringLiteral("Unreachable since")));
        QVERIFY(window.connectionLabel()->text().contains(QStringLiteral("retrying every 10 s")));
        QVERIFY(!window.connectionLabel()->text().contains(QStringLiteral("Connected to")));
        QVERIFY(visibleLabelContaining(&window, QStringLiteral("(stale)")));
        QVERIFY(visibleLabelContaining(window.topicsPage(), QStringLiteral("the last refresh that worked")));
        QCOMPARE(window.topicsPage()->topicModel()->rowCount(), 3); // the last data is kept, and said to be old
        window.showPage(QStringLiteral("brokers"));
        QVERIFY(visibleLabelContaining(window.brokersPage(), QStringLiteral("the last refresh that worked")));

        cluster->refreshError.reset(); // back
        window.refresh();
        QTRY_VERIFY(window.connectionLabel()->text().contains(QStringLiteral("Connected to")));
        QVERIFY(!visibleLabelContaining(&window, QStringLiteral("(stale)")));
        QVERIFY(!visibleLabelContaining(window.brokersPage(), QStringLiteral("the last refresh that worked")));
    }

    void aReadOnlyConnectionShowsABadgeAndDisablesEveryWriteAction()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        auto* cluster = new FakeCluster;
        script(*cluster);
        MainWindow window(&settings, cluster);
        window.show();
        auto readOnly = profile();
        readOnly.readOnly = true;
        window.connectTo(readOnly);
        QTRY_COMPARE(window.topicsPage()->topicModel()->rowCount(), 3);
        QVERIFY(window.windowTitle().contains(QStringLiteral("(read-only)")));
        QVERIFY(visibleLabelContaining(window.statusBar(), QStringLiteral("Read-only")));
        for (auto* action : window.topicsPage()->writeActions())
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        auto* send = window.livePage()->producerPanel()->findChild<QPushButton*>(QStringLiteral("sendButton"));
        QVERIFY(send && !send->isEnabled());
        QVERIFY(send->toolTip().contains(QStringLiteral("read-only")));
        QVERIFY(!window.livePage()->producerPanel()->send()); // refused, nothing produced
        QVERIFY(!cluster->lastProducer);

        window.connectTo(profile()); // a writable connection again
        QTRY_VERIFY(window.topicsPage()->writeActions().first()->isEnabled());
        QVERIFY(!visibleLabelContaining(window.statusBar(), QStringLiteral("Read-only")));
        QVERIFY(send->isEnabled());
    }

    void brokersPageSaysWhyABrokersConfigsAreMissing()
    {
        FakeCluster cluster;
        script(cluster);
        cluster.configAnswers.clear();
        cluster.configErrors.insert(FakeCluster::configKey(ConfigResourceType::Broker, QStringLiteral("1")),
            QStringLiteral("Broker 1: Connection refused"));
        BrokersPage page(&cluster);
        page.show();
        cluster.connectTo(profile());
        QTRY_VERIFY(visibleLabelContaining(&page, QStringLiteral("Connection refused")));
        QCOMPARE(page.configModel()->rowCount(), 0);
    }

    void aTopicCreatedWithReplicasOnBrokersThatAreDownSaysSo()
    {
        // Kafka places replicas on brokers that are registered but not up (Metadata lists only the live ones): the
        // dialog's "created" is followed by what that means, as kafscope-cli topic create warns.
        FakeCluster cluster;
        script(cluster);
        TopicsPage page(&cluster);
        page.show();
        cluster.connectTo(profile());
        QTRY_COMPARE(page.topicModel()->rowCount(), 3);
        // Through the page's own dialog (modal): named, created, and the cluster then lists the topic as given.
        const auto createThroughTheDialog = [&](const QString& name, int partitions, const TopicInfo& listed) {
            QTimer::singleShot(0, &page, [&cluster, name, partitions, listed] {
                auto* dialog = qobject_cast<CreateTopicDialog*>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                cluster.metadataAnswer.topics.append(listed);
                dialog->setName(name);
                dialog->setPartitions(partitions);
                dialog->setReplicationFactor(2);
                if (dialog->canCreate())
                    dialog->create();
                else
                    dialog->reject();
            });
            page.showCreateDialog();
        };
        createThroughTheDialog(QStringLiteral("fresh"), 3,
            { QStringLiteral("fresh"), {}, false, 0,
                { partition(0, 1, { 1, 4 }, { 1 }), partition(1, 2, { 2, 3 }, { 2, 3 }),
                    partition(2, 3, { 3, 4 }, { 3 }) } });
        QCOMPARE(cluster.createRequests.size(), 2);
        QTRY_COMPARE(page.selectedTopic(), QStringLiteral("fresh"));
        QTRY_VERIFY(visibleLabelContaining(&page,
            QStringLiteral("Topic fresh was created, but 2 of 3 partition(s) have a replica on broker(s) 4, which are "
                           "not up: those replicas stay out of sync until their brokers are back.")));

        // A topic whose replicas are all on live brokers: nothing to say.
        createThroughTheDialog(QStringLiteral("healthy"), 1,
            { QStringLiteral("healthy"), {}, false, 0, { partition(0, 1, { 1, 2 }, { 1, 2 }) } });
        QCOMPARE(cluster.createRequests.size(), 4);
        QTRY_COMPARE(page.selectedTopic(), QStringLiteral("healthy"));
        QVERIFY(!visibleLabelContaining(&page, QStringLiteral("was created, but")));
    }

    void theLocalClusterMenuStopsKillsAndStartsTheScriptsNodes()
    {
        QTemporaryDir dir;
        FakeCluster cluster;
        script(cluster);
        BrokersPage page(&cluster);
        page.resize(1200, 700);
        page.show();
        auto* control = new LocalClusterControl(localClusterScript(dir), &page);
        page.setLocalCluster(control);
        cluster.connectTo(profile());
        QTRY_COMPARE(page.brokerModel()->rowCount(), 3);
        QTRY_VERIFY(control->isProbed());
        QCOMPARE(control->nodeAddresses(),
            (QStringList { QStringLiteral("k1:9092"), QStringLiteral("k2:9092"), QStringLiteral("k3:9092") }));
        QTRY_VERIFY(page.localClusterButton()->isVisible());

        // Broker 1 is selected first: stop and kill name it; every node is up, so only "start every stopped".
        auto actions = page.localClusterActions();
        QVERIFY(actionNamed(actions, QStringLiteral("Stop broker 1 (controlled shutdown)")));
        auto* kill = actionNamed(actions, QStringLiteral("Kill broker 1 (SIGKILL, as a crash)"));
        QVERIFY(kill && kill->isEnabled());
        QVERIFY(!actionNamed(actions, QStringLiteral("Start broker 3")));
        QVERIFY(actionNamed(actions, QStringLiteral("Start every stopped broker")));

        // The script runs beside the event loop: the page says what is going on, and a second verb waits its turn.
        const int refreshesBefore = cluster.refreshes;
        kill->trigger();
        QVERIFY(control->busy());
        QVERIFY(page.localClusterStatus().contains(QStringLiteral("Killing broker 1 (local-cluster kill-node 1)")));
        QVERIFY(!page.localClusterButton()->isEnabled());
        QVERIFY(!page.localClusterActions().first()->isEnabled());
        QTRY_VERIFY(!control->busy());
        QVERIFY2(page.localClusterStatus().contains(QStringLiteral("Broker 1 killed (SIGKILL), as a crash")),
            qPrintable(page.localClusterStatus()));
        QVERIFY(page.localClusterButton()->isEnabled());
        QTRY_VERIFY(cluster.refreshes > refreshesBefore); // the tables catch up at once

        // Broker 3 gone from the metadata: it can be started; the script's failure is said with its reason.
        cluster.metadataAnswer.brokers.removeLast();
        cluster.refresh();
        QTRY_COMPARE(page.brokerModel()->rowCount(), 2);
        auto* start = actionNamed(page.localClusterActions(), QStringLiteral("Start broker 3"));
        QVERIFY(start && start->isEnabled());
        start->trigger();
        QTRY_VERIFY(!control->busy());
        QVERIFY2(page.localClusterStatus().contains(QStringLiteral(
                     "local-cluster start-node 3 failed (exit status 1): kafka-cluster: error: node 3 exited during "
                     "startup")),
            qPrintable(page.localClusterStatus()));
        QCOMPARE(calls(dir),
            (QStringList {
                QStringLiteral("bootstrap"), QStringLiteral("kill-node 1"), QStringLiteral("start-node 3") }));
    }

    void theLocalClusterMenuStaysAwayFromOtherClustersAndReadOnlyConnections()
    {
        QTemporaryDir dir;
        FakeCluster cluster;
        script(cluster);
        // The same ids, other addresses: not the script's cluster.
        for (auto& b : cluster.metadataAnswer.brokers)
            b.host = QStringLiteral("prod-") + b.host;
        BrokersPage page(&cluster);
        page.show();
        auto* control = new LocalClusterControl(localClusterScript(dir), &page);
        page.setLocalCluster(control);
        cluster.connectTo(profile());
        QTRY_COMPARE(page.brokerModel()->rowCount(), 3);
        QTRY_VERIFY(control->isProbed());
        QVERIFY(!page.localClusterButton()->isVisible());
        auto actions = page.localClusterActions();
        QVERIFY(!actionNamed(actions, QStringLiteral("Stop the selected broker (select one of the local cluster's)"))
                     ->isEnabled());
        QVERIFY(!actionNamed(actions, QStringLiteral("Start broker 3")));

        // The script's cluster, read-only: shown, but nothing runs.
        script(cluster);
        auto readOnly = profile();
        readOnly.readOnly = true;
        cluster.connectTo(readOnly);
        QTRY_VERIFY(page.localClusterButton()->isVisible());
        QVERIFY(!page.localClusterButton()->isEnabled());
        QVERIFY(page.localClusterButton()->toolTip().contains(QStringLiteral("read-only")));
        QCOMPARE(calls(dir), QStringList { QStringLiteral("bootstrap") });

        // Writable again: enabled, and the tooltip says what the button does, not the old refusal.
        cluster.connectTo(profile());
        QTRY_VERIFY(page.localClusterButton()->isEnabled());
        QVERIFY2(page.localClusterButton()->toolTip().startsWith(QStringLiteral("Stop, kill or start a node")),
            qPrintable(page.localClusterButton()->toolTip()));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestPagesFake)
#include "test_pages_fake.moc"
