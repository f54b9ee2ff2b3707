// The Add partitions dialog on the fake cluster (issue #7): a count that is not above the current one is refused
// inline with nothing sent; the topic's recent keys are sampled and the share that moves is shown per hash; a good
// count is checked validate-only, then sent; the broker's refusal is shown with its Kafka error name.
#include "../fakes/fakecluster.h"
#include "kafka/admin/partitiongrowth.h"
#include "ui/dialogs/partitioncountdialog.h"
#include "uitestutil.h"

#include <QSignalSpy>

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

struct Fixture
{
    FakeCluster cluster;
    explicit Fixture(bool readOnly = false)
    {
        cluster.metadataAnswer.brokers = { { 1, QStringLiteral("k1"), 9092, {} } };
        TopicInfo orders;
        orders.name = QStringLiteral("orders");
        for (int p = 0; p < 6; ++p) {
            PartitionInfo info;
            info.partition = p;
            info.leader = 1;
            info.replicas = { 1 };
            info.isr = { 1 };
            orders.partitions.append(info);
        }
        cluster.metadataAnswer.topics = { orders };
        ConnectionProfile profile { QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), false };
        profile.readOnly = readOnly;
        cluster.connectTo(profile);
    }
};

Record keyed(int32_t partition, int64_t offset, const QByteArray& key)
{
    return Record::make(partition, offset, 0, TimestampType::CreateTime, key.constData(), int32_t(key.size()), "v", 1);
}

} // namespace

class TestPartitionCountDialog : public QObject
{
    Q_OBJECT

private slots:
    void countsNotAboveTheCurrentOneAreRefusedInlineAndNothingIsSent_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("reason");
        QTest::newRow("decrease") << 3 << QStringLiteral("cannot remove partitions");
        QTest::newRow("same") << 6 << QStringLiteral("already has 6");
        QTest::newRow("zero") << 0 << QStringLiteral("at least one");
    }

    void countsNotAboveTheCurrentOneAreRefusedInlineAndNothingIsSent()
    {
        QFETCH(int, count);
        QFETCH(QString, reason);
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        PartitionCountDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.setCount(count);
        QVERIFY(!dialog.canApply());
        QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
        dialog.apply();
        dialog.check();
        QVERIFY(f.cluster.createPartitionsRequests.isEmpty());
    }

    void theRecentKeysAreSampledAndTheShareThatMovesIsShown()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        PartitionCountDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.show();
        auto* consumer = f.cluster.lastConsumer;
        QVERIFY(consumer);
        QCOMPARE(consumer->starts.size(), 1);
        QCOMPARE(consumer->starts[0].topic, QStringLiteral("orders"));
        QCOMPARE(consumer->starts[0].start.kind, ConsumeStart::Kind::LastN);
        QCOMPARE(consumer->starts[0].start.value, int64_t(PartitionCountDialog::kSamplePerPartition));
        QVERIFY(consumer->starts[0].reportEndOfPartition);
        QVERIFY(dialog.isSampling());

        std::vector<Record> records;
        QList<QByteArray> keys;
        for (int i = 0; i < 300; ++i) {
            const QByteArray key = QByteArrayLiteral("user-") + QByteArray::number(i % 120); // 120 distinct keys
            if (i < 120)
                keys.append(key);
            records.push_back(keyed(i % 6, i, key));
        }
        records.push_back(Record::make(0, 999, 0, TimestampType::CreateTime, nullptr, -1, "v", 1)); // null key
        consumer->push(std::move(records));
        for (int p = 0; p < 6; ++p)
            emit consumer->endOfPartition(p, 50);
        QTRY_VERIFY(!dialog.isSampling());
        QCOMPARE(dialog.sampledKeys(), 120);

        dialog.setCount(12);
        const auto moves = admin::keyMoves(keys, 6, 12);
        const QString text = dialog.movesText();
        QVERIFY2(text.contains(QStringLiteral("Of the 120 distinct keys in the last 301 record(s)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("<b>%1%</b> move under murmur2")
                                   .arg(QString::number(qRound(moves.murmur2Share() * 100)))),
            qPrintable(text));
        QVERIFY2(text.contains(
                     QStringLiteral("<b>%1%</b> under CRC-32").arg(QString::number(qRound(moves.crc32Share() * 100)))),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Uniformly spread keys: 50% would move from 6 to 12")));
    }

    void aGoodCountIsCheckedThenSent()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        PartitionCountDialog dialog(&f.cluster, QStringLiteral("orders"));
        QSignalSpy added(&dialog, &PartitionCountDialog::partitionsAdded);
        dialog.setCount(8);
        QVERIFY(dialog.canApply());
        dialog.apply();
        QTRY_COMPARE(f.cluster.createPartitionsRequests.size(), 2);
        QVERIFY(f.cluster.createPartitionsRequests[0].validateOnly);
        QVERIFY(!f.cluster.createPartitionsRequests[1].validateOnly);
        QCOMPARE(f.cluster.createPartitionsRequests[1].topics.at(0).name, QStringLiteral("orders"));
        QCOMPARE(f.cluster.createPartitionsRequests[1].topics.at(0).count, 8);
        QVERIFY(!f.cluster.createPartitionsRequests[1].topics.at(0).assignments.has_value());
        QTRY_COMPARE(added.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void theBrokersRefusalIsShownWithItsErrorName()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        f.cluster.createPartitionsAnswer = [](const protocol::CreatePartitionsRequest& request) {
            protocol::CreatePartitionsResponse response;
            response.results = { { request.topics.first().name, 37 /* INVALID_PARTITIONS */,
                QStringLiteral("The partition count is too large.") } };
            return AdminResult<protocol::CreatePartitionsResponse>::success(response);
        };
        PartitionCountDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.show();
        dialog.setCount(100000);
        dialog.apply();
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("INVALID_PARTITIONS")), qPrintable(dialog.message()));
        QCOMPARE(f.cluster.createPartitionsRequests.size(), 1); // stopped at the check
        QVERIFY(dialog.isVisible());
    }

    void aReadOnlyConnectionSendsNothing()
    {
        Fixture f(true);
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        PartitionCountDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.setCount(12);
        QVERIFY(!dialog.canApply());
        QVERIFY(dialog.message().contains(QStringLiteral("read-only")));
        dialog.apply();
        QVERIFY(f.cluster.createPartitionsRequests.isEmpty());
    }
};

KAFSCOPE_UI_TEST_MAIN(TestPartitionCountDialog)
#include "test_partitioncountdialog.moc"
