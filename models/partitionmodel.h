#pragma once
// Partitions of one topic: leader, replica sets, offsets. Unhealthy partitions are highlighted (BackgroundRole).

#include "kafka/types.h"

#include <QAbstractTableModel>

namespace kafscope {

class PartitionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PartitionColumn,
        LeaderColumn,
        ReplicasColumn,
        IsrColumn,
        OfflineColumn, // offline replicas, as kafka-topics --describe shows them
        EarliestColumn,
        LatestColumn,
        MessagesColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // raw value as qint64 (-1: unknown / no leader); replica lists sort by their size
        PartitionIdRole, // int32 partition id, any column
        StateRole, // PartitionState as int, any column
    };
    enum PartitionState { Healthy, UnderReplicated, Offline };

    explicit PartitionModel(QObject* parent = nullptr);

    // A refresh of the same topic with the same partition ids updates rows in place (dataChanged), so the selection
    // survives; anything else resets.
    void setTopic(const TopicInfo& topic);
    void clear();

    const TopicInfo& topic() const { return m_topic; }
    static PartitionState stateOf(const PartitionInfo& partition);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    TopicInfo m_topic;
};

} // namespace kafscope
