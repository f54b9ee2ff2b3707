// The lag history file (kafka/lag/historystore.h): raw samples and 1-/15-minute aggregates (min, max, last), the
// resolution chosen by span, retention, the size cap dropping the oldest first, surviving a reopen, and CSV export.
#include "kafka/lag/historystore.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace kafscope::lag;

namespace {

constexpr qint64 kT0 = 1'700'000'100'000; // a 15-minute boundary (so a minute boundary too)

QList<PartitionSample> sample(int64_t committed0, int64_t latest0, int64_t latest1)
{
    return { { QStringLiteral("orders"), 0, committed0, latest0 },
        { QStringLiteral("orders"), 1, std::nullopt, latest1 } };
}

} // namespace

TEST(LagHistoryStore, KeepsRawSamplesAndFoldsThemIntoMinuteBuckets)
{
    QTemporaryDir dir;
    LagHistoryStore store(dir.filePath(QStringLiteral("lag.sqlite")), {}, QStringLiteral("t1"));
    ASSERT_TRUE(store.isOpen()) << store.error().toStdString();
    // Three samples in one minute: lag 10, 30, 20 on partition 0; partition 1 never committed.
    ASSERT_TRUE(store.record(QStringLiteral("g"), kT0, sample(90, 100, 5)));
    ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + 5000, sample(90, 120, 6)));
    ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + 10000, sample(110, 130, 7)));
    ASSERT_TRUE(store.record(QStringLiteral("other"), kT0, sample(1, 2, 3)));

    const auto raw = store.load(QStringLiteral("g"), kT0, kT0 + 60000, Resolution::Raw);
    ASSERT_EQ(raw.size(), 2);
    ASSERT_EQ(raw[0].points.size(), 3);
    EXPECT_EQ(raw[0].points[1].lagLast, 30);
    EXPECT_EQ(raw[0].points[1].committed, 90);
    EXPECT_EQ(raw[1].points[0].lagLast, -1); // no offset: unknown, never 0
    EXPECT_EQ(raw[1].points[0].latest, 5);

    const auto minute = store.load(QStringLiteral("g"), kT0, kT0 + 60000, Resolution::Minute);
    ASSERT_EQ(minute.size(), 2);
    ASSERT_EQ(minute[0].points.size(), 1);
    EXPECT_EQ(minute[0].points[0].timeMs, kT0);
    EXPECT_EQ(minute[0].points[0].lagMin, 10);
    EXPECT_EQ(minute[0].points[0].lagMax, 30);
    EXPECT_EQ(minute[0].points[0].lagLast, 20);
    EXPECT_EQ(minute[0].points[0].latest, 130);
    EXPECT_EQ(minute[1].points[0].lagMax, -1);
    const auto quarter = store.load(QStringLiteral("g"), kT0 - 15 * 60000, kT0 + 60000, Resolution::FifteenMinutes);
    ASSERT_EQ(quarter.size(), 2);
    EXPECT_EQ(quarter[0].points[0].lagMax, 30);
    EXPECT_EQ(store.groups(), (QStringList { QStringLiteral("g"), QStringLiteral("other") }));
}

TEST(LagHistoryStore, ChoosesTheResolutionBySpan)
{
    const HistoryRetention r;
    const qint64 now = kT0;
    EXPECT_EQ(LagHistoryStore::resolutionFor(now - 3600'000, now, now, r), Resolution::Raw);
    EXPECT_EQ(LagHistoryStore::resolutionFor(now - 24 * 3600'000LL, now, now, r), Resolution::Minute);
    EXPECT_EQ(LagHistoryStore::resolutionFor(now - 7 * 24 * 3600'000LL, now, now, r), Resolution::FifteenMinutes);
}

TEST(LagHistoryStore, SurvivesAReopenAndDropsWhatIsPastItsRetention)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lag.sqlite"));
    HistoryRetention retention;
    retention.rawMs = 3600'000;
    retention.aggregateMs = 2 * 3600'000;
    {
        LagHistoryStore store(path, retention, QStringLiteral("t2"));
        for (int i = 0; i < 4; ++i) // one sample an hour
            ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + i * 3600'000LL, sample(i, 10 + i, 1)));
        ASSERT_TRUE(store.recordTotals(kT0, { { QStringLiteral("g"), 9 }, { QStringLiteral("h"), std::nullopt } }));
    }
    LagHistoryStore reopened(path, retention, QStringLiteral("t3"));
    ASSERT_TRUE(reopened.isOpen());
    EXPECT_EQ(reopened.rowCount(QStringLiteral("raw")), 2 * 2); // the prune at each hour keeps the last hour
    EXPECT_EQ(reopened.loadTotals(QStringLiteral("g"), 0, kT0 * 2).value(0).second, 9);
    EXPECT_EQ(reopened.loadTotals(QStringLiteral("h"), 0, kT0 * 2).value(0).second, -1);
    reopened.prune(kT0 + 10 * 3600'000LL);
    EXPECT_EQ(reopened.rowCount(QStringLiteral("raw")), 0);
    EXPECT_EQ(reopened.rowCount(QStringLiteral("agg1m")), 0);
    EXPECT_EQ(reopened.rowCount(QStringLiteral("totals")), 0);
}

TEST(LagHistoryStore, TheCapDropsTheOldestFirst)
{
    QTemporaryDir dir;
    HistoryRetention retention;
    retention.maxBytes = 512 * 1024;
    LagHistoryStore store(dir.filePath(QStringLiteral("lag.sqlite")), retention, QStringLiteral("t4"));
    QList<PartitionSample> many;
    for (int p = 0; p < 100; ++p)
        many.append({ QStringLiteral("big-topic-name-for-space"), p, 1000 + p, 2000 + p });
    // Three hours of 100 partitions every two minutes: far over 512 KB.
    for (int i = 0; i < 90; ++i)
        ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + i * 120'000LL, many));
    store.prune(kT0 + 90 * 120'000LL);
    EXPECT_LE(store.fileBytes(), retention.maxBytes);
    const auto left = store.load(QStringLiteral("g"), 0, kT0 * 2, Resolution::Raw);
    ASSERT_FALSE(left.isEmpty());
    // What is left is the newest: the last sample is there, the first is gone.
    EXPECT_EQ(left[0].points.last().timeMs, kT0 + 89 * 120'000LL);
    EXPECT_GT(left[0].points.first().timeMs, kT0);
}

TEST(LagHistoryStore, ExportsCsv)
{
    QTemporaryDir dir;
    LagHistoryStore store(dir.filePath(QStringLiteral("lag.sqlite")), {}, QStringLiteral("t5"));
    ASSERT_TRUE(store.record(QStringLiteral("g"), kT0, sample(90, 100, 5)));
    const QString csv = dir.filePath(QStringLiteral("lag.csv"));
    QString error;
    ASSERT_TRUE(store.exportCsv(QStringLiteral("g"), kT0 - 1, kT0 + 1, csv, &error)) << error.toStdString();
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines[0], QStringLiteral("time,time_ms,topic,partition,committed,latest,lag,lag_min,lag_max"));
    EXPECT_TRUE(lines[1].endsWith(QStringLiteral(",orders,0,90,100,10,10,10"))) << lines[1].toStdString();
    EXPECT_TRUE(lines[2].endsWith(QStringLiteral(",orders,1,,5,,,"))) << lines[2].toStdString();
    EXPECT_FALSE(store.exportCsv(QStringLiteral("g"), 0, 1, dir.filePath(QStringLiteral("no/such/dir.csv")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("Cannot write")));
}
