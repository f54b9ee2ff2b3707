// The producer panel's tables as models (issue #6: logic out of widgets): the prediction under every partitioner and
// the deliveries beside their predictions. Every test starts with QAbstractItemModelTester.
#include "models/deliverymodel.h"
#include "models/predictionmodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpColumn;
using kafscope::test::dumpHeader;
using partitioning::Partitioner;

namespace {

DeliveryModel::Delivery delivery(const char* key, int32_t predicted, int32_t partition, int64_t offset)
{
    DeliveryModel::Delivery d;
    d.key = QString::fromLatin1(key);
    d.partitioner = QStringLiteral("murmur2_random");
    d.predicted = predicted;
    d.report.partition = partition;
    d.report.offset = offset;
    return d;
}

} // namespace

class TestProducerModels : public QObject
{
    Q_OBJECT

private slots:
    void predictionShowsEveryPartitionerWithTheKafkaFactsVectors()
    {
        PredictionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPrediction(QByteArray("user-1"), 6, Partitioner::Murmur2Random);
        QCOMPARE(dumpHeader(model), QStringLiteral("Partitioner | Hash | Partition | How"));
        QCOMPARE(model.rowCount(), int(partitioning::all().size()));
        // KAFKA-FACTS: "user-1" CRC32 0x7e264614 -> 2, murmur2 0x53b136cc -> 2.
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto name = model.index(row, PredictionModel::PartitionerColumn).data().toString();
            const auto hash = model.index(row, PredictionModel::HashColumn).data().toString();
            if (name == QStringLiteral("murmur2_random"))
                QCOMPARE(hash, QStringLiteral("0x53b136cc"));
            if (name == QStringLiteral("consistent_random"))
                QCOMPARE(hash, QStringLiteral("0x7e264614"));
            if (name == QStringLiteral("random"))
                QCOMPARE(
                    model.index(row, PredictionModel::PartitionColumn).data().toString(), QStringLiteral("random"));
            QCOMPARE(model.index(row, 0).data(PredictionModel::IsChosenRole).toBool(),
                name == QStringLiteral("murmur2_random"));
        }
        QVERIFY(model.chosen());
        QCOMPARE(model.chosen()->partition, 2);
        QVERIFY(model.index(0, PredictionModel::HashColumn).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight);
    }

    void typingAnotherKeyChangesRowsInPlaceAndNoTopicEmptiesTheTable()
    {
        PredictionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPrediction(QByteArray("a"), 6, Partitioner::ConsistentRandom);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPrediction(QByteArray("kafka"), 6, Partitioner::ConsistentRandom);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.chosen()->partition, 5); // CRC32("kafka") 0x5bbc7517 % 6
        model.setPrediction(std::nullopt, 0, Partitioner::ConsistentRandom);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.chosen());
    }

    void deliveriesShowNewestFirstBesideTheirPrediction()
    {
        DeliveryModel model(3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model), QStringLiteral("Key | Partitioner | Predicted | Partition | Offset | Result"));
        auto failed = delivery("k3", 1, -1, -1);
        failed.report.errorCode = -192;
        failed.report.errorName = QStringLiteral("_MSG_TIMED_OUT");
        failed.report.errorMessage = QStringLiteral("Local: Message timed out");
        model.addDeliveries({ delivery("k1", 2, 2, 10), delivery("k2", 4, 0, 11), failed });
        QCOMPARE(dumpColumn(model, DeliveryModel::KeyColumn), QStringLiteral("k3, k2, k1"));
        QCOMPARE(dumpColumn(model, DeliveryModel::ResultColumn),
            QStringLiteral(
                "_MSG_TIMED_OUT: Local: Message timed out, delivered, NOT as predicted, delivered, as predicted"));
        QCOMPARE(model.index(2, 0).data(DeliveryModel::MatchesRole).toBool(), true);
        QCOMPARE(model.index(0, 0).data(DeliveryModel::OkRole).toBool(), false);
        QCOMPARE(model.index(0, DeliveryModel::PartitionColumn).data().toString(), QString());
    }

    void theCapKeepsTheNewestRows()
    {
        DeliveryModel model(3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addDeliveries({ delivery("a", 0, 0, 0), delivery("b", 0, 0, 1) });
        model.addDeliveries({ delivery("c", 0, 0, 2), delivery("d", 0, 0, 3) });
        QCOMPARE(dumpColumn(model, DeliveryModel::KeyColumn), QStringLiteral("d, c, b"));
        QList<DeliveryModel::Delivery> many;
        for (int i = 0; i < 10; ++i)
            many.append(delivery(QByteArray::number(i).constData(), 0, 0, i));
        model.addDeliveries(many); // a bulk send's burst: only the newest 3 are ever inserted
        QCOMPARE(dumpColumn(model, DeliveryModel::KeyColumn), QStringLiteral("9, 8, 7"));
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestProducerModels)
#include "test_producermodels.moc"
