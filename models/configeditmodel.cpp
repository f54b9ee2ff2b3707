#include "models/configeditmodel.h"

#include "kafka/admin/configedit.h"
#include "models/columns.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QThread>
#include <algorithm>

namespace kafscope {

namespace {

const std::array<ColumnSpec, ConfigEditModel::ColumnCount> kColumns { {
    ColumnSpec { "Name", "Configuration key; its documentation is in the tooltip" }, // NameColumn
    ColumnSpec { "Value", "The value in force now; sensitive values are never sent by the broker" }, // ValueColumn
    ColumnSpec { "New value", "The change lined up (double-click to edit); nothing is sent until Apply" },
    ColumnSpec { "Default", "The value in force once this resource's own value is deleted" }, // ResetValueColumn
    ColumnSpec { "Source", "Where the value in force comes from" }, // SourceColumn
    ColumnSpec { "Flags", "read-only: cannot be changed while the broker runs; sensitive: a secret" }, // FlagsColumn
} };

const QString kHidden = QStringLiteral("(sensitive)");

QString withMeaning(const QString& name, const QString& value)
{
    const auto meaning = admin::describeConfigValue(name, value);
    return meaning.isEmpty() ? value : QStringLiteral("%1 (%2)").arg(value, meaning);
}

QString toolTip(const ConfigEntry& e)
{
    QString tip;
    if (!e.documentation.isEmpty())
        tip += QStringLiteral("<p>%1</p>").arg(e.documentation.toHtmlEscaped());
    if (e.readOnly)
        tip += QStringLiteral("<p><b>Read-only</b>: the broker does not change it while running (it is set in "
                              "server.properties).</p>");
    if (e.isSensitive)
        tip += QStringLiteral("<p><b>Sensitive</b>: the broker never sends its value; a new one can be set.</p>");
    return tip;
}

} // namespace

ConfigEditModel::ConfigEditModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ConfigEditModel::setConfigs(const ConfigResourceResult& configs)
{
    Q_ASSERT(thread() == QThread::currentThread());
    beginResetModel();
    m_configs = configs;
    std::stable_sort(m_configs.entries.begin(), m_configs.entries.end(),
        [](const ConfigEntry& a, const ConfigEntry& b) { return a.name < b.name; });
    m_own = admin::ownSource(configs.type, configs.name);
    for (auto it = m_changes.begin(); it != m_changes.end();) {
        const int row = rowOf(it.key());
        if (row < 0 || !isEditable(row) || (it->reset && !isResettable(row)))
            it = m_changes.erase(it);
        else
            ++it;
    }
    endResetModel();
    emit changesChanged();
}

const ConfigEntry& ConfigEditModel::entry(int row) const
{
    Q_ASSERT(row >= 0 && row < m_configs.entries.size());
    return m_configs.entries[row];
}

int ConfigEditModel::rowOf(const QString& name) const
{
    const auto it = std::lower_bound(m_configs.entries.begin(), m_configs.entries.end(), name,
        [](const ConfigEntry& e, const QString& n) { return e.name < n; });
    return it != m_configs.entries.end() && it->name == name ? int(it - m_configs.entries.begin()) : -1;
}

bool ConfigEditModel::isEditable(int row) const
{
    return row >= 0 && row < m_configs.entries.size() && !m_configs.entries[row].readOnly
        && m_own != ConfigSource::Unknown;
}

bool ConfigEditModel::isResettable(int row) const
{
    return row >= 0 && row < m_configs.entries.size() && admin::canReset(m_configs.entries[row], m_own);
}

bool ConfigEditModel::isChanged(int row) const
{
    return row >= 0 && row < m_configs.entries.size() && m_changes.contains(m_configs.entries[row].name);
}

QString ConfigEditModel::setValue(int row, const QString& value)
{
    if (row < 0 || row >= m_configs.entries.size())
        return QStringLiteral("No such config.");
    const auto& e = m_configs.entries[row];
    if (!isEditable(row))
        return QStringLiteral("%1 is read-only: the broker takes it from server.properties at start.").arg(e.name);
    if (auto error = admin::checkConfigValue(e, value); !error.isEmpty())
        return error;
    const QString v = e.configType == 7 || e.isSensitive ? value : value.trimmed(); // lists keep their spacing
    if (!e.isSensitive && !e.valueIsNull && v == e.value && e.source == m_own)
        m_changes.remove(e.name); // back to what it is: nothing to send
    else
        m_changes.insert(e.name, { false, v });
    rowChanged(row);
    return {};
}

QString ConfigEditModel::reset(int row)
{
    if (row < 0 || row >= m_configs.entries.size())
        return QStringLiteral("No such config.");
    const auto& e = m_configs.entries[row];
    if (e.readOnly)
        return QStringLiteral("%1 is read-only: the broker takes it from server.properties at start.").arg(e.name);
    if (!isResettable(row)) {
        // Nothing set here to delete; a value only lined up is simply dropped.
        if (m_changes.remove(e.name) > 0) {
            rowChanged(row);
            return {};
        }
        return QStringLiteral("%1 is not set on this %2 (its value comes from %3): it is already the default.")
            .arg(e.name,
                m_configs.type == ConfigResourceType::Topic ? QStringLiteral("topic")
                    : m_configs.name.isEmpty()              ? QStringLiteral("cluster")
                                                            : QStringLiteral("broker"),
                configSourceName(e.source));
    }
    m_changes.insert(e.name, { true, {} });
    rowChanged(row);
    return {};
}

void ConfigEditModel::undoChange(int row)
{
    if (row >= 0 && row < m_configs.entries.size() && m_changes.remove(m_configs.entries[row].name) > 0)
        rowChanged(row);
}

void ConfigEditModel::revertAll()
{
    if (m_changes.isEmpty())
        return;
    m_changes.clear();
    if (!m_configs.entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit changesChanged();
}

void ConfigEditModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit changesChanged();
}

QList<protocol::AlterableConfig> ConfigEditModel::alterations() const
{
    QList<protocol::AlterableConfig> result;
    for (auto it = m_changes.cbegin(); it != m_changes.cend(); ++it) {
        if (it->reset)
            result.append({ it.key(), protocol::ConfigOperation::Delete, std::nullopt });
        else
            result.append({ it.key(), protocol::ConfigOperation::Set, it->value });
    }
    return result;
}

QString ConfigEditModel::currentText(const ConfigEntry& e) const
{
    if (e.isSensitive)
        return kHidden;
    if (e.valueIsNull)
        return QStringLiteral("(none)");
    return withMeaning(e.name, e.value);
}

QString ConfigEditModel::resetText(const ConfigEntry& e) const
{
    const auto after = admin::valueAfterReset(e, m_own);
    if (!after)
        return QStringLiteral("the default");
    if (e.isSensitive)
        return kHidden;
    if (after->valueIsNull)
        return QStringLiteral("(none, %1)").arg(configSourceName(after->source));
    return withMeaning(after->name, after->value); // log.retention.hours is in hours, not in retention.ms's unit
}

QStringList ConfigEditModel::changeDescriptions() const
{
    QStringList lines;
    for (auto it = m_changes.cbegin(); it != m_changes.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row < 0)
            continue;
        const auto& e = m_configs.entries[row];
        const QString now = currentText(e);
        if (it->reset)
            lines.append(QStringLiteral("%1: %2 → back to %3").arg(e.name, now, resetText(e)));
        else if (e.isSensitive)
            lines.append(QStringLiteral("%1: set a new value (sensitive, not shown)").arg(e.name));
        else
            lines.append(QStringLiteral("%1: %2 → %3").arg(e.name, now, withMeaning(e.name, it->value)));
    }
    return lines;
}

int ConfigEditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_configs.entries.size());
}

int ConfigEditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigEditModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConfigEntry& e = m_configs.entries[index.row()];
    const auto change = m_changes.constFind(e.name);
    const bool changed = change != m_changes.cend();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return e.name;
        case ValueColumn:
            return currentText(e);
        case NewValueColumn:
            if (!changed)
                return QString();
            if (change->reset)
                return QStringLiteral("→ default: %1").arg(resetText(e));
            return e.isSensitive ? QStringLiteral("→ (new sensitive value)")
                                 : QStringLiteral("→ %1").arg(withMeaning(e.name, change->value));
        case ResetValueColumn:
            return e.source == m_own ? resetText(e) : QString();
        case SourceColumn:
            return configSourceName(e.source);
        case FlagsColumn: {
            QStringList flags;
            if (e.readOnly)
                flags.append(QStringLiteral("read-only"));
            if (e.isSensitive)
                flags.append(QStringLiteral("sensitive"));
            return flags.join(QStringLiteral(", "));
        }
        case ColumnCount:
            break;
        }
        break;
    case Qt::EditRole:
        if (index.column() == NewValueColumn) {
            if (changed && !change->reset && !e.isSensitive)
                return change->value;
            return e.isSensitive || e.valueIsNull ? QString() : e.value;
        }
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(e);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::FontRole:
        if (changed || e.source == m_own) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (e.readOnly)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (changed && index.column() == NewValueColumn)
            return QColor(0x1a, 0x73, 0xe8);
        break;
    case NameRole:
        return e.name;
    case ChangedRole:
        return changed;
    case OverriddenRole:
        return e.source == m_own;
    default:
        break;
    }
    return {};
}

bool ConfigEditModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != NewValueColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString error = setValue(index.row(), value.toString());
    if (!error.isEmpty()) {
        emit editRefused(m_configs.entries[index.row()].name, error);
        return false;
    }
    return true;
}

Qt::ItemFlags ConfigEditModel::flags(const QModelIndex& index) const
{
    auto f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NewValueColumn && isEditable(index.row()))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ConfigEditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
