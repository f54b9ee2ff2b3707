#pragma once
// Consumer lag as pure logic: a group's partitions with committed offset, log end offset (high watermark), last
// stable offset, lag and owner; the verdict rules over a window of samples (in the spirit of LinkedIn's Burrow, which
// reads commit times from __consumer_offsets; we poll, so the rules use what polling sees); rates and the time to
// catch up. No I/O: the sampler and the CLI feed it what the admin client fetched.
#include "kafka/groups.h"
#include "kafka/types.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <cstdint>
#include <optional>

namespace kafscope::admin {

// In order of severity: a group's verdict is its worst partition's.
enum class LagStatus { Ok, NoOffset, Unknown, Behind, Rewound, Stalled, Stopped };
QString lagStatusName(LagStatus status); // "ok", "no_offset", ... (the CLI's `status` values)
std::optional<LagStatus> lagStatusFromName(const QString& name);
QString lagStatusRule(LagStatus status); // one sentence: when a partition gets this verdict
QString lagRulesText(); // every rule, one per line (tooltips, README)

// One sample of one partition, as polling sees it.
struct LagPoint
{
    qint64 timeMs = 0;
    std::optional<int64_t> committed; // nullopt: no committed offset
    int64_t latest = -1; // log end offset; -1: the leader did not answer
    std::optional<int64_t> lag() const
    {
        if (!committed || latest < 0)
            return std::nullopt;
        return std::max<int64_t>(0, latest - *committed);
    }
    friend bool operator==(const LagPoint&, const LagPoint&) = default;
};

// The verdict of one partition from its recent samples, oldest first (the last one is now). With a single sample
// only ok, stopped, no_offset and unknown can be told; behind, stalled and rewound need a window.
LagStatus lagVerdict(const QList<LagPoint>& window, bool membersActive);
LagStatus worstStatus(const QList<LagStatus>& statuses); // Ok for none

// Rates over the window (records per second) and the estimated time to catch up: nullopt when the lag is not
// shrinking (the consumer is not faster than the producer) or there is no lag or not enough samples.
struct LagRates
{
    double consumePerSec = 0;
    double producePerSec = 0;
    std::optional<double> catchUpSeconds;
    bool known = false; // false with fewer than two usable samples
};
LagRates lagRates(const QList<LagPoint>& window);
// "caught up", "about 3 min", "not catching up", "unknown".
QString describeCatchUp(const LagRates& rates, std::optional<int64_t> lag);

// One partition of a group.
struct PartitionLag
{
    QString topic;
    int32_t partition = -1;
    std::optional<int64_t> committed; // nullopt: no committed offset ("no offset", never lag 0)
    int64_t earliest = -1; // -1 unknown
    int64_t latest = -1; // log end offset (high watermark); -1 unknown (leader did not answer)
    int64_t lastStable = -1; // last stable offset (read_committed); -1 unknown
    std::optional<int64_t> lag; // latest - committed, never negative; nullopt without both
    QString memberId; // the owning member, empty when none
    QString clientId;
    QString host;
    LagStatus status = LagStatus::Ok;
    QString error; // why `latest` is unknown, or the commit's error
    bool lastStableDiffers() const { return lastStable >= 0 && latest >= 0 && lastStable != latest; }
    // The tooltip of a partition without a committed offset: where the consumer would start.
    QString noOffsetExplanation() const;
    friend bool operator==(const PartitionLag&, const PartitionLag&) = default;
};

struct GroupLag
{
    QList<PartitionLag> partitions; // sorted by topic, partition
    std::optional<int64_t> total; // sum of the known lags; nullopt when none is known
    LagStatus status = LagStatus::Ok;
    QStringList errors;
};

// The end offsets a lag computation reads: earliest and latest (high watermark) per partition, and optionally the
// last stable offsets (ListOffsets with read_committed); partitions whose leader failed carry an error code.
struct EndOffsets
{
    OffsetsSnapshot snapshot; // earliest + latest
    QList<PartitionOffset> lastStable;
};

// What lag computations read, indexed once for many groups (a listing summarizes thousands against one metadata
// and one set of end offsets): topics by name, end offsets by partition. Holds references: keep both alive.
class LagInputs
{
public:
    LagInputs(const ClusterMetadata& metadata, const EndOffsets& ends);
    const ClusterMetadata& metadata() const { return m_metadata; }
    const EndOffsets& ends() const { return m_ends; }
    const TopicInfo* topic(const QString& name) const { return m_topics.value(name); }
    const PartitionOffset* earliest(const QString& topic, int32_t partition) const;
    const PartitionOffset* latest(const QString& topic, int32_t partition) const;
    const PartitionOffset* lastStable(const QString& topic, int32_t partition) const;

private:
    using Key = QPair<QString, int32_t>;
    const ClusterMetadata& m_metadata;
    const EndOffsets& m_ends;
    QHash<QString, const TopicInfo*> m_topics;
    QHash<Key, const PartitionOffset*> m_earliest;
    QHash<Key, const PartitionOffset*> m_latest;
    QHash<Key, const PartitionOffset*> m_lastStable;
};

// Every partition of every topic the group committed offsets for or is assigned (partitions without a commit
// included, as no_offset), with single-sample verdicts. `metadata` gives the topics' partition counts.
GroupLag computeLag(const LagInputs& inputs, const GroupDescription& group, const GroupOffsets& committed);
GroupLag computeLag(const ClusterMetadata& metadata, const GroupDescription& group, const GroupOffsets& committed,
    const EndOffsets& ends);
// The topics computeLag() reads end offsets for.
QStringList lagTopics(const ClusterMetadata& metadata, const GroupDescription& group, const GroupOffsets& committed);

// A group as the listing shows it: what ListGroups said, and (once described and its offsets fetched) members,
// topics and total lag.
struct GroupSummary
{
    GroupListing listing;
    bool described = false;
    int memberCount = -1; // -1 until described
    QStringList topics; // assigned or committed
    std::optional<int64_t> totalLag; // nullopt when unknown (not fetched, no committed offset, leaders silent)
    LagStatus status = LagStatus::Ok;
    QString error; // why it could not be described or its offsets fetched
    friend bool operator==(const GroupSummary&, const GroupSummary&) = default;
};
// Members, topics and total lag of each listed group, from its description (may be missing), its committed offsets
// and the end offsets of its topics.
GroupSummary summarizeGroup(const LagInputs& inputs, const GroupListing& listing, const GroupDescription* description,
    const GroupOffsets* committed);
GroupSummary summarizeGroup(const ClusterMetadata& metadata, const GroupListing& listing,
    const GroupDescription* description, const GroupOffsets* committed, const EndOffsets& ends);

// Everything the group detail shows, sampled at one time.
struct GroupDetail
{
    GroupDescription description;
    GroupOffsets committed;
    GroupLag lag;
    qint64 sampledAtMs = 0;
};

} // namespace kafscope::admin
