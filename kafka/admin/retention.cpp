#include "kafka/admin/retention.h"

#include "kafka/admin/configedit.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>

namespace kafscope::admin {

int64_t unitMs(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Milliseconds:
        return 1;
    case TimeUnit::Seconds:
        return 1000;
    case TimeUnit::Minutes:
        return 60'000;
    case TimeUnit::Hours:
        return 3'600'000;
    case TimeUnit::Days:
        return 86'400'000;
    }
    return 1;
}

int64_t unitBytes(SizeUnit unit)
{
    return int64_t(1) << (10 * int(unit));
}

namespace {

std::optional<int64_t> parseScaled(
    const QString& number, int64_t scale, const char* what, const char* noLimit, QString* error)
{
    const QString text = number.trimmed();
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value)) {
        if (error)
            *error = QStringLiteral("%1 must be a number (-1 = %2), not \"%3\".")
                         .arg(QLatin1String(what), QLatin1String(noLimit), number);
        return std::nullopt;
    }
    if (value == -1)
        return -1;
    if (value < 0) {
        if (error)
            *error = QStringLiteral("%1 cannot be negative (only -1, which means %2).")
                         .arg(QLatin1String(what), QLatin1String(noLimit));
        return std::nullopt;
    }
    const double scaled = std::round(value * double(scale));
    if (scaled >= double(std::numeric_limits<int64_t>::max())) {
        if (error)
            *error = QStringLiteral("%1 is too large.").arg(QLatin1String(what));
        return std::nullopt;
    }
    return int64_t(scaled);
}

} // namespace

std::optional<int64_t> parseRetentionMs(const QString& number, TimeUnit unit, QString* error)
{
    return parseScaled(number, unitMs(unit), "Retention time", "forever", error);
}

std::optional<int64_t> parseRetentionBytes(const QString& number, SizeUnit unit, QString* error)
{
    return parseScaled(number, unitBytes(unit), "Retention size", "unlimited", error);
}

std::pair<QString, TimeUnit> splitRetentionMs(int64_t ms)
{
    if (ms < 0)
        return { QStringLiteral("-1"), TimeUnit::Days };
    for (const auto unit : { TimeUnit::Days, TimeUnit::Hours, TimeUnit::Minutes, TimeUnit::Seconds }) {
        if (ms > 0 && ms % unitMs(unit) == 0)
            return { QString::number(ms / unitMs(unit)), unit };
    }
    return { QString::number(ms), TimeUnit::Milliseconds };
}

std::pair<QString, SizeUnit> splitRetentionBytes(int64_t bytes)
{
    if (bytes < 0)
        return { QStringLiteral("-1"), SizeUnit::GiB };
    for (const auto unit : { SizeUnit::TiB, SizeUnit::GiB, SizeUnit::MiB, SizeUnit::KiB }) {
        if (bytes > 0 && bytes % unitBytes(unit) == 0)
            return { QString::number(bytes / unitBytes(unit)), unit };
    }
    return { QString::number(bytes), SizeUnit::Bytes };
}

QString explainRetention(int64_t retentionMs, int64_t retentionBytes, const QString& cleanupPolicy)
{
    const bool compact = cleanupPolicy.contains(QLatin1String("compact"));
    const bool remove = cleanupPolicy.contains(QLatin1String("delete")) || cleanupPolicy.isEmpty();
    QStringList parts;
    if (remove) {
        QString limits;
        if (retentionMs < 0 && retentionBytes < 0)
            limits = QStringLiteral("Records are kept forever: neither their age nor the partition's size deletes "
                                    "them.");
        else if (retentionMs >= 0 && retentionBytes < 0)
            limits
                = QStringLiteral("Records are deleted once they are older than %1.").arg(formatDurationMs(retentionMs));
        else if (retentionMs < 0)
            limits = QStringLiteral("Records are kept until a partition holds more than %1; then its oldest are "
                                    "deleted.")
                         .arg(formatBytes(retentionBytes));
        else
            limits = QStringLiteral("Records are deleted once they are older than %1, or sooner when a partition "
                                    "holds more than %2 (whichever comes first).")
                         .arg(formatDurationMs(retentionMs), formatBytes(retentionBytes));
        parts.append(limits);
        if (retentionBytes >= 0)
            parts.append(QStringLiteral("The size limit is per partition: the topic may use up to partitions × "
                                        "replicas × %1 of disk.")
                             .arg(formatBytes(retentionBytes)));
        parts.append(QStringLiteral("Deletion removes whole log segments once all their records qualify; the "
                                    "segment being written is never deleted, so a little more is kept."));
    }
    if (compact)
        parts.append(remove ? QStringLiteral("Compaction also runs: of older records only the latest per key is kept.")
                            : QStringLiteral("Compaction only: nothing is deleted for age or size; of older records "
                                             "only the latest per key is kept (a null value, a tombstone, removes the "
                                             "key after delete.retention.ms)."));
    return parts.join(QLatin1Char(' '));
}

RetentionEstimate estimateEligible(
    const QList<PartitionRetentionInput>& partitions, int64_t retentionMs, int64_t retentionBytes, bool deletePolicy)
{
    RetentionEstimate estimate;
    if (!deletePolicy)
        return estimate;
    for (const auto& p : partitions) {
        const int64_t total = std::max<int64_t>(0, p.latest - p.earliest);
        if (total == 0)
            continue;
        int64_t records = 0;
        if (retentionMs >= 0) {
            const int64_t keepFrom = p.firstOffsetAfterCutoff < 0 ? p.latest : p.firstOffsetAfterCutoff;
            records = std::clamp<int64_t>(keepFrom - p.earliest, 0, total);
        }
        if (p.sizeBytes < 0)
            estimate.sizesKnown = false;
        if (retentionBytes >= 0 && p.sizeBytes > retentionBytes) {
            const double overShare = double(p.sizeBytes - retentionBytes) / double(p.sizeBytes);
            records = std::max(records, int64_t(std::ceil(overShare * double(total))));
        }
        if (records <= 0)
            continue;
        ++estimate.partitions;
        estimate.records += records;
        if (p.sizeBytes > 0)
            estimate.bytes += int64_t(double(p.sizeBytes) * double(records) / double(total));
    }
    return estimate;
}

} // namespace kafscope::admin
