// Benchmark of a broker killed mid-tail (issue #11), on the real 3-broker cluster. A shown MainWindow (offscreen)
// tails a new 6-partition, RF 3 topic from the start in its live pane while an idempotent acks=all producer
// (librdkafka directly, independent of the code under test) writes about 400 keyed records a second; kcat tails the
// same topic beside it as the baseline. After --before seconds node 2 gets SIGKILL (tests/cluster/kafka-cluster.sh
// kill-node 2), --down seconds later it is started again, and --after seconds later the producer stops. Measured:
//  - records lost and duplicated: per partition, the offsets the pane (and kcat) received against the log's end
//    offsets once the producer stopped (target 0 and 0);
//  - the GUI thread's longest stall: a 10 ms Qt::PreciseTimer's lateness (actual interval - 10 ms), over the whole
//    run and while the node was down (target: max under 100 ms);
//  - the time until the tail is back at full rate: from the kill, until the records the pane has received stay
//    within one second of production (what was delivered up to a second earlier) for 3 s in a row; the same for kcat;
//    and the longest standstill after the kill (no new record shown), beside production's own (the partitions the
//    node led take no writes until their new leaders are elected).
// Prints the figures and one `RESULT broker_kill_tail ...` line. Not a test: it exits non-zero only when it cannot
// do the work (no cluster, kcat missing, the node script failing).
//
// Usage: bench_faults [--bootstrap LIST] [--before S] [--down S] [--after S]
// Environment: KAFSCOPE_BOOTSTRAP (when --bootstrap is not given); the test cluster's settings for the node script
// (KAFSCOPE_CLUSTER_DIR, KAFSCOPE_BROKER_PORTS...), as scripts/bench runs it.
#include "../tests/integration/steadyproducer.h"
#include "benchutil.h"
#include "kafka/clustersession.h"
#include "models/recordmodel.h"
#include "ui/livepage.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>
#include <vector>

using namespace kafscope;

using kafscope::bench::argValue;
using kafscope::bench::die;
using kafscope::bench::percentile;
using kafscope::bench::turn;

namespace {

constexpr int kTickMs = 10;
constexpr double kStallTargetMs = 100;

// CPU time of the calling thread so far, in ms.
double threadCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

// The node script, run while the event loop keeps turning (the pane drains meanwhile).
void nodeScript(const QString& verb)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), { verb, QStringLiteral("2") });
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 180000)
        turn(20);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(QStringLiteral("kafka-cluster.sh %1 2 failed").arg(verb));
}

// One sample every 100 ms of the run: records delivered (producer) and received (pane, kcat) so far.
struct Sample
{
    qint64 atMs;
    qint64 delivered;
    qint64 pane;
    qint64 kcat;
};

// Seconds from the kill until `received` stays within a second of production for 3 s; -1 if it never does.
double backAtFullRate(const std::vector<Sample>& samples, qint64 killMs, qint64 Sample::*received)
{
    qint64 since = -1;
    for (size_t i = 0; i < samples.size(); ++i) {
        if (samples[i].atMs < killMs)
            continue;
        // What was delivered a second before this sample.
        qint64 deliveredBefore = 0;
        for (size_t j = i; j-- > 0;) {
            if (samples[j].atMs <= samples[i].atMs - 1000) {
                deliveredBefore = samples[j].delivered;
                break;
            }
        }
        const bool keepingUp = samples[i].*received >= deliveredBefore;
        if (!keepingUp)
            since = -1;
        else if (since < 0)
            since = samples[i].atMs;
        if (since >= 0 && samples[i].atMs - since >= 3000)
            return double(since - killMs) / 1000.0;
    }
    return -1;
}

// The longest time after the kill in which `counter` did not move: how long the tail (or production) stood still.
double longestStandstill(const std::vector<Sample>& samples, qint64 killMs, qint64 Sample::*counter)
{
    qint64 longest = 0;
    qint64 lastMove = killMs;
    qint64 lastValue = -1;
    for (const auto& s : samples) {
        if (s.atMs < killMs)
            continue;
        if (s.*counter != lastValue) {
            longest = std::max(longest, s.atMs - lastMove);
            lastMove = s.atMs;
            lastValue = s.*counter;
        }
    }
    return double(longest) / 1000.0;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto bootstrapAt = args.indexOf(QStringLiteral("--bootstrap"));
    const QString bootstrap
        = bootstrapAt >= 0 ? args.value(bootstrapAt + 1) : qEnvironmentVariable("KAFSCOPE_BOOTSTRAP");
    if (bootstrap.isEmpty())
        die(QStringLiteral("no cluster: --bootstrap LIST or KAFSCOPE_BOOTSTRAP"));
    const int beforeS = argValue(args, QStringLiteral("--before"), 10);
    const int downS = argValue(args, QStringLiteral("--down"), 15);
    const int afterS = argValue(args, QStringLiteral("--after"), 15);

    const QString topic = QStringLiteral("kafscope-bench-kill9-%1").arg(QDateTime::currentMSecsSinceEpoch());
    QProcess create;
    create.start(QStringLiteral(KAFSCOPE_CLI_PATH),
        { QStringLiteral("topic"), QStringLiteral("create"), topic, QStringLiteral("--partitions"), QStringLiteral("6"),
            QStringLiteral("--replication-factor"), QStringLiteral("3"), QStringLiteral("--config"),
            QStringLiteral("min.insync.replicas=2"), QStringLiteral("--bootstrap"), bootstrap });
    if (!create.waitForFinished(60000) || create.exitCode() != 0)
        die(QStringLiteral("could not create %1: %2").arg(topic, QString::fromUtf8(create.readAllStandardError())));

    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
    MainWindow window(&settings);
    window.resize(1200, 760);
    window.show();
    window.connectTo({ QStringLiteral("bench"), bootstrap, false });
    LivePage* page = window.livePage();
    window.tabs()->setCurrentWidget(page);
    QElapsedTimer wait;
    wait.start();
    while (!page->startTailing(topic, QStringLiteral("earliest"))) {
        if (wait.elapsed() > 60000)
            die(QStringLiteral("the live pane could not tail %1 within 60 s").arg(topic));
        window.refresh();
        turn(1000);
    }

    // kcat beside it: the same topic from the start, one "partition offset" line per record.
    QProcess kcat;
    kcat.start(QStringLiteral("kcat"),
        { QStringLiteral("-C"), QStringLiteral("-b"), bootstrap, QStringLiteral("-t"), topic, QStringLiteral("-o"),
            QStringLiteral("beginning"), QStringLiteral("-q"), QStringLiteral("-u"), QStringLiteral("-f"),
            QStringLiteral("%p %o\\n") });
    if (!kcat.waitForStarted())
        die(QStringLiteral("kcat does not start (scripts/install-deps --test installs it)"));
    QByteArray kcatOut;
    QObject::connect(&kcat, &QProcess::readyReadStandardOutput, [&] { kcatOut += kcat.readAllStandardOutput(); });

    // The event loop's lateness, and the counters every 100 ms.
    QElapsedTimer clock;
    clock.start();
    std::vector<std::pair<qint64, double>> lateness; // (at ms, lateness ms)
    qint64 lastTick = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(kTickMs);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed() / 1000;
        if (lastTick > 0)
            lateness.emplace_back(now / 1000, double(now - lastTick) / 1000.0 - kTickMs);
        lastTick = now;
    });
    ticker.start();
    test::SteadyProducer producer(bootstrap, topic);
    if (!producer.valid())
        die(QStringLiteral("no librdkafka producer"));
    std::vector<Sample> samples;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        qint64 delivered = 0;
        for (const auto n : producer.delivered())
            delivered += n;
        samples.push_back({ clock.elapsed(), delivered, page->recordModel()->received(), kcatOut.count('\n') });
    });
    sampler.start(100);

    const double cpuAtStart = threadCpuMs();
    const qint64 cpuClockStart = clock.elapsed();
    producer.start();
    turn(beforeS * 1000);
    const qint64 killMs = clock.elapsed();
    nodeScript(QStringLiteral("kill-node"));
    turn(downS * 1000);
    const qint64 restartMs = clock.elapsed();
    nodeScript(QStringLiteral("start-node"));
    const qint64 backMs = clock.elapsed();
    turn(afterS * 1000);
    const double guiCpuPercent
        = 100.0 * (threadCpuMs() - cpuAtStart) / double(std::max<qint64>(1, clock.elapsed() - cpuClockStart));
    if (!producer.stopAndFlush())
        die(QStringLiteral("the producer's delivery reports did not all come"));
    // The log is the reference (librdkafka's idempotent producer may fail records when a leader dies mid-request).
    const auto ends = producer.endOffsets(6);
    const qint64 total = test::totalOf(ends);
    if (producer.failed() > 0)
        std::printf("bench_faults: the producer had %d deliveries fail (%s), made anew %d times\n", producer.failed(),
            producer.lastError().c_str(), producer.replaced());
    // Both tails catch up (or 60 s pass).
    wait.restart();
    while ((page->recordModel()->received() < total || kcatOut.count('\n') < total) && wait.elapsed() < 60000)
        turn(100);
    turn(1000); // duplicates after the last record would come now
    sampler.stop();
    ticker.stop();
    kcat.terminate();
    kcat.waitForFinished(5000);
    kcatOut += kcat.readAllStandardOutput();

    QMap<int, QList<qint64>> paneOffsets;
    const auto* model = page->recordModel();
    for (int row = 0; row < model->rowCount(); ++row)
        paneOffsets[model->record(row).partition()].append(model->record(row).offset());
    QMap<int, QList<qint64>> kcatOffsets;
    for (const auto& line : kcatOut.split('\n')) {
        const auto parts = line.split(' ');
        if (parts.size() == 2)
            kcatOffsets[parts[0].toInt()].append(parts[1].toLongLong());
    }
    const auto pane = test::compareWithLog(paneOffsets, ends);
    const auto base = test::compareWithLog(kcatOffsets, ends);

    std::vector<double> all;
    std::vector<double> down;
    for (const auto& [at, ms] : lateness) {
        all.push_back(ms);
        if (at >= killMs && at <= backMs)
            down.push_back(ms);
    }
    const double stallMax = all.empty() ? 0 : *std::max_element(all.begin(), all.end());
    const double stallDownMax = down.empty() ? 0 : *std::max_element(down.begin(), down.end());
    const double paneBack = backAtFullRate(samples, killMs, &Sample::pane);
    const double kcatBack = backAtFullRate(samples, killMs, &Sample::kcat);

    std::printf("bench_faults: node 2 killed %.1f s into the tail, started again after %.1f s (up %.1f s later); "
                "%lld records delivered to 6 partitions\n",
        double(killMs) / 1000, double(restartMs - killMs) / 1000, double(backMs - restartMs) / 1000, total);
    std::printf("  %-44s %10s %10s\n", "", "live pane", "kcat");
    std::printf("  %-44s %10lld %10lld  (target 0)\n", "records lost", pane.lost, base.lost);
    std::printf("  %-44s %10lld %10lld  (target 0)\n", "records duplicated", pane.duplicated, base.duplicated);
    std::printf("  %-44s %10lld %10lld\n", "partitions out of order", qint64(pane.outOfOrder.size()),
        qint64(base.outOfOrder.size()));
    std::printf("  %-44s %9.1fs %9.1fs\n", "back at full rate after the kill", paneBack, kcatBack);
    std::printf("  %-44s %9.1fs %9.1fs  (production: %.1fs)\n", "longest standstill after the kill",
        longestStandstill(samples, killMs, &Sample::pane), longestStandstill(samples, killMs, &Sample::kcat),
        longestStandstill(samples, killMs, &Sample::delivered));
    std::printf("  GUI thread (10 ms timer, lateness = interval - 10 ms, %zu ticks):\n", all.size());
    std::printf("    %-42s %8.1f ms  (target < %.0f: %s)\n", "longest stall, whole run", stallMax, kStallTargetMs,
        stallMax < kStallTargetMs ? "meets" : "MISSES");
    std::printf("    %-42s %8.1f ms\n", "longest stall, node down or starting", stallDownMax);
    std::printf("    %-42s %8.1f ms\n", "p99", percentile(all, 99));
    std::printf("    %-42s %8.1f %%  (of one core, while the producer wrote)\n", "busy", guiCpuPercent);
    // The ten longest stalls and when they came, relative to the kill (where to look when the target is missed).
    auto longest = lateness;
    std::sort(longest.begin(), longest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    longest.resize(std::min<size_t>(longest.size(), 10));
    std::printf("    %-42s", "longest ten (ms @ s from the kill)");
    for (const auto& [at, ms] : longest)
        std::printf(" %.0f@%+.1f", ms, double(at - killMs) / 1000);
    std::printf("\n");
    std::printf("RESULT broker_kill_tail records=%lld lost=%lld duplicated=%lld kcat_lost=%lld kcat_duplicated=%lld "
                "gui_stall_max_ms=%.1f gui_stall_down_max_ms=%.1f gui_stall_p99_ms=%.1f stall_target_ms=%.0f "
                "back_at_full_rate_s=%.1f kcat_back_at_full_rate_s=%.1f gui_busy_percent=%.1f\n",
        total, pane.lost, pane.duplicated, base.lost, base.duplicated, stallMax, stallDownMax, percentile(all, 99),
        kStallTargetMs, paneBack, kcatBack, guiCpuPercent);
    window.shutdown();
    return 0;
}
