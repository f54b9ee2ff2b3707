#pragma once
// Where one key goes under every partitioner, for the producer panel's teaching table: the hash, the partition and
// the arithmetic, with the partitioner the producer will use marked.
#include "kafka/client/partitioners.h"

#include <QAbstractTableModel>

namespace kafscope {

class PredictionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PartitionerColumn, HashColumn, PartitionColumn, HowColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw value: the partitioner's name, the hash, the partition (-1 random), the text
        PartitionRole, // int32, -1 when the producer picks at random
        IsChosenRole, // bool: the partitioner the producer will use
    };

    explicit PredictionModel(QObject* parent = nullptr);

    // partitionCount <= 0 (no such topic) empties the table.
    void setPrediction(const std::optional<QByteArray>& key, int partitionCount, partitioning::Partitioner chosen);
    void clear();
    // The chosen partitioner's row, or nullptr.
    const partitioning::Prediction* chosen() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<partitioning::Prediction> m_rows;
    partitioning::Partitioner m_chosen = partitioning::Partitioner::Murmur2Random;
};

} // namespace kafscope
