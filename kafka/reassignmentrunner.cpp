#include "kafka/reassignmentrunner.h"

#include "kafka/admin/configedit.h"
#include "kafka/cluster.h"

#include <QTimer>

namespace kafscope {

namespace {
constexpr int kPollMs = 1000;

QString idList(const QList<int32_t>& list)
{
    QStringList out;
    for (const auto b : list)
        out.append(QString::number(b));
    return out.join(QStringLiteral(", "));
}
} // namespace

ReassignmentRunner::ReassignmentRunner(Cluster* cluster, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setInterval(kPollMs);
    connect(m_pollTimer, &QTimer::timeout, this, &ReassignmentRunner::poll);
}

bool ReassignmentRunner::isRunning() const
{
    return m_phase != Phase::Idle && m_phase != Phase::Done && m_phase != Phase::Cancelled && m_phase != Phase::Failed;
}

void ReassignmentRunner::setPhase(Phase phase, const QString& message)
{
    m_phase = phase;
    emit phaseChanged(phase, message);
}

void ReassignmentRunner::start(const admin::Plan& plan, qint64 bytesPerSecond)
{
    if (isRunning() || plan.moves.isEmpty())
        return;
    m_plan = plan;
    m_done = 0;
    m_notes.clear();
    m_throttlePlan = admin::throttleFor(plan.moves);
    m_throttled = false;
    if (bytesPerSecond > 0 && !m_throttlePlan.brokers.isEmpty()) {
        setPhase(Phase::Throttling,
            QStringLiteral("Setting a replication throttle of %1/s on brokers %2…")
                .arg(admin::formatBytes(bytesPerSecond), idList(m_throttlePlan.brokers)));
        m_throttled = true; // from the first change on, the end removes it
        applyConfigs(admin::throttleSetting(m_throttlePlan, bytesPerSecond), [this](const QString& error) {
            if (!error.isEmpty())
                end(Phase::Failed, QStringLiteral("The throttle could not be set; nothing was moved. ") + error);
            else
                startReassignment();
        });
        return;
    }
    startReassignment();
}

void ReassignmentRunner::applyConfigs(
    QList<protocol::AlterConfigsResource> changes, std::function<void(const QString&)> then)
{
    if (changes.isEmpty()) {
        then({});
        return;
    }
    const auto resource = changes.takeFirst();
    m_cluster->alterConfigs(
        resource, false, this, [this, changes, then](const AdminResult<protocol::AlterConfigsResourceResponse>& r) {
            if (!r.ok()) {
                then(r.error.message);
                return;
            }
            applyConfigs(changes, then);
        });
}

void ReassignmentRunner::startReassignment()
{
    setPhase(Phase::Starting, QStringLiteral("Starting the reassignment of %1 partition(s)…").arg(m_plan.moves.size()));
    m_cluster->alterPartitionReassignments(admin::reassignmentRequest(m_plan.moves), this,
        [this](const AdminResult<protocol::AlterPartitionReassignmentsResponse>& r) {
            if (!r.ok()) {
                end(Phase::Failed, r.error.message); // nothing started: the throttle goes again
                return;
            }
            QStringList refused;
            for (const auto& t : r.value->responses)
                for (const auto& p : t.partitions)
                    if (p.errorCode != 0)
                        refused.append(
                            QStringLiteral("%1-%2: %3")
                                .arg(t.name)
                                .arg(p.partition)
                                .arg(AdminError::kafka(p.errorCode, {}, p.errorMessage.value_or(QString())).message));
            m_notes = refused.join(QLatin1Char('\n'));
            if (refused.size() == m_plan.moves.size()) {
                end(Phase::Failed, m_notes);
                return;
            }
            setPhase(Phase::Moving,
                refused.isEmpty() ? QStringLiteral("Moving: the new replicas copy the partitions and join the ISR; "
                                                   "the old ones are removed after.")
                                  : m_notes);
            emit progressed(0, total());
            poll();
            m_pollTimer->start();
        });
}

void ReassignmentRunner::poll()
{
    if (m_phase != Phase::Moving && m_phase != Phase::Cancelling)
        return;
    QStringList topics;
    for (const auto& m : m_plan.moves)
        if (!topics.contains(m.topic))
            topics.append(m.topic);
    m_cluster->listPartitionReassignments(
        topics, this, [this](const AdminResult<protocol::ListPartitionReassignmentsResponse>& r) {
            if (m_phase != Phase::Moving && m_phase != Phase::Cancelling)
                return;
            if (!r.ok()) {
                emit phaseChanged(m_phase,
                    QStringLiteral("Could not follow the reassignment (it goes on in the cluster; retrying): ")
                        + r.error.message);
                return;
            }
            const int moving = admin::stillMoving(m_plan.moves, *r.value);
            m_done = total() - moving;
            emit progressed(m_done, total());
            if (moving == 0) {
                const bool cancelled = m_phase == Phase::Cancelling;
                end(cancelled ? Phase::Cancelled : Phase::Done,
                    cancelled ? QStringLiteral("Cancelled: the partitions that were not done keep their old replicas.")
                              : (m_notes.isEmpty() ? QStringLiteral("Done: every partition has its new replicas.")
                                                   : QStringLiteral("Done, except: ") + m_notes));
            }
        });
}

void ReassignmentRunner::cancel()
{
    if (m_phase != Phase::Moving)
        return;
    setPhase(
        Phase::Cancelling, QStringLiteral("Cancelling: the partitions not done yet go back to their old replicas…"));
    QList<admin::PartitionReplicas> partitions;
    for (const auto& m : m_plan.moves)
        partitions.append({ m.topic, m.partition, {} });
    m_cluster->alterPartitionReassignments(admin::cancelRequest(partitions), this,
        [this](const AdminResult<protocol::AlterPartitionReassignmentsResponse>& r) {
            if (!r.ok()) {
                setPhase(Phase::Moving,
                    QStringLiteral("The cancel was refused; the reassignment goes on. ") + r.error.message);
                return;
            }
            poll();
        });
}

void ReassignmentRunner::end(Phase phase, const QString& message)
{
    m_pollTimer->stop();
    if (!m_throttled) {
        setPhase(phase, message);
        emit finished(phase, message);
        return;
    }
    setPhase(Phase::Cleaning, QStringLiteral("Removing the replication throttle…"));
    // The rates on the brokers are shared: while another reassignment runs they stay (its topics need them).
    m_cluster->listPartitionReassignments(
        {}, this, [this, phase, message](const AdminResult<protocol::ListPartitionReassignmentsResponse>& others) {
            const bool othersRun = !others.ok() || !others.value->topics.isEmpty();
            applyConfigs(admin::throttleRemoval(othersRun ? QList<int32_t> {} : m_throttlePlan.brokers,
                             m_throttlePlan.leaderReplicas.keys()),
                [this, phase, message](const QString& error) {
                    m_throttled = false;
                    const QString text = error.isEmpty() ? message
                                                         : message
                            + QStringLiteral("\nThe throttle could not be removed (Reassign… on the Brokers page "
                                             "shows it and removes it): ")
                            + error;
                    setPhase(phase, text);
                    emit finished(phase, text);
                });
        });
}

} // namespace kafscope
