#pragma once
// The lag sampler: every 5 s (adjustable) the committed and end offsets of the groups the user opened or pinned
// (one describeGroup each: OffsetFetch to the coordinator, ListOffsets to each leader in parallel, so a down broker
// blanks only its own partitions), with each partition's verdict over its recent window of samples, the consume and
// produce rates and the time to catch up; every 60 s the total lag of every group. Samples go to the lag history
// (when one is given) keyed by cluster and group. Runs in the GUI thread; all its work is asynchronous.
#include "kafka/admin/lag.h"
#include "kafka/groups.h"
#include "kafka/lag/historystore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace kafscope {
class Cluster;
}

namespace kafscope::lag {

class LagHistory;

// One sample of a group, with verdicts over the window (replacing computeLag's single-sample ones) and rates.
struct GroupSample
{
    admin::GroupDetail detail;
    QHash<TopicPartitionRef, admin::LagRates> rates;
    admin::LagRates totalRates; // summed over the partitions
    int windowSamples = 0; // how many samples the verdicts looked at (at most LagSampler::kWindow)
};

class LagSampler : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWindow = 12; // one minute at 5 s
    static constexpr int kDefaultIntervalMs = 5000;
    static constexpr int kTotalsIntervalMs = 60000;

    LagSampler(Cluster* cluster, LagHistory* history, QObject* parent = nullptr);

    void setIntervalMs(int ms); // at least 1000
    int intervalMs() const { return m_timer.interval(); }
    void setTotalsIntervalMs(int ms);
    // The group shown in the detail (empty: none); sampled at once, then every interval.
    void setOpened(const QString& group, const QString& typeHint);
    const QString& opened() const { return m_opened; }
    void setPinned(const QString& group, const QString& typeHint, bool pinned);
    bool isPinned(const QString& group) const { return m_pinned.contains(group); }
    QStringList pinned() const { return m_pinned.keys(); }
    // The recent samples of one partition, oldest first.
    QList<admin::LagPoint> window(const QString& group, const QString& topic, int32_t partition) const;
    // The key a group's history is stored under: the cluster's id (or bootstrap) and the group.
    QString historyKey(const QString& group) const;
    LagHistory* history() const { return m_history; }
    void sampleNow();
    void sampleTotalsNow();

signals:
    void sampled(const QString& group, const kafscope::lag::GroupSample& sample);
    void sampleFailed(const QString& group, const QString& message);
    void totalsSampled(int groups);

private:
    void sample(const QString& group, const QString& typeHint);
    void onSample(const QString& group, const admin::GroupDetail& detail);
    void summarizeBatch(QList<GroupListing> rest, QList<std::pair<QString, std::optional<int64_t>>> totals, qint64 t);
    void reset();

    Cluster* m_cluster;
    LagHistory* m_history;
    QTimer m_timer;
    QTimer m_totalsTimer;
    QString m_opened;
    QString m_openedType;
    QHash<QString, QString> m_pinned; // group -> type hint
    QSet<QString> m_inFlight;
    bool m_totalsRunning = false;
    QHash<QString, QHash<TopicPartitionRef, QList<admin::LagPoint>>> m_windows;
    quint64 m_generation = 0; // bumped when the cluster changes: late answers are dropped
};

} // namespace kafscope::lag

Q_DECLARE_METATYPE(kafscope::lag::GroupSample)
