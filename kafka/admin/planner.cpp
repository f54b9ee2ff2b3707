#include "kafka/admin/planner.h"

#include "kafka/types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <map>

namespace kafscope::admin {

namespace {

// Replica and preferred-leader counts per broker, kept up to date while a plan is built.
struct Load
{
    QHash<int32_t, int> replicas;
    QHash<int32_t, int> leaders;

    explicit Load(const QList<PartitionReplicas>& cluster)
    {
        for (const auto& p : cluster) {
            for (const auto b : p.replicas)
                ++replicas[b];
            if (!p.replicas.isEmpty())
                ++leaders[p.replicas.first()];
        }
    }
    void apply(const QList<int32_t>& before, const QList<int32_t>& after)
    {
        for (const auto b : before)
            --replicas[b];
        for (const auto b : after)
            ++replicas[b];
        if (!before.isEmpty())
            --leaders[before.first()];
        if (!after.isEmpty())
            ++leaders[after.first()];
    }
};

struct Brokers
{
    QList<int32_t> ids; // sorted
    QHash<int32_t, QString> racks;
    bool hasRacks = false;
    int rackCount = 0;

    Brokers(const QList<PlanBroker>& brokers, int32_t excluded = -1)
    {
        QSet<QString> distinct;
        for (const auto& b : brokers) {
            if (b.id == excluded)
                continue;
            ids.append(b.id);
            racks.insert(b.id, b.rack);
            if (!b.rack.isEmpty())
                distinct.insert(b.rack);
        }
        std::sort(ids.begin(), ids.end());
        hasRacks = !distinct.isEmpty();
        rackCount = int(distinct.size());
    }
    bool contains(int32_t id) const { return racks.contains(id); }
    QString rack(int32_t id) const { return racks.value(id); }
};

int rackUses(const Brokers& brokers, const QList<int32_t>& replicas, const QString& rack)
{
    if (!brokers.hasRacks)
        return 0;
    int n = 0;
    for (const auto b : replicas)
        if (brokers.rack(b) == rack)
            ++n;
    return n;
}

// The broker a new replica of this partition goes to: a rack the partition uses least, then the broker with the fewest
// replicas in the cluster, then the lowest id (deterministic plans).
std::optional<int32_t> pickNew(const Brokers& brokers, const QList<int32_t>& replicas, const Load& load)
{
    std::optional<int32_t> best;
    std::tuple<int, int, int32_t> bestScore;
    for (const auto b : brokers.ids) {
        if (replicas.contains(b))
            continue;
        const std::tuple<int, int, int32_t> score { rackUses(brokers, replicas, brokers.rack(b)),
            load.replicas.value(b), b };
        if (!best || score < bestScore) {
            best = b;
            bestScore = score;
        }
    }
    return best;
}

// The replica to drop when lowering the replication factor: never the preferred leader while another can go; first
// one whose rack the partition uses twice, then the broker with the most replicas.
int pickDrop(const Brokers& brokers, const QList<int32_t>& replicas, const Load& load)
{
    int bestIndex = -1;
    std::tuple<int, int, int, int32_t> bestScore;
    for (int i = 0; i < replicas.size(); ++i) {
        const auto b = replicas[i];
        const std::tuple<int, int, int, int32_t> score { i == 0 ? 0 : 1,
            brokers.hasRacks ? rackUses(brokers, replicas, brokers.rack(b)) : 0, load.replicas.value(b), b };
        if (bestIndex < 0 || score > bestScore) {
            bestIndex = i;
            bestScore = score;
        }
    }
    return bestIndex;
}

void finish(Plan& plan, const QList<PlanMove>& moves, const Brokers& brokers)
{
    plan.moves = moves;
    int rackDuplicates = 0;
    for (const auto& m : moves) {
        plan.replicasAdded += int(m.added().size());
        plan.replicasRemoved += int(m.removed().size());
        if (!m.before.isEmpty() && !m.after.isEmpty() && m.before.first() != m.after.first())
            ++plan.leaderChanges;
        if (brokers.hasRacks) {
            QSet<QString> racks;
            for (const auto b : m.after)
                racks.insert(brokers.rack(b));
            if (racks.size() < std::min<qsizetype>(m.after.size(), brokers.rackCount))
                ++rackDuplicates;
        }
    }
    if (rackDuplicates > 0)
        plan.warnings.append(QStringLiteral("%1 partition(s) keep two replicas in one rack although another rack has "
                                            "room (an existing replica was kept instead of moved).")
                                 .arg(rackDuplicates));
}

QList<PartitionReplicas> sorted(QList<PartitionReplicas> partitions)
{
    std::sort(partitions.begin(), partitions.end(), [](const auto& a, const auto& b) {
        return a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition;
    });
    return partitions;
}

} // namespace

QList<int32_t> PlanMove::added() const
{
    QList<int32_t> out;
    for (const auto b : after)
        if (!before.contains(b))
            out.append(b);
    return out;
}

QList<int32_t> PlanMove::removed() const
{
    QList<int32_t> out;
    for (const auto b : before)
        if (!after.contains(b))
            out.append(b);
    return out;
}

QList<PlanBroker> planBrokers(const ClusterMetadata& metadata)
{
    QList<PlanBroker> out;
    for (const auto& b : metadata.brokers)
        out.append({ b.nodeId, b.rack });
    return out;
}

QList<PartitionReplicas> clusterReplicas(const ClusterMetadata& metadata)
{
    QList<PartitionReplicas> out;
    for (const auto& t : metadata.topics)
        for (const auto& p : t.partitions)
            out.append({ t.name, p.partition, p.replicas });
    return out;
}

Plan planReplicationFactor(const QList<PlanBroker>& brokerList, const QList<PartitionReplicas>& cluster,
    const QStringList& topics, int replicationFactor)
{
    Plan plan;
    const Brokers brokers(brokerList);
    if (replicationFactor < 1) {
        plan.error = QStringLiteral("The replication factor must be at least 1.");
        return plan;
    }
    if (replicationFactor > brokers.ids.size()) {
        plan.error = QStringLiteral("Replication factor %1 needs %1 brokers; the cluster has %2.")
                         .arg(replicationFactor)
                         .arg(brokers.ids.size());
        return plan;
    }
    const QSet<QString> wanted(topics.cbegin(), topics.cend());
    QSet<QString> found;
    Load load(cluster);
    QList<PlanMove> moves;
    for (const auto& p : sorted(cluster)) {
        if (!wanted.contains(p.topic))
            continue;
        found.insert(p.topic);
        QList<int32_t> after = p.replicas;
        plan.minimumAdded += std::max(0, replicationFactor - int(after.size()));
        while (after.size() < replicationFactor) {
            const auto b = pickNew(brokers, after, load);
            if (!b)
                break;
            after.append(*b);
            ++load.replicas[*b]; // the next partition sees it
        }
        while (after.size() > replicationFactor) {
            const int drop = pickDrop(brokers, after, load);
            --load.replicas[after[drop]];
            after.removeAt(drop);
        }
        if (after != p.replicas)
            moves.append({ p.topic, p.partition, p.replicas, after });
    }
    for (const auto& t : topics)
        if (!found.contains(t)) {
            plan.error = QStringLiteral("Topic %1 is not in the cluster's metadata.").arg(t);
            return plan;
        }
    finish(plan, moves, brokers);
    return plan;
}

Plan planRemoveBroker(const QList<PlanBroker>& brokerList, const QList<PartitionReplicas>& cluster, int32_t broker)
{
    Plan plan;
    if (std::none_of(brokerList.begin(), brokerList.end(), [&](const auto& b) { return b.id == broker; })) {
        plan.error = QStringLiteral("Broker %1 is not in the cluster.").arg(broker);
        return plan;
    }
    const Brokers brokers(brokerList, broker);
    Load load(cluster);
    QList<PlanMove> moves;
    for (const auto& p : sorted(cluster)) {
        if (!p.replicas.contains(broker))
            continue;
        QList<int32_t> after = p.replicas;
        after.removeAll(broker);
        const auto b = pickNew(brokers, after, load);
        if (!b) {
            plan.error = QStringLiteral("%1-%2 has %3 replicas: without broker %4 the cluster has only %5 brokers.")
                             .arg(p.topic)
                             .arg(p.partition)
                             .arg(p.replicas.size())
                             .arg(broker)
                             .arg(brokers.ids.size());
            return plan;
        }
        if (p.replicas.first() == broker && !after.isEmpty()) {
            // The new preferred leader is a replica that is already in sync: the one leading the fewest partitions.
            const auto leader = *std::min_element(after.begin(), after.end(), [&](int32_t x, int32_t y) {
                return std::pair(load.leaders.value(x), x) < std::pair(load.leaders.value(y), y);
            });
            after.removeAll(leader);
            after.prepend(leader);
        }
        after.append(*b);
        ++plan.minimumAdded;
        load.apply(p.replicas, after);
        moves.append({ p.topic, p.partition, p.replicas, after });
    }
    finish(plan, moves, brokers);
    return plan;
}

Plan planRebalance(const QList<PlanBroker>& brokerList, const QList<PartitionReplicas>& cluster, const QString& topic)
{
    Plan plan;
    const Brokers brokers(brokerList);
    QList<PartitionReplicas> parts;
    for (const auto& p : sorted(cluster))
        if (p.topic == topic)
            parts.append(p);
    if (parts.isEmpty()) {
        plan.error = QStringLiteral("Topic %1 is not in the cluster's metadata.").arg(topic);
        return plan;
    }
    if (brokers.ids.isEmpty()) {
        plan.error = QStringLiteral("The cluster has no brokers.");
        return plan;
    }
    QList<QList<int32_t>> after;
    std::map<int32_t, int> count; // replicas of this topic per broker
    std::map<int32_t, int> leaders;
    for (const auto b : brokers.ids) {
        count[b] = 0;
        leaders[b] = 0;
    }
    int total = 0;
    for (const auto& p : parts) {
        after.append(p.replicas);
        for (const auto b : p.replicas)
            ++count[b];
        if (!p.replicas.isEmpty())
            ++leaders[p.replicas.first()];
        total += int(p.replicas.size());
    }
    const int ceilShare = (total + int(brokers.ids.size()) - 1) / int(brokers.ids.size());
    for (const auto& [b, n] : count)
        plan.minimumAdded += std::max(0, n - ceilShare);
    auto extreme = [&](const std::map<int32_t, int>& m, bool highest) {
        auto it = highest ? std::max_element(m.begin(), m.end(), [](auto& x, auto& y) { return x.second < y.second; })
                          : std::min_element(m.begin(), m.end(), [](auto& x, auto& y) { return x.second < y.second; });
        return *it;
    };
    // Replicas: move one from the fullest broker to the emptiest until they are at most one apart.
    for (int guard = 0; guard < total * 2; ++guard) {
        const auto [from, high] = extreme(count, true);
        const auto [to, low] = extreme(count, false);
        if (high - low <= 1)
            break;
        int chosen = -1;
        int chosenRackCost = 0;
        for (int i = 0; i < after.size(); ++i) {
            const auto& r = after[i];
            if (!r.contains(from) || r.contains(to))
                continue;
            QList<int32_t> without = r;
            without.removeAll(from);
            const int cost = rackUses(brokers, without, brokers.rack(to));
            if (chosen < 0 || cost < chosenRackCost) {
                chosen = i;
                chosenRackCost = cost;
                if (cost == 0)
                    break;
            }
        }
        if (chosen < 0)
            break;
        after[chosen][after[chosen].indexOf(from)] = to;
        --count[from];
        ++count[to];
        if (after[chosen].first() == to) {
            --leaders[from];
            ++leaders[to];
        }
    }
    // Preferred leaders: the same, by reordering a partition's replicas (no data moves).
    for (int guard = 0; guard < parts.size() * 2; ++guard) {
        const auto [from, high] = extreme(leaders, true);
        const auto [to, low] = extreme(leaders, false);
        if (high - low <= 1)
            break;
        int chosen = -1;
        for (int i = 0; i < after.size(); ++i)
            if (!after[i].isEmpty() && after[i].first() == from && after[i].contains(to)) {
                chosen = i;
                break;
            }
        if (chosen < 0)
            break;
        after[chosen].removeAll(to);
        after[chosen].prepend(to);
        --leaders[from];
        ++leaders[to];
    }
    QList<PlanMove> moves;
    for (int i = 0; i < parts.size(); ++i)
        if (after[i] != parts[i].replicas)
            moves.append({ parts[i].topic, parts[i].partition, parts[i].replicas, after[i] });
    finish(plan, moves, brokers);
    return plan;
}

Plan planFromTargets(const QList<PlanBroker>& brokerList, const QList<PartitionReplicas>& cluster,
    const QList<PartitionReplicas>& targets)
{
    Plan plan;
    const Brokers brokers(brokerList);
    QHash<QString, const PartitionReplicas*> current;
    for (const auto& p : cluster)
        current.insert(p.topic + QLatin1Char('-') + QString::number(p.partition), &p);
    QSet<QString> seen;
    QList<PlanMove> moves;
    for (const auto& t : targets) {
        const QString key = t.topic + QLatin1Char('-') + QString::number(t.partition);
        const auto* now = current.value(key);
        if (!now) {
            plan.error = QStringLiteral("%1 is not a partition of the cluster.").arg(key);
            return plan;
        }
        if (seen.contains(key)) {
            plan.error = QStringLiteral("%1 appears twice in the plan.").arg(key);
            return plan;
        }
        seen.insert(key);
        if (t.replicas.isEmpty()) {
            plan.error = QStringLiteral("%1 has no replicas in the plan.").arg(key);
            return plan;
        }
        if (QSet<int32_t>(t.replicas.cbegin(), t.replicas.cend()).size() != t.replicas.size()) {
            plan.error = QStringLiteral("%1 names a broker twice in its replicas.").arg(key);
            return plan;
        }
        for (const auto b : t.replicas)
            if (!brokers.contains(b)) {
                plan.error = QStringLiteral("%1: broker %2 is not in the cluster.").arg(key).arg(b);
                return plan;
            }
        if (t.replicas != now->replicas)
            moves.append({ t.topic, t.partition, now->replicas, t.replicas });
    }
    finish(plan, moves, brokers);
    plan.minimumAdded = plan.replicasAdded;
    return plan;
}

QByteArray reassignmentJson(const QList<PlanMove>& moves)
{
    QJsonArray partitions;
    for (const auto& m : moves) {
        QJsonArray replicas;
        QJsonArray dirs;
        for (const auto b : m.after) {
            replicas.append(b);
            dirs.append(QStringLiteral("any"));
        }
        partitions.append(
            QJsonObject { { QStringLiteral("topic"), m.topic }, { QStringLiteral("partition"), m.partition },
                { QStringLiteral("replicas"), replicas }, { QStringLiteral("log_dirs"), dirs } });
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("version"), 1 }, { QStringLiteral("partitions"), partitions } })
        .toJson(QJsonDocument::Indented);
}

std::optional<QList<PartitionReplicas>> parseReassignmentJson(const QByteArray& json, QString* error)
{
    auto fail = [&](const QString& why) -> std::optional<QList<PartitionReplicas>> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("Not JSON: %1 (at byte %2).").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return fail(QStringLiteral("A reassignment is a JSON object: {\"version\": 1, \"partitions\": [...]}."));
    const auto root = doc.object();
    if (root.value(QStringLiteral("version")).toInt(-1) != 1)
        return fail(QStringLiteral("Only version 1 of Kafka's reassignment JSON is known (\"version\": 1)."));
    if (!root.value(QStringLiteral("partitions")).isArray())
        return fail(QStringLiteral("\"partitions\" must be an array."));
    QList<PartitionReplicas> out;
    QSet<QString> seen;
    int index = 0;
    for (const auto& value : root.value(QStringLiteral("partitions")).toArray()) {
        const QString where = QStringLiteral("partitions[%1]").arg(index++);
        if (!value.isObject())
            return fail(where + QStringLiteral(" must be an object."));
        const auto entry = value.toObject();
        if (!entry.value(QStringLiteral("topic")).isString())
            return fail(where + QStringLiteral(": \"topic\" must be a string."));
        const auto partition = entry.value(QStringLiteral("partition"));
        if (!partition.isDouble() || partition.toDouble() != double(partition.toInt()) || partition.toInt() < 0)
            return fail(where + QStringLiteral(": \"partition\" must be a partition number."));
        if (!entry.value(QStringLiteral("replicas")).isArray())
            return fail(where + QStringLiteral(": \"replicas\" must be an array of broker ids."));
        PartitionReplicas p;
        p.topic = entry.value(QStringLiteral("topic")).toString();
        p.partition = partition.toInt();
        for (const auto& b : entry.value(QStringLiteral("replicas")).toArray()) {
            if (!b.isDouble() || b.toDouble() != double(b.toInt()) || b.toInt() < 0)
                return fail(where + QStringLiteral(": replicas must be broker ids."));
            p.replicas.append(b.toInt());
        }
        if (p.replicas.isEmpty())
            return fail(where + QStringLiteral(": \"replicas\" is empty."));
        if (entry.contains(QStringLiteral("log_dirs"))) {
            const auto dirs = entry.value(QStringLiteral("log_dirs")).toArray();
            if (dirs.size() != p.replicas.size())
                return fail(where + QStringLiteral(": \"log_dirs\" must have one entry per replica."));
            for (const auto& d : dirs)
                if (d.toString() != QLatin1String("any"))
                    return fail(where
                        + QStringLiteral(": log dir \"%1\": KafScope moves replicas between brokers only; use \"any\".")
                              .arg(d.toString()));
        }
        const QString key = p.topic + QLatin1Char('-') + QString::number(p.partition);
        if (seen.contains(key))
            return fail(QStringLiteral("%1 appears twice.").arg(key));
        seen.insert(key);
        out.append(p);
    }
    return out;
}

QList<protocol::AlterConfigsResource> throttleSetting(const ThrottlePlan& throttle, qint64 bytesPerSecond)
{
    using protocol::ConfigOperation;
    QList<protocol::AlterConfigsResource> out;
    const QString rate = QString::number(bytesPerSecond);
    for (const auto b : throttle.brokers)
        out.append({ ConfigResourceType::Broker, QString::number(b),
            { { QString::fromLatin1(kLeaderThrottleRate), ConfigOperation::Set, rate },
                { QString::fromLatin1(kFollowerThrottleRate), ConfigOperation::Set, rate } } });
    QStringList topics = throttle.leaderReplicas.keys();
    std::sort(topics.begin(), topics.end());
    for (const auto& t : topics)
        out.append({ ConfigResourceType::Topic, t,
            { { QString::fromLatin1(kLeaderThrottledReplicas), ConfigOperation::Set, throttle.leaderReplicas.value(t) },
                { QString::fromLatin1(kFollowerThrottledReplicas), ConfigOperation::Set,
                    throttle.followerReplicas.value(t) } } });
    return out;
}

QList<protocol::AlterConfigsResource> throttleRemoval(const QList<int32_t>& brokers, const QStringList& topics)
{
    using protocol::ConfigOperation;
    QList<protocol::AlterConfigsResource> out;
    for (const auto b : brokers)
        out.append({ ConfigResourceType::Broker, QString::number(b),
            { { QString::fromLatin1(kLeaderThrottleRate), ConfigOperation::Delete, std::nullopt },
                { QString::fromLatin1(kFollowerThrottleRate), ConfigOperation::Delete, std::nullopt } } });
    for (const auto& t : topics)
        out.append({ ConfigResourceType::Topic, t,
            { { QString::fromLatin1(kLeaderThrottledReplicas), ConfigOperation::Delete, std::nullopt },
                { QString::fromLatin1(kFollowerThrottledReplicas), ConfigOperation::Delete, std::nullopt } } });
    return out;
}

QList<protocol::DescribeConfigsResource> throttleQuery(const ClusterMetadata& metadata)
{
    QList<protocol::DescribeConfigsResource> out;
    const QStringList rates { QString::fromLatin1(kLeaderThrottleRate), QString::fromLatin1(kFollowerThrottleRate) };
    const QStringList lists { QString::fromLatin1(kLeaderThrottledReplicas),
        QString::fromLatin1(kFollowerThrottledReplicas) };
    for (const auto& b : metadata.brokers)
        out.append({ ConfigResourceType::Broker, QString::number(b.nodeId), rates });
    for (const auto& t : metadata.topics)
        out.append({ ConfigResourceType::Topic, t.name, lists });
    return out;
}

LeftoverThrottle leftoverThrottles(const QList<ConfigResourceResult>& configs)
{
    LeftoverThrottle t;
    for (const auto& c : configs) {
        if (c.errorCode != 0)
            continue;
        for (const auto& e : c.entries) {
            if (c.type == ConfigResourceType::Broker && e.source == ConfigSource::DynamicBroker
                && (e.name == QLatin1String(kLeaderThrottleRate) || e.name == QLatin1String(kFollowerThrottleRate))) {
                t.brokers.append(c.name.toInt());
                break;
            }
            if (c.type == ConfigResourceType::Topic && e.source == ConfigSource::DynamicTopic && !e.value.isEmpty()
                && (e.name == QLatin1String(kLeaderThrottledReplicas)
                    || e.name == QLatin1String(kFollowerThrottledReplicas))) {
                t.topics.append(c.name);
                break;
            }
        }
    }
    std::sort(t.brokers.begin(), t.brokers.end());
    std::sort(t.topics.begin(), t.topics.end());
    return t;
}

protocol::AlterPartitionReassignmentsRequest reassignmentRequest(const QList<PlanMove>& moves)
{
    protocol::AlterPartitionReassignmentsRequest request;
    QHash<QString, int> index;
    for (const auto& m : moves) {
        if (!index.contains(m.topic)) {
            index.insert(m.topic, int(request.topics.size()));
            request.topics.append({ m.topic, {} });
        }
        request.topics[index.value(m.topic)].partitions.append({ m.partition, m.after });
    }
    return request;
}

protocol::AlterPartitionReassignmentsRequest cancelRequest(const QList<PartitionReplicas>& partitions)
{
    protocol::AlterPartitionReassignmentsRequest request;
    QHash<QString, int> index;
    for (const auto& p : partitions) {
        if (!index.contains(p.topic)) {
            index.insert(p.topic, int(request.topics.size()));
            request.topics.append({ p.topic, {} });
        }
        request.topics[index.value(p.topic)].partitions.append({ p.partition, std::nullopt });
    }
    return request;
}

int stillMoving(const QList<PlanMove>& moves, const protocol::ListPartitionReassignmentsResponse& ongoing)
{
    QSet<QString> moving;
    for (const auto& t : ongoing.topics)
        for (const auto& p : t.partitions)
            moving.insert(t.name + QLatin1Char('-') + QString::number(p.partition));
    int n = 0;
    for (const auto& m : moves)
        n += moving.contains(m.topic + QLatin1Char('-') + QString::number(m.partition)) ? 1 : 0;
    return n;
}

ThrottlePlan throttleFor(const QList<PlanMove>& moves)
{
    ThrottlePlan t;
    QSet<int32_t> brokers;
    QHash<QString, QStringList> leader;
    QHash<QString, QStringList> follower;
    for (const auto& m : moves) {
        const auto added = m.added();
        if (added.isEmpty())
            continue; // a reorder or a removal copies nothing
        for (const auto b : m.before) {
            leader[m.topic].append(QStringLiteral("%1:%2").arg(m.partition).arg(b));
            brokers.insert(b);
        }
        for (const auto b : added) {
            follower[m.topic].append(QStringLiteral("%1:%2").arg(m.partition).arg(b));
            brokers.insert(b);
        }
    }
    for (auto it = leader.cbegin(); it != leader.cend(); ++it)
        t.leaderReplicas.insert(it.key(), it.value().join(QLatin1Char(',')));
    for (auto it = follower.cbegin(); it != follower.cend(); ++it)
        t.followerReplicas.insert(it.key(), it.value().join(QLatin1Char(',')));
    t.brokers = QList<int32_t>(brokers.cbegin(), brokers.cend());
    std::sort(t.brokers.begin(), t.brokers.end());
    return t;
}

} // namespace kafscope::admin
