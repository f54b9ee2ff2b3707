#include "models/deliverymodel.h"

#include "models/columns.h"
#include "models/partitioncolors.h"

#include <QColor>
#include <QThread>

namespace kafscope {

namespace {
const std::array<ColumnSpec, DeliveryModel::ColumnCount> kColumns { {
    { "Key", "The record's key as typed" },
    { "Partitioner", "The partitioner the record was sent with, or explicit for a chosen partition" },
    { "Predicted", "The partition predicted before sending", kNumberAlignment },
    { "Partition", "The partition the delivery report names", kNumberAlignment },
    { "Offset", "The offset the broker gave the record", kNumberAlignment },
    { "Result", "Delivered (as predicted or not), or the error that stopped it" },
} };

QString resultText(const DeliveryModel::Delivery& d)
{
    const auto& r = d.report;
    if (!r.ok())
        return QStringLiteral("%1: %2").arg(r.errorName, r.errorMessage);
    if (d.predicted < 0)
        return QStringLiteral("delivered");
    return d.predicted == r.partition ? QStringLiteral("delivered, as predicted")
                                      : QStringLiteral("delivered, NOT as predicted");
}
} // namespace

DeliveryModel::DeliveryModel(int rowCap, QObject* parent)
    : QAbstractTableModel(parent)
    , m_cap(std::max(1, rowCap))
{ }

void DeliveryModel::addDeliveries(const QList<Delivery>& batch)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (batch.isEmpty())
        return;
    // Only the newest `cap` of the batch can be shown.
    const qsizetype skip = std::max<qsizetype>(0, batch.size() - m_cap);
    const int added = int(batch.size() - skip);
    beginInsertRows({}, 0, added - 1);
    for (qsizetype i = skip; i < batch.size(); ++i)
        m_rows.push_front(batch[i]);
    endInsertRows();
    if (int(m_rows.size()) > m_cap) {
        beginRemoveRows({}, m_cap, int(m_rows.size()) - 1);
        m_rows.resize(size_t(m_cap));
        endRemoveRows();
    }
}

void DeliveryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int DeliveryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeliveryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto& d = m_rows[size_t(index.row())];
    const auto& r = d.report;
    const bool matches = r.ok() && d.predicted >= 0 && d.predicted == r.partition;
    auto partitionCell = [](int32_t p) { return p < 0 ? QStringLiteral("random") : QString::number(p); };
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case KeyColumn:
            return d.key;
        case PartitionerColumn:
            return d.partitioner;
        case PredictedColumn:
            return partitionCell(d.predicted);
        case PartitionColumn:
            return r.ok() ? QString::number(r.partition) : QString();
        case OffsetColumn:
            return r.ok() ? QString::number(r.offset) : QString();
        case ResultColumn:
            return resultText(d);
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case KeyColumn:
            return d.key;
        case PartitionerColumn:
            return d.partitioner;
        case PredictedColumn:
            return d.predicted;
        case PartitionColumn:
            return r.ok() ? r.partition : -1;
        case OffsetColumn:
            return qint64(r.ok() ? r.offset : -1);
        case ResultColumn:
            return resultText(d);
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ResultColumn || index.column() == KeyColumn)
            return index.column() == KeyColumn ? d.key : resultText(d);
        break;
    case Qt::TextAlignmentRole:
        return columnAlignment(kColumns, index.column());
    case Qt::BackgroundRole:
        if (index.column() == PredictedColumn && d.predicted >= 0)
            return partitionColor(d.predicted);
        if (index.column() == PartitionColumn && r.ok())
            return partitionColor(r.partition);
        break;
    case Qt::ForegroundRole:
        if (index.column() == PredictedColumn && d.predicted >= 0)
            return partitionTextColor(d.predicted);
        if (index.column() == PartitionColumn && r.ok())
            return partitionTextColor(r.partition);
        if (index.column() == ResultColumn && !r.ok())
            return QColor(0xb3, 0x26, 0x1e);
        break;
    case MatchesRole:
        return matches;
    case OkRole:
        return r.ok();
    }
    return {};
}

QVariant DeliveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
