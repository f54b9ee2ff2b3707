#include "app/cli/cli.h"

#include "app/cli/common.h"
#include "app/cli/dataplane.h"
#include "app/cli/output.h"
#include "kafka/admin/lag.h"
#include "kafka/admin/topicname.h"
#include "kafka/profiles/clientconfig.h"
#include "kafka/profiles/oauth.h"
#include "kafka/profiles/profilestore.h"
#include "kafka/profiles/secretstore.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "kafka/protocol/errors.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace kafscope::cli {

QString readKeychain(const QString& key, profiles::Secrets* secrets)
{
    // Waits at most 10 s: a keychain that would have to ask for its unlock password cannot here.
    profiles::SecretStore store(profiles::SecretStore::Backend::Keychain);
    QEventLoop loop;
    QString note = QStringLiteral("the system keychain did not answer within 10 s");
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    store.read(key, &loop, [&](const profiles::SecretsResult& result) {
        *secrets = result.secrets;
        note = !result.keychainProblem.isEmpty() ? result.keychainProblem
            : result.found()                     ? QString()
                                                 : QStringLiteral("the system keychain has none saved for it");
        loop.quit();
    });
    loop.exec();
    return note;
}

namespace {

// Fills the secrets `security` lacks from the system keychain; returns why it could not (for the message), or
// empty.
QString readKeychainSecrets(const QString& key, SecurityConfig& security)
{
    profiles::Secrets secrets;
    const QString note = readKeychain(key, &secrets);
    secrets.fillInto(security);
    return note;
}

const char* const kOverview = R"(Usage: kafscope-cli COMMAND [options]

Explore a Kafka cluster from the command line.

Commands:
  brokers                 List brokers: id, address, rack, controller, leader and replica counts
  topics                  List topics: partitions, replication factor, under-replicated, offline, internal
  describe TOPIC          Partitions of a topic: leader, replicas, ISR, offline replicas, earliest/latest offsets
  configs topic NAME      Configuration of a topic (value, source, read-only)
  configs broker ID       Configuration of a broker ('default': the cluster-wide broker defaults)
  configs topic|broker NAME --set K=V... --unset K... [--dry-run]
                          Change only the named configs (validate-only first; the others stay)
  topic create NAME... --partitions N --replication-factor R [--config K=V]... [--dry-run]
                          Create topics (checked with a validate-only request first; --dry-run stops there)
  topic delete NAME --yes Delete a topic (internal topics are refused)
  topic add-partitions NAME --count N [--dry-run]
                          Raise the partition count (increase only; validate-only first)
  topic set-rf NAME --replication-factor R [--throttle BYTES_PER_SEC] [--dry-run | --wait]
                          Change the replication factor through a planned reassignment
  reassign plan (--topic T... [--replication-factor R] | --remove-broker ID | --rebalance T)
                          Plan a reassignment; prints Kafka's reassignment JSON
  reassign execute FILE [--throttle BYTES_PER_SEC] [--wait] | reassign status | reassign cancel [--topic T]
                          Start, follow (removes a finished reassignment's throttle) or cancel reassignments
  elect-leaders [--topic T[:P[,P...]]]... [--unclean --yes]
                          Move leadership to the preferred leaders (or, unclean, to a replica out of sync)
  topic delete-records NAME --before P=OFFSET[,P=OFFSET...] --yes
                          Delete the records before the offsets (the earliest offset moves up)
  quorum                  The KRaft quorum: leader, epoch, high watermark, voters and observers with their lag
  logdirs [--topic T]     Log directories of every broker with the size of each partition replica
  groups                  List consumer groups of every broker: type, state, members, coordinator, total lag
  group describe G        A group's state, coordinator, assignor, members with their partitions, and per-partition
                          committed offset, latest offset, lag and status
  group reset-offsets G --to earliest|latest|@EPOCH_MS|OFFSET|shift:N [--topic T[:P[,P...]]]... (--dry-run | --yes)
                          Move a group's committed offsets (only while it has no active members); prints
                          [{topic, partition, old, new}] with --json
  group delete G --yes    Delete a group with its committed offsets (refused by Kafka while it has members)
  group delete-offsets G --topic T --yes
                          Delete a group's committed offsets of one topic
  lag G [--watch SECONDS] Per-partition lag of a group; with --watch again and again, with verdicts over the window
  consume TOPIC           Print records: --from earliest|latest|OFFSET|@EPOCH_MS|-N, --partition P, --max N,
                          --end (exit when caught up); --json gives JSON Lines
  partition --key K --partitions N
                          Which partition K goes to under every partitioner, and why (no cluster needed)
  produce TOPIC           Write one record: --key K | --null-key, --value V | --null-value, --header K=V,
                          --partitioner NAME, --partition P; prints the partition and offset
  connect clusters|connectors|plugins [--connect URL]
                          Kafka Connect (the worker's REST API; --connect defaults to $KAFSCOPE_CONNECT, basic auth
                          with --connect-user and $KAFSCOPE_CONNECT_PASSWORD): workers, connectors with their tasks,
                          installed plugins
  connect create NAME (--config K=V... | --file FILE.json) [--dry-run]
                          Create a connector after the worker's validation (each field's error; --dry-run stops there)
  connect config NAME [--set K=V]... [--unset K]... [--dry-run]
                          Show a connector's config (PASSWORD settings masked), or change it after validation
  connect pause|resume|stop|restart NAME [--only-failed] | connect delete NAME --yes
  connect offsets NAME | connect reset-offsets NAME (--dry-run | --yes)
                          A connector's offsets; reset them (only while it is stopped, KIP-875)

Common options:
  -b, --bootstrap LIST    host:port[,host:port...] (default: the --client-config file's, else $KAFSCOPE_BOOTSTRAP)
  --client-config FILE    A Java client.properties or librdkafka file, as Kafka's tools' --command-config:
                          security.protocol, SASL (PLAIN, SCRAM-SHA-256/512, OAUTHBEARER) and TLS / mTLS (PEM)
  --profile NAME          A connection saved by the GUI's connect dialog (secrets from $KAFSCOPE_SASL_PASSWORD /
                          $KAFSCOPE_OAUTH_CLIENT_SECRET, else the system keychain; never a prompt)
  --json                  Machine-readable JSON instead of a table
  --timeout MS            Connect/request timeout in milliseconds (default 10000)
  --read-only             Refuse every write (exit 5); reads and --dry-run checks still work
  -h, --help              Help (also: kafscope-cli COMMAND --help)

Exit codes: 0 ok, 2 usage error, 3 cluster unreachable, 4 Kafka error, 5 refused by KafScope's safety rules.
)";

struct CommandSpec
{
    QString name;
    QString positionalHelp;
    int positionals;
    QString description;
    // Commands with their own options and runner (the data plane); admin commands leave both null.
    void (*addOptions)(QCommandLineParser&) = nullptr;
    int (*run)(const QCommandLineParser&, const CommandContext&) = nullptr;
    bool needsCluster = true;
    // consume/produce: librdkafka commands, served by kafscope-cli-data so that this binary starts without loading
    // librdkafka and its TLS/SASL/Kerberos stack (most of a short command's run time).
    bool dataPlane = false;
    bool variadic = false; // `positionals` is the minimum
};

const QList<CommandSpec>& commands()
{
    static const QList<CommandSpec> specs = {
        { QStringLiteral("brokers"), {}, 0, QStringLiteral("List the brokers of the cluster.") },
        { QStringLiteral("topics"), {}, 0, QStringLiteral("List the topics of the cluster.") },
        { QStringLiteral("describe"), QStringLiteral("TOPIC"), 1,
            QStringLiteral("Show the partitions of TOPIC with leaders, replicas, ISR and offsets.") },
        { QStringLiteral("configs"), QStringLiteral("topic|broker NAME"), 2,
            QStringLiteral("Show the configuration of a topic or a broker, or change configs with --set/--unset."),
            &addConfigsOptions, &runConfigs },
        { QStringLiteral("topic"), QStringLiteral("create|delete|add-partitions|set-rf|delete-records NAME..."), 2,
            QStringLiteral("Create topics, delete one, add partitions to one or change its replication factor."),
            &addTopicOptions, &runTopic, true, false, true },
        { QStringLiteral("reassign"), QStringLiteral("plan|execute FILE|status|cancel"), 1,
            QStringLiteral("Plan, start, follow or cancel partition reassignments."), &addReassignOptions, &runReassign,
            true, false, true },
        { QStringLiteral("elect-leaders"), {}, 0,
            QStringLiteral("Elect the preferred leaders (or, with --unclean, any replica) of some partitions or all."),
            &addElectOptions, &runElect },
        { QStringLiteral("quorum"), {}, 0,
            QStringLiteral("Show the KRaft quorum (DescribeQuorum) and the fenced brokers (DescribeCluster)."),
            &addQuorumOptions, &runQuorum },
        { QStringLiteral("logdirs"), {}, 0,
            QStringLiteral("List the log directories of every broker with the size of each partition replica."),
            &addLogDirsOptions, &runLogDirs },
        { QStringLiteral("groups"), {}, 0,
            QStringLiteral("List the consumer groups of every broker (classic, consumer, share, ...)."),
            &addGroupsOptions, &runGroups },
        { QStringLiteral("group"), QStringLiteral("describe|reset-offsets|delete|delete-offsets G"), 2,
            QStringLiteral("Describe a group (members, assignment, committed offsets and lag per partition), reset its "
                           "offsets (--to ... with --dry-run or --yes), delete it, or delete its offsets of a topic."),
            &addGroupOptions, &runGroup },
        { QStringLiteral("lag"), QStringLiteral("G"), 1,
            QStringLiteral(
                "Show a group's lag per partition with its status; --watch SECONDS samples again and again.\n"
                "Statuses:\n")
                + admin::lagRulesText(),
            &addLagOptions, &runLag },
        { QStringLiteral("consume"), QStringLiteral("TOPIC"), 1,
            QStringLiteral("Print the records of TOPIC as they arrive (no consumer group, nothing committed)."),
            nullptr, nullptr, true, true },
        { QStringLiteral("produce"), QStringLiteral("TOPIC"), 1,
            QStringLiteral("Write one record to TOPIC and print the partition and offset it got."), nullptr, nullptr,
            true, true },
        { QStringLiteral("connect"),
            QStringLiteral("clusters|connectors|plugins|create|config|pause|resume|stop|restart|delete|offsets|"
                           "reset-offsets [NAME]"),
            1,
            QStringLiteral("Kafka Connect over the worker's REST API (--connect URL or $KAFSCOPE_CONNECT): workers, "
                           "connectors with their tasks, plugins; create and configure connectors (validated by the "
                           "worker first), pause, resume, stop, restart, delete them, read and reset their offsets."),
            &addConnectOptions, &runConnect, false, false, true },
        { QStringLiteral("partition"), {}, 0,
            QStringLiteral("Show which partition a key goes to under every partitioner (no cluster needed)."),
            &addPartitionOptions, &runPartition, false },
    };
    return specs;
}

int fail(const AdminError& error)
{
    return adminFailure(error);
}

int usage(const QString& message)
{
    return usageError(message);
}

// Runs `start` (which must eventually call finish(code)) inside a local event loop.
int runAsync(const std::function<void(std::function<void(int)>)>& start)
{
    QEventLoop loop;
    int code = Failure;
    start([&](int c) {
        code = c;
        loop.exit();
    });
    loop.exec();
    return code;
}

void print(const QJsonValue& value)
{
    const auto doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << doc.toJson(QJsonDocument::Indented);
    out().flush();
}

int runCommand(const CommandSpec& spec, const QStringList& args, const QList<BrokerAddress>& bootstrap, bool json,
    int timeoutMs, const SecurityConfig& security)
{
    protocol::ConnectionOptions options;
    options.security = security;
    options.connectTimeoutMs = timeoutMs;
    options.requestTimeoutMs = std::max(timeoutMs, 30000);
    options.clientId = QStringLiteral("kafscope-cli");
    // Deliberately never deleted: the process exits right after the command (cli_main.cpp), and freeing a large
    // cluster's metadata piece by piece would only delay that.
    auto& admin = *new protocol::AdminClient(bootstrap, options);

    std::optional<QStringList> topics;
    if (spec.name == QLatin1String("describe"))
        topics = QStringList { args.at(0) };
    return runAsync([&](auto finish) {
        admin.fetchMetadata(topics, [&, finish](const AdminResult<ClusterMetadata>& md) {
            if (!md.ok())
                return finish(fail(md.error));
            if (spec.name == QLatin1String("brokers")) {
                json ? print(brokersJson(*md.value)) : void(out() << brokersTable(*md.value));
                return finish(Ok);
            }
            if (spec.name == QLatin1String("topics")) {
                json ? print(topicsJson(*md.value)) : void(out() << topicsTable(*md.value));
                return finish(Ok);
            }
            const auto* topic = md.value->topic(args.at(0));
            if (!topic || topic->errorCode != 0) {
                const int16_t code = topic ? topic->errorCode : int16_t(3);
                return finish(fail(AdminError::kafka(code, QStringLiteral("Topic %1").arg(args.at(0)))));
            }
            admin.listOffsets(
                *md.value, { topic->name }, [&, finish, meta = *md.value](const AdminResult<OffsetsSnapshot>& r) {
                    TopicInfo described = *meta.topic(args.at(0));
                    if (r.ok()) {
                        for (auto& p : described.partitions) {
                            for (const auto& o : r.value->earliest)
                                if (o.partition == p.partition && o.errorCode == 0)
                                    p.earliest = o.offset;
                            for (const auto& o : r.value->latest)
                                if (o.partition == p.partition && o.errorCode == 0)
                                    p.latest = o.offset;
                        }
                        for (const auto& e : r.value->errors)
                            err() << "kafscope-cli: warning: " << e << Qt::endl;
                    }
                    json ? print(describeJson(described)) : void(out() << describeTable(described));
                    finish(Ok);
                });
        });
    });
}

// Replaces this process with kafscope-cli-data (installed next to kafscope-cli), same arguments.
int execDataPlane(const QStringList& arguments)
{
    const QString path = QCoreApplication::applicationDirPath() + QStringLiteral("/kafscope-cli-data");
    QList<QByteArray> args;
    for (const auto& a : arguments)
        args.append(a.toLocal8Bit());
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    out().flush();
    ::execv(QFile::encodeName(path).constData(), argv.data());
    err() << "kafscope-cli: cannot run " << path << ": " << QString::fromLocal8Bit(std::strerror(errno)) << Qt::endl;
    return Failure;
}

} // namespace

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

int usageError(const QString& message, const QString& help)
{
    err() << "kafscope-cli: " << message << "\nRun '" << help << "' for usage." << Qt::endl;
    return Usage;
}

int adminFailure(const AdminError& error)
{
    err() << "kafscope-cli: " << error.message << Qt::endl;
    switch (error.kind) {
    case AdminError::Kind::Network:
        return Unreachable;
    case AdminError::Kind::Refused:
        return Refused;
    default:
        return KafkaError;
    }
}

std::unique_ptr<protocol::AdminClient> adminClient(const CommandContext& context)
{
    protocol::ConnectionOptions options;
    options.security = context.security;
    options.connectTimeoutMs = context.timeoutMs;
    options.requestTimeoutMs = std::max(context.timeoutMs, 30000);
    options.clientId = QStringLiteral("kafscope-cli");
    return std::make_unique<protocol::AdminClient>(parseBootstrap(context.bootstrap).addresses, options);
}

bool refuseOnReadOnly(const CommandContext& context, const QString& what)
{
    if (!context.readOnly)
        return false;
    err() << "kafscope-cli: refusing to " << what
          << ": the connection is read-only (--read-only, or a read-only profile)" << Qt::endl;
    return true;
}

int runCommandLine(const QStringList& arguments, const DataPlaneCommands* dataPlane);

int run(const QStringList& arguments, const DataPlaneCommands* dataPlane)
{
    const int code = runCommandLine(arguments, dataPlane);
    out().flush();
    err().flush();
    return code;
}

int runCommandLine(const QStringList& arguments, const DataPlaneCommands* dataPlane)
{
    QStringList rest = arguments.mid(1);
    if (rest.isEmpty() || rest.first() == QLatin1String("-h") || rest.first() == QLatin1String("--help")
        || rest.first() == QLatin1String("help")) {
        out() << kOverview;
        return rest.isEmpty() ? Usage : Ok;
    }
    if (rest.first() == QLatin1String("--version")) {
        out() << "kafscope-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    }
    const QString name = rest.first();
    auto it = std::find_if(commands().begin(), commands().end(), [&](const auto& c) { return c.name == name; });
    if (it == commands().end())
        return usage(QStringLiteral("unknown command '%1'").arg(name));
    CommandSpec spec = *it;
    if (spec.dataPlane) {
        if (!dataPlane)
            return execDataPlane(arguments);
        const bool consume = name == QLatin1String("consume");
        spec.addOptions = consume ? dataPlane->addConsumeOptions : dataPlane->addProduceOptions;
        spec.run = consume ? dataPlane->runConsume : dataPlane->runProduce;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(spec.description);
    parser.addHelpOption();
    parser.addOption({ { QStringLiteral("b"), QStringLiteral("bootstrap") },
        QStringLiteral("Bootstrap servers host:port[,host:port...] (default: $KAFSCOPE_BOOTSTRAP)."),
        QStringLiteral("LIST") });
    parser.addOption({ QStringLiteral("client-config"),
        QStringLiteral("A Java client.properties or librdkafka properties file with the connection's security."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("profile"),
        QStringLiteral("A connection saved by the GUI (bootstrap, read-only, security; the password from "
                       "$KAFSCOPE_SASL_PASSWORD, else the system keychain)."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.") });
    parser.addOption({ QStringLiteral("timeout"), QStringLiteral("Connect timeout in milliseconds (default 10000)."),
        QStringLiteral("MS"), QStringLiteral("10000") });
    parser.addOption({ QStringLiteral("read-only"),
        QStringLiteral("Refuse every write (exit 5); reads and --dry-run checks still work.") });
    if (spec.addOptions)
        spec.addOptions(parser);
    if (!spec.positionalHelp.isEmpty())
        parser.addPositionalArgument(spec.positionalHelp, spec.description);
    QStringList parseArgs = rest;
    parseArgs[0] = QStringLiteral("kafscope-cli ") + name;
    if (!parser.parse(parseArgs))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's usage line names the binary by its path and repeats the positionals: write our own.
        auto lines = parser.helpText().split(QLatin1Char('\n'));
        lines[0] = QStringLiteral("Usage: kafscope-cli %1 [options] %2").arg(name, spec.positionalHelp).trimmed();
        out() << lines.join(QLatin1Char('\n'));
        out() << "\nExit codes: 0 ok, 2 usage error, 3 cluster unreachable, 4 Kafka error, 5 refused by KafScope's "
                 "safety rules.\n";
        return Ok;
    }
    const auto positionals = parser.positionalArguments();
    if (spec.variadic ? positionals.size() < spec.positionals : positionals.size() != spec.positionals)
        return usage(QStringLiteral("'%1' takes %2")
                         .arg(name, spec.positionals ? spec.positionalHelp : QStringLiteral("no arguments")));
    // The topic a command acts on: a name Kafka cannot hold (empty, too long, characters outside [a-zA-Z0-9._-])
    // names no topic, so it is refused here, before anything is sent.
    std::optional<QString> actedOn;
    if (name == QLatin1String("describe") || name == QLatin1String("consume") || name == QLatin1String("produce"))
        actedOn = positionals.value(0);
    else if ((name == QLatin1String("configs") && positionals.value(0) == QLatin1String("topic"))
        || (name == QLatin1String("topic") && positionals.value(0) != QLatin1String("create")))
        actedOn = positionals.value(1);
    if (actedOn) {
        if (const auto check = admin::checkTopicName(*actedOn); !check.ok())
            return usage(check.error);
    }
    if (!spec.needsCluster) {
        bool timeoutOk = false;
        const int timeoutMs = parser.value(QStringLiteral("timeout")).toInt(&timeoutOk);
        if (!timeoutOk || timeoutMs <= 0)
            return usage(QStringLiteral("--timeout takes a positive number of milliseconds"));
        return spec.run(parser,
            { positionals, {}, parser.isSet(QStringLiteral("json")), timeoutMs,
                parser.isSet(QStringLiteral("read-only")) });
    }
    profiles::ImportedConfig imported;
    bool profileReadOnly = false;
    QString keychainNote; // why the keychain had no secret for --profile
    if (parser.isSet(QStringLiteral("profile")) && parser.isSet(QStringLiteral("client-config")))
        return usage(QStringLiteral("--profile and --client-config: give one of them"));
    if (parser.isSet(QStringLiteral("profile"))) {
        const QString name = parser.value(QStringLiteral("profile"));
        const auto saved = profiles::readConnections(*profiles::userSettings());
        const auto found = profiles::findConnection(saved, name);
        if (!found) {
            QStringList names;
            for (const auto& c : saved)
                names << (c.name.isEmpty() ? c.bootstrap : c.name);
            return usage(QStringLiteral("no saved connection '%1' (saved: %2)")
                             .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        }
        imported.bootstrap = found->bootstrap;
        imported.security = found->security;
        profileReadOnly = found->readOnly;
        if (imported.security.usesSasl() && imported.security.mechanism != SaslMechanism::OAuthBearer)
            imported.security.password = qEnvironmentVariable("KAFSCOPE_SASL_PASSWORD");
        if (imported.security.needsTokenFetch())
            imported.security.oauthClientSecret = qEnvironmentVariable("KAFSCOPE_OAUTH_CLIENT_SECRET");
        imported.dataPlane = found->dataPlaneExtra;
        if (!imported.security.problems().isEmpty()) {
            // What the environment did not give, the system keychain may have (the GUI saved it there).
            keychainNote = readKeychainSecrets(profiles::secretKey(*found), imported.security);
        }
    }
    if (parser.isSet(QStringLiteral("client-config"))) {
        imported = profiles::importClientConfigFile(parser.value(QStringLiteral("client-config")));
        if (!imported.ok())
            return usage(imported.error);
        if (!imported.notImported.isEmpty()) {
            // Connecting without a setting the file asks for would fail later in a more puzzling way.
            return usage(
                QStringLiteral("--client-config: cannot use %1").arg(imported.notImported.join(QStringLiteral("; "))));
        }
        if (imported.security.usesSasl() && imported.security.mechanism != SaslMechanism::OAuthBearer
            && imported.security.password.isEmpty())
            imported.security.password = qEnvironmentVariable("KAFSCOPE_SASL_PASSWORD");
    }
    {
        if (imported.security.needsTokenFetch() && imported.security.problems().isEmpty()) {
            // OAuth client credentials: the token, fetched once for this command.
            QEventLoop loop;
            QString tokenError;
            profiles::fetchOAuthToken(
                imported.security, &loop, [&](const std::optional<profiles::OAuthToken>& token, const QString& error) {
                    if (token)
                        profiles::useOAuthToken(imported.security, *token);
                    tokenError = error;
                    loop.quit();
                });
            loop.exec();
            if (!tokenError.isEmpty()) {
                err() << "kafscope-cli: " << tokenError << Qt::endl;
                return Unreachable;
            }
        }
        if (const QStringList problems = imported.security.problems(); !problems.isEmpty())
            return usage(
                QStringLiteral("%1: %2%3")
                    .arg(parser.isSet(QStringLiteral("profile")) ? QStringLiteral("--profile")
                                                                 : QStringLiteral("--client-config"),
                        problems.join(QLatin1Char(' ')),
                        !imported.security.usesSasl() || imported.security.mechanism == SaslMechanism::OAuthBearer
                                || !imported.security.password.isEmpty()
                            ? QString()
                            : parser.isSet(QStringLiteral("profile"))
                            ? QStringLiteral(" (set KAFSCOPE_SASL_PASSWORD; the CLI never prompts; %1)")
                                  .arg(keychainNote)
                            : QStringLiteral(" (put it in the file, or set KAFSCOPE_SASL_PASSWORD)")));
    }
    QString bootstrapText = parser.value(QStringLiteral("bootstrap"));
    if (bootstrapText.isEmpty())
        bootstrapText = imported.bootstrap;
    if (bootstrapText.isEmpty())
        bootstrapText = qEnvironmentVariable("KAFSCOPE_BOOTSTRAP");
    if (bootstrapText.isEmpty())
        return usage(QStringLiteral("--bootstrap is required (or set KAFSCOPE_BOOTSTRAP)"));
    const auto bootstrap = parseBootstrap(bootstrapText);
    if (!bootstrap.ok())
        return usage(QStringLiteral("invalid --bootstrap: ") + bootstrap.error);
    bool timeoutOk = false;
    const int timeoutMs = parser.value(QStringLiteral("timeout")).toInt(&timeoutOk);
    if (!timeoutOk || timeoutMs <= 0)
        return usage(QStringLiteral("--timeout takes a positive number of milliseconds"));
    QMap<QString, QString> clientProperties = librdkafkaSettings(imported.security);
    clientProperties.insert(imported.dataPlane);
    if (spec.run)
        return spec.run(parser,
            { positionals, formatBootstrap(bootstrap.addresses), parser.isSet(QStringLiteral("json")), timeoutMs,
                parser.isSet(QStringLiteral("read-only")) || profileReadOnly, imported.security, clientProperties });
    return runCommand(
        spec, positionals, bootstrap.addresses, parser.isSet(QStringLiteral("json")), timeoutMs, imported.security);
}

} // namespace kafscope::cli
