#pragma once
// The live pane's records: a ring buffer with a row cap. Records arrive in batches drained from the LiveConsumer on a
// timer; each batch is one beginInsertRows, and the oldest rows it pushes out are one beginRemoveRows (before the
// insert, so the row count never exceeds the cap). Payloads stay bytes: display text is made in data() for the cells
// a view asks for, capped (record_format::preview), never cached, so a row costs the Record itself (40 bytes + its
// payload block) and nothing else.

#include "kafka/client/record.h"

#include <QAbstractTableModel>
#include <QMap>
#include <vector>

namespace kafscope {

class RecordModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PartitionColumn, // background in partitionColor(), text in partitionTextColor()
        OffsetColumn,
        TimestampColumn, // local time with ms; tooltip: timestamp type and epoch ms
        KeyColumn, // preview, kKeyPreviewChars
        ValueColumn, // preview, kValuePreviewChars
        HeadersColumn, // count; tooltip: the headers, previewed
        SizeColumn, // humanSize(payloadSize); tooltip: exact bytes
        ColumnCount
    };
    enum Role {
        // Raw value: qint64 for partition, offset, timestamp (ms since the epoch, -1 when none), header count and
        // size; QString previews for key and value (capped: sorting a 100,000-row table must not decode 10 MB values).
        SortRole = Qt::UserRole,
        PartitionRole, // int, any column
        OffsetRole, // qint64, any column
        TimestampRole, // qint64 ms since the epoch, any column
    };
    // Raw key and value bytes are not roles on purpose: a QVariant would copy a 10 MB value. Use record(row).

    static constexpr int kDefaultRowCap = 100000;
    static constexpr int kKeyPreviewChars = 100;
    static constexpr int kValuePreviewChars = 200;

    explicit RecordModel(QObject* parent = nullptr);

    // The topic the records come from (for export and titles). A different topic clears rows and counters.
    void setTopic(const QString& topic);
    QString topic() const { return m_topic; }

    // Appends a drained batch, oldest first. At most one rowsRemoved (eviction of the oldest rows beyond the cap) and
    // one rowsInserted per call. When a batch alone exceeds the cap, its own oldest records are counted as received
    // and evicted without ever becoming rows.
    void append(std::vector<Record>&& batch);
    // At least 1. Lowering it below rowCount() evicts the oldest rows (one rowsRemoved).
    void setRowCap(int cap);
    int rowCap() const { return m_rowCap; }
    // Removes all rows (model reset) and zeroes the counters.
    void clear();

    qint64 received() const { return m_received; } // records appended since the last clear, evicted or not
    qint64 evicted() const { return m_evicted; } // records pushed out by the row cap
    // Received records per partition (only partitions seen), for the partition strip.
    const QMap<int32_t, qint64>& partitionCounts() const { return m_partitionCounts; }

    // row must be valid. The reference stays valid across appends, until the record is evicted, the model cleared or
    // the row cap changed.
    const Record& record(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // After every append, clear, setTopic and setRowCap that changed a counter: one signal per batch, for labels.
    void countersChanged();

private:
    void evictOldest(qsizetype count);
    size_t slot(qsizetype row) const
    {
        const size_t s = m_head + size_t(row);
        return s < m_ring.size() ? s : s - m_ring.size();
    }
    QVariant displayData(const Record& r, int column) const;
    QVariant toolTipData(const Record& r, int column) const;

    // A ring buffer of at most m_rowCap records, row 0 in slot m_head. Its capacity is reserved to the cap at the first
    // append (address space: pages are touched as rows arrive); it fills by push_back, and once it holds the cap the
    // newest record takes the oldest's slot. Unlike std::deque (a 512-byte block per 12 records, and its map) it costs
    // exactly sizeof(Record) per row once full. Invariant: while m_ring.size() < m_rowCap, m_head + m_count ==
    // m_ring.size() (the next slot is the next push_back); eviction leaves empty Records in the freed slots.
    std::vector<Record> m_ring;
    size_t m_head = 0;
    qsizetype m_count = 0;
    QString m_topic;
    QMap<int32_t, qint64> m_partitionCounts;
    qint64 m_received = 0;
    qint64 m_evicted = 0;
    int m_rowCap = kDefaultRowCap;
};

} // namespace kafscope
