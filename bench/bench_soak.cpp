// Soak benchmark (issue #11): the app left running on the demo cluster, as a teacher's or a developer's window is for
// hours. A shown MainWindow (offscreen) on the demo cluster with auto-refresh on, the live pane tailing a topic a
// producer of this benchmark writes --rate records a second into (keyed, on top of the demo's own order events) with
// the row cap at --row-cap, and the lag sampler sampling the demo group every 5 s (pinned) into a lag history file of
// its own. Every --every seconds it prints the app's RSS, the history file's size (with its WAL), the records received
// and evicted by the pane, the lag samples taken, and the demo brokers' RSS. The baseline is the run itself: the
// figures once warmed up (the row cap reached, the first minute of history written) next to those at the end.
// Prints a `RESULT soak ...` line: RSS and history size at warm-up and at the end, and their growth per hour after
// warm-up. Not a test: it does not pass or fail; a leak shows as growth.
//
// Where the demo's brokers live: librdkafka's mock brokers keep every partition's log in memory up to a cap (5 MB or
// 100,000 batches per partition, rdkafka_mock.c). The demo's own producer writes one small batch per event, so its 13
// partitions take about ten hours to reach that cap, and the in-process demo's RSS grows all that time with the
// brokers' logs, not with the app. So by default the demo brokers (and the demo producer) run in a child process of
// this benchmark (`bench_soak --serve-demo`, which prints their bootstrap), the app connects to them as the demo,
// everything else as in the app's own demo (the demo group runs in the app), and the app's RSS is the app's alone;
// the brokers' RSS is printed beside it. --brokers-in-process runs them in the app's process, as `kafscope` does.
//
// Usage: bench_soak [--minutes M (default 120)] [--every S (default 60)] [--rate R (default 200)]
//                   [--row-cap N (default 20000)] [--warmup-minutes W (default 20)] [--brokers-in-process]
//                   [--demo-bootstrap HOST:PORT,... (demo brokers already served by `bench_soak --serve-demo`)]
#include "benchutil.h"
#include "kafka/clustersession.h"
#include "kafka/demo/democluster.h"
#include "kafka/lag/sampler.h"
#include "models/recordmodel.h"
#include "ui/livepage.h"
#include "ui/mainwindow.h"
#include "ui/pages/groupspage.h"
#include "ui/settings.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <librdkafka/rdkafka.h>
#include <malloc.h>
#include <string>
#include <thread>

using namespace kafscope;

using kafscope::bench::argValue;
using kafscope::bench::die;
using kafscope::bench::turn;

namespace {

// A figure of /proc/PID/status in MiB: VmRSS, or RssAnon (the process's own memory, without the pages of the
// libraries and fonts it maps, which grow as more of their code runs and which the kernel can drop).
double statusMb(const char* field, const QString& pid = QStringLiteral("self"))
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
    return -1;
}

// What malloc has handed out and not had back, all arenas: against the RSS, it tells a leak (both grow) from memory
// the allocator keeps after it was freed (only the RSS grows).
double heapInUseMb()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

qint64 fileBytes(const QString& path)
{
    qint64 total = 0;
    for (const auto& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        total += QFileInfo(path + suffix).size();
    return total;
}

// Keyed records at a steady rate into the demo cluster (librdkafka directly, not the code under test).
class Writer
{
public:
    Writer(const QString& bootstrap, const std::string& topic, int rate)
        : m_topic(topic)
        , m_rate(rate)
    {
        char errstr[512];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), nullptr, 0);
        rd_kafka_conf_set(conf, "linger.ms", "20", nullptr, 0);
        rd_kafka_conf_set(conf, "log_level", "2", nullptr, 0);
        m_rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        if (!m_rk)
            die(QStringLiteral("no producer: %1").arg(QString::fromUtf8(errstr)));
        m_thread = std::thread([this] {
            const auto period = std::chrono::microseconds(1000000 / std::max(1, m_rate));
            auto next = std::chrono::steady_clock::now();
            for (long i = 0; !m_stop; ++i) {
                const std::string key = "sensor-" + std::to_string(i % 50);
                const std::string value = R"({"reading":)" + std::to_string(i) + R"(,"unit":"C","note":"soak"})";
                rd_kafka_producev(m_rk, RD_KAFKA_V_TOPIC(m_topic.c_str()), RD_KAFKA_V_KEY(key.data(), key.size()),
                    RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
                rd_kafka_poll(m_rk, 0);
                next += period;
                std::this_thread::sleep_until(next);
            }
        });
    }
    ~Writer()
    {
        m_stop = true;
        m_thread.join();
        rd_kafka_flush(m_rk, 5000);
        rd_kafka_destroy(m_rk);
    }

private:
    std::string m_topic;
    int m_rate;
    rd_kafka_t* m_rk = nullptr;
    std::atomic<bool> m_stop { false };
    std::thread m_thread;
};

// The child: the demo's mock brokers and producer, until the parent closes our stdin (or dies).
int serveDemo()
{
    QString error;
    auto demo = demo::DemoCluster::start(&error);
    if (!demo)
        die(QStringLiteral("the demo cluster did not start: %1").arg(error));
    std::printf("%s\n", qPrintable(demo->bootstrapServers()));
    std::fflush(stdout);
    char buffer[256];
    while (std::fread(buffer, 1, sizeof buffer, stdin) > 0) { }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--serve-demo") == 0)
            return serveDemo();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir dir;
    const QString historyPath = dir.filePath(QStringLiteral("lag-history.sqlite"));
    qputenv("KAFSCOPE_LAG_HISTORY", historyPath.toUtf8());
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int minutes = argValue(args, QStringLiteral("--minutes"), 120);
    const int everyS = std::max(1, argValue(args, QStringLiteral("--every"), 60));
    const int rate = argValue(args, QStringLiteral("--rate"), 200);
    const int rowCap = argValue(args, QStringLiteral("--row-cap"), 20000);
    const int warmupMinutes = argValue(args, QStringLiteral("--warmup-minutes"), 20);
    const bool brokersInProcess = args.contains(QStringLiteral("--brokers-in-process"));
    // Demo brokers someone else started (`bench_soak --serve-demo` by hand, e.g. to run this one under heaptrack
    // alone).
    const int bootstrapAt = int(args.indexOf(QStringLiteral("--demo-bootstrap")));

    QProcess brokers;
    QString demoBootstrap; // empty: the demo's brokers in this process
    if (bootstrapAt > 0 && bootstrapAt + 1 < args.size()) {
        demoBootstrap = args.at(bootstrapAt + 1);
    } else if (!brokersInProcess) {
        brokers.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        brokers.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--serve-demo") });
        if (!brokers.waitForStarted(10000))
            die(QStringLiteral("the demo brokers' process did not start: %1").arg(brokers.errorString()));
        QElapsedTimer started;
        started.start();
        while (!brokers.canReadLine() && started.elapsed() < 60000)
            brokers.waitForReadyRead(1000);
        demoBootstrap = QString::fromUtf8(brokers.readLine()).trimmed();
        if (demoBootstrap.isEmpty())
            die(QStringLiteral("the demo brokers' process printed no bootstrap"));
    }
    const QString brokersPid = QString::number(brokers.processId());

    Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
    MainWindow window(&settings);
    window.resize(1200, 760);
    window.show();
    window.connectTo({ QStringLiteral("Demo"), demoBootstrap, true });
    QElapsedTimer wait;
    wait.start();
    while (window.session()->state() != Cluster::State::Connected) {
        if (wait.elapsed() > 60000)
            die(QStringLiteral("the demo cluster did not start within 60 s"));
        turn(100);
    }
    // The soak topic: the demo's mock cluster creates topics on first use (auto-create).
    const std::string topic = "soak";
    Writer writer(window.session()->bootstrapServers(), topic, rate);
    LivePage* page = window.livePage();
    window.tabs()->setCurrentWidget(page);
    if (auto* cap = page->findChild<QSpinBox*>(QStringLiteral("rowCapSpin")))
        cap->setValue(rowCap);
    else
        die(QStringLiteral("no row cap spin box"));
    while (!page->startTailing(QString::fromStdString(topic), QStringLiteral("earliest"))) {
        if (wait.elapsed() > 120000)
            die(QStringLiteral("the live pane could not tail %1").arg(QString::fromStdString(topic)));
        window.refresh();
        turn(1000);
    }
    // The demo group sampled every 5 s into the history, as a pinned group is.
    auto* sampler = window.groupsPage()->sampler();
    sampler->setPinned(demo::DemoCluster::demoGroup, QStringLiteral("classic"), true);
    int samples = 0;
    QObject::connect(sampler, &lag::LagSampler::sampled, [&] { ++samples; });

    std::printf("bench_soak: demo cluster (brokers %s), %d min, tail of '%s' at %d records/s (row cap %d), "
                "auto-refresh every 10 s, demo group sampled every 5 s into %s\n",
        brokersInProcess ? "in the app's process" : qPrintable(QStringLiteral("at %1").arg(demoBootstrap)), minutes,
        topic.c_str(), rate, rowCap, qPrintable(historyPath));
    std::printf("  %6s %9s %9s %9s %12s %12s %10s %9s %12s\n", "minute", "RSS MiB", "anon MiB", "heap MiB",
        "history KiB", "received", "evicted", "samples", "brokers MiB");
    QElapsedTimer clock;
    clock.start();
    double warmRss = -1;
    qint64 warmHistory = -1;
    double warmAtMin = 0;
    double rss = 0;
    double brokersRss = 0;
    double warmBrokersRss = 0;
    double heap = 0;
    double warmHeap = 0;
    double anon = 0;
    double warmAnon = 0;
    qint64 history = 0;
    const qint64 endMs = qint64(minutes) * 60000;
    while (clock.elapsed() < endMs) {
        turn(int(std::min<qint64>(everyS * 1000, endMs - clock.elapsed())));
        const double atMin = double(clock.elapsed()) / 60000.0;
        rss = statusMb("VmRSS");
        anon = statusMb("RssAnon");
        history = fileBytes(historyPath);
        const auto* model = page->recordModel();
        brokersRss = brokers.processId() ? statusMb("VmRSS", brokersPid) : 0;
        heap = heapInUseMb();
        std::printf("  %6.1f %9.1f %9.1f %9.1f %12.1f %12lld %10lld %9d %12.1f\n", atMin, rss, anon, heap,
            double(history) / 1024.0, qint64(model->received()), qint64(model->evicted()), samples, brokersRss);
        std::fflush(stdout);
        if (warmRss < 0 && atMin >= warmupMinutes && model->evicted() > 0) {
            warmRss = rss;
            warmBrokersRss = brokersRss;
            warmHeap = heap;
            warmAnon = anon;
            warmHistory = history;
            warmAtMin = atMin;
        }
    }
    const double hoursAfterWarmup = warmRss < 0 ? 0 : (double(clock.elapsed()) / 60000.0 - warmAtMin) / 60.0;
    const double rssPerHour = hoursAfterWarmup > 0 ? (rss - warmRss) / hoursAfterWarmup : 0;
    const double historyPerHourKb
        = hoursAfterWarmup > 0 ? double(history - warmHistory) / 1024.0 / hoursAfterWarmup : 0;
    std::printf("  warmed up at minute %.1f (row cap reached); after it, per hour: RSS %+.1f MiB, "
                "history %+.1f KiB\n",
        warmAtMin, rssPerHour, historyPerHourKb);
    const double brokersPerHour = hoursAfterWarmup > 0 ? (brokersRss - warmBrokersRss) / hoursAfterWarmup : 0;
    const double heapPerHour = hoursAfterWarmup > 0 ? (heap - warmHeap) / hoursAfterWarmup : 0;
    const double anonPerHour = hoursAfterWarmup > 0 ? (anon - warmAnon) / hoursAfterWarmup : 0;
    std::printf("RESULT soak minutes=%d rate=%d row_cap=%d brokers=%s received=%lld samples=%d rss_warm_mb=%.1f "
                "rss_end_mb=%.1f rss_growth_mb_per_h=%.1f anon_warm_mb=%.1f anon_end_mb=%.1f "
                "anon_growth_mb_per_h=%.1f heap_warm_mb=%.1f heap_end_mb=%.1f "
                "heap_growth_mb_per_h=%.1f history_warm_kb=%.1f history_end_kb=%.1f history_growth_kb_per_h=%.1f "
                "brokers_rss_warm_mb=%.1f brokers_rss_end_mb=%.1f brokers_rss_growth_mb_per_h=%.1f\n",
        minutes, rate, rowCap, brokersInProcess ? "in_process" : (brokers.processId() ? "child_process" : "given"),
        qint64(page->recordModel()->received()), samples, warmRss, rss, rssPerHour, warmAnon, anon, anonPerHour,
        warmHeap, heap, heapPerHour, double(warmHistory) / 1024.0, double(history) / 1024.0, historyPerHourKb,
        warmBrokersRss, brokersRss, brokersPerHour);
    window.shutdown();
    if (!brokersInProcess) {
        brokers.closeWriteChannel();
        if (!brokers.waitForFinished(30000))
            brokers.kill();
    }
    return 0;
}
