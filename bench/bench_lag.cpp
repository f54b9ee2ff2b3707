// Lag benchmarks (issue #8), each next to a baseline measured in the same run:
//  1. lag of one group over 10,000 partitions: computeLag (committed x end offsets x members) and the LagModel
//     update, next to building the same rows' display text the simple way (one QString per cell);
//  2. one chart update: a new sample arriving while the chart shows 100 partitions x 1 day of 5 s samples, from the
//     sample to the repainted chart on the GUI thread, next to the same update drawing every point (no decimation);
//  3. the history file after a simulated week of one 1,000-partition group sampled every 5 s (6 h of raw samples,
//     7 days of 1-minute and 15-minute aggregates), next to what raw samples alone for the week would take.
// Ends with RESULT lines. Usage: bench_lag [--quick] [--no-history] [--history-only] (quick: a day instead of a
// week for 3; --no-history skips 3, --history-only runs only 3).
#include "kafka/admin/lag.h"
#include "kafka/lag/historystore.h"
#include "kafka/lag/sampler.h"
#include "models/groupmodel.h"
#include "models/laghistorymodel.h"
#include "ui/charts/lagcharts.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QValueAxis>
#include <cstdio>

using namespace kafscope;

namespace {

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void lagOverTenThousandPartitions()
{
    ClusterMetadata md;
    GroupDescription group;
    group.name = QStringLiteral("bench");
    GroupOffsets committed;
    admin::EndOffsets ends;
    for (int t = 0; t < 10; ++t) {
        TopicInfo topic;
        topic.name = QStringLiteral("topic-%1").arg(t);
        for (int p = 0; p < 1000; ++p) {
            PartitionInfo info;
            info.partition = p;
            info.leader = 1 + p % 3;
            topic.partitions.append(info);
            committed.offsets.append({ topic.name, p, 1000 + p, -1, {}, 0 });
            ends.snapshot.earliest.append({ topic.name, p, 0, 0, -1, -1 });
            ends.snapshot.latest.append({ topic.name, p, 0, 2000 + p, -1, -1 });
        }
        md.topics.append(topic);
    }
    for (int m = 0; m < 50; ++m) {
        GroupMember member;
        member.memberId = QStringLiteral("member-%1").arg(m);
        member.clientId = QStringLiteral("client-%1").arg(m);
        for (int i = m; i < 10000; i += 50)
            member.assignment.append({ QStringLiteral("topic-%1").arg(i / 1000), i % 1000 });
        group.members.append(member);
    }
    QElapsedTimer t;
    t.start();
    const admin::GroupLag lag = admin::computeLag(md, group, committed, ends);
    const double computeMs = ms(t);
    LagModel model;
    t.restart();
    model.setLag(lag);
    for (int row = 0; row < model.rowCount(); ++row)
        for (int c = 0; c < LagModel::ColumnCount; ++c)
            (void)model.index(row, c).data();
    const double modelMs = ms(t);
    // Baseline: every cell's text built once (what any table of these rows costs at least).
    t.restart();
    QStringList cells;
    cells.reserve(lag.partitions.size() * 6);
    for (const auto& p : lag.partitions)
        cells << p.topic << QString::number(p.partition) << QString::number(p.committed.value_or(-1))
              << QString::number(p.latest) << QString::number(p.lag.value_or(-1)) << p.memberId;
    const double baselineMs = ms(t);
    std::printf("lag over %lld partitions: computeLag %.1f ms, LagModel load + every cell %.1f ms (baseline: the "
                "cells' text alone %.1f ms); total lag %lld\n",
        qlonglong(lag.partitions.size()), computeMs, modelMs, baselineMs, qlonglong(lag.total.value_or(-1)));
    std::printf("RESULT lag_10k_partitions compute_ms=%.1f model_ms=%.1f baseline_text_ms=%.1f\n", computeMs, modelMs,
        baselineMs);
}

void chartUpdate()
{
    LagHistoryModel model;
    LagCharts charts(&model);
    charts.resize(1200, 800);
    charts.setSpanMs(24LL * 3600 * 1000);
    charts.show();
    QApplication::processEvents();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int points = 17280; // a day of 5 s samples
    QList<lag::PartitionHistory> history;
    for (int p = 0; p < 100; ++p) {
        lag::PartitionHistory h { QStringLiteral("orders"), p, {} };
        h.points.reserve(points);
        for (int i = points; i > 0; --i) {
            const int64_t lag = 100 + (i * 7 + p * 13) % 500;
            h.points.append({ now - i * 5000LL, lag, lag, lag, 0, lag });
        }
        history.append(h);
    }
    model.setHistory(history);
    charts.redrawNow();
    charts.repaint();
    QApplication::processEvents();

    lag::GroupSample sample;
    sample.detail.sampledAtMs = now;
    for (int p = 0; p < 100; ++p) {
        admin::PartitionLag row;
        row.topic = QStringLiteral("orders");
        row.partition = p;
        row.committed = 1000;
        row.latest = 1300;
        row.lag = 300;
        sample.detail.lag.partitions.append(row);
    }
    sample.detail.lag.total = 30000;
    QList<double> updates;
    QList<double> redraws;
    const QList<QChartView*> views = charts.findChildren<QChartView*>();
    QImage canvas(charts.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto* view : views) // the first paint draws every line: not part of an update
        static_cast<QWidget*>(view)->render(&canvas); // QWidget::render, the widget as painted
    const int fullDrawsBefore = charts.fullLineDraws();
    for (int i = 0; i < 30; ++i) {
        sample.detail.sampledAtMs = now + (i + 1) * 5000LL;
        QElapsedTimer t;
        t.start();
        model.appendSample(sample);
        model.trimBefore(sample.detail.sampledAtMs - charts.spanMs());
        const qint64 redrawUs = charts.redrawNow();
        // Paint the charts now: each view rendered whole, as a repaint after the batched redraw would.
        for (auto* view : views)
            static_cast<QWidget*>(view)->render(&canvas); // QWidget::render, the widget as painted
        updates << ms(t);
        redraws << redrawUs / 1000.0;
    }
    std::sort(updates.begin(), updates.end());
    std::sort(redraws.begin(), redraws.end());
    const double median = updates[updates.size() / 2];
    const int fullDraws = charts.fullLineDraws() - fullDrawsBefore;
    // What drawing every line again costs (the lag axis rescaled, the span changed, a line toggled): unchecking one
    // partition, from the click to the rendered charts.
    QElapsedTimer toggleClock;
    toggleClock.start();
    model.setShown(99, false);
    charts.redrawNow();
    for (auto* view : views)
        static_cast<QWidget*>(view)->render(&canvas); // QWidget::render, the widget as painted
    const double toggleMs = ms(toggleClock);
    model.setShown(99, true);
    // Baselines: the same lines as a QLineSeries each on a plain QChart of the same size (the usual QtCharts way),
    // given the same decimated points, and given every point (no decimation).
    struct Baseline
    {
        QChart* chart = new QChart;
        QChartView view { chart };
        QList<QLineSeries*> lines;
    } baseline;
    auto* timeAxis = new QValueAxis;
    auto* lagAxis = new QValueAxis;
    baseline.chart->addAxis(timeAxis, Qt::AlignBottom);
    baseline.chart->addAxis(lagAxis, Qt::AlignLeft);
    baseline.chart->legend()->setVisible(false);
    baseline.chart->setAnimationOptions(QChart::NoAnimation);
    for (int row = 0; row < model.rowCount(); ++row) {
        auto* line = new QLineSeries;
        baseline.chart->addSeries(line);
        line->attachAxis(timeAxis);
        line->attachAxis(lagAxis);
        baseline.lines.append(line);
    }
    timeAxis->setRange(double(now - 24LL * 3600 * 1000), double(now + 60'000));
    lagAxis->setRange(0, 700);
    baseline.view.resize(1200, 500);
    baseline.view.show();
    QApplication::processEvents();
    const auto baselineUpdate = [&](bool decimated) {
        QList<double> times;
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer t;
            t.start();
            for (int row = 0; row < model.rowCount(); ++row) {
                QList<QPointF> points;
                if (decimated) {
                    points = charts.linePoints(row);
                } else {
                    points.reserve(model.series(row)->points.size());
                    for (const auto& p : model.series(row)->points)
                        points.append({ double(p.timeMs), double(p.lagLast) });
                }
                baseline.lines[row]->replace(points);
            }
            baseline.view.repaint();
            times << ms(t);
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    };
    const double seriesMs = baselineUpdate(true);
    const double fullMs = baselineUpdate(false);
    std::printf(
        "chart update, 100 partitions x 1 day of 5 s samples (%d points): sample -> repainted chart median "
        "%.1f ms (max %.1f; decimation + series %.1f ms), %d points drawn; baselines: a QLineSeries per partition "
        "with the same points %.1f ms, with every point %.1f ms; %d of %lld updates drew the lines whole; unchecking a "
        "partition (every line drawn again) %.1f ms\n",
        model.pointCount(), median, updates.last(), redraws[redraws.size() / 2], charts.plottedPoints(), seriesMs,
        fullMs, fullDraws, qlonglong(updates.size()), toggleMs);
    std::printf("RESULT lag_chart_update partitions=100 points=%d update_ms=%.1f max_ms=%.1f drawn=%d "
                "baseline_qlineseries_ms=%.1f baseline_all_points_ms=%.1f full_draws=%d/%lld toggle_ms=%.1f\n",
        model.pointCount(), median, updates.last(), charts.plottedPoints(), seriesMs, fullMs, fullDraws,
        qlonglong(updates.size()), toggleMs);
}

void historyWeek(bool quick)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lag.sqlite"));
    lag::HistoryRetention retention;
    retention.maxBytes = 1LL << 40; // measure the natural size, not the cap
    lag::LagHistoryStore store(path, retention, QStringLiteral("bench"));
    QList<lag::PartitionSample> partitions;
    for (int p = 0; p < 1000; ++p)
        partitions.append({ QStringLiteral("orders"), p, 0, 0 });
    const qint64 day = 24LL * 3600 * 1000;
    const qint64 span = quick ? day : 7 * day;
    const qint64 start = 1'700'000'100'000;
    const qint64 end = start + span;
    QElapsedTimer t;
    t.start();
    qlonglong samples = 0;
    // Before the last 6 hours only the aggregates survive: one sample a minute gives the same aggregate rows (the
    // raw rows of that time are pruned anyway). The last 6 hours at full resolution, every 5 s.
    for (qint64 now = start; now < end; now += (now < end - retention.rawMs ? 60'000 : 5'000)) {
        for (int p = 0; p < 1000; ++p) {
            partitions[p].committed = now / 1000 + p;
            partitions[p].latest = now / 1000 + p + (now / 60'000 + p) % 300;
        }
        store.record(QStringLiteral("cluster/bench"), now, partitions);
        ++samples;
    }
    store.prune(end);
    const double seconds = ms(t) / 1000;
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    const qint64 inUse = store.fileBytes();
    // Baseline: raw samples alone for the whole span, at the average raw frame's size of this run.
    const qlonglong rawFrames = store.rowCount(QStringLiteral("raw"));
    const double rawFrameBytes = rawFrames > 0 ? double(store.dataBytes(QStringLiteral("raw"))) / double(rawFrames) : 0;
    const double rawOnlyBytes = rawFrameBytes * double(span / 5000);
    const auto mb = [](double b) { return b / 1048576.0; };
    std::printf(
        "history after %s of a 1,000-partition group (5 s samples): file %.1f MB (%.1f MB in use; raw frames "
        "%lld = %.1f MB, 1-min %lld = %.1f MB, 15-min %lld = %.1f MB), written in %.0f s; raw samples alone for "
        "the span would be ~%.0f MB\n",
        quick ? "a day" : "a week", mb(bytes), mb(inUse), rawFrames, mb(store.dataBytes(QStringLiteral("raw"))),
        qlonglong(store.rowCount(QStringLiteral("agg1m"))), mb(store.dataBytes(QStringLiteral("agg1m"))),
        qlonglong(store.rowCount(QStringLiteral("agg15m"))), mb(store.dataBytes(QStringLiteral("agg15m"))), seconds,
        mb(rawOnlyBytes));
    std::printf("RESULT lag_history span_days=%d partitions=1000 file_mb=%.1f in_use_mb=%.1f cap_mb=200 "
                "raw_only_mb=%.0f samples=%lld write_s=%.0f\n",
        quick ? 1 : 7, mb(bytes), mb(inUse), mb(rawOnlyBytes), samples, seconds);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    if (!app.arguments().contains(QStringLiteral("--history-only"))) {
        lagOverTenThousandPartitions();
        chartUpdate();
    }
    if (!app.arguments().contains(QStringLiteral("--no-history")))
        historyWeek(quick);
    return 0;
}
