#include "kafka/admin/offsetreset.h"

#include "kafka/protocol/errors.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <limits>

namespace kafscope::admin {

namespace {

const PartitionOffset* find(const QList<PartitionOffset>& offsets, const QString& topic, int32_t partition)
{
    for (const auto& o : offsets)
        if (o.partition == partition && o.topic == topic)
            return &o;
    return nullptr;
}

// "+5", "-5", "5" -> the number; nullopt for anything else.
std::optional<int64_t> parseSigned(const QString& text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('+')))
        t = t.mid(1);
    if (t.isEmpty() || t.startsWith(QLatin1Char('+')))
        return std::nullopt;
    bool ok = false;
    const qlonglong n = t.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return int64_t(n);
}

QString leaderError(const PartitionOffset* o, const QString& which)
{
    if (!o)
        return QStringLiteral("its %1 offset is unknown (the leader did not answer)").arg(which);
    return QStringLiteral("its %1 offset is unknown: %2").arg(which, protocol::describeError(o->errorCode));
}

} // namespace

QString ResetSpec::describe() const
{
    switch (target) {
    case ResetTarget::Earliest:
        return QStringLiteral("earliest");
    case ResetTarget::Latest:
        return QStringLiteral("latest");
    case ResetTarget::Timestamp:
        return QStringLiteral("the first record at or after %1")
            .arg(QDateTime::fromMSecsSinceEpoch(value, Qt::UTC).toString(Qt::ISODateWithMs));
    case ResetTarget::Offset:
        return QStringLiteral("offset %1").arg(value);
    case ResetTarget::Shift:
        return QStringLiteral("shift by %1%2").arg(value > 0 ? QStringLiteral("+") : QString()).arg(value);
    }
    return {};
}

std::optional<ResetSpec> parseResetTarget(const QString& text, QString* error)
{
    const QString t = text.trimmed();
    const auto fail = [&](const QString& why) -> std::optional<ResetSpec> {
        *error = why;
        return std::nullopt;
    };
    if (t.isEmpty())
        return fail(QStringLiteral("--to needs a target: earliest, latest, @EPOCH_MS, OFFSET or shift:N"));
    if (t == QLatin1String("earliest"))
        return ResetSpec { ResetTarget::Earliest, 0 };
    if (t == QLatin1String("latest"))
        return ResetSpec { ResetTarget::Latest, 0 };
    if (t.startsWith(QLatin1Char('@'))) {
        bool ok = false;
        const qlonglong ms = t.mid(1).toLongLong(&ok);
        if (!ok || ms < 0 || t.mid(1).startsWith(QLatin1Char('+')))
            return fail(QStringLiteral("'%1' is not @EPOCH_MS (milliseconds since 1970-01-01 UTC, 0 or more)").arg(t));
        return ResetSpec { ResetTarget::Timestamp, int64_t(ms) };
    }
    if (t.startsWith(QLatin1String("shift:"))) {
        const auto n = parseSigned(t.mid(6));
        if (!n)
            return fail(QStringLiteral("'%1' is not shift:N (N a whole number, e.g. shift:-100 or shift:+5)").arg(t));
        return ResetSpec { ResetTarget::Shift, *n };
    }
    bool ok = false;
    const qlonglong offset = t.toLongLong(&ok);
    if (ok && offset >= 0 && !t.startsWith(QLatin1Char('+')))
        return ResetSpec { ResetTarget::Offset, int64_t(offset) };
    if (ok && offset < 0)
        return fail(QStringLiteral("'%1' is not an offset (0 or more); to move back by N use shift:-N").arg(t));
    return fail(QStringLiteral("'%1' is not a target: earliest, latest, @EPOCH_MS, OFFSET or shift:N").arg(t));
}

std::optional<TopicSelection> parseTopicSelection(const QString& text, QString* error)
{
    const QString t = text.trimmed();
    const auto colon = t.lastIndexOf(QLatin1Char(':'));
    if (t.isEmpty() || colon == 0) {
        *error = QStringLiteral("'%1' names no topic (T or T:P[,P...])").arg(text);
        return std::nullopt;
    }
    if (colon < 0)
        return TopicSelection { t, {} };
    QList<int32_t> partitions;
    for (const auto& p : t.mid(colon + 1).split(QLatin1Char(','))) {
        bool ok = false;
        const int n = p.trimmed().toInt(&ok);
        if (!ok || n < 0) {
            *error = QStringLiteral("'%1' is not T:P[,P...] (partitions are numbers, 0 or more)").arg(text);
            return std::nullopt;
        }
        if (!partitions.contains(n))
            partitions.append(n);
    }
    return TopicSelection { t.left(colon), partitions };
}

QStringList committedTopics(const GroupOffsets& committed)
{
    QSet<QString> topics;
    for (const auto& c : committed.offsets)
        topics.insert(c.topic);
    QStringList out(topics.begin(), topics.end());
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<QList<TopicPartitionRef>> resetScope(const ClusterMetadata& metadata, const GroupOffsets& committed,
    const QList<TopicSelection>& selection, QString* error)
{
    QList<TopicSelection> wanted = selection;
    if (wanted.isEmpty())
        for (const auto& t : committedTopics(committed))
            wanted.append({ t, {} });
    QSet<TopicPartitionRef> seen;
    QList<TopicPartitionRef> out;
    for (const auto& s : wanted) {
        const auto* topic = metadata.topic(s.topic);
        if (!topic || topic->errorCode != 0) {
            *error = QStringLiteral("Topic %1 does not exist.").arg(s.topic);
            return std::nullopt;
        }
        QList<int32_t> partitions = s.partitions;
        if (partitions.isEmpty())
            for (const auto& p : topic->partitions)
                partitions.append(p.partition);
        for (const int32_t p : partitions) {
            if (!topic->partition(p)) {
                *error = QStringLiteral("Topic %1 has no partition %2 (it has %3).")
                             .arg(s.topic)
                             .arg(p)
                             .arg(topic->partitions.size());
                return std::nullopt;
            }
            const TopicPartitionRef ref { s.topic, p };
            if (!seen.contains(ref)) {
                seen.insert(ref);
                out.append(ref);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

ResetPlan planReset(const ResetInputs& inputs, const QList<TopicPartitionRef>& partitions, const ResetSpec& spec)
{
    ResetPlan plan;
    plan.group = inputs.group.name.isEmpty() ? inputs.committed.group : inputs.group.name;
    plan.spec = spec;
    QHash<TopicPartitionRef, int64_t> committed;
    for (const auto& c : inputs.committed.offsets)
        if (c.errorCode == 0 && c.offset >= 0)
            committed.insert({ c.topic, c.partition }, c.offset);
    const bool timeKnown = spec.target != ResetTarget::Timestamp || inputs.timestamp.value_or(-1) == spec.value;
    QList<TopicPartitionRef> sorted = partitions;
    std::sort(sorted.begin(), sorted.end());
    for (const auto& tp : sorted) {
        ResetRow row;
        row.topic = tp.topic;
        row.partition = tp.partition;
        if (const auto it = committed.constFind(tp); it != committed.constEnd())
            row.old = it.value();
        const auto* earliest = find(inputs.ends.earliest, tp.topic, tp.partition);
        const auto* latest = find(inputs.ends.latest, tp.topic, tp.partition);
        const bool earliestKnown = earliest && earliest->errorCode == 0 && earliest->offset >= 0;
        const bool latestKnown = latest && latest->errorCode == 0 && latest->offset >= 0;
        row.earliest = earliestKnown ? earliest->offset : -1;
        row.latest = latestKnown ? latest->offset : -1;
        if (!earliestKnown || !latestKnown) {
            row.error = !earliestKnown ? leaderError(earliest, QStringLiteral("earliest"))
                                       : leaderError(latest, QStringLiteral("latest"));
            plan.errors << QStringLiteral("%1-%2: %3").arg(tp.topic).arg(tp.partition).arg(row.error);
            plan.rows.append(row);
            continue;
        }
        int64_t asked = 0;
        switch (spec.target) {
        case ResetTarget::Earliest:
            asked = row.earliest;
            break;
        case ResetTarget::Latest:
            asked = row.latest;
            break;
        case ResetTarget::Offset:
            asked = spec.value;
            break;
        case ResetTarget::Shift: {
            if (!row.old) {
                row.skipped = true;
                row.note = QStringLiteral("nothing committed to shift from: left alone");
                plan.rows.append(row);
                continue;
            }
            const int64_t base = *row.old;
            // Saturating: a huge N must not wrap around.
            if (spec.value > 0 && base > std::numeric_limits<int64_t>::max() - spec.value)
                asked = std::numeric_limits<int64_t>::max();
            else if (spec.value < 0 && base < std::numeric_limits<int64_t>::min() - spec.value)
                asked = std::numeric_limits<int64_t>::min();
            else
                asked = base + spec.value;
            break;
        }
        case ResetTarget::Timestamp: {
            const auto* at = timeKnown ? find(inputs.atTime.offsets, tp.topic, tp.partition) : nullptr;
            if (!at || at->errorCode != 0) {
                row.error = at ? QStringLiteral("its offset at that time is unknown: %1")
                                     .arg(protocol::describeError(at->errorCode))
                               : QStringLiteral("its offset at that time is unknown (the leader did not answer)");
                plan.errors << QStringLiteral("%1-%2: %3").arg(tp.topic).arg(tp.partition).arg(row.error);
                plan.rows.append(row);
                continue;
            }
            // No record that new: the log end, as Kafka's tool does.
            asked = at->offset < 0 ? row.latest : at->offset;
            if (at->offset < 0)
                row.note = QStringLiteral("no record at or after that time: the latest offset");
            break;
        }
        }
        if (asked < row.earliest) {
            row.clamped = true;
            row.note
                = QStringLiteral("%1 is below the earliest offset %2: moved up to it").arg(asked).arg(row.earliest);
            asked = row.earliest;
        } else if (asked > row.latest) {
            row.clamped = true;
            row.note = QStringLiteral("%1 is above the latest offset %2: moved down to it").arg(asked).arg(row.latest);
            asked = row.latest;
        }
        row.target = asked;
        plan.rows.append(row);
    }
    return plan;
}

QList<CommittedOffset> ResetPlan::commits() const
{
    QList<CommittedOffset> out;
    for (const auto& r : rows)
        if (r.target)
            out.append(CommittedOffset { r.topic, r.partition, *r.target, -1, std::nullopt, 0 });
    return out;
}

int ResetPlan::changed() const
{
    return int(std::count_if(rows.begin(), rows.end(), [](const ResetRow& r) { return r.changes(); }));
}

std::optional<int64_t> ResetPlan::totalLag() const
{
    std::optional<int64_t> total;
    for (const auto& r : rows)
        if (const auto lag = r.lag())
            total = total.value_or(0) + *lag;
    return total;
}

QString resetRefusal(const GroupDescription& group)
{
    const QString name = group.name;
    if (group.type == group_type::share)
        return QStringLiteral("%1 is a share group: it keeps no committed offsets that OffsetCommit could change.")
            .arg(name);
    if (group.hasActiveMembers())
        return QStringLiteral("Group %1 is %2 with %3 active member(s): offsets can only be reset while the group has "
                              "no active members (state Empty). Stop its consumers first.")
            .arg(name, group.state.isEmpty() ? QStringLiteral("in an unknown state") : group.state)
            .arg(group.members.size());
    if (!group.state.isEmpty() && group.state != QLatin1String("Empty") && group.state != QLatin1String("Dead"))
        return QStringLiteral("Group %1 is %2: offsets can only be reset while the group is Empty (no active "
                              "members). Wait until its members have left.")
            .arg(name, group.state);
    return {};
}

bool sameCommits(const ResetPlan& a, const ResetPlan& b)
{
    const auto x = a.commits();
    const auto y = b.commits();
    if (x.size() != y.size())
        return false;
    for (qsizetype i = 0; i < x.size(); ++i)
        if (x[i].topic != y[i].topic || x[i].partition != y[i].partition || x[i].offset != y[i].offset)
            return false;
    return true;
}

} // namespace kafscope::admin
