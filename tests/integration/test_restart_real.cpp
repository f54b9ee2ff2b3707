// A broker of the real cluster stopped and started again (issue #7): its leaderships move to the other replicas, and
// after it is back in sync a preferred election (kafscope-cli elect-leaders) moves them back. Its own executable,
// run alone (RUN_SERIAL): a node down would disturb the other real-cluster tests.
#include "realcluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>
#include <functional>

namespace {

QByteArray run(const QString& program, const QStringList& args, int* exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, args);
    process.waitForFinished(180000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAllStandardOutput();
}

QJsonArray partitions(const QString& topic)
{
    int code = 0;
    const auto out = run(QStringLiteral(KAFSCOPE_CLI_PATH),
        { QStringLiteral("describe"), topic, QStringLiteral("--json"), QStringLiteral("--bootstrap"),
            kafscope::itest::bootstrap() },
        &code);
    return code == 0 ? QJsonDocument::fromJson(out).object().value(QStringLiteral("partitions")).toArray()
                     : QJsonArray();
}

bool eventually(const std::function<bool()>& condition, int tries = 300)
{
    for (int i = 0; i < tries; ++i) {
        if (condition())
            return true;
        QThread::msleep(200);
    }
    return false;
}

} // namespace

TEST(RestartReal, APreferredElectionMovesARestartedBrokersLeadershipsBack)
{
    REQUIRE_REAL_CLUSTER();
    const auto name = kafscope::itest::uniqueTopic("restart");
    ASSERT_EQ(kafscope::itest::createTopic(name, 6, 3), "");
    ASSERT_EQ(kafscope::itest::produce(name, 600), "");
    // The node that is the preferred leader of partition 0, and every partition it prefers.
    const auto before = partitions(name);
    ASSERT_EQ(before.size(), 6);
    const int node = before.at(0).toObject().value(QStringLiteral("replicas")).toArray().at(0).toInt();
    QList<int> preferredHere;
    for (const auto& v : before)
        if (v.toObject().value(QStringLiteral("replicas")).toArray().at(0).toInt() == node)
            preferredHere.append(v.toObject().value(QStringLiteral("partition")).toInt());
    ASSERT_FALSE(preferredHere.isEmpty());

    int code = 0;
    run(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), { QStringLiteral("stop-node"), QString::number(node) }, &code);
    ASSERT_EQ(code, 0);
    EXPECT_TRUE(eventually([&] {
        const auto now = partitions(name);
        return !now.isEmpty() && std::none_of(now.begin(), now.end(), [&](const QJsonValue& v) {
            return v.toObject().value(QStringLiteral("leader")).toInt() == node;
        });
    })) << "leadership did not move off the stopped node";
    run(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), { QStringLiteral("start-node"), QString::number(node) }, &code);
    ASSERT_EQ(code, 0);
    // Back in sync everywhere, still leading nothing (no automatic rebalance on the test cluster).
    ASSERT_TRUE(eventually([&] {
        const auto now = partitions(name);
        return now.size() == 6 && std::all_of(now.begin(), now.end(), [&](const QJsonValue& v) {
            return v.toObject().value(QStringLiteral("isr")).toArray().contains(node);
        });
    })) << "the restarted node did not rejoin the ISR";
    for (const auto& v : partitions(name))
        EXPECT_NE(v.toObject().value(QStringLiteral("leader")).toInt(), node);

    const auto elected = run(QStringLiteral(KAFSCOPE_CLI_PATH),
        { QStringLiteral("elect-leaders"), QStringLiteral("--topic"), name, QStringLiteral("--json"),
            QStringLiteral("--bootstrap"), kafscope::itest::bootstrap() },
        &code);
    ASSERT_EQ(code, 0) << elected.toStdString();
    int electedHere = 0;
    for (const auto& v : QJsonDocument::fromJson(elected).array())
        electedHere += v.toObject().value(QStringLiteral("result")).toString() == QLatin1String("elected") ? 1 : 0;
    EXPECT_EQ(electedHere, preferredHere.size());
    EXPECT_TRUE(eventually([&] {
        const auto now = partitions(name);
        return now.size() == 6 && std::all_of(now.begin(), now.end(), [](const QJsonValue& v) {
            const auto p = v.toObject();
            return p.value(QStringLiteral("leader")).toInt()
                == p.value(QStringLiteral("replicas")).toArray().at(0).toInt();
        });
    })) << "the preferred leaders did not take over again";
}
