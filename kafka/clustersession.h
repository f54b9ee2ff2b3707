#pragma once
// ClusterSession ties a connection profile to the admin plane for the GUI: it owns the admin worker thread (own
// event loop; sockets, decoding and the demo cluster live there) and delivers results to the GUI thread as value
// structs. Every connect bumps a generation; results of an older generation are dropped.
#include "kafka/cluster.h"
#include "kafka/protocol/adminerror.h"

#include <QPointer>
#include <memory>

class QThread;
class QTimer;

namespace kafscope {

class ClusterSession : public Cluster
{
    Q_OBJECT
public:
    explicit ClusterSession(QObject* parent = nullptr);
    ~ClusterSession() override; // shutdown(); never waits

    void connectTo(const ConnectionProfile& profile) override;
    void disconnectFromCluster() override;
    void refresh() override;
    void loadConfigs(ConfigResourceType type, const QString& name) override;
    // No result or signal arrives after this; the admin thread closes its sockets and the demo cluster on its own
    // and finishes in the background (waitForBackgroundWork). Every later call is ignored.
    void shutdown() override;
    void createTopics(const protocol::CreateTopicsRequest& request, QObject* context,
        Done<protocol::CreateTopicsResponse> done) override;
    void deleteTopics(const QStringList& names, QObject* context, Done<protocol::DeleteTopicsResponse> done) override;
    void alterConfigs(const protocol::AlterConfigsResource& resource, bool validateOnly, QObject* context,
        Done<protocol::AlterConfigsResourceResponse> done) override;
    void createPartitions(const protocol::CreatePartitionsRequest& request, QObject* context,
        Done<protocol::CreatePartitionsResponse> done) override;
    void alterPartitionReassignments(const protocol::AlterPartitionReassignmentsRequest& request, QObject* context,
        Done<protocol::AlterPartitionReassignmentsResponse> done) override;
    void electLeaders(const protocol::ElectLeadersRequest& request, QObject* context,
        Done<protocol::ElectLeadersResponse> done) override;
    void deleteRecords(const protocol::DeleteRecordsRequest& request, QObject* context,
        Done<protocol::DeleteRecordsResponse> done) override;
    void describeQuorum(QObject* context, Done<protocol::DescribeQuorumResponse> done) override;
    void describeCluster(QObject* context, Done<protocol::DescribeClusterResponse> done) override;
    void describeConfigsOf(const QList<protocol::DescribeConfigsResource>& resources, QObject* context,
        Done<QList<ConfigResourceResult>> done) override;
    void listPartitionReassignments(
        const QStringList& topics, QObject* context, Done<protocol::ListPartitionReassignmentsResponse> done) override;
    void describeLogDirs(
        const QStringList& topics, QObject* context, Done<QList<protocol::BrokerLogDirs>> done) override;
    void offsetsAt(const QString& topic, int64_t timestamp, QObject* context, Done<OffsetsAt> done) override;
    void listGroups(QObject* context, Done<GroupList> done) override;
    void summarizeGroups(
        const QList<GroupListing>& groups, QObject* context, Done<QList<admin::GroupSummary>> done) override;
    void describeGroup(
        const QString& name, const QString& typeHint, QObject* context, Done<admin::GroupDetail> done) override;
    void loadResetInputs(const QString& group, const QStringList& topics, std::optional<int64_t> timestamp,
        QObject* context, Done<admin::ResetInputs> done) override;
    void commitGroupOffsets(const QString& group, const QList<CommittedOffset>& offsets, QObject* context,
        Done<protocol::OffsetCommitResponse> done) override;
    void deleteGroups(const QStringList& names, QObject* context, Done<protocol::DeleteGroupsResponse> done) override;
    void deleteGroupOffsets(const QString& group, const QList<TopicPartitionRef>& partitions, QObject* context,
        Done<protocol::OffsetDeleteResponse> done) override;

    State state() const override { return m_state; }
    bool isRefreshing() const override { return m_refreshing; }
    const ConnectionProfile& profile() const override { return m_profile; }
    QString bootstrapServers() const override { return m_bootstrap; }
    const ClusterMetadata& metadata() const override { return m_metadata; }
    QDateTime lastRefreshed() const override { return m_lastRefreshed; }
    ConsumerInterface* createConsumer(QObject* parent) override; // a LiveConsumer
    std::unique_ptr<ProducerInterface> createProducer(const ProducerOptions& options) override; // a RecordProducer
    PlaygroundInterface* createPlayground(QObject* parent) override; // a GroupPlayground
    // The groups this app runs itself (the demo group, live playgrounds) as the broker would describe them.
    QList<GroupDescription> localGroups() const;

private:
    struct Worker;
    struct Gate;
    void setState(State state, const QString& message);
    template <typename F> void onWorker(F&& f);
    // Runs call(admin, deliver) on the worker; deliver(result) brings the result to `done` in the GUI thread.
    template <typename T, typename Call> void write(QObject* context, Done<T> done, Call call);
    // The same for reads: allowed on read-only connections.
    template <typename T, typename Call> void ask(QObject* context, Done<T> done, Call call);
    QString explain(const AdminError& error) const;
    // The demo's consumer group (demo::DemoCluster::demoGroupOptions), run here like a playground.
    void startDemoGroup();
    void stopDemoGroup();

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
    QList<QPointer<PlaygroundInterface>> m_playgrounds;
    PlaygroundInterface* m_demoGroup = nullptr;
    QTimer* m_demoPace = nullptr;
};

} // namespace kafscope
