#include "models/brokermodel.h"

#include "models/columns.h"

#include <QHash>
#include <QThread>
#include <algorithm>

namespace kafscope {

namespace {
const std::array<ColumnSpec, BrokerModel::ColumnCount> kColumns { {
    ColumnSpec { "Id", "Broker node id", kNumberAlignment }, // IdColumn
    ColumnSpec { "Address", "Advertised host:port" }, // AddressColumn
    ColumnSpec { "Rack", "Rack (broker.rack), empty when not set" }, // RackColumn
    ColumnSpec { "Controller", "Whether this broker is the active controller" }, // ControllerColumn
    ColumnSpec { "Leaders", "Number of partitions this broker leads", kNumberAlignment }, // LeadersColumn
    ColumnSpec { "Replicas", "Number of partition replicas this broker hosts", kNumberAlignment }, // ReplicasColumn
} };
} // namespace

BrokerModel::BrokerModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void BrokerModel::setMetadata(const ClusterMetadata& metadata)
{
    Q_ASSERT(thread() == QThread::currentThread());

    // One pass over all partitions here, so data() never walks the topics.
    QHash<int32_t, Row> byId;
    byId.reserve(metadata.brokers.size());
    for (const auto& broker : metadata.brokers)
        byId.insert(broker.nodeId, Row { broker, broker.nodeId == metadata.controllerId, 0, 0 });
    for (const auto& topic : metadata.topics) {
        for (const auto& partition : topic.partitions) {
            if (auto it = byId.find(partition.leader); it != byId.end())
                ++it->leaders;
            for (int32_t replica : partition.replicas) {
                if (auto it = byId.find(replica); it != byId.end())
                    ++it->replicas;
            }
        }
    }

    QList<Row> rows = byId.values();
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.broker.nodeId < b.broker.nodeId; });

    const bool sameBrokers = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
        [](const Row& a, const Row& b) { return a.broker.nodeId == b.broker.nodeId; });
    if (!sameBrokers) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    for (int row = 0; row < rows.size(); ++row) {
        if (rows[row] == m_rows[row])
            continue;
        m_rows[row] = rows[row];
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void BrokerModel::clear()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int32_t BrokerModel::brokerId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].broker.nodeId : -1;
}

int BrokerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BrokerModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BrokerModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IdColumn:
            return QString::number(row.broker.nodeId);
        case AddressColumn:
            return row.broker.address();
        case RackColumn:
            return row.broker.rack;
        case ControllerColumn:
            return row.isController ? QStringLiteral("controller") : QString();
        case LeadersColumn:
            return QString::number(row.leaders);
        case ReplicasColumn:
            return QString::number(row.replicas);
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case IdColumn:
            return qint64(row.broker.nodeId);
        case AddressColumn:
            return row.broker.address();
        case RackColumn:
            return row.broker.rack;
        case ControllerColumn:
            return qint64(row.isController ? 1 : 0);
        case LeadersColumn:
            return row.leaders;
        case ReplicasColumn:
            return row.replicas;
        case ColumnCount:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == LeadersColumn || index.column() == ReplicasColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (row.isController)
            return QStringLiteral("Broker %1 is the cluster controller").arg(row.broker.nodeId);
        break;
    case NodeIdRole:
        return row.broker.nodeId;
    case IsControllerRole:
        return row.isController;
    }
    return {};
}

QVariant BrokerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
