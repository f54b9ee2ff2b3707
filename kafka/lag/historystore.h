#pragma once
// The lag history: a local SQLite file (Qt SQL) that survives a restart of the app. Full resolution (every sample)
// for 6 hours, 1-minute and 15-minute aggregates (min, max and last lag, last offsets) for 7 days, group totals for
// 7 days; the file is capped (default 200 MB) by dropping the oldest data first. LagHistoryStore is synchronous and
// owns its connection: use it from one thread (LagHistory runs it on a worker thread for the GUI).
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
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

    // One sample of a group's partitions at `timeMs`: a raw row each, folded into the 1- and 15-minute buckets.
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
    qint64 rowCount(const QString& table) const;

private:
    bool exec(const QString& sql);
    int seriesId(const QString& group, const QString& topic, int32_t partition);
    qint64 oldestTime() const;

    QString m_path;
    QString m_connection;
    HistoryRetention m_retention;
    bool m_open = false;
    QString m_error;
    qint64 m_lastPrune = 0;
    QHash<QString, int> m_seriesIds; // group, topic, partition -> series id
};

} // namespace kafscope::lag
