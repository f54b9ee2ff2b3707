#include "models/groupmodel.h"

#include "kafka/protocol/errors.h"
#include "models/columns.h"
#include "models/partitioncolors.h"

#include <QLocale>
#include <QMap>
#include <QThread>
#include <algorithm>

namespace kafscope {

namespace {

QString count(std::optional<int64_t> value, const QString& unknown = QStringLiteral("…"))
{
    return value ? QLocale().toString(qint64(*value)) : unknown;
}

QString statusTip(admin::LagStatus status)
{
    return admin::lagStatusRule(status) + QStringLiteral("\n\nThe verdicts:\n") + admin::lagRulesText();
}

const std::array<ColumnSpec, ConsumerGroupModel::ColumnCount> kGroupColumns { {
    ColumnSpec { "Group", "Group id" },
    ColumnSpec { "Type",
        "The group type the broker reports: classic, consumer (the KIP-848 protocol of Kafka 4), share (KIP-932) or "
        "streams" },
    ColumnSpec { "State", "The group's state (Stable, Empty, PreparingRebalance, Assigning, Reconciling, Dead, …)" },
    ColumnSpec { "Members", "Members of the group now", kNumberAlignment },
    ColumnSpec { "Topics", "Topics the group is assigned or has committed offsets for" },
    ColumnSpec { "Lag", "Total lag: log end offset minus committed offset, summed over the partitions that have both",
        kNumberAlignment },
    ColumnSpec { "Status", "The group's verdict: its worst partition's" },
    ColumnSpec { "Coordinator", "The broker that coordinates the group", kNumberAlignment },
    ColumnSpec { "Protocol type", "The classic protocol type (consumer, connect, …); empty when none" },
} };

const std::array<ColumnSpec, GroupMemberModel::ColumnCount> kMemberColumns { {
    ColumnSpec { "Member id", "The member id the coordinator gave" },
    ColumnSpec { "Client id", "client.id of the member's consumer" },
    ColumnSpec { "Host", "Where the member connects from" },
    ColumnSpec { "Instance id", "group.instance.id (static membership); empty when none" },
    ColumnSpec { "Epoch", "Member epoch (KIP-848 and share groups); empty for classic groups", kNumberAlignment },
    ColumnSpec { "Assigned partitions", "The partitions the member owns now" },
    ColumnSpec { "Target assignment",
        "KIP-848: what the coordinator wants the member to own; differs from the assignment while it reconciles" },
} };

const std::array<ColumnSpec, LagModel::ColumnCount> kLagColumns { {
    ColumnSpec { "Topic", "Topic" },
    ColumnSpec { "Partition", "Partition", kNumberAlignment },
    ColumnSpec { "Committed", "The group's committed offset; \"no offset\" when it has none", kNumberAlignment },
    ColumnSpec { "Log end", "Log end offset (high watermark)", kNumberAlignment },
    ColumnSpec { "Lag", "Log end offset minus committed offset", kNumberAlignment },
    ColumnSpec { "Last stable",
        "Last stable offset (read_committed), shown where it differs from the log end: open transactions",
        kNumberAlignment },
    ColumnSpec { "Owner", "The member that owns the partition (client id, host)" },
    ColumnSpec { "Status", "The partition's verdict" },
} };

} // namespace

// ---- ConsumerGroupModel ----

ConsumerGroupModel::ConsumerGroupModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ConsumerGroupModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i].listing.name, i);
}

void ConsumerGroupModel::setGroups(const QList<GroupListing>& groups)
{
    Q_ASSERT(thread() == QThread::currentThread());
    QList<Row> rows;
    rows.reserve(groups.size());
    for (const auto& g : groups) {
        Row r { g, std::nullopt };
        if (const int old = rowOf(g.name); old >= 0)
            r.summary = m_rows[old].summary;
        rows.append(r);
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.listing.name < b.listing.name; });
    const bool sameNames = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
        [](const Row& a, const Row& b) { return a.listing.name == b.listing.name; });
    if (!sameNames) {
        beginResetModel();
        m_rows = std::move(rows);
        reindex();
        endResetModel();
        return;
    }
    const RowSpan span = changedRows(rows.size(), [&](int row) { return !(rows[row].listing == m_rows[row].listing); });
    m_rows = std::move(rows);
    if (!span.isEmpty())
        emit dataChanged(index(span.first, 0), index(span.last, ColumnCount - 1));
}

void ConsumerGroupModel::setSummaries(const QList<admin::GroupSummary>& summaries)
{
    Q_ASSERT(thread() == QThread::currentThread());
    RowSpan span;
    for (const auto& s : summaries) {
        const int row = rowOf(s.listing.name);
        if (row < 0 || (m_rows[row].summary && *m_rows[row].summary == s))
            continue;
        m_rows[row].summary = s;
        span.first = span.first < 0 ? row : std::min(span.first, row);
        span.last = std::max(span.last, row);
    }
    if (!span.isEmpty())
        emit dataChanged(index(span.first, 0), index(span.last, ColumnCount - 1));
}

void ConsumerGroupModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

const GroupListing* ConsumerGroupModel::listing(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].listing : nullptr;
}

const admin::GroupSummary* ConsumerGroupModel::summary(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].summary ? &*m_rows[row].summary : nullptr;
}

int ConsumerGroupModel::rowOf(const QString& name) const
{
    return m_rowOf.value(name, -1);
}

QList<GroupListing> ConsumerGroupModel::listings() const
{
    QList<GroupListing> out;
    out.reserve(m_rows.size());
    for (const auto& r : m_rows)
        out.append(r.listing);
    return out;
}

int ConsumerGroupModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConsumerGroupModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsumerGroupModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    const GroupListing& g = row.listing;
    const admin::GroupSummary* s = row.summary ? &*row.summary : nullptr;
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return g.name;
        case TypeColumn:
            return g.type;
        case StateColumn:
            return g.state;
        case MembersColumn:
            return s && s->memberCount >= 0 ? QString::number(s->memberCount) : QStringLiteral("…");
        case TopicsColumn:
            return s ? s->topics.join(QStringLiteral(", ")) : QString();
        case LagColumn:
            if (!s)
                return QStringLiteral("…");
            return count(s->totalLag, s->topics.isEmpty() ? QString() : QStringLiteral("unknown"));
        case StatusColumn:
            return s && s->topics.size() ? admin::lagStatusName(s->status) : QString();
        case CoordinatorColumn:
            return g.coordinator >= 0 ? QString::number(g.coordinator) : QString();
        case ProtocolTypeColumn:
            return g.protocolType.value_or(QString());
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case MembersColumn:
            return qint64(s ? s->memberCount : -1);
        case LagColumn:
            return qint64(s && s->totalLag ? *s->totalLag : -1);
        case StatusColumn:
            return qint64(s && s->topics.size() ? int(s->status) : -1);
        case CoordinatorColumn:
            return qint64(g.coordinator);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        return columnAlignment(kGroupColumns, index.column());
    case Qt::ToolTipRole:
        if (s && !s->error.isEmpty())
            return s->error;
        if (column == StatusColumn && s && s->topics.size())
            return statusTip(s->status);
        if (column == LagColumn && s && !s->totalLag && !s->topics.isEmpty())
            return QStringLiteral("No partition of this group has both a committed offset and a known log end offset.");
        break;
    case GroupNameRole:
        return g.name;
    case GroupTypeRole:
        return g.type;
    case StatusRole:
        return s && s->topics.size() ? int(s->status) : -1;
    }
    return {};
}

QVariant ConsumerGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kGroupColumns, section, orientation, role);
}

// ---- GroupMemberModel ----

GroupMemberModel::GroupMemberModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

QString GroupMemberModel::assignmentText(const QList<TopicPartitionRef>& partitions)
{
    QMap<QString, QList<int32_t>> byTopic;
    for (const auto& tp : partitions)
        byTopic[tp.topic].append(tp.partition);
    QStringList parts;
    for (auto it = byTopic.begin(); it != byTopic.end(); ++it) {
        QList<int32_t> ps = it.value();
        std::sort(ps.begin(), ps.end());
        QStringList ranges;
        for (qsizetype i = 0; i < ps.size();) {
            qsizetype j = i;
            while (j + 1 < ps.size() && ps[j + 1] == ps[j] + 1)
                ++j;
            ranges << (j > i + 1 ? QStringLiteral("%1-%2").arg(ps[i]).arg(ps[j])
                    : j == i + 1 ? QStringLiteral("%1, %2").arg(ps[i]).arg(ps[j])
                                 : QString::number(ps[i]));
            i = j + 1;
        }
        parts << it.key() + QStringLiteral(": ") + ranges.join(QStringLiteral(", "));
    }
    return parts.join(QStringLiteral("; "));
}

void GroupMemberModel::setGroup(const GroupDescription& group)
{
    QList<GroupMember> members = group.members;
    std::sort(members.begin(), members.end(), [](const GroupMember& a, const GroupMember& b) {
        return a.clientId != b.clientId ? a.clientId < b.clientId : a.memberId < b.memberId;
    });
    const bool same = std::equal(members.begin(), members.end(), m_members.begin(), m_members.end(),
        [](const GroupMember& a, const GroupMember& b) { return a.memberId == b.memberId; });
    if (!same) {
        beginResetModel();
        m_members = std::move(members);
        endResetModel();
        return;
    }
    const RowSpan span = changedRows(members.size(), [&](int row) { return !(members[row] == m_members[row]); });
    m_members = std::move(members);
    if (!span.isEmpty())
        emit dataChanged(index(span.first, 0), index(span.last, ColumnCount - 1));
}

void GroupMemberModel::clear()
{
    if (m_members.isEmpty())
        return;
    beginResetModel();
    m_members.clear();
    endResetModel();
}

const GroupMember* GroupMemberModel::member(int row) const
{
    return row >= 0 && row < m_members.size() ? &m_members[row] : nullptr;
}

int GroupMemberModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int GroupMemberModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupMemberModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GroupMember& m = m_members[index.row()];
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (column) {
        case MemberIdColumn:
            return m.memberId;
        case ClientIdColumn:
            return m.clientId;
        case HostColumn:
            return m.host;
        case InstanceIdColumn:
            return m.instanceId.value_or(QString());
        case EpochColumn:
            if (role == SortRole)
                return qint64(m.memberEpoch);
            return m.memberEpoch >= 0 ? QString::number(m.memberEpoch) : QString();
        case AssignmentColumn:
            return assignmentText(m.assignment);
        case TargetColumn:
            return assignmentText(m.targetAssignment);
        case ColumnCount:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        return columnAlignment(kMemberColumns, index.column());
    case Qt::ToolTipRole:
        if (column == TargetColumn && !m.targetAssignment.isEmpty() && m.targetAssignment != m.assignment)
            return QStringLiteral("The member is still reconciling: it owns %1 and is to own %2.")
                .arg(assignmentText(m.assignment), assignmentText(m.targetAssignment));
        if (column == AssignmentColumn && !m.subscribedTopics.isEmpty())
            return QStringLiteral("Subscribed to %1").arg(m.subscribedTopics.join(QStringLiteral(", ")));
        break;
    case MemberIdRole:
        return m.memberId;
    case PartitionsRole: {
        QVariantList out;
        for (const auto& tp : m.assignment)
            out.append(
                QVariantMap { { QStringLiteral("topic"), tp.topic }, { QStringLiteral("partition"), tp.partition } });
        return out;
    }
    }
    return {};
}

QVariant GroupMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kMemberColumns, section, orientation, role);
}

// ---- LagModel ----

LagModel::LagModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void LagModel::setLag(const admin::GroupLag& lag)
{
    const auto& rows = lag.partitions;
    const bool same = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
        [](const admin::PartitionLag& a, const admin::PartitionLag& b) {
            return a.topic == b.topic && a.partition == b.partition;
        });
    if (!same) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    const RowSpan span = changedRows(rows.size(), [&](int row) { return !(rows[row] == m_rows[row]); });
    m_rows = rows;
    if (!span.isEmpty())
        emit dataChanged(index(span.first, 0), index(span.last, ColumnCount - 1));
}

void LagModel::setStatuses(const QHash<TopicPartitionRef, admin::LagStatus>& statuses)
{
    const RowSpan span = changedRows(m_rows.size(), [&](int row) {
        auto& r = m_rows[row];
        const auto it = statuses.find(TopicPartitionRef { r.topic, r.partition });
        if (it == statuses.end() || *it == r.status)
            return false;
        r.status = *it;
        return true;
    });
    if (!span.isEmpty())
        emit dataChanged(index(span.first, StatusColumn), index(span.last, StatusColumn));
}

void LagModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const admin::PartitionLag* LagModel::partition(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int LagModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LagModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LagModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const admin::PartitionLag& p = m_rows[index.row()];
    const auto column = Column(index.column());
    const auto offset = [](int64_t o) { return o >= 0 ? QLocale().toString(qint64(o)) : QStringLiteral("unknown"); };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TopicColumn:
            return p.topic;
        case PartitionColumn:
            return QString::number(p.partition);
        case CommittedColumn:
            return p.committed ? QLocale().toString(qint64(*p.committed)) : QStringLiteral("no offset");
        case LogEndColumn:
            return offset(p.latest);
        case LagColumn:
            if (p.lag)
                return QLocale().toString(qint64(*p.lag));
            return p.committed ? QStringLiteral("unknown") : QStringLiteral("no offset");
        case LastStableColumn:
            return p.lastStableDiffers() ? offset(p.lastStable) : QString();
        case OwnerColumn:
            if (p.memberId.isEmpty())
                return QString();
            return p.clientId.isEmpty() ? p.memberId : p.clientId + QStringLiteral(" (") + p.host + QLatin1Char(')');
        case StatusColumn:
            return admin::lagStatusName(p.status);
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case TopicColumn:
            return p.topic;
        case PartitionColumn:
            return qint64(p.partition);
        case CommittedColumn:
            return qint64(p.committed.value_or(-1));
        case LogEndColumn:
            return qint64(p.latest);
        case LagColumn:
            return qint64(p.lag.value_or(-1));
        case LastStableColumn:
            return qint64(p.lastStableDiffers() ? p.lastStable : -1);
        case OwnerColumn:
            return data(index, Qt::DisplayRole);
        case StatusColumn:
            return qint64(int(p.status));
        case ColumnCount:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        return columnAlignment(kLagColumns, index.column());
    case Qt::DecorationRole:
        if (column == PartitionColumn)
            return partitionColor(p.partition);
        break;
    case Qt::ToolTipRole:
        if (!p.committed && (column == CommittedColumn || column == LagColumn))
            return p.noOffsetExplanation();
        if (column == StatusColumn)
            return statusTip(p.status);
        if (column == LogEndColumn && !p.error.isEmpty())
            return p.error;
        if (column == LastStableColumn && p.lastStableDiffers())
            return QStringLiteral("Open transactions: a read_committed consumer sees up to %1, %2 records before the "
                                  "log end.")
                .arg(p.lastStable)
                .arg(p.latest - p.lastStable);
        if (column == OwnerColumn && !p.memberId.isEmpty())
            return p.memberId;
        break;
    case TopicRole:
        return p.topic;
    case PartitionRole:
        return p.partition;
    case StatusRole:
        return int(p.status);
    }
    return {};
}

QVariant LagModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kLagColumns, section, orientation, role);
}

} // namespace kafscope
