#pragma once
// The in-process demo cluster: librdkafka's mock broker (3 brokers on loopback) with seeded topics and a demo
// producer writing keyed order events, so offsets move, and (run by the session) a demo consumer group whose pace
// varies, so lag moves. What the mock cannot serve (configs, admin writes, group listing) is reported by the admin
// client as unsupported, and the UI says so.
#include "kafka/playground.h"
#include "kafka/protocol/apis.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>

namespace kafscope::demo {

struct DemoTopic
{
    const char* name;
    int partitions;
    int replicationFactor;
    const char* description;
};

class DemoCluster
{
public:
    // Starts the mock brokers, creates the demo topics, seeds them and starts the producer. Makes librdkafka calls:
    // never call it on the GUI thread. Returns nullptr and sets *error on failure.
    static std::unique_ptr<DemoCluster> start(QString* error, int eventsPerSecond = kEventsPerSecond);
    ~DemoCluster();
    DemoCluster(const DemoCluster&) = delete;
    DemoCluster& operator=(const DemoCluster&) = delete;

    QString bootstrapServers() const;
    static QList<DemoTopic> topics();
    // Versions the admin client must stay at or below with the mock broker (see ConnectionOptions::versionCaps).
    static QMap<protocol::ApiKey, int16_t> versionCaps();
    // How many records the demo producer has had acknowledged so far.
    long long producedCount() const;

    // The demo consumer group: "order-processors", 2 members (range) on "orders", committing what they consume. The
    // session runs it with the playground's consumers (kafka/client/playground.h), whose pace it sets every second
    // from demoGroupPace(), so its lag visibly rises and falls.
    static inline const QString demoGroup = QStringLiteral("order-processors");
    static PlaygroundOptions demoGroupOptions(const QString& bootstrap);
    // Records per second per member, `elapsedMs` after the group started: a slow wave over two minutes around the
    // producer's rate (two members at 1.6x the production rate at the crest, 0.1x in the trough), and a 20 s pause
    // in every four minutes.
    static double demoGroupPace(qint64 elapsedMs, int eventsPerSecond = kEventsPerSecond);
    static constexpr int kEventsPerSecond = 6;

private:
    struct Impl;
    explicit DemoCluster(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace kafscope::demo
