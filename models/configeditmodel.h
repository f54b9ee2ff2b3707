#pragma once
// The configs of one resource with the changes the user has lined up, before anything is sent: every config with its
// value, the new value (set, or back to the default), the value a reset would bring, source and flags. Checks typed
// values against the config's type; read-only configs cannot be changed and only the resource's own values can be
// reset. alterations() is the IncrementalAlterConfigs request body; changeDescriptions() the preview in words.
#include "kafka/protocol/apis/configs.h"
#include "kafka/types.h"

#include <QAbstractTableModel>
#include <QMap>

namespace kafscope {

class ConfigEditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, NewValueColumn, ResetValueColumn, SourceColumn, FlagsColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1, // QString, any column
        ChangedRole, // bool: a change is lined up for this row
        OverriddenRole, // bool: the value is set on this resource (a reset would change it)
    };

    explicit ConfigEditModel(QObject* parent = nullptr);

    // Lined-up changes of configs that still exist are kept (a reload after the user started editing).
    void setConfigs(const ConfigResourceResult& configs);
    const ConfigResourceResult& configs() const { return m_configs; }
    const ConfigEntry& entry(int row) const; // row must be valid
    int rowOf(const QString& name) const; // -1 when absent

    // Each returns why the change cannot be made (nothing lined up then), or empty.
    QString setValue(int row, const QString& value);
    QString reset(int row);
    void undoChange(int row); // drops the change lined up for the row (QAbstractItemModel::revert() is another thing)
    void revertAll();

    bool isEditable(int row) const;
    bool isResettable(int row) const;
    bool hasChanges() const { return !m_changes.isEmpty(); }
    int changeCount() const { return int(m_changes.size()); }
    bool isChanged(int row) const;
    // The changes as IncrementalAlterConfigs operations, sorted by name.
    QList<protocol::AlterableConfig> alterations() const;
    // One line per change: "retention.ms: 604800000 (7 days) → 86400000 (1 day)"; sensitive values never appear.
    QStringList changeDescriptions() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A value typed into the table that was refused, with the reason.
    void editRefused(const QString& name, const QString& reason);
    void changesChanged();

private:
    struct Change
    {
        bool reset = false;
        QString value;
    };
    QString currentText(const ConfigEntry& e) const;
    QString resetText(const ConfigEntry& e) const;
    void rowChanged(int row);

    ConfigResourceResult m_configs;
    ConfigSource m_own = ConfigSource::Unknown;
    QMap<QString, Change> m_changes; // by config name
};

} // namespace kafscope
