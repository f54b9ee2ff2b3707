// The offset-reset preview (models/resetplanmodel.h, issue #8): old -> new with earliest, latest and the lag after,
// clamping explained, checkable rows (unchecked ones are "not reset" and keep their lag), sorting by value.
#include "models/resetplanmodel.h"
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

admin::ResetRow resetRow(int32_t partition, std::optional<int64_t> old, std::optional<int64_t> target, int64_t earliest,
    int64_t latest, const QString& note = {})
{
    admin::ResetRow r;
    r.topic = QStringLiteral("orders");
    r.partition = partition;
    r.old = old;
    r.target = target;
    r.earliest = earliest;
    r.latest = latest;
    r.note = note;
    r.clamped = !note.isEmpty();
    return r;
}

admin::ResetPlan plan()
{
    admin::ResetPlan p;
    p.group = QStringLiteral("g");
    p.rows = { resetRow(0, 40, 10, 10, 1000), resetRow(1, std::nullopt, 0, 0, 50),
        resetRow(2, 7, 5, 5, 5, QStringLiteral("3 is below the earliest offset 5: moved up to it")) };
    return p;
}

} // namespace

class TestResetPlanModel : public QObject
{
    Q_OBJECT
private slots:
    void showsOldNewAndTheLagAfter()
    {
        ResetPlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan());
        QCOMPARE(dumpHeader(model),
            QStringLiteral("Topic | Partition | Committed now | New | Earliest | Latest | Lag after | Note"));
        QCOMPARE(dumpModel(model),
            QStringLiteral("orders | 0 | 40 | 10 | 10 | 1,000 | 990 | \n"
                           "orders | 1 | none | 0 | 0 | 50 | 50 | \n"
                           "orders | 2 | 7 | 5 | 5 | 5 | 0 | 3 is below the earliest offset 5: moved up to it"));
        QCOMPARE(dumpColumn(model, ResetPlanModel::TopicColumn, Qt::CheckStateRole), QStringLiteral("2, 2, 2"));
        QCOMPARE(dumpColumn(model, ResetPlanModel::NewColumn, ResetPlanModel::ChangesRole),
            QStringLiteral("true, true, true"));
    }

    void uncheckedRowsAreNotResetAndKeepTheirLag()
    {
        ResetPlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan());
        QSignalSpy changed(&model, &ResetPlanModel::checkedChanged);
        QVERIFY(model.setData(model.index(0, ResetPlanModel::TopicColumn), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(dumpColumn(model, ResetPlanModel::NewColumn), QStringLiteral("not reset, 0, 5"));
        QCOMPARE(dumpColumn(model, ResetPlanModel::LagColumn), QStringLiteral("960, 50, 0"));
        QCOMPARE(model.checkedPartitions(),
            (QList<TopicPartitionRef> { { QStringLiteral("orders"), 1 }, { QStringLiteral("orders"), 2 } }));
        // A new plan for the same partitions keeps the checks; other partitions start all checked.
        auto next = plan();
        next.rows[1].target = 20;
        model.setPlan(next);
        QCOMPARE(dumpColumn(model, ResetPlanModel::NewColumn), QStringLiteral("not reset, 20, 5"));
        model.setAllChecked(false);
        QVERIFY(model.checkedPartitions().isEmpty());
        next.rows.removeLast();
        model.setPlan(next);
        QCOMPARE(model.checkedPartitions().size(), 2);
    }

    void sortsByValue()
    {
        ResetPlanModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ResetPlanModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan());
        proxy.sort(ResetPlanModel::LagColumn, Qt::DescendingOrder);
        QCOMPARE(dumpColumn(proxy, ResetPlanModel::PartitionColumn), QStringLiteral("0, 1, 2"));
        proxy.sort(ResetPlanModel::OldColumn, Qt::AscendingOrder);
        QCOMPARE(dumpColumn(proxy, ResetPlanModel::PartitionColumn), QStringLiteral("1, 2, 0"));
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestResetPlanModel)
#include "test_resetplanmodel.moc"
