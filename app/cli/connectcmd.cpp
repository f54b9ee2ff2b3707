// kafscope-cli connect ...: Kafka Connect over the worker's REST API (kafka/connect/connectclient.h). Writes are
// validated by the worker's own validate endpoint first; nothing is created or changed while a field has an error.
// Exit codes as elsewhere: 3 worker unreachable (or silent), 4 refused by the worker (a validation failure lists each
// field's error), 5 refused by KafScope (read-only, an unconfirmed delete), 2 usage.
#include "app/cli/cli.h"
#include "app/cli/common.h"
#include "app/cli/dataplane.h"
#include "app/cli/output.h"
#include "kafka/connect/connectclient.h"
#include "kafka/profiles/profilestore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace kafscope::cli {

namespace {

using namespace kafscope::connect;

const QString kHelp = QStringLiteral("kafscope-cli connect --help");

template <typename T, typename Start> ConnectResult<T> await(Start start)
{
    return awaitAnswer<ConnectResult<T>>(start);
}

int connectFailure(const ConnectError& e)
{
    err() << "kafscope-cli: " << e.message << Qt::endl;
    return e.kind == ConnectError::Kind::Refused || e.kind == ConnectError::Kind::Garbage ? KafkaError : Unreachable;
}

void printJson(const QJsonValue& v)
{
    out() << (v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Indented);
}

QJsonObject configJson(const QMap<QString, QString>& config)
{
    QJsonObject o;
    for (auto it = config.begin(); it != config.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// K=V pairs of --config / --set; false with *error on a pair without '='.
bool parsePairs(const QStringList& pairs, QMap<QString, QString>* out, QString* error)
{
    for (const QString& p : pairs) {
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("'%1' is not KEY=VALUE").arg(p);
            return false;
        }
        out->insert(p.left(eq).trimmed(), p.mid(eq + 1));
    }
    return true;
}

// The worker's validation: each field's error, exit 4 when there is any.
int reportValidation(const Validation& v)
{
    const QStringList errors = v.fieldErrors();
    if (errors.isEmpty())
        return Ok;
    err() << "kafscope-cli: the worker's validation of " << v.connectorClass << " found " << errors.size()
          << " error(s); nothing was sent:" << Qt::endl;
    for (const QString& e : errors)
        err() << "  " << e << Qt::endl;
    return KafkaError;
}

QJsonObject connectorJson(const ConnectorInfo& c)
{
    QJsonArray tasks;
    for (const auto& t : c.tasks)
        tasks.append(QJsonObject { { QStringLiteral("id"), t.id }, { QStringLiteral("state"), t.state },
            { QStringLiteral("worker_id"), t.workerId },
            { QStringLiteral("trace"), t.trace.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t.trace) } });
    return QJsonObject { { QStringLiteral("name"), c.name }, { QStringLiteral("type"), c.type },
        { QStringLiteral("state"), c.state }, { QStringLiteral("worker_id"), c.workerId },
        { QStringLiteral("trace"), c.trace.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.trace) },
        { QStringLiteral("tasks"), tasks } };
}

// The first line of a Java stack trace: the exception and its message.
QString traceHead(const QString& trace)
{
    return trace.section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace

void addConnectOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("connect"),
        QStringLiteral("Connect REST URL(s), comma-separated (default: $KAFSCOPE_CONNECT)."), QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("connect-user"),
        QStringLiteral("Basic-auth user of the worker (password from $KAFSCOPE_CONNECT_PASSWORD)."),
        QStringLiteral("USER") });
    parser.addOption({ QStringLiteral("config"), QStringLiteral("create: a connector setting KEY=VALUE (repeatable)."),
        QStringLiteral("K=V") });
    parser.addOption({ QStringLiteral("file"),
        QStringLiteral("create: the connector as JSON ({\"name\", \"config\"} or the config object)."),
        QStringLiteral("FILE") });
    parser.addOption(
        { QStringLiteral("set"), QStringLiteral("config: set KEY=VALUE (repeatable)."), QStringLiteral("K=V") });
    parser.addOption(
        { QStringLiteral("unset"), QStringLiteral("config: remove KEY (repeatable)."), QStringLiteral("K") });
    parser.addOption({ QStringLiteral("dry-run"), QStringLiteral("Validate with the worker only; change nothing.") });
    parser.addOption(
        { QStringLiteral("only-failed"), QStringLiteral("restart: only the connector or tasks that failed.") });
    parser.addOption({ QStringLiteral("yes"), QStringLiteral("delete, reset-offsets: do it.") });
}

int runConnect(const QCommandLineParser& parser, const CommandContext& context)
{
    const QString sub = context.positionals.value(0);
    static const QSet<QString> withName { QStringLiteral("create"), QStringLiteral("config"), QStringLiteral("pause"),
        QStringLiteral("resume"), QStringLiteral("stop"), QStringLiteral("restart"), QStringLiteral("delete"),
        QStringLiteral("offsets"), QStringLiteral("reset-offsets") };
    static const QSet<QString> withoutName { QStringLiteral("clusters"), QStringLiteral("connectors"),
        QStringLiteral("plugins") };
    if (!withName.contains(sub) && !withoutName.contains(sub))
        return usageError(QStringLiteral("unknown connect command '%1' (clusters, connectors, plugins, create, config, "
                                         "pause, resume, stop, restart, delete, offsets, reset-offsets)")
                              .arg(sub),
            kHelp);
    if (withName.contains(sub) != (context.positionals.size() == 2))
        return usageError(withName.contains(sub) ? QStringLiteral("connect %1 takes a connector name").arg(sub)
                                                 : QStringLiteral("connect %1 takes no name").arg(sub),
            kHelp);
    const QString name = context.positionals.value(1);
    // A name no connector can have is refused before the worker is asked (Connect refuses blank names and ISO
    // control characters; an empty one would even address /connectors//pause).
    if (withName.contains(sub)) {
        if (name.trimmed().isEmpty())
            return usageError(QStringLiteral("a connector name cannot be empty"), kHelp);
        if (std::any_of(name.begin(), name.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
            return usageError(QStringLiteral("a connector name cannot hold control characters"), kHelp);
    }

    // The workers: --connect, else the saved connection's (--profile), else $KAFSCOPE_CONNECT.
    QString urls = parser.value(QStringLiteral("connect"));
    std::optional<profiles::SavedConnection> saved;
    if (urls.isEmpty() && parser.isSet(QStringLiteral("profile"))) {
        const QString profileName = parser.value(QStringLiteral("profile"));
        saved = profiles::findConnection(profiles::readConnections(*profiles::userSettings()), profileName);
        if (!saved)
            return usageError(QStringLiteral("no saved connection '%1'").arg(profileName), kHelp);
        if (saved->connect.isEmpty())
            return usageError(QStringLiteral("the saved connection '%1' names no Kafka Connect worker (add its URL in "
                                             "the connect dialog, or give --connect URL)")
                                  .arg(profileName),
                kHelp);
        urls = connect::formatConnectUrls(saved->connect);
    }
    if (urls.isEmpty())
        urls = qEnvironmentVariable("KAFSCOPE_CONNECT");
    if (urls.isEmpty())
        return usageError(
            QStringLiteral("--connect URL is required (or --profile NAME, or set KAFSCOPE_CONNECT)"), kHelp);
    auto parsed = parseConnectUrls(urls);
    if (!parsed.problems.isEmpty())
        return usageError(parsed.problems.join(QLatin1Char(' ')), kHelp);
    QList<ConnectEndpoint> endpoints = parsed.endpoints;
    QString keychainNote;
    const QString password = qEnvironmentVariable("KAFSCOPE_CONNECT_PASSWORD");
    for (auto& e : endpoints) {
        if (parser.isSet(QStringLiteral("connect-user")))
            e.user = parser.value(QStringLiteral("connect-user"));
        if (e.password.isEmpty())
            e.password = password;
        e.timeoutMs = context.timeoutMs > 0 ? context.timeoutMs : 10000;
    }
    if (saved && !endpoints.first().user.isEmpty() && endpoints.first().password.isEmpty()) {
        profiles::Secrets secrets;
        keychainNote = readKeychain(profiles::secretKey(*saved), &secrets);
        secrets.fillInto(endpoints);
        if (endpoints.first().password.isEmpty() && keychainNote.isEmpty())
            keychainNote = QStringLiteral("the system keychain has no password saved for this worker");
        if (saved->security.caFile.size()) {
            for (auto& e : endpoints)
                e.caFile = saved->security.caFile;
        }
    }
    if (!endpoints.first().user.isEmpty() && endpoints.first().password.isEmpty())
        return usageError(
            QStringLiteral("the Connect user %1 needs the password in $KAFSCOPE_CONNECT_PASSWORD%2 (the CLI never "
                           "prompts)")
                .arg(endpoints.first().user,
                    saved ? QStringLiteral(" or the system keychain (%1)").arg(keychainNote) : QString()),
            kHelp);
    CommandContext writeContext = context;
    writeContext.readOnly = context.readOnly || (saved && saved->readOnly); // a read-only profile refuses writes
    if (sub != QLatin1String("clusters") && endpoints.size() > 1)
        return usageError(QStringLiteral("connect %1 talks to one worker: give one --connect URL").arg(sub), kHelp);
    ConnectClient client(endpoints.first());

    const bool writes = !(sub == QLatin1String("clusters") || sub == QLatin1String("connectors")
        || sub == QLatin1String("plugins") || sub == QLatin1String("offsets")
        || (sub == QLatin1String("config") && !parser.isSet(QStringLiteral("set"))
            && !parser.isSet(QStringLiteral("unset"))));
    if (writes && !parser.isSet(QStringLiteral("dry-run"))
        && refuseOnReadOnly(writeContext, QStringLiteral("%1 connector %2").arg(sub, name)))
        return Refused;

    if (sub == QLatin1String("clusters")) {
        QJsonArray json;
        QList<QStringList> rows;
        int code = Ok;
        for (const auto& e : endpoints) {
            ConnectClient c(e);
            const auto info = await<WorkerInfo>([&](auto done) { c.workerInfo(done); });
            if (!info.ok()) {
                code = connectFailure(info.error);
                continue;
            }
            // Connect has no "list the workers" call: the workers are those running connectors and tasks.
            const auto list = await<QList<ConnectorInfo>>([&](auto done) { c.connectors(done); });
            QStringList workers;
            if (list.ok()) {
                for (const auto& ci : *list.value) {
                    workers << ci.workerId;
                    for (const auto& t : ci.tasks)
                        workers << t.workerId;
                }
            }
            workers.removeAll(QString());
            workers.removeDuplicates();
            workers.sort();
            const QString url = e.url.toString(QUrl::RemoveUserInfo);
            json.append(QJsonObject { { QStringLiteral("url"), url },
                { QStringLiteral("version"), info.value->version }, { QStringLiteral("commit"), info.value->commit },
                { QStringLiteral("kafka_cluster_id"), info.value->kafkaClusterId },
                { QStringLiteral("connectors"), list.ok() ? int(list.value->size()) : -1 },
                { QStringLiteral("workers"), QJsonArray::fromStringList(workers) } });
            rows << QStringList { url, info.value->version, info.value->kafkaClusterId,
                list.ok() ? QString::number(list.value->size()) : QStringLiteral("?"),
                workers.isEmpty() ? QStringLiteral("-") : workers.join(QLatin1Char(',')) };
        }
        if (context.json)
            printJson(json);
        else if (!rows.isEmpty())
            out() << formatTable({ QStringLiteral("URL"), QStringLiteral("VERSION"), QStringLiteral("KAFKA CLUSTER"),
                                     QStringLiteral("CONNECTORS"), QStringLiteral("WORKERS") },
                rows);
        return code;
    }
    if (sub == QLatin1String("connectors")) {
        const auto list = await<QList<ConnectorInfo>>([&](auto done) { client.connectors(done); });
        if (!list.ok())
            return connectFailure(list.error);
        if (context.json) {
            QJsonArray json;
            for (const auto& c : *list.value)
                json.append(connectorJson(c));
            printJson(json);
            return Ok;
        }
        QList<QStringList> rows;
        for (const auto& c : *list.value) {
            QStringList taskStates;
            for (const auto& t : c.tasks)
                taskStates << QStringLiteral("%1:%2").arg(t.id).arg(t.state);
            rows << QStringList { c.name, c.type, c.state, c.workerId,
                taskStates.isEmpty() ? QStringLiteral("-") : taskStates.join(QLatin1Char(' ')) };
        }
        out() << formatTable({ QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("STATE"),
                                 QStringLiteral("WORKER"), QStringLiteral("TASKS") },
            rows);
        for (const auto& c : *list.value) {
            if (!c.trace.isEmpty())
                out() << c.name << " failed: " << traceHead(c.trace) << "\n";
            for (const auto& t : c.tasks) {
                if (!t.trace.isEmpty())
                    out() << c.name << " task " << t.id << " failed: " << traceHead(t.trace) << "\n";
            }
        }
        return Ok;
    }
    if (sub == QLatin1String("plugins")) {
        const auto list = await<QList<PluginInfo>>([&](auto done) { client.plugins(done); });
        if (!list.ok())
            return connectFailure(list.error);
        QJsonArray json;
        QList<QStringList> rows;
        for (const auto& p : *list.value) {
            json.append(QJsonObject { { QStringLiteral("class"), p.className }, { QStringLiteral("type"), p.type },
                { QStringLiteral("version"), p.version } });
            rows << QStringList { p.className, p.type, p.version };
        }
        if (context.json)
            printJson(json);
        else
            out() << formatTable({ QStringLiteral("CLASS"), QStringLiteral("TYPE"), QStringLiteral("VERSION") }, rows);
        return Ok;
    }
    if (sub == QLatin1String("create")) {
        QMap<QString, QString> config;
        QString error;
        if (parser.isSet(QStringLiteral("file")) == parser.isSet(QStringLiteral("config")))
            return usageError(QStringLiteral("connect create takes --config K=V... or --file FILE.json"), kHelp);
        if (parser.isSet(QStringLiteral("file"))) {
            QFile f(parser.value(QStringLiteral("file")));
            if (!f.open(QIODevice::ReadOnly))
                return usageError(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()), kHelp);
            QJsonParseError parse {};
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parse);
            if (!doc.isObject())
                return usageError(
                    QStringLiteral("%1 is not a JSON object (%2)").arg(f.fileName(), parse.errorString()), kHelp);
            QJsonObject o = doc.object();
            if (o.value(QStringLiteral("config")).isObject())
                o = o.value(QStringLiteral("config")).toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                config.insert(
                    it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
        } else if (!parsePairs(parser.values(QStringLiteral("config")), &config, &error)) {
            return usageError(error, kHelp);
        }
        config.insert(QStringLiteral("name"), name); // the worker validates it as a setting too
        const QString connectorClass = config.value(QStringLiteral("connector.class"));
        if (connectorClass.isEmpty())
            return usageError(QStringLiteral("the config needs connector.class (kafscope-cli connect plugins lists "
                                             "the installed ones)"),
                kHelp);
        const auto validation = await<Validation>([&](auto done) { client.validate(connectorClass, config, done); });
        if (!validation.ok())
            return connectFailure(validation.error);
        if (const int code = reportValidation(*validation.value); code != Ok)
            return code;
        if (parser.isSet(QStringLiteral("dry-run"))) {
            out() << "valid: the worker accepts " << name << " (" << connectorClass << "); nothing was created\n";
            return Ok;
        }
        const auto created = await<ConnectorInfo>([&](auto done) { client.create(name, config, done); });
        if (!created.ok())
            return connectFailure(created.error);
        if (context.json)
            printJson(QJsonObject { { QStringLiteral("name"), created.value->name },
                { QStringLiteral("type"), created.value->type },
                { QStringLiteral("config"),
                    configJson(maskedConfig(created.value->config, validation.value->fields)) } });
        else
            out() << "created " << created.value->name << "\n";
        return Ok;
    }
    if (sub == QLatin1String("config")) {
        const auto current = await<QMap<QString, QString>>([&](auto done) { client.connectorConfig(name, done); });
        if (!current.ok())
            return connectFailure(current.error);
        QMap<QString, QString> config = *current.value;
        QMap<QString, QString> changes;
        QString error;
        if (!parsePairs(parser.values(QStringLiteral("set")), &changes, &error))
            return usageError(error, kHelp);
        for (auto it = changes.begin(); it != changes.end(); ++it)
            config.insert(it.key(), it.value());
        for (const QString& k : parser.values(QStringLiteral("unset"))) {
            if (!config.contains(k))
                return usageError(QStringLiteral("%1 has no setting %2 to unset").arg(name, k), kHelp);
            config.remove(k);
        }
        const QString connectorClass = config.value(QStringLiteral("connector.class"));
        // The plugin's definitions: to mask PASSWORD settings, and to check a change before it is sent.
        const auto validation = await<Validation>([&](auto done) { client.validate(connectorClass, config, done); });
        if (!validation.ok())
            return connectFailure(validation.error);
        const bool changing = !changes.isEmpty() || parser.isSet(QStringLiteral("unset"));
        if (changing) {
            if (const int code = reportValidation(*validation.value); code != Ok)
                return code;
        }
        if (changing && !parser.isSet(QStringLiteral("dry-run"))) {
            const auto put = await<ConnectorInfo>([&](auto done) { client.putConfig(name, config, done); });
            if (!put.ok())
                return connectFailure(put.error);
        }
        const auto shown = maskedConfig(config, validation.value->fields);
        if (context.json) {
            printJson(configJson(shown));
        } else {
            QList<QStringList> rows;
            for (auto it = shown.begin(); it != shown.end(); ++it)
                rows << QStringList { it.key(), it.value() };
            out() << formatTable({ QStringLiteral("SETTING"), QStringLiteral("VALUE") }, rows);
            if (changing)
                out() << (parser.isSet(QStringLiteral("dry-run")) ? "valid; nothing was changed (--dry-run)\n"
                                                                  : "changed\n");
        }
        return Ok;
    }
    if (sub == QLatin1String("pause") || sub == QLatin1String("resume") || sub == QLatin1String("stop")
        || sub == QLatin1String("restart") || sub == QLatin1String("delete")) {
        if (sub == QLatin1String("delete") && !parser.isSet(QStringLiteral("yes"))) {
            err() << "kafscope-cli: would delete connector " << name
                  << " (its tasks stop; its offsets stay in the worker's offsets topic); add --yes to delete it"
                  << Qt::endl;
            return Refused;
        }
        const auto r = await<bool>([&](auto done) {
            if (sub == QLatin1String("pause"))
                client.pause(name, done);
            else if (sub == QLatin1String("resume"))
                client.resume(name, done);
            else if (sub == QLatin1String("stop"))
                client.stop(name, done);
            else if (sub == QLatin1String("restart"))
                client.restart(name, parser.isSet(QStringLiteral("only-failed")), done);
            else
                client.remove(name, done);
        });
        if (!r.ok())
            return connectFailure(r.error);
        out() << (sub == QLatin1String("delete") ? QStringLiteral("deleted %1\n").arg(name)
                                                 : QStringLiteral("%1: %2 accepted by the worker\n").arg(name, sub));
        return Ok;
    }
    // offsets, reset-offsets
    const auto offsets = await<ConnectorOffsets>([&](auto done) { client.offsets(name, done); });
    if (!offsets.ok())
        return connectFailure(offsets.error);
    QJsonArray json;
    for (const auto& e : offsets.value->offsets)
        json.append(
            QJsonObject { { QStringLiteral("partition"), e.partition }, { QStringLiteral("offset"), e.offset } });
    if (sub == QLatin1String("offsets")) {
        if (context.json) {
            printJson(json);
        } else {
            QList<QStringList> rows;
            for (const auto& e : offsets.value->offsets)
                rows << QStringList { QString::fromUtf8(QJsonDocument(e.partition).toJson(QJsonDocument::Compact)),
                    QString::fromUtf8(QJsonDocument(e.offset).toJson(QJsonDocument::Compact)) };
            out() << formatTable({ QStringLiteral("PARTITION"), QStringLiteral("OFFSET") }, rows);
        }
        return Ok;
    }
    // reset-offsets: KIP-875 wants the connector STOPPED; said before anything is sent.
    const auto list = await<QList<ConnectorInfo>>([&](auto done) { client.connectors(done); });
    if (!list.ok())
        return connectFailure(list.error);
    const auto it
        = std::find_if(list.value->begin(), list.value->end(), [&](const ConnectorInfo& c) { return c.name == name; });
    if (it == list.value->end()) {
        err() << "kafscope-cli: no connector " << name << " on " << client.endpoint().url.toString() << Qt::endl;
        return KafkaError;
    }
    if (parser.isSet(QStringLiteral("dry-run")) == parser.isSet(QStringLiteral("yes")))
        return usageError(QStringLiteral("connect reset-offsets takes --dry-run or --yes"), kHelp);
    if (parser.isSet(QStringLiteral("dry-run"))) {
        out() << "would reset " << offsets.value->offsets.size() << " offset(s) of " << name
              << (it->state == QLatin1String("STOPPED")
                         ? QStringLiteral("")
                         : QStringLiteral(" (it is %1: stop it first, kafscope-cli connect stop %2)")
                               .arg(it->state, name))
              << "\n";
        if (context.json)
            printJson(json);
        return Ok;
    }
    if (it->state != QLatin1String("STOPPED")) {
        err() << "kafscope-cli: " << name << " is " << it->state
              << ": its offsets can be reset only while it is stopped (kafscope-cli connect stop " << name << ")"
              << Qt::endl;
        return Refused;
    }
    const auto reset = await<QString>([&](auto done) { client.resetOffsets(name, done); });
    if (!reset.ok())
        return connectFailure(reset.error);
    out() << "reset " << offsets.value->offsets.size() << " offset(s) of " << name << ": " << *reset.value << "\n";
    return Ok;
}

} // namespace kafscope::cli
