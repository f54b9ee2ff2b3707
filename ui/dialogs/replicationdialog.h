#pragma once
// Change a topic's replication factor through a reassignment: the planner's plan (old -> new replicas per partition,
// copies next to the minimum, preferred-leader changes, rack warnings) and the bytes to copy (the leaders' sizes from
// DescribeLogDirs), an optional replication throttle (set on the plan's brokers and topic, removed when the
// reassignment ends), then AlterPartitionReassignments, followed with ListPartitionReassignments and a progress bar
// until done; it can be cancelled (the partitions keep their old replicas). Errors carry their Kafka error names.
#include "kafka/admin/planner.h"
#include "kafka/reassignmentrunner.h"

#include <QDialog>
#include <QHash>
#include <memory>

class QPushButton;
class QStandardItemModel;
namespace Ui {
class ReplicationDialog;
}

namespace kafscope {

class Cluster;

class ReplicationDialog : public QDialog
{
    Q_OBJECT
public:
    using Phase = ReassignmentRunner::Phase; // Idle while planning

    ReplicationDialog(Cluster* cluster, const QString& topic, QWidget* parent = nullptr);
    ~ReplicationDialog() override;

    void setReplicationFactor(int rf); // as if typed
    void setThrottle(bool on, const QString& megabytesPerSecond = {});
    const admin::Plan& plan() const { return m_plan; }
    bool canStart() const;
    bool canCancel() const;
    Phase phase() const { return m_runner->phase(); }
    QString message() const;
    QString summaryText() const;
    QStandardItemModel* planModel() const { return m_model; }
    int progress() const; // partitions done

public slots:
    void start();
    void cancelReassignment();

signals:
    void replicationChanged(const QString& topic);

private:
    void replan();
    void updateButtons();
    void showMessage(const QString& text, bool error);
    std::optional<qint64> throttleRate(QString* error) const;

    std::unique_ptr<Ui::ReplicationDialog> m_ui;
    Cluster* m_cluster;
    QString m_topic;
    int m_current = 0;
    admin::Plan m_plan;
    QStandardItemModel* m_model;
    QHash<int32_t, qint64> m_sizes; // bytes of each partition on its leader
    QPushButton* m_startButton;
    QPushButton* m_cancelButton;
    ReassignmentRunner* m_runner;
    QString m_refusal;
};

} // namespace kafscope
