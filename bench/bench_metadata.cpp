// Benchmark of the topics page on a large cluster: synthetic Metadata of 10,000 topics x 10 partitions x RF 3 on 3
// brokers, encoded as a broker would answer it, then decoded, loaded into TopicModel behind a name-sorted
// TopicFilterProxy (as the topics page shows it), refreshed, given offsets, and filtered by one keystroke.
//
// Baselines, measured in the same run on the same data:
//  - scan: memchr over the v12 response bytes, the floor for anything that reads every byte once;
//  - json: QJsonDocument::fromJson of the same metadata as kcat -L -J prints it, i.e. what a tool that takes its
//    metadata as JSON pays before it has a single topic in hand.
//
// Not a test: it prints figures next to the targets of the issue (decode + load <= 300 ms, filter <= 30 ms on a
// 2-core machine) and ends with one `RESULT metadata_10k ...` line. It exits non-zero only when the code under
// measurement gives a wrong answer (a figure for the wrong work is worse than none).
//
// Usage: bench_metadata [--topics N] [--partitions N] [--runs N]

#include "kafka/protocol/messages.h"
#include "kafka/types.h"
#include "models/topicfilterproxy.h"
#include "models/topicmodel.h"

#include <QByteArray>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace kafscope;

namespace {

constexpr double kDecodeLoadTargetMs = 300;
constexpr double kFilterTargetMs = 30;
constexpr int kBrokers = 3;
constexpr int kReplicationFactor = 3;

struct Stats
{
    double median = 0;
    double min = 0;
};

// Runs setup (untimed), then body (timed), `runs` times. body returns what it produced, so that freeing it happens
// after the clock stopped: in the application the result lives on.
template <typename Setup, typename Body> Stats measure(int runs, Setup setup, Body body)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        setup(i);
        const auto t0 = std::chrono::steady_clock::now();
        auto produced = body(i);
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        Q_UNUSED(produced);
    }
    std::sort(ms.begin(), ms.end());
    return { ms[ms.size() / 2], ms.front() };
}

const auto noSetup = [](int) {};

// Keeps the scan baseline from being optimised away: its result is otherwise unused.
volatile qsizetype g_sink = 0;

QString topicName(int i)
{
    return QStringLiteral("topic-%1").arg(i, 5, 10, QLatin1Char('0'));
}

// Replicas rotate over the brokers so that every broker leads a third of the partitions. `moved` topics (every
// 100th, offset by 50) have partition 0 led by its second replica, as after a leader election: the refresh case.
ClusterMetadata makeMetadata(int topics, int partitions, bool moved)
{
    ClusterMetadata md;
    md.clusterId = QStringLiteral("bench-cluster-0000000");
    md.controllerId = 1;
    for (int b = 1; b <= kBrokers; ++b)
        md.brokers.append({ b, QStringLiteral("127.0.0.1"), 9092 + 10000 * b, QStringLiteral("rack-%1").arg(b) });
    md.topics.reserve(topics);
    for (int t = 0; t < topics; ++t) {
        TopicInfo topic;
        topic.name = topicName(t);
        topic.topicId = QByteArray(16, '\0');
        for (int k = 0; k < 4; ++k)
            topic.topicId[12 + k] = char((t >> (8 * (3 - k))) & 0xff);
        topic.topicId[0] = '\x5a';
        topic.partitions.reserve(partitions);
        for (int p = 0; p < partitions; ++p) {
            PartitionInfo part;
            part.partition = p;
            for (int r = 0; r < kReplicationFactor; ++r)
                part.replicas.append(1 + (t + p + r) % kBrokers);
            part.isr = part.replicas;
            part.leader = part.replicas.front();
            part.leaderEpoch = 0;
            if (moved && t % 100 == 50 && p == 0) {
                part.leader = part.replicas[1];
                part.leaderEpoch = 1;
            }
            topic.partitions.append(part);
        }
        md.topics.append(std::move(topic));
    }
    return md;
}

// The same metadata in the shape `kcat -L -J` prints.
QByteArray kcatJson(const ClusterMetadata& md)
{
    QJsonArray brokers;
    for (const auto& b : md.brokers)
        brokers.append(QJsonObject { { QStringLiteral("id"), b.nodeId }, { QStringLiteral("name"), b.address() } });
    auto ids = [](const QList<int32_t>& list) {
        QJsonArray a;
        for (int32_t id : list)
            a.append(QJsonObject { { QStringLiteral("id"), id } });
        return a;
    };
    QJsonArray topics;
    for (const auto& t : md.topics) {
        QJsonArray partitions;
        for (const auto& p : t.partitions)
            partitions.append(
                QJsonObject { { QStringLiteral("partition"), p.partition }, { QStringLiteral("leader"), p.leader },
                    { QStringLiteral("replicas"), ids(p.replicas) }, { QStringLiteral("isrs"), ids(p.isr) } });
        topics.append(
            QJsonObject { { QStringLiteral("topic"), t.name }, { QStringLiteral("partitions"), partitions } });
    }
    const QJsonObject root {
        { QStringLiteral("originating_broker"),
            QJsonObject { { QStringLiteral("id"), 1 }, { QStringLiteral("name"), md.brokers[0].address() } } },
        { QStringLiteral("query"), QJsonObject { { QStringLiteral("topic"), QStringLiteral("*") } } },
        { QStringLiteral("controllerid"), md.controllerId }, { QStringLiteral("brokers"), brokers },
        { QStringLiteral("topics"), topics }
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

OffsetsSnapshot makeOffsets(const ClusterMetadata& md, int64_t latestBase)
{
    OffsetsSnapshot s;
    for (const auto& t : md.topics) {
        for (const auto& p : t.partitions) {
            s.earliest.append({ t.name, p.partition, 0, 1000, -1 });
            s.latest.append({ t.name, p.partition, 0, latestBase + p.partition, -1 });
        }
    }
    return s;
}

ClusterMetadata decodeOrDie(const QByteArray& bytes, int16_t version)
{
    auto decoded = protocol::decodeMetadataResponse(bytes, version);
    if (!decoded) {
        std::fprintf(stderr, "bench_metadata: decoding v%d failed: %s\n", version, qPrintable(decoded.error()));
        std::exit(1);
    }
    return std::move(decoded).value();
}

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "bench_metadata: wrong result: %s\n", what);
        std::exit(1);
    }
}

// The topics page: the model behind a proxy sorted by name. Touching the first row makes the proxy build its
// mapping, as a view does when it paints.
struct Page
{
    Page()
    {
        proxy.setSourceModel(&model);
        proxy.sort(TopicModel::NameColumn, Qt::AscendingOrder);
    }
    int touch() const { return proxy.rowCount() + (proxy.index(0, 0).data().toString().isEmpty() ? 0 : 1); }
    TopicModel model;
    TopicFilterProxy proxy;
};

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // KiB on Linux
}

int argValue(const QStringList& args, const QString& name, int fallback)
{
    const auto i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

void row(const char* what, const Stats& s, const char* note = "")
{
    std::printf("  %-44s %9.2f ms  (min %8.2f)  %s\n", what, s.median, s.min, note);
}

} // namespace

int main(int argc, char** argv)
{
    // TopicModel serves fonts and colours, which need a QGuiApplication; no display is needed for that.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int topics = argValue(args, QStringLiteral("--topics"), 10000);
    const int partitions = argValue(args, QStringLiteral("--partitions"), 10);
    const int runs = std::max(1, argValue(args, QStringLiteral("--runs"), 7));
    const int totalPartitions = topics * partitions;

    const ClusterMetadata source = makeMetadata(topics, partitions, false);
    const QByteArray v12 = protocol::encodeMetadataResponse(source, 12);
    const QByteArray v2 = protocol::encodeMetadataResponse(source, 2);
    const QByteArray v12moved = protocol::encodeMetadataResponse(makeMetadata(topics, partitions, true), 12);
    check(!v12.isEmpty() && !v2.isEmpty(), "encodeMetadataResponse refused v12 or v2");

    std::printf("bench_metadata: %d topics x %d partitions x RF %d on %d brokers; median (and min) of %d runs\n",
        topics, partitions, kReplicationFactor, kBrokers, runs);
    std::printf("  Metadata response v12 (Kafka 4.x): %lld bytes; v2 (demo): %lld bytes\n", qint64(v12.size()),
        qint64(v2.size()));

    // ---- baseline: touch every byte once --------------------------------------------------------------------
    const Stats scan = measure(runs, noSetup, [&](int) {
        qsizetype found = 0;
        const char* p = v12.constData();
        const char* end = p + v12.size();
        while ((p = static_cast<const char*>(std::memchr(p, '\x7f', size_t(end - p))))) {
            ++found;
            ++p;
        }
        g_sink = found;
        return found;
    });

    // ---- decode ---------------------------------------------------------------------------------------------
    const Stats decode12 = measure(runs, noSetup, [&](int) { return decodeOrDie(v12, 12); });
    const Stats decode2 = measure(runs, noSetup, [&](int) { return decodeOrDie(v2, 2); });
    const ClusterMetadata mdA = decodeOrDie(v12, 12);
    const ClusterMetadata mdSame = decodeOrDie(v12, 12);
    const ClusterMetadata mdB = decodeOrDie(v12moved, 12);
    check(mdA.topics == source.topics && mdA.brokers == source.brokers, "v12 decode differs from the source");
    check(decodeOrDie(v2, 2).topics.size() == topics, "v2 decode lost topics");

    // ---- load: fresh model, alone and behind the sorted proxy -----------------------------------------------
    std::unique_ptr<TopicModel> bare;
    const Stats loadBare = measure(
        runs, [&](int) { bare = std::make_unique<TopicModel>(); },
        [&](int) {
            bare->setMetadata(mdA);
            return bare->rowCount();
        });
    bare.reset();
    std::unique_ptr<Page> fresh;
    const Stats load = measure(
        runs, [&](int) { fresh = std::make_unique<Page>(); },
        [&](int) {
            fresh->model.setMetadata(mdA);
            return fresh->touch();
        });
    check(fresh->proxy.rowCount() == topics, "proxy does not show every topic after load");
    fresh.reset();

    // ---- the live page: refresh in place, offsets, filter ---------------------------------------------------
    Page page;
    page.model.setMetadata(mdA);
    page.touch();
    const OffsetsSnapshot offsetsA = makeOffsets(mdA, 5000);
    const OffsetsSnapshot offsetsB = makeOffsets(mdA, 7000);
    page.model.applyOffsets(offsetsA);

    // Alternating A and B: 100 topics change leader each time, as after an election; the rest compare equal.
    const Stats refresh = measure(runs, noSetup, [&](int i) {
        page.model.setMetadata(i % 2 ? mdA : mdB);
        return page.touch();
    });
    page.model.setMetadata(mdA);
    const Stats refreshSame = measure(runs, noSetup, [&](int i) {
        page.model.setMetadata(i % 2 ? mdA : mdSame);
        return page.touch();
    });
    const Stats offsets = measure(runs, noSetup, [&](int i) {
        page.model.applyOffsets(i % 2 ? offsetsA : offsetsB);
        return page.touch();
    });
    check(page.model.topic(0).messageCount() >= 0, "offsets not applied");

    auto keystroke = [&](const QString& before, const QString& after, int expectedRows) {
        const Stats s = measure(
            runs,
            [&](int) {
                page.proxy.setFilterText(before);
                page.touch();
            },
            [&](int) {
                page.proxy.setFilterText(after);
                return page.touch();
            });
        check(page.proxy.rowCount() == expectedRows, "filter shows the wrong number of rows");
        return s;
    };
    const bool standardSize = topics == 10000;
    // "topic-099" -> "topic-0999": the keystroke (100 rows -> 10).
    const Stats filter = keystroke(
        QStringLiteral("topic-099"), QStringLiteral("topic-0999"), standardSize ? 10 : page.proxy.rowCount());
    // "" -> "t": first keystroke, every row tested and kept. "topic-0999" -> "": clearing, every row re-inserted.
    const Stats filterFirst = keystroke(QString(), QStringLiteral("t"), topics);
    const Stats filterClear = keystroke(QStringLiteral("topic-0999"), QString(), topics);
    const double rssMb = peakRssMb();

    // ---- baseline: generic JSON parse of the same metadata --------------------------------------------------
    const QByteArray json = kcatJson(source);
    const Stats jsonParse = measure(runs, noSetup, [&](int) { return QJsonDocument::fromJson(json); });

    const double decodeLoad = decode12.median + load.median;
    char note[160];
    std::printf("  baselines\n");
    row("scan: memchr over the v12 bytes", scan);
    std::snprintf(note, sizeof note, "(kcat -L -J shape, %lld bytes)", qint64(json.size()));
    row("json: QJsonDocument::fromJson, same data", jsonParse, note);
    std::printf("  decode\n");
    std::snprintf(note, sizeof note, "(%.1fx scan, %.2fx json parse)", decode12.median / std::max(scan.median, 1e-3),
        decode12.median / std::max(jsonParse.median, 1e-3));
    row("decodeMetadataResponse v12", decode12, note);
    row("decodeMetadataResponse v2", decode2);
    std::printf("  topic model (%d rows)\n", topics);
    row("setMetadata, fresh model, no proxy", loadBare);
    row("setMetadata, fresh model + sorted proxy", load);
    std::snprintf(note, sizeof note, "(target <= %.0f ms)", kDecodeLoadTargetMs);
    std::printf("  %-44s %9.2f ms                 %s\n", "decode v12 + load (medians)", decodeLoad, note);
    row("setMetadata refresh, 100 topics moved", refresh);
    row("setMetadata refresh, nothing changed", refreshSame);
    std::snprintf(note, sizeof note, "(%d partitions, earliest + latest)", totalPartitions);
    row("applyOffsets", offsets, note);
    std::printf("  filter keystroke on the name-sorted proxy\n");
    std::snprintf(note, sizeof note, "(target <= %.0f ms)", kFilterTargetMs);
    row("\"topic-099\" -> \"topic-0999\"", filter, note);
    row("\"\" -> \"t\" (first keystroke)", filterFirst, note);
    row("\"topic-0999\" -> \"\" (clear)", filterClear, note);
    std::printf(
        "  peak RSS before the json baseline: %.1f MiB (source metadata, 3 encodings, decoded copies, models)\n",
        rssMb);

    std::printf("RESULT metadata_10k topics=%d partitions=%d bytes=%lld bytes_v2=%lld decode_ms=%.2f decode_v2_ms=%.2f "
                "load_ms=%.2f load_model_only_ms=%.2f decode_plus_load_ms=%.2f target_ms=%.0f filter_ms=%.2f "
                "filter_first_ms=%.2f filter_clear_ms=%.2f filter_target_ms=%.0f refresh_ms=%.2f refresh_same_ms=%.2f "
                "offsets_ms=%.2f baseline_scan_ms=%.3f baseline_json_ms=%.2f peak_rss_mb=%.1f runs=%d\n",
        topics, totalPartitions, qint64(v12.size()), qint64(v2.size()), decode12.median, decode2.median, load.median,
        loadBare.median, decodeLoad, kDecodeLoadTargetMs, filter.median, filterFirst.median, filterClear.median,
        kFilterTargetMs, refresh.median, refreshSame.median, offsets.median, scan.median, jsonParse.median, rssMb,
        runs);
    return 0;
}
