#pragma once
// A scripted playground for page and dialog tests: members "join" on the next event-loop turn and get a range-like
// split of the topic's partitions (metadata of the fake cluster), stopping one rebalances the rest the same way, and
// tests can force any assignment (assign()) or report an error (fail()) to see what the UI makes of it.
#include "kafka/playground.h"
#include "kafka/types.h"

#include <QTimer>
#include <algorithm>

namespace kafscope::test {

class FakePlayground : public PlaygroundInterface
{
public:
    FakePlayground(const ClusterMetadata* metadata, QObject* parent)
        : PlaygroundInterface(parent)
        , m_metadata(metadata)
    { }

    int starts = 0;
    double pace = PlaygroundOptions::kUnlimited;
    bool autoRebalance = true; // false: members stay where assign() puts them

    void start(const PlaygroundOptions& options) override
    {
        ++starts;
        m_options = options;
        m_members.clear();
        for (int i = 0; i < options.members; ++i)
            addMember();
    }
    int addMember() override
    {
        PlaygroundMember m;
        m.id = m_nextId++;
        m.clientId = QStringLiteral("playground-%1").arg(m.id);
        m.memberId = QStringLiteral("playground-%1-fake").arg(m.id);
        m_members.append(m);
        emit memberChanged(m);
        rebalanceLater();
        return m.id;
    }
    void stopMember(int id) override
    {
        for (auto& m : m_members) {
            if (m.id != id || !m.isActive())
                continue;
            m.state = PlaygroundMember::State::Stopped;
            m.partitions.clear();
            emit memberChanged(m);
        }
        rebalanceLater();
    }
    void stopAll() override
    {
        for (const auto& m : m_members)
            stopMember(m.id);
    }
    void setPace(double recordsPerSecond) override { pace = recordsPerSecond; }
    void shutdown() override { disconnect(this, nullptr, nullptr, nullptr); }
    const PlaygroundOptions& options() const override { return m_options; }
    QList<PlaygroundMember> members() const override { return m_members; }

    // Puts the member in state Assigned with these partitions (as a rebalance callback would).
    void assign(int id, const QList<int32_t>& partitions)
    {
        for (auto& m : m_members) {
            if (m.id != id)
                continue;
            m.state = PlaygroundMember::State::Assigned;
            m.partitions = partitions;
            ++m.rebalances;
            emit memberChanged(m);
        }
    }
    void fail(int id, const QString& message, bool rebalance) { emit memberError(id, message, rebalance); }
    int partitionCount() const
    {
        const auto* t = m_metadata->topic(m_options.topic);
        return t ? int(t->partitions.size()) : 0;
    }

private:
    void rebalanceLater()
    {
        if (autoRebalance)
            QTimer::singleShot(0, this, [this] { rebalance(); });
    }
    void rebalance()
    {
        QList<int> active;
        for (const auto& m : m_members)
            if (m.isActive())
                active.append(m.id);
        const int n = partitionCount();
        for (int i = 0; i < active.size(); ++i) {
            QList<int32_t> mine;
            // range: consecutive blocks, the first members one more when it does not divide
            const int base = n / int(active.size());
            const int extra = n % int(active.size());
            const int first = i * base + std::min(i, extra);
            for (int p = first; p < first + base + (i < extra ? 1 : 0); ++p)
                mine.append(p);
            assign(active[i], mine);
        }
    }

    const ClusterMetadata* m_metadata;
    PlaygroundOptions m_options;
    QList<PlaygroundMember> m_members;
    int m_nextId = 1;
};

} // namespace kafscope::test
