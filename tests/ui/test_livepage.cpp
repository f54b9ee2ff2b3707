// The live pane on the demo cluster, offscreen: tail a keyed topic and see each record in the partition its key
// hashes to; produce through the panel and compare prediction and delivery; filters, detail, export.
#include "kafka/client/partitioners.h"
#include "kafka/client/recordexport.h"
#include "kafka/clustersession.h"
#include "models/recordfilterproxy.h"
#include "models/recordmodel.h"
#include "ui/livepage.h"
#include "ui/mainwindow.h"
#include "ui/producerpanel.h"
#include "ui/recorddetail.h"
#include "ui/settings.h"
#include "uitestutil.h"

#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace kafscope;

namespace {
constexpr int kTimeoutMs = 30000;
}

class TestLivePage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    LivePage* page() const { return m_window->livePage(); }

private slots:
    // Tails `orders` from the start and waits until the seeded records are in.
    void tailOrders()
    {
        QVERIFY(page()->startTailing(QStringLiteral("orders"), QStringLiteral("earliest")));
        QTRY_VERIFY_WITH_TIMEOUT(page()->recordModel()->rowCount() >= 300, kTimeoutMs);
    }

    // Sends one keyed record through the panel and waits for its delivery report.
    void sendUser1()
    {
        auto* producer = page()->producerPanel();
        producer->setTopic(QStringLiteral("orders"));
        producer->setPartitioner(partitioning::Partitioner::Murmur2Random);
        producer->setKey(QStringLiteral("user-1"));
        producer->setValue(QStringLiteral("{\"hello\":\"kafka\"}"));
        const auto before = producer->deliveredCount();
        QVERIFY(producer->send());
        QTRY_COMPARE_WITH_TIMEOUT(producer->deliveredCount(), before + 1, kTimeoutMs);
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("kafscope.ini")));
    }

    // Every test gets a window of its own on a freshly started demo cluster, on the Live tab, nothing tailed yet.
    void init()
    {
        m_window = std::make_unique<MainWindow>(m_settings.get());
        m_window->show();
        m_window->connectTo({ QStringLiteral("Demo (simulated)"), {}, true });
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ClusterSession::State::Connected, kTimeoutMs);
        m_window->tabs()->setCurrentWidget(page());
    }

    void cleanup() { m_window.reset(); }

    void cleanupTestCase() { m_settings.reset(); }

    void startRejectsBadInputWithAReason()
    {
        QVERIFY(!page()->startTailing(QStringLiteral("no-such-topic")));
        QVERIFY(test::visibleLabelContaining(page(), QStringLiteral("does not exist")));
        QVERIFY(!page()->startTailing(QStringLiteral("orders"), QStringLiteral("yesterday")));
        QVERIFY(test::visibleLabelContaining(page(), QStringLiteral("not a start position")));
        QVERIFY(!page()->startTailing(QStringLiteral("orders"), QStringLiteral("earliest"), QStringLiteral("9")));
        QVERIFY(test::visibleLabelContaining(page(), QStringLiteral("no partition 9")));
        QCOMPARE(page()->recordModel()->rowCount(), 0);
    }

    // The demo producer keys orders by restaurant with librdkafka's default partitioner: every record must sit in
    // the partition CRC-32 of its key picks.
    void everyKeyedRecordIsInThePartitionItsKeyHashesTo()
    {
        QVERIFY(page()->startTailing(QStringLiteral("orders"), QStringLiteral("earliest")));
        auto* model = page()->recordModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 300, kTimeoutMs);
        QHash<int32_t, int64_t> lastOffset;
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto& r = model->record(row);
            QVERIFY(!r.keyIsNull());
            const auto predicted
                = partitioning::predict(partitioning::Partitioner::ConsistentRandom, r.key().toByteArray(), 6);
            QCOMPARE(r.partition(), predicted.partition);
            // Ordered within each partition, no gaps or repeats.
            if (lastOffset.contains(r.partition()))
                QCOMPARE(r.offset(), lastOffset[r.partition()] + 1);
            lastOffset[r.partition()] = r.offset();
        }
        const auto counts = model->partitionCounts();
        qint64 total = 0;
        for (auto c : counts)
            total += c;
        QCOMPARE(total, model->received());
    }

    void producerPredictionMatchesTheDeliveryReport()
    {
        tailOrders();
        auto* producer = page()->producerPanel();
        producer->setTopic(QStringLiteral("orders"));
        producer->setPartitioner(partitioning::Partitioner::Murmur2Random);
        producer->setKey(QStringLiteral("user-1"));
        producer->setValue(QStringLiteral("{\"hello\":\"kafka\"}"));
        QVERIFY(producer->send());
        QTRY_COMPARE_WITH_TIMEOUT(producer->deliveredCount(), 1, kTimeoutMs);
        QCOMPARE(producer->failedCount(), 0);
        QCOMPARE(producer->predictionMatches(), 1); // murmur2("user-1") % 6 = 2, per KAFKA-FACTS
        // ... and the tail shows it, in partition 2.
        auto* model = page()->recordModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = model->rowCount() - 1; row >= 0; --row)
                    if (model->record(row).key() == QByteArrayView("user-1"))
                        return model->record(row).partition() == 2;
                return false;
            }(),
            kTimeoutMs);
    }

    void bulkSendSpreadsKeysAndEveryPredictionHolds()
    {
        auto* producer = page()->producerPanel();
        producer->setTopic(QStringLiteral("orders"));
        producer->setPartitioner(partitioning::Partitioner::Fnv1a);
        const auto before = producer->deliveredCount();
        QVERIFY(producer->sendBulk(200, 10, QStringLiteral("restaurant-")));
        QTRY_COMPARE_WITH_TIMEOUT(producer->deliveredCount(), before + 200, kTimeoutMs);
        QCOMPARE(producer->failedCount(), 0);
        QCOMPARE(producer->predictionMatches(), producer->deliveredCount());
    }

    void invalidProduceInputIsRejectedBeforeSending()
    {
        auto* producer = page()->producerPanel();
        const auto sent = producer->sentCount();
        producer->setTopic(QStringLiteral("nope"));
        QVERIFY(!producer->send());
        QVERIFY(test::visibleLabelContaining(producer, QStringLiteral("does not exist")));
        QCOMPARE(producer->sentCount(), sent);
        producer->setTopic(QStringLiteral("orders"));
    }

    void filtersNarrowWhatIsShownAndDetailShowsTheRecord()
    {
        tailOrders();
        sendUser1();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = page()->recordModel()->rowCount() - 1; row >= 0; --row)
                    if (page()->recordModel()->record(row).key() == QByteArrayView("user-1"))
                        return true;
                return false;
            }(),
            kTimeoutMs);
        auto* proxy = page()->recordProxy();
        auto* partitionFilter = test::child<QLineEdit>(page(), "partitionFilterEdit");
        partitionFilter->setText(QStringLiteral("2"));
        QTRY_VERIFY(proxy->rowCount() > 0);
        QTRY_VERIFY([&] {
            for (int row = 0; row < proxy->rowCount(); ++row)
                if (proxy->index(row, RecordModel::PartitionColumn).data(RecordModel::PartitionRole).toInt() != 2)
                    return false;
            return true;
        }());
        partitionFilter->clear();
        auto* keyFilter = test::child<QLineEdit>(page(), "keyFilterEdit");
        keyFilter->setText(QStringLiteral("user-1"));
        QTRY_COMPARE(proxy->rowCount(), 1);
        page()->selectRow(0);
        QVERIFY(page()->recordDetail()->hasRecord());
        QVERIFY(page()->recordDetail()->valueText().contains(QStringLiteral("hello")));
        QVERIFY(page()->recordDetail()->jsonText().contains(QStringLiteral("\"hello\": \"kafka\"")));
        QVERIFY(page()->recordDetail()->hexText().startsWith(QStringLiteral("00000000")));
        keyFilter->clear();
        QTRY_VERIFY(proxy->rowCount() > 1);
    }

    // A 10 MB value and a binary value are displayed capped, the full value on demand (issue #3).
    void largeAndBinaryValuesAreShownCappedWithTheFullValueOnDemand()
    {
        RecordDetail detail;
        QByteArray big(10 * 1024 * 1024, 'a');
        big[0] = '{'; // not JSON: the JSON tab says so
        const auto record = Record::make(
            3, 42, 1700000000000, TimestampType::CreateTime, "k", 1, big.constData(), int32_t(big.size()));
        detail.showRecord(QStringLiteral("t"), record);
        QVERIFY(detail.valueText().size() < RecordDetail::kTextCap + 200);
        QVERIFY(detail.valueText().contains(QStringLiteral("more not shown")));
        QVERIFY(detail.hexText().contains(QStringLiteral("more bytes not shown")));
        detail.showFullValue();
        QVERIFY(detail.valueText().size() > RecordDetail::kTextCap);
        QVERIFY(detail.valueText().size() < RecordDetail::kMoreTextCap + 200);
        // The whole value, byte for byte, goes to a file.
        const auto path = m_dir.filePath(QStringLiteral("value.bin"));
        QCOMPARE(detail.saveValue(path), QString());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), big);

        const QByteArray binary = QByteArray::fromHex("1f8b0800ff00fe");
        detail.showRecord(QStringLiteral("t"),
            Record::make(
                0, 1, 1, TimestampType::LogAppendTime, nullptr, -1, binary.constData(), int32_t(binary.size())));
        QVERIFY(detail.valueText().contains(QStringLiteral("not valid UTF-8")));
        QVERIFY(detail.hexText().contains(QStringLiteral("1f 8b 08 00 ff 00 fe")));
    }

    void exportWritesOneJsonLinePerShownRecord()
    {
        tailOrders();
        const auto path = m_dir.filePath(QStringLiteral("orders.jsonl"));
        page()->stopTailing();
        const int shown = page()->recordProxy()->rowCount();
        QSignalSpy finished(page(), &LivePage::exportFinished);
        page()->exportTo(path, false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        int lines = 0;
        while (!file.atEnd()) {
            QString topic;
            QString error;
            const auto record = record_export::fromJsonLine(file.readLine(), &topic, &error);
            QVERIFY2(record.has_value(), qPrintable(error));
            QCOMPARE(topic, QStringLiteral("orders"));
            ++lines;
        }
        QCOMPARE(lines, shown);
        page()->exportTo(m_dir.filePath(QStringLiteral("missing-dir/x.jsonl")), false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeoutMs);
        QVERIFY(finished.at(1).at(0).toString().contains(QStringLiteral("Cannot write")));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestLivePage)
#include "test_livepage.moc"
