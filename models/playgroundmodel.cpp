#include "models/playgroundmodel.h"

#include "models/columns.h"
#include "models/partitioncolors.h"

#include <QBrush>
#include <QLocale>
#include <array>

namespace kafscope {

namespace {

const std::array<ColumnSpec, PlaygroundMemberModel::FixedColumnCount> kColumns { {
    ColumnSpec { "Member", "The member's client.id (playground-<n>)" },
    ColumnSpec {
        "State", "joining, assigned, rebalancing (revoked, waiting for the next assignment), stopping, stopped" },
    ColumnSpec { "Owns", "How many partitions the member owns now", kNumberAlignment },
    ColumnSpec { "Consumed", "Records this member consumed (and committed every second)", kNumberAlignment },
    ColumnSpec { "", "Stop the member: it leaves the group and the others rebalance" },
} };

} // namespace

PlaygroundMemberModel::PlaygroundMemberModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void PlaygroundMemberModel::setPartitionCount(int count)
{
    count = std::max(0, count);
    if (count == m_partitionCount)
        return;
    if (count > m_partitionCount) {
        beginInsertColumns({}, FixedColumnCount + m_partitionCount, FixedColumnCount + count - 1);
        m_partitionCount = count;
        endInsertColumns();
    } else {
        beginRemoveColumns({}, FixedColumnCount + count, FixedColumnCount + m_partitionCount - 1);
        m_partitionCount = count;
        endRemoveColumns();
    }
}

void PlaygroundMemberModel::updateMember(const PlaygroundMember& member)
{
    const int row = rowOf(member.id);
    if (row < 0) {
        beginInsertRows({}, int(m_members.size()), int(m_members.size()));
        m_members.append(member);
        endInsertRows();
        return;
    }
    if (m_members[row] == member)
        return;
    m_members[row] = member;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void PlaygroundMemberModel::clear()
{
    if (m_members.isEmpty())
        return;
    beginResetModel();
    m_members.clear();
    endResetModel();
}

const PlaygroundMember* PlaygroundMemberModel::member(int row) const
{
    return row >= 0 && row < m_members.size() ? &m_members[row] : nullptr;
}

int PlaygroundMemberModel::rowOf(int memberId) const
{
    for (int i = 0; i < m_members.size(); ++i)
        if (m_members[i].id == memberId)
            return i;
    return -1;
}

int PlaygroundMemberModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int PlaygroundMemberModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + m_partitionCount;
}

QVariant PlaygroundMemberModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_members.size() || index.column() >= columnCount())
        return {};
    const PlaygroundMember& m = m_members[index.row()];
    const int column = index.column();
    if (role == MemberIdRole)
        return m.id;
    if (role == ActiveRole)
        return m.isActive();
    if (column >= FixedColumnCount) {
        const int32_t p = column - FixedColumnCount;
        const bool owned = m.partitions.contains(p);
        switch (role) {
        case Qt::DisplayRole:
            return owned ? QVariant(QString::number(p)) : QVariant();
        case Qt::BackgroundRole:
            return owned ? QVariant(QBrush(partitionColor(p))) : QVariant();
        case Qt::ForegroundRole:
            return owned ? QVariant(QBrush(partitionTextColor(p))) : QVariant();
        case Qt::TextAlignmentRole:
            return int(Qt::AlignCenter);
        case Qt::ToolTipRole:
            return owned ? QStringLiteral("%1 owns partition %2").arg(m.clientId).arg(p) : QVariant();
        case SortRole:
        case OwnedRole:
            return role == OwnedRole ? QVariant(owned) : QVariant(qint64(owned ? 1 : 0));
        case PartitionRole:
            return p;
        default:
            return {};
        }
    }
    if (role == PartitionRole)
        return -1;
    if (role == Qt::TextAlignmentRole)
        return columnAlignment(kColumns, column);
    if (role == Qt::ForegroundRole && !m.isActive())
        return QBrush(Qt::gray);
    if (role == Qt::ToolTipRole && column == StateColumn && !m.message.isEmpty())
        return m.message;
    if (role == Qt::ToolTipRole && column == MemberColumn && !m.memberId.isEmpty())
        return QStringLiteral("member id %1").arg(m.memberId);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (column) {
    case MemberColumn:
        return sort ? QVariant(qint64(m.id)) : QVariant(m.clientId);
    case StateColumn:
        return memberStateName(m.state);
    case OwnsColumn:
        return sort ? QVariant(qint64(m.partitions.size()))
                    : QVariant(QLocale().toString(qsizetype(m.partitions.size())));
    case ConsumedColumn:
        return sort ? QVariant(qint64(m.consumed)) : QVariant(QLocale().toString(qint64(m.consumed)));
    default:
        return {};
    }
}

QVariant PlaygroundMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= FixedColumnCount && section < columnCount()) {
        const int p = section - FixedColumnCount;
        if (role == Qt::DisplayRole)
            return QStringLiteral("P%1").arg(p);
        if (role == Qt::ToolTipRole)
            return QStringLiteral("Partition %1: coloured in the row of the member that owns it").arg(p);
        return {};
    }
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
