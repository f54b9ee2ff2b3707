// Consumer-group benchmarks on a real cluster (issue #8), each next to Kafka's own tool in the same run:
//  1. list and describe 5,000 groups the way the Groups page does: AdminClient::listGroups, then summarizeGroups
//     (members, topics, total lag) of the 5,000 in the page's batches of 500, one after another; also in one batch of
//     5,000 (as `kafscope-cli groups` does); also every listed group in the page's batches, kafscope-bench-lag of 2.
//     (10,000 partitions) among them, as the page would show this cluster; and `kafscope-cli groups --json` (every
//     listed group) as a process. Baselines: Kafka's GroupsCommand --list (`tests/cluster/group-clients.sh list`)
//     and ConsumerGroupCommand --describe of the same 5,000 groups (one --group each). Target 500 ms.
//  2. lag of one group over 10,000 partitions: AdminClient::describeGroup (what the Groups page's detail,
//     `kafscope-cli group describe` and `kafscope-cli lag` run: the description, OffsetFetch, metadata and ListOffsets
//     from every leader), and `kafscope-cli lag G --json` as a process. Baseline: Kafka's ConsumerGroupCommand
//     --describe --group G (`group-clients.sh describe-consumer`). Target 100 ms.
// Setup first, each step only for what is missing (so a second run takes seconds): topic kafscope-bench-groups (6
// partitions) and groups kafscope-bench-group-0000..4999, each an empty classic group made by one OffsetCommit with
// generation -1 (AdminClient::commitGroupOffsets, 64 in flight); topics kafscope-bench-lag-0..9 (1,000 partitions,
// RF 1, one CreateTopics each: the KRaft controller refuses requests of more than 10,000 records), 10 records to
// every tenth partition (librdkafka) and group kafscope-bench-lag with offsets committed for all 10,000 partitions
// (half of what was produced, so some lag shows).
// The admin client is warmed up by one untimed run (the page keeps its connections between refreshes); every process
// starts cold, after one untimed warm-up of its kind (page cache, and the check that it did the same work).
// Not a test: prints the figures next to the targets, no pass/fail on time. It exits non-zero only when it cannot do
// the work (no cluster, setup failing, an answer missing groups or partitions); a baseline tool that fails is
// reported as -1. Ends with RESULT lines.
//
// Usage: bench_groups [--bootstrap LIST] [--runs N] [--tool-runs N] [--tool-timeout S] [--no-kafka-describe-all]
//   --runs: timed runs of ours (default 5); --tool-runs: of Kafka's JVM tools (default 3); --tool-timeout: per tool
//   run (default 600 s); --no-kafka-describe-all: skip ConsumerGroupCommand over the 5,000 groups (a minute or more).
// Environment: KAFSCOPE_BOOTSTRAP (when --bootstrap is not given); BENCH_DELETE_TOPICS=1 deletes the groups and
// topics at the end (scripts/bench sets it on a cluster it did not start, to leave it as found).
#include "benchutil.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"
#include "kafka/protocol/errors.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <librdkafka/rdkafka.h>
#include <optional>

using namespace kafscope;
using protocol::AdminClient;

using kafscope::bench::argValue;
using kafscope::bench::die;

namespace {

const QString kGroupTopic = QStringLiteral("kafscope-bench-groups");
const QString kGroupPrefix = QStringLiteral("kafscope-bench-group-");
const QString kLagGroup = QStringLiteral("kafscope-bench-lag");
constexpr int kGroupTopicPartitions = 6;
constexpr int kGroups = 5000;
constexpr int kLagTopics = 10;
constexpr int kLagPartitions = 1000;
constexpr int kPageBatch = 500; // GroupsPage's kSummaryBatch
constexpr int kInFlight = 64;
constexpr double kListTargetMs = 500;
constexpr double kLagTargetMs = 100;

void note(const QString& message)
{
    std::fprintf(stderr, "bench_groups: %s\n", qPrintable(message));
    std::fflush(stderr);
}

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct Runs
{
    QList<double> ms;
    double median() const
    {
        if (ms.isEmpty())
            return -1;
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        return s.size() % 2 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
    }
    double min() const { return ms.isEmpty() ? -1 : *std::min_element(ms.begin(), ms.end()); }
    QString text() const
    {
        QStringList parts;
        for (const double v : ms)
            parts << QString::number(v, 'f', 1);
        return parts.join(QLatin1Char(' '));
    }
};

QString groupName(int i)
{
    return kGroupPrefix + QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0'));
}

QStringList lagTopics()
{
    QStringList names;
    for (int t = 0; t < kLagTopics; ++t)
        names << QStringLiteral("kafscope-bench-lag-%1").arg(t);
    return names;
}

// Runs the event loop until the admin client calls back (it does exactly once; a timeout is an error result).
template <typename T, typename Start> AdminResult<T> awaitResult(Start start)
{
    std::optional<AdminResult<T>> result;
    QEventLoop loop;
    start([&](const AdminResult<T>& r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

template <typename T, typename Start> T need(const QString& what, Start start)
{
    const AdminResult<T> r = awaitResult<T>(start);
    if (!r.ok())
        die(what + QStringLiteral(": ") + r.error.message);
    return *r.value;
}

// ---- setup ---------------------------------------------------------------------------------------------------

// Why the topics are not all usable yet (empty when they are): every partition needs a leader that answers ListOffsets,
// which comes some seconds after CreateTopics (the controller answers before the brokers have made the logs).
QString notReady(AdminClient& admin, const QStringList& topics, int partitions, admin::EndOffsets* ends)
{
    const auto md = awaitResult<ClusterMetadata>([&](auto done) { admin.fetchMetadata(topics, done); });
    if (!md.ok())
        return md.error.message;
    for (const auto& name : topics) {
        const TopicInfo* t = md.value->topic(name);
        if (!t || t->errorCode != 0 || t->partitions.size() != partitions)
            return QStringLiteral("%1 is not in the metadata with %2 partitions").arg(name).arg(partitions);
        for (const auto& p : t->partitions)
            if (p.leader < 0)
                return QStringLiteral("%1-%2 has no leader").arg(name).arg(p.partition);
    }
    const auto r = awaitResult<admin::EndOffsets>([&](auto done) { admin.endOffsets(*md.value, topics, false, done); });
    if (!r.ok())
        return r.error.message;
    if (!r.value->snapshot.errors.isEmpty())
        return r.value->snapshot.errors.first();
    qsizetype answered = 0;
    for (const auto& o : r.value->snapshot.latest)
        answered += o.errorCode == 0 && o.offset >= 0;
    if (answered != topics.size() * partitions)
        return QStringLiteral("%1 of %2 partitions answer ListOffsets").arg(answered).arg(topics.size() * partitions);
    if (ends)
        *ends = *r.value;
    return {};
}

// Creates the topics that are missing (RF 1, one CreateTopics each) and waits until all are usable; returns how many
// it created.
int ensureTopics(AdminClient& admin, const QStringList& names, int partitions, admin::EndOffsets* ends = nullptr)
{
    const auto md
        = need<ClusterMetadata>(QStringLiteral("Metadata"), [&](auto done) { admin.fetchMetadata(names, done); });
    int created = 0;
    for (const auto& name : names) {
        if (const TopicInfo* t = md.topic(name); t && t->errorCode == 0) {
            if (t->partitions.size() != partitions)
                die(QStringLiteral("%1 has %2 partitions, not %3: delete it")
                        .arg(name)
                        .arg(t->partitions.size())
                        .arg(partitions));
            continue;
        }
        protocol::CreateTopicsRequest request;
        request.timeoutMs = 120000;
        request.topics.append({ name, partitions, 1, {}, {} });
        const auto r = need<protocol::CreateTopicsResponse>(
            QStringLiteral("CreateTopics %1").arg(name), [&](auto done) { admin.createTopics(request, done); });
        for (const auto& t : r.topics)
            if (t.errorCode != 0 && t.errorCode != 36) // TOPIC_ALREADY_EXISTS: someone was faster
                die(QStringLiteral("CreateTopics %1: %2 %3")
                        .arg(t.name, protocol::errorName(t.errorCode), t.errorMessage.value_or(QString())));
        ++created;
    }
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const QString why = notReady(admin, names, partitions, ends);
        if (why.isEmpty())
            return created;
        if (clock.elapsed() > 300000)
            die(QStringLiteral("topics not usable after 300 s: ") + why);
        QThread::msleep(1000);
    }
}

struct Commit
{
    QString group;
    QList<CommittedOffset> offsets;
    int attempts = 0;
};

// Commits each group's offsets, kInFlight at a time. A commit that fails (the coordinator still loading
// __consumer_offsets, or moving) is sent again after 500 ms, up to 20 times.
void commitAll(AdminClient& admin, QList<Commit> commits)
{
    QEventLoop loop;
    qsizetype next = 0;
    int inFlight = 0;
    int committed = 0;
    QString fatal;
    std::function<void(qsizetype)> send;
    const auto pump = [&] {
        while (fatal.isEmpty() && inFlight < kInFlight && next < commits.size())
            send(next++);
        if (inFlight == 0 && (next >= commits.size() || !fatal.isEmpty()))
            loop.quit();
    };
    send = [&](qsizetype i) {
        ++inFlight;
        admin.commitGroupOffsets(
            commits[i].group, commits[i].offsets, [&, i](const AdminResult<protocol::OffsetCommitResponse>& r) {
                --inFlight;
                QString error = r.ok() ? QString() : r.error.message;
                if (r.ok())
                    for (const auto& t : r.value->topics)
                        for (const auto& p : t.partitions)
                            if (p.errorCode != 0)
                                error = QStringLiteral("%1-%2: %3")
                                            .arg(t.name)
                                            .arg(p.partitionIndex)
                                            .arg(protocol::errorName(p.errorCode));
                if (error.isEmpty()) {
                    if (++committed % 1000 == 0)
                        note(QStringLiteral("committed %1 of %2").arg(committed).arg(commits.size()));
                } else if (++commits[i].attempts < 20) {
                    ++inFlight;
                    QTimer::singleShot(500, &loop, [&, i] {
                        --inFlight;
                        send(i);
                    });
                    return;
                } else {
                    fatal = QStringLiteral("OffsetCommit for %1: %2").arg(commits[i].group, error);
                }
                pump();
            });
    };
    pump();
    if (inFlight > 0)
        loop.exec();
    if (!fatal.isEmpty())
        die(fatal);
}

QSet<QString> listedNames(AdminClient& admin)
{
    const auto list = need<GroupList>(QStringLiteral("ListGroups"), [&](auto done) { admin.listGroups(done); });
    if (!list.errors.isEmpty())
        die(QStringLiteral("ListGroups: ") + list.errors.join(QStringLiteral("; ")));
    QSet<QString> names;
    for (const auto& g : list.groups)
        names.insert(g.name);
    return names;
}

// The 5,000 groups: those not listed yet get one commit of offset 0 on each partition of kafscope-bench-groups.
int ensureGroups(AdminClient& admin)
{
    ensureTopics(admin, { kGroupTopic }, kGroupTopicPartitions);
    const QSet<QString> listed = listedNames(admin);
    QList<Commit> commits;
    for (int i = 0; i < kGroups; ++i) {
        if (listed.contains(groupName(i)))
            continue;
        Commit c { groupName(i), {}, 0 };
        for (int p = 0; p < kGroupTopicPartitions; ++p)
            c.offsets.append({ kGroupTopic, p, 0, -1, std::nullopt, 0 });
        commits.append(c);
    }
    if (!commits.isEmpty()) {
        note(QStringLiteral("creating %1 groups").arg(commits.size()));
        commitAll(admin, commits);
    }
    const QSet<QString> now = listedNames(admin);
    for (int i = 0; i < kGroups; ++i)
        if (!now.contains(groupName(i)))
            die(QStringLiteral("%1 was committed but is not listed").arg(groupName(i)));
    return int(commits.size());
}

// 10 records to every tenth partition of the lag topics, through librdkafka (independent of the code measured).
void produceSome(const QString& bootstrap, const QStringList& topics)
{
    char err[512];
    int failed = 0;
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err)
        != RD_KAFKA_CONF_OK)
        die(QString::fromUtf8(err));
    rd_kafka_conf_set_opaque(conf, &failed);
    rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
        if (m->err)
            ++*static_cast<int*>(opaque);
    });
    rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk)
        die(QString::fromUtf8(err));
    const char value[] = "kafscope-bench-lag";
    for (const auto& topic : topics) {
        const QByteArray name = topic.toUtf8();
        for (int p = 0; p < kLagPartitions; p += 10)
            for (int i = 0; i < 10; ++i) {
                rd_kafka_resp_err_t e;
                while ((e = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(name.constData()), RD_KAFKA_V_PARTITION(p),
                            RD_KAFKA_V_VALUE(const_cast<char*>(value), sizeof value - 1),
                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END))
                    == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                    rd_kafka_poll(rk, 100);
                if (e)
                    die(QStringLiteral("produce to %1-%2: %3")
                            .arg(topic)
                            .arg(p)
                            .arg(QString::fromUtf8(rd_kafka_err2str(e))));
            }
    }
    const rd_kafka_resp_err_t flushed = rd_kafka_flush(rk, 120000);
    rd_kafka_destroy(rk);
    if (flushed || failed)
        die(QStringLiteral("produce: %1 deliveries failed (%2)")
                .arg(failed)
                .arg(QString::fromUtf8(rd_kafka_err2str(flushed))));
}

// The 10,000 partitions and the group's commits on all of them; returns the topics created.
int ensureLagGroup(AdminClient& admin, const QString& bootstrap)
{
    const QStringList topics = lagTopics();
    admin::EndOffsets ends;
    const int created = ensureTopics(admin, topics, kLagPartitions, &ends);
    int64_t records = 0;
    for (const auto& o : ends.snapshot.latest)
        records += o.offset;
    if (records == 0) {
        note(QStringLiteral("producing to every tenth partition"));
        produceSome(bootstrap, topics);
        ensureTopics(admin, topics, kLagPartitions, &ends);
    }
    const auto described
        = awaitResult<admin::GroupDetail>([&](auto done) { admin.describeGroup(kLagGroup, {}, done); });
    qsizetype withCommit = 0;
    if (described.ok())
        for (const auto& p : described.value->lag.partitions)
            withCommit += p.committed.has_value();
    if (withCommit < kLagTopics * kLagPartitions) {
        note(QStringLiteral("committing offsets of %1 for %2 partitions")
                 .arg(kLagGroup)
                 .arg(ends.snapshot.latest.size()));
        Commit c { kLagGroup, {}, 0 };
        for (const auto& o : ends.snapshot.latest)
            c.offsets.append({ o.topic, o.partition, o.offset / 2, -1, std::nullopt, 0 });
        commitAll(admin, { c });
    }
    return created;
}

// ---- processes -----------------------------------------------------------------------------------------------

struct ProcessRun
{
    double ms = -1;
    bool ok = false;
    QByteArray out; // only when kept
    QString failure;
};

ProcessRun runProcess(const QString& program, const QStringList& args, int timeoutMs, bool keepOutput)
{
    QProcess process;
    if (!keepOutput)
        process.setStandardOutputFile(QProcess::nullDevice());
    ProcessRun run;
    QElapsedTimer t;
    t.start();
    process.start(program, args);
    if (!process.waitForStarted()) {
        run.failure = process.errorString();
        return run;
    }
    const bool finished = process.waitForFinished(timeoutMs);
    run.ms = ms(t);
    if (!finished) {
        process.kill();
        process.waitForFinished();
        run.failure = QStringLiteral("no end within %1 s").arg(timeoutMs / 1000);
        return run;
    }
    if (keepOutput)
        run.out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!run.ok)
        run.failure = QStringLiteral("exit %1: %2").arg(process.exitCode()).arg(QString::fromUtf8(err.right(600)));
    return run;
}

// `runs` timed runs after one untimed warm-up, whose output `check` judges (empty: the same work as ours); an empty
// result when the tool failed (said on stderr).
Runs timeProcess(const QString& what, const QString& program, const QStringList& args, int runs, int timeoutMs,
    const std::function<QString(const QByteArray&)>& check)
{
    const ProcessRun warm = runProcess(program, args, timeoutMs, true);
    QString why = warm.ok ? check(warm.out) : warm.failure;
    Runs result;
    for (int i = 0; why.isEmpty() && i < runs; ++i) {
        const ProcessRun run = runProcess(program, args, timeoutMs, false);
        if (run.ok)
            result.ms << run.ms;
        else
            why = run.failure;
    }
    if (!why.isEmpty()) {
        note(QStringLiteral("%1 failed, reported as -1: %2").arg(what, why));
        return {};
    }
    return result;
}

QString expectLines(const QByteArray& out, const QByteArray& needle, qsizetype wanted)
{
    qsizetype n = 0;
    for (const auto& line : out.split('\n'))
        n += line.contains(needle);
    return n >= wanted ? QString()
                       : QStringLiteral("%1 lines with %2 in its output, %3 expected")
                             .arg(n)
                             .arg(QString::fromUtf8(needle))
                             .arg(wanted);
}

// ---- measurements --------------------------------------------------------------------------------------------

struct ListRun
{
    double listMs = 0;
    double totalMs = 0;
    qsizetype groups = 0; // summarized
};

// listGroups, then summarizeGroups in batches of `batch`, one after another (the page's way), of the bench groups
// or (all) of every listed group, as the page and `kafscope-cli groups` do.
ListRun listAndSummarize(AdminClient& admin, int batch, bool all = false)
{
    QElapsedTimer t;
    t.start();
    const auto list = need<GroupList>(QStringLiteral("ListGroups"), [&](auto done) { admin.listGroups(done); });
    ListRun run;
    run.listMs = ms(t);
    QList<GroupListing> groups;
    for (const auto& g : list.groups)
        if (all || g.name.startsWith(kGroupPrefix))
            groups.append(g);
    qsizetype listed = 0;
    qsizetype described = 0;
    for (qsizetype i = 0; i < groups.size(); i += batch) {
        const auto summaries = need<QList<admin::GroupSummary>>(
            QStringLiteral("summarizeGroups"), [&](auto done) { admin.summarizeGroups(groups.mid(i, batch), done); });
        for (const auto& s : summaries) {
            if (!s.listing.name.startsWith(kGroupPrefix))
                continue;
            ++listed;
            described += s.described && s.error.isEmpty() && s.totalLag.has_value();
        }
    }
    run.totalMs = ms(t);
    run.groups = groups.size();
    if (listed != kGroups || described != kGroups)
        die(QStringLiteral("listed %1 bench groups, %2 described with lag; %3 expected")
                .arg(listed)
                .arg(described)
                .arg(kGroups));
    return run;
}

double lagOnce(AdminClient& admin, int64_t* total)
{
    QElapsedTimer t;
    t.start();
    const auto d = need<admin::GroupDetail>(QStringLiteral("describeGroup %1").arg(kLagGroup),
        [&](auto done) { admin.describeGroup(kLagGroup, {}, done); });
    const double elapsed = ms(t);
    qsizetype known = 0;
    for (const auto& p : d.lag.partitions)
        known += p.lag.has_value();
    if (known != kLagTopics * kLagPartitions || !d.lag.errors.isEmpty())
        die(QStringLiteral("%1: lag known for %2 of %3 partitions %4")
                .arg(kLagGroup)
                .arg(known)
                .arg(kLagTopics * kLagPartitions)
                .arg(d.lag.errors.join(QStringLiteral("; "))));
    *total = d.lag.total.value_or(-1);
    return elapsed;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString bootstrap = qEnvironmentVariable("KAFSCOPE_BOOTSTRAP");
    if (const auto i = args.indexOf(QStringLiteral("--bootstrap")); i >= 0 && i + 1 < args.size())
        bootstrap = args[i + 1];
    if (bootstrap.isEmpty())
        die(QStringLiteral("no cluster: pass --bootstrap or set KAFSCOPE_BOOTSTRAP"));
    const auto parsed = parseBootstrap(bootstrap);
    if (!parsed.ok())
        die(QStringLiteral("invalid bootstrap: ") + parsed.error);
    const int runs = std::max(1, argValue(args, QStringLiteral("--runs"), 5));
    const int toolRuns = std::max(1, argValue(args, QStringLiteral("--tool-runs"), 3));
    const int toolTimeoutMs = std::max(10, argValue(args, QStringLiteral("--tool-timeout"), 600)) * 1000;
    const bool describeAll = !args.contains(QStringLiteral("--no-kafka-describe-all"));
    const QString cli = QStringLiteral(KAFSCOPE_CLI_PATH);
    const QString groupClients = QStringLiteral(KAFSCOPE_GROUP_CLIENTS);

    protocol::ConnectionOptions options;
    options.clientId = QStringLiteral("kafscope-bench");
    options.requestTimeoutMs = 180000; // CreateTopics of 1,000 partitions on 2 busy cores
    AdminClient admin(parsed.addresses, options);

    // ---- setup ----------------------------------------------------------------------------------------------
    QElapsedTimer setup;
    setup.start();
    const int groupsCreated = ensureGroups(admin);
    const int topicsCreated = ensureLagGroup(admin, bootstrap);
    std::printf("setup on %s: %.1f s (%d groups and %d topics created; 0 and 0: all there)\n", qPrintable(bootstrap),
        ms(setup) / 1000, groupsCreated, topicsCreated);
    std::fflush(stdout);

    // ---- 1. list and describe 5,000 groups ------------------------------------------------------------------
    const ListRun cold = listAndSummarize(admin, kPageBatch); // warm-up: connections, the brokers' caches
    Runs page;
    Runs listOnly;
    for (int i = 0; i < runs; ++i) {
        const ListRun r = listAndSummarize(admin, kPageBatch);
        page.ms << r.totalMs;
        listOnly.ms << r.listMs;
    }
    Runs oneBatch;
    for (int i = 0; i < runs; ++i)
        oneBatch.ms << listAndSummarize(admin, kGroups).totalMs;
    // Every listed group, kafscope-bench-lag with its 10,000 partitions among them, as the page would.
    Runs everyGroup;
    qsizetype everyCount = 0;
    for (int i = 0; i < runs; ++i) {
        const ListRun r = listAndSummarize(admin, kPageBatch, true);
        everyGroup.ms << r.totalMs;
        everyCount = r.groups;
    }
    note(QStringLiteral("timing kafscope-cli groups and Kafka's tools"));
    const Runs cliGroups = timeProcess(QStringLiteral("kafscope-cli groups --json"), cli,
        { QStringLiteral("groups"), QStringLiteral("--json"), QStringLiteral("--bootstrap"), bootstrap }, runs,
        toolTimeoutMs,
        [](const QByteArray& out) { return expectLines(out, "\"name\": \"kafscope-bench-group-", kGroups); });
    runProcess(groupClients, { QStringLiteral("fetch") }, toolTimeoutMs, false);
    const Runs kafkaList = timeProcess(QStringLiteral("GroupsCommand --list"), groupClients,
        { QStringLiteral("list"), bootstrap }, toolRuns, toolTimeoutMs,
        [](const QByteArray& out) { return expectLines(out, "kafscope-bench-group-", kGroups); });
    Runs kafkaDescribeAll;
    if (describeAll) {
        QStringList describeArgs { QStringLiteral("describe-consumer"), bootstrap, groupName(0) };
        for (int i = 1; i < kGroups; ++i)
            describeArgs << QStringLiteral("--group") << groupName(i);
        // Once, without warm-up (the list warmed the JVM's jars up): it takes a minute or more.
        const ProcessRun r = runProcess(groupClients, describeArgs, toolTimeoutMs, true);
        const QString why
            = r.ok ? expectLines(r.out, kGroupTopic.toUtf8(), qsizetype(kGroups) * kGroupTopicPartitions) : r.failure;
        if (why.isEmpty())
            kafkaDescribeAll.ms << r.ms;
        else
            note(QStringLiteral("ConsumerGroupCommand --describe of %1 groups failed, reported as -1: %2")
                     .arg(kGroups)
                     .arg(why));
    }
    std::printf("list and describe %d groups (listGroups + summarizeGroups in the page's batches of %d): median %.1f "
                "ms (min %.1f; target %.0f ms; first run %.1f ms); the listing alone %.1f ms; in one batch %.1f ms\n",
        kGroups, kPageBatch, page.median(), page.min(), kListTargetMs, cold.totalMs, listOnly.median(),
        oneBatch.median());
    std::printf("  runs: %s\n", qPrintable(page.text()));
    std::printf("  every listed group (%lld, %s with its %d partitions among them), in the page's batches: median "
                "%.1f ms (min %.1f)\n",
        qlonglong(everyCount), qPrintable(kLagGroup), kLagTopics * kLagPartitions, everyGroup.median(),
        everyGroup.min());
    std::printf("  processes: kafscope-cli groups --json %.1f ms; baselines: Kafka's GroupsCommand --list %.1f ms, "
                "ConsumerGroupCommand --describe of the %d groups %.1f ms\n",
        cliGroups.median(), kafkaList.median(), kGroups, kafkaDescribeAll.median());
    std::printf("RESULT groups_list_describe groups=%d median_ms=%.1f min_ms=%.1f list_ms=%.1f one_batch_ms=%.1f "
                "all_listed_ms=%.1f all_listed=%lld cli_ms=%.1f baseline_kafka_list_ms=%.1f "
                "baseline_kafka_describe_ms=%.1f target_ms=%.0f runs=%d\n",
        kGroups, page.median(), page.min(), listOnly.median(), oneBatch.median(), everyGroup.median(),
        qlonglong(everyCount), cliGroups.median(), kafkaList.median(), kafkaDescribeAll.median(), kListTargetMs, runs);
    std::fflush(stdout);

    // ---- 2. lag of one group over 10,000 partitions ---------------------------------------------------------
    int64_t total = 0;
    const double lagCold = lagOnce(admin, &total);
    Runs lag;
    for (int i = 0; i < runs; ++i)
        lag.ms << lagOnce(admin, &total);
    const int partitions = kLagTopics * kLagPartitions;
    const Runs cliLag = timeProcess(QStringLiteral("kafscope-cli lag"), cli,
        { QStringLiteral("lag"), kLagGroup, QStringLiteral("--json"), QStringLiteral("--bootstrap"), bootstrap }, runs,
        toolTimeoutMs, [partitions](const QByteArray& out) {
            const auto n = QJsonDocument::fromJson(out).array().size();
            return n == partitions ? QString() : QStringLiteral("%1 rows, %2 expected").arg(n).arg(partitions);
        });
    const Runs kafkaLag = timeProcess(QStringLiteral("ConsumerGroupCommand --describe --group %1").arg(kLagGroup),
        groupClients, { QStringLiteral("describe-consumer"), bootstrap, kLagGroup }, toolRuns, toolTimeoutMs,
        [partitions](const QByteArray& out) { return expectLines(out, "kafscope-bench-lag-", partitions); });
    std::printf("lag of one group over %d partitions (describeGroup: description, OffsetFetch, metadata, ListOffsets "
                "from every leader): median %.1f ms (min %.1f; target %.0f ms; first run %.1f ms); total lag %lld\n",
        partitions, lag.median(), lag.min(), kLagTargetMs, lagCold, qlonglong(total));
    std::printf("  runs: %s\n", qPrintable(lag.text()));
    std::printf("  processes: kafscope-cli lag --json %.1f ms (min %.1f); baseline: Kafka's ConsumerGroupCommand "
                "--describe --group %.1f ms (min %.1f)\n",
        cliLag.median(), cliLag.min(), kafkaLag.median(), kafkaLag.min());
    std::printf("RESULT group_lag_10k_partitions partitions=%d median_ms=%.1f min_ms=%.1f cli_ms=%.1f "
                "baseline_kafka_describe_ms=%.1f target_ms=%.0f runs=%d\n",
        partitions, lag.median(), lag.min(), cliLag.median(), kafkaLag.median(), kLagTargetMs, runs);
    std::fflush(stdout);

    if (qEnvironmentVariable("BENCH_DELETE_TOPICS") == QLatin1String("1")) {
        QStringList groups { kLagGroup };
        for (int i = 0; i < kGroups; ++i)
            groups << groupName(i);
        need<protocol::DeleteGroupsResponse>(
            QStringLiteral("DeleteGroups"), [&](auto done) { admin.deleteGroups(groups, done); });
        const QStringList topics = lagTopics() + QStringList { kGroupTopic };
        need<protocol::DeleteTopicsResponse>(
            QStringLiteral("DeleteTopics"), [&](auto done) { admin.deleteTopics(topics, 60000, done); });
        note(QStringLiteral("deleted the bench groups and topics"));
    }
    return 0;
}
