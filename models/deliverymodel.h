#pragma once
// The producer panel's sent records, newest first: the partition predicted before sending beside the one the
// delivery report names, and the result. Capped (the counters cover everything); reports arrive in batches.
#include "kafka/dataplane.h"

#include <QAbstractTableModel>
#include <deque>

namespace kafscope {

class DeliveryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        PartitionerColumn,
        PredictedColumn,
        PartitionColumn,
        OffsetColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // raw value: key text, partitioner, predicted and actual partition, offset, result
        MatchesRole, // bool: delivered where predicted (false for failures and random partitioners)
        OkRole, // bool: delivered
    };

    struct Delivery
    {
        QString key; // as the user typed it, "(null)" for a null key
        QString partitioner; // the partitioner's name, or "explicit"
        int32_t predicted = -1; // -1: the producer picks at random
        DeliveryReport report;
    };

    explicit DeliveryModel(int rowCap = 500, QObject* parent = nullptr);

    // Newest last in `batch`; shown newest first. Rows beyond the cap (the oldest) are removed in one step.
    void addDeliveries(const QList<Delivery>& batch);
    void clear();
    int rowCap() const { return m_cap; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_cap;
    std::deque<Delivery> m_rows; // newest first
};

} // namespace kafscope
