#include "models/partitionmodel.h"

#include "models/columns.h"

#include <QColor>
#include <QLocale>
#include <QStringList>
#include <QThread>
#include <algorithm>
#include <utility>

namespace kafscope {

namespace {
const std::array<ColumnSpec, PartitionModel::ColumnCount> kColumns { {
    ColumnSpec { "Partition", "Partition id", kNumberAlignment }, // PartitionColumn
    ColumnSpec { "Leader", "Broker leading the partition; none when offline", kNumberAlignment }, // LeaderColumn
    ColumnSpec { "Replicas", "Brokers holding a replica, preferred leader first" }, // ReplicasColumn
    ColumnSpec { "ISR", "In-sync replicas" }, // IsrColumn
    ColumnSpec { "Offline", "Replicas on offline log directories or brokers" }, // OfflineColumn
    ColumnSpec { "Earliest", "Log start offset", kNumberAlignment }, // EarliestColumn
    ColumnSpec { "Latest", "High watermark (next offset to be written)", kNumberAlignment }, // LatestColumn
    ColumnSpec { "Messages", "Latest - earliest (approximate with compaction or transactions)",
        kNumberAlignment }, // MessagesColumn
} };
} // namespace

namespace {

QString joinIds(const QList<int32_t>& ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (int32_t id : ids)
        parts.append(QString::number(id));
    return parts.join(QStringLiteral(", "));
}

QString offsetText(int64_t offset)
{
    return offset < 0 ? QStringLiteral("…") : QString::number(offset);
}

} // namespace

PartitionModel::PartitionModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

PartitionModel::PartitionState PartitionModel::stateOf(const PartitionInfo& partition)
{
    if (partition.isOffline())
        return Offline;
    return partition.isUnderReplicated() ? UnderReplicated : Healthy;
}

void PartitionModel::setTopic(const TopicInfo& topic)
{
    Q_ASSERT(thread() == QThread::currentThread());

    const bool samePartitions = topic.name == m_topic.name
        && std::equal(topic.partitions.begin(), topic.partitions.end(), m_topic.partitions.begin(),
            m_topic.partitions.end(),
            [](const PartitionInfo& a, const PartitionInfo& b) { return a.partition == b.partition; });
    if (!samePartitions) {
        beginResetModel();
        m_topic = topic;
        endResetModel();
        return;
    }
    const TopicInfo previous = std::exchange(m_topic, topic);
    const auto span = changedRows(
        m_topic.partitions.size(), [&](int row) { return !(m_topic.partitions[row] == previous.partitions[row]); });
    if (!span.isEmpty())
        emit dataChanged(index(span.first, 0), index(span.last, ColumnCount - 1));
}

void PartitionModel::clear()
{
    Q_ASSERT(thread() == QThread::currentThread());
    beginResetModel();
    m_topic = {};
    endResetModel();
}

int PartitionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_topic.partitions.size());
}

int PartitionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartitionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PartitionInfo& p = m_topic.partitions[index.row()];

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case PartitionColumn:
            return QString::number(p.partition);
        case LeaderColumn:
            return p.isOffline() ? QStringLiteral("none") : QString::number(p.leader);
        case ReplicasColumn:
            return joinIds(p.replicas);
        case IsrColumn:
            return joinIds(p.isr);
        case OfflineColumn:
            return joinIds(p.offlineReplicas);
        case EarliestColumn:
            return offsetText(p.earliest);
        case LatestColumn:
            return offsetText(p.latest);
        case MessagesColumn:
            return p.hasOffsets() ? QLocale().toString(qint64(p.messageCount())) : QStringLiteral("…");
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case PartitionColumn:
            return qint64(p.partition);
        case LeaderColumn:
            return qint64(p.leader);
        case ReplicasColumn:
            return qint64(p.replicas.size());
        case IsrColumn:
            return qint64(p.isr.size());
        case OfflineColumn:
            return qint64(p.offlineReplicas.size());
        case EarliestColumn:
            return qint64(p.earliest);
        case LatestColumn:
            return qint64(p.latest);
        case MessagesColumn:
            return qint64(p.messageCount());
        case ColumnCount:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != ReplicasColumn && index.column() != IsrColumn && index.column() != OfflineColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    // Fixed light colours rather than palette roles: they must read as warnings on any theme, so the text colour is
    // fixed too (a light background under a dark theme's white text would be unreadable).
    case Qt::BackgroundRole:
        switch (stateOf(p)) {
        case Offline:
            return QColor(0xf4, 0xb0, 0xab);
        case UnderReplicated:
            return QColor(0xff, 0xf1, 0xc6);
        case Healthy:
            break;
        }
        break;
    case Qt::ForegroundRole:
        if (stateOf(p) != Healthy)
            return QColor(Qt::black);
        break;
    case Qt::ToolTipRole: {
        QStringList lines;
        if (p.isOffline())
            lines.append(QStringLiteral("No leader: the partition is offline (no reads or writes)"));
        if (p.isUnderReplicated())
            lines.append(QStringLiteral("Under-replicated: ISR has fewer replicas than the replica list"));
        if (p.errorCode != 0)
            lines.append(QStringLiteral("Metadata error code %1").arg(p.errorCode));
        if (!lines.isEmpty())
            return lines.join(QLatin1Char('\n'));
        break;
    }
    case PartitionIdRole:
        return p.partition;
    case StateRole:
        return int(stateOf(p));
    }
    return {};
}

QVariant PartitionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
