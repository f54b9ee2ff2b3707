#pragma once
// The group playground window (issue #8): pick a topic, an assignor and a group, start N members, add or stop
// members and watch each rebalance move partitions (members x partitions in the partition colours, and a log of
// what moved), with the group's lag per partition sampled every few seconds. The consumers come from the Cluster
// (createPlayground): the window never creates librdkafka objects.
#include "kafka/playground.h"

#include <QDialog>
#include <memory>

class QTimer;
namespace Ui {
class PlaygroundDialog;
}

namespace kafscope {

class Cluster;
class LagModel;
class PlaygroundMemberModel;

class PlaygroundDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlaygroundDialog(Cluster* cluster, QWidget* parent = nullptr);
    ~PlaygroundDialog() override;

    PlaygroundInterface* playground() const { return m_playground; }
    PlaygroundMemberModel* memberModel() const { return m_memberModel; }
    LagModel* lagModel() const { return m_lagModel; }
    QString problemText() const; // empty while the assignment looks right
    QString summaryText() const;
    QStringList logLines() const;
    void setTopic(const QString& topic);
    void setAssignor(const QString& assignor);
    void setMemberCount(int count);
    void setSettleTime(qint64 ms) { m_check.setSettleMs(ms); } // how long an unsettled assignment is tolerated

public slots:
    void start(); // (re)starts the playground with the chosen settings
    void addMember();
    void stopMember(int id);
    void stopAll();

private:
    void onMemberChanged(const PlaygroundMember& member);
    void settle(); // after a quiet moment: log what the rebalance moved
    void pollLag();
    void check();
    void updateSummary();
    void log(const QString& line);

    std::unique_ptr<Ui::PlaygroundDialog> m_ui;
    Cluster* m_cluster;
    PlaygroundInterface* m_playground = nullptr;
    PlaygroundMemberModel* m_memberModel;
    LagModel* m_lagModel;
    QTimer* m_settle;
    QTimer* m_lagTimer;
    QTimer* m_checkTimer;
    AssignmentCheck m_check;
    AssignmentSnapshot m_settled;
    bool m_lagLoading = false;
    quint64 m_lagRequest = 0;
};

} // namespace kafscope
