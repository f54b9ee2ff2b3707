// kafscope-cli groups, group describe|reset-offsets|delete|delete-offsets and lag: ListGroups to every broker,
// descriptions per coordinator and type, OffsetFetch, ListOffsets, OffsetCommit, OffsetDelete and DeleteGroups through
// the own admin client (librdkafka 2.0.2's group admin calls abort on error replies). The JSON shapes are in the
// README ("kafscope-cli").
#include "app/cli/cli.h"
#include "app/cli/common.h"
#include "app/cli/dataplane.h"
#include "app/cli/output.h"
#include "kafka/admin/lag.h"
#include "kafka/admin/offsetreset.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/errors.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QThread>
#include <QTimer>
#include <csignal>

namespace kafscope::cli {

namespace {

QJsonValue nullable(std::optional<int64_t> v)
{
    return v ? QJsonValue(qint64(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue nullable(const std::optional<QString>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString num(std::optional<int64_t> v, const QString& none = QStringLiteral("-"))
{
    return v ? QString::number(*v) : none;
}

QJsonArray assignmentJson(const QList<TopicPartitionRef>& partitions)
{
    QJsonArray out;
    for (const auto& tp : partitions)
        out.append(
            QJsonObject { { QStringLiteral("topic"), tp.topic }, { QStringLiteral("partition"), tp.partition } });
    return out;
}

QString assignmentText(const QList<TopicPartitionRef>& partitions)
{
    QStringList parts;
    for (const auto& tp : partitions)
        parts << QStringLiteral("%1-%2").arg(tp.topic).arg(tp.partition);
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QLatin1Char(','));
}

QJsonObject lagRowJson(const admin::PartitionLag& p, bool withMember)
{
    QJsonObject o { { QStringLiteral("topic"), p.topic }, { QStringLiteral("partition"), p.partition },
        { QStringLiteral("committed"), nullable(p.committed) },
        { QStringLiteral("latest"), p.latest >= 0 ? QJsonValue(qint64(p.latest)) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("lag"), nullable(p.lag) }, { QStringLiteral("status"), admin::lagStatusName(p.status) } };
    if (p.lastStableDiffers())
        o.insert(QStringLiteral("last_stable"), qint64(p.lastStable));
    if (withMember)
        o.insert(
            QStringLiteral("member_id"), p.memberId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.memberId));
    return o;
}

QString lagTable(const admin::GroupLag& lag, bool withOwner)
{
    QStringList headers { QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("COMMITTED"),
        QStringLiteral("LATEST"), QStringLiteral("LAG"), QStringLiteral("STATUS") };
    QList<bool> numeric { false, true, true, true, true, false };
    if (withOwner) {
        headers << QStringLiteral("OWNER");
        numeric << false;
    }
    QList<QStringList> rows;
    for (const auto& p : lag.partitions) {
        QString latest = p.latest >= 0 ? QString::number(p.latest) : QStringLiteral("unknown");
        if (p.lastStableDiffers())
            latest += QStringLiteral(" (stable %1)").arg(p.lastStable);
        QStringList row { p.topic, QString::number(p.partition), num(p.committed, QStringLiteral("no offset")), latest,
            p.lag ? QString::number(*p.lag) : (p.committed ? QStringLiteral("unknown") : QStringLiteral("no offset")),
            admin::lagStatusName(p.status) };
        if (withOwner)
            row << (p.memberId.isEmpty() ? QStringLiteral("-") : p.clientId + QStringLiteral(" ") + p.host);
        rows << row;
    }
    return formatTable(headers, rows, numeric);
}

void warnAbout(const QStringList& errors)
{
    for (const auto& e : errors)
        err() << "kafscope-cli: warning: " << e << Qt::endl;
}

int groupUsage(const QString& message)
{
    return usageError(message, QStringLiteral("kafscope-cli group --help"));
}

// The plan as the CLI prints it: [{topic, partition, old, new}] (skipped partitions are left out), or a table.
void printPlan(const admin::ResetPlan& plan, bool json)
{
    if (json) {
        QJsonArray array;
        for (const auto& r : plan.rows) {
            if (!r.target)
                continue;
            array.append(
                QJsonObject { { QStringLiteral("topic"), r.topic }, { QStringLiteral("partition"), r.partition },
                    { QStringLiteral("old"), nullable(r.old) }, { QStringLiteral("new"), qint64(*r.target) } });
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        out().flush();
        return;
    }
    QList<QStringList> rows;
    for (const auto& r : plan.rows)
        rows << QStringList { r.topic, QString::number(r.partition), num(r.old, QStringLiteral("none")),
            r.target ? QString::number(*r.target) : QStringLiteral("-"),
            r.earliest >= 0 ? QString::number(r.earliest) : QStringLiteral("unknown"),
            r.latest >= 0 ? QString::number(r.latest) : QStringLiteral("unknown"), num(r.lag()),
            r.error.isEmpty() ? (r.note.isEmpty() ? QStringLiteral("-") : r.note) : r.error };
    out() << formatTable(
        { QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("OLD"), QStringLiteral("NEW"),
            QStringLiteral("EARLIEST"), QStringLiteral("LATEST"), QStringLiteral("LAG-AFTER"), QStringLiteral("NOTE") },
        rows, { false, true, true, true, true, true, true, false });
    out().flush();
}

int resetOffsets(const QCommandLineParser& parser, const CommandContext& context, const QString& group)
{
    if (!parser.isSet(QStringLiteral("to")))
        return groupUsage(QStringLiteral("group reset-offsets needs --to earliest|latest|@EPOCH_MS|OFFSET|shift:N"));
    QString error;
    const auto spec = admin::parseResetTarget(parser.value(QStringLiteral("to")), &error);
    if (!spec)
        return groupUsage(error);
    QList<admin::TopicSelection> selection;
    QStringList topics;
    for (const auto& t : parser.values(QStringLiteral("topic"))) {
        const auto parsed = admin::parseTopicSelection(t, &error);
        if (!parsed)
            return groupUsage(error);
        selection.append(*parsed);
        if (!topics.contains(parsed->topic))
            topics.append(parsed->topic);
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (!dryRun && refuseOnReadOnly(context, QStringLiteral("reset the offsets of group %1").arg(group)))
        return Refused;
    auto admin = adminClient(context);
    const std::optional<int64_t> timestamp
        = spec->target == admin::ResetTarget::Timestamp ? std::optional<int64_t>(spec->value) : std::nullopt;
    const auto inputs
        = awaitResult<admin::ResetInputs>([&](auto done) { admin->resetInputs(group, topics, timestamp, done); });
    if (!inputs.ok())
        return adminFailure(inputs.error);
    if (const auto refusal = admin::resetRefusal(inputs.value->group); !refusal.isEmpty()) {
        err() << "kafscope-cli: refusing: " << refusal << Qt::endl; // nothing was sent
        return Refused;
    }
    const auto scope = admin::resetScope(inputs.value->metadata, inputs.value->committed, selection, &error);
    if (!scope)
        return adminFailure(AdminError::kafka(3, QStringLiteral("Resetting the offsets of %1").arg(group), error));
    if (scope->isEmpty())
        return groupUsage(
            QStringLiteral("group %1 has no committed offsets: name the topics to reset with --topic T").arg(group));
    const admin::ResetPlan plan = admin::planReset(*inputs.value, *scope, *spec);
    if (!plan.ok()) {
        warnAbout(plan.errors);
        err() << "kafscope-cli: nothing was sent: the new offsets of some partitions are unknown" << Qt::endl;
        return KafkaError;
    }
    for (const auto& r : plan.rows)
        if (r.skipped)
            err() << "kafscope-cli: warning: " << r.topic << "-" << r.partition << ": " << r.note << Qt::endl;
    const auto commits = plan.commits();
    if (dryRun) {
        printPlan(plan, context.json);
        return Ok;
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        err() << "kafscope-cli: this would reset " << commits.size() << " partition(s) of group " << group << " to "
              << spec->describe() << " (" << plan.changed()
              << " would move); pass --yes to do it, or --dry-run to see the plan" << Qt::endl;
        return Usage;
    }
    if (commits.isEmpty()) {
        printPlan(plan, context.json);
        return Ok;
    }
    const auto r = awaitResult<protocol::OffsetCommitResponse>(
        [&](auto done) { admin->commitGroupOffsets(group, commits, done); });
    if (!r.ok())
        return adminFailure(r.error);
    int failed = 0;
    for (const auto& t : r.value->topics)
        for (const auto& p : t.partitions)
            if (p.errorCode != 0) {
                ++failed;
                err() << "kafscope-cli: " << t.name << "-" << p.partitionIndex << ": "
                      << AdminError::kafka(p.errorCode).message << Qt::endl;
            }
    printPlan(plan, context.json);
    if (!context.json)
        out() << "reset " << (commits.size() - failed) << " partition(s) of " << group << " to " << spec->describe()
              << (failed ? QStringLiteral("; %1 failed").arg(failed) : QString()) << Qt::endl;
    return failed ? KafkaError : Ok;
}

int deleteGroup(const QCommandLineParser& parser, const CommandContext& context, const QString& group)
{
    if (refuseOnReadOnly(context, QStringLiteral("delete group %1").arg(group)))
        return Refused;
    if (!parser.isSet(QStringLiteral("yes"))) {
        err() << "kafscope-cli: this would delete group " << group
              << " with all its committed offsets; pass --yes to do it" << Qt::endl;
        return Usage;
    }
    auto admin = adminClient(context);
    const auto r
        = awaitResult<protocol::DeleteGroupsResponse>([&](auto done) { admin->deleteGroups({ group }, done); });
    if (!r.ok())
        return adminFailure(r.error);
    const auto result = r.value->results.value(0);
    if (r.value->results.isEmpty())
        return adminFailure(
            AdminError::protocol(QStringLiteral("The coordinator answered without a result for %1.").arg(group)));
    if (result.errorCode != 0)
        return adminFailure(AdminError::kafka(result.errorCode, QStringLiteral("Deleting group %1").arg(group)));
    if (context.json)
        out() << QJsonDocument(QJsonObject { { QStringLiteral("group"), group }, { QStringLiteral("deleted"), true } })
                     .toJson(QJsonDocument::Indented);
    else
        out() << "deleted group " << group << Qt::endl;
    out().flush();
    return Ok;
}

int deleteOffsets(const QCommandLineParser& parser, const CommandContext& context, const QString& group)
{
    const QStringList topicArgs = parser.values(QStringLiteral("topic"));
    if (topicArgs.size() != 1)
        return groupUsage(QStringLiteral("group delete-offsets takes exactly one --topic T"));
    QString error;
    const auto selection = admin::parseTopicSelection(topicArgs.first(), &error);
    if (!selection)
        return groupUsage(error);
    const QString topic = selection->topic;
    if (refuseOnReadOnly(context, QStringLiteral("delete the offsets of group %1").arg(group)))
        return Refused;
    if (!parser.isSet(QStringLiteral("yes"))) {
        err() << "kafscope-cli: this would delete the committed offsets of group " << group << " for topic " << topic
              << "; pass --yes to do it" << Qt::endl;
        return Usage;
    }
    auto admin = adminClient(context);
    const auto inputs
        = awaitResult<admin::ResetInputs>([&](auto done) { admin->resetInputs(group, { topic }, std::nullopt, done); });
    if (!inputs.ok())
        return adminFailure(inputs.error);
    // The topic's partitions, and committed ones the metadata no longer knows (a topic deleted since).
    QList<TopicPartitionRef> partitions;
    const auto add = [&](int32_t p) {
        if ((selection->partitions.isEmpty() || selection->partitions.contains(p))
            && !partitions.contains(TopicPartitionRef { topic, p }))
            partitions.append({ topic, p });
    };
    if (const auto* info = inputs.value->metadata.topic(topic); info && info->errorCode == 0)
        for (const auto& p : info->partitions)
            add(p.partition);
    for (const auto& c : inputs.value->committed.offsets)
        if (c.topic == topic)
            add(c.partition);
    if (partitions.isEmpty())
        return adminFailure(AdminError::kafka(3, QStringLiteral("Offsets of %1 for %2").arg(group, topic)));
    std::sort(partitions.begin(), partitions.end());
    const auto r = awaitResult<protocol::OffsetDeleteResponse>(
        [&](auto done) { admin->deleteGroupOffsets(group, partitions, done); });
    if (!r.ok())
        return adminFailure(r.error);
    int failed = 0;
    QJsonArray json;
    for (const auto& t : r.value->topics)
        for (const auto& p : t.partitions) {
            if (p.errorCode != 0) {
                ++failed;
                err() << "kafscope-cli: " << t.name << "-" << p.partitionIndex << ": "
                      << AdminError::kafka(p.errorCode).message << Qt::endl;
            }
            json.append(
                QJsonObject { { QStringLiteral("topic"), t.name }, { QStringLiteral("partition"), p.partitionIndex },
                    { QStringLiteral("error"),
                        p.errorCode ? QJsonValue(protocol::errorName(p.errorCode)) : QJsonValue(QJsonValue::Null) } });
        }
    if (context.json)
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    else if (!failed)
        out() << "deleted the offsets of group " << group << " for " << topic << " (" << partitions.size()
              << " partition(s))" << Qt::endl;
    out().flush();
    return failed ? KafkaError : Ok;
}

volatile std::sig_atomic_t g_stop = 0;

} // namespace

void addGroupsOptions(QCommandLineParser&) { }

int runGroups(const QCommandLineParser&, const CommandContext& context)
{
    auto admin = adminClient(context);
    const auto listed = awaitResult<GroupList>([&](auto done) { admin->listGroups(done); });
    if (!listed.ok())
        return adminFailure(listed.error);
    warnAbout(listed.value->errors);
    const auto summaries = awaitResult<QList<admin::GroupSummary>>(
        [&](auto done) { admin->summarizeGroups(listed.value->groups, done); });
    if (!summaries.ok())
        return adminFailure(summaries.error);
    if (context.json) {
        QJsonArray array;
        for (const auto& s : *summaries.value) {
            const auto& g = s.listing;
            array.append(QJsonObject { { QStringLiteral("name"), g.name }, { QStringLiteral("type"), g.type },
                { QStringLiteral("state"), g.state }, { QStringLiteral("protocol_type"), nullable(g.protocolType) },
                { QStringLiteral("member_count"),
                    s.memberCount >= 0 ? QJsonValue(s.memberCount) : QJsonValue(QJsonValue::Null) },
                { QStringLiteral("coordinator"), g.coordinator }, { QStringLiteral("lag"), nullable(s.totalLag) } });
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        QList<QStringList> rows;
        for (const auto& s : *summaries.value) {
            const auto& g = s.listing;
            rows << QStringList { g.name, g.type, g.state.isEmpty() ? QStringLiteral("-") : g.state,
                s.memberCount >= 0 ? QString::number(s.memberCount) : QStringLiteral("?"),
                QString::number(g.coordinator), num(s.totalLag), g.protocolType.value_or(QStringLiteral("-")) };
            if (!s.error.isEmpty())
                err() << "kafscope-cli: warning: " << g.name << ": " << s.error << Qt::endl;
        }
        out() << formatTable(
            { QStringLiteral("GROUP"), QStringLiteral("TYPE"), QStringLiteral("STATE"), QStringLiteral("MEMBERS"),
                QStringLiteral("COORDINATOR"), QStringLiteral("LAG"), QStringLiteral("PROTOCOL-TYPE") },
            rows, { false, false, false, true, true, true, false });
    }
    out().flush();
    return Ok;
}

void addGroupOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("to"),
        QStringLiteral("reset-offsets: the new offsets: earliest, latest, @EPOCH_MS (the first record at or after "
                       "that time), OFFSET, or shift:N (N back or ahead of the committed offset); clamped into each "
                       "partition's earliest..latest."),
        QStringLiteral("TARGET") });
    parser.addOption({ QStringLiteral("topic"),
        QStringLiteral("reset-offsets: only this topic, or some of its partitions (T:P[,P...]); repeatable. Default: "
                       "every partition of the topics the group committed offsets for. delete-offsets: the topic."),
        QStringLiteral("T[:P,...]") });
    parser.addOption({ QStringLiteral("dry-run"),
        QStringLiteral("reset-offsets: print the plan (old and new offset per partition), send nothing.") });
    parser.addOption({ QStringLiteral("yes"), QStringLiteral("reset-offsets, delete, delete-offsets: really do it.") });
}

int runGroup(const QCommandLineParser& parser, const CommandContext& context)
{
    const QString action = context.positionals.value(0);
    const QString name = context.positionals.value(1);
    if (action == QLatin1String("reset-offsets"))
        return resetOffsets(parser, context, name);
    if (action == QLatin1String("delete"))
        return deleteGroup(parser, context, name);
    if (action == QLatin1String("delete-offsets"))
        return deleteOffsets(parser, context, name);
    if (action != QLatin1String("describe"))
        return usageError(
            QStringLiteral("unknown group action '%1' (describe, reset-offsets, delete, delete-offsets)").arg(action),
            QStringLiteral("kafscope-cli group --help"));
    if (name.isEmpty())
        return usageError(
            QStringLiteral("group describe needs a group name"), QStringLiteral("kafscope-cli group --help"));
    auto admin = adminClient(context);
    const auto r = awaitResult<admin::GroupDetail>([&](auto done) { admin->describeGroup(name, {}, done); });
    if (!r.ok())
        return adminFailure(r.error);
    const auto& d = *r.value;
    const auto& g = d.description;
    warnAbout(d.lag.errors);
    if (d.committed.errorCode != 0)
        warnAbout({ d.committed.errorMessage });
    if (context.json) {
        QJsonArray members;
        for (const auto& m : g.members) {
            QJsonObject o { { QStringLiteral("member_id"), m.memberId }, { QStringLiteral("client_id"), m.clientId },
                { QStringLiteral("host"), m.host }, { QStringLiteral("assignment"), assignmentJson(m.assignment) } };
            if (m.instanceId)
                o.insert(QStringLiteral("instance_id"), *m.instanceId);
            if (m.memberEpoch >= 0) {
                o.insert(QStringLiteral("member_epoch"), m.memberEpoch);
                o.insert(QStringLiteral("target_assignment"), assignmentJson(m.targetAssignment));
            }
            members.append(o);
        }
        QJsonArray offsets;
        for (const auto& p : d.lag.partitions)
            offsets.append(lagRowJson(p, true));
        QJsonObject o { { QStringLiteral("name"), g.name }, { QStringLiteral("type"), g.type },
            { QStringLiteral("state"), g.state }, { QStringLiteral("protocol_type"), nullable(g.protocolType) },
            { QStringLiteral("coordinator"), g.coordinator },
            { QStringLiteral("assignor"),
                g.assignor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(g.assignor) },
            { QStringLiteral("members"), members }, { QStringLiteral("offsets"), offsets } };
        if (g.groupEpoch >= 0) {
            o.insert(QStringLiteral("group_epoch"), g.groupEpoch);
            o.insert(QStringLiteral("assignment_epoch"), g.assignmentEpoch);
        }
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        out().flush();
        return Ok;
    }
    out() << "Group " << g.name << " (" << g.type << "), state " << g.state << ", coordinator " << g.coordinator;
    if (!g.assignor.isEmpty())
        out() << ", assignor " << g.assignor;
    if (g.groupEpoch >= 0)
        out() << ", group epoch " << g.groupEpoch << ", assignment epoch " << g.assignmentEpoch;
    out() << "\n\n";
    QList<QStringList> rows;
    for (const auto& m : g.members) {
        QStringList row { m.memberId, m.clientId, m.host, assignmentText(m.assignment) };
        if (g.type == group_type::consumer)
            row << assignmentText(m.targetAssignment) << QString::number(m.memberEpoch);
        rows << row;
    }
    if (rows.isEmpty()) {
        out() << "No active members.\n";
    } else {
        QStringList headers { QStringLiteral("MEMBER-ID"), QStringLiteral("CLIENT-ID"), QStringLiteral("HOST"),
            QStringLiteral("ASSIGNMENT") };
        if (g.type == group_type::consumer)
            headers << QStringLiteral("TARGET") << QStringLiteral("EPOCH");
        out() << formatTable(headers, rows);
    }
    out() << "\n";
    if (d.lag.partitions.isEmpty())
        out() << "No committed offsets and no assigned partitions.\n";
    else
        out() << lagTable(d.lag, true);
    out().flush();
    return Ok;
}

void addLagOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("watch"),
        QStringLiteral("Sample again every SECONDS until interrupted; the status then uses the window of samples "
                       "(behind, stalled, rewound need more than one)."),
        QStringLiteral("SECONDS") });
    parser.addOption(
        { QStringLiteral("samples"), QStringLiteral("With --watch: stop after N samples."), QStringLiteral("N") });
}

int runLag(const QCommandLineParser& parser, const CommandContext& context)
{
    const QString name = context.positionals.value(0);
    double watch = 0;
    if (parser.isSet(QStringLiteral("watch"))) {
        bool ok = false;
        watch = parser.value(QStringLiteral("watch")).toDouble(&ok);
        if (!ok || watch <= 0 || watch > 86400)
            return usageError(QStringLiteral("--watch takes a number of seconds (0 < SECONDS <= 86400)"),
                QStringLiteral("kafscope-cli lag --help"));
    }
    int samples = watch > 0 ? -1 : 1;
    if (parser.isSet(QStringLiteral("samples"))) {
        bool ok = false;
        samples = parser.value(QStringLiteral("samples")).toInt(&ok);
        if (!ok || samples < 1)
            return usageError(
                QStringLiteral("--samples takes a positive count"), QStringLiteral("kafscope-cli lag --help"));
    }
    auto admin = adminClient(context);
    constexpr int kWindow = 10;
    QHash<TopicPartitionRef, QList<admin::LagPoint>> windows;
    std::signal(SIGINT, [](int) { g_stop = 1; });
    std::signal(SIGTERM, [](int) { g_stop = 1; });
    for (int taken = 0; samples < 0 || taken < samples; ++taken) {
        if (taken > 0) {
            // Sleep in short steps so an interrupt ends the watch promptly.
            const qint64 until = QDateTime::currentMSecsSinceEpoch() + qint64(watch * 1000);
            while (!g_stop && QDateTime::currentMSecsSinceEpoch() < until)
                QThread::msleep(50);
        }
        if (g_stop)
            break;
        const auto r = awaitResult<admin::GroupDetail>([&](auto done) { admin->describeGroup(name, {}, done); });
        if (!r.ok()) {
            if (taken == 0 || samples > 0)
                return adminFailure(r.error);
            err() << "kafscope-cli: " << r.error.message << Qt::endl;
            continue;
        }
        admin::GroupLag lag = r.value->lag;
        const bool active = r.value->description.hasActiveMembers();
        QList<admin::LagStatus> statuses;
        for (auto& p : lag.partitions) {
            auto& w = windows[TopicPartitionRef { p.topic, p.partition }];
            w.append(admin::LagPoint { r.value->sampledAtMs, p.committed, p.latest });
            if (w.size() > kWindow)
                w.removeFirst();
            if (!(p.latest < 0 && p.committed))
                p.status = admin::lagVerdict(w, active);
            statuses << p.status;
        }
        lag.status = admin::worstStatus(statuses);
        warnAbout(lag.errors);
        if (context.json) {
            QJsonArray array;
            for (const auto& p : lag.partitions)
                array.append(lagRowJson(p, false));
            // One array per sample; with --watch one per line (JSON Lines).
            out() << QJsonDocument(array).toJson(watch > 0 ? QJsonDocument::Compact : QJsonDocument::Indented);
            if (watch > 0)
                out() << "\n";
        } else {
            if (watch > 0)
                out() << QDateTime::fromMSecsSinceEpoch(r.value->sampledAtMs).toString(Qt::ISODate) << "  group "
                      << name << "  total lag " << num(lag.total) << "  " << admin::lagStatusName(lag.status) << "\n";
            out() << lagTable(lag, false);
            if (watch > 0)
                out() << "\n";
        }
        out().flush();
    }
    return Ok;
}

} // namespace kafscope::cli
