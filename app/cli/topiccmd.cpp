// kafscope-cli topic create|delete: through the own admin client. Create always sends a validate-only request first
// (--dry-run stops there); delete needs --yes and refuses Kafka's internal topics.
#include "app/cli/cli.h"
#include "app/cli/common.h"
#include "app/cli/dataplane.h"
#include "kafka/admin/partitiongrowth.h"
#include "kafka/admin/topichealth.h"
#include "kafka/admin/topicname.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "kafka/protocol/errors.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>
#include <algorithm>

namespace kafscope::cli {

namespace {

int usage(const QString& message)
{
    return usageError(message, QStringLiteral("kafscope-cli topic --help"));
}

int fail(const AdminError& error)
{
    return adminFailure(error);
}

// Kafka places replicas on a registered broker that is down when too few are up: the topic is created, but those
// replicas are out of sync until the broker is back. Said on stderr, so a script's "created" is not read as healthy.
void warnAboutReplicasOnBrokersDown(protocol::AdminClient& admin, const QStringList& names)
{
    const auto md = awaitResult<ClusterMetadata>([&](auto done) { admin.fetchMetadata(names, done); });
    if (!md.ok())
        return;
    for (const auto& name : names)
        if (const auto warning = admin::replicasOnBrokersDown(*md.value, name); !warning.isEmpty())
            err() << "kafscope-cli: warning: " << name << ": " << warning << Qt::endl;
}

int create(const QCommandLineParser& parser, const CommandContext& context)
{
    const QStringList names = context.positionals.mid(1);
    if (names.isEmpty())
        return usage(QStringLiteral("topic create takes one or more topic names"));
    for (const auto& name : names) {
        const auto check = admin::checkTopicName(name);
        if (!check.ok())
            return usage(check.error);
        if (!check.warning.isEmpty())
            err() << "kafscope-cli: warning: " << check.warning << Qt::endl;
    }
    bool ok = false;
    const int partitions = parser.value(QStringLiteral("partitions")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("partitions")))
        return usage(QStringLiteral("topic create needs --partitions N (1 or more)"));
    if (!ok || partitions < 1)
        return usage(QStringLiteral("--partitions takes a number of partitions, 1 to 2147483647, not '%1'")
                         .arg(parser.value(QStringLiteral("partitions"))));
    const int rf = parser.value(QStringLiteral("replication-factor")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("replication-factor")))
        return usage(QStringLiteral("topic create needs --replication-factor R (1 or more)"));
    if (!ok || rf < 1 || rf > 32767)
        return usage(QStringLiteral("--replication-factor takes a number of replicas, 1 to 32767, not '%1'")
                         .arg(parser.value(QStringLiteral("replication-factor"))));
    QList<protocol::CreatableTopicConfig> configs;
    for (const auto& kv : parser.values(QStringLiteral("config"))) {
        const auto eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("--config takes KEY=VALUE, not '%1'").arg(kv));
        configs.append({ kv.left(eq), kv.mid(eq + 1) });
    }
    protocol::CreateTopicsRequest request;
    for (const auto& name : names) {
        protocol::CreatableTopic t;
        t.name = name;
        t.numPartitions = partitions;
        t.replicationFactor = int16_t(rf);
        t.configs = configs;
        request.topics.append(t);
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (!dryRun && refuseOnReadOnly(context, QStringLiteral("create topics")))
        return Refused;
    auto admin = adminClient(context);
    // Validate-only first: nothing is created unless every topic of the batch would be.
    request.validateOnly = true;
    auto result = awaitResult<protocol::CreateTopicsResponse>([&](auto done) { admin->createTopics(request, done); });
    if (!result.ok())
        return fail(result.error);
    bool refused = std::any_of(
        result.value->topics.begin(), result.value->topics.end(), [](const auto& t) { return t.errorCode != 0; });
    if (!refused && !dryRun) {
        request.validateOnly = false;
        result = awaitResult<protocol::CreateTopicsResponse>([&](auto done) { admin->createTopics(request, done); });
        if (!result.ok())
            return fail(result.error);
        refused = std::any_of(
            result.value->topics.begin(), result.value->topics.end(), [](const auto& t) { return t.errorCode != 0; });
    }
    const bool created = !dryRun && !request.validateOnly;
    QJsonArray json;
    for (const auto& t : result.value->topics) {
        const bool failed = t.errorCode != 0;
        const QString sentence
            = failed ? AdminError::kafka(t.errorCode, {}, t.errorMessage.value_or(QString())).message : QString();
        if (context.json) {
            json.append(QJsonObject { { QStringLiteral("name"), t.name },
                { QStringLiteral("created"), created && !failed }, { QStringLiteral("dry_run"), dryRun },
                { QStringLiteral("partitions"), partitions }, { QStringLiteral("replication_factor"), rf },
                { QStringLiteral("error"), failed ? QJsonValue(protocol::errorName(t.errorCode)) : QJsonValue() },
                { QStringLiteral("message"), failed ? QJsonValue(sentence) : QJsonValue() } });
        } else if (failed) {
            err() << "kafscope-cli: " << t.name << ": " << sentence << Qt::endl;
        } else {
            out() << (created ? "created " : "would create ") << t.name << " (" << partitions
                  << " partitions, replication factor " << rf << ")" << Qt::endl;
        }
    }
    if (context.json) {
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
        out().flush(); // the CLI ends without tearing down (cli_main.cpp): flush here
    }
    if (refused && !dryRun && request.validateOnly && !context.json)
        err() << "kafscope-cli: nothing was created (the batch is checked first, and a topic of it was refused)"
              << Qt::endl;
    if (created && !refused)
        warnAboutReplicasOnBrokersDown(*admin, names);
    return refused ? KafkaError : Ok;
}

int remove(const QCommandLineParser& parser, const CommandContext& context)
{
    if (context.positionals.size() != 2)
        return usage(QStringLiteral("topic delete takes exactly one topic name"));
    const QString name = context.positionals.at(1);
    if (refuseOnReadOnly(context, QStringLiteral("delete %1").arg(name)))
        return Refused;
    auto admin = adminClient(context);
    const auto md = awaitResult<ClusterMetadata>([&](auto done) { admin->fetchMetadata(QStringList { name }, done); });
    if (!md.ok())
        return fail(md.error);
    const auto* topic = md.value->topic(name);
    if (!topic || topic->errorCode != 0)
        return fail(AdminError::kafka(topic ? topic->errorCode : int16_t(3), QStringLiteral("Topic %1").arg(name)));
    if (topic->isInternal || name.startsWith(QLatin1String("__"))) {
        err() << "kafscope-cli: refusing to delete " << name << ": it is one of Kafka's internal topics" << Qt::endl;
        return Refused;
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        err() << "kafscope-cli: this would delete topic " << name << " with its " << topic->partitions.size()
              << " partitions and all their records; pass --yes to do it" << Qt::endl;
        return Usage;
    }
    const auto result
        = awaitResult<protocol::DeleteTopicsResponse>([&](auto done) { admin->deleteTopics({ name }, 30000, done); });
    if (!result.ok())
        return fail(result.error);
    const auto& r = result.value->results.value(0);
    if (r.errorCode != 0)
        return fail(AdminError::kafka(
            r.errorCode, QStringLiteral("Deleting %1").arg(name), r.errorMessage.value_or(QString())));
    out() << "deleted " << name << Qt::endl;
    return Ok;
}

int addPartitions(const QCommandLineParser& parser, const CommandContext& context)
{
    if (context.positionals.size() != 2)
        return usage(QStringLiteral("topic add-partitions takes exactly one topic name"));
    const QString name = context.positionals.at(1);
    bool ok = false;
    const int count = parser.value(QStringLiteral("count")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("count")) || !ok || count < 1)
        return usage(QStringLiteral("--count takes the new total number of partitions, 1 or more"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (!dryRun && refuseOnReadOnly(context, QStringLiteral("add partitions to %1").arg(name)))
        return Refused;
    auto admin = adminClient(context);
    const auto md = awaitResult<ClusterMetadata>([&](auto done) { admin->fetchMetadata(QStringList { name }, done); });
    if (!md.ok())
        return fail(md.error);
    const auto* topic = md.value->topic(name);
    if (!topic || topic->errorCode != 0)
        return fail(AdminError::kafka(topic ? topic->errorCode : int16_t(3), QStringLiteral("Topic %1").arg(name)));
    const int current = int(topic->partitions.size());
    if (const auto refusal = admin::checkNewPartitionCount(name, current, count); !refusal.isEmpty()) {
        err() << "kafscope-cli: refusing: " << refusal << Qt::endl; // nothing was sent
        return Refused;
    }
    protocol::CreatePartitionsRequest request;
    request.topics = { { name, count, std::nullopt } };
    request.validateOnly = true;
    auto result
        = awaitResult<protocol::CreatePartitionsResponse>([&](auto done) { admin->createPartitions(request, done); });
    if (result.ok() && !dryRun && result.value->results.value(0).errorCode == 0) {
        request.validateOnly = false;
        result = awaitResult<protocol::CreatePartitionsResponse>(
            [&](auto done) { admin->createPartitions(request, done); });
    }
    if (!result.ok())
        return fail(result.error);
    if (result.value->results.isEmpty())
        return fail(AdminError::protocol(QStringLiteral("The cluster answered without a result for %1.").arg(name)));
    const auto& r = result.value->results.first();
    const double moving = admin::expectedMovedShare(current, count);
    if (context.json) {
        out() << QJsonDocument(
            QJsonObject {
                { QStringLiteral("name"), name },
                { QStringLiteral("partitions_before"), current },
                { QStringLiteral("partitions"), count },
                { QStringLiteral("dry_run"), dryRun },
                { QStringLiteral("added"), !dryRun && r.errorCode == 0 },
                { QStringLiteral("keys_moving_expected"), moving },
                { QStringLiteral("error"), r.errorCode ? QJsonValue(protocol::errorName(r.errorCode)) : QJsonValue() },
                { QStringLiteral("message"),
                    r.errorCode
                        ? QJsonValue(AdminError::kafka(r.errorCode, {}, r.errorMessage.value_or(QString())).message)
                        : QJsonValue() },
            })
                     .toJson(QJsonDocument::Indented);
        out().flush();
        return r.errorCode ? KafkaError : Ok;
    }
    if (r.errorCode != 0)
        return fail(AdminError::kafka(
            r.errorCode, QStringLiteral("Adding partitions to %1").arg(name), r.errorMessage.value_or(QString())));
    out() << (dryRun ? "would raise " : "raised ") << name << " from " << current << " to " << count
          << " partitions; about " << qRound(moving * 100)
          << "% of keys map to another partition from now on (per-key ordering breaks for them)" << Qt::endl;
    return Ok;
}

} // namespace

void addTopicOptions(QCommandLineParser& parser)
{
    parser.addOption(
        { QStringLiteral("partitions"), QStringLiteral("create: number of partitions."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("replication-factor"), QStringLiteral("create, set-rf: replicas per partition."),
        QStringLiteral("R") });
    parser.addOption(
        { QStringLiteral("config"), QStringLiteral("create: a topic config, repeatable."), QStringLiteral("K=V") });
    parser.addOption({ QStringLiteral("dry-run"),
        QStringLiteral("create, add-partitions: only check (a validate-only request), change nothing.") });
    parser.addOption({ QStringLiteral("throttle"),
        QStringLiteral("set-rf: limit replication to this many bytes per second while it runs."),
        QStringLiteral("BYTES_PER_SEC") });
    parser.addOption({ QStringLiteral("wait"), QStringLiteral("set-rf: return when it is done; print the replicas.") });
    parser.addOption({ QStringLiteral("count"), QStringLiteral("add-partitions: the new total number of partitions."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("yes"), QStringLiteral("delete, delete-records: really delete.") });
    parser.addOption(
        { QStringLiteral("before"), QStringLiteral("delete-records: delete the records before OFFSET in partition P."),
            QStringLiteral("P=OFFSET[,P=OFFSET...]") });
}

int runTopic(const QCommandLineParser& parser, const CommandContext& context)
{
    const QString action = context.positionals.value(0);
    if (action == QLatin1String("create"))
        return create(parser, context);
    if (action == QLatin1String("delete"))
        return remove(parser, context);
    if (action == QLatin1String("add-partitions"))
        return addPartitions(parser, context);
    if (action == QLatin1String("set-rf"))
        return runSetReplicationFactor(parser, context);
    if (action == QLatin1String("delete-records"))
        return runDeleteRecords(parser, context);
    return usage(QStringLiteral("topic takes 'create NAME... --partitions N --replication-factor R', 'delete NAME "
                                "--yes' or 'add-partitions NAME --count N', not '%1'")
                     .arg(action));
}

} // namespace kafscope::cli
