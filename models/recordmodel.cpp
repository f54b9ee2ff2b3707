#include "models/recordmodel.h"

#include "models/columns.h"
#include "models/partitioncolors.h"
#include "models/recordformat.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <QThread>
#include <algorithm>

namespace kafscope {

namespace {
const std::array<ColumnSpec, RecordModel::ColumnCount> kColumns { {
    ColumnSpec { "Partition", "Partition the record was read from", kNumberAlignment }, // PartitionColumn
    ColumnSpec { "Offset", "Offset of the record in its partition", kNumberAlignment }, // OffsetColumn
    ColumnSpec { "Timestamp", "Record timestamp in local time (create time or log-append time)" }, // TimestampColumn
    ColumnSpec { "Key", "Key as text when it is UTF-8, else its first bytes in hex" }, // KeyColumn
    ColumnSpec { "Value", "Start of the value as text when it is UTF-8, else its first bytes in hex" }, // ValueColumn
    ColumnSpec { "Headers", "Number of record headers", kNumberAlignment }, // HeadersColumn
    ColumnSpec { "Size", "Bytes of key, value and headers", kNumberAlignment }, // SizeColumn
} };
} // namespace

namespace {

constexpr int kTooltipHeaders = 20; // a record may carry hundreds; the tooltip shows the first ones
constexpr int kTooltipHeaderChars = 80;

QString localTime(int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString headersToolTip(const Record& r)
{
    const QList<RecordHeader> headers = r.headers(); // decoded on demand: only when a tooltip is asked for
    QStringList lines;
    for (qsizetype i = 0; i < headers.size() && i < kTooltipHeaders; ++i) {
        const RecordHeader& h = headers[i];
        lines.append(
            h.key + QStringLiteral(" = ") + record_format::preview(h.value, h.valueIsNull, kTooltipHeaderChars));
    }
    if (headers.size() > kTooltipHeaders)
        lines.append(QStringLiteral("… %1 more").arg(headers.size() - kTooltipHeaders));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

RecordModel::RecordModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void RecordModel::setTopic(const QString& topic)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (topic == m_topic)
        return;
    m_topic = topic;
    clear();
}

void RecordModel::append(std::vector<Record>&& batch)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (batch.empty())
        return;

    // Counted in runs: the consumer's batches come per fetched partition, so consecutive records mostly share one.
    for (size_t i = 0; i < batch.size();) {
        const int32_t partition = batch[i].partition();
        size_t end = i + 1;
        while (end < batch.size() && batch[end].partition() == partition)
            ++end;
        m_partitionCounts[partition] += qint64(end - i);
        i = end;
    }
    m_received += qint64(batch.size());

    // Records of the batch that would be evicted at once are skipped: never inserted, only counted.
    const size_t skipped = batch.size() > size_t(m_rowCap) ? batch.size() - size_t(m_rowCap) : 0;
    m_evicted += qint64(skipped);
    const qsizetype incoming = qsizetype(batch.size() - skipped);

    // Evict first so the model never holds more than the cap, and the removed range is simply rows 0..n-1.
    evictOldest(m_count + incoming - m_rowCap);

    if (m_ring.capacity() < size_t(m_rowCap))
        m_ring.reserve(size_t(m_rowCap)); // the first append since a clear: the ring never reallocates after this
    const int first = int(m_count);
    beginInsertRows({}, first, first + int(incoming) - 1);
    for (auto it = batch.begin() + qsizetype(skipped); it != batch.end(); ++it) {
        if (m_ring.size() < size_t(m_rowCap))
            m_ring.push_back(std::move(*it));
        else
            m_ring[slot(m_count)] = std::move(*it);
        ++m_count;
    }
    endInsertRows();
    batch.clear();
    emit countersChanged();
}

void RecordModel::evictOldest(qsizetype count)
{
    count = std::min(count, m_count);
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, int(count) - 1);
    for (qsizetype row = 0; row < count; ++row)
        m_ring[slot(row)] = Record(); // the slot stays, the record's block goes
    m_head = slot(count);
    m_count -= count;
    if (m_count == 0) { // keeps the invariant when the ring was not full yet: the next push_back is slot 0 again
        m_ring.clear();
        m_head = 0;
    }
    endRemoveRows();
    m_evicted += count;
}

void RecordModel::setRowCap(int cap)
{
    Q_ASSERT(thread() == QThread::currentThread());
    cap = std::max(cap, 1);
    if (cap == m_rowCap)
        return;
    m_rowCap = cap;
    const bool evicting = m_count > cap;
    if (evicting)
        evictOldest(m_count - cap);
    // A ring of the new size, the rows in order from slot 0: the slots are laid out for the old cap. An empty one is
    // reserved again at the next append.
    std::vector<Record> ring;
    if (m_count > 0) {
        ring.reserve(size_t(cap));
        for (qsizetype row = 0; row < m_count; ++row)
            ring.push_back(std::move(m_ring[slot(row)]));
    }
    m_ring.swap(ring);
    m_head = 0;
    if (evicting)
        emit countersChanged();
}

void RecordModel::clear()
{
    Q_ASSERT(thread() == QThread::currentThread());
    const bool hadCounts = m_received != 0 || m_evicted != 0;
    // Swap with an empty vector: clear() would keep the capacity, and this may be 1,000,000 records' worth.
    if (m_count > 0) {
        beginResetModel();
        std::vector<Record>().swap(m_ring);
        m_head = 0;
        m_count = 0;
        endResetModel();
    } else {
        std::vector<Record>().swap(m_ring);
        m_head = 0;
    }
    m_partitionCounts.clear();
    m_received = 0;
    m_evicted = 0;
    if (hadCounts)
        emit countersChanged();
}

const Record& RecordModel::record(int row) const
{
    Q_ASSERT(row >= 0 && row < m_count);
    return m_ring[slot(row)];
}

int RecordModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int RecordModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordModel::displayData(const Record& r, int column) const
{
    switch (Column(column)) {
    case PartitionColumn:
        return QString::number(r.partition());
    case OffsetColumn:
        return QString::number(r.offset());
    case TimestampColumn:
        // The type is part of the fact: a log-append time is the broker's clock, a create time the producer's.
        return r.timestamp() < 0
            ? QString()
            : localTime(r.timestamp()) + QStringLiteral(" (%1)").arg(timestampTypeName(r.timestampType()));
    case KeyColumn:
        return record_format::preview(r.key(), r.keyIsNull(), kKeyPreviewChars);
    case ValueColumn:
        return record_format::preview(r.value(), r.valueIsNull(), kValuePreviewChars);
    case HeadersColumn:
        return QString::number(r.headerCount());
    case SizeColumn:
        return record_format::humanSize(r.payloadSize());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RecordModel::toolTipData(const Record& r, int column) const
{
    switch (Column(column)) {
    case TimestampColumn:
        if (r.timestamp() < 0)
            return QStringLiteral("No timestamp");
        return QStringLiteral("%1 time, %2 ms since the epoch (%3 UTC)")
            .arg(timestampTypeName(r.timestampType()), QString::number(r.timestamp()),
                QDateTime::fromMSecsSinceEpoch(r.timestamp(), Qt::UTC)
                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    case HeadersColumn:
        if (r.headerCount() > 0)
            return headersToolTip(r);
        break;
    case SizeColumn:
        return QStringLiteral("%1 bytes (key, value and headers)").arg(QLocale().toString(qint64(r.payloadSize())));
    default:
        break;
    }
    return {};
}

QVariant RecordModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Record& r = m_ring[slot(index.row())];

    switch (role) {
    case Qt::DisplayRole:
        return displayData(r, index.column());
    case SortRole:
        switch (Column(index.column())) {
        case PartitionColumn:
            return qint64(r.partition());
        case OffsetColumn:
            return qint64(r.offset());
        case TimestampColumn:
            return qint64(r.timestamp());
        case KeyColumn:
        case ValueColumn:
            return displayData(r, index.column());
        case HeadersColumn:
            return qint64(r.headerCount());
        case SizeColumn:
            return qint64(r.payloadSize());
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        return toolTipData(r, index.column());
    case Qt::TextAlignmentRole:
        switch (Column(index.column())) {
        case PartitionColumn:
        case OffsetColumn:
        case HeadersColumn:
        case SizeColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            break;
        }
        break;
    case Qt::BackgroundRole:
        if (index.column() == PartitionColumn)
            return partitionColor(r.partition());
        break;
    // Fixed, not the palette's text colour: it must contrast with the fixed partition colour under any theme.
    case Qt::ForegroundRole:
        if (index.column() == PartitionColumn)
            return partitionTextColor(r.partition());
        break;
    case PartitionRole:
        return int(r.partition());
    case OffsetRole:
        return qint64(r.offset());
    case TimestampRole:
        return qint64(r.timestamp());
    }
    return {};
}

QVariant RecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
