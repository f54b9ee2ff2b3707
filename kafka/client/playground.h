#pragma once
// The real group playground: each member is a librdkafka KafkaConsumer of a classic group, polled on a thread of its
// own (the rebalance callback runs there too: eager assign/unassign, or incremental ones for cooperative-sticky).
// Assignments, consumed counts and errors reach the owner's thread as queued signals; the GUI thread never calls
// librdkafka. Stopping a member closes it (LeaveGroup) on its thread; teardown never waits.
#include "kafka/playground.h"

#include <memory>

namespace kafscope {

class GroupPlayground : public PlaygroundInterface
{
    Q_OBJECT
public:
    explicit GroupPlayground(QObject* parent = nullptr);
    ~GroupPlayground() override; // shutdown()

    void start(const PlaygroundOptions& options) override;
    int addMember() override;
    void stopMember(int id) override;
    void stopAll() override;
    void setPace(double recordsPerSecond) override;
    void shutdown() override;
    const PlaygroundOptions& options() const override { return m_options; }
    QList<PlaygroundMember> members() const override { return m_members; }
    // Every member thread has returned (true when none was started).
    bool hasFinished() const;
    // What a member thread posted, applied in the owner's thread (not for callers).
    void update(const PlaygroundMember& member);

private:
    struct Worker;
    PlaygroundOptions m_options;
    QList<PlaygroundMember> m_members;
    std::vector<std::unique_ptr<Worker>> m_workers;
    int m_nextId = 1;
    bool m_started = false;
};

} // namespace kafscope
