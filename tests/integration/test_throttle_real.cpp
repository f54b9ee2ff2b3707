// kafscope-cli changing cluster-wide replication throttles on the real cluster (issue #7): the rates on the brokers are
// shared by every reassignment, so these tests run alone (integration.serial), not beside the other real tests.
#include "clirun.h"

using namespace kafscope::clitest;

TEST_F(CliReal, SetRfRaisesAndLowersTheReplicasAndEveryRecordStaysReadable)
{
    const auto name = kafscope::itest::uniqueTopic("cli-rf");
    ASSERT_EQ(kafscope::itest::createTopic(name, 3, 1), "");
    ASSERT_EQ(kafscope::itest::produce(name, 300), "");

    const auto dry = cli({ QStringLiteral("topic"), QStringLiteral("set-rf"), name,
        QStringLiteral("--replication-factor"), QStringLiteral("3"), QStringLiteral("--dry-run") });
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.err.contains("copies 6 replica(s) (minimum 6)")) << dry.err.toStdString();
    EXPECT_EQ(describePartitions(name).at(0).toObject().value(QStringLiteral("replicas")).toArray().size(), 1);

    const auto up = cli({ QStringLiteral("topic"), QStringLiteral("set-rf"), name,
        QStringLiteral("--replication-factor"), QStringLiteral("3"), QStringLiteral("--throttle"),
        QStringLiteral("50000000"), QStringLiteral("--wait"), QStringLiteral("--json") });
    ASSERT_EQ(up.exitCode, 0) << up.err.toStdString();
    const auto final = json(up).array();
    ASSERT_EQ(final.size(), 3);
    for (const auto& v : final) {
        EXPECT_EQ(v.toObject().value(QStringLiteral("replicas")).toArray().size(), 3);
        EXPECT_EQ(v.toObject().value(QStringLiteral("isr")).toArray().size(), 3);
    }
    for (const auto& v : describePartitions(name)) {
        EXPECT_EQ(v.toObject().value(QStringLiteral("replicas")).toArray().size(), 3);
        EXPECT_EQ(v.toObject().value(QStringLiteral("isr")).toArray().size(), 3);
    }
    EXPECT_TRUE(throttleGone(name)); // --wait removed the throttle it set
    EXPECT_EQ(consumedRecords(name), 300);

    const auto down
        = cli({ QStringLiteral("topic"), QStringLiteral("set-rf"), name, QStringLiteral("--replication-factor"),
            QStringLiteral("2"), QStringLiteral("--wait"), QStringLiteral("--json") });
    ASSERT_EQ(down.exitCode, 0) << down.err.toStdString();
    EXPECT_TRUE(eventually([&] {
        const auto parts = describePartitions(name);
        return std::all_of(parts.begin(), parts.end(), [](const QJsonValue& v) {
            return v.toObject().value(QStringLiteral("replicas")).toArray().size() == 2
                && v.toObject().value(QStringLiteral("isr")).toArray().size() == 2;
        });
    }));
    EXPECT_EQ(consumedRecords(name), 300);

    const auto tooMany = cli({ QStringLiteral("topic"), QStringLiteral("set-rf"), name,
        QStringLiteral("--replication-factor"), QStringLiteral("4") });
    EXPECT_EQ(tooMany.exitCode, 5);
    EXPECT_TRUE(tooMany.err.contains("needs 4 brokers")) << tooMany.err.toStdString();
    const auto badThrottle
        = cli({ QStringLiteral("topic"), QStringLiteral("set-rf"), name, QStringLiteral("--replication-factor"),
            QStringLiteral("3"), QStringLiteral("--throttle"), QStringLiteral("-5") });
    EXPECT_EQ(badThrottle.exitCode, 2);
}

TEST_F(CliReal, AThrottledReassignmentCancelledHalfWayKeepsTheOldReplicasAndDropsTheThrottle)
{
    const auto name = kafscope::itest::uniqueTopic("cli-cancel");
    ASSERT_EQ(kafscope::itest::createTopic(name, 1, 1), "");
    ASSERT_EQ(kafscope::itest::produce(name, 20000, 100, 1000), ""); // ~20 MB: at 50 KB/s that is minutes
    const auto before = describePartitions(name).at(0).toObject().value(QStringLiteral("replicas")).toArray();
    ASSERT_EQ(before.size(), 1);

    const auto started
        = cli({ QStringLiteral("topic"), QStringLiteral("set-rf"), name, QStringLiteral("--replication-factor"),
            QStringLiteral("3"), QStringLiteral("--throttle"), QStringLiteral("50000") });
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    const auto status = cli({ QStringLiteral("reassign"), QStringLiteral("status"), QStringLiteral("--json") });
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    bool listed = false;
    for (const auto& v : json(status).array())
        listed = listed || v.toObject().value(QStringLiteral("topic")).toString() == name;
    EXPECT_TRUE(listed) << status.out.toStdString();
    const QString leader = QString::number(before.at(0).toInt());
    EXPECT_EQ(configValue(QStringLiteral("broker"), leader, QStringLiteral("leader.replication.throttled.rate")),
        QStringLiteral("50000"));
    EXPECT_EQ(configValue(QStringLiteral("topic"), name, QStringLiteral("leader.replication.throttled.replicas")),
        QStringLiteral("0:") + leader);

    const auto cancelled
        = cli({ QStringLiteral("reassign"), QStringLiteral("cancel"), QStringLiteral("--topic"), name });
    ASSERT_EQ(cancelled.exitCode, 0) << cancelled.err.toStdString();
    EXPECT_TRUE(cancelled.out.contains("cancelled the reassignment of 1 partition(s)")) << cancelled.out.toStdString();
    EXPECT_TRUE(eventually([&] {
        return describePartitions(name).at(0).toObject().value(QStringLiteral("replicas")).toArray() == before;
    }));
    EXPECT_TRUE(eventually([&] { return throttleGone(name); }));
    EXPECT_EQ(consumedRecords(name), 20000);
}

TEST_F(CliReal, ReassignStatusRemovesTheThrottleOfAFinishedReassignment)
{
    const auto name = kafscope::itest::uniqueTopic("cli-status");
    ASSERT_EQ(kafscope::itest::createTopic(name, 2, 1), "");
    ASSERT_EQ(kafscope::itest::produce(name, 100), "");
    const auto plan = cli({ QStringLiteral("reassign"), QStringLiteral("plan"), QStringLiteral("--topic"), name,
        QStringLiteral("--replication-factor"), QStringLiteral("2") });
    ASSERT_EQ(plan.exitCode, 0) << plan.err.toStdString();
    const QString file = QDir::temp().filePath(name + QStringLiteral(".json"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(plan.out);
    }
    const auto started = cli({ QStringLiteral("reassign"), QStringLiteral("execute"), file,
        QStringLiteral("--throttle"), QStringLiteral("100000000") });
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    // Nobody waited: the next status that sees it finished removes the throttle.
    EXPECT_TRUE(eventually([&] {
        const auto s = cli({ QStringLiteral("reassign"), QStringLiteral("status") });
        return s.exitCode == 0 && s.out.contains("no reassignment is running");
    }));
    EXPECT_TRUE(throttleGone(name));
    for (const auto& v : describePartitions(name))
        EXPECT_EQ(v.toObject().value(QStringLiteral("replicas")).toArray().size(), 2);
    QFile::remove(file);

    // A bad file is refused before anything is sent.
    QFile bad(QDir::temp().filePath(name + QStringLiteral("-bad.json")));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"version":1,"partitions":[{"topic":")" + name.toUtf8() + R"(","partition":0,"replicas":[9]}]})");
    bad.close();
    const auto refused = cli({ QStringLiteral("reassign"), QStringLiteral("execute"), bad.fileName() });
    EXPECT_EQ(refused.exitCode, 5);
    EXPECT_TRUE(refused.err.contains("broker 9 is not in the cluster")) << refused.err.toStdString();
    bad.remove();
}
