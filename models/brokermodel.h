#pragma once
// Brokers of the cluster with how much of the partition load each carries (leaders, replicas).

#include "kafka/types.h"

#include <QAbstractTableModel>

namespace kafscope {

class BrokerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, AddressColumn, RackColumn, ControllerColumn, LeadersColumn, ReplicasColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw value: qint64 for numbers and flags, QString for text
        NodeIdRole, // int32 node id, any column
        IsControllerRole, // bool, any column
    };

    explicit BrokerModel(QObject* parent = nullptr);

    // Brokers are kept sorted by node id. When the node ids are unchanged (the periodic refresh), rows are updated in
    // place with dataChanged so selection and scroll position survive; otherwise the model resets.
    void setMetadata(const ClusterMetadata& metadata);
    void clear();

    int32_t brokerId(int row) const; // -1 when row is out of range

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        BrokerInfo broker;
        bool isController = false;
        qint64 leaders = 0;
        qint64 replicas = 0;
        friend bool operator==(const Row&, const Row&) = default;
    };

    QList<Row> m_rows;
};

} // namespace kafscope
