// kafscope-cli topic set-rf and reassign plan|execute|status|cancel: the planner (kafka/admin/planner.h) and
// AlterPartitionReassignments / ListPartitionReassignments through the own admin client. A replication throttle is
// set on the brokers and topics of the plan, and removed by whoever sees the reassignment finish first: --wait,
// `reassign status` (as Kafka's tool does on --verify) or the app.
#include "app/cli/cli.h"
#include "app/cli/common.h"
#include "app/cli/dataplane.h"
#include "kafka/admin/configedit.h"
#include "kafka/admin/planner.h"
#include "kafka/admin/topicname.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/errors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QThread>
#include <QTimer>

namespace kafscope::cli {

namespace {

int usage(const QString& message, const QString& help = QStringLiteral("kafscope-cli reassign --help"))
{
    return usageError(message, help);
}

QJsonArray ids(const QList<int32_t>& list)
{
    QJsonArray out;
    for (const auto b : list)
        out.append(b);
    return out;
}

QString idList(const QList<int32_t>& list)
{
    QStringList out;
    for (const auto b : list)
        out.append(QString::number(b));
    return QStringLiteral("[") + out.join(QLatin1Char(',')) + QStringLiteral("]");
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

std::optional<AdminResult<ClusterMetadata>> metadataOf(protocol::AdminClient& admin)
{
    return awaitResult<ClusterMetadata>([&](auto done) { admin.fetchMetadata(std::nullopt, done); });
}

// Sends the config changes one resource at a time; the first refusal stops.
AdminError applyConfigs(protocol::AdminClient& admin, const QList<protocol::AlterConfigsResource>& changes)
{
    for (const auto& resource : changes) {
        const auto r = awaitResult<protocol::AlterConfigsResourceResponse>(
            [&](auto done) { admin.incrementalAlterConfigs(resource, false, done); });
        if (!r.ok())
            return r.error;
    }
    return {};
}

std::optional<qint64> throttleOption(const QCommandLineParser& parser, QString* error)
{
    if (!parser.isSet(QStringLiteral("throttle")))
        return -1;
    bool ok = false;
    const qint64 rate = parser.value(QStringLiteral("throttle")).toLongLong(&ok);
    if (!ok || rate <= 0) {
        *error = QStringLiteral("--throttle takes a positive number of bytes per second, not '%1'")
                     .arg(parser.value(QStringLiteral("throttle")));
        return std::nullopt;
    }
    return rate;
}

// Leftover throttles: rates on brokers and replica lists on topics, with no reassignment running. Removes them.
int removeLeftoverThrottles(protocol::AdminClient& admin, const ClusterMetadata& metadata, bool quiet)
{
    const auto configs = awaitResult<QList<ConfigResourceResult>>(
        [&](auto done) { admin.describeConfigsOf(admin::throttleQuery(metadata), done); });
    if (!configs.ok())
        return adminFailure(configs.error);
    const auto leftover = admin::leftoverThrottles(*configs.value);
    if (!leftover.any())
        return Ok;
    const auto error = applyConfigs(admin, admin::throttleRemoval(leftover.brokers, leftover.topics));
    if (error.kind != AdminError::Kind::None)
        return adminFailure(error);
    if (!quiet)
        err() << "kafscope-cli: removed the replication throttle (brokers " << idList(leftover.brokers) << ", topics "
              << leftover.topics.join(QStringLiteral(", ")) << "): no reassignment is running" << Qt::endl;
    return Ok;
}

void printPlan(const admin::Plan& plan, const QMap<QString, qint64>& bytesPerPartition)
{
    qint64 bytes = 0;
    for (const auto& m : plan.moves) {
        const qint64 size = bytesPerPartition.value(m.topic + QLatin1Char('-') + QString::number(m.partition), 0);
        bytes += size * m.added().size();
        err() << "  " << m.topic << "-" << m.partition << ": " << idList(m.before) << " -> " << idList(m.after)
              << Qt::endl;
    }
    err() << "plan: " << plan.moves.size() << " partition(s), copies " << plan.replicasAdded << " replica(s) (minimum "
          << plan.minimumAdded << "), removes " << plan.replicasRemoved << ", " << plan.leaderChanges
          << " preferred-leader change(s), about " << admin::formatBytes(bytes) << " to copy" << Qt::endl;
    for (const auto& w : plan.warnings)
        err() << "kafscope-cli: warning: " << w << Qt::endl;
}

// Partition sizes on their leaders, for the bytes a plan copies.
QMap<QString, qint64> partitionSizes(protocol::AdminClient& admin, const ClusterMetadata& md, const QStringList& topics)
{
    QMap<QString, qint64> sizes;
    const auto dirs
        = awaitResult<QList<protocol::BrokerLogDirs>>([&](auto done) { admin.describeLogDirs(topics, {}, done); });
    if (!dirs.ok())
        return sizes;
    for (const auto& broker : *dirs.value)
        for (const auto& dir : broker.dirs)
            for (const auto& t : dir.topics) {
                const auto* info = md.topic(t.name);
                for (const auto& p : t.partitions) {
                    const auto* part = info ? info->partition(p.partition) : nullptr;
                    if (part && part->leader == broker.broker && !p.isFuture)
                        sizes.insert(t.name + QLatin1Char('-') + QString::number(p.partition), p.size);
                }
            }
    return sizes;
}

// Starts the plan (with its throttle); with `wait`, follows it to the end, removes the throttle and prints the final
// replicas.
int execute(protocol::AdminClient& admin, const admin::Plan& plan, qint64 throttle, bool wait, bool json)
{
    if (plan.moves.isEmpty()) {
        err() << "kafscope-cli: nothing to move: every partition already has the planned replicas" << Qt::endl;
        if (json)
            out() << "[]\n";
        return Ok;
    }
    const auto throttlePlan = admin::throttleFor(plan.moves);
    QStringList throttledTopics = throttlePlan.leaderReplicas.keys();
    if (throttle > 0) {
        if (const auto error = applyConfigs(admin, admin::throttleSetting(throttlePlan, throttle));
            error.kind != AdminError::Kind::None)
            return adminFailure(error);
        err() << "kafscope-cli: throttled replication to " << admin::formatBytes(throttle) << "/s on brokers "
              << idList(throttlePlan.brokers) << Qt::endl;
    }
    const auto started = awaitResult<protocol::AlterPartitionReassignmentsResponse>(
        [&](auto done) { admin.alterPartitionReassignments(admin::reassignmentRequest(plan.moves), done); });
    if (!started.ok()) {
        if (throttle > 0)
            applyConfigs(admin, admin::throttleRemoval(throttlePlan.brokers, throttledTopics));
        return adminFailure(started.error);
    }
    int refused = 0;
    for (const auto& t : started.value->responses)
        for (const auto& p : t.partitions)
            if (p.errorCode != 0) {
                ++refused;
                err() << "kafscope-cli: " << t.name << "-" << p.partition << ": "
                      << AdminError::kafka(p.errorCode, {}, p.errorMessage.value_or(QString())).message << Qt::endl;
            }
    if (refused > 0 && refused == plan.moves.size()) {
        if (throttle > 0)
            applyConfigs(admin, admin::throttleRemoval(throttlePlan.brokers, throttledTopics));
        return KafkaError;
    }
    if (!wait) {
        err() << "kafscope-cli: started moving " << plan.moves.size() - refused
              << " partition(s); follow with 'kafscope-cli reassign status'" << Qt::endl;
        return refused ? KafkaError : Ok;
    }
    QList<protocol::ListReassignmentsTopic> topics;
    {
        QMap<QString, QList<int32_t>> byTopic;
        for (const auto& m : plan.moves)
            byTopic[m.topic].append(m.partition);
        for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it)
            topics.append({ it.key(), it.value() });
    }
    int last = -1;
    for (;;) {
        const auto ongoing = awaitResult<protocol::ListPartitionReassignmentsResponse>(
            [&](auto done) { admin.listPartitionReassignments(topics, done); });
        if (!ongoing.ok())
            return adminFailure(ongoing.error);
        const int moving = admin::stillMoving(plan.moves, *ongoing.value);
        if (moving != last) {
            err() << "kafscope-cli: " << plan.moves.size() - moving << "/" << plan.moves.size() << " partition(s) done"
                  << Qt::endl;
            last = moving;
        }
        if (moving == 0)
            break;
        pause(500);
    }
    if (throttle > 0) {
        // The rates on the brokers are shared: while another reassignment runs they stay (its topics need them).
        const auto others = awaitResult<protocol::ListPartitionReassignmentsResponse>(
            [&](auto done) { admin.listPartitionReassignments(std::nullopt, done); });
        const bool othersRun = !others.ok() || !others.value->topics.isEmpty();
        if (const auto error = applyConfigs(
                admin, admin::throttleRemoval(othersRun ? QList<int32_t> {} : throttlePlan.brokers, throttledTopics));
            error.kind != AdminError::Kind::None)
            return adminFailure(error);
        err() << "kafscope-cli: removed the replication throttle"
              << (othersRun ? " of these topics (another reassignment runs: the broker rates stay for it)" : "")
              << Qt::endl;
    }
    // The final replicas, once the metadata shows them (it reaches every broker a moment after the controller).
    ClusterMetadata md;
    for (int i = 0; i < 100; ++i) {
        const auto r = metadataOf(admin);
        if (!r || !r->ok())
            return adminFailure(r ? r->error : AdminError::network(QStringLiteral("no metadata")));
        md = *r->value;
        bool all = true;
        for (const auto& m : plan.moves) {
            const auto* t = md.topic(m.topic);
            const auto* p = t ? t->partition(m.partition) : nullptr;
            all = all && p && p->replicas == m.after;
        }
        if (all)
            break;
        pause(100);
    }
    QJsonArray array;
    for (const auto& m : plan.moves) {
        const auto* t = md.topic(m.topic);
        const auto* p = t ? t->partition(m.partition) : nullptr;
        if (json)
            array.append(
                QJsonObject { { QStringLiteral("topic"), m.topic }, { QStringLiteral("partition"), int(m.partition) },
                    { QStringLiteral("replicas"), ids(p ? p->replicas : QList<int32_t> {}) },
                    { QStringLiteral("isr"), ids(p ? p->isr : QList<int32_t> {}) } });
        else
            out() << m.topic << "-" << m.partition << ": replicas " << idList(p ? p->replicas : QList<int32_t> {})
                  << ", isr " << idList(p ? p->isr : QList<int32_t> {}) << Qt::endl;
    }
    if (json)
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    out().flush();
    return refused ? KafkaError : Ok;
}

} // namespace

void addReassignOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("topic"), QStringLiteral("plan: these topics; cancel: only this topic."),
        QStringLiteral("T") });
    parser.addOption({ QStringLiteral("replication-factor"),
        QStringLiteral("plan --topic: the replication factor to plan for (default: the current one)."),
        QStringLiteral("R") });
    parser.addOption({ QStringLiteral("remove-broker"), QStringLiteral("plan: move every replica off this broker."),
        QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("rebalance"),
        QStringLiteral("plan: spread this topic's replicas and leaders evenly."), QStringLiteral("T") });
    parser.addOption({ QStringLiteral("throttle"),
        QStringLiteral("execute: limit replication to this many bytes per second while it runs."),
        QStringLiteral("BYTES_PER_SEC") });
    parser.addOption(
        { QStringLiteral("wait"), QStringLiteral("execute: return when it is done; print the replicas.") });
}

int runSetReplicationFactor(const QCommandLineParser& parser, const CommandContext& context)
{
    const auto help = QStringLiteral("kafscope-cli topic --help");
    if (context.positionals.size() != 2)
        return usage(QStringLiteral("topic set-rf takes exactly one topic name"), help);
    const QString name = context.positionals.at(1);
    bool ok = false;
    const int rf = parser.value(QStringLiteral("replication-factor")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("replication-factor")) || !ok || rf < 1)
        return usage(QStringLiteral("--replication-factor takes a number of replicas, 1 or more"), help);
    QString error;
    const auto throttle = throttleOption(parser, &error);
    if (!throttle)
        return usage(error, help);
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool wait = parser.isSet(QStringLiteral("wait"));
    if (dryRun && wait)
        return usage(QStringLiteral("--dry-run and --wait do not go together"), help);
    if (!dryRun && refuseOnReadOnly(context, QStringLiteral("change the replication factor of %1").arg(name)))
        return Refused;
    auto admin = adminClient(context);
    const auto md = metadataOf(*admin);
    if (!md->ok())
        return adminFailure(md->error);
    const auto* topic = md->value->topic(name);
    if (!topic || topic->errorCode != 0)
        return adminFailure(
            AdminError::kafka(topic ? topic->errorCode : int16_t(3), QStringLiteral("Topic %1").arg(name)));
    const auto plan = admin::planReplicationFactor(
        admin::planBrokers(*md->value), admin::clusterReplicas(*md->value), { name }, rf);
    if (!plan.ok()) {
        err() << "kafscope-cli: refusing: " << plan.error << Qt::endl; // nothing was sent
        return Refused;
    }
    printPlan(plan, partitionSizes(*admin, *md->value, { name }));
    if (dryRun) {
        if (context.json)
            out() << admin::reassignmentJson(plan.moves);
        out().flush();
        return Ok;
    }
    return execute(*admin, plan, *throttle, wait, context.json);
}

int runReassign(const QCommandLineParser& parser, const CommandContext& context)
{
    const QString action = context.positionals.value(0);
    if (context.positionals.size() > (action == QLatin1String("execute") ? 2 : 1))
        return usage(QStringLiteral("too many arguments for 'reassign %1'").arg(action));
    if (action == QLatin1String("plan")) {
        const QStringList topics = parser.values(QStringLiteral("topic"));
        const int modes = (topics.isEmpty() ? 0 : 1) + (parser.isSet(QStringLiteral("remove-broker")) ? 1 : 0)
            + (parser.isSet(QStringLiteral("rebalance")) ? 1 : 0);
        if (modes != 1)
            return usage(QStringLiteral("reassign plan takes one of --topic T..., --remove-broker ID, --rebalance T"));
        // The options are read before anything is sent.
        QStringList named = topics;
        if (parser.isSet(QStringLiteral("rebalance")))
            named.append(parser.value(QStringLiteral("rebalance")));
        for (const auto& t : named) {
            if (const auto check = admin::checkTopicName(t); !check.ok())
                return usage(check.error);
        }
        bool ok = false;
        const int rf = parser.value(QStringLiteral("replication-factor")).toInt(&ok);
        if (parser.isSet(QStringLiteral("replication-factor")) && (!ok || rf < 1 || rf > 32767))
            return usage(QStringLiteral("--replication-factor takes a number of replicas, 1 to 32767"));
        const int broker = parser.value(QStringLiteral("remove-broker")).toInt(&ok);
        if (parser.isSet(QStringLiteral("remove-broker")) && (!ok || broker < 0))
            return usage(QStringLiteral("--remove-broker takes a broker id (a number, 0 or more), not '%1'")
                             .arg(parser.value(QStringLiteral("remove-broker"))));
        auto admin = adminClient(context);
        const auto md = metadataOf(*admin);
        if (!md->ok())
            return adminFailure(md->error);
        const auto brokers = admin::planBrokers(*md->value);
        const auto cluster = admin::clusterReplicas(*md->value);
        admin::Plan plan;
        QStringList involved;
        if (!topics.isEmpty()) {
            for (const auto& t : topics) {
                const auto* info = md->value->topic(t);
                if (!info || info->errorCode != 0)
                    return adminFailure(
                        AdminError::kafka(info ? info->errorCode : int16_t(3), QStringLiteral("Topic %1").arg(t)));
            }
            involved = topics;
            if (parser.isSet(QStringLiteral("replication-factor"))) {
                plan = admin::planReplicationFactor(brokers, cluster, topics, rf);
            } else {
                // The current assignment, to edit by hand and execute (what Kafka's tool prints as "current").
                QList<admin::PlanMove> current;
                for (const auto& p : cluster)
                    if (topics.contains(p.topic))
                        current.append({ p.topic, p.partition, p.replicas, p.replicas });
                if (context.json)
                    out() << admin::reassignmentJson(current);
                else
                    out() << admin::reassignmentJson(current);
                err() << "kafscope-cli: the current assignment of " << current.size()
                      << " partition(s); edit the replicas and run 'kafscope-cli reassign execute FILE'" << Qt::endl;
                out().flush();
                return Ok;
            }
        } else if (parser.isSet(QStringLiteral("remove-broker"))) {
            plan = admin::planRemoveBroker(brokers, cluster, broker);
        } else {
            const QString topic = parser.value(QStringLiteral("rebalance"));
            const auto* info = md->value->topic(topic);
            if (!info || info->errorCode != 0)
                return adminFailure(
                    AdminError::kafka(info ? info->errorCode : int16_t(3), QStringLiteral("Topic %1").arg(topic)));
            plan = admin::planRebalance(brokers, cluster, topic);
        }
        if (!plan.ok()) {
            err() << "kafscope-cli: refusing: " << plan.error << Qt::endl;
            return Refused;
        }
        for (const auto& m : plan.moves)
            if (!involved.contains(m.topic))
                involved.append(m.topic);
        printPlan(plan, partitionSizes(*admin, *md->value, involved));
        out() << admin::reassignmentJson(plan.moves);
        out().flush();
        return Ok;
    }
    if (action == QLatin1String("execute")) {
        if (context.positionals.size() != 2)
            return usage(QStringLiteral("reassign execute takes the plan's JSON file"));
        QString error;
        const auto throttle = throttleOption(parser, &error);
        if (!throttle)
            return usage(error);
        QFile file(context.positionals.at(1));
        if (!file.open(QIODevice::ReadOnly))
            return usage(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const auto targets = admin::parseReassignmentJson(file.readAll(), &error);
        if (!targets)
            return usage(QStringLiteral("%1: %2").arg(file.fileName(), error));
        if (refuseOnReadOnly(context, QStringLiteral("start a reassignment")))
            return Refused;
        auto admin = adminClient(context);
        const auto md = metadataOf(*admin);
        if (!md->ok())
            return adminFailure(md->error);
        const auto plan
            = admin::planFromTargets(admin::planBrokers(*md->value), admin::clusterReplicas(*md->value), *targets);
        if (!plan.ok()) {
            err() << "kafscope-cli: refusing: " << plan.error << Qt::endl;
            return Refused;
        }
        QStringList topics;
        for (const auto& m : plan.moves)
            topics.append(m.topic);
        topics.removeDuplicates();
        printPlan(plan, partitionSizes(*admin, *md->value, topics));
        return execute(*admin, plan, *throttle, parser.isSet(QStringLiteral("wait")), context.json);
    }
    if (action == QLatin1String("status")) {
        auto admin = adminClient(context);
        const auto ongoing = awaitResult<protocol::ListPartitionReassignmentsResponse>(
            [&](auto done) { admin->listPartitionReassignments(std::nullopt, done); });
        if (!ongoing.ok())
            return adminFailure(ongoing.error);
        QJsonArray array;
        int count = 0;
        for (const auto& t : ongoing.value->topics)
            for (const auto& p : t.partitions) {
                ++count;
                if (context.json)
                    array.append(QJsonObject { { QStringLiteral("topic"), t.name },
                        { QStringLiteral("partition"), p.partition }, { QStringLiteral("replicas"), ids(p.replicas) },
                        { QStringLiteral("adding"), ids(p.addingReplicas) },
                        { QStringLiteral("removing"), ids(p.removingReplicas) } });
                else
                    out() << t.name << "-" << p.partition << ": replicas " << idList(p.replicas) << ", adding "
                          << idList(p.addingReplicas) << ", removing " << idList(p.removingReplicas) << Qt::endl;
            }
        if (context.json)
            out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        else if (count == 0)
            out() << "no reassignment is running" << Qt::endl;
        out().flush();
        if (count == 0 && !context.readOnly) {
            // Whoever sees it finish first removes the throttle it left.
            const auto md = metadataOf(*admin);
            if (md->ok())
                return removeLeftoverThrottles(*admin, *md->value, false);
        }
        return Ok;
    }
    if (action == QLatin1String("cancel")) {
        if (refuseOnReadOnly(context, QStringLiteral("cancel a reassignment")))
            return Refused;
        const QString only = parser.value(QStringLiteral("topic"));
        auto admin = adminClient(context);
        const auto ongoing = awaitResult<protocol::ListPartitionReassignmentsResponse>(
            [&](auto done) { admin->listPartitionReassignments(std::nullopt, done); });
        if (!ongoing.ok())
            return adminFailure(ongoing.error);
        QList<admin::PartitionReplicas> partitions;
        for (const auto& t : ongoing.value->topics)
            if (only.isEmpty() || t.name == only)
                for (const auto& p : t.partitions)
                    partitions.append({ t.name, p.partition, {} });
        if (partitions.isEmpty()) {
            out() << "no reassignment to cancel" << Qt::endl;
        } else {
            const auto cancelled = awaitResult<protocol::AlterPartitionReassignmentsResponse>(
                [&](auto done) { admin->alterPartitionReassignments(admin::cancelRequest(partitions), done); });
            if (!cancelled.ok())
                return adminFailure(cancelled.error);
            int failed = 0;
            for (const auto& t : cancelled.value->responses)
                for (const auto& p : t.partitions)
                    if (p.errorCode != 0 && p.errorCode != 85 /* NO_REASSIGNMENT_IN_PROGRESS: it just finished */) {
                        ++failed;
                        err() << "kafscope-cli: " << t.name << "-" << p.partition << ": "
                              << AdminError::kafka(p.errorCode, {}, p.errorMessage.value_or(QString())).message
                              << Qt::endl;
                    }
            out() << "cancelled the reassignment of " << partitions.size() - failed
                  << " partition(s); they keep their original replicas" << Qt::endl;
            if (failed)
                return KafkaError;
        }
        // Nothing runs any more (for this topic at least): the throttle goes too, once nothing else needs it.
        const auto still = awaitResult<protocol::ListPartitionReassignmentsResponse>(
            [&](auto done) { admin->listPartitionReassignments(std::nullopt, done); });
        if (still.ok() && still.value->topics.isEmpty()) {
            const auto md = metadataOf(*admin);
            if (md->ok())
                return removeLeftoverThrottles(*admin, *md->value, false);
        }
        return Ok;
    }
    return usage(QStringLiteral("reassign takes plan, execute FILE, status or cancel, not '%1'").arg(action));
}

} // namespace kafscope::cli
