#include "models/brokermodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpColumn;
using kafscope::test::dumpHeader;
using kafscope::test::dumpModel;

namespace {

PartitionInfo partition(int32_t id, int32_t leader, QList<int32_t> replicas)
{
    PartitionInfo p;
    p.partition = id;
    p.leader = leader;
    p.isr = replicas;
    p.replicas = std::move(replicas);
    return p;
}

// Brokers listed out of order on purpose: the model shows them by node id.
ClusterMetadata threeBrokers()
{
    ClusterMetadata m;
    m.controllerId = 2;
    m.brokers = { { 3, QStringLiteral("kafka-3"), 9094, QStringLiteral("rack-b") },
        { 1, QStringLiteral("kafka-1"), 9092, QStringLiteral("rack-a") }, { 2, QStringLiteral("kafka-2"), 9093, {} } };
    TopicInfo orders;
    orders.name = QStringLiteral("orders");
    orders.partitions = { partition(0, 1, { 1, 2, 3 }), partition(1, 2, { 2, 3, 1 }), partition(2, 3, { 3, 1, 2 }) };
    TopicInfo audit;
    audit.name = QStringLiteral("audit");
    // Leader 7 and replica 7 belong to no known broker: they are simply not counted.
    audit.partitions = { partition(0, 1, { 1, 2 }), partition(1, 7, { 7, 1 }) };
    m.topics = { orders, audit };
    return m;
}

} // namespace

class TestBrokerModel : public QObject
{
    Q_OBJECT
private slots:
    void showsBrokersSortedByIdWithLoad()
    {
        BrokerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model), QStringLiteral("Id | Address | Rack | Controller | Leaders | Replicas"));
        QCOMPARE(model.rowCount(), 0);

        model.setMetadata(threeBrokers());
        QCOMPARE(dumpModel(model),
            QStringLiteral("1 | kafka-1:9092 | rack-a |  | 2 | 5\n"
                           "2 | kafka-2:9093 |  | controller | 1 | 4\n"
                           "3 | kafka-3:9094 | rack-b |  | 1 | 3"));
        QCOMPARE(model.brokerId(0), 1);
        QCOMPARE(model.brokerId(2), 3);
        QCOMPARE(model.brokerId(3), -1);
        QCOMPARE(model.brokerId(-1), -1);
        QCOMPARE(model.index(1, 0).data(BrokerModel::IsControllerRole).toBool(), true);
        QCOMPARE(model.index(1, BrokerModel::RackColumn).data(BrokerModel::NodeIdRole).toInt(), 2);
        QVERIFY(!model.headerData(BrokerModel::LeadersColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }

    void sortRoleIsNumericAndNumbersAlignRight()
    {
        BrokerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterMetadata m;
        for (int32_t id : { 10, 9, 100, 2 })
            m.brokers.append({ id, QStringLiteral("h"), 9092, {} });
        model.setMetadata(m);

        const QVariant sortValue = model.index(0, BrokerModel::IdColumn).data(BrokerModel::SortRole);
        QCOMPARE(sortValue.typeId(), QMetaType::LongLong);
        QCOMPARE(model.index(0, BrokerModel::IdColumn).data(Qt::TextAlignmentRole).toInt(),
            int(Qt::AlignRight | Qt::AlignVCenter));
        QVERIFY(!model.index(0, BrokerModel::AddressColumn).data(Qt::TextAlignmentRole).isValid());

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(BrokerModel::SortRole);
        proxy.sort(BrokerModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(dumpColumn(proxy, BrokerModel::IdColumn), QStringLiteral("100, 10, 9, 2"));
    }

    void refreshWithSameBrokersUpdatesInPlace()
    {
        BrokerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterMetadata m = threeBrokers();
        model.setMetadata(m);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setMetadata(m);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 0); // nothing changed, nothing emitted

        m.controllerId = 3;
        model.setMetadata(m);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 2); // brokers 2 and 3
        QCOMPARE(changes[0][0].toModelIndex(), model.index(1, 0));
        QCOMPARE(changes[1][0].toModelIndex(), model.index(2, 0));
        QCOMPARE(dumpColumn(model, BrokerModel::ControllerColumn), QStringLiteral(", , controller"));
    }

    void brokerLeavingResets()
    {
        BrokerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterMetadata m = threeBrokers();
        model.setMetadata(m);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        m.brokers.removeFirst(); // broker 3
        model.setMetadata(m);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(dumpColumn(model, BrokerModel::IdColumn), QStringLiteral("1, 2"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 2);
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestBrokerModel)
#include "test_brokermodel.moc"
