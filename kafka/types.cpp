#include "kafka/types.h"

#include <algorithm>

namespace kafscope {

const PartitionInfo* TopicInfo::partition(int32_t index) const
{
    // Partitions usually come in order: try the direct index first.
    if (index >= 0 && index < partitions.size() && partitions[index].partition == index)
        return &partitions[index];
    for (const auto& p : partitions)
        if (p.partition == index)
            return &p;
    return nullptr;
}

int TopicInfo::replicationFactor() const
{
    qsizetype rf = 0;
    for (const auto& p : partitions)
        rf = std::max(rf, p.replicas.size());
    return int(rf);
}

int TopicInfo::underReplicatedCount() const
{
    return int(
        std::count_if(partitions.begin(), partitions.end(), [](const auto& p) { return p.isUnderReplicated(); }));
}

int TopicInfo::offlineCount() const
{
    return int(std::count_if(partitions.begin(), partitions.end(), [](const auto& p) { return p.isOffline(); }));
}

int64_t TopicInfo::messageCount() const
{
    int64_t sum = 0;
    bool any = false;
    for (const auto& p : partitions) {
        if (p.hasOffsets()) {
            sum += p.messageCount();
            any = true;
        }
    }
    return any ? sum : -1;
}

bool TopicInfo::offsetsKnown() const
{
    return std::any_of(partitions.begin(), partitions.end(), [](const auto& p) { return p.hasOffsets(); });
}

const BrokerInfo* ClusterMetadata::broker(int32_t nodeId) const
{
    for (const auto& b : brokers)
        if (b.nodeId == nodeId)
            return &b;
    return nullptr;
}

const TopicInfo* ClusterMetadata::topic(const QString& name) const
{
    for (const auto& t : topics)
        if (t.name == name)
            return &t;
    return nullptr;
}

QString configResourceTypeName(ConfigResourceType type)
{
    switch (type) {
    case ConfigResourceType::Topic:
        return QStringLiteral("topic");
    case ConfigResourceType::Broker:
        return QStringLiteral("broker");
    case ConfigResourceType::BrokerLogger:
        return QStringLiteral("broker logger");
    case ConfigResourceType::ClientMetrics:
        return QStringLiteral("client metrics");
    case ConfigResourceType::Group:
        return QStringLiteral("group");
    case ConfigResourceType::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString configSourceName(ConfigSource source)
{
    switch (source) {
    case ConfigSource::DynamicTopic:
        return QStringLiteral("topic override");
    case ConfigSource::DynamicBroker:
        return QStringLiteral("dynamic broker");
    case ConfigSource::DynamicDefaultBroker:
        return QStringLiteral("dynamic cluster default");
    case ConfigSource::StaticBroker:
        return QStringLiteral("server.properties");
    case ConfigSource::Default:
        return QStringLiteral("default");
    case ConfigSource::DynamicBrokerLogger:
        return QStringLiteral("dynamic broker logger");
    case ConfigSource::ClientMetrics:
        return QStringLiteral("client metrics");
    case ConfigSource::Group:
        return QStringLiteral("group config");
    case ConfigSource::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace kafscope
