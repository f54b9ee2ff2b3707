#pragma once
// The lag history: a local SQLite file (Qt SQL) that survives a restart of the app. Full resolution (every sample)
// for 6 hours, 1-minute and 15-minute aggregates (min, max and last lag, last offsets) for 7 days, group totals for
// 7 days; the file is capped (default 200 MB) by dropping the oldest data first. Samples and buckets are stored as
// compact frames, one row per group and time with all its partitions (kafka/lag/historyframes.h): a week of a
// 1,000-partition group fits the cap. LagHistoryStore is synchronous and owns its connection: use it from one
// thread (LagHistory runs it on a worker thread for the GUI).
#include "kafka/lag/historyframes.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <optional>

namespace kafscope::lag {

struct PartitionSample
{
    QString topic;
    int32_t partition = -1;
    std::optional<int64_t> committed; // nullopt: no committed offset
    int64_t latest = -1; // -1: unknown (the leader did not answer)
};

// One point of a partition's history. For raw samples min = max = last.
struct HistoryPoint
{
    qint64 timeMs = 0; // sample time, or the aggregate bucket's start
    int64_t lagMin = -1; // -1: unknown in the whole bucket
    int64_t lagMax = -1;
    int64_t lagLast = -1;
    int64_t committed = -1; // last in the bucket; -1 unknown
    int64_t latest = -1;
    friend bool operator==(const HistoryPoint&, const HistoryPoint&) = default;
};

struct PartitionHistory
{
    QString topic;
    int32_t partition = -1;
    QList<HistoryPoint> points; // oldest first
};

enum class Resolution { Raw, Minute, FifteenMinutes };

struct HistoryRetention
{
    qint64 rawMs = 6LL * 3600 * 1000;
    qint64 aggregateMs = 7LL * 24 * 3600 * 1000;
    qint64 maxBytes = 200LL * 1024 * 1024;
};

class LagHistoryStore
{
public:
    // Opens (creating when missing) the file; `connectionName` must be unique per open store in the process.
    explicit LagHistoryStore(const QString& path, HistoryRetention retention = {},
        const QString& connectionName = QStringLiteral("kafscope-lag-history"));
    ~LagHistoryStore();
    LagHistoryStore(const LagHistoryStore&) = delete;
    LagHistoryStore& operator=(const LagHistoryStore&) = delete;

    bool isOpen() const { return m_open; }
    const QString& error() const { return m_error; } // why it could not be opened or the last write failed
    const QString& path() const { return m_path; }

    // One sample of a group's partitions at `timeMs`: a raw frame, folded into the 1- and 15-minute buckets. A
    // sample older than the group's last one is refused (false, error()).
    bool record(const QString& group, qint64 timeMs, const QList<PartitionSample>& partitions);
    // Total lag of many groups at `timeMs` (the 60 s sweep over all groups); nullopt totals are stored as unknown.
    bool recordTotals(qint64 timeMs, const QList<std::pair<QString, std::optional<int64_t>>>& totals);
    // Drops what is past its retention and, over the cap, the oldest data first; then gives the space back.
    void prune(qint64 nowMs);

    // The partitions of `group` between the times, at the resolution that suits the span (raw within the last 6 h,
    // 1-minute up to 2 days, 15-minute beyond) unless one is given.
    QList<PartitionHistory> load(
        const QString& group, qint64 fromMs, qint64 toMs, std::optional<Resolution> resolution = std::nullopt) const;
    static Resolution resolutionFor(qint64 fromMs, qint64 toMs, qint64 nowMs, const HistoryRetention& retention);
    QList<std::pair<qint64, int64_t>> loadTotals(const QString& group, qint64 fromMs, qint64 toMs) const;
    QStringList groups() const; // with any history
    // CSV: time (ISO 8601, UTC), time_ms, topic, partition, committed, latest, lag, lag_min, lag_max.
    bool exportCsv(const QString& group, qint64 fromMs, qint64 toMs, const QString& file, QString* error) const;

    qint64 fileBytes() const; // pages in use
    qint64 rowCount(const QString& table) const; // raw, agg1m, agg15m: frames; totals: rows
    qint64 dataBytes(const QString& table) const; // the frames' bytes (raw, agg1m, agg15m)

private:
    // Where a group's frames of one table stand: the last frame (its time, whether it is a key frame, its entries)
    // and the one before it, which the last one is encoded against.
    struct Chain
    {
        qint64 t = -1;
        bool key = false;
        qint64 keyT = -1;
        Frame previous;
        Frame current;
    };
    bool exec(const QString& sql);
    int groupId(const QString& group, bool create);
    int seriesId(int groupId, const QString& topic, int32_t partition);
    Chain restoreChain(int table, int groupId) const;
    qint64 dropBefore(int table, qint64 cut);
    qint64 oldestTime() const;

    QString m_path;
    QString m_connection;
    HistoryRetention m_retention;
    bool m_open = false;
    QString m_error;
    qint64 m_lastPrune = 0;
    QHash<QString, int> m_groupIds;
    QHash<QString, int> m_seriesIds; // group id, topic, partition -> series id
    QHash<int, std::array<Chain, 3>> m_chains; // group id -> raw, 1-minute, 15-minute
};

} // namespace kafscope::lag
