#pragma once
// What pages and dialogs see of a cluster: requests in, value structs out, as signals in the GUI thread. They never
// know how it is reached: ClusterSession is the real one (the own admin client on a worker thread, or the demo
// cluster), and tests/fakes/fakecluster.h answers with canned values and scripted errors, so page and dialog tests
// run in milliseconds without a broker. Requests are asynchronous; an answer may arrive after the next request.
#include "kafka/admin/lag.h"
#include "kafka/admin/offsetreset.h"
#include "kafka/connect/endpoint.h"
#include "kafka/dataplane.h"
#include "kafka/playground.h"
#include "kafka/protocol/adminerror.h"
#include "kafka/protocol/apis/cluster.h"
#include "kafka/protocol/apis/configs.h"
#include "kafka/protocol/apis/groups.h"
#include "kafka/protocol/apis/offsets.h"
#include "kafka/protocol/apis/partitions.h"
#include "kafka/protocol/apis/reassignments.h"
#include "kafka/protocol/apis/topics.h"
#include "kafka/protocol/messages.h"
#include "kafka/protocol/security.h"
#include "kafka/types.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <functional>
#include <memory>

namespace kafscope {

struct ConnectionProfile
{
    QString name; // shown in the title and status bar
    // host:port[,host:port...]. For the demo: empty runs its brokers in this process, else the demo brokers another
    // process serves (bench_soak --serve-demo).
    QString bootstrap;
    bool demo = false;
    // Nothing that changes the cluster is sent: write actions are disabled in the GUI, and the session refuses any
    // write that reaches it anyway.
    bool readOnly = false;
    // Shown in the status bar and the window title, e.g. "PRODUCTION" in red, so nobody mistakes the cluster.
    QString label;
    QString color; // #rrggbb, empty: none
    int connectTimeoutMs = 10000;
    int requestTimeoutMs = 30000;
    // Both planes: the admin client speaks it itself, the data plane gets librdkafkaSettings() of it.
    SecurityConfig security;
    QMap<QString, QString> dataPlaneExtra; // further librdkafka properties for consumers and producers
    // Kafka Connect clusters beside it (their REST URLs, with basic-auth users and passwords): the Connect page.
    QList<connect::ConnectEndpoint> connect;
};

class Cluster : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Failed };
    Q_ENUM(State)

    using QObject::QObject;

    // stateChanged() and then metadataAvailable() and offsetsAvailable() (or a failure) follow.
    virtual void connectTo(const ConnectionProfile& profile) = 0;
    virtual void disconnectFromCluster() = 0;
    // Reloads metadata, then offsets. Ignored while a refresh is running.
    virtual void refresh() = 0;
    // configsAvailable() or configsFailed() follows.
    virtual void loadConfigs(ConfigResourceType type, const QString& name) = 0;
    // Writes. `done` runs once in the GUI thread with the result, unless `context` was destroyed first (a dialog that
    // closed) or the cluster was switched meanwhile. Per-topic errors of a batch are in the response.
    template <typename T> using Done = std::function<void(const AdminResult<T>&)>;
    virtual void createTopics(
        const protocol::CreateTopicsRequest& request, QObject* context, Done<protocol::CreateTopicsResponse> done)
        = 0;
    virtual void deleteTopics(const QStringList& names, QObject* context, Done<protocol::DeleteTopicsResponse> done)
        = 0;
    virtual void alterConfigs(const protocol::AlterConfigsResource& resource, bool validateOnly, QObject* context,
        Done<protocol::AlterConfigsResourceResponse> done)
        = 0;
    virtual void createPartitions(const protocol::CreatePartitionsRequest& request, QObject* context,
        Done<protocol::CreatePartitionsResponse> done)
        = 0;
    // Starts reassignments (null replicas cancel); a top-level error fails, per-partition errors are in the response.
    virtual void alterPartitionReassignments(const protocol::AlterPartitionReassignmentsRequest& request,
        QObject* context, Done<protocol::AlterPartitionReassignmentsResponse> done)
        = 0;
    virtual void electLeaders(
        const protocol::ElectLeadersRequest& request, QObject* context, Done<protocol::ElectLeadersResponse> done)
        = 0;
    virtual void deleteRecords(
        const protocol::DeleteRecordsRequest& request, QObject* context, Done<protocol::DeleteRecordsResponse> done)
        = 0;
    // Reads, also on read-only connections, with the same delivery rules as the writes.
    virtual void describeQuorum(QObject* context, Done<protocol::DescribeQuorumResponse> done) = 0;
    virtual void describeCluster(QObject* context, Done<protocol::DescribeClusterResponse> done) = 0;
    // Some configs of many resources at once (e.g. throttles left behind, admin::throttleQuery()).
    virtual void describeConfigsOf(const QList<protocol::DescribeConfigsResource>& resources, QObject* context,
        Done<QList<ConfigResourceResult>> done)
        = 0;
    // The reassignments running (of `topics`' partitions; every one when empty).
    virtual void listPartitionReassignments(
        const QStringList& topics, QObject* context, Done<protocol::ListPartitionReassignmentsResponse> done)
        = 0;
    // The log dirs of every broker with the sizes of `topics`' partitions (every topic when empty).
    virtual void describeLogDirs(const QStringList& topics, QObject* context, Done<QList<protocol::BrokerLogDirs>> done)
        = 0;
    // Per partition of `topic`, the offset of the first record at or after `timestamp` (ms; -1 latest, -2 earliest).
    virtual void offsetsAt(const QString& topic, int64_t timestamp, QObject* context, Done<OffsetsAt> done) = 0;

    // Consumer groups. Every group of every broker (a broker that does not answer only loses its own, named in
    // GroupList::errors); members, topics and total lag of some listed groups (described in batches per coordinator);
    // one group's detail with per-partition lag. `typeHint` is the listed type (empty when unknown: every describe
    // API is tried).
    virtual void listGroups(QObject* context, Done<GroupList> done) = 0;
    virtual void summarizeGroups(
        const QList<GroupListing>& groups, QObject* context, Done<QList<admin::GroupSummary>> done)
        = 0;
    virtual void describeGroup(
        const QString& name, const QString& typeHint, QObject* context, Done<admin::GroupDetail> done)
        = 0;
    // What an offset reset is planned from (admin::planReset): the group, its committed offsets, the earliest and
    // latest offsets of `topics` (empty: those it committed offsets for) and, with a timestamp, the offsets then. A
    // read.
    virtual void loadResetInputs(const QString& group, const QStringList& topics, std::optional<int64_t> timestamp,
        QObject* context, Done<admin::ResetInputs> done)
        = 0;
    // Group writes, refused on read-only connections. Commits offsets for a group without active members (the reset);
    // per-partition errors are in the response.
    virtual void commitGroupOffsets(const QString& group, const QList<CommittedOffset>& offsets, QObject* context,
        Done<protocol::OffsetCommitResponse> done)
        = 0;
    // Per-group errors (NON_EMPTY_GROUP, GROUP_ID_NOT_FOUND) are in the response.
    virtual void deleteGroups(const QStringList& names, QObject* context, Done<protocol::DeleteGroupsResponse> done)
        = 0;
    // A group's committed offsets of these partitions; a top-level error fails, per-partition errors
    // (GROUP_SUBSCRIBED_TO_TOPIC) are in the response.
    virtual void deleteGroupOffsets(const QString& group, const QList<TopicPartitionRef>& partitions, QObject* context,
        Done<protocol::OffsetDeleteResponse> done)
        = 0;

    // For teardown: nothing arrives after it, nothing waits for it.
    virtual void shutdown() = 0;

    virtual State state() const = 0;
    virtual bool isRefreshing() const = 0;
    virtual const ConnectionProfile& profile() const = 0;
    bool isDemo() const { return profile().demo; }
    bool isReadOnly() const { return profile().readOnly; }
    // Why admin writes are not possible on this connection (read-only, or the demo cluster), or empty when they are.
    QString writeRefusal() const;
    // What the data plane (tail, producer) connects to; empty until known.
    virtual QString bootstrapServers() const = 0;
    // The librdkafka properties consumers and producers of this cluster need besides bootstrap.servers: the
    // profile's security settings and its extra data-plane properties (none for the demo).
    QMap<QString, QString> dataPlaneConfig() const
    {
        if (profile().demo)
            return {};
        QMap<QString, QString> out = librdkafkaSettings(profile().security);
        out.insert(profile().dataPlaneExtra);
        return out;
    }
    virtual const ClusterMetadata& metadata() const = 0;
    virtual QDateTime lastRefreshed() const = 0;

    // The data plane of this cluster, made here so that pages never create librdkafka objects themselves. The
    // consumer is a child of `parent`; the producer belongs to the caller.
    virtual ConsumerInterface* createConsumer(QObject* parent) = 0;
    virtual std::unique_ptr<ProducerInterface> createProducer(const ProducerOptions& options) = 0;
    // A group playground (consumers of one classic group run by the app), a child of `parent`. On the demo cluster
    // the session lists it with its own groups, since the mock broker cannot list groups.
    virtual PlaygroundInterface* createPlayground(QObject* parent) = 0;

signals:
    void stateChanged(kafscope::Cluster::State state, const QString& message);
    void metadataAvailable(const kafscope::ClusterMetadata& metadata);
    void offsetsAvailable(const kafscope::OffsetsSnapshot& offsets);
    void refreshFailed(const QString& message);
    void configsAvailable(const kafscope::ConfigResourceResult& result);
    void configsFailed(kafscope::ConfigResourceType type, const QString& name, const QString& message);
};

} // namespace kafscope
