#include "kafka/clustersession.h"

#include "kafka/background.h"
#include "kafka/client/liveconsumer.h"
#include "kafka/client/playground.h"
#include "kafka/client/producer.h"
#include "kafka/demo/democluster.h"
#include "kafka/profiles/oauth.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <memory>
#include <mutex>

namespace kafscope {

// Worker-thread state. Only lambdas posted with onWorker() touch it.
struct ClusterSession::Worker
{
    std::unique_ptr<demo::DemoCluster> demo;
    std::unique_ptr<protocol::AdminClient> admin;
    ClusterMetadata metadata;

    void reset()
    {
        admin.reset(); // fails pending handlers; their results carry a stale generation and are dropped
        demo.reset();
        metadata = {};
    }
};

struct ClusterSession::Gate
{
    std::mutex mutex;
    ClusterSession* session; // null after shutdown()
    QObject* context; // lives in the worker thread; worker-side lambdas are posted to it
    Worker* worker; // touched only in the worker thread

    // Worker thread: runs f in the session's thread, unless the session shut down or moved to a newer generation.
    // (A call posted to a session that is then deleted is dropped by Qt.)
    template <typename F> void toGui(quint64 generation, F&& f)
    {
        std::lock_guard lock(mutex);
        if (!session)
            return;
        QMetaObject::invokeMethod(
            session,
            [s = session, generation, f = std::forward<F>(f)]() mutable {
                if (generation == s->m_generation)
                    f();
            },
            Qt::QueuedConnection);
    }
};

void registerMetaTypes(); // metatypes.cpp

ClusterSession::ClusterSession(QObject* parent)
    : Cluster(parent)
    , m_thread(new QThread)
    , m_gate(std::make_shared<Gate>())
{
    registerMetaTypes();
    m_thread->setObjectName(QStringLiteral("kafscope-admin"));
    m_gate->session = this;
    m_gate->context = new QObject;
    m_gate->context->moveToThread(m_thread);
    m_gate->worker = new Worker;
    m_thread->start();
}

ClusterSession::~ClusterSession()
{
    shutdown();
    if (m_thread->isFinished())
        delete m_thread;
    else
        adoptFinishingThread(m_thread);
}

void ClusterSession::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    ++m_generation;
    m_refreshing = false;
    stopDemoGroup();
    {
        std::lock_guard lock(m_gate->mutex);
        m_gate->session = nullptr;
    }
    // Sockets and the demo cluster must die in their own thread; this is the last call posted to it.
    QMetaObject::invokeMethod(
        m_gate->context,
        [gate = m_gate, thread = m_thread] {
            gate->worker->reset();
            delete gate->worker;
            gate->worker = nullptr;
            delete gate->context;
            gate->context = nullptr;
            thread->quit();
        },
        Qt::QueuedConnection);
}

ConsumerInterface* ClusterSession::createConsumer(QObject* parent)
{
    return new LiveConsumer(parent);
}

std::unique_ptr<ProducerInterface> ClusterSession::createProducer(const ProducerOptions& options)
{
    return std::make_unique<RecordProducer>(options);
}

PlaygroundInterface* ClusterSession::createPlayground(QObject* parent)
{
    auto* playground = new GroupPlayground(parent);
    m_playgrounds.removeAll(nullptr);
    m_playgrounds.append(playground);
    return playground;
}

namespace {

// A playground's group as DescribeGroups would show it, from what its members' librdkafka handles know.
GroupDescription describeLocal(const PlaygroundInterface& playground)
{
    const auto& options = playground.options();
    GroupDescription d;
    d.name = options.group;
    d.type = group_type::classic;
    d.protocolType = QStringLiteral("consumer");
    d.assignor = options.assignor;
    bool joining = false;
    for (const auto& m : playground.members()) {
        if (!m.isActive())
            continue;
        joining = joining || m.state != PlaygroundMember::State::Assigned;
        GroupMember member;
        member.memberId = m.memberId.isEmpty() ? QStringLiteral("(joining)") : m.memberId;
        member.clientId = m.clientId;
        member.host = QStringLiteral("KafScope");
        member.subscribedTopics = { options.topic };
        for (const auto p : m.partitions)
            member.assignment.append({ options.topic, p });
        d.members.append(member);
    }
    d.state = d.members.isEmpty() ? QStringLiteral("Empty")
        : joining                 ? QStringLiteral("PreparingRebalance")
                                  : QStringLiteral("Stable");
    return d;
}

} // namespace

QList<GroupDescription> ClusterSession::localGroups() const
{
    QList<GroupDescription> out;
    if (m_demoGroup)
        out.append(describeLocal(*m_demoGroup));
    for (const auto& p : m_playgrounds) {
        if (!p || p == m_demoGroup || p->options().group.isEmpty() || p->members().isEmpty())
            continue;
        const auto d = describeLocal(*p);
        if (std::none_of(out.begin(), out.end(), [&](const auto& x) { return x.name == d.name; }))
            out.append(d);
    }
    return out;
}

void ClusterSession::startDemoGroup()
{
    stopDemoGroup();
    auto* group = new GroupPlayground(this);
    group->start(demo::DemoCluster::demoGroupOptions(m_bootstrap));
    m_demoGroup = group;
    if (!m_demoPace) {
        m_demoPace = new QTimer(this);
        m_demoPace->setInterval(1000);
    }
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_demoPace->disconnect();
    connect(m_demoPace, &QTimer::timeout, group,
        [group, clock] { group->setPace(demo::DemoCluster::demoGroupPace(clock->elapsed())); });
    m_demoPace->start();
}

void ClusterSession::stopDemoGroup()
{
    if (m_demoPace)
        m_demoPace->stop();
    delete m_demoGroup; // its consumers end on their own threads
    m_demoGroup = nullptr;
}

template <typename F> void ClusterSession::onWorker(F&& f)
{
    if (!m_shutDown)
        QMetaObject::invokeMethod(m_gate->context, std::forward<F>(f), Qt::QueuedConnection);
}

void ClusterSession::setState(State state, const QString& message)
{
    m_state = state;
    emit stateChanged(state, message);
}

QString ClusterSession::explain(const AdminError& error) const
{
    if (m_profile.demo && error.kind == AdminError::Kind::Unsupported)
        return error.message
            + QStringLiteral(" The demo cluster is librdkafka's mock broker, which does not serve this request; "
                             "start KafScope on the real local cluster (scripts/run-demo --real) to use it.");
    return error.message;
}

void ClusterSession::connectTo(const ConnectionProfile& profile)
{
    if (m_shutDown)
        return;
    if (!profile.demo && profile.security.needsTokenFetch()) {
        // OAuth client credentials: the token first (Qt Network, asynchronous), then the connection with it.
        const auto generation = ++m_generation;
        m_profile = profile;
        setState(State::Connecting,
            QStringLiteral("Asking %1 for an OAuth token…").arg(profile.security.oauthTokenEndpoint));
        profiles::fetchOAuthToken(profile.security, this,
            [this, profile, generation](const std::optional<profiles::OAuthToken>& token, const QString& error) {
                if (generation != m_generation || m_shutDown)
                    return; // connected elsewhere meanwhile
                if (!token) {
                    setState(State::Failed, error);
                    return;
                }
                ConnectionProfile withToken = profile;
                profiles::useOAuthToken(withToken.security, *token); // in memory only, with its lifetime
                connectTo(withToken);
            });
        return;
    }
    const auto generation = ++m_generation;
    m_profile = profile;
    m_metadata = {};
    m_bootstrap.clear();
    m_refreshing = true;
    m_lastRefreshed = {};
    stopDemoGroup();
    QList<BrokerAddress> addresses;
    // The demo normally runs its mock brokers in this process; a demo profile with a bootstrap names demo brokers that
    // another process serves (bench_soak --serve-demo), so that process's memory is not counted as the app's.
    const bool demoHere = profile.demo && profile.bootstrap.trimmed().isEmpty();
    if (!demoHere) {
        const auto parsed = parseBootstrap(profile.bootstrap);
        if (!parsed.ok()) {
            m_refreshing = false;
            setState(State::Failed, parsed.error);
            return;
        }
        addresses = parsed.addresses;
        m_bootstrap = formatBootstrap(addresses);
    }
    setState(State::Connecting,
        demoHere ? QStringLiteral("Starting the demo cluster…")
                 : QStringLiteral("Connecting to %1 (%2)…").arg(m_bootstrap, profile.security.describe()));

    protocol::ConnectionOptions options;
    options.connectTimeoutMs = profile.connectTimeoutMs;
    options.requestTimeoutMs = profile.requestTimeoutMs;
    if (!profile.demo)
        options.security = profile.security;
    if (profile.demo && !demoHere) {
        options.versionCaps = demo::DemoCluster::versionCaps();
        startDemoGroup();
    }
    onWorker([this, gate = m_gate, generation, demoHere, addresses, options]() mutable {
        // `this` is only used inside what toGui() runs on the GUI thread.
        auto* worker = gate->worker;
        worker->reset();
        if (demoHere) {
            QString error;
            worker->demo = demo::DemoCluster::start(&error);
            if (!worker->demo) {
                gate->toGui(generation, [this, error] {
                    m_refreshing = false;
                    setState(State::Failed, error);
                });
                return;
            }
            const auto bootstrap = worker->demo->bootstrapServers();
            addresses = parseBootstrap(bootstrap).addresses;
            options.versionCaps = demo::DemoCluster::versionCaps();
            gate->toGui(generation, [this, bootstrap] {
                m_bootstrap = bootstrap;
                startDemoGroup();
            });
        }
        worker->admin = std::make_unique<protocol::AdminClient>(addresses, options);
        gate->toGui(generation, [this] {
            m_refreshing = false;
            refresh();
        });
    });
}

void ClusterSession::disconnectFromCluster()
{
    ++m_generation;
    m_refreshing = false;
    m_metadata = {};
    stopDemoGroup();
    onWorker([gate = m_gate] { gate->worker->reset(); });
    setState(State::Disconnected, QStringLiteral("Disconnected"));
}

void ClusterSession::refresh()
{
    if (m_refreshing || m_state == State::Disconnected || m_shutDown)
        return;
    m_refreshing = true;
    const auto generation = m_generation;
    onWorker([this, gate = m_gate, generation] {
        auto* worker = gate->worker;
        if (!worker->admin) {
            gate->toGui(generation, [this] { m_refreshing = false; });
            return;
        }
        worker->admin->fetchMetadata(
            std::nullopt, [this, gate, worker, generation](const AdminResult<ClusterMetadata>& md) {
                if (!md.ok()) {
                    gate->toGui(generation, [this, error = md.error] {
                        m_refreshing = false;
                        const auto message = explain(error);
                        if (m_state != State::Connected)
                            setState(State::Failed, message);
                        emit refreshFailed(message);
                    });
                    return;
                }
                worker->metadata = *md.value;
                gate->toGui(generation, [this, metadata = *md.value] {
                    m_metadata = metadata;
                    m_lastRefreshed = QDateTime::currentDateTime();
                    if (m_state != State::Connected)
                        setState(State::Connected,
                            m_profile.demo ? QStringLiteral("Connected to the demo cluster (%1 brokers)")
                                                 .arg(metadata.brokers.size())
                                           : QStringLiteral("Connected to %1 (%2 brokers; %3)")
                                                 .arg(m_bootstrap)
                                                 .arg(metadata.brokers.size())
                                                 .arg(m_profile.security.describe()));
                    emit metadataAvailable(m_metadata);
                });
                worker->admin->listOffsets(
                    worker->metadata, {}, [this, gate, generation](const AdminResult<OffsetsSnapshot>& r) {
                        gate->toGui(generation, [this, r] {
                            m_refreshing = false;
                            if (r.ok())
                                emit offsetsAvailable(*r.value);
                            else
                                emit refreshFailed(explain(r.error));
                        });
                    });
            });
    });
}

template <typename T, typename Call> void ClusterSession::write(QObject* context, Done<T> done, Call call)
{
    if (m_profile.readOnly && !m_shutDown && m_state != State::Disconnected) {
        // The GUI disables write actions on a read-only connection; this is the last line.
        QPointer<QObject> guard(context);
        if (guard)
            done(AdminResult<T>::failure(AdminError::refused(writeRefusal())));
        return;
    }
    ask<T>(context, std::move(done), std::move(call));
}

template <typename T, typename Call> void ClusterSession::ask(QObject* context, Done<T> done, Call call)
{
    const auto generation = m_generation;
    QPointer<QObject> guard(context);
    auto finish = [this, generation, guard, done](const AdminResult<T>& r) {
        // GUI thread: gone dialogs and older generations get nothing.
        if (generation != m_generation || !guard)
            return;
        if (!r.ok()) {
            AdminResult<T> explained = r;
            explained.error.message = explain(r.error);
            done(explained);
            return;
        }
        done(r);
    };
    if (m_shutDown || m_state == State::Disconnected) {
        finish(AdminResult<T>::failure(AdminError::network(QStringLiteral("Not connected to a cluster."))));
        return;
    }
    onWorker([gate = m_gate, generation, finish, call]() mutable {
        auto* worker = gate->worker;
        if (!worker->admin) {
            gate->toGui(generation, [finish] {
                finish(AdminResult<T>::failure(AdminError::network(QStringLiteral("Not connected to a cluster."))));
            });
            return;
        }
        call(*worker->admin, [gate, generation, finish](const AdminResult<T>& r) {
            gate->toGui(generation, [finish, r] { finish(r); });
        });
    });
}

void ClusterSession::createTopics(
    const protocol::CreateTopicsRequest& request, QObject* context, Done<protocol::CreateTopicsResponse> done)
{
    write<protocol::CreateTopicsResponse>(context, std::move(done),
        [request](protocol::AdminClient& admin, auto deliver) { admin.createTopics(request, deliver); });
}

void ClusterSession::deleteTopics(const QStringList& names, QObject* context, Done<protocol::DeleteTopicsResponse> done)
{
    write<protocol::DeleteTopicsResponse>(context, std::move(done),
        [names](protocol::AdminClient& admin, auto deliver) { admin.deleteTopics(names, 30000, deliver); });
}

void ClusterSession::alterConfigs(const protocol::AlterConfigsResource& resource, bool validateOnly, QObject* context,
    Done<protocol::AlterConfigsResourceResponse> done)
{
    write<protocol::AlterConfigsResourceResponse>(
        context, std::move(done), [resource, validateOnly](protocol::AdminClient& admin, auto deliver) {
            admin.incrementalAlterConfigs(resource, validateOnly, deliver);
        });
}

void ClusterSession::createPartitions(
    const protocol::CreatePartitionsRequest& request, QObject* context, Done<protocol::CreatePartitionsResponse> done)
{
    write<protocol::CreatePartitionsResponse>(context, std::move(done),
        [request](protocol::AdminClient& admin, auto deliver) { admin.createPartitions(request, deliver); });
}

void ClusterSession::alterPartitionReassignments(const protocol::AlterPartitionReassignmentsRequest& request,
    QObject* context, Done<protocol::AlterPartitionReassignmentsResponse> done)
{
    write<protocol::AlterPartitionReassignmentsResponse>(context, std::move(done),
        [request](protocol::AdminClient& admin, auto deliver) { admin.alterPartitionReassignments(request, deliver); });
}

void ClusterSession::electLeaders(
    const protocol::ElectLeadersRequest& request, QObject* context, Done<protocol::ElectLeadersResponse> done)
{
    write<protocol::ElectLeadersResponse>(context, std::move(done),
        [request](protocol::AdminClient& admin, auto deliver) { admin.electLeaders(request, deliver); });
}

void ClusterSession::deleteRecords(
    const protocol::DeleteRecordsRequest& request, QObject* context, Done<protocol::DeleteRecordsResponse> done)
{
    write<protocol::DeleteRecordsResponse>(context, std::move(done),
        [request](protocol::AdminClient& admin, auto deliver) { admin.deleteRecords(request, deliver); });
}

void ClusterSession::describeQuorum(QObject* context, Done<protocol::DescribeQuorumResponse> done)
{
    ask<protocol::DescribeQuorumResponse>(
        context, std::move(done), [](protocol::AdminClient& admin, auto deliver) { admin.describeQuorum(deliver); });
}

void ClusterSession::describeCluster(QObject* context, Done<protocol::DescribeClusterResponse> done)
{
    ask<protocol::DescribeClusterResponse>(
        context, std::move(done), [](protocol::AdminClient& admin, auto deliver) { admin.describeCluster(deliver); });
}

void ClusterSession::describeConfigsOf(
    const QList<protocol::DescribeConfigsResource>& resources, QObject* context, Done<QList<ConfigResourceResult>> done)
{
    ask<QList<ConfigResourceResult>>(context, std::move(done),
        [resources](protocol::AdminClient& admin, auto deliver) { admin.describeConfigsOf(resources, deliver); });
}

void ClusterSession::listPartitionReassignments(
    const QStringList& topics, QObject* context, Done<protocol::ListPartitionReassignmentsResponse> done)
{
    // Partition lists come from the metadata the session has: the request names partitions.
    std::optional<QList<protocol::ListReassignmentsTopic>> wanted;
    if (!topics.isEmpty()) {
        QList<protocol::ListReassignmentsTopic> list;
        for (const auto& name : topics) {
            protocol::ListReassignmentsTopic t { name, {} };
            if (const auto* info = m_metadata.topic(name))
                for (const auto& p : info->partitions)
                    t.partitions.append(p.partition);
            list.append(t);
        }
        wanted = list;
    }
    ask<protocol::ListPartitionReassignmentsResponse>(context, std::move(done),
        [wanted](protocol::AdminClient& admin, auto deliver) { admin.listPartitionReassignments(wanted, deliver); });
}

void ClusterSession::describeLogDirs(
    const QStringList& topics, QObject* context, Done<QList<protocol::BrokerLogDirs>> done)
{
    ask<QList<protocol::BrokerLogDirs>>(context, std::move(done), [topics](protocol::AdminClient& admin, auto deliver) {
        admin.describeLogDirs(
            topics.isEmpty() ? std::nullopt : std::optional<QStringList>(topics), QList<int32_t> {}, deliver);
    });
}

void ClusterSession::offsetsAt(const QString& topic, int64_t timestamp, QObject* context, Done<OffsetsAt> done)
{
    const ClusterMetadata metadata = m_metadata;
    ask<OffsetsAt>(context, std::move(done), [metadata, topic, timestamp](protocol::AdminClient& admin, auto deliver) {
        admin.offsetsAt(metadata, { topic }, timestamp, deliver);
    });
}

void ClusterSession::listGroups(QObject* context, Done<GroupList> done)
{
    if (m_profile.demo && m_state == State::Connected) {
        // The mock broker serves no ListGroups/DescribeGroups, but the groups the app runs itself are known here.
        GroupList list;
        for (const auto& g : localGroups())
            list.groups.append({ g.name, g.type, g.state, g.protocolType, g.coordinator });
        list.note = QStringLiteral("The demo cluster's mock broker cannot list or describe groups: these are the "
                                   "groups KafScope runs itself (the demo group and playground groups), with lag "
                                   "from their committed offsets (OffsetFetch).");
        QTimer::singleShot(0, context ? context : this, [this, generation = m_generation, done, list] {
            if (generation == m_generation)
                done(AdminResult<GroupList>::success(list));
        });
        return;
    }
    ask<GroupList>(
        context, std::move(done), [](protocol::AdminClient& admin, auto deliver) { admin.listGroups(deliver); });
}

void ClusterSession::summarizeGroups(
    const QList<GroupListing>& groups, QObject* context, Done<QList<admin::GroupSummary>> done)
{
    std::optional<QList<GroupDescription>> described;
    if (m_profile.demo)
        described = localGroups();
    ask<QList<admin::GroupSummary>>(
        context, std::move(done), [groups, described](protocol::AdminClient& admin, auto deliver) {
            if (!described) {
                admin.summarizeGroups(groups, std::nullopt, deliver);
                return;
            }
            // The app's own groups carry no coordinator: OffsetFetch needs it.
            QStringList names;
            for (const auto& g : groups)
                names << g.name;
            admin.findGroupCoordinators(
                names, [&admin, groups, described, deliver](const AdminResult<QHash<QString, int32_t>>& found) {
                    if (!found.ok()) { // also what a closing admin client answers: do not touch it
                        deliver(AdminResult<QList<admin::GroupSummary>>::failure(found.error));
                        return;
                    }
                    QList<GroupListing> located = groups;
                    for (auto& g : located)
                        g.coordinator = found.value->value(g.name, -1);
                    QList<GroupDescription> descriptions = described.value_or(QList<GroupDescription>());
                    for (auto& d : descriptions)
                        d.coordinator = found.value->value(d.name, -1);
                    admin.summarizeGroups(located, descriptions, deliver);
                });
        });
}

void ClusterSession::describeGroup(
    const QString& name, const QString& typeHint, QObject* context, Done<admin::GroupDetail> done)
{
    if (m_profile.demo) {
        const auto local = localGroups();
        const auto it = std::find_if(local.begin(), local.end(), [&](const auto& g) { return g.name == name; });
        if (it == local.end()) {
            const auto error = AdminError::kafka(69,
                QStringLiteral("Group %1 is not one KafScope runs, and the demo cluster's mock broker cannot "
                               "describe groups.")
                    .arg(name));
            QTimer::singleShot(0, context ? context : this, [this, generation = m_generation, done, error] {
                if (generation == m_generation)
                    done(AdminResult<admin::GroupDetail>::failure(error));
            });
            return;
        }
        ask<admin::GroupDetail>(context, std::move(done), [group = *it](protocol::AdminClient& admin, auto deliver) {
            admin.findGroupCoordinators(
                { group.name }, [&admin, group, deliver](const AdminResult<QHash<QString, int32_t>>& found) mutable {
                    if (!found.ok()) { // also what a closing admin client answers: do not touch it
                        deliver(AdminResult<admin::GroupDetail>::failure(found.error));
                        return;
                    }
                    group.coordinator = found.value->value(group.name, -1);
                    admin.groupDetail(group, deliver, true);
                });
        });
        return;
    }
    ask<admin::GroupDetail>(context, std::move(done),
        [name, typeHint](protocol::AdminClient& admin, auto deliver) { admin.describeGroup(name, typeHint, deliver); });
}

void ClusterSession::loadResetInputs(const QString& group, const QStringList& topics, std::optional<int64_t> timestamp,
    QObject* context, Done<admin::ResetInputs> done)
{
    ask<admin::ResetInputs>(
        context, std::move(done), [group, topics, timestamp](protocol::AdminClient& admin, auto deliver) {
            admin.resetInputs(group, topics, timestamp, deliver);
        });
}

void ClusterSession::commitGroupOffsets(const QString& group, const QList<CommittedOffset>& offsets, QObject* context,
    Done<protocol::OffsetCommitResponse> done)
{
    write<protocol::OffsetCommitResponse>(
        context, std::move(done), [group, offsets](protocol::AdminClient& admin, auto deliver) {
            admin.commitGroupOffsets(group, offsets, deliver);
        });
}

void ClusterSession::deleteGroups(const QStringList& names, QObject* context, Done<protocol::DeleteGroupsResponse> done)
{
    write<protocol::DeleteGroupsResponse>(context, std::move(done),
        [names](protocol::AdminClient& admin, auto deliver) { admin.deleteGroups(names, deliver); });
}

void ClusterSession::deleteGroupOffsets(const QString& group, const QList<TopicPartitionRef>& partitions,
    QObject* context, Done<protocol::OffsetDeleteResponse> done)
{
    write<protocol::OffsetDeleteResponse>(
        context, std::move(done), [group, partitions](protocol::AdminClient& admin, auto deliver) {
            admin.deleteGroupOffsets(group, partitions, deliver);
        });
}

void ClusterSession::loadConfigs(ConfigResourceType type, const QString& name)
{
    const auto generation = m_generation;
    onWorker([this, gate = m_gate, generation, type, name] {
        auto* worker = gate->worker;
        if (!worker->admin)
            return;
        worker->admin->describeConfigs(
            type, name, [this, gate, generation, type, name](const AdminResult<ConfigResourceResult>& r) {
                gate->toGui(generation, [this, r, type, name] {
                    if (r.ok())
                        emit configsAvailable(*r.value);
                    else
                        emit configsFailed(type, name, explain(r.error));
                });
            });
    });
}

} // namespace kafscope

// Compiled here rather than in the aggregated mocs file, so executables that never use this class do not link it.
#include "moc_clustersession.cpp"
