#include "kafka/lag/sampler.h"

#include "kafka/cluster.h"
#include "kafka/lag/history.h"

#include <QDateTime>

namespace kafscope::lag {

LagSampler::LagSampler(Cluster* cluster, LagHistory* history, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_history(history)
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LagSampler::sampleNow);
    m_totalsTimer.setInterval(kTotalsIntervalMs);
    connect(&m_totalsTimer, &QTimer::timeout, this, &LagSampler::sampleTotalsNow);
    connect(m_cluster, &Cluster::stateChanged, this, [this](Cluster::State state) {
        if (state == Cluster::State::Connected) {
            m_timer.start();
            if (m_history)
                m_totalsTimer.start();
            sampleNow();
        } else {
            reset();
        }
    });
    if (m_cluster->state() == Cluster::State::Connected) {
        m_timer.start();
        if (m_history)
            m_totalsTimer.start();
    }
}

void LagSampler::reset()
{
    m_timer.stop();
    m_totalsTimer.stop();
    m_windows.clear();
    m_inFlight.clear();
    m_totalsRunning = false;
    ++m_generation;
}

void LagSampler::setIntervalMs(int ms)
{
    m_timer.setInterval(std::max(1000, ms));
}

void LagSampler::setTotalsIntervalMs(int ms)
{
    m_totalsTimer.setInterval(std::max(1000, ms));
}

void LagSampler::setOpened(const QString& group, const QString& typeHint)
{
    if (group == m_opened)
        return;
    if (!m_opened.isEmpty() && !m_pinned.contains(m_opened))
        m_windows.remove(m_opened);
    m_opened = group;
    m_openedType = typeHint;
    if (!group.isEmpty())
        sample(group, typeHint);
}

void LagSampler::setPinned(const QString& group, const QString& typeHint, bool pinned)
{
    if (pinned)
        m_pinned.insert(group, typeHint);
    else if (m_pinned.remove(group) && group != m_opened)
        m_windows.remove(group);
}

QList<admin::LagPoint> LagSampler::window(const QString& group, const QString& topic, int32_t partition) const
{
    return m_windows.value(group).value(TopicPartitionRef { topic, partition });
}

QString LagSampler::historyKey(const QString& group) const
{
    const QString cluster = m_cluster->metadata().clusterId.isEmpty()
        ? (m_cluster->isDemo() ? QStringLiteral("demo") : m_cluster->profile().bootstrap)
        : m_cluster->metadata().clusterId;
    return cluster + QLatin1Char('/') + group;
}

void LagSampler::sampleNow()
{
    if (m_cluster->state() != Cluster::State::Connected)
        return;
    if (!m_opened.isEmpty())
        sample(m_opened, m_openedType);
    for (auto it = m_pinned.cbegin(); it != m_pinned.cend(); ++it) {
        if (it.key() != m_opened)
            sample(it.key(), it.value());
    }
}

void LagSampler::sample(const QString& group, const QString& typeHint)
{
    // One request per group at a time: a slow cluster gets fewer samples, never a pile of them.
    if (m_inFlight.contains(group) || m_cluster->state() != Cluster::State::Connected)
        return;
    m_inFlight.insert(group);
    const quint64 generation = m_generation;
    m_cluster->describeGroup(
        group, typeHint, this, [this, group, generation](const AdminResult<admin::GroupDetail>& r) {
            if (generation != m_generation)
                return;
            m_inFlight.remove(group);
            if (!r.ok()) {
                emit sampleFailed(group, r.error.message);
                return;
            }
            onSample(group, *r.value);
        });
}

void LagSampler::onSample(const QString& group, const admin::GroupDetail& detail)
{
    GroupSample out;
    out.detail = detail;
    const bool watched = group == m_opened || m_pinned.contains(group);
    auto& windows = m_windows[group];
    const bool active = detail.description.hasActiveMembers();
    QList<admin::LagStatus> statuses;
    QList<PartitionSample> forHistory;
    double consume = 0;
    double produce = 0;
    bool ratesKnown = false;
    for (auto& p : out.detail.lag.partitions) {
        const TopicPartitionRef key { p.topic, p.partition };
        auto& w = windows[key];
        w.append(admin::LagPoint { detail.sampledAtMs, p.committed, p.latest });
        while (w.size() > kWindow)
            w.removeFirst();
        p.status = admin::lagVerdict(w, active);
        statuses << p.status;
        out.windowSamples = std::max(out.windowSamples, int(w.size()));
        const admin::LagRates rates = admin::lagRates(w);
        out.rates.insert(key, rates);
        if (rates.known) {
            ratesKnown = true;
            consume += rates.consumePerSec;
            produce += rates.producePerSec;
        }
        forHistory.append(PartitionSample { p.topic, p.partition, p.committed, p.latest });
    }
    out.detail.lag.status = admin::worstStatus(statuses);
    out.totalRates.known = ratesKnown;
    out.totalRates.consumePerSec = consume;
    out.totalRates.producePerSec = produce;
    const int64_t total = out.detail.lag.total.value_or(0);
    if (ratesKnown) {
        if (total == 0)
            out.totalRates.catchUpSeconds = 0;
        else if (consume > produce)
            out.totalRates.catchUpSeconds = double(total) / (consume - produce);
    }
    if (!watched)
        m_windows.remove(group);
    if (m_history && !forHistory.isEmpty())
        m_history->record(historyKey(group), detail.sampledAtMs, forHistory);
    emit sampled(group, out);
}

void LagSampler::sampleTotalsNow()
{
    if (!m_history || m_totalsRunning || m_cluster->state() != Cluster::State::Connected)
        return;
    m_totalsRunning = true;
    const quint64 generation = m_generation;
    m_cluster->listGroups(this, [this, generation](const AdminResult<GroupList>& r) {
        if (generation != m_generation)
            return;
        if (!r.ok() || r.value->groups.isEmpty()) {
            m_totalsRunning = false;
            return;
        }
        summarizeBatch(r.value->groups, {}, QDateTime::currentMSecsSinceEpoch());
    });
}

void LagSampler::summarizeBatch(
    QList<GroupListing> rest, QList<std::pair<QString, std::optional<int64_t>>> totals, qint64 t)
{
    constexpr int kBatch = 500;
    if (rest.isEmpty()) {
        m_totalsRunning = false;
        if (m_history)
            m_history->recordTotals(t, totals);
        emit totalsSampled(int(totals.size()));
        return;
    }
    const QList<GroupListing> batch = rest.mid(0, kBatch);
    rest.remove(0, batch.size());
    const quint64 generation = m_generation;
    m_cluster->summarizeGroups(
        batch, this, [this, rest, totals, t, generation](const AdminResult<QList<admin::GroupSummary>>& r) mutable {
            if (generation != m_generation)
                return;
            if (r.ok()) {
                for (const auto& s : *r.value)
                    totals.append({ historyKey(s.listing.name), s.totalLag });
            }
            summarizeBatch(rest, totals, t);
        });
}

} // namespace kafscope::lag
