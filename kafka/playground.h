#pragma once
// The group playground (issue #8): a few consumers of one classic group, run inside the app so a teacher can show
// how an assignor spreads partitions, what a rebalance moves when a member stops, and how lag falls as the members
// consume. The real one is GroupPlayground (librdkafka consumers on their own threads, kafka/client); a Cluster makes
// it (Cluster::createPlayground), so pages never create librdkafka objects, and tests/fakes has a scripted one.
// Also here, as pure logic: the sentence a rebalance gets in the log, and the check for assignments that do not
// converge (librdkafka 2.0.2's cooperative-sticky bugs).
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace kafscope {

// partition.assignment.strategy values librdkafka 2.0.2 knows (no KIP-848: group.protocol arrived in 2.4).
namespace assignor {
inline const QString range = QStringLiteral("range");
inline const QString roundRobin = QStringLiteral("roundrobin");
inline const QString cooperativeSticky = QStringLiteral("cooperative-sticky");
inline QStringList all()
{
    return { range, roundRobin, cooperativeSticky };
}
} // namespace assignor

struct PlaygroundOptions
{
    QString bootstrap;
    QString topic;
    QString group;
    QString assignor = assignor::range;
    int members = 2; // started by start()
    // Records per second per member; kUnlimited consumes as fast as the broker serves, 0 pauses (the members stay in
    // the group and keep serving rebalances, but fetch nothing, so lag rises).
    double recordsPerSecond = kUnlimited;
    // Stopping a member closes it (LeaveGroup), so the others rebalance at once. The demo group sets this false for
    // teardown: its mock brokers die with it, and a close against them only waits.
    bool leaveOnShutdown = true;
    QMap<QString, QString> extraConfig; // librdkafka properties (security settings)
    static constexpr double kUnlimited = -1;
};

struct PlaygroundMember
{
    enum class State {
        Joining, // started, no assignment yet
        Assigned, // owns `partitions` (possibly none: more members than partitions)
        Rebalancing, // revoked, waiting for the next assignment
        Stopping, // closing: leaving the group
        Stopped,
        Failed,
    };
    int id = 0; // 1, 2, ... in start order, never reused within a playground
    QString clientId; // "playground-<id>"
    QString memberId; // the coordinator's member id, once joined
    State state = State::Joining;
    QList<int32_t> partitions; // of the playground's topic, sorted
    int64_t consumed = 0;
    int rebalances = 0; // assignments received
    QString message; // the last error, if any
    bool isActive() const { return state != State::Stopped && state != State::Failed && state != State::Stopping; }
    friend bool operator==(const PlaygroundMember&, const PlaygroundMember&) = default;
};
QString memberStateName(PlaygroundMember::State state); // "joining", "assigned", ...

class PlaygroundInterface : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Starts options.members members (each joins the group on its own thread). Returns at once.
    virtual void start(const PlaygroundOptions& options) = 0;
    // One more member; returns its id (0 when not started).
    virtual int addMember() = 0;
    // Closes the member, so the group rebalances; memberChanged() reports Stopping, then Stopped.
    virtual void stopMember(int id) = 0;
    virtual void stopAll() = 0;
    // The pace of every member (PlaygroundOptions::recordsPerSecond), also while running.
    virtual void setPace(double recordsPerSecond) = 0;
    // For teardown: disconnects every receiver and lets the members close on their own; never waits.
    virtual void shutdown() = 0;
    virtual const PlaygroundOptions& options() const = 0;
    virtual QList<PlaygroundMember> members() const = 0; // every member started, stopped ones included

signals:
    void memberChanged(const kafscope::PlaygroundMember& member);
    // An error librdkafka reported for a member: an error event (a broker down, authentication), or, with
    // `rebalance`, one of the rebalance itself (a failed incremental assign, a lost assignment).
    void memberError(int id, const QString& message, bool rebalance);
};

// ---- pure logic ----

// Active members' partitions, by member id.
using AssignmentSnapshot = QMap<int, QList<int32_t>>;
AssignmentSnapshot assignmentOf(const QList<PlaygroundMember>& members); // members in state Assigned
// "3, 4" / "3".
QString partitionListText(const QList<int32_t>& partitions);
// What changed between two settled assignments, one sentence per member that left or joined and per move
// ("member 2 left: partitions 3, 4 moved to member 1"); empty when nothing changed.
QStringList describeRebalance(const AssignmentSnapshot& before, const AssignmentSnapshot& after);

// Watches the members for an assignment that does not settle: overlapping or uncovered partitions, a member left
// with none while another holds several, or endless rebalancing, longer than kSettleMs after the last membership
// change. With cooperative-sticky the sentence names librdkafka 2.0.2's sticky-assignor bugs (fixed in 2.2.0).
class AssignmentCheck
{
public:
    static constexpr qint64 kSettleMs = 20000;
    static constexpr int kMaxRebalances = 12; // per member, since the last membership change

    void reset(); // keeps the settle time
    void setSettleMs(qint64 ms) { m_settleMs = ms; } // tests
    void update(qint64 nowMs, const QList<PlaygroundMember>& members, int partitionCount, const QString& assignor);
    // A librdkafka error of a member (counts as a problem when the assignor is cooperative-sticky).
    void noteError(const QString& message, const QString& assignor);
    QString problem() const { return m_problem; } // empty when the assignment looks right
    static QString librdkafkaNote(); // the sentence about 2.0.2 and 2.2.0

private:
    QList<int> m_activeIds;
    QMap<int, int> m_rebalancesAtChange;
    qint64 m_changedAtMs = -1;
    qint64 m_settleMs = kSettleMs;
    QString m_problem;
    QString m_error;
};

} // namespace kafscope

Q_DECLARE_METATYPE(kafscope::PlaygroundMember)
