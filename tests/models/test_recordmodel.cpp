#include "models/partitioncolors.h"
#include "models/recordfilterproxy.h"
#include "models/recordformat.h"
#include "models/recordmodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <ctime>
#include <functional>

using namespace kafscope;
using kafscope::test::dumpColumn;
using kafscope::test::dumpHeader;
using kafscope::test::dumpModel;
namespace fmt = kafscope::record_format;

namespace {

constexpr int64_t kTimestamp = 1700000000123; // 2023-11-14 22:13:20.123 UTC

Record record(int32_t partition, int64_t offset, const QByteArray& key, const QByteArray& value,
    const QList<RecordHeader>& headers = {})
{
    return Record::make(partition, offset, kTimestamp, TimestampType::CreateTime, key.constData(), int32_t(key.size()),
        value.constData(), int32_t(value.size()), headers);
}

Record nullRecord(int32_t partition, int64_t offset)
{
    return Record::make(partition, offset, -1, TimestampType::NotAvailable, nullptr, -1, nullptr, -1);
}

// Offsets [first, first + count), round-robin over 3 partitions; keys key-0..key-49, every 4th value "paid".
std::vector<Record> stream(int64_t first, int count)
{
    std::vector<Record> batch;
    batch.reserve(size_t(count));
    for (int64_t o = first; o < first + count; ++o) {
        const QByteArray key = "key-" + QByteArray::number(o % 50);
        const QByteArray value
            = "{\"order\":" + QByteArray::number(o) + ",\"status\":\"" + (o % 4 == 0 ? "PAID" : "open") + "\"}";
        batch.push_back(record(int32_t(o % 3), o, key, value));
    }
    return batch;
}

int rowsWhere(const RecordModel& model, const std::function<bool(const Record&)>& pred)
{
    int n = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        n += pred(model.record(row)) ? 1 : 0;
    return n;
}

double contrast(const QColor& a, const QColor& b)
{
    auto lum = [](const QColor& c) {
        auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
    };
    const double la = lum(a), lb = lum(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestRecordModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Timestamps show in local time: pin it so expectations are stable.
        qputenv("TZ", "UTC");
        tzset();
    }

    void showsRecordsWithLazyPreviews()
    {
        RecordModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model), QStringLiteral("Partition | Offset | Timestamp | Key | Value | Headers | Size"));

        std::vector<Record> batch;
        batch.push_back(record(2, 41, "r-17", "{\"order\":1}\n", { { QStringLiteral("trace"), "abc", false } }));
        batch.push_back(nullRecord(0, 7));
        batch.push_back(record(1, 9, "", QByteArray("\x1f\x8b\x08\x00", 4)));
        model.append(std::move(batch));
        QCOMPARE(dumpModel(model),
            QStringLiteral("2 | 41 | 2023-11-14 22:13:20.123 (create) | r-17 | {\"order\":1}⏎ | 1 | 24 B\n"
                           "0 | 7 |  | (null) | (null) | 0 | 0 B\n"
                           "1 | 9 | 2023-11-14 22:13:20.123 (create) | (empty) | [binary 4 B] 1f 8b 08 00 | 0 | 4 B"));

        const QModelIndex partition = model.index(0, RecordModel::PartitionColumn);
        QCOMPARE(partition.data(Qt::BackgroundRole).value<QColor>(), partitionColor(2));
        QCOMPARE(partition.data(Qt::ForegroundRole).value<QColor>(), partitionTextColor(2));
        QVERIFY(!model.index(0, RecordModel::ValueColumn).data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.index(0, RecordModel::ValueColumn).data(RecordModel::PartitionRole).toInt(), 2);
        QCOMPARE(model.index(0, RecordModel::KeyColumn).data(RecordModel::OffsetRole).toLongLong(), 41);
        QCOMPARE(model.index(1, RecordModel::KeyColumn).data(RecordModel::TimestampRole).toLongLong(), -1);
        QCOMPARE(model.index(0, RecordModel::OffsetColumn).data(Qt::TextAlignmentRole).toInt(),
            int(Qt::AlignRight | Qt::AlignVCenter));

        QCOMPARE(model.index(0, RecordModel::TimestampColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("create time, 1700000000123 ms since the epoch (2023-11-14 22:13:20.123 UTC)"));
        QCOMPARE(
            model.index(0, RecordModel::HeadersColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("trace = abc"));
        QCOMPARE(model.index(0, RecordModel::SizeColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("24 bytes (key, value and headers)"));

        // Sort values are raw: numbers as qint64, key/value as their previews.
        const QModelIndex offset = model.index(0, RecordModel::OffsetColumn);
        QCOMPARE(offset.data(RecordModel::SortRole).typeId(), QMetaType::LongLong);
        QCOMPARE(model.index(0, RecordModel::TimestampColumn).data(RecordModel::SortRole).toLongLong(), kTimestamp);
        QCOMPARE(model.index(0, RecordModel::SizeColumn).data(RecordModel::SortRole).toLongLong(), 24);
        QCOMPARE(model.index(0, RecordModel::KeyColumn).data(RecordModel::SortRole).toString(), QStringLiteral("r-17"));

        QCOMPARE(model.record(2).value().size(), 4);
        QCOMPARE(model.partitionCounts(), (QMap<int32_t, qint64> { { 0, 1 }, { 1, 1 }, { 2, 1 } }));
    }

    void streamsBatchesAndEvictsOldestInOneRemovePerBatch()
    {
        RecordModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRowCap(1000);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy counters(&model, &RecordModel::countersChanged);

        for (int round = 0; round < 20; ++round) {
            model.append(stream(round * 300, 300));
            QCOMPARE(model.rowCount(), std::min(1000, (round + 1) * 300));
            QCOMPARE(model.received(), (round + 1) * 300);
            QCOMPARE(model.evicted(), model.received() - model.rowCount());
        }
        QCOMPARE(inserted.size(), 20);
        QCOMPARE(counters.size(), 20);
        // Rounds 1-3 fill up to 900; from round 4 on every batch evicts: 200 once, then 300 each time.
        QCOMPARE(removed.size(), 17);
        QCOMPARE(removed[0][1].toInt(), 0);
        QCOMPARE(removed[0][2].toInt(), 199);
        QCOMPARE(removed[1][2].toInt(), 299);
        QCOMPARE(inserted.last()[1].toInt(), 700);
        QCOMPARE(inserted.last()[2].toInt(), 999);

        QCOMPARE(model.evicted(), 5000);
        QCOMPARE(model.record(0).offset(), 5000);
        QCOMPARE(model.record(999).offset(), 5999);
        QCOMPARE(model.partitionCounts(), (QMap<int32_t, qint64> { { 0, 2000 }, { 1, 2000 }, { 2, 2000 } }));
    }

    void batchLargerThanCapNeverInsertsItsOldest()
    {
        RecordModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRowCap(10);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.append(stream(0, 25));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.received(), 25);
        QCOMPARE(model.evicted(), 15);
        QCOMPARE(
            dumpColumn(model, RecordModel::OffsetColumn), QStringLiteral("15, 16, 17, 18, 19, 20, 21, 22, 23, 24"));
        QCOMPARE(model.partitionCounts().value(0), 9); // counts every record received, 0, 3, ..., 24

        model.append(stream(25, 25)); // replaces every row: one remove of all 10, one insert of the newest 10
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed[0][2].toInt(), 9);
        QCOMPARE(model.record(0).offset(), 40);
        QCOMPARE(model.evicted(), 40);
    }

    void loweringTheRowCapEvictsOldest()
    {
        RecordModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCap(), RecordModel::kDefaultRowCap);
        model.append(stream(0, 100));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.setRowCap(30);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(model.evicted(), 70);
        QCOMPARE(model.record(0).offset(), 70);

        model.setRowCap(500); // raising keeps what is there
        QCOMPARE(model.rowCount(), 30);
        model.setRowCap(0); // at least one row
        QCOMPARE(model.rowCap(), 1);
        QCOMPARE(dumpColumn(model, RecordModel::OffsetColumn), QStringLiteral("99"));
        QCOMPARE(removed.size(), 2);
    }

    // The rows live in a ring buffer: after it wraps, rows must still read oldest first, through cap changes (which
    // lay the ring out again), evicting everything and clearing.
    void rowsStayInOrderAcrossRingWrapsAndCapChanges()
    {
        RecordModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRowCap(7);
        int64_t next = 0;
        const auto expectRows = [&](int rows) {
            QCOMPARE(model.rowCount(), rows);
            for (int row = 0; row < rows; ++row) {
                QCOMPARE(model.record(row).offset(), next - rows + row);
                QCOMPARE(
                    model.record(row).key(), QByteArrayView("key-" + QByteArray::number((next - rows + row) % 50)));
                QCOMPARE(model.index(row, RecordModel::OffsetColumn).data(RecordModel::OffsetRole).toLongLong(),
                    next - rows + row);
            }
        };
        for (const int n : { 3, 3, 3, 1, 5, 2, 7, 4 }) { // fills, wraps, a batch of exactly the cap
            model.append(stream(next, n));
            next += n;
            expectRows(int(std::min<int64_t>(next, 7)));
        }
        model.setRowCap(12); // wrapped ring, raised
        expectRows(7);
        model.append(stream(next, 3));
        next += 3;
        expectRows(10);
        model.append(stream(next, 6));
        next += 6;
        expectRows(12);
        model.setRowCap(5); // wrapped ring, lowered: evicts 7
        expectRows(5);
        QCOMPARE(model.evicted(), next - 5);
        model.append(stream(next, 12)); // larger than the cap: every row replaced
        next += 12;
        expectRows(5);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.append(stream(next, 2));
        next += 2;
        expectRows(2);
    }

    void clearAndNewTopicResetRowsAndCounters()
    {
        RecordModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(QStringLiteral("orders"));
        model.setRowCap(50);
        model.append(stream(0, 80));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        model.clear();
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.received(), 0);
        QCOMPARE(model.evicted(), 0);
        QVERIFY(model.partitionCounts().isEmpty());
        QCOMPARE(model.topic(), QStringLiteral("orders"));
        QCOMPARE(model.rowCap(), 50); // a setting, not data

        model.append(stream(0, 5));
        model.setTopic(QStringLiteral("orders")); // same topic: nothing happens
        QCOMPARE(model.rowCount(), 5);
        model.setTopic(QStringLiteral("payments"));
        QCOMPARE(resets.size(), 2);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.received(), 0);
    }

    void previewsOfSpecialValues()
    {
        QCOMPARE(fmt::preview({}, true), QStringLiteral("(null)"));
        QCOMPARE(fmt::preview("", false), QStringLiteral("(empty)"));
        QCOMPARE(fmt::preview("line 1\nline 2\r\n\tend\x7f", false), QStringLiteral("line 1⏎line 2␍⏎␉end␡"));
        QCOMPARE(fmt::preview(QByteArrayView("a\0b", 3), false), QStringLiteral("a␀b"));
        QCOMPARE(fmt::preview("caf\xc3\xa9 \xe2\x82\xac", false), QStringLiteral("café €"));

        // Invalid UTF-8: a stray byte, an overlong encoding, a sequence cut at the very end of the value.
        QCOMPARE(fmt::preview("abc\xff", false), QStringLiteral("[binary 4 B] 61 62 63 ff"));
        QCOMPARE(fmt::preview("\xc0\xaf", false), QStringLiteral("[binary 2 B] c0 af"));
        QCOMPARE(fmt::preview("ok \xe2\x82", false), QStringLiteral("[binary 5 B] 6f 6b 20 e2 82"));

        // Binary: size, then as many bytes as fit in maxChars.
        QByteArray gzip("\x1f\x8b\x08\x00", 4);
        gzip.append(1200, '\x01');
        QCOMPARE(fmt::preview(gzip, false, 30), QStringLiteral("[binary 1.2 KB] 1f 8b 08 00 …"));
        QVERIFY(fmt::preview(gzip, false).size() <= fmt::kPreviewChars + 1);

        // Text is cut at maxChars, marked with an ellipsis; never half a surrogate pair.
        QCOMPARE(fmt::preview(QByteArray(300, 'x'), false).size(), fmt::kPreviewChars + 1);
        QCOMPARE(fmt::preview("abcdef", false, 3), QStringLiteral("abc…"));
        QCOMPARE(fmt::preview("abcdef", false, 6), QStringLiteral("abcdef"));
        QCOMPARE(fmt::preview("ab\xf0\x9f\x98\x80", false, 3), QStringLiteral("ab…")); // 😀 needs 2 UTF-16 units
    }

    void previewOfHugeValueLooksAtBoundedPrefix()
    {
        // 10 MB of text with an invalid byte at 5 MB: the preview decodes only its prefix, so it is still text.
        QByteArray huge(10 * 1024 * 1024, 'a');
        huge[5 * 1024 * 1024] = '\xff';
        const QString p = fmt::preview(huge, false);
        QCOMPARE(p, QString(fmt::kPreviewChars, QLatin1Char('a')) + QStringLiteral("…"));

        // A multi-byte character cut by the prefix boundary is not an error either.
        QByteArray euros;
        for (int i = 0; i < 1024 * 1024; ++i)
            euros.append("\xe2\x82\xac");
        QCOMPARE(fmt::preview(euros, false, 10), QString(10, QChar(u'€')) + QStringLiteral("…"));

        // A binary 10 MB value shows its size and first bytes only.
        QByteArray blob(10 * 1024 * 1024, '\xfe');
        QCOMPARE(fmt::preview(blob, false, 30), QStringLiteral("[binary 10.0 MB] fe fe fe fe …"));

        // The model's Value column caps it the same way.
        RecordModel model;
        std::vector<Record> batch;
        batch.push_back(record(0, 0, "k", huge));
        model.append(std::move(batch));
        QCOMPARE(
            model.index(0, RecordModel::ValueColumn).data().toString().size(), RecordModel::kValuePreviewChars + 1);
        QCOMPARE(model.index(0, RecordModel::SizeColumn).data().toString(), QStringLiteral("10.0 MB"));
    }

    void hexDumpLayoutAndCap()
    {
        QCOMPARE(fmt::hexDump(QByteArrayView("{\"id\":1}\n\0\xff", 11), 1024),
            QStringLiteral("00000000  7b 22 69 64 22 3a 31 7d  0a 00 ff                 |{\"id\":1}...|"));
        QByteArray bytes;
        for (int i = 0; i < 100; ++i)
            bytes.append(char(0x30 + i % 10));
        QCOMPARE(fmt::hexDump(bytes, 20),
            QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 30 31 32 33 34 35  |0123456789012345|\n"
                           "00000010  36 37 38 39                                       |6789|\n"
                           "… 80 more bytes not shown (100 B in total)"));
        QCOMPARE(fmt::hexDump({}, 100), QString());
        QCOMPARE(fmt::hexDump(QByteArray(20 * 1024 * 1024, 'x'), 64 * 1024).count(QLatin1Char('\n')), 4096);
    }

    void prettyJsonKeepsKeyOrderAndNumbers()
    {
        // (No raw string literal: moc 6.4 mis-parses the braces inside one and then finds no Q_OBJECT class.)
        const QByteArray json
            = " {\"b\":1,\"a\":[1,2,{}], \"big\":12345678901234567890,\"s\":\"x,{y}:\\\"z\",\"e\":[]} ";
        QCOMPARE(fmt::prettyJson(json, 1024),
            QStringLiteral("{\n"
                           "    \"b\": 1,\n"
                           "    \"a\": [\n"
                           "        1,\n"
                           "        2,\n"
                           "        {}\n"
                           "    ],\n"
                           "    \"big\": 12345678901234567890,\n"
                           "    \"s\": \"x,{y}:\\\"z\",\n"
                           "    \"e\": []\n"
                           "}"));
        QCOMPARE(fmt::prettyJson("[]", 10), QStringLiteral("[]"));
        QCOMPARE(fmt::prettyJson("42", 10), std::nullopt); // a scalar: nothing to indent
        QCOMPARE(fmt::prettyJson("{\"a\":", 10), std::nullopt);
        QCOMPARE(fmt::prettyJson("not json", 10), std::nullopt);
        QCOMPARE(fmt::prettyJson(json, 16), std::nullopt); // larger than maxBytes
    }

    void detailTextIsCappedWithANote()
    {
        QCOMPARE(fmt::text("line 1\nline 2", 100), QStringLiteral("line 1\nline 2"));
        QCOMPARE(fmt::text("abc\xff", 100), std::nullopt);
        QCOMPARE(fmt::text(QByteArray(3 * 1024, 'y'), 1024),
            QString(1024, QLatin1Char('y')) + QStringLiteral("\n\n… 2.0 KB more not shown (3.0 KB in total)"));
    }

    void humanSizes()
    {
        QCOMPARE(fmt::humanSize(0), QStringLiteral("0 B"));
        QCOMPARE(fmt::humanSize(1023), QStringLiteral("1023 B"));
        QCOMPARE(fmt::humanSize(1024), QStringLiteral("1.0 KB"));
        QCOMPARE(fmt::humanSize(1536), QStringLiteral("1.5 KB"));
        QCOMPARE(fmt::humanSize(1024 * 1024 - 1), QStringLiteral("1.0 MB"));
        QCOMPARE(fmt::humanSize(10 * 1024 * 1024), QStringLiteral("10.0 MB"));
        QCOMPARE(fmt::humanSize(5LL * 1024 * 1024 * 1024), QStringLiteral("5.0 GB"));
    }

    void partitionColorsAreDistinctAndReadable()
    {
        QSet<QRgb> seen;
        for (int32_t p = 0; p < 256; ++p) {
            const QColor c = partitionColor(p);
            QVERIFY(c.isValid());
            QCOMPARE(partitionColor(p), c); // stable
            seen.insert(c.rgb());
            const QColor text = partitionTextColor(p);
            QVERIFY(text == QColor(Qt::black) || text == QColor(Qt::white));
            QVERIFY2(contrast(c, text) >= 4.5, qPrintable(QString::number(p)));
        }
        QCOMPARE(seen.size(), 256);
        QCOMPARE(partitionColor(3), QColor(0xe1, 0x57, 0x59)); // the fixed palette
        // Neighbours beyond the palette differ clearly in hue (golden angle: about 137 degrees apart).
        for (int32_t p = 12; p < 100; ++p) {
            const int d = std::abs(partitionColor(p).hslHue() - partitionColor(p + 1).hslHue());
            QVERIFY2(std::min(d, 360 - d) > 90, qPrintable(QString::number(p)));
        }
        QVERIFY(partitionColor(-1).isValid());
    }

    void filterProxyWhileRowsStreamAndEvict()
    {
        RecordModel model;
        model.setRowCap(1000);
        RecordFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!proxy.isFiltering());

        proxy.setPartitions({ 1 });
        QVERIFY(proxy.isFiltering());
        for (int round = 0; round < 20; ++round) {
            model.append(stream(round * 300, 300));
            QCOMPARE(proxy.shownCount(), rowsWhere(model, [](const Record& r) { return r.partition() == 1; }));
        }
        QCOMPARE(proxy.shownCount(), 333);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(RecordModel::PartitionRole).toInt(), 1);
        // Arrival order: no sort unless asked.
        QCOMPARE(proxy.index(0, RecordModel::OffsetColumn).data(RecordModel::OffsetRole).toLongLong(), 5002);

        proxy.setPartitions({});
        proxy.setKeyFilter(RecordFilterProxy::KeyMatch::Equals, QStringLiteral("key-7"));
        model.append(stream(6000, 300));
        QCOMPARE(proxy.shownCount(), rowsWhere(model, [](const Record& r) { return r.key() == "key-7"; }));
        QCOMPARE(proxy.shownCount(), 20);
        proxy.setKeyFilter(RecordFilterProxy::KeyMatch::Equals, QStringLiteral("KEY-7")); // equality is exact
        QCOMPARE(proxy.shownCount(), 0);

        proxy.setKeyFilter(RecordFilterProxy::KeyMatch::Contains, QStringLiteral("KEY-1")); // key-1, key-10..19
        model.append(stream(6300, 300));
        QCOMPARE(proxy.shownCount(), rowsWhere(model, [](const Record& r) { return r.key().startsWith("key-1"); }));
        QCOMPARE(proxy.shownCount(), 220);

        proxy.setKeyFilter(RecordFilterProxy::KeyMatch::Contains, {});
        proxy.setValueContains(QStringLiteral("\"status\":\"paid\"")); // ASCII case-insensitive: matches PAID
        model.append(stream(6600, 300));
        QCOMPARE(proxy.shownCount(), 250);

        proxy.setPartitions({ 0, 2 });
        model.append(stream(6900, 300));
        QCOMPARE(proxy.shownCount(),
            rowsWhere(model, [](const Record& r) { return r.partition() != 1 && r.offset() % 4 == 0; }));

        proxy.setPartitions({});
        proxy.setValueContains({});
        QCOMPARE(proxy.shownCount(), model.rowCount());
        QVERIFY(!proxy.isFiltering());

        // A sort by value works on SortRole, and sort column -1 goes back to arrival order.
        proxy.sort(RecordModel::OffsetColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(RecordModel::OffsetRole).toLongLong(), 7199);
        proxy.sort(-1);
        QCOMPARE(proxy.index(0, 0).data(RecordModel::OffsetRole).toLongLong(), 6200);
    }

    void valueSearchIsBoundedAndSkipsNulls()
    {
        RecordModel model;
        RecordFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QByteArray early(2 * 1024 * 1024, '.');
        early.replace(10, 6, "needle");
        QByteArray late(2 * 1024 * 1024, '.');
        late.replace(1536 * 1024, 6, "needle");
        std::vector<Record> batch;
        batch.push_back(record(0, 0, "a", early));
        batch.push_back(record(0, 1, "b", late)); // beyond kValueSearchLimit: not found
        batch.push_back(nullRecord(0, 2));
        batch.push_back(record(0, 3, "d", "caf\xc3\xa9 NEEDLE"));
        model.append(std::move(batch));

        proxy.setValueContains(QStringLiteral("Needle"));
        QCOMPARE(dumpColumn(proxy, RecordModel::OffsetColumn), QStringLiteral("0, 3"));
        proxy.setValueContains(QStringLiteral("café")); // non-ASCII matches exactly
        QCOMPARE(dumpColumn(proxy, RecordModel::OffsetColumn), QStringLiteral("3"));
        proxy.setValueContains(QStringLiteral("CAFÉ")); // no Unicode case folding
        QCOMPARE(proxy.shownCount(), 0);

        proxy.setValueContains({});
        proxy.setKeyFilter(RecordFilterProxy::KeyMatch::Contains, QStringLiteral("a")); // the null key never matches
        QCOMPARE(dumpColumn(proxy, RecordModel::OffsetColumn), QStringLiteral("0"));

        QVERIFY(RecordFilterProxy::containsBytes("Hello World", "o w", 100));
        QVERIFY(!RecordFilterProxy::containsBytes("Hello World", "world", 8));
        QVERIFY(RecordFilterProxy::containsBytes("", "", 8));
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestRecordModel)
#include "test_recordmodel.moc"
