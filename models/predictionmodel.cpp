#include "models/predictionmodel.h"

#include "models/columns.h"
#include "models/partitioncolors.h"

#include <QFont>
#include <QThread>

namespace kafscope {

namespace {
const std::array<ColumnSpec, PredictionModel::ColumnCount> kColumns { {
    { "Partitioner", "The producer's partitioner (librdkafka's names)" },
    { "Hash", "The hash of the key bytes the partition comes from", kNumberAlignment },
    { "Partition", "The partition this partitioner picks; random when the producer chooses", kNumberAlignment },
    { "How", "The arithmetic, step by step" },
} };
} // namespace

PredictionModel::PredictionModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void PredictionModel::setPrediction(
    const std::optional<QByteArray>& key, int partitionCount, partitioning::Partitioner chosen)
{
    Q_ASSERT(thread() == QThread::currentThread());
    auto rows = partitionCount > 0 ? partitioning::predictAll(key, partitionCount) : QList<partitioning::Prediction>();
    m_chosen = chosen;
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    // Same partitioners, new key: every row changes; one signal for them all (the table updates as you type).
    m_rows = std::move(rows);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void PredictionModel::clear()
{
    setPrediction(std::nullopt, 0, m_chosen);
}

const partitioning::Prediction* PredictionModel::chosen() const
{
    for (const auto& p : m_rows)
        if (p.partitioner == m_chosen)
            return &p;
    return nullptr;
}

int PredictionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PredictionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PredictionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto& p = m_rows[index.row()];
    const int32_t partition = p.deterministic ? p.partition : -1;
    const bool hashed = p.deterministic && p.hash != 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case PartitionerColumn:
            return partitioning::name(p.partitioner);
        case HashColumn:
            return hashed ? QStringLiteral("0x%1").arg(p.hash, 8, 16, QLatin1Char('0')) : QString();
        case PartitionColumn:
            return partition < 0 ? QStringLiteral("random") : QString::number(partition);
        case HowColumn:
            return p.explanation;
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case PartitionerColumn:
            return partitioning::name(p.partitioner);
        case HashColumn:
            return qint64(hashed ? p.hash : 0);
        case PartitionColumn:
            return partition;
        case HowColumn:
            return p.explanation;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        return index.column() == PartitionerColumn ? partitioning::description(p.partitioner) : p.explanation;
    case Qt::TextAlignmentRole:
        return columnAlignment(kColumns, index.column());
    case Qt::FontRole:
        if (p.partitioner == m_chosen) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::BackgroundRole:
        if (index.column() == PartitionColumn && partition >= 0)
            return partitionColor(partition);
        break;
    case Qt::ForegroundRole:
        if (index.column() == PartitionColumn && partition >= 0)
            return partitionTextColor(partition);
        break;
    case PartitionRole:
        return partition;
    case IsChosenRole:
        return p.partitioner == m_chosen;
    }
    return {};
}

QVariant PredictionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
