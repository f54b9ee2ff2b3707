#pragma once
// The preview of an offset reset (admin::ResetPlan): per partition the committed offset now, the new one, the
// partition's earliest and latest offsets and the lag the reset leaves, with why a value was clamped. Each row is
// checkable (the partitions to reset); unchecked rows stay as they are.
#include "kafka/admin/offsetreset.h"

#include <QAbstractTableModel>
#include <QSet>

namespace kafscope {

class ResetPlanModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TopicColumn, // checkable: reset this partition
        PartitionColumn,
        OldColumn,
        NewColumn,
        EarliestColumn,
        LatestColumn,
        LagColumn,
        NoteColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // qint64 numbers (-1 none or unknown), QString text
        TopicRole,
        PartitionRole,
        ChangesRole, // bool: the row is checked and its offset moves
    };
    explicit ResetPlanModel(QObject* parent = nullptr);

    // The same partitions: updated in place (the checks stay); otherwise a reset (every row checked).
    void setPlan(const admin::ResetPlan& plan);
    void clear();
    const admin::ResetRow* row(int row) const;
    const admin::ResetPlan& plan() const { return m_plan; }
    // The partitions checked, in row order.
    QList<TopicPartitionRef> checkedPartitions() const;
    void setChecked(const TopicPartitionRef& partition, bool checked);
    void setAllChecked(bool checked);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void checkedChanged();

private:
    bool isChecked(const admin::ResetRow& r) const { return !m_unchecked.contains({ r.topic, r.partition }); }

    admin::ResetPlan m_plan;
    QSet<TopicPartitionRef> m_unchecked;
};

} // namespace kafscope
