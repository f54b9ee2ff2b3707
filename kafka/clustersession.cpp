#include "kafka/clustersession.h"

#include "kafka/demo/democluster.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"

#include <memory>

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

void registerMetaTypes(); // metatypes.cpp

ClusterSession::ClusterSession(QObject* parent) : QObject(parent)
{
    registerMetaTypes();
    m_thread.setObjectName(QStringLiteral("kafscope-admin"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_worker = new Worker;
    m_thread.start();
}

ClusterSession::~ClusterSession()
{
    // Shutdown is the one place we wait on the worker: sockets and the demo cluster must die in their thread.
    auto* worker = m_worker;
    auto* context = m_context;
    QMetaObject::invokeMethod(
        m_context,
        [worker, context] {
            worker->reset();
            delete worker;
            delete context;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template<typename F>
void ClusterSession::onWorker(F&& f)
{
    QMetaObject::invokeMethod(m_context, std::forward<F>(f), Qt::QueuedConnection);
}

template<typename F>
void ClusterSession::toGui(quint64 generation, F&& f)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, f = std::forward<F>(f)]() mutable {
            if (generation == m_generation)
                f();
        },
        Qt::QueuedConnection);
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
                             "start the real local cluster (scripts/local-cluster start) to use it.");
    return error.message;
}

void ClusterSession::connectTo(const ConnectionProfile& profile)
{
    const auto generation = ++m_generation;
    m_profile = profile;
    m_metadata = {};
    m_bootstrap.clear();
    m_refreshing = true;
    m_lastRefreshed = {};
    QList<BrokerAddress> addresses;
    if (!profile.demo) {
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
             profile.demo ? QStringLiteral("Starting the demo cluster…")
                          : QStringLiteral("Connecting to %1…").arg(m_bootstrap));

    protocol::ConnectionOptions options;
    options.connectTimeoutMs = profile.connectTimeoutMs;
    options.requestTimeoutMs = profile.requestTimeoutMs;
    auto* worker = m_worker;
    const bool demo = profile.demo;
    onWorker([this, worker, generation, demo, addresses, options]() mutable {
        worker->reset();
        if (demo) {
            QString error;
            worker->demo = demo::DemoCluster::start(&error);
            if (!worker->demo) {
                toGui(generation, [this, error] {
                    m_refreshing = false;
                    setState(State::Failed, error);
                });
                return;
            }
            const auto bootstrap = worker->demo->bootstrapServers();
            addresses = parseBootstrap(bootstrap).addresses;
            options.versionCaps = demo::DemoCluster::versionCaps();
            toGui(generation, [this, bootstrap] { m_bootstrap = bootstrap; });
        }
        worker->admin = std::make_unique<protocol::AdminClient>(addresses, options);
        toGui(generation, [this] {
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
    auto* worker = m_worker;
    onWorker([worker] { worker->reset(); });
    setState(State::Disconnected, QStringLiteral("Disconnected"));
}

void ClusterSession::refresh()
{
    if (m_refreshing || m_state == State::Disconnected)
        return;
    m_refreshing = true;
    const auto generation = m_generation;
    auto* worker = m_worker;
    onWorker([this, worker, generation] {
        if (!worker->admin) {
            toGui(generation, [this] { m_refreshing = false; });
            return;
        }
        worker->admin->fetchMetadata(std::nullopt, [this, worker, generation](const AdminResult<ClusterMetadata>& md) {
            if (!md.ok()) {
                toGui(generation, [this, error = md.error] {
                    m_refreshing = false;
                    const auto message = explain(error);
                    if (m_state != State::Connected)
                        setState(State::Failed, message);
                    emit refreshFailed(message);
                });
                return;
            }
            worker->metadata = *md.value;
            toGui(generation, [this, metadata = *md.value] {
                m_metadata = metadata;
                m_lastRefreshed = QDateTime::currentDateTime();
                if (m_state != State::Connected)
                    setState(State::Connected,
                             QStringLiteral("Connected to %1 (%2 brokers)")
                                 .arg(m_profile.demo ? QStringLiteral("the demo cluster") : m_bootstrap)
                                 .arg(metadata.brokers.size()));
                emit metadataAvailable(m_metadata);
            });
            worker->admin->listOffsets(worker->metadata, {}, [this, generation](const AdminResult<OffsetsSnapshot>& r) {
                toGui(generation, [this, r] {
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

void ClusterSession::loadConfigs(ConfigResourceType type, const QString& name)
{
    const auto generation = m_generation;
    auto* worker = m_worker;
    onWorker([this, worker, generation, type, name] {
        if (!worker->admin)
            return;
        worker->admin->describeConfigs(type, name, [this, generation, type, name](const AdminResult<ConfigResourceResult>& r) {
            toGui(generation, [this, r, type, name] {
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
