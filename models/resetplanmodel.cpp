#include "models/resetplanmodel.h"

#include "models/columns.h"
#include "models/partitioncolors.h"

#include <QFont>
#include <QLocale>
#include <array>

namespace kafscope {

namespace {

const std::array<ColumnSpec, ResetPlanModel::ColumnCount> kColumns { {
    ColumnSpec { "Topic", "Topic; unchecked partitions are left as they are" },
    ColumnSpec { "Partition", "Partition", kNumberAlignment },
    ColumnSpec { "Committed now", "The group's committed offset now; \"none\" when it has none", kNumberAlignment },
    ColumnSpec { "New", "The committed offset after the reset", kNumberAlignment },
    ColumnSpec { "Earliest", "The partition's earliest offset (log start)", kNumberAlignment },
    ColumnSpec { "Latest", "The partition's log end offset (high watermark)", kNumberAlignment },
    ColumnSpec { "Lag after", "Latest minus the new offset: what the group will have to read", kNumberAlignment },
    ColumnSpec { "Note", "Why an offset was clamped into [earliest, latest] or left alone" },
} };

QString number(int64_t n)
{
    return QLocale().toString(qint64(n));
}

} // namespace

ResetPlanModel::ResetPlanModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ResetPlanModel::setPlan(const admin::ResetPlan& plan)
{
    const auto& rows = plan.rows;
    const bool same = std::equal(rows.begin(), rows.end(), m_plan.rows.begin(), m_plan.rows.end(),
        [](const admin::ResetRow& a, const admin::ResetRow& b) {
            return a.topic == b.topic && a.partition == b.partition;
        });
    if (!same) {
        beginResetModel();
        m_plan = plan;
        m_unchecked.clear();
        endResetModel();
        return;
    }
    const RowSpan span = changedRows(rows.size(), [&](int row) { return !(rows[row] == m_plan.rows[row]); });
    m_plan = plan;
    if (!span.isEmpty())
        emit dataChanged(index(span.first, 0), index(span.last, ColumnCount - 1));
}

void ResetPlanModel::clear()
{
    if (m_plan.rows.isEmpty())
        return;
    beginResetModel();
    m_plan = {};
    m_unchecked.clear();
    endResetModel();
}

const admin::ResetRow* ResetPlanModel::row(int row) const
{
    return row >= 0 && row < m_plan.rows.size() ? &m_plan.rows[row] : nullptr;
}

QList<TopicPartitionRef> ResetPlanModel::checkedPartitions() const
{
    QList<TopicPartitionRef> out;
    for (const auto& r : m_plan.rows)
        if (isChecked(r))
            out.append({ r.topic, r.partition });
    return out;
}

void ResetPlanModel::setChecked(const TopicPartitionRef& partition, bool checked)
{
    for (int i = 0; i < m_plan.rows.size(); ++i) {
        const auto& r = m_plan.rows[i];
        if (r.topic != partition.topic || r.partition != partition.partition || isChecked(r) == checked)
            continue;
        if (checked)
            m_unchecked.remove(partition);
        else
            m_unchecked.insert(partition);
        emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        emit checkedChanged();
        return;
    }
}

void ResetPlanModel::setAllChecked(bool checked)
{
    const QSet<TopicPartitionRef> before = m_unchecked;
    m_unchecked.clear();
    if (!checked)
        for (const auto& r : m_plan.rows)
            m_unchecked.insert({ r.topic, r.partition });
    if (before == m_unchecked)
        return;
    if (!m_plan.rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_plan.rows.size()) - 1, ColumnCount - 1));
    emit checkedChanged();
}

int ResetPlanModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_plan.rows.size());
}

int ResetPlanModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ResetPlanModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == TopicColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool ResetPlanModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != TopicColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const auto& r = m_plan.rows[index.row()];
    setChecked({ r.topic, r.partition }, value.toInt() == Qt::Checked);
    return true;
}

QVariant ResetPlanModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const admin::ResetRow& r = m_plan.rows[index.row()];
    const bool checked = isChecked(r);
    const auto column = Column(index.column());
    const auto offset = [](int64_t o) { return o >= 0 ? number(o) : QStringLiteral("unknown"); };
    // What the group lags after the reset: from the new offset, or (left alone) from the committed one.
    std::optional<int64_t> after = r.lag();
    if (!checked || r.skipped) {
        after.reset();
        const int64_t kept = r.old.value_or(-1);
        if (kept >= 0 && r.latest >= 0)
            after = std::max<int64_t>(0, r.latest - kept);
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TopicColumn:
            return r.topic;
        case PartitionColumn:
            return QString::number(r.partition);
        case OldColumn:
            return r.old ? number(*r.old) : QStringLiteral("none");
        case NewColumn:
            if (!checked || r.skipped)
                return QStringLiteral("not reset");
            return r.target ? number(*r.target) : QStringLiteral("?");
        case EarliestColumn:
            return offset(r.earliest);
        case LatestColumn:
            return offset(r.latest);
        case LagColumn:
            return after ? number(*after) : QStringLiteral("-");
        case NoteColumn:
            if (!checked)
                return QStringLiteral("not selected");
            return r.error.isEmpty() ? r.note : r.error;
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case TopicColumn:
            return r.topic;
        case PartitionColumn:
            return qint64(r.partition);
        case OldColumn:
            return qint64(r.old.value_or(-1));
        case NewColumn:
            return qint64(checked ? r.target.value_or(-1) : -1);
        case EarliestColumn:
            return qint64(r.earliest);
        case LatestColumn:
            return qint64(r.latest);
        case LagColumn:
            return qint64(after.value_or(-1));
        case NoteColumn:
            return data(index, Qt::DisplayRole);
        case ColumnCount:
            break;
        }
        break;
    case Qt::CheckStateRole:
        if (column == TopicColumn)
            return checked ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::TextAlignmentRole:
        return columnAlignment(kColumns, index.column());
    case Qt::DecorationRole:
        if (column == PartitionColumn)
            return partitionColor(r.partition);
        break;
    case Qt::FontRole:
        if (column == NewColumn && checked && r.changes()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ToolTipRole:
        if (column == NewColumn || column == NoteColumn)
            return r.error.isEmpty() ? r.note : r.error;
        break;
    case TopicRole:
        return r.topic;
    case PartitionRole:
        return r.partition;
    case ChangesRole:
        return checked && r.changes();
    }
    return {};
}

QVariant ResetPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
