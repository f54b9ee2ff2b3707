#pragma once
// The general reassignment view (Brokers page), on the same planner as the Replication dialog: move every replica off
// a broker (before decommissioning it), rebalance a topic, or edit a plan by hand; plans are Kafka's reassignment JSON
// (imported, exported, edited in place), checked against the cluster and previewed before anything is sent, then run
// with an optional throttle, a progress bar and cancel (ReassignmentRunner). It also shows the reassignments running
// in the cluster and, when none runs, a throttle left behind, with a button that removes it.
#include "kafka/admin/planner.h"
#include "kafka/reassignmentrunner.h"

#include <QDialog>
#include <memory>

class QPushButton;
class QStandardItemModel;
class QTimer;
namespace Ui {
class ReassignmentDialog;
}

namespace kafscope {

class Cluster;

class ReassignmentDialog : public QDialog
{
    Q_OBJECT
public:
    enum Goal { RemoveBroker, RebalanceTopic, ByHand };

    explicit ReassignmentDialog(Cluster* cluster, QWidget* parent = nullptr);
    ~ReassignmentDialog() override;

    // As a user would: choose the goal and its broker or topic, press Plan; edit or import the JSON; press Check.
    void setGoal(Goal goal, const QString& target);
    void makePlan();
    void setJson(const QString& json);
    QString json() const;
    bool checkPlan();
    void setThrottle(bool on, const QString& megabytesPerSecond = {});
    const admin::Plan& plan() const { return m_plan; }
    bool canStart() const;
    ReassignmentRunner::Phase phase() const { return m_runner->phase(); }
    QString message() const;
    QString summaryText() const;
    QString runningText() const;
    bool leftoverThrottleShown() const;

public slots:
    void start();
    void cancelReassignment();
    void removeLeftoverThrottle();
    void refreshRunning();

private:
    void fillTargets();
    void showPlan();
    void updateButtons();
    void showMessage(const QString& text, bool error);
    void importFile();
    void exportFile();

    std::unique_ptr<Ui::ReassignmentDialog> m_ui;
    Cluster* m_cluster;
    admin::Plan m_plan;
    bool m_checked = false; // m_plan is the check of the JSON as it is now
    QStandardItemModel* m_model;
    ReassignmentRunner* m_runner;
    QPushButton* m_startButton;
    QPushButton* m_cancelButton;
    QTimer* m_runningTimer;
    admin::LeftoverThrottle m_leftover;
    QString m_refusal;
};

} // namespace kafscope
