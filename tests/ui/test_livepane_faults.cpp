// The live pane on the real cluster while a broker is killed (issue #11): a shown MainWindow tails a 6-partition,
// RF 3 topic from the start while an idempotent acks=all producer keeps writing; node 2 gets SIGKILL and is started
// again. Once it is back, every partition's offsets in the pane run from 0 to the end with no gap and no duplicate,
// and the pane's status said what happened while it happened. Then the whole cluster killed and started again: the
// window says it is unreachable and recovers by itself, the tail resumes losing nothing. Run alone (RUN_SERIAL): it
// kills nodes.
#include "../integration/steadyproducer.h"
#include "kafka/clustersession.h"
#include "models/brokermodel.h"
#include "models/recordmodel.h"
#include "models/topicmodel.h"
#include "ui/brokerspage.h"
#include "ui/livepage.h"
#include "ui/localcluster.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"
#include "ui/topicspage.h"
#include "uitestutil.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

using namespace kafscope;

namespace {

constexpr int kTimeoutMs = 60000;

QString bootstrap()
{
    return qEnvironmentVariable("KAFSCOPE_BOOTSTRAP");
}

// The cluster script, run without blocking the event loop (the pane keeps draining meanwhile).
bool runScript(const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), args);
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 180000))
        return false;
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool createTopic(const QString& topic)
{
    QProcess create;
    create.start(QStringLiteral(KAFSCOPE_CLI_PATH),
        { QStringLiteral("topic"), QStringLiteral("create"), topic, QStringLiteral("--partitions"), QStringLiteral("6"),
            QStringLiteral("--replication-factor"), QStringLiteral("3"), QStringLiteral("--config"),
            QStringLiteral("min.insync.replicas=2"), QStringLiteral("--bootstrap"), bootstrap() });
    return create.waitForFinished(60000) && create.exitStatus() == QProcess::NormalExit && create.exitCode() == 0;
}

// The pane's rows per partition, in row order.
QMap<int, QList<qint64>> shownOffsets(const RecordModel* model)
{
    QMap<int, QList<qint64>> shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown[model->record(row).partition()].append(model->record(row).offset());
    return shown;
}

// Once the producer stopped: waits until the pane received every record of the log, then compares the pane's rows
// with each of the 6 partitions' end offsets (the log is the reference: librdkafka's idempotent producer may fail
// records when a leader dies mid-request). Failures are recorded with QTest; the caller returns when there was one.
void expectThePaneHoldsTheLog(const RecordModel* model, test::SteadyProducer& producer, const char* what)
{
    const auto ends = producer.endOffsets(6);
    for (const auto end : ends)
        QVERIFY(end >= 0);
    const qint64 total = test::totalOf(ends);
    QVERIFY(total >= test::totalOf(producer.delivered()));
    if (producer.failed() > 0)
        std::printf("the test's producer: %d deliveries failed (%s), made anew %d times\n", producer.failed(),
            producer.lastError().c_str(), producer.replaced());
    QTRY_VERIFY_WITH_TIMEOUT(model->received() >= total, kTimeoutMs);
    QTest::qWait(500); // a duplicate after the last record would arrive now
    // The row cap is far above the record count: nothing was evicted.
    QCOMPARE(model->evicted(), 0);
    const auto verdict = test::compareWithLog(shownOffsets(model), ends);
    std::printf("%s (live pane): %lld records in 6 partitions, lost %lld, duplicated %lld\n", what, total, verdict.lost,
        verdict.duplicated);
    QCOMPARE(verdict.lost, qint64(0));
    QCOMPARE(verdict.duplicated, qint64(0));
    QVERIFY(verdict.outOfOrder.isEmpty());
    QCOMPARE(model->received(), total);
}

// Every text a label showed while the test ran, as the user saw them (sampled every 20 ms).
class TextLog : public QObject
{
public:
    explicit TextLog(QLabel* label)
        : m_label(label)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] { sample(); });
        m_timer.start(20);
    }
    QStringList texts()
    {
        sample();
        return m_texts;
    }
    bool any(const QString& part)
    {
        const auto all = texts();
        return std::any_of(all.begin(), all.end(), [&](const QString& t) { return t.contains(part); });
    }
    QString joined() { return texts().join(QLatin1Char('\n')); }

private:
    void sample()
    {
        const auto text = QString(m_label->text()).remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        if (m_texts.isEmpty() || m_texts.last() != text)
            m_texts << text;
    }
    QLabel* m_label;
    QTimer m_timer;
    QStringList m_texts;
};

} // namespace

class TestLivePaneFaults : public QObject
{
    Q_OBJECT

private slots:
    void aBrokerKilledMidTailLeavesEveryPartitionContiguousInThePane()
    {
        if (bootstrap().isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("KAFSCOPE_BOOTSTRAP is not set: in CI the real cluster must run (scripts/test starts it)");
            QSKIP("no real cluster (not CI): run scripts/test, or set KAFSCOPE_BOOTSTRAP");
        }
        const QString topic = QStringLiteral("kafscope-pane-kill9-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(createTopic(topic));

        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        MainWindow window(&settings);
        window.show();
        window.connectTo({ QStringLiteral("real"), bootstrap(), false });
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ClusterSession::State::Connected, kTimeoutMs);
        auto* page = window.livePage();
        window.tabs()->setCurrentWidget(page);
        // The new topic is tailable once the session's metadata has it (a refresh).
        QTimer refresh;
        connect(&refresh, &QTimer::timeout, &window, &MainWindow::refresh);
        refresh.start(1000);
        QTRY_VERIFY_WITH_TIMEOUT(page->startTailing(topic, QStringLiteral("earliest")), kTimeoutMs);
        refresh.stop();

        // Every status the pane showed, as the user saw them.
        auto* status = test::child<QLabel>(page, "statusLabel");
        QVERIFY(status);
        TextLog statuses(status);

        test::SteadyProducer producer(bootstrap(), topic);
        QVERIFY(producer.valid());
        producer.start();
        QTest::qWait(3000);
        QVERIFY(page->recordModel()->received() > 0);
        QVERIFY(runScript({ QStringLiteral("kill-node"), QStringLiteral("2") }));
        QTest::qWait(12000);
        QVERIFY(runScript({ QStringLiteral("start-node"), QStringLiteral("2") }));
        QTest::qWait(3000);
        QVERIFY2(producer.stopAndFlush(), "delivery reports missing");
        expectThePaneHoldsTheLog(page->recordModel(), producer, "kill -9 mid-tail");
        if (QTest::currentTestFailed())
            return;

        for (const auto& s : statuses.texts()) // what the user saw, for the log
            std::printf("  status: %s\n", qPrintable(s));
        // While node 2 was gone the status said so, naming its address, and then it was back to tailing.
        const QString port = bootstrap().split(QLatin1Char(',')).value(1).section(QLatin1Char(':'), 1);
        QVERIFY2(statuses.any(QLatin1String("127.0.0.1:") + port), qPrintable(statuses.joined()));
        const QString now = status->text();
        QVERIFY2(now.contains(QLatin1String("again")) || now.contains(QLatin1String("Tailing")), qPrintable(now));
    }

    // All three nodes killed while the window shows the cluster and the pane tails a topic a producer keeps writing,
    // then started again on their data: the window says "Unreachable since …" (the tables keep their data, marked
    // stale), the pane says its brokers are down, the next refresh recovers by itself, and the tail resumes where it
    // stopped: every record the log holds once, none twice.
    void theWholeClusterDownThenBackIsSaidAndRecoveredWithoutLosingARecord()
    {
        if (bootstrap().isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("KAFSCOPE_BOOTSTRAP is not set: in CI the real cluster must run (scripts/test starts it)");
            QSKIP("no real cluster (not CI): run scripts/test, or set KAFSCOPE_BOOTSTRAP");
        }
        const QString topic = QStringLiteral("kafscope-pane-outage-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(createTopic(topic));

        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        MainWindow window(&settings);
        window.show();
        window.connectTo({ QStringLiteral("real"), bootstrap(), false });
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ClusterSession::State::Connected, kTimeoutMs);
        auto* page = window.livePage();
        window.tabs()->setCurrentWidget(page);
        // What auto-refresh does every 10 s, every 2 s here.
        QTimer refresh;
        connect(&refresh, &QTimer::timeout, &window, &MainWindow::refresh);
        refresh.start(2000);
        QTRY_VERIFY_WITH_TIMEOUT(page->startTailing(topic, QStringLiteral("earliest")), kTimeoutMs);
        auto* status = test::child<QLabel>(page, "statusLabel");
        QVERIFY(status);
        TextLog paneStatuses(status);
        TextLog windowStates(window.connectionLabel());

        test::SteadyProducer producer(bootstrap(), topic);
        QVERIFY(producer.valid());
        producer.start();
        QTRY_VERIFY_WITH_TIMEOUT(page->recordModel()->received() > 200, kTimeoutMs);

        QVERIFY(runScript({ QStringLiteral("kill-node"), QStringLiteral("all") }));
        // The window says so by itself (the refresh timer), the pane too; the tables keep the last data.
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connectionLabel()->text().contains(QLatin1String("Unreachable since")), kTimeoutMs);
        auto* refreshed = test::child<QLabel>(&window, "refreshedLabel");
        QVERIFY(refreshed);
        QVERIFY2(refreshed->text().contains(QLatin1String("stale")), qPrintable(refreshed->text()));
        QVERIFY(window.topicsPage()->topicModel()->rowCount() > 0);
        const qint64 receivedWhileDown = page->recordModel()->received();
        QTest::qWait(3000);
        QCOMPARE(page->recordModel()->received(), receivedWhileDown); // nothing arrives from a dead cluster

        QVERIFY(runScript({ QStringLiteral("start-node"), QStringLiteral("all") }));
        QTRY_VERIFY_WITH_TIMEOUT(!window.connectionLabel()->text().contains(QLatin1String("Unreachable")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(page->recordModel()->received() > receivedWhileDown, kTimeoutMs);
        QTest::qWait(3000); // a few seconds of writing after the outage
        refresh.stop();
        QVERIFY2(producer.stopAndFlush(), "delivery reports missing");

        std::printf("whole cluster down and back: %lld records before the outage\n", receivedWhileDown);
        for (const auto& s : windowStates.texts())
            std::printf("  window: %s\n", qPrintable(s));
        for (const auto& s : paneStatuses.texts())
            std::printf("  pane: %s\n", qPrintable(s));
        expectThePaneHoldsTheLog(page->recordModel(), producer, "whole cluster down and back");
        if (QTest::currentTestFailed())
            return;
        // The pane named the outage while it lasted: a broker's address first, then that none answers.
        QVERIFY2(paneStatuses.any(QStringLiteral("127.0.0.1:")), qPrintable(paneStatuses.joined()));
        QVERIFY2(paneStatuses.any(QStringLiteral("No broker answers")), qPrintable(paneStatuses.joined()));
    }

    // The Brokers page's "Local cluster" menu on the real cluster: the cluster's own script stops node 3, the tables
    // lose it, the menu offers to start it, and it comes back.
    void theBrokersPagesLocalClusterMenuStopsAndStartsARealNode()
    {
        if (bootstrap().isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("KAFSCOPE_BOOTSTRAP is not set: in CI the real cluster must run (scripts/test starts it)");
            QSKIP("no real cluster (not CI): run scripts/test, or set KAFSCOPE_BOOTSTRAP");
        }
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        MainWindow window(&settings);
        auto* page = window.brokersPage();
        auto* control = new LocalClusterControl(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), page);
        page->setLocalCluster(control);
        window.show();
        window.showPage(QStringLiteral("brokers"));
        window.connectTo({ QStringLiteral("real"), bootstrap(), false });
        QTRY_COMPARE_WITH_TIMEOUT(page->brokerModel()->rowCount(), 3, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(page->localClusterButton()->isVisible(), kTimeoutMs);
        QTimer refresh;
        connect(&refresh, &QTimer::timeout, &window, &MainWindow::refresh);
        refresh.start(2000);

        auto* view = test::child<QTableView>(page, "brokerView");
        QVERIFY(view);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, 0).data().toString() == QLatin1String("3"))
                view->selectRow(row);
        auto find = [page](const QString& text) -> QAction* {
            for (auto* a : page->localClusterActions())
                if (a->text() == text)
                    return a;
            return nullptr;
        };
        auto* stop = find(QStringLiteral("Stop broker 3 (controlled shutdown)"));
        QVERIFY(stop && stop->isEnabled());
        stop->trigger();
        QVERIFY(page->localClusterStatus().contains(QStringLiteral("Stopping broker 3")));
        QTRY_VERIFY_WITH_TIMEOUT(!control->busy(), 120000);
        QVERIFY2(page->localClusterStatus().contains(QStringLiteral("Broker 3 stopped (controlled shutdown)")),
            qPrintable(page->localClusterStatus()));
        QTRY_COMPARE_WITH_TIMEOUT(page->brokerModel()->rowCount(), 2, kTimeoutMs);

        QAction* start = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((start = find(QStringLiteral("Start broker 3"))) != nullptr, kTimeoutMs);
        QVERIFY(start->isEnabled());
        start->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!control->busy(), 180000);
        QVERIFY2(page->localClusterStatus().contains(QStringLiteral("Broker 3 started again")),
            qPrintable(page->localClusterStatus()));
        QTRY_COMPARE_WITH_TIMEOUT(page->brokerModel()->rowCount(), 3, kTimeoutMs);
    }
};

KAFSCOPE_UI_TEST_MAIN(TestLivePaneFaults)
#include "test_livepane_faults.moc"
