// kafscope-cli configs topic NAME | broker ID|default: shows the configuration, or with --set/--unset changes the
// named configs only (IncrementalAlterConfigs; the others stay as they are), validate-only first.
#include "app/cli/cli.h"
#include "app/cli/common.h"
#include "app/cli/dataplane.h"
#include "app/cli/output.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>

namespace kafscope::cli {

namespace {

int usage(const QString& message)
{
    return usageError(message, QStringLiteral("kafscope-cli configs --help"));
}

int fail(const AdminError& error)
{
    return adminFailure(error);
}

} // namespace

void addConfigsOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("set"), QStringLiteral("Set a config, repeatable."), QStringLiteral("K=V") });
    parser.addOption(
        { QStringLiteral("unset"), QStringLiteral("Back to the default, repeatable."), QStringLiteral("K") });
    parser.addOption(
        { QStringLiteral("dry-run"), QStringLiteral("Only check the change (validate-only), change nothing.") });
}

int runConfigs(const QCommandLineParser& parser, const CommandContext& context)
{
    const QString kind = context.positionals.at(0);
    QString name = context.positionals.at(1);
    ConfigResourceType type;
    if (kind == QLatin1String("topic")) {
        type = ConfigResourceType::Topic;
    } else if (kind == QLatin1String("broker")) {
        type = ConfigResourceType::Broker;
        if (name == QLatin1String("default"))
            name.clear(); // the cluster-wide broker defaults
        else if (bool ok = false; name.toInt(&ok), !ok)
            return usage(QStringLiteral("configs broker takes a broker id or 'default', not '%1'").arg(name));
    } else {
        return usage(QStringLiteral("configs takes 'topic NAME' or 'broker ID|default', not '%1'").arg(kind));
    }
    auto adminOwner = adminClient(context);
    auto& admin = *adminOwner;

    const QStringList sets = parser.values(QStringLiteral("set"));
    const QStringList unsets = parser.values(QStringLiteral("unset"));
    if (sets.isEmpty() && unsets.isEmpty()) {
        if (parser.isSet(QStringLiteral("dry-run")))
            return usage(QStringLiteral("--dry-run goes with --set or --unset"));
        const auto r = awaitResult<ConfigResourceResult>([&](auto done) { admin.describeConfigs(type, name, done); });
        if (!r.ok())
            return fail(r.error);
        if (context.json)
            out() << QJsonDocument(configsJson(*r.value)).toJson(QJsonDocument::Indented);
        else
            out() << configsTable(*r.value);
        out().flush();
        return Ok;
    }

    protocol::AlterConfigsResource resource { type, name, {} };
    QSet<QString> keys;
    for (const auto& kv : sets) {
        const auto eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("--set takes KEY=VALUE, not '%1'").arg(kv));
        resource.configs.append({ kv.left(eq), protocol::ConfigOperation::Set, kv.mid(eq + 1) });
        keys.insert(kv.left(eq));
    }
    for (const auto& key : unsets) {
        if (key.isEmpty() || key.contains(QLatin1Char('=')))
            return usage(QStringLiteral("--unset takes a config name, not '%1'").arg(key));
        if (keys.contains(key))
            return usage(QStringLiteral("%1 is both set and unset").arg(key));
        resource.configs.append({ key, protocol::ConfigOperation::Delete, std::nullopt });
        keys.insert(key);
    }
    if (!parser.isSet(QStringLiteral("dry-run")) && refuseOnReadOnly(context, QStringLiteral("change configs")))
        return Refused;
    // Validate-only first: the broker checks every value before anything changes.
    auto r = awaitResult<protocol::AlterConfigsResourceResponse>(
        [&](auto done) { admin.incrementalAlterConfigs(resource, true, done); });
    if (!r.ok())
        return fail(r.error);
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (!dryRun) {
        r = awaitResult<protocol::AlterConfigsResourceResponse>(
            [&](auto done) { admin.incrementalAlterConfigs(resource, false, done); });
        if (!r.ok())
            return fail(r.error);
    }
    const QString target = type == ConfigResourceType::Topic ? QStringLiteral("topic %1").arg(name)
        : name.isEmpty()                                     ? QStringLiteral("the cluster-wide broker defaults")
                                                             : QStringLiteral("broker %1").arg(name);
    for (const auto& c : resource.configs)
        out() << (dryRun ? "would " : "") << (c.operation == protocol::ConfigOperation::Set ? "set " : "unset ")
              << c.name << (c.value ? QStringLiteral("=") + *c.value : QString()) << " on " << target << Qt::endl;
    return Ok;
}

} // namespace kafscope::cli
