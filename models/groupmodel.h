#pragma once
// Consumer groups of the cluster as the Groups page lists them: what ListGroups said (name, type, state, protocol
// type, coordinator), then, as descriptions and offsets arrive in batches, members, topics, total lag and verdict.
#include "kafka/admin/lag.h"

#include <QAbstractTableModel>
#include <QHash>

namespace kafscope {

class ConsumerGroupModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        TypeColumn,
        StateColumn,
        MembersColumn,
        TopicsColumn,
        LagColumn,
        StatusColumn,
        CoordinatorColumn,
        ProtocolTypeColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // raw value: qint64 for numbers (-1 unknown), QString for text
        GroupNameRole, // QString, any column
        GroupTypeRole, // QString, any column
        StatusRole, // int (admin::LagStatus), any column; -1 while unknown
    };

    explicit ConsumerGroupModel(QObject* parent = nullptr);

    // Groups kept sorted by name. The same names (the periodic refresh): rows updated in place, summaries kept;
    // otherwise a reset (summaries of groups still listed are kept).
    void setGroups(const QList<GroupListing>& groups);
    // Members, topics and lag of some groups (by name); others keep theirs.
    void setSummaries(const QList<admin::GroupSummary>& summaries);
    void clear();

    const GroupListing* listing(int row) const; // nullptr out of range
    const admin::GroupSummary* summary(int row) const; // nullptr when not summarized yet
    int rowOf(const QString& name) const; // -1 when absent
    QList<GroupListing> listings() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        GroupListing listing;
        std::optional<admin::GroupSummary> summary;
    };
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    void reindex();
};

// Members of one group: ids, client, host, and the partitions each owns (for KIP-848 groups also the target
// assignment and the member epoch).
class GroupMemberModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        MemberIdColumn,
        ClientIdColumn,
        HostColumn,
        InstanceIdColumn,
        EpochColumn,
        AssignmentColumn,
        TargetColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole,
        MemberIdRole,
        PartitionsRole, // QVariantList of {topic, partition} maps the member owns
    };
    explicit GroupMemberModel(QObject* parent = nullptr);
    // Members sorted by client id, member id; the same members: updated in place.
    void setGroup(const GroupDescription& group);
    void clear();
    const GroupMember* member(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "orders: 0-2, 5; payments: 1" — compact, by topic.
    static QString assignmentText(const QList<TopicPartitionRef>& partitions);

private:
    QList<GroupMember> m_members;
};

// Per-partition lag of one group: committed offset, log end offset, lag, last stable offset where it differs, owner
// and verdict. "no offset" is never shown as lag 0.
class LagModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TopicColumn,
        PartitionColumn,
        CommittedColumn,
        LogEndColumn,
        LagColumn,
        LastStableColumn,
        OwnerColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // qint64 numbers (-1 unknown), QString text
        TopicRole,
        PartitionRole,
        StatusRole, // int (admin::LagStatus)
    };
    explicit LagModel(QObject* parent = nullptr);
    // The same partitions (the next sample): updated in place; otherwise a reset.
    void setLag(const admin::GroupLag& lag);
    // Verdicts from the sampler's window replace the single-sample ones (by topic/partition).
    void setStatuses(const QHash<TopicPartitionRef, admin::LagStatus>& statuses);
    void clear();
    const admin::PartitionLag* partition(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<admin::PartitionLag> m_rows;
};

} // namespace kafscope
