// kafscope-cli quorum, elect-leaders and topic delete-records: DescribeQuorum + DescribeCluster, ElectLeaders and
// DeleteRecords through the own admin client.
#include "app/cli/cli.h"
#include "app/cli/common.h"
#include "app/cli/dataplane.h"
#include "app/cli/output.h"
#include "kafka/admin/topicname.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/errors.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace kafscope::cli {

namespace {

QString when(int64_t ms)
{
    return ms < 0 ? QStringLiteral("-") : QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs);
}

// "T" or "T:P[,P...]" -> the topic and its partitions (empty: all of them).
std::optional<std::pair<QString, QList<int32_t>>> parseTopicPartitions(const QString& text, QString* error)
{
    const auto colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::pair { text, QList<int32_t> {} };
    QList<int32_t> partitions;
    for (const auto& p : text.mid(colon + 1).split(QLatin1Char(','))) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || n < 0) {
            *error = QStringLiteral("'%1' is not T:P[,P...] (partitions are numbers)").arg(text);
            return std::nullopt;
        }
        partitions.append(n);
    }
    if (colon == 0) {
        *error = QStringLiteral("'%1' names no topic").arg(text);
        return std::nullopt;
    }
    return std::pair { text.left(colon), partitions };
}

} // namespace

void addElectOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("topic"),
        QStringLiteral(
            "Only this topic, or some of its partitions (T:P[,P...]); repeatable. Default: every partition."),
        QStringLiteral("T[:P,...]") });
    parser.addOption({ QStringLiteral("unclean"),
        QStringLiteral("Elect a replica that is not in sync when no in-sync one is left: the records it lacks are "
                       "lost. Needs --yes.") });
    parser.addOption({ QStringLiteral("yes"), QStringLiteral("unclean: really do it.") });
}

int runElect(const QCommandLineParser& parser, const CommandContext& context)
{
    const bool unclean = parser.isSet(QStringLiteral("unclean"));
    protocol::ElectLeadersRequest request;
    request.type = unclean ? protocol::ElectionType::Unclean : protocol::ElectionType::Preferred;
    if (unclean && !parser.isSet(QStringLiteral("yes"))) {
        err() << "kafscope-cli: an unclean election makes a replica that is not in sync the leader where no in-sync "
                 "one is left: the records it lacks are lost for good. Pass --yes to do it."
              << Qt::endl;
        return Usage;
    }
    // Every --topic is read before anything is sent.
    QList<std::pair<QString, QList<int32_t>>> selected;
    for (const auto& t : parser.values(QStringLiteral("topic"))) {
        QString error;
        const auto parsed = parseTopicPartitions(t, &error);
        if (!parsed)
            return usageError(error, QStringLiteral("kafscope-cli elect-leaders --help"));
        if (const auto check = admin::checkTopicName(parsed->first); !check.ok())
            return usageError(check.error, QStringLiteral("kafscope-cli elect-leaders --help"));
        selected.append(*parsed);
    }
    auto admin = adminClient(context);
    if (!selected.isEmpty()) {
        const auto md = awaitResult<ClusterMetadata>([&](auto done) { admin->fetchMetadata(std::nullopt, done); });
        if (!md.ok())
            return adminFailure(md.error);
        QList<protocol::ElectTopicPartitions> wanted;
        for (const auto& selection : selected) {
            const auto* parsed = &selection;
            const auto* info = md.value->topic(parsed->first);
            if (!info || info->errorCode != 0)
                return adminFailure(AdminError::kafka(
                    info ? info->errorCode : int16_t(3), QStringLiteral("Topic %1").arg(parsed->first)));
            protocol::ElectTopicPartitions tp { parsed->first, parsed->second };
            if (tp.partitions.isEmpty())
                for (const auto& p : info->partitions)
                    tp.partitions.append(p.partition);
            for (const auto p : tp.partitions)
                if (!info->partition(p))
                    return usageError(QStringLiteral("%1 has no partition %2").arg(tp.topic).arg(p),
                        QStringLiteral("kafscope-cli elect-leaders --help"));
            wanted.append(tp);
        }
        request.topicPartitions = wanted;
    }
    if (refuseOnReadOnly(context, QStringLiteral("elect leaders")))
        return Refused;
    const auto r = awaitResult<protocol::ElectLeadersResponse>([&](auto done) { admin->electLeaders(request, done); });
    if (!r.ok())
        return adminFailure(r.error);
    int elected = 0;
    int notNeeded = 0;
    int failed = 0;
    QJsonArray json;
    for (const auto& t : r.value->results)
        for (const auto& p : t.partitions) {
            QString outcome = QStringLiteral("elected");
            if (p.errorCode == 84) { // ELECTION_NOT_NEEDED
                ++notNeeded;
                outcome = QStringLiteral("not_needed");
            } else if (p.errorCode != 0) {
                ++failed;
                outcome = protocol::errorName(p.errorCode);
                err() << "kafscope-cli: " << t.topic << "-" << p.partition << ": "
                      << AdminError::kafka(p.errorCode, {}, p.errorMessage.value_or(QString())).message << Qt::endl;
            } else {
                ++elected;
            }
            json.append(QJsonObject { { QStringLiteral("topic"), t.topic },
                { QStringLiteral("partition"), p.partition }, { QStringLiteral("result"), outcome } });
        }
    if (context.json)
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    else if (!request.topicPartitions && elected + notNeeded + failed == 0)
        out() << "every partition is already led by its " << (unclean ? "in-sync replicas" : "preferred leader")
              << Qt::endl;
    else
        out() << "elected " << elected << " leader(s); " << notNeeded << " partition(s) already led by their "
              << (unclean ? "in-sync replicas" : "preferred leader") << (failed ? "; " : "")
              << (failed ? QString::number(failed) + QStringLiteral(" failed") : QString()) << Qt::endl;
    out().flush();
    return failed ? KafkaError : Ok;
}

void addQuorumOptions(QCommandLineParser&) { }

int runQuorum(const QCommandLineParser&, const CommandContext& context)
{
    auto admin = adminClient(context);
    const auto q = awaitResult<protocol::DescribeQuorumResponse>([&](auto done) { admin->describeQuorum(done); });
    if (!q.ok())
        return adminFailure(q.error);
    const auto cluster
        = awaitResult<protocol::DescribeClusterResponse>([&](auto done) { admin->describeCluster(done); });
    auto replicas = [&](const QList<protocol::QuorumReplica>& list) {
        QJsonArray array;
        for (const auto& r : list)
            array.append(QJsonObject { { QStringLiteral("id"), r.replicaId },
                { QStringLiteral("log_end_offset"), qint64(r.logEndOffset) },
                { QStringLiteral("lag"), qint64(std::max<int64_t>(0, q.value->highWatermark - r.logEndOffset)) },
                { QStringLiteral("last_fetch_timestamp"), qint64(r.lastFetchTimestamp) },
                { QStringLiteral("last_caught_up_timestamp"), qint64(r.lastCaughtUpTimestamp) } });
        return array;
    };
    if (context.json) {
        QJsonObject object { { QStringLiteral("leader"), q.value->leaderId },
            { QStringLiteral("epoch"), q.value->leaderEpoch },
            { QStringLiteral("high_watermark"), qint64(q.value->highWatermark) },
            { QStringLiteral("voters"), replicas(q.value->voters) },
            { QStringLiteral("observers"), replicas(q.value->observers) } };
        if (cluster.ok()) {
            QJsonArray fenced;
            for (const auto& b : cluster.value->brokers)
                if (b.isFenced)
                    fenced.append(b.brokerId);
            object.insert(QStringLiteral("fenced_brokers"), fenced);
        }
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        out().flush();
        return Ok;
    }
    out() << "KRaft quorum: leader " << q.value->leaderId << ", epoch " << q.value->leaderEpoch << ", high watermark "
          << q.value->highWatermark << Qt::endl;
    QList<QStringList> rows;
    for (const auto& [role, list] : { std::pair { "voter", &q.value->voters }, { "observer", &q.value->observers } })
        for (const auto& r : *list)
            rows.append({ QString::number(r.replicaId),
                QLatin1String(role) + (r.replicaId == q.value->leaderId ? QStringLiteral(" (leader)") : QString()),
                QString::number(r.logEndOffset),
                QString::number(std::max<int64_t>(0, q.value->highWatermark - r.logEndOffset)),
                when(r.lastFetchTimestamp), when(r.lastCaughtUpTimestamp) });
    out() << formatTable({ QStringLiteral("ID"), QStringLiteral("ROLE"), QStringLiteral("LOG_END_OFFSET"),
                             QStringLiteral("LAG"), QStringLiteral("LAST_FETCH"), QStringLiteral("LAST_CAUGHT_UP") },
        rows, { true, false, true, true, false, false });
    if (cluster.ok()) {
        QStringList fenced;
        for (const auto& b : cluster.value->brokers)
            if (b.isFenced)
                fenced.append(QString::number(b.brokerId));
        out() << "controller (as brokers see it): " << cluster.value->controllerId
              << "; fenced brokers: " << (fenced.isEmpty() ? QStringLiteral("none") : fenced.join(QStringLiteral(", ")))
              << Qt::endl;
    }
    out().flush();
    return Ok;
}

int runDeleteRecords(const QCommandLineParser& parser, const CommandContext& context)
{
    const auto help = QStringLiteral("kafscope-cli topic --help");
    if (context.positionals.size() != 2)
        return usageError(QStringLiteral("topic delete-records takes exactly one topic name"), help);
    const QString name = context.positionals.at(1);
    if (!parser.isSet(QStringLiteral("before")))
        return usageError(QStringLiteral("--before P=OFFSET[,P=OFFSET...] says what to delete"), help);
    protocol::DeleteRecordsTopic topic { name, {} };
    for (const auto& spec : parser.values(QStringLiteral("before")).join(QLatin1Char(',')).split(QLatin1Char(','))) {
        const auto eq = spec.indexOf(QLatin1Char('='));
        bool okP = false;
        bool okO = false;
        const int partition = eq > 0 ? spec.left(eq).toInt(&okP) : -1;
        const qint64 offset = eq > 0 ? spec.mid(eq + 1).toLongLong(&okO) : -1;
        if (!okP || !okO || partition < 0 || offset < 0)
            return usageError(
                QStringLiteral("--before takes P=OFFSET (both numbers, 0 or more), not '%1'").arg(spec), help);
        topic.partitions.append({ partition, offset });
    }
    if (refuseOnReadOnly(context, QStringLiteral("delete records of %1").arg(name)))
        return Refused;
    auto admin = adminClient(context);
    const auto md = awaitResult<ClusterMetadata>([&](auto done) { admin->fetchMetadata(QStringList { name }, done); });
    if (!md.ok())
        return adminFailure(md.error);
    const auto* info = md.value->topic(name);
    if (!info || info->errorCode != 0)
        return adminFailure(
            AdminError::kafka(info ? info->errorCode : int16_t(3), QStringLiteral("Topic %1").arg(name)));
    if (info->isInternal || name.startsWith(QLatin1String("__"))) {
        err() << "kafscope-cli: refusing to delete records of " << name << ": it is one of Kafka's internal topics"
              << Qt::endl;
        return Refused;
    }
    for (const auto& p : topic.partitions)
        if (!info->partition(p.partition))
            return usageError(QStringLiteral("%1 has no partition %2").arg(name).arg(p.partition), help);
    const auto offsets
        = awaitResult<OffsetsSnapshot>([&](auto done) { admin->listOffsets(*md.value, { name }, done); });
    auto offsetOf = [&](const QList<PartitionOffset>& list, int32_t partition) -> int64_t {
        for (const auto& po : list)
            if (po.partition == partition && po.errorCode == 0)
                return po.offset;
        return -1;
    };
    qint64 total = 0;
    QStringList what;
    for (const auto& p : topic.partitions) {
        const int64_t earliest = offsets.ok() ? offsetOf(offsets.value->earliest, p.partition) : -1;
        const int64_t latest = offsets.ok() ? offsetOf(offsets.value->latest, p.partition) : -1;
        if (latest >= 0 && p.offset > latest) {
            err() << "kafscope-cli: refusing: partition " << p.partition << " ends at offset " << latest
                  << "; records can only be deleted up to there (nothing was sent)" << Qt::endl;
            return Refused;
        }
        const qint64 n = earliest >= 0 ? std::max<qint64>(0, p.offset - earliest) : -1;
        total += std::max<qint64>(0, n);
        what.append(QStringLiteral("partition %1: offsets %2..%3 (%4 records)")
                        .arg(p.partition)
                        .arg(earliest)
                        .arg(p.offset - 1)
                        .arg(n < 0 ? QStringLiteral("?") : QString::number(n)));
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        err() << "kafscope-cli: this would delete about " << total << " record(s) of " << name << " for good ("
              << what.join(QStringLiteral("; ")) << "); pass --yes to do it" << Qt::endl;
        return Usage;
    }
    protocol::DeleteRecordsRequest request;
    request.topics = { topic };
    const auto r
        = awaitResult<protocol::DeleteRecordsResponse>([&](auto done) { admin->deleteRecords(request, done); });
    if (!r.ok())
        return adminFailure(r.error);
    int failed = 0;
    QJsonArray json;
    for (const auto& t : r.value->topics)
        for (const auto& p : t.partitions) {
            if (p.errorCode != 0) {
                ++failed;
                err() << "kafscope-cli: " << t.name << "-" << p.partition << ": "
                      << (p.errorCode == -1 ? QStringLiteral("its leader did not answer")
                                            : AdminError::kafka(p.errorCode).message)
                      << Qt::endl;
            } else if (!context.json) {
                out() << t.name << "-" << p.partition << ": earliest offset now " << p.lowWatermark << Qt::endl;
            }
            json.append(QJsonObject { { QStringLiteral("partition"), p.partition },
                { QStringLiteral("low_watermark"), qint64(p.lowWatermark) },
                { QStringLiteral("error"),
                    p.errorCode == 0 ? QJsonValue() : QJsonValue(protocol::errorName(p.errorCode)) } });
        }
    if (context.json)
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    out().flush();
    return failed ? KafkaError : Ok;
}

} // namespace kafscope::cli
