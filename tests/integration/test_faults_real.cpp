// Faults on the real cluster (issue #11): a broker killed with SIGKILL while `kafscope-cli consume --json` (the live
// pane's consumer) tails a 6-partition, RF 3 topic that an idempotent acks=all producer keeps writing. Once the
// broker is back, every partition's offsets in the output run from 0 to the end with no gap and no duplicate; the
// tail says what happened while it happened; SIGTERM flushes and exits 0. Run alone (integration.serial).
#include "clirun.h"
#include "realcluster.h"
#include "steadyproducer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <algorithm>
#include <cstdio>

namespace {

int runScript(const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), args);
    process.waitForFinished(180000);
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// The offsets per partition in the order the tail wrote them.
QMap<int, QList<qint64>> offsetsByPartition(const QByteArray& jsonLines)
{
    QMap<int, QList<qint64>> out;
    for (const auto& line : jsonLines.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject r = QJsonDocument::fromJson(line).object();
        out[r.value(QStringLiteral("partition")).toInt()].append(r.value(QStringLiteral("offset")).toInteger());
    }
    return out;
}

} // namespace

TEST(FaultsReal, ABrokerKilledMidTailLosesAndDuplicatesNothingAndSigtermFlushesTheTail)
{
    REQUIRE_REAL_CLUSTER();
    const QString topic = kafscope::itest::uniqueTopic("kill9");
    ASSERT_EQ(kafscope::itest::createTopic(topic, 6, 3, { { "min.insync.replicas", "2" } }), "");

    QProcess tail;
    tail.start(QStringLiteral(KAFSCOPE_CLI_PATH),
        { QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("earliest"),
            QStringLiteral("--json"), QStringLiteral("--bootstrap"), kafscope::itest::bootstrap() });
    ASSERT_TRUE(tail.waitForStarted());
    QByteArray out;
    QByteArray err;
    const auto pump = [&](int ms) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            tail.waitForReadyRead(50);
            out += tail.readAllStandardOutput();
            err += tail.readAllStandardError();
        }
    };

    kafscope::test::SteadyProducer producer(kafscope::itest::bootstrap(), topic);
    ASSERT_TRUE(producer.valid());
    producer.start();
    pump(3000);
    const int outBeforeKill = int(out.count('\n'));
    EXPECT_GT(outBeforeKill, 0) << "the tail wrote records as they arrived";

    // Node 2 dies mid-tail, mid-write; its leaderships move once its session times out; it comes back on its data.
    ASSERT_EQ(runScript({ QStringLiteral("kill-node"), QStringLiteral("2") }), 0);
    pump(12000);
    EXPECT_TRUE(err.contains("127.0.0.1:") && err.contains("retrying"))
        << "the tail said nothing while node 2 was down: " << err.toStdString();
    ASSERT_EQ(runScript({ QStringLiteral("start-node"), QStringLiteral("2") }), 0);
    pump(3000);
    ASSERT_TRUE(producer.stopAndFlush()) << "delivery reports missing";
    // The log is the reference (librdkafka's idempotent producer may fail records when a leader dies mid-request):
    // each partition holds only this producer's records, so its offsets run 0..end-1.
    const auto ends = producer.endOffsets(6);
    for (const auto end : ends)
        ASSERT_GE(end, 0) << "no end offsets from the cluster";
    const qint64 total = kafscope::test::totalOf(ends);
    EXPECT_GE(total, kafscope::test::totalOf(producer.delivered()));
    if (producer.failed() > 0)
        std::printf("the test's producer: %d deliveries failed (%s), made anew %d times\n", producer.failed(),
            producer.lastError().c_str(), producer.replaced());

    // The tail catches up to the log's end, then SIGTERM: flush and exit 0.
    const auto caughtUp = [&] {
        const auto seen = offsetsByPartition(out);
        for (auto it = ends.begin(); it != ends.end(); ++it) {
            if (seen.value(it.key()).size() < it.value())
                return false;
        }
        return true;
    };
    for (int i = 0; i < 120 && !caughtUp(); ++i)
        pump(1000);
    tail.terminate();
    ASSERT_TRUE(tail.waitForFinished(30000));
    out += tail.readAllStandardOutput();
    err += tail.readAllStandardError();
    EXPECT_EQ(tail.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(tail.exitCode(), 0) << err.toStdString();

    // Every partition: offsets 0..end-1, each once, in order.
    const auto verdict = kafscope::test::compareWithLog(offsetsByPartition(out), ends);
    std::printf("kill -9 mid-tail (kafscope-cli consume): %lld records in 6 partitions, lost %lld, duplicated %lld\n",
        qint64(total), verdict.lost, verdict.duplicated);
    EXPECT_EQ(verdict.lost, 0);
    EXPECT_EQ(verdict.duplicated, 0);
    EXPECT_TRUE(verdict.outOfOrder.isEmpty());
}

// A broker stopped (controlled shutdown) during the admin actions of the earlier issues: each is either done (and
// reads back as done, with what is not yet healthy said) or refused with Kafka's error name, never half-applied and
// shown as done.
TEST(FaultsReal, AdminActionsWithABrokerDownAreDoneAndSaidAsTheyAre)
{
    REQUIRE_REAL_CLUSTER();
    using kafscope::clitest::cli;
    using kafscope::clitest::configValue;
    using kafscope::clitest::describePartitions;
    using kafscope::clitest::eventually;
    const auto topic = kafscope::itest::uniqueTopic("faults-admin");
    ASSERT_EQ(kafscope::itest::createTopic(topic, 3, 2), "");
    ASSERT_EQ(kafscope::itest::produce(topic, 300), "");
    const QString group = topic + QStringLiteral("-group");
    ASSERT_EQ(kafscope::itest::commitOffsets(group, topic, { { 0, 1 }, { 1, 1 }, { 2, 1 } }), "");

    ASSERT_EQ(runScript({ QStringLiteral("stop-node"), QStringLiteral("3") }), 0);
    // A group's offsets reset and its lag read (what the lag sampler asks) while node 3 is down, wherever the group's
    // coordinator was: done, and the lag reads back what the reset committed.
    const auto reset = cli({ QStringLiteral("group"), QStringLiteral("reset-offsets"), group, QStringLiteral("--to"),
        QStringLiteral("earliest"), QStringLiteral("--topic"), topic, QStringLiteral("--yes") });
    EXPECT_EQ(reset.exitCode, 0) << reset.err.toStdString();
    EXPECT_TRUE(eventually([&] {
        const auto lag = cli({ QStringLiteral("lag"), group, QStringLiteral("--json") });
        if (lag.exitCode != 0)
            return false;
        int atStart = 0;
        for (const auto& row : kafscope::clitest::json(lag).array())
            atStart += row.toObject().value(QStringLiteral("committed")).toInteger(-1) == 0 ? 1 : 0;
        return atStart == 3;
    })) << "the lag does not show the reset offsets";
    // Three replicas with two brokers up: Kafka places one on the stopped (still registered) broker. Created, and the
    // CLI says those replicas are out of sync until it is back; once it is, they catch up.
    const auto wide = kafscope::itest::uniqueTopic("faults-rf3");
    const auto onADownBroker
        = cli({ QStringLiteral("topic"), QStringLiteral("create"), wide, QStringLiteral("--partitions"),
            QStringLiteral("3"), QStringLiteral("--replication-factor"), QStringLiteral("3") });
    EXPECT_EQ(onADownBroker.exitCode, 0) << onADownBroker.err.toStdString();
    EXPECT_TRUE(onADownBroker.err.contains("3 of 3 partition(s) have a replica on broker(s) 3, which are not up"))
        << onADownBroker.err.toStdString();
    // Two replicas: created on the brokers that are up.
    const auto narrow = kafscope::itest::uniqueTopic("faults-rf2");
    const auto created
        = cli({ QStringLiteral("topic"), QStringLiteral("create"), narrow, QStringLiteral("--partitions"),
            QStringLiteral("3"), QStringLiteral("--replication-factor"), QStringLiteral("2") });
    EXPECT_EQ(created.exitCode, 0) << created.err.toStdString();
    EXPECT_TRUE(eventually([&] { return describePartitions(narrow).size() == 3; }));
    for (const auto& p : describePartitions(narrow))
        EXPECT_FALSE(p.toObject().value(QStringLiteral("replicas")).toArray().contains(3));
    // A config change and more partitions on a topic with replicas on the stopped broker: done, and read back.
    const auto changed = cli({ QStringLiteral("configs"), QStringLiteral("topic"), topic, QStringLiteral("--set"),
        QStringLiteral("retention.ms=7200000") });
    EXPECT_EQ(changed.exitCode, 0) << changed.err.toStdString();
    EXPECT_EQ(configValue(QStringLiteral("topic"), topic, QStringLiteral("retention.ms")), QStringLiteral("7200000"));
    const auto grown = cli({ QStringLiteral("topic"), QStringLiteral("add-partitions"), topic,
        QStringLiteral("--count"), QStringLiteral("5") });
    EXPECT_EQ(grown.exitCode, 0) << grown.err.toStdString();
    EXPECT_TRUE(eventually([&] { return describePartitions(topic).size() == 5; }));
    // Records deleted from a partition whose replica is down: done where a leader is up, or refused by name.
    const auto deleted = cli({ QStringLiteral("topic"), QStringLiteral("delete-records"), topic,
        QStringLiteral("--before"), QStringLiteral("0=1"), QStringLiteral("--yes") });
    EXPECT_TRUE(deleted.exitCode == 0 || deleted.exitCode == 4) << deleted.err.toStdString();
    if (deleted.exitCode == 0) {
        EXPECT_TRUE(eventually([&] {
            return describePartitions(topic).at(0).toObject().value(QStringLiteral("earliest")).toInteger() == 1;
        }));
    }
    ASSERT_EQ(runScript({ QStringLiteral("start-node"), QStringLiteral("3") }), 0);
    EXPECT_EQ(kafscope::clitest::consumedRecords(topic), deleted.exitCode == 0 ? 299 : 300);
    EXPECT_TRUE(eventually([&] {
        const auto partitions = describePartitions(wide);
        return partitions.size() == 3 && std::all_of(partitions.begin(), partitions.end(), [](const QJsonValue& p) {
            return p.toObject().value(QStringLiteral("isr")).toArray().size() == 3;
        });
    })) << "the replicas on broker 3 did not catch up";
}

// A throttled reassignment in progress while the active KRaft controller is killed: the new controller still has it,
// `reassign status` still follows it, and it can be cancelled afterwards (the old replicas back, the throttle gone,
// every record readable).
TEST(FaultsReal, AReassignmentInProgressIsStillFollowedAfterTheControllerIsKilled)
{
    REQUIRE_REAL_CLUSTER();
    using kafscope::clitest::cli;
    using kafscope::clitest::describePartitions;
    using kafscope::clitest::eventually;
    const auto topic = kafscope::itest::uniqueTopic("faults-reassign");
    ASSERT_EQ(kafscope::itest::createTopic(topic, 1, 1), "");
    ASSERT_EQ(kafscope::itest::produce(topic, 20000, 100, 1000), ""); // ~20 MB: at 50 KB/s that is minutes
    const auto before = describePartitions(topic).at(0).toObject().value(QStringLiteral("replicas")).toArray();
    const auto started
        = cli({ QStringLiteral("topic"), QStringLiteral("set-rf"), topic, QStringLiteral("--replication-factor"),
            QStringLiteral("3"), QStringLiteral("--throttle"), QStringLiteral("50000") });
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    const auto listed = [&] {
        const auto status = cli({ QStringLiteral("reassign"), QStringLiteral("status"), QStringLiteral("--json") });
        if (status.exitCode != 0)
            return false;
        for (const auto& v : QJsonDocument::fromJson(status.out).array())
            if (v.toObject().value(QStringLiteral("topic")).toString() == topic)
                return true;
        return false;
    };
    ASSERT_TRUE(listed());

    const auto quorum = cli({ QStringLiteral("quorum"), QStringLiteral("--json") });
    ASSERT_EQ(quorum.exitCode, 0) << quorum.err.toStdString();
    const int controller = QJsonDocument::fromJson(quorum.out).object().value(QStringLiteral("leader")).toInt();
    ASSERT_GE(controller, 1);
    ASSERT_EQ(runScript({ QStringLiteral("kill-node"), QString::number(controller) }), 0);
    // Another voter takes over; the reassignment is in its metadata log, so it is still there to follow.
    EXPECT_TRUE(eventually([&] {
        const auto q = cli({ QStringLiteral("quorum"), QStringLiteral("--json") });
        const int leader = QJsonDocument::fromJson(q.out).object().value(QStringLiteral("leader")).toInt();
        return q.exitCode == 0 && leader >= 1 && leader != controller;
    })) << "no new controller";
    EXPECT_TRUE(eventually(listed)) << "the reassignment was lost with the controller";
    ASSERT_EQ(runScript({ QStringLiteral("start-node"), QString::number(controller) }), 0);
    EXPECT_TRUE(listed());

    const auto cancelled
        = cli({ QStringLiteral("reassign"), QStringLiteral("cancel"), QStringLiteral("--topic"), topic });
    ASSERT_EQ(cancelled.exitCode, 0) << cancelled.err.toStdString();
    EXPECT_TRUE(eventually([&] {
        return describePartitions(topic).at(0).toObject().value(QStringLiteral("replicas")).toArray() == before;
    }));
    EXPECT_TRUE(eventually([&] { return kafscope::clitest::throttleGone(topic); }));
    EXPECT_EQ(kafscope::clitest::consumedRecords(topic), 20000);
}
