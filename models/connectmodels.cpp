#include "models/connectmodels.h"

#include <QColor>
#include <QSet>
#include <algorithm>

namespace kafscope {

namespace {

constexpr std::array<ColumnSpec, ConnectClusterModel::ColumnCount> kClusterColumns { {
    { "Worker", "The REST URL asked (one worker of the Connect cluster)" },
    { "Status", "Whether the worker answered the last refresh, and if not, why" },
    { "Version", "Kafka Connect's version on that worker" },
    { "Kafka cluster", "The id of the Kafka cluster this Connect cluster keeps its configs, offsets and status in" },
    { "Workers", "The workers that run this Connect cluster's connectors and tasks (from their statuses)" },
    { "Connectors", "How many connectors the Connect cluster runs", kNumberAlignment },
} };

constexpr std::array<ColumnSpec, ConnectorModel::ColumnCount> kConnectorColumns { {
    { "Connector", "The connector's name" },
    { "Type", "source: brings data into Kafka; sink: sends topics to another system" },
    { "State", "The connector's own state: RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED or RESTARTING" },
    { "Tasks", "Its tasks: how many run, and how many failed" },
    { "Worker", "The worker running the connector itself" },
    { "Class", "The connector plugin" },
    { "Connect cluster", "The Connect cluster (the worker URL it was listed from)" },
} };

constexpr std::array<ColumnSpec, ConnectTaskModel::ColumnCount> kTaskColumns { {
    { "Task", "\"connector\": the connector itself; a number: one of its tasks" },
    { "State", "RUNNING, PAUSED, FAILED, UNASSIGNED or RESTARTING" },
    { "Worker", "The worker it runs on" },
    { "Error", "Why it failed, in one line (the full trace below)" },
} };

QString shortClass(const QString& className)
{
    return className.section(QLatin1Char('.'), -1);
}

} // namespace

// --- ConnectClusterModel ---

ConnectClusterModel::ConnectClusterModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ConnectClusterModel::setUrls(const QStringList& urls)
{
    QList<ConnectClusterRow> next;
    for (const auto& url : urls) {
        const int old = rowOf(url);
        next << (old >= 0 ? m_rows[old] : ConnectClusterRow { url, std::nullopt, {}, {}, -1, {} });
    }
    if (next == m_rows)
        return;
    beginResetModel();
    m_rows = std::move(next);
    endResetModel();
}

void ConnectClusterModel::setRow(const ConnectClusterRow& row)
{
    const int r = rowOf(row.url);
    if (r < 0 || m_rows[r] == row)
        return;
    m_rows[r] = row;
    emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

const ConnectClusterRow* ConnectClusterModel::row(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ConnectClusterModel::rowOf(const QString& url) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].url == url)
            return i;
    }
    return -1;
}

int ConnectClusterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectClusterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectClusterModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectClusterRow& r = m_rows[index.row()];
    if (role == Qt::TextAlignmentRole)
        return columnAlignment(kClusterColumns, index.column());
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return QColor(!r.error.isEmpty() ? QStringLiteral("#c5221f")
                : !r.note.isEmpty()      ? QStringLiteral("#b06000")
                                         : QStringLiteral("#1e8e3e"));
    if (role == Qt::ToolTipRole && index.column() == StatusColumn)
        return !r.error.isEmpty() ? r.error : r.note;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case UrlColumn:
        return r.url;
    case StatusColumn:
        if (!r.error.isEmpty())
            return r.info ? QStringLiteral("Not answering (last known data shown)") : QStringLiteral("Not answering");
        if (!r.info)
            return QStringLiteral("Asking…");
        return r.note.isEmpty() ? QStringLiteral("OK") : r.note;
    case VersionColumn:
        return r.info ? r.info->version : QString();
    case KafkaClusterColumn:
        return r.info ? r.info->kafkaClusterId : QString();
    case WorkersColumn:
        return r.workers.join(QStringLiteral(", "));
    case ConnectorsColumn:
        return r.connectors < 0 ? QVariant() : QVariant(r.connectors);
    default:
        return {};
    }
}

QVariant ConnectClusterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kClusterColumns, section, orientation, role);
}

// --- ConnectorModel ---

ConnectorModel::ConnectorModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

namespace {
bool keyLess(const ConnectorRow& a, const ConnectorRow& b)
{
    return std::tie(a.cluster, a.info.name) < std::tie(b.cluster, b.info.name);
}
bool sameKey(const ConnectorRow& a, const ConnectorRow& b)
{
    return a.cluster == b.cluster && a.info.name == b.info.name;
}
} // namespace

void ConnectorModel::merge(QList<ConnectorRow> next)
{
    std::sort(next.begin(), next.end(), keyLess);
    // Rows that went, from the end (so the rows before keep their numbers).
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        const bool kept = std::binary_search(next.begin(), next.end(), m_rows[r], keyLess);
        if (kept)
            continue;
        beginRemoveRows({}, r, r);
        m_rows.removeAt(r);
        endRemoveRows();
    }
    // m_rows is now a sorted subsequence of next: insert what is new where it belongs.
    for (int r = 0; r < next.size(); ++r) {
        if (r < m_rows.size() && sameKey(m_rows[r], next[r]))
            continue;
        beginInsertRows({}, r, r);
        m_rows.insert(r, next[r]);
        endInsertRows();
    }
    const RowSpan span = changedRows(next.size(), [&](int r) { return !(m_rows[r] == next[r]); });
    m_rows = std::move(next);
    if (!span.isEmpty())
        emit dataChanged(index(span.first, 0), index(span.last, ColumnCount - 1));
}

void ConnectorModel::setConnectors(const QString& cluster, const QList<connect::ConnectorInfo>& connectors)
{
    QList<ConnectorRow> next;
    for (const auto& r : m_rows) {
        if (r.cluster != cluster)
            next << r;
    }
    for (const auto& c : connectors)
        next << ConnectorRow { cluster, c, false };
    merge(std::move(next));
}

void ConnectorModel::setStale(const QString& cluster, bool stale)
{
    QList<ConnectorRow> next = m_rows;
    for (auto& r : next) {
        if (r.cluster == cluster)
            r.stale = stale;
    }
    merge(std::move(next));
}

void ConnectorModel::keepClusters(const QStringList& clusters)
{
    QList<ConnectorRow> next;
    for (const auto& r : m_rows) {
        if (clusters.contains(r.cluster))
            next << r;
    }
    merge(std::move(next));
}

void ConnectorModel::clear()
{
    merge({});
}

const ConnectorRow* ConnectorModel::row(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ConnectorModel::rowOf(const QString& cluster, const QString& name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].cluster == cluster && m_rows[i].info.name == name)
            return i;
    }
    return -1;
}

int ConnectorModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectorModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectorModel::tasksText(const connect::ConnectorInfo& info)
{
    const auto n = info.tasks.size();
    if (n == 0)
        return QStringLiteral("no tasks");
    const int failed = info.failedTasks();
    const int running = info.runningTasks();
    if (failed > 0)
        return QStringLiteral("%1 of %2 failed").arg(failed).arg(n);
    return QStringLiteral("%1/%2 running").arg(running).arg(n);
}

QColor ConnectorModel::stateColor(const QString& state)
{
    if (state == QLatin1String("RUNNING"))
        return QColor(QStringLiteral("#1e8e3e"));
    if (state == QLatin1String("FAILED"))
        return QColor(QStringLiteral("#c5221f"));
    if (state == QLatin1String("PAUSED") || state == QLatin1String("STOPPED"))
        return QColor(QStringLiteral("#b06000"));
    return QColor(QStringLiteral("#5f6368"));
}

QVariant ConnectorModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectorRow& r = m_rows[index.row()];
    const connect::ConnectorInfo& c = r.info;
    switch (role) {
    case NameRole:
        return c.name;
    case ClusterRole:
        return r.cluster;
    case StateRole:
        return c.state;
    case FilterRole:
        return QStringList { c.name, c.type, c.state, c.config.value(QStringLiteral("connector.class")), r.cluster }
            .join(QLatin1Char(' '));
    case Qt::TextAlignmentRole:
        return columnAlignment(kConnectorColumns, index.column());
    case Qt::ForegroundRole:
        if (r.stale)
            return QColor(QStringLiteral("#80868b"));
        if (index.column() == StateColumn)
            return stateColor(c.state);
        if (index.column() == TasksColumn && c.failedTasks() > 0)
            return stateColor(QStringLiteral("FAILED"));
        return {};
    case Qt::ToolTipRole: {
        if (r.stale)
            return QStringLiteral("Last known state: the worker %1 did not answer the last refresh.").arg(r.cluster);
        if (index.column() == TasksColumn) {
            QStringList lines;
            for (const auto& t : c.tasks)
                lines << QStringLiteral("Task %1: %2 on %3").arg(t.id).arg(t.state, t.workerId);
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == ClassColumn)
            return c.config.value(QStringLiteral("connector.class"));
        if (index.column() == StateColumn && !c.trace.isEmpty())
            return connect::traceSummary(c.trace);
        return {};
    }
    case SortRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return c.name;
    case TypeColumn:
        return c.type;
    case StateColumn:
        return r.stale && role == Qt::DisplayRole ? c.state + QStringLiteral(" (last known)") : c.state;
    case TasksColumn:
        return role == SortRole ? QVariant(c.failedTasks() * 1000 - c.runningTasks()) : QVariant(tasksText(c));
    case WorkerColumn:
        return c.workerId;
    case ClassColumn:
        return shortClass(c.config.value(QStringLiteral("connector.class")));
    case ClusterColumn:
        return r.cluster;
    default:
        return {};
    }
}

QVariant ConnectorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kConnectorColumns, section, orientation, role);
}

// --- ConnectTaskModel ---

ConnectTaskModel::ConnectTaskModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ConnectTaskModel::setConnector(const std::optional<connect::ConnectorInfo>& connector)
{
    QList<Row> next;
    if (connector) {
        next << Row { -1, connector->state, connector->workerId, connector->trace };
        for (const auto& t : connector->tasks)
            next << Row { t.id, t.state, t.workerId, t.trace };
    }
    if (next == m_rows)
        return;
    if (next.size() == m_rows.size()) {
        m_rows = std::move(next);
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(next);
    endResetModel();
}

int ConnectTaskModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectTaskModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ConnectTaskModel::taskId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : -1;
}

QVariant ConnectTaskModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[index.row()];
    switch (role) {
    case TraceRole:
        return r.trace;
    case Qt::TextAlignmentRole:
        return columnAlignment(kTaskColumns, index.column());
    case Qt::ForegroundRole:
        return index.column() == StateColumn ? QVariant(ConnectorModel::stateColor(r.state)) : QVariant();
    case Qt::ToolTipRole:
        return index.column() == ErrorColumn && !r.trace.isEmpty() ? QVariant(connect::traceSummary(r.trace))
                                                                   : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return r.id < 0 ? QStringLiteral("connector") : QString::number(r.id);
        case StateColumn:
            return r.state;
        case WorkerColumn:
            return r.worker;
        case ErrorColumn:
            return connect::traceSummary(r.trace);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ConnectTaskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kTaskColumns, section, orientation, role);
}

} // namespace kafscope
