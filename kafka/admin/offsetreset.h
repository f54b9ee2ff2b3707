#pragma once
// Offset reset as pure logic, the way Kafka's kafka-consumer-groups.sh --reset-offsets does it: a target (earliest,
// latest, a time, an offset, or a shift from the committed offset), the partitions it covers, and per partition the
// old and the new committed offset, clamped into [earliest, latest] (Kafka clamps too, and says so), with the lag it
// leaves. Only a group without active members can be reset: a member would overwrite the offsets with its next
// commit, and the coordinator refuses commits from outside a running generation. The dialog and the CLI share it.
#include "kafka/groups.h"
#include "kafka/types.h"

#include <QList>
#include <QString>
#include <cstdint>
#include <optional>

namespace kafscope::admin {

enum class ResetTarget { Earliest, Latest, Timestamp, Offset, Shift };

struct ResetSpec
{
    ResetTarget target = ResetTarget::Earliest;
    int64_t value = 0; // Timestamp: ms since the epoch; Offset: the offset; Shift: N (negative moves back)
    // "earliest", "latest", "the first record at or after 2024-05-01T12:00:00.000Z", "offset 42", "shift by -5".
    QString describe() const;
    friend bool operator==(const ResetSpec&, const ResetSpec&) = default;
};

// The CLI's --to: "earliest", "latest", "@EPOCH_MS", "OFFSET" (0 or more) or "shift:N" (N may be +N or -N).
// nullopt with the reason in *error.
std::optional<ResetSpec> parseResetTarget(const QString& text, QString* error);

// The CLI's --topic: "T" (every partition of T) or "T:P[,P...]".
struct TopicSelection
{
    QString topic;
    QList<int32_t> partitions; // empty: all of them
    friend bool operator==(const TopicSelection&, const TopicSelection&) = default;
};
std::optional<TopicSelection> parseTopicSelection(const QString& text, QString* error);

// What a plan is computed from: the group (its members and state), its committed offsets, the metadata of the
// topics concerned, their earliest and latest offsets, and, for a timestamp target, the offsets at that time.
struct ResetInputs
{
    GroupDescription group;
    GroupOffsets committed;
    ClusterMetadata metadata;
    OffsetsSnapshot ends;
    std::optional<int64_t> timestamp; // the time `atTime` was asked for
    OffsetsAt atTime;
};

// The topics whose partitions an empty selection covers: those the group committed offsets for, sorted.
QStringList committedTopics(const GroupOffsets& committed);
// The partitions a reset covers: with an empty selection, every partition of every topic the group committed offsets
// for (those without a commit included: their "old" is null); otherwise the selected topics' partitions, all or the
// listed ones. nullopt with the reason in *error for a topic or partition the metadata does not have.
std::optional<QList<TopicPartitionRef>> resetScope(const ClusterMetadata& metadata, const GroupOffsets& committed,
    const QList<TopicSelection>& selection, QString* error);

struct ResetRow
{
    QString topic;
    int32_t partition = -1;
    std::optional<int64_t> old; // nullopt: nothing committed
    std::optional<int64_t> target; // the new offset; nullopt when it could not be computed (see error) or skipped
    int64_t earliest = -1; // -1 unknown
    int64_t latest = -1;
    bool clamped = false; // the asked offset lay outside [earliest, latest] and was moved to the nearer end
    bool skipped = false; // a shift of a partition with nothing committed: left alone
    QString note; // why it was clamped or skipped
    QString error; // why no new offset (its leader did not answer, ...)
    std::optional<int64_t> lag() const // what the group would lag behind after the reset
    {
        if (!target || latest < 0)
            return std::nullopt;
        return std::max<int64_t>(0, latest - *target);
    }
    bool changes() const { return target && (!old || *old != *target); }
    friend bool operator==(const ResetRow&, const ResetRow&) = default;
};

struct ResetPlan
{
    QString group;
    ResetSpec spec;
    QList<ResetRow> rows; // sorted by topic, partition
    QStringList errors; // rows without a new offset, and what the inputs lacked
    bool ok() const { return errors.isEmpty(); }
    // What OffsetCommit sends: every row with a new offset (skipped and failed rows left out).
    QList<CommittedOffset> commits() const;
    int changed() const; // rows whose offset moves
    std::optional<int64_t> totalLag() const; // after the reset; nullopt when none is known
};

// The plan for `partitions`; rows keep the order of `partitions` after sorting.
ResetPlan planReset(const ResetInputs& inputs, const QList<TopicPartitionRef>& partitions, const ResetSpec& spec);

// Why this group's offsets cannot be reset now (a sentence naming its state and members), or empty when they can:
// only a group without active members in state Empty (or Dead: it does not exist yet) can be reset, and share groups
// keep no committed offsets for OffsetCommit to change.
QString resetRefusal(const GroupDescription& group);

// Whether two plans commit the same offsets (the preview still holds right before sending).
bool sameCommits(const ResetPlan& a, const ResetPlan& b);

} // namespace kafscope::admin
