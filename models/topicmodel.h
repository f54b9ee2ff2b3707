#pragma once
// All topics of the cluster with per-topic health and message counts. Built for large clusters (10,000 topics x 10
// partitions): aggregates are computed when data arrives, never in data(), and offsets are routed by a name index.

#include "kafka/types.h"

#include <QAbstractTableModel>
#include <QHash>

namespace kafscope {

class TopicModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        PartitionsColumn,
        ReplicationFactorColumn,
        UnderReplicatedColumn,
        OfflineColumn,
        MessagesColumn,
        InternalColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // raw value: qint64 for numbers and flags (-1: unknown), QString for text
        NameRole, // QString topic name, any column
        IsInternalRole, // bool, any column
    };

    explicit TopicModel(QObject* parent = nullptr);

    // When the set of topic names is unchanged (the periodic refresh), rows keep their position and are updated in
    // place with dataChanged, so selection and scroll position survive; otherwise the model resets. Offsets already
    // known are carried over to partitions whose new metadata has none, so Messages does not blink on refresh.
    void setMetadata(const ClusterMetadata& metadata);
    // Fills earliest/latest of the partitions named in the snapshot; emits dataChanged on the Messages column only.
    // A partition reported with an error becomes unknown again rather than keeping a stale count.
    void applyOffsets(const OffsetsSnapshot& offsets);
    void clear();

    const TopicInfo& topic(int row) const; // row must be valid
    int rowOfTopic(const QString& name) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        TopicInfo info;
        int replicationFactor = 0;
        int underReplicated = 0;
        int offline = 0;
        qint64 messages = -1; // -1 while no partition's offsets are known
    };

    static Row makeRow(TopicInfo info);
    static void carryOffsets(TopicInfo& info, const TopicInfo& previous);
    void rebuildIndex();
    void emitChanged(const QList<bool>& changed, int firstColumn, int lastColumn);

    QList<Row> m_rows;
    QHash<QString, int> m_rowByName;
};

} // namespace kafscope
