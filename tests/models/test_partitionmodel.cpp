#include "models/partitionmodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpColumn;
using kafscope::test::dumpHeader;
using kafscope::test::dumpModel;

namespace {

PartitionInfo partition(
    int32_t id, int32_t leader, QList<int32_t> replicas, QList<int32_t> isr, int64_t earliest = -1, int64_t latest = -1)
{
    PartitionInfo p;
    p.partition = id;
    p.leader = leader;
    p.replicas = std::move(replicas);
    p.isr = std::move(isr);
    p.earliest = earliest;
    p.latest = latest;
    return p;
}

TopicInfo orders()
{
    TopicInfo t;
    t.name = QStringLiteral("orders");
    t.partitions = { partition(0, 1, { 1, 2, 3 }, { 1, 2, 3 }, 0, 1500),
        partition(1, 2, { 2, 3, 1 }, { 2, 1 }, 100, 1234667), // under-replicated
        partition(2, -1, { 3, 1, 2 }, {}), // offline, offsets unknown
        partition(10, 3, { 3 }, { 3 }, 5, 9) };
    t.partitions[2].offlineReplicas = { 3 };
    t.partitions[2].errorCode = 5; // LEADER_NOT_AVAILABLE
    return t;
}

} // namespace

class TestPartitionModel : public QObject
{
    Q_OBJECT
private slots:
    void showsPartitions()
    {
        PartitionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model),
            QStringLiteral("Partition | Leader | Replicas | ISR | Offline | Earliest | Latest | Messages"));

        model.setTopic(orders());
        QCOMPARE(dumpModel(model),
            QStringLiteral("0 | 1 | 1, 2, 3 | 1, 2, 3 |  | 0 | 1500 | 1,500\n"
                           "1 | 2 | 2, 3, 1 | 2, 1 |  | 100 | 1234667 | 1,234,567\n"
                           "2 | none | 3, 1, 2 |  | 3 | … | … | …\n"
                           "10 | 3 | 3 | 3 |  | 5 | 9 | 4"));
        QCOMPARE(dumpColumn(model, PartitionModel::MessagesColumn, PartitionModel::SortRole),
            QStringLiteral("1500, 1234567, -1, 4"));
        QCOMPARE(
            model.index(0, PartitionModel::LatestColumn).data(PartitionModel::SortRole).typeId(), QMetaType::LongLong);
        QCOMPARE(model.index(0, PartitionModel::LatestColumn).data(Qt::TextAlignmentRole).toInt(),
            int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(model.topic().name, QStringLiteral("orders"));
        QCOMPARE(model.index(3, PartitionModel::LeaderColumn).data(PartitionModel::PartitionIdRole).toInt(), 10);
    }

    void highlightsUnhealthyPartitions()
    {
        PartitionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(orders());

        QCOMPARE(dumpColumn(model, 0, PartitionModel::StateRole),
            QStringLiteral("%1, %2, %3, %1")
                .arg(PartitionModel::Healthy)
                .arg(PartitionModel::UnderReplicated)
                .arg(PartitionModel::Offline));
        // Whole rows are coloured, not only the ISR cell.
        QVERIFY(!model.index(0, PartitionModel::IsrColumn).data(Qt::BackgroundRole).isValid());
        const QColor warning = model.index(1, PartitionModel::PartitionColumn).data(Qt::BackgroundRole).value<QColor>();
        const QColor offline = model.index(2, PartitionModel::MessagesColumn).data(Qt::BackgroundRole).value<QColor>();
        QVERIFY(warning.isValid());
        QVERIFY(offline.isValid());
        QVERIFY(warning != offline);
        QVERIFY2(offline.saturation() > warning.saturation(), "offline must look stronger than under-replicated");
        QCOMPARE(model.index(1, 0).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::black));

        QVERIFY(!model.index(0, 0).data(Qt::ToolTipRole).isValid());
        QCOMPARE(model.index(1, PartitionModel::IsrColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Under-replicated: ISR has fewer replicas than the replica list"));
        QCOMPARE(model.index(2, 0).data(Qt::ToolTipRole).toString(),
            QStringLiteral("No leader: the partition is offline (no reads or writes)\n"
                           "Under-replicated: ISR has fewer replicas than the replica list\n"
                           "Metadata error code 5"));
    }

    void sortsNumerically()
    {
        PartitionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TopicInfo t = orders();
        t.partitions.append(partition(9, 1, { 1 }, { 1 }));
        model.setTopic(t);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(PartitionModel::SortRole);

        proxy.sort(PartitionModel::PartitionColumn, Qt::AscendingOrder);
        QCOMPARE(dumpColumn(proxy, PartitionModel::PartitionColumn), QStringLiteral("0, 1, 2, 9, 10"));
        proxy.sort(PartitionModel::MessagesColumn, Qt::DescendingOrder);
        QCOMPARE(dumpColumn(proxy, PartitionModel::PartitionColumn), QStringLiteral("1, 0, 10, 2, 9"));
        proxy.sort(PartitionModel::IsrColumn, Qt::AscendingOrder); // by ISR size: the least replicated first
        QCOMPARE(dumpColumn(proxy, PartitionModel::PartitionColumn).section(QStringLiteral(", "), 0, 0),
            QStringLiteral("2"));
    }

    void refreshOfSameTopicUpdatesInPlace()
    {
        PartitionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TopicInfo t = orders();
        model.setTopic(t);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        model.setTopic(t);
        QCOMPARE(changes.size(), 0);
        t.partitions[1].isr = { 2, 1, 3 };
        t.partitions[2].leader = 1;
        model.setTopic(t);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0][0].toModelIndex(), model.index(1, 0));
        QCOMPARE(changes[0][1].toModelIndex(), model.index(2, PartitionModel::ColumnCount - 1));
        QCOMPARE(dumpColumn(model, 0, PartitionModel::StateRole), QStringLiteral("0, 0, 1, 0"));

        TopicInfo other = t;
        other.name = QStringLiteral("payments");
        model.setTopic(other);
        QCOMPARE(resets.size(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 2);
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestPartitionModel)
#include "test_partitionmodel.moc"
