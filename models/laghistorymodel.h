#pragma once
// The lag history of one group as the charts read it: one row per partition (topic, partition, current lag, min and
// max over the loaded span, samples, consume and produce rate), each with its points over time, toggleable (the
// check box of the first column shows or hides the partition's line). Points come from the history file once, then
// every new sample appends one per partition. decimateMinMax() turns a series into at most two points per pixel
// column (its min and max, in time order), so a chart of a day of 5 s samples keeps its spikes and stays fast.
#include "kafka/lag/historystore.h"
#include "kafka/lag/sampler.h"

#include <QAbstractTableModel>
#include <QPointF>

namespace kafscope {

QList<QPointF> decimateMinMax(const QList<lag::HistoryPoint>& points, qint64 fromMs, qint64 toMs, int columns);

// decimateMinMax for a chart that redraws as samples arrive: the columns (anchored at absolute time) before the last
// one are kept from the previous call, so a new sample costs its own column, not the whole series.
class MinMaxDecimator
{
public:
    void reset();
    const QList<QPointF>& update(const QList<lag::HistoryPoint>& points, qint64 fromMs, qint64 toMs, int columns);

private:
    qint64 m_width = -1;
    QList<QPointF> m_done; // complete columns
    qint64 m_tailStartMs = -1; // where the last (still open) column starts
    QList<QPointF> m_out;
};

class LagHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PartitionColumn,
        LagColumn,
        MinColumn,
        MaxColumn,
        ConsumeRateColumn,
        ProduceRateColumn,
        SamplesColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole,
        TopicRole,
        PartitionRole,
    };

    explicit LagHistoryModel(QObject* parent = nullptr);

    // Replaces everything with what the history file had (a reset).
    void setHistory(const QList<lag::PartitionHistory>& history, const QList<std::pair<qint64, int64_t>>& totals = {});
    // One new sample; partitions not seen before are added as rows. Emits pointsAppended().
    void appendSample(const lag::GroupSample& sample);
    void clear();
    // Drops points older than `fromMs` (the span shown), keeping memory bounded.
    void trimBefore(qint64 fromMs);

    const lag::PartitionHistory* series(int row) const;
    const QList<std::pair<qint64, int64_t>>& totals() const { return m_totals; }
    bool isShown(int row) const;
    void setShown(int row, bool shown);
    qint64 lastSampleMs() const { return m_lastSampleMs; }
    int pointCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void pointsAppended();
    void visibilityChanged();

private:
    struct Row
    {
        lag::PartitionHistory history;
        bool shown = true;
        admin::LagRates rates;
    };
    int rowOf(const QString& topic, int32_t partition) const;
    QList<Row> m_rows;
    QList<std::pair<qint64, int64_t>> m_totals;
    qint64 m_lastSampleMs = 0;
};

} // namespace kafscope
