#include "kafka/playground.h"

#include <QSet>
#include <algorithm>

namespace kafscope {

QString memberStateName(PlaygroundMember::State state)
{
    switch (state) {
    case PlaygroundMember::State::Joining:
        return QStringLiteral("joining");
    case PlaygroundMember::State::Assigned:
        return QStringLiteral("assigned");
    case PlaygroundMember::State::Rebalancing:
        return QStringLiteral("rebalancing");
    case PlaygroundMember::State::Stopping:
        return QStringLiteral("stopping");
    case PlaygroundMember::State::Stopped:
        return QStringLiteral("stopped");
    case PlaygroundMember::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

AssignmentSnapshot assignmentOf(const QList<PlaygroundMember>& members)
{
    AssignmentSnapshot out;
    for (const auto& m : members)
        if (m.state == PlaygroundMember::State::Assigned)
            out.insert(m.id, m.partitions);
    return out;
}

QString partitionListText(const QList<int32_t>& partitions)
{
    QStringList parts;
    for (const auto p : partitions)
        parts << QString::number(p);
    return parts.join(QStringLiteral(", "));
}

namespace {

QString partitionsWord(const QList<int32_t>& partitions)
{
    return (partitions.size() == 1 ? QStringLiteral("partition ") : QStringLiteral("partitions "))
        + partitionListText(partitions);
}

QHash<int32_t, int> owners(const AssignmentSnapshot& s)
{
    QHash<int32_t, int> out;
    for (auto it = s.begin(); it != s.end(); ++it)
        for (const auto p : it.value())
            out.insert(p, it.key());
    return out;
}

// "partitions 3, 4 moved to member 1 and partition 5 to member 3"
QString movesText(const QMap<int, QList<int32_t>>& byDestination)
{
    QStringList parts;
    for (auto it = byDestination.begin(); it != byDestination.end(); ++it) {
        const QString where = it.key() > 0 ? QStringLiteral("member %1").arg(it.key()) : QStringLiteral("nobody");
        parts << (parts.isEmpty() ? QStringLiteral("%1 moved to %2") : QStringLiteral("%1 to %2"))
                     .arg(partitionsWord(it.value()), where);
    }
    return parts.join(QStringLiteral(" and "));
}

} // namespace

QStringList describeRebalance(const AssignmentSnapshot& before, const AssignmentSnapshot& after)
{
    QStringList lines;
    const auto ownerBefore = owners(before);
    const auto ownerAfter = owners(after);
    QSet<int32_t> explained;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (after.contains(it.key()))
            continue;
        QMap<int, QList<int32_t>> moves;
        for (const auto p : it.value()) {
            moves[ownerAfter.value(p, 0)].append(p);
            explained.insert(p);
        }
        lines << (moves.isEmpty() ? QStringLiteral("member %1 left (it owned no partition)").arg(it.key())
                                  : QStringLiteral("member %1 left: %2").arg(it.key()).arg(movesText(moves)));
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (before.contains(it.key()))
            continue;
        QMap<int, QList<int32_t>> from;
        for (const auto p : it.value()) {
            if (explained.contains(p))
                continue;
            from[ownerBefore.value(p, 0)].append(p);
            explained.insert(p);
        }
        QStringList parts;
        for (auto f = from.begin(); f != from.end(); ++f)
            parts << (f.key() > 0 ? QStringLiteral("%1 from member %2").arg(partitionsWord(f.value())).arg(f.key())
                                  : partitionsWord(f.value()));
        lines << (it.value().isEmpty() ? QStringLiteral("member %1 joined and got no partition").arg(it.key())
                : parts.isEmpty()
                ? QStringLiteral("member %1 joined").arg(it.key())
                : QStringLiteral("member %1 joined: takes %2").arg(it.key()).arg(parts.join(QStringLiteral(", "))));
    }
    // Moves between members that stayed.
    QMap<std::pair<int, int>, QList<int32_t>> moves;
    QList<int32_t> all = ownerAfter.keys();
    for (const auto p : ownerBefore.keys())
        if (!ownerAfter.contains(p))
            all.append(p);
    std::sort(all.begin(), all.end());
    for (const auto p : all) {
        if (explained.contains(p))
            continue;
        const int from = ownerBefore.value(p, 0);
        const int to = ownerAfter.value(p, 0);
        if (from != to)
            moves[{ from, to }].append(p);
    }
    for (auto it = moves.begin(); it != moves.end(); ++it) {
        const auto [from, to] = it.key();
        if (from == 0)
            lines << QStringLiteral("%1 assigned to member %2").arg(partitionsWord(it.value())).arg(to);
        else if (to == 0)
            lines << QStringLiteral("%1 of member %2 unassigned").arg(partitionsWord(it.value())).arg(from);
        else
            lines << QStringLiteral("%1 moved from member %2 to member %3")
                         .arg(partitionsWord(it.value()))
                         .arg(from)
                         .arg(to);
    }
    return lines;
}

void AssignmentCheck::reset()
{
    const auto settle = m_settleMs;
    *this = AssignmentCheck();
    m_settleMs = settle;
}

QString AssignmentCheck::librdkafkaNote()
{
    return QStringLiteral("KafScope consumes with librdkafka 2.0.2, whose sticky assignor has known bugs when "
                          "partitions change owner between members (fixed in librdkafka 2.2.0, upstream #4252). Use "
                          "range or roundrobin, or start the playground again.");
}

void AssignmentCheck::noteError(const QString& message, const QString& assignorName)
{
    if (assignorName == assignor::cooperativeSticky)
        m_error = QStringLiteral("librdkafka reported: %1. %2").arg(message, librdkafkaNote());
}

void AssignmentCheck::update(
    qint64 nowMs, const QList<PlaygroundMember>& members, int partitionCount, const QString& assignorName)
{
    QList<int> active;
    for (const auto& m : members)
        if (m.isActive())
            active.append(m.id);
    if (active != m_activeIds || m_changedAtMs < 0) {
        m_activeIds = active;
        m_changedAtMs = nowMs;
        m_rebalancesAtChange.clear();
        for (const auto& m : members)
            m_rebalancesAtChange.insert(m.id, m.rebalances);
    }
    QString found;
    if (!active.isEmpty() && nowMs - m_changedAtMs >= m_settleMs && partitionCount > 0) {
        QHash<int32_t, int> owner;
        int most = 0;
        int mostId = 0;
        int emptyId = 0;
        int restless = 0;
        for (const auto& m : members) {
            if (!m.isActive())
                continue;
            if (m.state != PlaygroundMember::State::Assigned) {
                found = QStringLiteral("Member %1 is still %2 %3 s after the last member joined or left.")
                            .arg(m.id)
                            .arg(memberStateName(m.state))
                            .arg((nowMs - m_changedAtMs) / 1000);
                break;
            }
            for (const auto p : m.partitions) {
                if (owner.contains(p)) {
                    found = QStringLiteral("Partition %1 is owned by member %2 and member %3 at once.")
                                .arg(p)
                                .arg(owner.value(p))
                                .arg(m.id);
                    break;
                }
                owner.insert(p, m.id);
            }
            if (!found.isEmpty())
                break;
            if (m.partitions.size() > most) {
                most = int(m.partitions.size());
                mostId = m.id;
            }
            if (m.partitions.isEmpty() && !emptyId)
                emptyId = m.id;
            if (m.rebalances - m_rebalancesAtChange.value(m.id, 0) > kMaxRebalances)
                restless = m.id;
        }
        if (found.isEmpty() && owner.size() < partitionCount) {
            QList<int32_t> missing;
            for (int32_t p = 0; p < partitionCount; ++p)
                if (!owner.contains(p))
                    missing.append(p);
            found = QStringLiteral("No member owns %1.").arg(partitionsWord(missing));
        }
        if (found.isEmpty() && emptyId && most >= 2)
            found = QStringLiteral("Member %1 owns no partition while member %2 owns %3.")
                        .arg(emptyId)
                        .arg(mostId)
                        .arg(most);
        if (found.isEmpty() && restless)
            found = QStringLiteral("Member %1 keeps being rebalanced although no member joined or left.").arg(restless);
    }
    if (!found.isEmpty())
        m_problem = QStringLiteral("The assignment has not settled: %1 %2")
                        .arg(found,
                            assignorName == assignor::cooperativeSticky
                                ? librdkafkaNote()
                                : QStringLiteral("The group should settle within seconds; check the brokers."));
    else
        m_problem = m_error;
}

} // namespace kafscope
