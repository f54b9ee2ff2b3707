#include "models/topicfilterproxy.h"
#include "models/topicmodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpColumn;
using kafscope::test::dumpHeader;
using kafscope::test::dumpModel;

namespace {

PartitionInfo partition(int32_t id, int32_t leader, QList<int32_t> replicas, QList<int32_t> isr)
{
    PartitionInfo p;
    p.partition = id;
    p.leader = leader;
    p.replicas = std::move(replicas);
    p.isr = std::move(isr);
    return p;
}

TopicInfo topic(const QString& name, int partitions, bool internal = false)
{
    TopicInfo t;
    t.name = name;
    t.isInternal = internal;
    for (int i = 0; i < partitions; ++i)
        t.partitions.append(partition(i, 1, { 1, 2, 3 }, { 1, 2, 3 }));
    return t;
}

ClusterMetadata cluster()
{
    ClusterMetadata m;
    m.brokers = { { 1, QStringLiteral("a"), 9092, {} }, { 2, QStringLiteral("b"), 9092, {} },
        { 3, QStringLiteral("c"), 9092, {} } };
    TopicInfo orders = topic(QStringLiteral("orders"), 3);
    orders.partitions[1].isr = { 2 };
    TopicInfo broken = topic(QStringLiteral("broken"), 2);
    broken.partitions[0].leader = -1;
    broken.partitions[0].isr = {};
    m.topics = { orders, topic(QStringLiteral("payments.v2"), 10),
        topic(QStringLiteral("__consumer_offsets"), 50, true), broken, topic(QStringLiteral("paymentsXv2"), 9) };
    return m;
}

PartitionOffset offset(const QString& topic, int32_t partition, int64_t value, int16_t error = 0)
{
    return PartitionOffset { topic, partition, error, value, -1 };
}

} // namespace

class TestTopicModel : public QObject
{
    Q_OBJECT
private slots:
    void showsTopicsWithAggregates()
    {
        TopicModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model),
            QStringLiteral("Name | Partitions | RF | Under-replicated | Offline | Messages | Internal"));

        model.setMetadata(cluster());
        QCOMPARE(dumpModel(model),
            QStringLiteral("orders | 3 | 3 | 1 | 0 | … | \n"
                           "payments.v2 | 10 | 3 | 0 | 0 | … | \n"
                           "__consumer_offsets | 50 | 3 | 0 | 0 | … | internal\n"
                           "broken | 2 | 3 | 1 | 1 | … | \n"
                           "paymentsXv2 | 9 | 3 | 0 | 0 | … | "));
        QCOMPARE(model.topic(3).name, QStringLiteral("broken"));
        QCOMPARE(model.rowOfTopic(QStringLiteral("paymentsXv2")), 4);
        QCOMPARE(model.rowOfTopic(QStringLiteral("nope")), -1);
        QCOMPARE(model.index(0, TopicModel::MessagesColumn).data(TopicModel::SortRole).toLongLong(), -1);
        QCOMPARE(model.index(2, 0).data(TopicModel::IsInternalRole).toBool(), true);
        QCOMPARE(model.index(1, TopicModel::PartitionsColumn).data(TopicModel::SortRole).typeId(), QMetaType::LongLong);
        QCOMPARE(model.index(1, TopicModel::PartitionsColumn).data(Qt::TextAlignmentRole).toInt(),
            int(Qt::AlignRight | Qt::AlignVCenter));
        QVERIFY(!model.index(1, TopicModel::NameColumn).data(Qt::TextAlignmentRole).isValid());
        QCOMPARE(model.index(3, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("1 partition(s) have no leader"));
    }

    void applyOffsetsFillsMessagesColumnOnly()
    {
        TopicModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMetadata(cluster());
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        OffsetsSnapshot snapshot;
        snapshot.earliest = { offset(QStringLiteral("orders"), 0, 0), offset(QStringLiteral("orders"), 1, 100),
            offset(QStringLiteral("orders"), 2, 0), offset(QStringLiteral("broken"), 1, 5),
            offset(QStringLiteral("gone"), 0, 0), offset(QStringLiteral("orders"), 99, 0) };
        snapshot.latest = { offset(QStringLiteral("orders"), 0, 1234000), offset(QStringLiteral("orders"), 1, 667),
            offset(QStringLiteral("orders"), 2, -1, 6 /* NOT_LEADER */), offset(QStringLiteral("broken"), 1, 5),
            offset(QStringLiteral("gone"), 0, 10) };
        model.applyOffsets(snapshot);

        // orders: 1,234,000 + 567 (partition 2 failed and stays unknown); broken: 0 messages, but known.
        QCOMPARE(dumpColumn(model, TopicModel::MessagesColumn), QStringLiteral("1,234,567, …, …, 0, …"));
        QCOMPARE(model.index(0, TopicModel::MessagesColumn).data(TopicModel::SortRole).toLongLong(), 1234567);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1); // one signal spanning rows 0..3, Messages column only
        QCOMPARE(changes[0][0].toModelIndex(), model.index(0, TopicModel::MessagesColumn));
        QCOMPARE(changes[0][1].toModelIndex(), model.index(3, TopicModel::MessagesColumn));
        QCOMPARE(model.topic(0).partitions[1].latest, 667);

        changes.clear();
        model.applyOffsets(snapshot); // same values: nothing to repaint
        QCOMPARE(changes.size(), 0);
    }

    void refreshWithSameTopicsUpdatesInPlace()
    {
        TopicModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterMetadata m = cluster();
        model.setMetadata(m);
        OffsetsSnapshot snapshot;
        snapshot.earliest = { offset(QStringLiteral("orders"), 0, 10) };
        snapshot.latest = { offset(QStringLiteral("orders"), 0, 52) };
        model.applyOffsets(snapshot);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        // The next Metadata answer lists topics in another order, carries no offsets, and orders has healed.
        std::reverse(m.topics.begin(), m.topics.end());
        m.topics.last().partitions[1].isr = { 1, 2, 3 };
        model.setMetadata(m);

        QCOMPARE(resets.size(), 0);
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0][0].toModelIndex(), model.index(0, 0));
        QCOMPARE(changes[0][1].toModelIndex(), model.index(0, TopicModel::ColumnCount - 1));
        QCOMPARE(dumpModel(model),
            QStringLiteral("orders | 3 | 3 | 0 | 0 | 42 | \n"
                           "payments.v2 | 10 | 3 | 0 | 0 | … | \n"
                           "__consumer_offsets | 50 | 3 | 0 | 0 | … | internal\n"
                           "broken | 2 | 3 | 1 | 1 | … | \n"
                           "paymentsXv2 | 9 | 3 | 0 | 0 | … | "));
    }

    void newTopicResetsAndKeepsKnownOffsets()
    {
        TopicModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterMetadata m = cluster();
        model.setMetadata(m);
        OffsetsSnapshot snapshot;
        snapshot.earliest = { offset(QStringLiteral("broken"), 1, 0) };
        snapshot.latest = { offset(QStringLiteral("broken"), 1, 9) };
        model.applyOffsets(snapshot);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        m.topics.prepend(topic(QStringLiteral("new"), 1));
        model.setMetadata(m);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(dumpColumn(model, TopicModel::NameColumn),
            QStringLiteral("new, orders, payments.v2, __consumer_offsets, broken, paymentsXv2"));
        QCOMPARE(dumpColumn(model, TopicModel::MessagesColumn), QStringLiteral("…, …, …, …, 9, …"));
        QCOMPARE(model.rowOfTopic(QStringLiteral("broken")), 4);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOfTopic(QStringLiteral("broken")), -1);
    }

    void proxySortsNumericallyBySortRole()
    {
        TopicModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TopicFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMetadata(cluster());

        proxy.sort(TopicModel::PartitionsColumn, Qt::AscendingOrder);
        QCOMPARE(dumpColumn(proxy, TopicModel::PartitionsColumn), QStringLiteral("2, 3, 9, 10, 50"));
        proxy.sort(TopicModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(dumpColumn(proxy, TopicModel::NameColumn),
            QStringLiteral("__consumer_offsets, broken, orders, payments.v2, paymentsXv2"));

        // Sorted by Messages, the proxy follows new offsets. Two rows far apart change at once: with one dataChanged
        // per row the proxy left "orders" behind the unknown topics.
        proxy.sort(TopicModel::MessagesColumn, Qt::DescendingOrder);
        OffsetsSnapshot snapshot;
        snapshot.earliest = { offset(QStringLiteral("orders"), 0, 0), offset(QStringLiteral("broken"), 1, 0) };
        snapshot.latest = { offset(QStringLiteral("orders"), 0, 9), offset(QStringLiteral("broken"), 1, 10) };
        model.applyOffsets(snapshot);
        QCOMPARE(dumpColumn(proxy, TopicModel::NameColumn).section(QStringLiteral(", "), 0, 1),
            QStringLiteral("broken, orders"));
    }

    void proxyFiltersByCaseInsensitiveSubstring()
    {
        TopicModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TopicFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMetadata(cluster());

        proxy.setFilterText(QStringLiteral("PAY"));
        QCOMPARE(dumpColumn(proxy, TopicModel::NameColumn), QStringLiteral("payments.v2, paymentsXv2"));
        proxy.setFilterText(QStringLiteral(" s.v ")); // trimmed; '.' is literal, not "any character"
        QCOMPARE(dumpColumn(proxy, TopicModel::NameColumn), QStringLiteral("payments.v2"));
        proxy.setFilterText(QStringLiteral("zzz"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 5);
    }

    void proxyTogglesInternalTopics()
    {
        TopicModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TopicFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMetadata(cluster());

        QVERIFY(proxy.showInternal()); // shown by default
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setShowInternal(false);
        QCOMPARE(dumpColumn(proxy, TopicModel::NameColumn), QStringLiteral("orders, payments.v2, broken, paymentsXv2"));
        proxy.setFilterText(QStringLiteral("o"));
        QCOMPARE(dumpColumn(proxy, TopicModel::NameColumn), QStringLiteral("orders, broken"));
        proxy.setShowInternal(true);
        QCOMPARE(dumpColumn(proxy, TopicModel::NameColumn), QStringLiteral("orders, __consumer_offsets, broken"));
    }

    // 10,000 topics x 10 partitions: load, offsets, in-place refresh and a filter keystroke give the right rows.
    // (How fast is measured in bench/, not here: tests carry no wall-clock limits.)
    void largeClusterLoadsRefreshesAndFilters()
    {
        ClusterMetadata m;
        m.topics.reserve(10000);
        for (int i = 0; i < 10000; ++i)
            m.topics.append(topic(QStringLiteral("topic-%1").arg(i, 5, 10, QLatin1Char('0')), 10));
        OffsetsSnapshot snapshot;
        for (const auto& t : std::as_const(m.topics)) {
            for (const auto& p : t.partitions) {
                snapshot.earliest.append(offset(t.name, p.partition, 0));
                snapshot.latest.append(offset(t.name, p.partition, p.partition + 1));
            }
        }

        TopicModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TopicFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(TopicModel::MessagesColumn, Qt::DescendingOrder);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        model.setMetadata(m);
        model.applyOffsets(snapshot);
        model.setMetadata(m);
        proxy.setFilterText(QStringLiteral("topic-0999"));

        QCOMPARE(resets.size(), 1);
        QCOMPARE(dumpColumn(proxy, TopicModel::NameColumn).count(QLatin1Char(',')), 9);
        QCOMPARE(proxy.index(0, TopicModel::MessagesColumn).data().toString(), QStringLiteral("55"));
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestTopicModel)
#include "test_topicmodel.moc"
