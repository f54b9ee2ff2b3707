#pragma once
// Configuration entries of one resource (topic or broker) as returned by DescribeConfigs.

#include "kafka/types.h"

#include <QAbstractTableModel>

namespace kafscope {

class ConfigModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, SourceColumn, DefaultColumn, ReadOnlyColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw value: QString for text (null value: null QString), qint64 for flags
        NameRole, // QString config name, any column
        IsOverriddenRole, // bool, any column
        IsSensitiveRole, // bool, any column
    };

    explicit ConfigModel(QObject* parent = nullptr);

    // Entries are shown sorted by name. A refresh of the same resource with the same names updates in place.
    void setConfigs(const ConfigResourceResult& configs);
    void clear();

    const ConfigResourceResult& configs() const { return m_configs; }
    const ConfigEntry& entry(int row) const; // row must be valid

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ConfigResourceResult m_configs;
};

} // namespace kafscope
