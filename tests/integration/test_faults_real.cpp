// Faults on the real cluster (issue #11): a broker killed with SIGKILL while `kafscope-cli consume --json` (the live
// pane's consumer) tails a 6-partition, RF 3 topic that an idempotent acks=all producer keeps writing. Once the
// broker is back, every partition's offsets in the output run from 0 to the end with no gap and no duplicate; the
// tail says what happened while it happened; SIGTERM flushes and exits 0. Run alone (integration.serial).
#include "realcluster.h"
#include "steadyproducer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
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
