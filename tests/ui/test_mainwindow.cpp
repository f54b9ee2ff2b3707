// MainWindow end to end on the in-process demo cluster (3 mock brokers; topics orders/6, payments/3, clicks/4), and
// on bad input: an unreachable cluster and a malformed bootstrap list.
#include "kafka/clustersession.h"
#include "kafka/protocol/bootstrap.h"
#include "models/brokermodel.h"
#include "models/configmodel.h"
#include "models/groupmodel.h"
#include "models/partitionmodel.h"
#include "models/topicfilterproxy.h"
#include "models/topicmodel.h"
#include "ui/brokerspage.h"
#include "ui/mainwindow.h"
#include "ui/pages/groupspage.h"
#include "ui/settings.h"
#include "ui/topicspage.h"
#include "uitestutil.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace kafscope;
using kafscope::test::child;
using kafscope::test::holdsFor;
using kafscope::test::visibleLabelContaining;

namespace {

constexpr int kLoadTimeoutMs = 30000; // the demo cluster starts librdkafka mock brokers; slow CI machines need time

ConnectionProfile demoProfile()
{
    return { QStringLiteral("Demo (simulated)"), {}, true };
}

QStringList sortedTopicNames(const QAbstractItemModel& model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, TopicModel::NameColumn).data().toString());
    names.sort();
    return names;
}

qint64 messagesOf(const TopicModel& model, const QString& topic)
{
    const int row = model.rowOfTopic(topic);
    return row < 0 ? -1 : model.index(row, TopicModel::MessagesColumn).data(TopicModel::SortRole).toLongLong();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window; // each test's own (init)

    bool demoLoaded() const
    {
        return sortedTopicNames(*m_window->topicsPage()->topicModel())
            == QStringList { QStringLiteral("clicks"), QStringLiteral("orders"), QStringLiteral("payments") };
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(m_settings.get());
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("window not exposed");
        return window;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("kafscope.ini")));
    }

    // Every test gets a window of its own: connected to a freshly started demo cluster, loaded, with "orders"
    // selected; except the tests that connect it themselves.
    void init()
    {
        m_window = makeWindow();
        QCOMPARE(m_window->session()->state(), ClusterSession::State::Disconnected);
        QVERIFY(m_window->connectionLabel()->text().contains(QStringLiteral("Not connected")));
        static const QStringList ownConnection { QStringLiteral("eventLoopTurnsWhileTheDemoLoadsAndRefreshes"),
            QStringLiteral("malformedBootstrapFailsAtOnceAndSendsNothing"),
            QStringLiteral("unreachableClusterFailsWithABannerAndTheWindowStaysResponsive") };
        if (ownConnection.contains(QString::fromLatin1(QTest::currentTestFunction())))
            return;
        QSignalSpy offsets(m_window->session(), &ClusterSession::offsetsAvailable);
        m_window->connectTo(demoProfile());
        QTRY_VERIFY_WITH_TIMEOUT(demoLoaded() && offsets.count() >= 1, kLoadTimeoutMs);
        QVERIFY(m_window->topicsPage()->selectTopic(QStringLiteral("orders")));
    }

    void cleanup()
    {
        m_window.reset(); // shuts the session down without waiting (main() waits for the rest, bounded)
    }

    void cleanupTestCase() { m_settings.reset(); }

    // The GUI thread keeps turning while the demo cluster starts, loads, refreshes and answers config requests: a
    // 10 ms timer ticks all along. How late it ticks is measured by the benchmarks (bench_ingest, bench_shutdown),
    // not asserted here.
    void eventLoopTurnsWhileTheDemoLoadsAndRefreshes()
    {
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(10);
        ticker.setTimerType(Qt::PreciseTimer);
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start();

        QSignalSpy offsets(m_window->session(), &ClusterSession::offsetsAvailable);
        m_window->connectTo(demoProfile());
        QCOMPARE(m_window->session()->state(), ClusterSession::State::Connecting);
        QTRY_VERIFY_WITH_TIMEOUT(offsets.count() >= 1, kLoadTimeoutMs);
        const int ticksWhileLoading = ticks;

        // Keep the session busy for a while: refreshes as F5 would, and config requests as selection would.
        QElapsedTimer busy;
        busy.start();
        while (busy.elapsed() < 2000) {
            m_window->refresh();
            m_window->session()->loadConfigs(ConfigResourceType::Topic, QStringLiteral("orders"));
            QTest::qWait(100);
        }
        ticker.stop();
        QVERIFY2(ticksWhileLoading > 0, "no timer event was processed while the demo cluster started and loaded");
        QVERIFY2(ticks - ticksWhileLoading > 20, "timer events stopped while refreshes and config requests ran");
    }

    void demoShowsItsThreeTopics()
    {
        QTRY_VERIFY_WITH_TIMEOUT(demoLoaded(), kLoadTimeoutMs);
        QCOMPARE(m_window->topicsPage()->topicProxy()->rowCount(), 3);
        QVERIFY(visibleLabelContaining(m_window->topicsPage(), QStringLiteral("3 of 3 topics")));
        QCOMPARE(m_window->session()->state(), ClusterSession::State::Connected);
    }

    void statusBarSaysConnected()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->connectionLabel()->text().contains(QStringLiteral("Connected")), kLoadTimeoutMs);
        QVERIFY2(
            m_window->connectionLabel()->text().contains(QStringLiteral("Connected to the demo cluster (3 brokers)")),
            qPrintable(m_window->connectionLabel()->text()));
        QVERIFY(m_window->connectionLabel()->isVisible());
        QVERIFY(visibleLabelContaining(m_window->statusBar(), QStringLiteral("Refreshed ")));
        // No error banner on a healthy connection.
        QVERIFY(!visibleLabelContaining(m_window.get(), QStringLiteral("Check the address")));
    }

    void demoMarkerIsVisible()
    {
        auto* marker = visibleLabelContaining(m_window->statusBar(), QStringLiteral("Demo (simulated)"));
        QVERIFY(marker);
        QVERIFY(!marker->toolTip().isEmpty());
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Demo (simulated)")));
    }

    void selectingOrdersShowsItsSixPartitions()
    {
        auto* page = m_window->topicsPage();
        QVERIFY(page->selectTopic(QStringLiteral("orders")));
        QCOMPARE(page->selectedTopic(), QStringLiteral("orders"));
        QTRY_COMPARE_WITH_TIMEOUT(page->partitionModel()->rowCount(), 6, kLoadTimeoutMs);
        QCOMPARE(page->partitionModel()->topic().name, QStringLiteral("orders"));
        QVERIFY(visibleLabelContaining(page, QStringLiteral("<b>orders</b>: 6 partition(s), replication factor 3")));
        QVERIFY(!page->selectTopic(QStringLiteral("no-such-topic")));
        QCOMPARE(page->selectedTopic(), QStringLiteral("orders"));
    }

    void messagesBecomeKnownAfterOffsetsLoad()
    {
        auto* page = m_window->topicsPage();
        // The demo producer seeds every topic before the cluster is reported up, so each count becomes positive.
        for (const auto& topic : { QStringLiteral("orders"), QStringLiteral("payments"), QStringLiteral("clicks") })
            QTRY_VERIFY2_WITH_TIMEOUT(messagesOf(*page->topicModel(), topic) > 0, qPrintable(topic), kLoadTimeoutMs);
        // The partition pane of the selected topic has its offsets too.
        QTRY_VERIFY_WITH_TIMEOUT(page->partitionModel()->rowCount() == 6, kLoadTimeoutMs);
        qint64 sum = 0;
        for (int row = 0; row < page->partitionModel()->rowCount(); ++row)
            sum += std::max<qint64>(0,
                page->partitionModel()
                    ->index(row, PartitionModel::MessagesColumn)
                    .data(PartitionModel::SortRole)
                    .toLongLong());
        QVERIFY(sum > 0);
    }

    void refreshKeepsTheSelection()
    {
        auto* page = m_window->topicsPage();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isRefreshing(), kLoadTimeoutMs);
        QSignalSpy offsets(m_window->session(), &ClusterSession::offsetsAvailable);
        m_window->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(offsets.count() >= 1, kLoadTimeoutMs);
        QCOMPARE(page->selectedTopic(), QStringLiteral("orders"));
        QCOMPARE(page->partitionModel()->rowCount(), 6);
        QCOMPARE(page->topicModel()->rowCount(), 3);
    }

    void filterNarrowsTheTopicListAfterTypingPauses()
    {
        auto* page = m_window->topicsPage();
        auto* proxy = page->topicProxy();
        QCOMPARE(proxy->rowCount(), 3);
        page->setFilterText(QStringLiteral("ord"));
        // Debounced: nothing is filtered before the event loop has run the timer.
        QCOMPARE(proxy->rowCount(), 3);
        QTRY_COMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, TopicModel::NameColumn).data().toString(), QStringLiteral("orders"));
        QVERIFY(visibleLabelContaining(page, QStringLiteral("1 of 3 topics")));
        QCOMPARE(page->selectedTopic(), QStringLiteral("orders")); // the selected topic passes the filter: kept

        page->setFilterText(QStringLiteral("ORD")); // case-insensitive
        QTRY_COMPARE(proxy->filterText(), QStringLiteral("ORD"));
        QCOMPARE(proxy->rowCount(), 1);

        page->setFilterText(QStringLiteral("nothing-matches"));
        QTRY_COMPARE(proxy->rowCount(), 0);
        QVERIFY(visibleLabelContaining(page, QStringLiteral("0 of 3 topics")));

        // Filtering the selected topic away clears the selection and the partition pane.
        QCOMPARE(page->selectedTopic(), QString());
        QCOMPARE(page->partitionModel()->rowCount(), 0);

        page->setFilterText({});
        QTRY_COMPARE(proxy->rowCount(), 3);
        QVERIFY(page->selectTopic(QStringLiteral("orders")));
        QCOMPARE(page->partitionModel()->rowCount(), 6);
    }

    void brokersPageShowsThreeBrokers()
    {
        auto* page = m_window->brokersPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->brokerModel()->rowCount(), 3, kLoadTimeoutMs);
        QVERIFY(
            page->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().startsWith(QStringLiteral("3 broker(s)")));
        QList<int32_t> ids;
        for (int row = 0; row < 3; ++row)
            ids.append(page->brokerModel()->brokerId(row));
        QCOMPARE(ids.size(), 3);
        QVERIFY(ids[0] >= 0 && ids[0] < ids[1] && ids[1] < ids[2]);
    }

    void brokerConfigsSayTheDemoDoesNotServeThem()
    {
        auto* tabs = m_window->findChild<QTabWidget*>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(m_window->brokersPage());
        auto* page = m_window->brokersPage();
        // The first broker is selected on load, which asks for its configs; the mock broker refuses them.
        auto* status = child<QLabel>(page, "configStatus");
        QVERIFY(status);
        QTRY_VERIFY2_WITH_TIMEOUT(
            status->text().contains(QStringLiteral("does not serve")), qPrintable(status->text()), kLoadTimeoutMs);
        QVERIFY(status->isVisible());
        QVERIFY(status->text().contains(QStringLiteral("scripts/run-demo --real")));
        QCOMPARE(page->configModel()->rowCount(), 0);
        // A failed config request does not fail the connection.
        QCOMPARE(m_window->session()->state(), ClusterSession::State::Connected);
        tabs->setCurrentWidget(m_window->topicsPage());
    }

    void topicConfigsSayTheDemoDoesNotServeThem()
    {
        auto* page = m_window->topicsPage();
        auto* status = child<QLabel>(page, "configStatus");
        QVERIFY(status);
        QCOMPARE(page->selectedTopic(), QStringLiteral("orders"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            status->text().contains(QStringLiteral("does not serve")), qPrintable(status->text()), kLoadTimeoutMs);
        QCOMPARE(page->configModel()->rowCount(), 0);
    }

    // The mock broker serves no admin writes: the answer says so and names the way to a real cluster (issue #7).
    void demoRefusesTopicCreationAndSaysWhy()
    {
        protocol::CreateTopicsRequest request;
        protocol::CreatableTopic topic;
        topic.name = QStringLiteral("new-topic");
        topic.numPartitions = 1;
        topic.replicationFactor = 1;
        request.topics = { topic };
        std::optional<AdminResult<protocol::CreateTopicsResponse>> result;
        m_window->session()->createTopics(request, this, [&](const auto& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kLoadTimeoutMs);
        QVERIFY(!result->ok());
        QVERIFY2(result->error.message.contains(QStringLiteral("demo cluster")), qPrintable(result->error.message));
    }

    void screenshotOfTheLoadedWindow()
    {
        QVERIFY(demoLoaded());
        const auto pixmap = m_window->grab();
        QVERIFY(!pixmap.isNull());
        QCOMPARE(pixmap.deviceIndependentSize().toSize(), m_window->size());
    }

    // A teacher's 1366x768 laptop: whatever page is shown, with a group's detail and lag charts open, the window can
    // shrink to the screen (less a task bar and the title bar) instead of growing past its bottom edge.
    void everyPageFitsALaptopScreen()
    {
        QVERIFY(demoLoaded());
        const QSize laptop(1366, 768 - 40 - 30);
        m_window->tabs()->setCurrentWidget(m_window->groupsPage());
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->groupsPage()->groupModel()->rowCount() > 0, kLoadTimeoutMs); // the demo group
        m_window->groupsPage()->selectGroup(QStringLiteral("order-processors"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->groupsPage()->detailInfoText().contains(QStringLiteral("member(s)")), kLoadTimeoutMs);
        auto* detailTabs = m_window->groupsPage()->findChild<QTabWidget*>(QStringLiteral("detailTabs"));
        QVERIFY(detailTabs);
        detailTabs->setCurrentIndex(detailTabs->count() - 1); // Lag over time
        for (int i = 0; i < m_window->tabs()->count(); ++i) {
            m_window->tabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QSize least = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
            QVERIFY2(least.width() <= laptop.width() && least.height() <= laptop.height(),
                qPrintable(QStringLiteral("on the %1 tab the window needs at least %2x%3, more than %4x%5")
                               .arg(m_window->tabs()->tabText(i).remove(QLatin1Char('&')))
                               .arg(least.width())
                               .arg(least.height())
                               .arg(laptop.width())
                               .arg(laptop.height())));
        }
    }

    void malformedBootstrapFailsAtOnceAndSendsNothing()
    {
        auto window = makeWindow();
        auto* session = window->session();
        QSignalSpy states(session, &ClusterSession::stateChanged);
        QSignalSpy metadata(session, &ClusterSession::metadataAvailable);
        QSignalSpy failures(session, &ClusterSession::refreshFailed);
        window->connectTo({ {}, QStringLiteral("nohost"), false });

        // Synchronous: the parse error is the whole story, no Connecting state, no worker involved.
        const auto expected = parseBootstrap(QStringLiteral("nohost")).error;
        QVERIFY(!expected.isEmpty());
        QCOMPARE(session->state(), ClusterSession::State::Failed);
        QCOMPARE(states.count(), 1);
        QCOMPARE(states.first().at(1).toString(), expected);
        QVERIFY(!session->isRefreshing());
        QCOMPARE(session->bootstrapServers(), QString());
        QVERIFY(visibleLabelContaining(window.get(), expected)); // the banner
        QVERIFY(window->connectionLabel()->text().contains(expected.toHtmlEscaped()));

        // Nothing was sent, so nothing comes back later either.
        QVERIFY(holdsFor([&] { return states.count() == 1; }, 200));
        QCOMPARE(metadata.count(), 0);
        QCOMPARE(failures.count(), 0);
        QCOMPARE(window->topicsPage()->topicModel()->rowCount(), 0);
        QVERIFY(!visibleLabelContaining(window->statusBar(), QStringLiteral("Demo (simulated)")));
    }

    void aProfileLabelIsShownInItsColourInTheStatusBarAndTitle()
    {
        auto window = makeWindow();
        ConnectionProfile profile { QStringLiteral("payments"), QStringLiteral("127.0.0.1:1"), false };
        profile.label = QStringLiteral("PRODUCTION");
        profile.color = QStringLiteral("#c5221f");
        profile.connectTimeoutMs = 1500;
        profile.security.protocol = SecurityProtocol::SaslSsl;
        profile.security.mechanism = SaslMechanism::ScramSha512;
        profile.security.username = QStringLiteral("ops");
        profile.security.password = QStringLiteral("pw");
        window->connectTo(profile);
        QVERIFY2(
            window->windowTitle().contains(QStringLiteral("payments [PRODUCTION]")), qPrintable(window->windowTitle()));
        QVERIFY(window->profileLabel()->isVisibleTo(window.get()));
        QCOMPARE(window->profileLabel()->text().trimmed(), QStringLiteral("PRODUCTION"));
        QVERIFY(window->profileLabel()->styleSheet().contains(QStringLiteral("#c5221f")));
        // How it is secured is said while connecting.
        QVERIFY2(window->connectionLabel()->text().contains(QStringLiteral("SASL_SSL, SCRAM-SHA-512 as ops")),
            qPrintable(window->connectionLabel()->text()));
        // A connection without a label shows none.
        ConnectionProfile plain { {}, QStringLiteral("127.0.0.1:1"), false };
        plain.connectTimeoutMs = 1500;
        window->connectTo(plain);
        QVERIFY(!window->profileLabel()->isVisibleTo(window.get()));
        QVERIFY(!window->windowTitle().contains(QStringLiteral("[")));
    }

    void unreachableClusterFailsWithABannerAndTheWindowStaysResponsive()
    {
        auto window = makeWindow();
        auto* session = window->session();
        ConnectionProfile profile { {}, QStringLiteral("127.0.0.1:1"), false };
        profile.connectTimeoutMs = 1500;
        profile.requestTimeoutMs = 3000;
        window->connectTo(profile);
        QCOMPARE(session->state(), ClusterSession::State::Connecting);
        QVERIFY(window->connectionLabel()->text().contains(QStringLiteral("Connecting to 127.0.0.1:1")));

        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ClusterSession::State::Failed, kLoadTimeoutMs);
        auto* banner = visibleLabelContaining(window.get(), QStringLiteral("Check the address"));
        QVERIFY(banner);
        QVERIFY2(banner->text().contains(QStringLiteral("127.0.0.1:1")), qPrintable(banner->text()));
        qInfo("unreachable cluster: %s", qPrintable(banner->text().section(QLatin1Char('\n'), 0, 0)));
        QCOMPARE(window->topicsPage()->topicModel()->rowCount(), 0);

        // Still responsive: the debounced filter runs, and Refresh retries (Connecting, then Failed again).
        window->topicsPage()->setFilterText(QStringLiteral("x"));
        QTRY_COMPARE(window->topicsPage()->topicProxy()->filterText(), QStringLiteral("x"));
        QSignalSpy states(session, &ClusterSession::stateChanged);
        window->refresh();
        QCOMPARE(session->state(), ClusterSession::State::Connecting);
        QVERIFY(!banner->isVisible()); // hidden while retrying
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ClusterSession::State::Failed, kLoadTimeoutMs);
        QVERIFY(banner->isVisible());
        QCOMPARE(states.count(), 2);
    }

    // Switching to a bad address must not leave the demo's topics and brokers on screen under a "failed" status.
    void switchingFromDemoToABadAddressClearsThePages()
    {
        QVERIFY(demoLoaded());
        m_window->connectTo({ {}, QStringLiteral("nohost"), false });
        QCOMPARE(m_window->session()->state(), ClusterSession::State::Failed);
        QVERIFY(!visibleLabelContaining(m_window->statusBar(), QStringLiteral("Demo (simulated)")));
        QCOMPARE(m_window->topicsPage()->topicModel()->rowCount(), 0);
        QCOMPARE(m_window->topicsPage()->partitionModel()->rowCount(), 0);
        QCOMPARE(m_window->brokersPage()->brokerModel()->rowCount(), 0);
        // Late results of the old demo session are dropped.
        QVERIFY(holdsFor([&] { return m_window->topicsPage()->topicModel()->rowCount() == 0; }, 500));
        QCOMPARE(m_window->session()->state(), ClusterSession::State::Failed);
    }
};

KAFSCOPE_UI_TEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
