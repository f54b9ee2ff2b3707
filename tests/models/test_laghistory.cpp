// The lag history model and its decimation (models/laghistorymodel.h), and the sampler (kafka/lag/sampler.h) on the
// fake cluster: verdicts over the window of samples, rates, a leader that stops answering blanking only its
// partitions, and samples reaching the history file.
#include "../fakes/fakecluster.h"
#include "kafka/lag/history.h"
#include "kafka/lag/sampler.h"
#include "models/laghistorymodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

lag::HistoryPoint point(qint64 t, int64_t lag)
{
    return lag::HistoryPoint { t, lag, lag, lag, 0, lag };
}

void script(FakeCluster& cluster, int64_t committed0, int64_t latest0, int64_t committed1, int64_t latest1)
{
    cluster.metadataAnswer.clusterId = QStringLiteral("fake-cluster");
    TopicInfo orders;
    orders.name = QStringLiteral("orders");
    for (int32_t p = 0; p < 2; ++p) {
        PartitionInfo info;
        info.partition = p;
        info.leader = p + 1;
        orders.partitions.append(info);
    }
    cluster.metadataAnswer.topics = { orders };
    cluster.offsetsAnswer = {};
    cluster.offsetsAnswer.latest = { { QStringLiteral("orders"), 0, 0, latest0, -1, -1 },
        { QStringLiteral("orders"), 1, int16_t(latest1 < 0 ? 6 : 0), latest1, -1, -1 } };
    GroupDescription g;
    g.name = QStringLiteral("g");
    g.type = group_type::classic;
    g.state = QStringLiteral("Stable");
    GroupMember m;
    m.memberId = QStringLiteral("m");
    m.assignment = { { QStringLiteral("orders"), 0 }, { QStringLiteral("orders"), 1 } };
    g.members = { m };
    cluster.groupDescriptions.insert(g.name, g);
    cluster.groupOffsets.insert(g.name,
        GroupOffsets { g.name,
            { { QStringLiteral("orders"), 0, committed0, -1, {}, 0 },
                { QStringLiteral("orders"), 1, committed1, -1, {}, 0 } },
            0, {} });
}

} // namespace

class TestLagHistory : public QObject
{
    Q_OBJECT
private slots:
    void decimationKeepsSpikesAndBoundsThePoints()
    {
        QList<lag::HistoryPoint> points;
        for (int i = 0; i < 17280; ++i) // a day of 5 s samples
            points.append(point(i * 5000LL, i == 9000 ? 100000 : 10 + i % 7));
        const auto out = decimateMinMax(points, 0, 17280 * 5000LL, 800);
        QVERIFY(out.size() <= 2 * 801);
        QVERIFY(out.size() >= 800);
        const auto peak = std::max_element(
            out.begin(), out.end(), [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
        QCOMPARE(peak->y(), 100000.0); // the spike survives
        QCOMPARE(peak->x(), 9000 * 5000.0);
        for (qsizetype i = 1; i < out.size(); ++i)
            QVERIFY(out[i].x() >= out[i - 1].x()); // time order
        // The incremental decimator gives the same points as decimating everything, sample after sample.
        MinMaxDecimator decimator;
        QList<lag::HistoryPoint> growing = points.mid(0, 10000);
        for (int i = 10000; i < 10100; ++i) {
            growing.append(points[i]);
            const qint64 to = points[i].timeMs;
            const qint64 from = to - 6 * 3600 * 1000LL;
            // Equal but for the column cut by the window's left edge (its points may differ as the window slides).
            const auto afterEdge = [&](QList<QPointF> pts) {
                const double edge = double(from + 2 * (to - from) / 700);
                pts.removeIf([edge](const QPointF& p) { return p.x() < edge; });
                return pts;
            };
            QCOMPARE(
                afterEdge(decimator.update(growing, from, to, 700)), afterEdge(decimateMinMax(growing, from, to, 700)));
        }
        // Few points: all of them; unknown lag is left out; outside the span nothing.
        QList<lag::HistoryPoint> few { point(0, 1), point(1000, -1), point(2000, 3) };
        QCOMPARE(decimateMinMax(few, 0, 10000, 800).size(), 2);
        QCOMPARE(decimateMinMax(few, 5000, 10000, 800).size(), 0);
    }

    void modelTogglesSeriesAndAppendsSamples()
    {
        LagHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(
            test::dumpHeader(model), QStringLiteral("Partition | Lag | Min | Max | Consumed/s | Produced/s | Samples"));
        model.setHistory({ { QStringLiteral("orders"), 1, { point(1000, 5), point(2000, 9) } },
            { QStringLiteral("orders"), 0, { point(1000, 50), point(2000, 20) } } });
        QCOMPARE(test::dumpModel(model),
            QStringLiteral("orders-0 | 20 | 20 | 50 | … | … | 2\norders-1 | 9 | 5 | 9 | … | … | 2"));
        QSignalSpy visibility(&model, &LagHistoryModel::visibilityChanged);
        QVERIFY(model.setData(model.index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!model.isShown(1));
        QCOMPARE(visibility.count(), 1);

        lag::GroupSample sample;
        sample.detail.sampledAtMs = 3000;
        admin::PartitionLag p0;
        p0.topic = QStringLiteral("orders");
        p0.partition = 0;
        p0.committed = 10;
        p0.latest = 15;
        p0.lag = 5;
        admin::PartitionLag p2 = p0;
        p2.partition = 2;
        p2.committed.reset();
        p2.lag.reset();
        sample.detail.lag.partitions = { p0, p2 };
        sample.detail.lag.total = 5;
        sample.rates.insert(TopicPartitionRef { QStringLiteral("orders"), 0 }, admin::LagRates { 2.5, 1.0, 3.3, true });
        QSignalSpy appended(&model, &LagHistoryModel::pointsAppended);
        model.appendSample(sample);
        QCOMPARE(appended.count(), 1);
        QCOMPARE(model.rowCount(), 3); // partition 2 appeared
        QCOMPARE(model.index(0, LagHistoryModel::LagColumn).data().toString(), QStringLiteral("5"));
        QCOMPARE(model.index(0, LagHistoryModel::ConsumeRateColumn).data().toString(), QStringLiteral("2.5"));
        QCOMPARE(model.index(2, LagHistoryModel::LagColumn).data().toString(), QStringLiteral("–")); // no offset
        QCOMPARE(model.totals().size(), 1);
        model.trimBefore(2500);
        QCOMPARE(model.series(0)->points.size(), 1);
        QCOMPARE(model.lastSampleMs(), 3000);
    }

    void samplerJudgesOverTheWindowAndRecordsTheHistory()
    {
        QTemporaryDir dir;
        lag::LagHistory history(dir.filePath(QStringLiteral("lag.sqlite")));
        FakeCluster cluster;
        script(cluster, 100, 150, 40, 40);
        lag::LagSampler sampler(&cluster, &history);
        sampler.setIntervalMs(1000);
        QSignalSpy sampled(&sampler, &lag::LagSampler::sampled);
        cluster.connectTo({ QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092") });
        QTRY_COMPARE(cluster.state(), Cluster::State::Connected);
        sampler.setOpened(QStringLiteral("g"), group_type::classic);
        QTRY_COMPARE(sampled.count(), 1);
        auto first = sampled.last().at(1).value<lag::GroupSample>();
        QCOMPARE(first.detail.lag.partitions.size(), 2);
        QCOMPARE(first.detail.lag.partitions[0].status, admin::LagStatus::Ok); // one sample: cannot tell
        QVERIFY(!first.totalRates.known);

        // Partition 0: the commit does not move while the log grows (stalled); partition 1 caught up.
        QTest::qWait(20); // samples at distinct times, so rates can be told
        script(cluster, 100, 180, 40, 40);
        sampler.sampleNow();
        QTRY_COMPARE(sampled.count(), 2);
        auto second = sampled.last().at(1).value<lag::GroupSample>();
        QCOMPARE(second.detail.lag.partitions[0].status, admin::LagStatus::Stalled);
        QCOMPARE(second.detail.lag.partitions[1].status, admin::LagStatus::Ok);
        QCOMPARE(second.detail.lag.status, admin::LagStatus::Stalled);
        QCOMPARE(sampler.window(QStringLiteral("g"), QStringLiteral("orders"), 0).size(), 2);

        // Broker 2 stops answering: partition 1 is unknown, partition 0 still sampled (and now moving again).
        QTest::qWait(20);
        script(cluster, 170, 190, 40, -1);
        sampler.sampleNow();
        QTRY_COMPARE(sampled.count(), 3);
        auto third = sampled.last().at(1).value<lag::GroupSample>();
        QCOMPARE(third.detail.lag.partitions[1].status, admin::LagStatus::Unknown);
        QCOMPARE(third.detail.lag.partitions[0].lag.value_or(-1), 20);
        QVERIFY(third.detail.lag.partitions[0].status != admin::LagStatus::Unknown);
        QVERIFY(third.rates.value(TopicPartitionRef { QStringLiteral("orders"), 0 }).known);

        // The samples are in the history file under the cluster's id and the group.
        QCOMPARE(sampler.historyKey(QStringLiteral("g")), QStringLiteral("fake-cluster/g"));
        std::optional<QList<lag::PartitionHistory>> loaded;
        for (int attempt = 0; attempt < 50; ++attempt) {
            loaded.reset();
            history.load(sampler.historyKey(QStringLiteral("g")), QDateTime::currentMSecsSinceEpoch() - 60000,
                QDateTime::currentMSecsSinceEpoch() + 1000, this,
                [&](const QList<lag::PartitionHistory>& h) { loaded = h; });
            QTRY_VERIFY(loaded.has_value());
            if (loaded->size() == 2 && loaded->first().points.size() == 3)
                break;
            QTest::qWait(100);
        }
        QString storeError;
        bool answered = false;
        history.status(this, [&](bool, qint64, const QString& error) {
            storeError = error;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QCOMPARE(loaded->size(), 2);
        QVERIFY2(loaded->first().points.size() == 3, qPrintable(storeError));
        QCOMPARE(loaded->first().points.last().lagLast, 20);
        QCOMPARE(loaded->last().points.last().latest, -1); // the silent leader: unknown, not 0
    }

    void aClosedGroupStopsBeingSampledUnlessPinned()
    {
        FakeCluster cluster;
        script(cluster, 1, 2, 1, 2);
        lag::LagSampler sampler(&cluster, nullptr);
        cluster.connectTo({ QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092") });
        QTRY_COMPARE(cluster.state(), Cluster::State::Connected);
        QSignalSpy sampled(&sampler, &lag::LagSampler::sampled);
        sampler.setOpened(QStringLiteral("g"), {});
        QTRY_COMPARE(sampled.count(), 1);
        QCOMPARE(cluster.describeGroupRequests.size(), 1);
        sampler.setPinned(QStringLiteral("g"), {}, true);
        sampler.setOpened(QString(), {});
        sampler.sampleNow();
        QTRY_COMPARE(cluster.describeGroupRequests.size(), 2); // pinned: still sampled
        sampler.setPinned(QStringLiteral("g"), {}, false);
        sampler.sampleNow();
        QTest::qWait(50);
        QCOMPARE(cluster.describeGroupRequests.size(), 2);
        QVERIFY(sampler.window(QStringLiteral("g"), QStringLiteral("orders"), 0).isEmpty());
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestLagHistory)
#include "test_laghistory.moc"
