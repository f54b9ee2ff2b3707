#pragma once
// Delete the oldest records of a topic's partitions (DeleteRecords): per partition its earliest and latest offsets
// and the offset to delete before (typed in the table; empty: leave the partition alone), the records that go,
// a typed-name confirmation, then the new earliest offsets or each partition's Kafka error.
#include "kafka/protocol/apis/cluster.h"

#include <QDialog>
#include <memory>
#include <optional>

class QPushButton;
class QStandardItemModel;
namespace Ui {
class DeleteRecordsDialog;
}

namespace kafscope {

class Cluster;

class DeleteRecordsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { PartitionColumn, EarliestColumn, LatestColumn, BeforeColumn, DeletedColumn, ColumnCount };

    DeleteRecordsDialog(Cluster* cluster, const QString& topic, QWidget* parent = nullptr);
    ~DeleteRecordsDialog() override;

    bool isLoaded() const { return m_loaded; }
    void setBefore(int32_t partition, const QString& offset); // as if typed in the table
    void setConfirmation(const QString& typed);
    std::optional<protocol::DeleteRecordsRequest> request(QString* error) const;
    bool canDelete() const;
    QString message() const;
    QString totalText() const;
    QStandardItemModel* model() const { return m_model; }

public slots:
    void deleteRecords();

signals:
    void recordsDeleted(const QString& topic);

private:
    void update();
    void showMessage(const QString& text, bool error);
    int rowOf(int32_t partition) const;

    std::unique_ptr<Ui::DeleteRecordsDialog> m_ui;
    Cluster* m_cluster;
    QString m_topic;
    QString m_refusal;
    QStandardItemModel* m_model;
    QPushButton* m_deleteButton;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_internal = false;
};

} // namespace kafscope
