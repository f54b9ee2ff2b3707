// The lag history file (kafka/lag/historystore.h): raw samples and 1-/15-minute aggregates (min, max, last), the
// resolution chosen by span, retention, the size cap dropping the oldest first, surviving a reopen, and CSV export;
// and its compact frames (kafka/lag/historyframes.h): round trips, key frames, damaged bytes.
#include "kafka/lag/historyframes.h"
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
    EXPECT_EQ(reopened.rowCount(QStringLiteral("raw")), 2); // the prune at each hour keeps the last hour's frames
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
    retention.maxBytes = 1024 * 1024;
    LagHistoryStore store(dir.filePath(QStringLiteral("lag.sqlite")), retention, QStringLiteral("t4"));
    QList<PartitionSample> many;
    for (int p = 0; p < 2000; ++p)
        many.append({ QStringLiteral("big-topic-name-for-space"), p, 1000 + p, 2000 + p });
    // Three hours of 2,000 partitions every two minutes, offsets jumping: about 3 MB.
    for (int i = 0; i < 90; ++i) {
        for (int p = 0; p < many.size(); ++p) {
            many[p].committed = 1000 + p + i * 1'000'003LL * (p % 7);
            many[p].latest = *many[p].committed + (i * 7919 + p) % 100'000;
        }
        ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + i * 120'000LL, many));
    }
    store.prune(kT0 + 90 * 120'000LL);
    EXPECT_LE(store.fileBytes(), retention.maxBytes);
    const auto left = store.load(QStringLiteral("g"), 0, kT0 * 2, Resolution::Raw);
    ASSERT_FALSE(left.isEmpty());
    // What is left is the newest: the last sample is there, the first is gone.
    EXPECT_EQ(left[0].points.last().timeMs, kT0 + 89 * 120'000LL);
    EXPECT_GT(left[0].points.first().timeMs, kT0);
    EXPECT_EQ(left[5].points.last().committed, *many[5].committed); // and it still decodes to the values recorded
    EXPECT_EQ(left[5].points.last().latest, many[5].latest);
}

TEST(LagHistoryStore, ABucketGoesOnAcrossAReopenAndOldSamplesAreRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lag.sqlite"));
    {
        LagHistoryStore store(path, {}, QStringLiteral("t6"));
        ASSERT_TRUE(store.record(QStringLiteral("g"), kT0, sample(90, 100, 5))); // lag 10
        ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + 5000, sample(90, 140, 6))); // lag 50
    }
    LagHistoryStore store(path, {}, QStringLiteral("t7"));
    ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + 10000, sample(130, 150, 7))); // lag 20, same minute
    ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + 60000, sample(150, 151, 8))); // lag 1, next minute
    EXPECT_FALSE(store.record(QStringLiteral("g"), kT0 + 1000, sample(1, 2, 3)));
    EXPECT_TRUE(store.error().contains(QStringLiteral("older"))) << store.error().toStdString();
    const auto minute = store.load(QStringLiteral("g"), kT0, kT0 + 60000, Resolution::Minute);
    ASSERT_EQ(minute.size(), 2);
    ASSERT_EQ(minute[0].points.size(), 2);
    EXPECT_EQ(minute[0].points[0], (HistoryPoint { kT0, 10, 50, 20, 130, 150 }));
    EXPECT_EQ(minute[0].points[1], (HistoryPoint { kT0 + 60000, 1, 1, 1, 150, 151 }));
    EXPECT_EQ(minute[1].points[1].latest, 8);
    const auto raw = store.load(QStringLiteral("g"), kT0 + 5000, kT0 + 60000, Resolution::Raw);
    ASSERT_EQ(raw.size(), 2);
    ASSERT_EQ(raw[0].points.size(), 3); // from the middle of a chain: decoded from its key frame
    EXPECT_EQ(raw[0].points[0], (HistoryPoint { kT0 + 5000, 50, 50, 50, 90, 140 }));
}

TEST(LagHistoryStore, RetentionKeepsTheKeyFrameAKeptSampleNeeds)
{
    QTemporaryDir dir;
    HistoryRetention retention;
    retention.rawMs = 60'000;
    LagHistoryStore store(dir.filePath(QStringLiteral("lag.sqlite")), retention, QStringLiteral("t8"));
    // A sample every 5 s for 4 minutes: one chain, its key frame at the start (key frames come every 5 minutes).
    for (int i = 0; i < 48; ++i)
        ASSERT_TRUE(store.record(QStringLiteral("g"), kT0 + i * 5000LL, sample(i, 2 * i, i)));
    const qint64 last = kT0 + 47 * 5000LL;
    store.prune(last);
    const auto raw = store.load(QStringLiteral("g"), last - 60'000, last, Resolution::Raw);
    ASSERT_EQ(raw.size(), 2);
    ASSERT_EQ(raw[0].points.size(), 13);
    EXPECT_EQ(raw[0].points.last(), (HistoryPoint { last, 47, 47, 47, 47, 94 }));
    // Long past the retention nothing is kept, key frames neither.
    store.prune(last + 3600'000);
    EXPECT_EQ(store.rowCount(QStringLiteral("raw")), 0);
    // And the next sample starts a new chain.
    ASSERT_TRUE(store.record(QStringLiteral("g"), last + 3600'000, sample(5, 7, 1)));
    EXPECT_EQ(
        store.load(QStringLiteral("g"), last, last + 3600'000, Resolution::Raw).value(0).points.value(0).lagLast, 2);
}

TEST(HistoryFrames, RoundTripAgainstThePreviousFrame)
{
    const Frame key { { 1, { 100, 150, -1, -1 } }, { 4, { -1, 7, -1, -1 } },
        { 9, { 5'000'000'000'000LL, -1, -1, -1 } } };
    const Frame next { { 1, { 160, 210, -1, -1 } }, { 2, { 3, 4, -1, -1 } }, { 4, { 1, 9, -1, -1 } },
        { 9, { -1, INT64_MAX, -1, -1 } } };
    const QByteArray keyBytes = encodeFrame(FrameKind::Raw, key, nullptr);
    const QByteArray nextBytes = encodeFrame(FrameKind::Raw, next, &key);
    EXPECT_EQ(decodeFrame(FrameKind::Raw, keyBytes, nullptr), key);
    EXPECT_EQ(decodeFrame(FrameKind::Raw, nextBytes, &key), next);
    // Deltas are small where offsets moved little: partition 1's +60 takes a byte or two per value.
    const Frame moved { { 1, { 1'000'060, 1'000'110, -1, -1 } } };
    const Frame before { { 1, { 1'000'000, 1'000'050, -1, -1 } } };
    EXPECT_LE(encodeFrame(FrameKind::Raw, moved, &before).size(), 1 + 1 + 1 + 2 + 2);
    const Frame agg { { 3, { 10, 40, 5, 90 } }, { 8, { -1, -1, -1, -1 } }, { 9, { -1, 12, 30, 30 } } };
    EXPECT_EQ(decodeFrame(FrameKind::Aggregate, encodeFrame(FrameKind::Aggregate, agg, &key), &key), agg);
}

TEST(HistoryFrames, DamagedBytesDoNotDecode)
{
    const Frame frame { { 1, { 100, 150, -1, -1 } }, { 4, { 300, 7000, -1, -1 } } };
    const QByteArray bytes = encodeFrame(FrameKind::Aggregate, frame, nullptr);
    for (qsizetype n = 0; n < bytes.size(); ++n)
        EXPECT_FALSE(decodeFrame(FrameKind::Aggregate, bytes.left(n), nullptr)) << n;
    EXPECT_FALSE(decodeFrame(FrameKind::Aggregate, bytes + '\0', nullptr)); // trailing bytes
    EXPECT_FALSE(decodeFrame(FrameKind::Raw, bytes, nullptr)); // another kind's layout
    QByteArray version = bytes;
    version[0] = 9;
    EXPECT_FALSE(decodeFrame(FrameKind::Aggregate, version, nullptr));
    EXPECT_FALSE(
        decodeFrame(FrameKind::Raw, QByteArray("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12), nullptr));
    // Series ids must rise: a frame listing 4 before 1 is not one of ours.
    const QByteArray swapped = encodeFrame(FrameKind::Raw, Frame { { 4, {} }, { 1, {} } }, nullptr);
    EXPECT_FALSE(decodeFrame(FrameKind::Raw, swapped, nullptr));
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
