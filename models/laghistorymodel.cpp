#include "models/laghistorymodel.h"

#include "models/columns.h"
#include "models/partitioncolors.h"

#include <QLocale>
#include <algorithm>
#include <limits>

namespace kafscope {

namespace {

const std::array<ColumnSpec, LagHistoryModel::ColumnCount> kColumns { {
    ColumnSpec { "Partition", "Topic and partition; the check box shows or hides its line" },
    ColumnSpec { "Lag", "Lag at the last sample", kNumberAlignment },
    ColumnSpec { "Min", "Lowest lag over the span shown", kNumberAlignment },
    ColumnSpec { "Max", "Highest lag over the span shown", kNumberAlignment },
    ColumnSpec { "Consumed/s", "Records committed per second over the last minute", kNumberAlignment },
    ColumnSpec { "Produced/s", "Records written per second over the last minute", kNumberAlignment },
    ColumnSpec { "Samples", "Points in the span", kNumberAlignment },
} };

QString rate(const admin::LagRates& r, bool consume)
{
    if (!r.known)
        return QStringLiteral("…");
    return QLocale().toString(consume ? r.consumePerSec : r.producePerSec, 'f', 1);
}

} // namespace

namespace {

// Min and max of one pixel column, in time order.
void appendColumn(QList<QPointF>& out, const lag::HistoryPoint* low, const lag::HistoryPoint* high)
{
    if (low == high) {
        if (low->lagMin != low->lagMax)
            out.append({ double(low->timeMs), double(low->lagMin) });
        out.append({ double(low->timeMs), double(low->lagMax) });
    } else if (low->timeMs <= high->timeMs) {
        out.append({ double(low->timeMs), double(low->lagMin) });
        out.append({ double(high->timeMs), double(high->lagMax) });
    } else {
        out.append({ double(high->timeMs), double(high->lagMax) });
        out.append({ double(low->timeMs), double(low->lagMin) });
    }
}

qint64 columnWidth(qint64 fromMs, qint64 toMs, int columns)
{
    return std::max<qint64>(1, (toMs - fromMs) / std::max(1, columns));
}

// Decimates points[first, last) into columns anchored at multiples of `width` (absolute time, so a window that
// slides keeps its columns). Returns the time at which the last column starts (-1 when none).
qint64 decimateRange(const lag::HistoryPoint* first, const lag::HistoryPoint* last, qint64 width, QList<QPointF>& out,
    qsizetype* lastColumnOffset)
{
    qint64 column = std::numeric_limits<qint64>::min();
    qint64 columnStart = -1;
    const lag::HistoryPoint* low = nullptr;
    const lag::HistoryPoint* high = nullptr;
    for (auto* it = first; it != last; ++it) {
        if (it->lagMax < 0)
            continue;
        const qint64 c = it->timeMs / width;
        if (c != column) {
            if (low)
                appendColumn(out, low, high);
            low = high = nullptr;
            column = c;
            columnStart = c * width;
            if (lastColumnOffset)
                *lastColumnOffset = out.size();
        }
        if (!low || it->lagMin < low->lagMin)
            low = it;
        if (!high || it->lagMax > high->lagMax)
            high = it;
    }
    if (low)
        appendColumn(out, low, high);
    return columnStart;
}

const lag::HistoryPoint* firstAtOrAfter(const QList<lag::HistoryPoint>& points, qint64 t)
{
    return &*std::lower_bound(
        points.begin(), points.end(), t, [](const lag::HistoryPoint& p, qint64 x) { return p.timeMs < x; });
}

const lag::HistoryPoint* firstAfter(const QList<lag::HistoryPoint>& points, qint64 t)
{
    return &*std::upper_bound(
        points.begin(), points.end(), t, [](qint64 x, const lag::HistoryPoint& p) { return x < p.timeMs; });
}

} // namespace

QList<QPointF> decimateMinMax(const QList<lag::HistoryPoint>& points, qint64 fromMs, qint64 toMs, int columns)
{
    QList<QPointF> out;
    if (points.isEmpty() || toMs <= fromMs || columns <= 0)
        return out;
    decimateRange(
        firstAtOrAfter(points, fromMs), firstAfter(points, toMs), columnWidth(fromMs, toMs, columns), out, nullptr);
    return out;
}

void MinMaxDecimator::reset()
{
    m_width = -1;
    m_done.clear();
    m_tailStartMs = -1;
}

const QList<QPointF>& MinMaxDecimator::update(
    const QList<lag::HistoryPoint>& points, qint64 fromMs, qint64 toMs, int columns)
{
    const qint64 width = columnWidth(fromMs, toMs, columns);
    if (width != m_width || points.isEmpty()) {
        reset();
        m_width = width;
    }
    m_out.clear();
    if (points.isEmpty() || toMs <= fromMs)
        return m_out;
    // Columns before the last one are final: only the last (and any new ones) are decimated again.
    const qint64 resumeAt = m_tailStartMs < 0 ? fromMs : std::max(fromMs, m_tailStartMs);
    qsizetype tailOffset = 0;
    QList<QPointF> fresh;
    const qint64 lastColumn
        = decimateRange(firstAtOrAfter(points, resumeAt), firstAfter(points, toMs), width, fresh, &tailOffset);
    // Drop the old last column, keep the complete ones of the fresh part, and remember where its last column starts.
    while (!m_done.isEmpty() && m_tailStartMs >= 0 && m_done.last().x() >= double(m_tailStartMs))
        m_done.removeLast();
    m_done.append(fresh.mid(0, tailOffset));
    if (lastColumn >= 0)
        m_tailStartMs = lastColumn;
    // What slid out of the span goes.
    qsizetype drop = 0;
    while (drop < m_done.size() && m_done[drop].x() < double(fromMs))
        ++drop;
    if (drop > 0)
        m_done.remove(0, drop);
    m_out = m_done;
    m_out.append(fresh.mid(tailOffset));
    return m_out;
}

LagHistoryModel::LagHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void LagHistoryModel::setHistory(
    const QList<lag::PartitionHistory>& history, const QList<std::pair<qint64, int64_t>>& totals)
{
    beginResetModel();
    QHash<TopicPartitionRef, bool> shown;
    for (const auto& r : m_rows)
        shown.insert(TopicPartitionRef { r.history.topic, r.history.partition }, r.shown);
    m_rows.clear();
    for (const auto& h : history)
        m_rows.append(Row { h, shown.value(TopicPartitionRef { h.topic, h.partition }, true), {} });
    std::sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
        return a.history.topic != b.history.topic ? a.history.topic < b.history.topic
                                                  : a.history.partition < b.history.partition;
    });
    m_totals = totals;
    m_lastSampleMs = 0;
    for (const auto& r : m_rows) {
        if (!r.history.points.isEmpty())
            m_lastSampleMs = std::max(m_lastSampleMs, r.history.points.last().timeMs);
    }
    endResetModel();
}

int LagHistoryModel::rowOf(const QString& topic, int32_t partition) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].history.partition == partition && m_rows[i].history.topic == topic)
            return i;
    }
    return -1;
}

void LagHistoryModel::appendSample(const lag::GroupSample& sample)
{
    const qint64 t = sample.detail.sampledAtMs;
    for (const auto& p : sample.detail.lag.partitions) {
        int row = rowOf(p.topic, p.partition);
        if (row < 0) {
            // Keep rows sorted by topic, partition.
            Row r { lag::PartitionHistory { p.topic, p.partition, {} }, true, {} };
            const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), r, [](const Row& a, const Row& b) {
                return a.history.topic != b.history.topic ? a.history.topic < b.history.topic
                                                          : a.history.partition < b.history.partition;
            });
            row = int(at - m_rows.begin());
            beginInsertRows({}, row, row);
            m_rows.insert(row, r);
            endInsertRows();
        }
        Row& r = m_rows[row];
        const int64_t lag = p.lag.value_or(-1);
        lag::HistoryPoint point { t, lag, lag, lag, p.committed.value_or(-1), p.latest };
        if (!r.history.points.isEmpty() && r.history.points.last().timeMs >= t)
            continue; // already there (a sample the history file also returned)
        r.history.points.append(point);
        r.rates = sample.rates.value(TopicPartitionRef { p.topic, p.partition });
    }
    const int64_t total = sample.detail.lag.total.value_or(-1);
    if (m_totals.isEmpty() || m_totals.last().first < t)
        m_totals.append({ t, total });
    m_lastSampleMs = std::max(m_lastSampleMs, t);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, LagColumn), index(int(m_rows.size()) - 1, SamplesColumn));
    emit pointsAppended();
}

void LagHistoryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_totals.clear();
    m_lastSampleMs = 0;
    endResetModel();
}

void LagHistoryModel::trimBefore(qint64 fromMs)
{
    for (auto& r : m_rows) {
        auto& pts = r.history.points;
        const auto keep = std::lower_bound(
            pts.begin(), pts.end(), fromMs, [](const lag::HistoryPoint& p, qint64 t) { return p.timeMs < t; });
        pts.erase(pts.begin(), keep);
    }
    m_totals.removeIf([fromMs](const std::pair<qint64, int64_t>& p) { return p.first < fromMs; });
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, MinColumn), index(int(m_rows.size()) - 1, SamplesColumn));
}

const lag::PartitionHistory* LagHistoryModel::series(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].history : nullptr;
}

bool LagHistoryModel::isShown(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].shown;
}

void LagHistoryModel::setShown(int row, bool shown)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].shown == shown)
        return;
    m_rows[row].shown = shown;
    emit dataChanged(index(row, PartitionColumn), index(row, PartitionColumn), { Qt::CheckStateRole });
    emit visibilityChanged();
}

int LagHistoryModel::pointCount() const
{
    int n = 0;
    for (const auto& r : m_rows)
        n += int(r.history.points.size());
    return n;
}

int LagHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LagHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags LagHistoryModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == PartitionColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool LagHistoryModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != PartitionColumn
        || role != Qt::CheckStateRole)
        return false;
    setShown(index.row(), value.toInt() == Qt::Checked);
    return true;
}

QVariant LagHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[index.row()];
    const auto& pts = r.history.points;
    const auto column = Column(index.column());
    const auto stat = [&](bool max) {
        int64_t v = -1;
        for (const auto& p : pts) {
            const int64_t x = max ? p.lagMax : p.lagMin;
            if (x >= 0 && (v < 0 || (max ? x > v : x < v)))
                v = x;
        }
        return v;
    };
    const int64_t last = pts.isEmpty() ? -1 : pts.last().lagLast;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case PartitionColumn:
            return QStringLiteral("%1-%2").arg(r.history.topic).arg(r.history.partition);
        case LagColumn:
            return last >= 0 ? QLocale().toString(qint64(last)) : QStringLiteral("–");
        case MinColumn:
            return stat(false) >= 0 ? QLocale().toString(qint64(stat(false))) : QStringLiteral("–");
        case MaxColumn:
            return stat(true) >= 0 ? QLocale().toString(qint64(stat(true))) : QStringLiteral("–");
        case ConsumeRateColumn:
            return rate(r.rates, true);
        case ProduceRateColumn:
            return rate(r.rates, false);
        case SamplesColumn:
            return QString::number(pts.size());
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case PartitionColumn:
            return r.history.topic + QLatin1Char('\x01') + QString::number(r.history.partition).rightJustified(6);
        case LagColumn:
            return qint64(last);
        case MinColumn:
            return qint64(stat(false));
        case MaxColumn:
            return qint64(stat(true));
        case ConsumeRateColumn:
            return r.rates.known ? r.rates.consumePerSec : -1.0;
        case ProduceRateColumn:
            return r.rates.known ? r.rates.producePerSec : -1.0;
        case SamplesColumn:
            return qint64(pts.size());
        case ColumnCount:
            break;
        }
        break;
    case Qt::CheckStateRole:
        if (column == PartitionColumn)
            return r.shown ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::DecorationRole:
        if (column == PartitionColumn)
            return partitionColor(r.history.partition);
        break;
    case Qt::TextAlignmentRole:
        return columnAlignment(kColumns, index.column());
    case TopicRole:
        return r.history.topic;
    case PartitionRole:
        return r.history.partition;
    }
    return {};
}

QVariant LagHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
