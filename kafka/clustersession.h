#pragma once
// ClusterSession ties a connection profile to the admin plane for the GUI: it owns the admin worker thread (own
// event loop; sockets, decoding and the demo cluster live there) and delivers results to the GUI thread as value
// structs. Every connect bumps a generation; results of an older generation are dropped.
#include "kafka/protocol/adminerror.h"
#include "kafka/types.h"

#include <QDateTime>
#include <QObject>
#include <memory>

class QThread;

namespace kafscope {

struct ConnectionProfile
{
    QString name; // shown in the title and status bar
    QString bootstrap; // host:port[,host:port...]; ignored for the demo
    bool demo = false;
    int connectTimeoutMs = 10000;
    int requestTimeoutMs = 30000;
};

class ClusterSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Failed };
    Q_ENUM(State)

    explicit ClusterSession(QObject* parent = nullptr);
    ~ClusterSession() override; // shutdown(); never waits

    // For teardown: no result or signal arrives after this; the admin thread closes its sockets and the demo
    // cluster on its own and finishes in the background (waitForBackgroundWork). Every later call is ignored.
    void shutdown();

    // Asynchronous: stateChanged() and metadataAvailable() follow.
    void connectTo(const ConnectionProfile& profile);
    void disconnectFromCluster();
    // Reloads metadata, then offsets. Ignored while a refresh is running.
    void refresh();
    void loadConfigs(ConfigResourceType type, const QString& name);

    State state() const { return m_state; }
    bool isRefreshing() const { return m_refreshing; }
    const ConnectionProfile& profile() const { return m_profile; }
    bool isDemo() const { return m_profile.demo; }
    QString bootstrapServers() const { return m_bootstrap; }
    const ClusterMetadata& metadata() const { return m_metadata; }
    QDateTime lastRefreshed() const { return m_lastRefreshed; }

signals:
    void stateChanged(kafscope::ClusterSession::State state, const QString& message);
    void metadataAvailable(const kafscope::ClusterMetadata& metadata);
    void offsetsAvailable(const kafscope::OffsetsSnapshot& offsets);
    void refreshFailed(const QString& message);
    void configsAvailable(const kafscope::ConfigResourceResult& result);
    void configsFailed(kafscope::ConfigResourceType type, const QString& name, const QString& message);

private:
    struct Worker;
    struct Gate;
    void setState(State state, const QString& message);
    template<typename F>
    void onWorker(F&& f);
    QString explain(const AdminError& error) const;

    QThread* m_thread; // deleted once finished, by the destructor or by waitForBackgroundWork()
    // The worker thread's only way back to this object: it outlives the session, and after shutdown() it drops
    // what the worker sends instead of touching a session that may be gone.
    std::shared_ptr<Gate> m_gate;
    bool m_shutDown = false;
    quint64 m_generation = 0;
    State m_state = State::Disconnected;
    bool m_refreshing = false;
    ConnectionProfile m_profile;
    QString m_bootstrap;
    ClusterMetadata m_metadata;
    QDateTime m_lastRefreshed;
};

} // namespace kafscope
