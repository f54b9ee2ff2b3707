#include "models/topicmodel.h"

#include "models/columns.h"

#include <QLocale>
#include <QThread>
#include <algorithm>

namespace kafscope {

namespace {
const std::array<ColumnSpec, TopicModel::ColumnCount> kColumns { {
    ColumnSpec { "Name", "Topic name" }, // NameColumn
    ColumnSpec { "Partitions", "Number of partitions", kNumberAlignment }, // PartitionsColumn
    ColumnSpec { "RF", "Replication factor (largest replica count over the partitions)",
        kNumberAlignment }, // ReplicationFactorColumn
    ColumnSpec { "Under-replicated", "Partitions whose ISR has fewer replicas than the replica list",
        kNumberAlignment }, // UnderReplicatedColumn
    ColumnSpec { "Offline", "Partitions without a leader (unavailable)", kNumberAlignment }, // OfflineColumn
    ColumnSpec { "Messages",
        "Sum of latest - earliest offset over the partitions (approximate with compaction or transactions)",
        kNumberAlignment }, // MessagesColumn
    ColumnSpec {
        "Internal", "Internal topics are managed by Kafka itself (e.g. __consumer_offsets)" }, // InternalColumn
} };
} // namespace

namespace {

// Works for TopicInfo and const TopicInfo, returning a pointer of matching constness.
template <typename Topic> auto findPartition(Topic& topic, int32_t partition) -> decltype(&topic.partitions[0])
{
    // Metadata lists partitions by id almost always, so try the direct slot before searching.
    if (partition >= 0 && partition < topic.partitions.size() && topic.partitions[partition].partition == partition)
        return &topic.partitions[partition];
    for (auto& p : topic.partitions)
        if (p.partition == partition)
            return &p;
    return nullptr;
}

} // namespace

TopicModel::TopicModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

TopicModel::Row TopicModel::makeRow(TopicInfo info)
{
    Row row;
    row.replicationFactor = info.replicationFactor();
    row.underReplicated = info.underReplicatedCount();
    row.offline = info.offlineCount();
    row.messages = info.messageCount();
    row.info = std::move(info);
    return row;
}

void TopicModel::carryOffsets(TopicInfo& info, const TopicInfo& previous)
{
    if (!previous.offsetsKnown())
        return;
    for (auto& p : info.partitions) {
        if (p.hasOffsets())
            continue;
        if (const PartitionInfo* old = findPartition(previous, p.partition)) {
            p.earliest = old->earliest;
            p.latest = old->latest;
        }
    }
}

void TopicModel::setMetadata(const ClusterMetadata& metadata)
{
    Q_ASSERT(thread() == QThread::currentThread());

    // Same set of names: same count and every new name maps to a distinct existing row.
    bool sameTopics = metadata.topics.size() == m_rows.size();
    QList<bool> seen(sameTopics ? m_rows.size() : 0, false);
    for (qsizetype i = 0; sameTopics && i < metadata.topics.size(); ++i) {
        const int row = m_rowByName.value(metadata.topics[i].name, -1);
        sameTopics = row >= 0 && !seen[row];
        if (sameTopics)
            seen[row] = true;
    }

    if (!sameTopics) {
        QList<Row> rows;
        rows.reserve(metadata.topics.size());
        for (const auto& topic : metadata.topics) {
            TopicInfo info = topic;
            if (const int old = m_rowByName.value(info.name, -1); old >= 0)
                carryOffsets(info, m_rows[old].info);
            rows.append(makeRow(std::move(info)));
        }
        beginResetModel();
        m_rows = std::move(rows);
        rebuildIndex();
        endResetModel();
        return;
    }

    // Same names, possibly in another order: each topic goes back to the row it had.
    QList<bool> changed(m_rows.size(), false);
    for (const auto& topic : metadata.topics) {
        const int row = m_rowByName.value(topic.name);
        TopicInfo info = topic;
        carryOffsets(info, m_rows[row].info);
        if (info == m_rows[row].info)
            continue;
        m_rows[row] = makeRow(std::move(info));
        changed[row] = true;
    }
    emitChanged(changed, 0, ColumnCount - 1);
}

void TopicModel::applyOffsets(const OffsetsSnapshot& offsets)
{
    Q_ASSERT(thread() == QThread::currentThread());

    QList<bool> touched(m_rows.size(), false);
    auto apply = [&](const QList<PartitionOffset>& list, int64_t PartitionInfo::*field) {
        for (const auto& po : list) {
            const int row = m_rowByName.value(po.topic, -1);
            if (row < 0)
                continue;
            PartitionInfo* p = findPartition(m_rows[row].info, po.partition);
            if (!p)
                continue;
            const int64_t value = po.errorCode == 0 ? po.offset : -1;
            if (p->*field != value) {
                p->*field = value;
                touched[row] = true;
            }
        }
    };
    apply(offsets.earliest, &PartitionInfo::earliest);
    apply(offsets.latest, &PartitionInfo::latest);

    QList<bool> changed(m_rows.size(), false);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!touched[row])
            continue;
        const qint64 messages = m_rows[row].info.messageCount();
        changed[row] = messages != m_rows[row].messages;
        m_rows[row].messages = messages;
    }
    emitChanged(changed, MessagesColumn, MessagesColumn);
}

void TopicModel::clear()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowByName.clear();
    endResetModel();
}

void TopicModel::rebuildIndex()
{
    m_rowByName.clear();
    m_rowByName.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowByName.insert(m_rows[row].info.name, row);
}

// One dataChanged spanning every changed row (see changedRows() for why not one per run).
void TopicModel::emitChanged(const QList<bool>& changed, int firstColumn, int lastColumn)
{
    const auto span = changedRows(changed.size(), [&](int row) { return changed[row]; });
    if (!span.isEmpty())
        emit dataChanged(index(span.first, firstColumn), index(span.last, lastColumn));
}

const TopicInfo& TopicModel::topic(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rows.size());
    return m_rows[row].info;
}

int TopicModel::rowOfTopic(const QString& name) const
{
    return m_rowByName.value(name, -1);
}

int TopicModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TopicModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.info.name;
        case PartitionsColumn:
            return QString::number(row.info.partitions.size());
        case ReplicationFactorColumn:
            return QString::number(row.replicationFactor);
        case UnderReplicatedColumn:
            return QString::number(row.underReplicated);
        case OfflineColumn:
            return QString::number(row.offline);
        case MessagesColumn:
            return row.messages < 0 ? QStringLiteral("…") : QLocale().toString(row.messages);
        case InternalColumn:
            return row.info.isInternal ? QStringLiteral("internal") : QString();
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case NameColumn:
            return row.info.name;
        case PartitionsColumn:
            return qint64(row.info.partitions.size());
        case ReplicationFactorColumn:
            return qint64(row.replicationFactor);
        case UnderReplicatedColumn:
            return qint64(row.underReplicated);
        case OfflineColumn:
            return qint64(row.offline);
        case MessagesColumn:
            return row.messages;
        case InternalColumn:
            return qint64(row.info.isInternal ? 1 : 0);
        case ColumnCount:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn && index.column() != InternalColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessagesColumn && row.messages < 0)
            return QStringLiteral("Offsets not loaded yet");
        if (row.offline > 0)
            return QStringLiteral("%1 partition(s) have no leader").arg(row.offline);
        if (row.underReplicated > 0)
            return QStringLiteral("%1 partition(s) have fewer in-sync replicas than replicas").arg(row.underReplicated);
        break;
    case NameRole:
        return row.info.name;
    case IsInternalRole:
        return row.info.isInternal;
    }
    return {};
}

QVariant TopicModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
