// Closing the window while everything runs (issue #6): the demo cluster, a tail of `orders` and a 1,000,000-record
// bulk send. The close returns at once with the window gone, nothing is emitted into half-destroyed pages, and
// everything left winds down off the GUI thread and finishes. Run under the asan preset (scripts/test does) it also
// proves there is no use-after-free and no leak. The times are printed by bench_shutdown, not asserted here.
#include "kafka/background.h"
#include "kafka/clustersession.h"
#include "models/recordmodel.h"
#include "ui/livepage.h"
#include "ui/mainwindow.h"
#include "ui/producerpanel.h"
#include "ui/settings.h"
#include "uitestutil.h"

#include <QTemporaryDir>

using namespace kafscope;

namespace {
constexpr int kTimeoutMs = 60000; // the guard against a hang, not a speed requirement (asan is slow)
}

class TestShutdown : public QObject
{
    Q_OBJECT

private slots:
    void closingDuringBulkSendTailAndDemoLeavesNothingRunning()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        auto window = std::make_unique<MainWindow>(&settings);
        window->show();
        window->connectTo({ QStringLiteral("Demo (simulated)"), {}, true });
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected, kTimeoutMs);
        QVERIFY(window->showPage(QStringLiteral("live")));
        auto* live = window->livePage();
        QVERIFY(live->startTailing(QStringLiteral("orders"), QStringLiteral("earliest")));
        auto* producer = live->producerPanel();
        producer->setTopic(QStringLiteral("orders"));
        QVERIFY(producer->sendBulk(1000000, 12, QStringLiteral("restaurant-")));
        // In the middle of it all: records delivered and tailed, the bulk far from done.
        QTRY_VERIFY_WITH_TIMEOUT(
            producer->deliveredCount() > 1000 && live->recordModel()->rowCount() > 1000, kTimeoutMs);
        QVERIFY(producer->isBulkSending());
        QVERIFY(runningBackgroundWork() >= 2); // the tail and the producer, at least

        window->close();
        QVERIFY(!window->isVisible());
        QVERIFY(!producer->isBulkSending());
        window.reset(); // pages and session were shut down on close: nothing here waits, nothing is emitted

        QVERIFY2(waitForBackgroundWork(std::chrono::milliseconds(kTimeoutMs)),
            "the tail, the producer or the admin thread did not finish after the window closed");
        QCOMPARE(runningBackgroundWork(), 0);
    }

    void closingBeforeTheDemoHasStartedIsClean()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        auto window = std::make_unique<MainWindow>(&settings);
        window->show();
        window->connectTo({ QStringLiteral("Demo (simulated)"), {}, true });
        window->close(); // the admin thread is still starting the mock brokers
        window.reset();
        QVERIFY(waitForBackgroundWork(std::chrono::milliseconds(kTimeoutMs)));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestShutdown)
#include "test_shutdown.moc"
