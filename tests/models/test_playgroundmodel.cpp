// The playground's members x partitions grid (models/playgroundmodel.h): rows in start order, updated in place,
// partition columns coloured where the member owns them. Starts with QAbstractItemModelTester.
#include "models/partitioncolors.h"
#include "models/playgroundmodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpHeader;
using kafscope::test::dumpModel;

namespace {
PlaygroundMember member(int id, PlaygroundMember::State state, QList<int32_t> partitions, int64_t consumed = 0)
{
    PlaygroundMember m;
    m.id = id;
    m.clientId = QStringLiteral("playground-%1").arg(id);
    m.state = state;
    m.partitions = std::move(partitions);
    m.consumed = consumed;
    return m;
}
} // namespace

class TestPlaygroundModel : public QObject
{
    Q_OBJECT
private slots:
    void gridShowsOwnedPartitionsInTheirColours()
    {
        PlaygroundMemberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPartitionCount(4);
        model.updateMember(member(1, PlaygroundMember::State::Assigned, { 0, 1 }, 1500));
        model.updateMember(member(2, PlaygroundMember::State::Joining, {}));
        QCOMPARE(dumpHeader(model), QStringLiteral("Member | State | Owns | Consumed |  | P0 | P1 | P2 | P3"));
        QCOMPARE(dumpModel(model),
            QStringLiteral("playground-1 | assigned | 2 | 1,500 |  | 0 | 1 |  | \n"
                           "playground-2 | joining | 0 | 0 |  |  |  |  | "));
        const auto cell = model.index(0, PlaygroundMemberModel::FixedColumnCount + 1);
        QCOMPARE(cell.data(Qt::BackgroundRole).value<QBrush>().color(), partitionColor(1));
        QCOMPARE(cell.data(Qt::ForegroundRole).value<QBrush>().color(), partitionTextColor(1));
        QCOMPARE(cell.data(PlaygroundMemberModel::OwnedRole).toBool(), true);
        QVERIFY(!model.index(1, PlaygroundMemberModel::FixedColumnCount + 1).data(Qt::BackgroundRole).isValid());

        // A rebalance: member 2 takes partitions 2, 3; member 1 keeps its row, updated in place.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.updateMember(member(2, PlaygroundMember::State::Assigned, { 2, 3 }));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(inserted.size(), 0);
        model.updateMember(member(2, PlaygroundMember::State::Assigned, { 2, 3 }));
        QCOMPARE(changed.size(), 1); // nothing new, no signal
        model.updateMember(member(1, PlaygroundMember::State::Stopped, {}, 1600));
        QCOMPARE(dumpModel(model),
            QStringLiteral("playground-1 | stopped | 0 | 1,600 |  |  |  |  | \n"
                           "playground-2 | assigned | 2 | 0 |  |  |  | 2 | 3"));
        QCOMPARE(model.index(0, 0).data(PlaygroundMemberModel::ActiveRole).toBool(), false);
        QCOMPARE(
            model.index(1, PlaygroundMemberModel::OwnsColumn).data(PlaygroundMemberModel::SortRole).toLongLong(), 2);

        model.setPartitionCount(6);
        QCOMPARE(model.columnCount(), PlaygroundMemberModel::FixedColumnCount + 6);
        model.setPartitionCount(2);
        QCOMPARE(model.columnCount(), PlaygroundMemberModel::FixedColumnCount + 2);
        QCOMPARE(model.rowOf(2), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestPlaygroundModel)
#include "test_playgroundmodel.moc"
