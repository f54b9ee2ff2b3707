#pragma once
// Value types that cross threads (admin worker -> GUI) and feed the models. Plain data, cheap to copy (Qt implicit
// sharing for the containers), registered as metatypes in kafka/metatypes.cpp.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <cstdint>

namespace kafscope {

struct BrokerInfo
{
    int32_t nodeId = -1;
    QString host;
    int32_t port = 0;
    QString rack; // empty when the broker has none (or the protocol version cannot say)

    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
    friend bool operator==(const BrokerInfo&, const BrokerInfo&) = default;
};

struct PartitionInfo
{
    int32_t partition = -1;
    int16_t errorCode = 0; // per-partition error from Metadata (e.g. LEADER_NOT_AVAILABLE)
    int32_t leader = -1; // -1: no leader (offline)
    int32_t leaderEpoch = -1;
    QList<int32_t> replicas;
    QList<int32_t> isr;
    QList<int32_t> offlineReplicas;
    // From ListOffsets; -1 while unknown (not loaded yet, or the leader failed to answer).
    int64_t earliest = -1;
    int64_t latest = -1;

    bool isUnderReplicated() const { return isr.size() < replicas.size(); }
    bool isOffline() const { return leader < 0; }
    bool hasOffsets() const { return earliest >= 0 && latest >= 0; }
    int64_t messageCount() const { return hasOffsets() ? latest - earliest : -1; }
    friend bool operator==(const PartitionInfo&, const PartitionInfo&) = default;
};

struct TopicInfo
{
    QString name;
    QByteArray topicId; // 16 bytes (UUID) from Metadata v10+, empty before
    bool isInternal = false;
    int16_t errorCode = 0;
    QList<PartitionInfo> partitions;

    int replicationFactor() const; // max replica count over partitions (0 when none)
    int underReplicatedCount() const;
    int offlineCount() const;
    // Sum of latest - earliest over partitions whose offsets are known; -1 when none is known.
    int64_t messageCount() const;
    bool offsetsKnown() const;
    const PartitionInfo* partition(int32_t index) const; // nullptr when absent
    friend bool operator==(const TopicInfo&, const TopicInfo&) = default;
};

struct ClusterMetadata
{
    QString clusterId; // empty for old protocol versions
    int32_t controllerId = -1;
    QList<BrokerInfo> brokers;
    QList<TopicInfo> topics;

    const BrokerInfo* broker(int32_t nodeId) const;
    const TopicInfo* topic(const QString& name) const;
};

// ListOffsets result for one partition.
struct PartitionOffset
{
    QString topic;
    int32_t partition = -1;
    int16_t errorCode = 0;
    int64_t offset = -1;
    int64_t timestamp = -1;
    int32_t leaderEpoch = -1; // v4+; -1 unknown
    friend bool operator==(const PartitionOffset&, const PartitionOffset&) = default;
};

// Offsets of many partitions at one point in time (earliest, latest, or a timestamp), with the errors of the leaders
// and partitions that did not give one.
struct OffsetsAt
{
    QList<PartitionOffset> offsets;
    QStringList errors;
};

// Earliest and latest offsets of many partitions, gathered from every leader. Partitions whose leader failed carry
// the error instead of offsets, so one broker's failure does not blank the others.
struct OffsetsSnapshot
{
    QList<PartitionOffset> earliest;
    QList<PartitionOffset> latest;
    QStringList errors; // human summaries of per-leader failures
};

// Values of ConfigResource.Type in Kafka's clients (DescribeConfigs' ResourceType).
enum class ConfigResourceType : int8_t {
    Unknown = 0,
    Topic = 2,
    Broker = 4,
    BrokerLogger = 8,
    ClientMetrics = 16,
    Group = 32
};
QString configResourceTypeName(ConfigResourceType type);

enum class ConfigSource : int8_t {
    Unknown = 0,
    DynamicTopic = 1,
    DynamicBroker = 2,
    DynamicDefaultBroker = 3,
    StaticBroker = 4,
    Default = 5,
    DynamicBrokerLogger = 6,
    ClientMetrics = 7, // CLIENT_METRICS_CONFIG (KIP-714)
    Group = 8, // GROUP_CONFIG (KIP-848)
};
QString configSourceName(ConfigSource source);

struct ConfigSynonym
{
    QString name;
    QString value;
    bool valueIsNull = false;
    ConfigSource source = ConfigSource::Unknown;
    friend bool operator==(const ConfigSynonym&, const ConfigSynonym&) = default;
};

struct ConfigEntry
{
    QString name;
    QString value;
    bool valueIsNull = false;
    bool readOnly = false;
    bool isDefault = false; // derived from source for v1+
    bool isSensitive = false;
    ConfigSource source = ConfigSource::Unknown;
    QList<ConfigSynonym> synonyms;
    QString documentation; // v3+, may be empty
    int8_t configType = 0; // v3+: ConfigType (0 unknown, 1 boolean, 2 string, 3 int, 4 short, 5 long, 6 double, 7 list,
                           // 8 class, 9 password)
    friend bool operator==(const ConfigEntry&, const ConfigEntry&) = default;
};

struct ConfigResourceResult
{
    ConfigResourceType type = ConfigResourceType::Unknown;
    QString name;
    int16_t errorCode = 0;
    QString errorMessage;
    QList<ConfigEntry> entries;
};

} // namespace kafscope

Q_DECLARE_METATYPE(kafscope::ClusterMetadata)
Q_DECLARE_METATYPE(kafscope::OffsetsSnapshot)
Q_DECLARE_METATYPE(kafscope::ConfigResourceResult)
