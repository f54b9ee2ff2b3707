// How fast the window goes and the process ends when the user closes KafScope in the middle of everything
// (issue #6): the demo cluster running, the Live tab tailing `orders`, and a 1,000,000-record bulk send under way.
// Targets: the window is gone within 200 ms of the close, the process has exited within 2 s.
//
// Each run is a child process (this program with --child) that builds the real MainWindow (offscreen), waits until
// the tail and the bulk send are both moving, then closes the window as the close button would and leaves main()
// the way kafscope's does (exitAfterBackgroundWork). The child reports how long close() took until the window was
// hidden; the parent times from the child's "closing" line to its exit. Baseline in the same run: the same child
// closing with only the demo cluster connected (no tail, no bulk send). clean_exits counts the busy runs in which
// every background thread finished within the grace time (the others end through std::_Exit, still in time).
//
// Not a test: figures next to the targets, one `RESULT shutdown ...` line; non-zero only when a child fails.
// Usage: bench_shutdown [--runs N]
#include "kafka/background.h"
#include "kafka/clustersession.h"
#include "models/recordmodel.h"
#include "ui/livepage.h"
#include "ui/mainwindow.h"
#include "ui/producerpanel.h"
#include "ui/settings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace kafscope;

namespace {

int child(int argc, char** argv, bool busy)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
    auto window = std::make_unique<MainWindow>(&settings);
    window->show();
    window->connectTo({ QStringLiteral("Demo (simulated)"), {}, true });
    auto* live = window->livePage();
    auto* producer = live->producerPanel();
    bool started = false;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (window->session()->state() != ClusterSession::State::Connected)
            return;
        if (busy && !started) {
            started = true;
            window->showPage(QStringLiteral("live"));
            live->startTailing(QStringLiteral("orders"), QStringLiteral("earliest"));
            producer->setTopic(QStringLiteral("orders"));
            producer->sendBulk(1000000, 12, QStringLiteral("restaurant-"));
            return;
        }
        if (busy && (producer->deliveredCount() < 20000 || live->recordModel()->received() < 20000))
            return;
        poll.stop();
        std::printf("closing\n");
        std::fflush(stdout);
        QElapsedTimer t;
        t.start();
        window->close(); // what the close button does; the last window closing quits the event loop
        const bool hidden = !window->isVisible();
        std::printf("window_gone_ms=%.1f hidden=%d bulk_left=%d\n", double(t.nsecsElapsed()) / 1e6, int(hidden),
            int(producer->isBulkSending()));
        std::fflush(stdout);
    });
    poll.start();
    const int code = app.exec();
    window.reset();
    // As kafscope's main() does (exitAfterBackgroundWork), saying which way it went.
    const bool clean = waitForBackgroundWork(kExitGraceMs);
    std::printf("clean=%d\n", int(clean));
    std::fflush(stdout);
    return exitAfterBackgroundWork(code, std::chrono::milliseconds(0));
}

struct Run
{
    double windowGoneMs = -1;
    double exitMs = -1;
    bool ok = false;
    bool clean = false;
};

Run runChild(const QString& self, bool busy)
{
    Run run;
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(self, { busy ? QStringLiteral("--child-busy") : QStringLiteral("--child-idle") });
    QElapsedTimer sinceClose;
    QByteArray out;
    while (p.state() != QProcess::NotRunning || p.bytesAvailable() > 0) {
        p.waitForReadyRead(50);
        out += p.readAll();
        if (!sinceClose.isValid() && out.contains("closing\n"))
            sinceClose.start();
        if (sinceClose.isValid() && sinceClose.elapsed() > 60000)
            p.kill();
    }
    if (sinceClose.isValid())
        run.exitMs = double(sinceClose.nsecsElapsed()) / 1e6;
    const auto at = out.indexOf("window_gone_ms=");
    if (at >= 0)
        run.windowGoneMs = out.mid(at + 15, out.indexOf(' ', at) - at - 15).toDouble();
    run.clean = out.contains("clean=1");
    run.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && run.windowGoneMs >= 0
        && out.contains("hidden=1");
    if (!run.ok)
        std::fprintf(stderr, "bench_shutdown: child failed (exit %d): %s\n", p.exitCode(), out.constData());
    return run;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--child-busy") == 0)
            return child(argc, argv, true);
        if (qstrcmp(argv[i], "--child-idle") == 0)
            return child(argc, argv, false);
    }
    int runs = 5;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--runs") == 0)
            runs = std::max(1, atoi(argv[i + 1]));
    QCoreApplication app(argc, argv);
    const QString self = QCoreApplication::applicationFilePath();
    std::vector<double> gone, exit, idleGone, idleExit;
    int clean = 0;
    for (int i = 0; i < runs; ++i) {
        const Run busy = runChild(self, true);
        const Run idle = runChild(self, false);
        if (!busy.ok || !idle.ok)
            return 1;
        clean += busy.clean;
        gone.push_back(busy.windowGoneMs);
        exit.push_back(busy.exitMs);
        idleGone.push_back(idle.windowGoneMs);
        idleExit.push_back(idle.exitMs);
        std::printf("run %d: busy window %.1f ms, exit %.0f ms; idle window %.1f ms, exit %.0f ms\n", i + 1,
            busy.windowGoneMs, busy.exitMs, idle.windowGoneMs, idle.exitMs);
    }
    std::printf("RESULT shutdown runs=%d window_gone_ms=%.1f window_gone_max_ms=%.1f window_target_ms=200 exit_ms=%.0f "
                "exit_max_ms=%.0f exit_target_ms=2000 clean_exits=%d baseline_idle_window_gone_ms=%.1f "
                "baseline_idle_exit_ms=%.0f\n",
        runs, median(gone), *std::max_element(gone.begin(), gone.end()), median(exit),
        *std::max_element(exit.begin(), exit.end()), clean, median(idleGone), median(idleExit));
    return 0;
}
