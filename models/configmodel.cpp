#include "models/configmodel.h"

#include "models/columns.h"

#include <QFont>
#include <QStringList>
#include <QThread>
#include <algorithm>
#include <utility>

namespace kafscope {

namespace {
const std::array<ColumnSpec, ConfigModel::ColumnCount> kColumns { {
    ColumnSpec { "Name", "Configuration key" }, // NameColumn
    ColumnSpec { "Value", "Effective value; sensitive values are never sent by the broker" }, // ValueColumn
    ColumnSpec { "Source", "Where the effective value comes from" }, // SourceColumn
    ColumnSpec {
        "Default", "Whether the value is the default or overridden (overridden rows are bold)" }, // DefaultColumn
    ColumnSpec { "Read-only", "Read-only configs cannot be changed at runtime" }, // ReadOnlyColumn
} };
} // namespace

namespace {

QString valueText(const QString& value, bool isNull, bool isSensitive)
{
    if (isSensitive)
        return QStringLiteral("(sensitive)");
    if (isNull)
        return QStringLiteral("(null)");
    return value;
}

// Rich text so that Qt wraps long documentation instead of showing one screen-wide line.
QString toolTip(const ConfigEntry& entry)
{
    QStringList parts;
    if (!entry.documentation.isEmpty())
        parts.append(QStringLiteral("<p>%1</p>").arg(entry.documentation.toHtmlEscaped()));
    if (!entry.synonyms.isEmpty()) {
        QStringList lines;
        for (const auto& synonym : entry.synonyms) {
            lines.append(QStringLiteral("%1 = %2 (%3)")
                             .arg(synonym.name, valueText(synonym.value, synonym.valueIsNull, entry.isSensitive),
                                 configSourceName(synonym.source))
                             .toHtmlEscaped());
        }
        parts.append(QStringLiteral("<p><b>Synonyms</b> (highest precedence first)<br/>%1</p>")
                         .arg(lines.join(QStringLiteral("<br/>"))));
    }
    return parts.join(QString());
}

} // namespace

ConfigModel::ConfigModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ConfigModel::setConfigs(const ConfigResourceResult& configs)
{
    Q_ASSERT(thread() == QThread::currentThread());

    ConfigResourceResult sorted = configs;
    std::stable_sort(sorted.entries.begin(), sorted.entries.end(),
        [](const ConfigEntry& a, const ConfigEntry& b) { return a.name < b.name; });

    const bool sameEntries = sorted.type == m_configs.type && sorted.name == m_configs.name
        && std::equal(sorted.entries.begin(), sorted.entries.end(), m_configs.entries.begin(), m_configs.entries.end(),
            [](const ConfigEntry& a, const ConfigEntry& b) { return a.name == b.name; });
    if (!sameEntries) {
        beginResetModel();
        m_configs = std::move(sorted);
        endResetModel();
        return;
    }
    const ConfigResourceResult previous = std::exchange(m_configs, std::move(sorted));
    const auto span = changedRows(
        m_configs.entries.size(), [&](int row) { return !(m_configs.entries[row] == previous.entries[row]); });
    if (!span.isEmpty())
        emit dataChanged(index(span.first, 0), index(span.last, ColumnCount - 1));
}

void ConfigModel::clear()
{
    Q_ASSERT(thread() == QThread::currentThread());
    beginResetModel();
    m_configs = {};
    endResetModel();
}

const ConfigEntry& ConfigModel::entry(int row) const
{
    Q_ASSERT(row >= 0 && row < m_configs.entries.size());
    return m_configs.entries[row];
}

int ConfigModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_configs.entries.size());
}

int ConfigModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConfigEntry& e = m_configs.entries[index.row()];

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return e.name;
        case ValueColumn:
            return valueText(e.value, e.valueIsNull, e.isSensitive);
        case SourceColumn:
            return configSourceName(e.source);
        case DefaultColumn:
            return e.isDefault ? QStringLiteral("default") : QStringLiteral("overridden");
        case ReadOnlyColumn:
            return e.readOnly ? QStringLiteral("read-only") : QString();
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case NameColumn:
            return e.name;
        case ValueColumn:
            return e.isSensitive || e.valueIsNull ? QString() : e.value;
        case SourceColumn:
            return qint64(e.source);
        case DefaultColumn:
            return qint64(e.isDefault ? 0 : 1);
        case ReadOnlyColumn:
            return qint64(e.readOnly ? 1 : 0);
        case ColumnCount:
            break;
        }
        break;
    case Qt::FontRole:
        if (!e.isDefault) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ToolTipRole: {
        const QString tip = toolTip(e);
        if (!tip.isEmpty())
            return tip;
        break;
    }
    case NameRole:
        return e.name;
    case IsOverriddenRole:
        return !e.isDefault;
    case IsSensitiveRole:
        return e.isSensitive;
    }
    return {};
}

QVariant ConfigModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnHeader(kColumns, section, orientation, role);
}

} // namespace kafscope
