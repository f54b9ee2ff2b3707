#include "kafka/demo/democluster.h"

#include <QByteArray>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <mutex>
#include <random>
#include <string>
#include <thread>

namespace kafscope::demo {

namespace {
constexpr int kBrokers = 3;
constexpr int kRestaurants = 12;
const char* const kDishes[] = { "margherita", "pad thai", "ramen", "burrito", "falafel", "pho", "biryani", "poke" };
} // namespace

struct DemoCluster::Impl
{
    rd_kafka_t* mockOwner = nullptr; // the mock cluster is tied to a client handle
    rd_kafka_mock_cluster_t* cluster = nullptr;
    rd_kafka_t* producer = nullptr;
    std::string bootstraps;
    std::thread thread;
    std::mutex mutex;
    std::condition_variable wake; // stop
    bool stop = false;
    std::atomic<long long> delivered { 0 };
    int eventsPerSecond = 6;
    long long seeded = 0;

    // A first batch, acknowledged before start() returns, so the topics have history when the window opens.
    void seed()
    {
        std::mt19937 rng(42);
        for (; seeded < 300; ++seeded)
            emitEvent(rng, seeded);
        rd_kafka_flush(producer, 10000);
    }

    ~Impl()
    {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        wake.notify_all();
        if (thread.joinable())
            thread.join();
        if (producer) {
            // Generated events: nobody misses the unsent ones, and teardown must be quick.
            rd_kafka_purge(producer, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
            rd_kafka_destroy(producer);
        }
        if (cluster)
            rd_kafka_mock_cluster_destroy(cluster);
        if (mockOwner)
            rd_kafka_destroy(mockOwner);
    }

    static void onDelivery(rd_kafka_t*, const rd_kafka_message_t* msg, void* opaque)
    {
        if (msg->err == RD_KAFKA_RESP_ERR_NO_ERROR)
            static_cast<Impl*>(opaque)->delivered.fetch_add(1, std::memory_order_relaxed);
    }

    void produce(const char* topic, const std::string& key, const std::string& value)
    {
        // RD_KAFKA_V_KEY with a null pointer gives a null key (the clicks topic has none).
        rd_kafka_producev(producer, RD_KAFKA_V_TOPIC(topic),
            RD_KAFKA_V_KEY(key.empty() ? nullptr : key.data(), key.size()),
            RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_END);
    }

    void emitEvent(std::mt19937& rng, long long n)
    {
        const int restaurant = int(rng() % kRestaurants) + 1;
        const std::string key = "restaurant-" + std::to_string(restaurant);
        const auto dish = kDishes[rng() % std::size(kDishes)];
        const int cents = 800 + int(rng() % 4000);
        produce("orders", key,
            "{\"order_id\":" + std::to_string(1000 + n) + ",\"restaurant\":\"" + key + "\",\"dish\":\"" + dish
                + "\",\"total_cents\":" + std::to_string(cents) + "}");
        if (n % 2 == 0)
            produce("payments", "order-" + std::to_string(1000 + n),
                "{\"order_id\":" + std::to_string(1000 + n) + ",\"amount_cents\":" + std::to_string(cents)
                    + ",\"method\":\"card\"}");
        produce("clicks", {}, "{\"page\":\"/menu/" + std::to_string(restaurant) + "\"}");
    }

    void run()
    {
        std::mt19937 rng(7);
        long long n = seeded;
        const auto period = std::chrono::milliseconds(1000 / std::max(1, eventsPerSecond));
        std::unique_lock lock(mutex);
        while (!stop) {
            lock.unlock();
            emitEvent(rng, n++);
            rd_kafka_poll(producer, 0);
            lock.lock();
            wake.wait_for(lock, period, [&] { return stop; });
        }
    }
};

DemoCluster::DemoCluster(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{ }
DemoCluster::~DemoCluster() = default;

QList<DemoTopic> DemoCluster::topics()
{
    return {
        { "orders", 6, 3,
            "Order events keyed by restaurant id: one restaurant's orders stay in order on one partition." },
        { "payments", 3, 3, "Payment events keyed by order id." },
        { "clicks", 4, 1, "Page clicks without keys: spread over partitions, no ordering promise." },
    };
}

std::unique_ptr<DemoCluster> DemoCluster::start(QString* error, int eventsPerSecond)
{
    auto impl = std::make_unique<Impl>();
    impl->eventsPerSecond = eventsPerSecond;
    char errstr[512];
    rd_kafka_conf_t* ownerConf = rd_kafka_conf_new();
    rd_kafka_conf_set(ownerConf, "log_level", "3", nullptr, 0);
    impl->mockOwner = rd_kafka_new(RD_KAFKA_PRODUCER, ownerConf, errstr, sizeof errstr);
    if (!impl->mockOwner) {
        *error = QStringLiteral("Could not create the demo cluster: %1").arg(QString::fromUtf8(errstr));
        return nullptr;
    }
    impl->cluster = rd_kafka_mock_cluster_new(impl->mockOwner, kBrokers);
    if (!impl->cluster) {
        *error = QStringLiteral("Could not start librdkafka's mock brokers.");
        return nullptr;
    }
    impl->bootstraps = rd_kafka_mock_cluster_bootstraps(impl->cluster);
    for (const auto& t : topics()) {
        if (auto err = rd_kafka_mock_topic_create(impl->cluster, t.name, t.partitions, t.replicationFactor)) {
            *error = QStringLiteral("Could not create demo topic %1: %2")
                         .arg(QString::fromUtf8(t.name), QString::fromUtf8(rd_kafka_err2str(err)));
            return nullptr;
        }
    }

    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", impl->bootstraps.c_str(), nullptr, 0);
    rd_kafka_conf_set(conf, "linger.ms", "20", nullptr, 0);
    rd_kafka_conf_set(conf, "log_level", "3", nullptr, 0);
    rd_kafka_conf_set_dr_msg_cb(conf, &Impl::onDelivery);
    rd_kafka_conf_set_opaque(conf, impl.get());
    impl->producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!impl->producer) {
        *error = QStringLiteral("Could not create the demo producer: %1").arg(QString::fromUtf8(errstr));
        return nullptr;
    }
    impl->seed();
    auto* raw = impl.get();
    impl->thread = std::thread([raw] { raw->run(); });
    return std::unique_ptr<DemoCluster>(new DemoCluster(std::move(impl)));
}

QMap<protocol::ApiKey, int16_t> DemoCluster::versionCaps()
{
    // The 2.0.2 mock advertises ListOffsets up to v5 but writes the v4+ LeaderEpoch as an int64, which shifts every
    // later field; v3 has everything we read (isolation level included).
    return { { protocol::ApiKey::ListOffsets, 3 } };
}

PlaygroundOptions DemoCluster::demoGroupOptions(const QString& bootstrap)
{
    PlaygroundOptions options;
    options.bootstrap = bootstrap;
    options.topic = QStringLiteral("orders");
    options.group = demoGroup;
    options.assignor = assignor::range;
    options.members = 2;
    options.recordsPerSecond = demoGroupPace(0);
    options.leaveOnShutdown = false; // the mock brokers go with the session
    return options;
}

double DemoCluster::demoGroupPace(qint64 elapsedMs, int eventsPerSecond)
{
    const double seconds = double(elapsedMs) / 1000.0;
    if (std::fmod(seconds, 240.0) >= 200.0)
        return 0; // paused: lag climbs at the production rate
    // Both members together consume `factor` times what the producer writes to "orders"; starting at the crest, so
    // the seeded backlog falls first.
    const double factor = 0.85 + 0.75 * std::cos(2 * M_PI * seconds / 120.0);
    return std::max(1.0, factor * eventsPerSecond / 2.0);
}

QString DemoCluster::bootstrapServers() const
{
    return QString::fromStdString(d->bootstraps);
}

long long DemoCluster::producedCount() const
{
    return d->delivered.load();
}

} // namespace kafscope::demo
