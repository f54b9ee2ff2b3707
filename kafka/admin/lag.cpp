#include "kafka/admin/lag.h"

#include "kafka/protocol/errors.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace kafscope::admin {

namespace {

struct StatusText
{
    LagStatus status;
    const char* name;
    const char* rule;
};

constexpr StatusText kStatuses[] = {
    { LagStatus::Ok, "ok", "ok: the consumer keeps up (no lag, or lag that is not growing while commits move)" },
    { LagStatus::NoOffset, "no_offset",
        "no_offset: the group has no committed offset here; a consumer would start at the earliest or latest "
        "offset, by its auto.offset.reset" },
    { LagStatus::Unknown, "unknown", "unknown: the partition's leader did not answer, so its end offset is unknown" },
    { LagStatus::Behind, "behind", "behind: lag grew across the window while the committed offset moved" },
    { LagStatus::Rewound, "rewound", "rewound: the committed offset went backwards within the window" },
    { LagStatus::Stalled, "stalled",
        "stalled: the group has active members, but the committed offset did not move across the window and lag > 0" },
    { LagStatus::Stopped, "stopped", "stopped: the group has no active members and lag > 0" },
};

const StatusText& textOf(LagStatus status)
{
    for (const auto& s : kStatuses) {
        if (s.status == status)
            return s;
    }
    return kStatuses[0];
}

} // namespace

QString lagStatusName(LagStatus status)
{
    return QString::fromLatin1(textOf(status).name);
}

std::optional<LagStatus> lagStatusFromName(const QString& name)
{
    for (const auto& s : kStatuses) {
        if (name == QLatin1String(s.name))
            return s.status;
    }
    return std::nullopt;
}

QString lagStatusRule(LagStatus status)
{
    return QString::fromUtf8(textOf(status).rule);
}

QString lagRulesText()
{
    QStringList lines;
    for (const auto& s : kStatuses)
        lines << QString::fromUtf8(s.rule);
    return lines.join(QLatin1Char('\n'));
}

LagStatus lagVerdict(const QList<LagPoint>& window, bool membersActive)
{
    if (window.isEmpty())
        return LagStatus::Unknown;
    const LagPoint& last = window.last();
    if (!last.committed)
        return LagStatus::NoOffset;
    // A commit that went backwards is the first thing an operator must hear about, whatever the end offset does.
    std::optional<int64_t> previous;
    for (const auto& p : window) {
        if (!p.committed)
            continue;
        if (previous && *p.committed < *previous)
            return LagStatus::Rewound;
        previous = p.committed;
    }
    if (last.latest < 0)
        return LagStatus::Unknown;
    const int64_t lag = last.lag().value_or(0);
    if (lag == 0)
        return LagStatus::Ok;
    if (!membersActive)
        return LagStatus::Stopped;

    // The samples of the window that know both offsets.
    QList<const LagPoint*> known;
    for (const auto& p : window) {
        if (p.committed && p.latest >= 0)
            known.append(&p);
    }
    if (known.size() < 2)
        return LagStatus::Ok;
    const LagPoint& first = *known.first();
    if (*first.committed == *last.committed)
        return LagStatus::Stalled;
    bool growing = true;
    for (qsizetype i = 1; i < known.size(); ++i) {
        if (known[i]->lag().value_or(0) < known[i - 1]->lag().value_or(0))
            growing = false;
    }
    if (growing && last.lag().value_or(0) > first.lag().value_or(0))
        return LagStatus::Behind;
    return LagStatus::Ok;
}

LagStatus worstStatus(const QList<LagStatus>& statuses)
{
    LagStatus worst = LagStatus::Ok;
    for (LagStatus s : statuses)
        worst = std::max(worst, s);
    return worst;
}

LagRates lagRates(const QList<LagPoint>& window)
{
    LagRates rates;
    const LagPoint* first = nullptr;
    const LagPoint* last = nullptr;
    for (const auto& p : window) {
        if (!p.committed || p.latest < 0)
            continue;
        if (!first)
            first = &p;
        last = &p;
    }
    if (!first || first == last || last->timeMs <= first->timeMs)
        return rates;
    const double seconds = double(last->timeMs - first->timeMs) / 1000.0;
    rates.known = true;
    rates.consumePerSec = std::max(0.0, double(*last->committed - *first->committed) / seconds);
    rates.producePerSec = std::max(0.0, double(last->latest - first->latest) / seconds);
    const int64_t lag = last->lag().value_or(0);
    if (lag == 0)
        rates.catchUpSeconds = 0;
    else if (rates.consumePerSec > rates.producePerSec)
        rates.catchUpSeconds = double(lag) / (rates.consumePerSec - rates.producePerSec);
    return rates;
}

QString describeCatchUp(const LagRates& rates, std::optional<int64_t> lag)
{
    if (lag && *lag == 0)
        return QStringLiteral("caught up");
    if (!rates.known || !lag)
        return QStringLiteral("unknown");
    if (!rates.catchUpSeconds)
        return QStringLiteral("not catching up");
    const double s = *rates.catchUpSeconds;
    if (s < 90)
        return QStringLiteral("about %1 s").arg(std::max(1, int(std::lround(s))));
    if (s < 90 * 60)
        return QStringLiteral("about %1 min").arg(std::lround(s / 60));
    if (s < 48 * 3600)
        return QStringLiteral("about %1 h").arg(std::lround(s / 3600));
    return QStringLiteral("about %1 days").arg(std::lround(s / 86400));
}

QString PartitionLag::noOffsetExplanation() const
{
    const auto offset = [](int64_t o) { return o >= 0 ? QString::number(o) : QStringLiteral("unknown"); };
    return QStringLiteral("The group has no committed offset for %1-%2. The broker does not know the consumer's "
                          "auto.offset.reset: with \"earliest\" it would start at offset %3, with \"latest\" at %4.")
        .arg(topic)
        .arg(partition)
        .arg(offset(earliest), offset(latest));
}

LagInputs::LagInputs(const ClusterMetadata& metadata, const EndOffsets& ends)
    : m_metadata(metadata)
    , m_ends(ends)
{
    m_topics.reserve(metadata.topics.size());
    for (const auto& t : metadata.topics)
        m_topics.insert(t.name, &t);
    const auto index = [](const QList<PartitionOffset>& list, QHash<Key, const PartitionOffset*>& out) {
        out.reserve(list.size());
        for (const auto& o : list)
            out.insert({ o.topic, o.partition }, &o);
    };
    index(ends.snapshot.earliest, m_earliest);
    index(ends.snapshot.latest, m_latest);
    index(ends.lastStable, m_lastStable);
}

const PartitionOffset* LagInputs::earliest(const QString& topic, int32_t partition) const
{
    return m_earliest.value({ topic, partition });
}

const PartitionOffset* LagInputs::latest(const QString& topic, int32_t partition) const
{
    return m_latest.value({ topic, partition });
}

const PartitionOffset* LagInputs::lastStable(const QString& topic, int32_t partition) const
{
    return m_lastStable.value({ topic, partition });
}

namespace {

QStringList lagTopicsOf(const LagInputs* inputs, const ClusterMetadata& metadata, const GroupDescription& group,
    const GroupOffsets& committed)
{
    QSet<QString> topics;
    for (const auto& c : committed.offsets)
        topics.insert(c.topic);
    for (const auto& t : group.topics())
        topics.insert(t);
    QStringList out;
    for (const auto& t : topics) {
        if ((inputs ? inputs->topic(t) : metadata.topic(t)) || metadata.topics.isEmpty())
            out << t;
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

QStringList lagTopics(const ClusterMetadata& metadata, const GroupDescription& group, const GroupOffsets& committed)
{
    return lagTopicsOf(nullptr, metadata, group, committed);
}

GroupLag computeLag(const ClusterMetadata& metadata, const GroupDescription& group, const GroupOffsets& committed,
    const EndOffsets& ends)
{
    return computeLag(LagInputs(metadata, ends), group, committed);
}

GroupLag computeLag(const LagInputs& inputs, const GroupDescription& group, const GroupOffsets& committed)
{
    const EndOffsets& ends = inputs.ends();
    using Key = QPair<QString, int32_t>;
    QHash<Key, const CommittedOffset*> commits;
    QSet<Key> partitions;
    for (const auto& c : committed.offsets) {
        commits.insert({ c.topic, c.partition }, &c);
        partitions.insert({ c.topic, c.partition });
    }
    for (const auto& member : group.members) {
        for (const auto& tp : member.assignment)
            partitions.insert({ tp.topic, tp.partition });
    }
    // Every partition of the group's topics, so one that was never committed shows as no_offset.
    QSet<QString> topicNames;
    for (const auto& key : std::as_const(partitions))
        topicNames.insert(key.first);
    for (const auto& name : std::as_const(topicNames)) {
        if (const TopicInfo* topic = inputs.topic(name)) {
            for (const auto& p : topic->partitions)
                partitions.insert({ name, p.partition });
        }
    }

    QHash<Key, const GroupMember*> owners;
    for (const auto& member : group.members) {
        for (const auto& tp : member.assignment)
            owners.insert({ tp.topic, tp.partition }, &member);
    }

    GroupLag out;
    out.errors = ends.snapshot.errors;
    QList<Key> keys(partitions.begin(), partitions.end());
    std::sort(keys.begin(), keys.end());
    out.partitions.reserve(keys.size());
    QList<LagStatus> statuses;
    for (const auto& key : keys) {
        PartitionLag row;
        row.topic = key.first;
        row.partition = key.second;
        if (const auto* c = commits.value(key)) {
            if (c->errorCode != 0)
                row.error = protocol::describeError(c->errorCode);
            else if (c->offset >= 0)
                row.committed = c->offset;
        }
        if (const auto* e = inputs.earliest(key.first, key.second); e && e->errorCode == 0)
            row.earliest = e->offset;
        if (const auto* l = inputs.latest(key.first, key.second)) {
            if (l->errorCode == 0)
                row.latest = l->offset;
            else if (row.error.isEmpty())
                row.error = protocol::describeError(l->errorCode);
        } else if (row.error.isEmpty()) {
            row.error = QStringLiteral("The partition's leader did not answer.");
        }
        if (const auto* s = inputs.lastStable(key.first, key.second); s && s->errorCode == 0)
            row.lastStable = s->offset;
        if (const auto* m = owners.value(key)) {
            row.memberId = m->memberId;
            row.clientId = m->clientId;
            row.host = m->host;
        }
        const LagPoint point { 0, row.committed, row.latest };
        row.lag = point.lag();
        row.status = lagVerdict({ point }, group.hasActiveMembers());
        if (row.lag)
            out.total = out.total.value_or(0) + *row.lag;
        statuses << row.status;
        out.partitions.append(row);
    }
    out.status = worstStatus(statuses);
    return out;
}

GroupSummary summarizeGroup(const ClusterMetadata& metadata, const GroupListing& listing,
    const GroupDescription* description, const GroupOffsets* committed, const EndOffsets& ends)
{
    return summarizeGroup(LagInputs(metadata, ends), listing, description, committed);
}

GroupSummary summarizeGroup(const LagInputs& inputs, const GroupListing& listing, const GroupDescription* description,
    const GroupOffsets* committed)
{
    GroupSummary out;
    out.listing = listing;
    GroupDescription group;
    if (description) {
        group = *description;
        if (description->errorCode == 0) {
            out.described = true;
            out.memberCount = int(description->members.size());
        } else {
            out.error = description->errorMessage.isEmpty() ? protocol::describeError(description->errorCode)
                                                            : description->errorMessage;
        }
    }
    const GroupOffsets offsets = committed ? *committed : GroupOffsets {};
    if (committed && committed->errorCode != 0 && out.error.isEmpty())
        out.error = committed->errorMessage.isEmpty() ? protocol::describeError(committed->errorCode)
                                                      : committed->errorMessage;
    out.topics = lagTopicsOf(&inputs, inputs.metadata(), group, offsets);
    if (committed && committed->errorCode == 0) {
        const GroupLag lag = computeLag(inputs, group, offsets);
        out.totalLag = lag.total;
        out.status = lag.status;
        // An undescribed group's members are unknown: "stopped" would be a guess.
        if (!out.described && out.status == LagStatus::Stopped)
            out.status = LagStatus::Ok;
    }
    return out;
}

} // namespace kafscope::admin
