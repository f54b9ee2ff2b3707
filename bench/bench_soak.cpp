// Soak benchmark (issue #11): the app left running on the demo cluster, as a teacher's or a developer's window is for
// hours. A shown MainWindow (offscreen) on the in-process demo cluster with auto-refresh on, the live pane tailing a
// topic a producer of this benchmark writes --rate records a second into (keyed, on top of the demo's own order
// events) with the row cap at --row-cap, and the lag sampler sampling the demo group every 5 s (pinned) into a lag
// history file of its own. Every --every seconds it prints the process's RSS, the history file's size (with its WAL),
// the records received and evicted by the pane and the lag samples taken. The baseline is the run itself: the
// figures once warmed up (the row cap reached, the first minute of history written) next to those at the end.
// Prints a `RESULT soak ...` line: RSS and history size at warm-up and at the end, and their growth per hour after
// warm-up. Not a test: it does not pass or fail; a leak shows as growth. Mind that the demo's mock brokers live in
// this process and keep each partition's log in memory up to librdkafka's cap (5 MB or 100,000 batches per
// partition, rdkafka_mock.c): the RSS grows with the written topic's log until that cap, then the app's own memory
// is what is left to move.
//
// Usage: bench_soak [--minutes M (default 120)] [--every S (default 60)] [--rate R (default 200)]
//                   [--row-cap N (default 20000)] [--warmup-minutes W (default 30: at 200 records/s the mock brokers'
//                   logs reach their cap in about 20 minutes)]
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
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <librdkafka/rdkafka.h>
#include <string>
#include <thread>

using namespace kafscope;

using kafscope::bench::argValue;
using kafscope::bench::die;
using kafscope::bench::turn;

namespace {

double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
    return -1;
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

} // namespace

int main(int argc, char** argv)
{
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
    const int warmupMinutes = argValue(args, QStringLiteral("--warmup-minutes"), 30);

    Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
    MainWindow window(&settings);
    window.resize(1200, 760);
    window.show();
    window.connectTo({ QStringLiteral("Demo"), QString(), true });
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

    std::printf("bench_soak: demo cluster, %d min, tail of '%s' at %d records/s (row cap %d), auto-refresh every "
                "10 s, demo group sampled every 5 s into %s\n",
        minutes, topic.c_str(), rate, rowCap, qPrintable(historyPath));
    std::printf("  %6s %9s %12s %12s %10s %9s\n", "minute", "RSS MiB", "history KiB", "received", "evicted", "samples");
    QElapsedTimer clock;
    clock.start();
    double warmRss = -1;
    qint64 warmHistory = -1;
    double warmAtMin = 0;
    double rss = 0;
    qint64 history = 0;
    const qint64 endMs = qint64(minutes) * 60000;
    while (clock.elapsed() < endMs) {
        turn(int(std::min<qint64>(everyS * 1000, endMs - clock.elapsed())));
        const double atMin = double(clock.elapsed()) / 60000.0;
        rss = rssMb();
        history = fileBytes(historyPath);
        const auto* model = page->recordModel();
        std::printf("  %6.1f %9.1f %12.1f %12lld %10lld %9d\n", atMin, rss, double(history) / 1024.0,
            qint64(model->received()), qint64(model->evicted()), samples);
        std::fflush(stdout);
        if (warmRss < 0 && atMin >= warmupMinutes && model->evicted() > 0) {
            warmRss = rss;
            warmHistory = history;
            warmAtMin = atMin;
        }
    }
    const double hoursAfterWarmup = warmRss < 0 ? 0 : (double(clock.elapsed()) / 60000.0 - warmAtMin) / 60.0;
    const double rssPerHour = hoursAfterWarmup > 0 ? (rss - warmRss) / hoursAfterWarmup : 0;
    const double historyPerHourKb
        = hoursAfterWarmup > 0 ? double(history - warmHistory) / 1024.0 / hoursAfterWarmup : 0;
    std::printf("  warmed up at minute %.1f (row cap reached, mock logs full); after it, per hour: RSS %+.1f MiB, "
                "history %+.1f KiB\n",
        warmAtMin, rssPerHour, historyPerHourKb);
    std::printf("RESULT soak minutes=%d rate=%d row_cap=%d received=%lld samples=%d rss_warm_mb=%.1f rss_end_mb=%.1f "
                "rss_growth_mb_per_h=%.1f history_warm_kb=%.1f history_end_kb=%.1f history_growth_kb_per_h=%.1f\n",
        minutes, rate, rowCap, qint64(page->recordModel()->received()), samples, warmRss, rss, rssPerHour,
        double(warmHistory) / 1024.0, double(history) / 1024.0, historyPerHourKb);
    window.shutdown();
    return 0;
}
