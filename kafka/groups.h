#pragma once
// Value types of consumer groups as pages, the CLI and the lag sampler see them, whatever API described them:
// ListGroups for the listing, DescribeGroups (classic), ConsumerGroupDescribe (KIP-848) or ShareGroupDescribe
// (KIP-932) for the detail, OffsetFetch for committed offsets. Plain data, cheap to copy.
#include <QHashFunctions>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace kafscope {

// The group type the broker reports (ListGroups v5+): "classic", "consumer" (KIP-848), "share" (KIP-932),
// "streams" (KIP-1071); brokers before v5 only know classic groups.
namespace group_type {
inline const QString classic = QStringLiteral("classic");
inline const QString consumer = QStringLiteral("consumer");
inline const QString share = QStringLiteral("share");
inline const QString streams = QStringLiteral("streams");
} // namespace group_type

struct GroupListing
{
    QString name;
    QString type; // group_type::*, or what a newer broker sends
    QString state; // e.g. "Stable", "Empty", "PreparingRebalance", "Dead"; empty before ListGroups v4
    std::optional<QString> protocolType; // classic protocol type ("consumer", "connect", ...); nullopt when none
    int32_t coordinator = -1; // the broker that listed it (each broker lists the groups it coordinates)
    friend bool operator==(const GroupListing&, const GroupListing&) = default;
};

// Groups of every broker, and the brokers that did not answer (their groups are missing, said in words).
struct GroupList
{
    QList<GroupListing> groups;
    QStringList errors;
    // Why the listing is not the cluster's (the demo's mock broker cannot list groups), shown as an info line.
    QString note;
};

struct TopicPartitionRef
{
    QString topic;
    int32_t partition = -1;
    friend bool operator==(const TopicPartitionRef&, const TopicPartitionRef&) = default;
    friend bool operator<(const TopicPartitionRef& a, const TopicPartitionRef& b)
    {
        return a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition;
    }
};

inline size_t qHash(const TopicPartitionRef& tp, size_t seed = 0)
{
    return qHashMulti(seed, tp.topic, tp.partition);
}

struct GroupMember
{
    QString memberId;
    std::optional<QString> instanceId; // static membership (group.instance.id)
    QString clientId;
    QString host;
    std::optional<QString> rack; // KIP-848 / share groups
    QList<TopicPartitionRef> assignment; // what the member owns now
    // KIP-848: what the group coordinator wants the member to own, and the member's epoch (-1 for classic groups).
    QList<TopicPartitionRef> targetAssignment;
    int32_t memberEpoch = -1;
    QStringList subscribedTopics;
    std::optional<QString> subscribedRegex;
    friend bool operator==(const GroupMember&, const GroupMember&) = default;
};

struct GroupDescription
{
    QString name;
    QString type; // group_type::*
    QString state;
    std::optional<QString> protocolType;
    // The classic group's protocol (the assignor a consumer group chose: "range", "cooperative-sticky", ...), or the
    // server-side assignor of a KIP-848 / share group ("uniform", "range").
    QString assignor;
    int32_t coordinator = -1;
    int32_t groupEpoch = -1; // KIP-848 / share
    int32_t assignmentEpoch = -1; // KIP-848 / share
    QList<GroupMember> members;
    int16_t errorCode = 0; // GROUP_ID_NOT_FOUND, GROUP_AUTHORIZATION_FAILED, ... (-1: the coordinator did not answer)
    QString errorMessage;

    bool hasActiveMembers() const { return !members.isEmpty(); }
    // The member that owns the partition, or nullptr.
    const GroupMember* owner(const QString& topic, int32_t partition) const;
    QStringList topics() const; // of the members' assignments, sorted
    friend bool operator==(const GroupDescription&, const GroupDescription&) = default;
};

struct CommittedOffset
{
    QString topic;
    int32_t partition = -1;
    int64_t offset = -1; // -1: no committed offset
    int32_t leaderEpoch = -1;
    std::optional<QString> metadata;
    int16_t errorCode = 0;
    friend bool operator==(const CommittedOffset&, const CommittedOffset&) = default;
};

// The committed offsets of one group (OffsetFetch), or (for share groups) the share-partition start offsets.
struct GroupOffsets
{
    QString group;
    QList<CommittedOffset> offsets; // only partitions with a committed offset, unless the caller asked for others
    int16_t errorCode = 0;
    QString errorMessage;
    friend bool operator==(const GroupOffsets&, const GroupOffsets&) = default;
};

} // namespace kafscope

Q_DECLARE_METATYPE(kafscope::GroupList)
Q_DECLARE_METATYPE(kafscope::GroupDescription)
