#pragma once
// Runs a reassignment plan through the Cluster interface and follows it to its end, for every dialog that moves
// replicas: the throttle first (when asked: rates on the plan's brokers, replica lists on its topics), then
// AlterPartitionReassignments, then ListPartitionReassignments every second until none of the plan's partitions moves;
// cancel sends null replicas (the partitions go back). Whoever sees the end removes the throttle: here, the runner.
// Nothing waits; every answer arrives as a signal in the owner's thread.
#include "kafka/admin/planner.h"

#include <QObject>
#include <functional>

class QTimer;

namespace kafscope {

class Cluster;

class ReassignmentRunner : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, Throttling, Starting, Moving, Cancelling, Cleaning, Done, Cancelled, Failed };
    Q_ENUM(Phase)

    explicit ReassignmentRunner(Cluster* cluster, QObject* parent = nullptr);

    // bytesPerSecond <= 0: no throttle. Ignored unless Idle or ended.
    void start(const admin::Plan& plan, qint64 bytesPerSecond);
    void cancel();

    Phase phase() const { return m_phase; }
    bool isRunning() const;
    int done() const { return m_done; }
    int total() const { return int(m_plan.moves.size()); }

signals:
    void phaseChanged(kafscope::ReassignmentRunner::Phase phase, const QString& message);
    void progressed(int done, int total);
    // Done, Cancelled or Failed; message says what happened (Kafka error names included).
    void finished(kafscope::ReassignmentRunner::Phase end, const QString& message);

private:
    void setPhase(Phase phase, const QString& message);
    void applyConfigs(QList<protocol::AlterConfigsResource> changes, std::function<void(const QString&)> then);
    void startReassignment();
    void poll();
    void end(Phase phase, const QString& message);

    Cluster* m_cluster;
    QTimer* m_pollTimer;
    admin::Plan m_plan;
    admin::ThrottlePlan m_throttlePlan;
    bool m_throttled = false;
    Phase m_phase = Phase::Idle;
    int m_done = 0;
    QString m_notes; // per-partition refusals, kept for the final message
};

} // namespace kafscope
