#pragma once
// Retention in words and numbers: the values a user types (a number and a unit; -1 = forever / unlimited), what a
// topic's retention.ms, retention.bytes and cleanup.policy mean together, and how much of a topic the new values
// would make eligible for deletion, from the offsets at the cut-off time and the partition sizes on disk.
#include <QList>
#include <QString>
#include <cstdint>
#include <optional>

namespace kafscope::admin {

enum class TimeUnit { Milliseconds, Seconds, Minutes, Hours, Days };
enum class SizeUnit { Bytes, KiB, MiB, GiB, TiB };
int64_t unitMs(TimeUnit unit);
int64_t unitBytes(SizeUnit unit);

// "7" days -> 604800000; "1.5" h -> 5400000; "-1" (any unit) -> -1 (forever). nullopt with the reason in *error
// for text that is not a number, a value below -1 or one too large.
std::optional<int64_t> parseRetentionMs(const QString& number, TimeUnit unit, QString* error);
std::optional<int64_t> parseRetentionBytes(const QString& number, SizeUnit unit, QString* error);
// The largest unit that shows the value exactly (604800000 -> 7 days), for pre-filling the dialog.
std::pair<QString, TimeUnit> splitRetentionMs(int64_t ms);
std::pair<QString, SizeUnit> splitRetentionBytes(int64_t bytes);

// One paragraph: what happens to this topic's records with these values.
QString explainRetention(int64_t retentionMs, int64_t retentionBytes, const QString& cleanupPolicy);

// One partition as seen now: its offsets, its leader's size on disk, and the first offset at or after the cut-off
// time (now - retention.ms; -1 when no record is that new).
struct PartitionRetentionInput
{
    int32_t partition = 0;
    int64_t earliest = 0;
    int64_t latest = 0;
    int64_t sizeBytes = -1; // -1 unknown
    int64_t firstOffsetAfterCutoff = -1;
};
struct RetentionEstimate
{
    int64_t records = 0; // records older than the cut-off or beyond the size limit
    int64_t bytes = 0; // their share of the partitions' size (estimated)
    int partitions = 0; // partitions with something eligible
    bool sizesKnown = true;
};
// What the values would let the broker delete at its next retention check (at most: it deletes whole segments, never
// the active one). retentionMs / retentionBytes -1: no limit of that kind; timeLimited false: skip the time rule.
RetentionEstimate estimateEligible(
    const QList<PartitionRetentionInput>& partitions, int64_t retentionMs, int64_t retentionBytes, bool deletePolicy);

} // namespace kafscope::admin
