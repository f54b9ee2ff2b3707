#pragma once
// The playground's members as a grid: one row per member (stopped ones stay, greyed), a few columns about the member,
// then one column per partition of the topic, coloured in the partition's colour where the member owns it, so a
// rebalance is seen as colour moving between rows.
#include "kafka/playground.h"

#include <QAbstractTableModel>

namespace kafscope {

class PlaygroundMemberModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        MemberColumn,
        StateColumn,
        OwnsColumn,
        ConsumedColumn,
        StopColumn, // the view puts a Stop button here
        FixedColumnCount, // partition p is column FixedColumnCount + p
    };
    enum Role {
        SortRole = Qt::UserRole, // qint64 numbers, QString text; partition cells: 1 owned, 0 not
        MemberIdRole, // int
        ActiveRole, // bool: not stopping, stopped or failed
        OwnedRole, // bool, partition cells
        PartitionRole, // int, partition cells (-1 elsewhere)
    };
    explicit PlaygroundMemberModel(QObject* parent = nullptr);

    void setPartitionCount(int count);
    int partitionCount() const { return m_partitionCount; }
    // Inserts the member (by id) or updates its row in place.
    void updateMember(const PlaygroundMember& member);
    void clear();
    const PlaygroundMember* member(int row) const;
    int rowOf(int memberId) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PlaygroundMember> m_members;
    int m_partitionCount = 0;
};

} // namespace kafscope
