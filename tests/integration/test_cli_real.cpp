// kafscope-cli against the real cluster: the documented JSON shapes and the exit codes.
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QThread>
#include <functional>

using namespace kafscope::clitest;

TEST_F(CliReal, BrokersJsonListsThreeBrokersAndOneController)
{
    const auto run = cli({ QStringLiteral("brokers"), QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto brokers = json(run).array();
    ASSERT_EQ(brokers.size(), 3);
    int controllers = 0;
    for (const auto& b : brokers) {
        controllers += b.toObject().value(QStringLiteral("controller")).toBool();
        EXPECT_EQ(b.toObject().value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
    }
    EXPECT_EQ(controllers, 1);
}

TEST_F(CliReal, TopicsJsonHasTheDocumentedFields)
{
    const auto name = kafscope::itest::uniqueTopic("cli-topics");
    ASSERT_EQ(kafscope::itest::createTopic(name, 5, 2), "");
    const auto run = cli({ QStringLiteral("topics"), QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    bool found = false;
    for (const auto& t : json(run).array()) {
        const auto o = t.toObject();
        EXPECT_EQ(o.keys(),
            (QStringList { QStringLiteral("internal"), QStringLiteral("name"), QStringLiteral("partitions"),
                QStringLiteral("replication_factor") }));
        if (o.value(QStringLiteral("name")).toString() == name) {
            found = true;
            EXPECT_EQ(o.value(QStringLiteral("partitions")).toInt(), 5);
            EXPECT_EQ(o.value(QStringLiteral("replication_factor")).toInt(), 2);
            EXPECT_FALSE(o.value(QStringLiteral("internal")).toBool());
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(CliReal, DescribeJsonGivesPartitionsWithOffsets)
{
    const auto name = kafscope::itest::uniqueTopic("cli-describe");
    ASSERT_EQ(kafscope::itest::createTopic(name, 3, 3), "");
    ASSERT_EQ(kafscope::itest::produce(name, 90), "");
    const auto run = cli({ QStringLiteral("describe"), name, QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto o = json(run).object();
    EXPECT_EQ(o.value(QStringLiteral("name")).toString(), name);
    const auto partitions = o.value(QStringLiteral("partitions")).toArray();
    ASSERT_EQ(partitions.size(), 3);
    qint64 messages = 0;
    for (const auto& p : partitions) {
        const auto po = p.toObject();
        EXPECT_EQ(po.value(QStringLiteral("replicas")).toArray().size(), 3);
        EXPECT_EQ(po.value(QStringLiteral("isr")).toArray().size(), 3);
        EXPECT_TRUE(po.value(QStringLiteral("offline")).toArray().isEmpty());
        EXPECT_GE(po.value(QStringLiteral("leader")).toInt(), 1);
        messages += po.value(QStringLiteral("latest")).toInteger() - po.value(QStringLiteral("earliest")).toInteger();
    }
    EXPECT_EQ(messages, 90);
    // The human table names the topic and every partition.
    const auto table = cli({ QStringLiteral("describe"), name });
    ASSERT_EQ(table.exitCode, 0);
    EXPECT_TRUE(table.out.contains(name.toUtf8()));
    EXPECT_TRUE(table.out.contains("PARTITION"));
}

TEST_F(CliReal, ConfigsOfATopicAndABroker)
{
    const auto name = kafscope::itest::uniqueTopic("cli-configs");
    ASSERT_EQ(kafscope::itest::createTopic(name, 1, 3, { { "retention.ms", "7200000" } }), "");
    const auto topic = cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--json") });
    ASSERT_EQ(topic.exitCode, 0) << topic.err.toStdString();
    bool found = false;
    for (const auto& e : json(topic).array())
        if (e.toObject().value(QStringLiteral("name")).toString() == QLatin1String("retention.ms")) {
            found = true;
            EXPECT_EQ(e.toObject().value(QStringLiteral("value")).toString(), QStringLiteral("7200000"));
            EXPECT_FALSE(e.toObject().value(QStringLiteral("default")).toBool());
        }
    EXPECT_TRUE(found);
    const auto broker = cli({ QStringLiteral("configs"), QStringLiteral("broker"), QStringLiteral("1") });
    ASSERT_EQ(broker.exitCode, 0) << broker.err.toStdString();
    EXPECT_TRUE(broker.out.contains("node.id"));
}

TEST_F(CliReal, ExitCodesSayWhatWentWrong)
{
    const auto missing = cli({ QStringLiteral("describe"), QStringLiteral("no-such-topic-kafscope") });
    EXPECT_EQ(missing.exitCode, 4);
    EXPECT_TRUE(missing.err.contains("UNKNOWN_TOPIC_OR_PARTITION")) << missing.err.toStdString();

    const auto unreachable
        = cli({ QStringLiteral("topics"), QStringLiteral("--bootstrap"), QStringLiteral("127.0.0.1:1"),
                  QStringLiteral("--timeout"), QStringLiteral("2000") },
            false);
    EXPECT_EQ(unreachable.exitCode, 3);
    EXPECT_TRUE(unreachable.err.contains("Could not reach")) << unreachable.err.toStdString();

    EXPECT_EQ(cli({ QStringLiteral("frobnicate") }).exitCode, 2);
    EXPECT_EQ(cli({ QStringLiteral("describe") }).exitCode, 2);
    const auto malformed
        = cli({ QStringLiteral("topics"), QStringLiteral("--bootstrap"), QStringLiteral("nohost") }, false);
    EXPECT_EQ(malformed.exitCode, 2);
    EXPECT_TRUE(malformed.err.contains("no port"));
    EXPECT_EQ(cli({ QStringLiteral("topics"), QStringLiteral("--help") }, false).exitCode, 0);
}

// ---- issue #7: topic create / delete ----

TEST_F(CliReal, TopicCreateDryRunCreatesNothingThenCreatesAndASecondCreateIsRefused)
{
    const auto name = kafscope::itest::uniqueTopic("cli-create");
    const QStringList args { QStringLiteral("topic"), QStringLiteral("create"), name, QStringLiteral("--partitions"),
        QStringLiteral("3"), QStringLiteral("--replication-factor"), QStringLiteral("2"), QStringLiteral("--config"),
        QStringLiteral("retention.ms=3600000") };
    const auto dry = cli(args + QStringList { QStringLiteral("--dry-run"), QStringLiteral("--json") });
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    const auto planned = json(dry).array().at(0).toObject();
    EXPECT_EQ(planned.value(QStringLiteral("name")).toString(), name);
    EXPECT_FALSE(planned.value(QStringLiteral("created")).toBool());
    EXPECT_TRUE(planned.value(QStringLiteral("dry_run")).toBool());
    EXPECT_TRUE(planned.value(QStringLiteral("error")).isNull());
    EXPECT_NE(cli({ QStringLiteral("describe"), name }).exitCode, 0); // nothing was created

    const auto made = cli(args);
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    EXPECT_TRUE(made.out.contains("created " + name.toUtf8() + " (3 partitions, replication factor 2)"))
        << made.out.toStdString();

    const auto again = cli(args);
    EXPECT_EQ(again.exitCode, 4);
    EXPECT_TRUE(again.err.contains("TOPIC_ALREADY_EXISTS")) << again.err.toStdString();
}

TEST_F(CliReal, TopicCreateRefusesBadInputBeforeSendingAndTheBrokerRefusesTooManyReplicas)
{
    EXPECT_EQ(cli({ QStringLiteral("topic"), QStringLiteral("create"), QStringLiteral("bad name"),
                      QStringLiteral("--partitions"), QStringLiteral("1"), QStringLiteral("--replication-factor"),
                      QStringLiteral("1") })
                  .exitCode,
        2);
    EXPECT_EQ(cli({ QStringLiteral("topic"), QStringLiteral("create"), QStringLiteral("ok-name"),
                      QStringLiteral("--partitions"), QStringLiteral("0"), QStringLiteral("--replication-factor"),
                      QStringLiteral("1") })
                  .exitCode,
        2);
    const auto name = kafscope::itest::uniqueTopic("cli-rf");
    const auto tooMany = cli({ QStringLiteral("topic"), QStringLiteral("create"), name, QStringLiteral("--partitions"),
        QStringLiteral("1"), QStringLiteral("--replication-factor"), QStringLiteral("5") });
    EXPECT_EQ(tooMany.exitCode, 4);
    EXPECT_TRUE(tooMany.err.contains("INVALID_REPLICATION_FACTOR")) << tooMany.err.toStdString();
    EXPECT_TRUE(tooMany.err.contains("nothing was created")) << tooMany.err.toStdString();
}

TEST_F(CliReal, TopicDeleteNeedsYesRefusesInternalTopicsAndDeletes)
{
    const auto name = kafscope::itest::uniqueTopic("cli-delete");
    ASSERT_EQ(kafscope::itest::createTopic(name, 2, 2), "");
    const auto asked = cli({ QStringLiteral("topic"), QStringLiteral("delete"), name });
    EXPECT_EQ(asked.exitCode, 2);
    EXPECT_TRUE(asked.err.contains("pass --yes")) << asked.err.toStdString();
    const auto internal = cli({ QStringLiteral("topic"), QStringLiteral("delete"), QStringLiteral("__consumer_offsets"),
        QStringLiteral("--yes") });
    // __consumer_offsets exists once a group has committed; either way KafScope refuses before sending anything.
    EXPECT_TRUE(internal.exitCode == 5 || internal.exitCode == 4) << internal.err.toStdString();
    const auto gone = cli({ QStringLiteral("topic"), QStringLiteral("delete"), name, QStringLiteral("--yes") });
    ASSERT_EQ(gone.exitCode, 0) << gone.err.toStdString();
    EXPECT_TRUE(gone.out.contains("deleted " + name.toUtf8()));
}

TEST_F(CliReal, ConfigsSetAndUnsetChangeOnlyTheNamedConfigsAndBadValuesAreRefused)
{
    const auto name = kafscope::itest::uniqueTopic("cli-configs");
    ASSERT_EQ(kafscope::itest::createTopic(name, 1, 1, { { "cleanup.policy", "compact" } }), "");
    auto valueOf = [&](const QString& key) {
        const auto run = cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--json") });
        for (const auto& c : json(run).array())
            if (c.toObject().value(QStringLiteral("name")).toString() == key)
                return c.toObject();
        return QJsonObject();
    };
    // A change reaches the brokers a moment after the controller wrote it: poll with a guard.
    auto becomes = [&](const QString& key, const std::function<bool(const QJsonObject&)>& wanted) {
        for (int i = 0; i < 100; ++i) {
            if (wanted(valueOf(key)))
                return true;
            QThread::msleep(100);
        }
        return false;
    };
    const auto dry = cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--set"),
        QStringLiteral("retention.ms=7200000"), QStringLiteral("--dry-run") });
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.contains("would set retention.ms=7200000 on topic " + name.toUtf8())) << dry.out.toStdString();

    const auto set = cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--set"),
        QStringLiteral("retention.ms=7200000") });
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_TRUE(becomes(QStringLiteral("retention.ms"),
        [](const QJsonObject& c) { return c.value(QStringLiteral("value")).toString() == QStringLiteral("7200000"); }));
    EXPECT_EQ(valueOf(QStringLiteral("cleanup.policy")).value(QStringLiteral("value")).toString(),
        QStringLiteral("compact")); // untouched

    const auto unset = cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--unset"),
        QStringLiteral("retention.ms") });
    ASSERT_EQ(unset.exitCode, 0) << unset.err.toStdString();
    EXPECT_TRUE(becomes(QStringLiteral("retention.ms"), [](const QJsonObject& c) {
        return c.value(QStringLiteral("source")).toString() == QStringLiteral("default");
    }));

    const auto bad = cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--set"),
        QStringLiteral("retention.ms=abc") });
    EXPECT_EQ(bad.exitCode, 4);
    EXPECT_TRUE(bad.err.contains("INVALID_CONFIG")) << bad.err.toStdString();
    EXPECT_EQ(cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--set"),
                      QStringLiteral("noequals") })
                  .exitCode,
        2);
    const auto defaults = cli({ QStringLiteral("configs"), QStringLiteral("broker"), QStringLiteral("default"),
        QStringLiteral("--set"), QStringLiteral("num.io.threads=8"), QStringLiteral("--dry-run") });
    EXPECT_EQ(defaults.exitCode, 0) << defaults.err.toStdString();
    EXPECT_TRUE(defaults.out.contains("the cluster-wide broker defaults")) << defaults.out.toStdString();
}

TEST_F(CliReal, ReadOnlyRefusesEveryWriteWithExitFiveButReadsAndDryRunsWork)
{
    const auto name = kafscope::itest::uniqueTopic("cli-readonly");
    ASSERT_EQ(kafscope::itest::createTopic(name, 1, 1), "");
    const QString ro = QStringLiteral("--read-only");
    const auto create = cli({ QStringLiteral("topic"), QStringLiteral("create"), name + QStringLiteral("-new"),
        QStringLiteral("--partitions"), QStringLiteral("1"), QStringLiteral("--replication-factor"),
        QStringLiteral("1"), ro });
    EXPECT_EQ(create.exitCode, 5);
    EXPECT_TRUE(create.err.contains("read-only")) << create.err.toStdString();
    EXPECT_EQ(
        cli({ QStringLiteral("topic"), QStringLiteral("delete"), name, QStringLiteral("--yes"), ro }).exitCode, 5);
    EXPECT_EQ(cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--set"),
                      QStringLiteral("retention.ms=1000"), ro })
                  .exitCode,
        5);
    EXPECT_EQ(cli({ QStringLiteral("produce"), name, QStringLiteral("--value"), QStringLiteral("x"), ro }).exitCode, 5);
    // Reads and checks that change nothing still work.
    EXPECT_EQ(cli({ QStringLiteral("describe"), name, ro }).exitCode, 0);
    EXPECT_EQ(cli({ QStringLiteral("configs"), QStringLiteral("topic"), name, QStringLiteral("--set"),
                      QStringLiteral("retention.ms=1000"), QStringLiteral("--dry-run"), ro })
                  .exitCode,
        0);
    EXPECT_EQ(cli({ QStringLiteral("describe"), name }).exitCode, 0); // still there
}

TEST_F(CliReal, AddPartitionsChecksFirstRefusesADecreaseAndRaisesTheCount)
{
    const auto name = kafscope::itest::uniqueTopic("cli-grow");
    ASSERT_EQ(kafscope::itest::createTopic(name, 2, 2), "");
    const auto decrease = cli({ QStringLiteral("topic"), QStringLiteral("add-partitions"), name,
        QStringLiteral("--count"), QStringLiteral("1") });
    EXPECT_EQ(decrease.exitCode, 5) << decrease.err.toStdString();
    EXPECT_TRUE(decrease.err.contains("cannot remove partitions")) << decrease.err.toStdString();
    const auto usage = cli({ QStringLiteral("topic"), QStringLiteral("add-partitions"), name });
    EXPECT_EQ(usage.exitCode, 2);
    const auto dry = cli({ QStringLiteral("topic"), QStringLiteral("add-partitions"), name, QStringLiteral("--count"),
        QStringLiteral("4"), QStringLiteral("--dry-run"), QStringLiteral("--json") });
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    const auto dryJson = json(dry).object();
    EXPECT_EQ(dryJson.value(QStringLiteral("partitions_before")).toInt(), 2);
    EXPECT_EQ(dryJson.value(QStringLiteral("partitions")).toInt(), 4);
    EXPECT_TRUE(dryJson.value(QStringLiteral("dry_run")).toBool());
    EXPECT_FALSE(dryJson.value(QStringLiteral("added")).toBool());
    EXPECT_DOUBLE_EQ(dryJson.value(QStringLiteral("keys_moving_expected")).toDouble(), 0.5);
    const auto stillTwo = cli({ QStringLiteral("describe"), name, QStringLiteral("--json") });
    EXPECT_EQ(json(stillTwo).object().value(QStringLiteral("partitions")).toArray().size(), 2);

    const auto grown = cli({ QStringLiteral("topic"), QStringLiteral("add-partitions"), name, QStringLiteral("--count"),
        QStringLiteral("4") });
    ASSERT_EQ(grown.exitCode, 0) << grown.err.toStdString();
    EXPECT_TRUE(grown.out.contains("raised " + name.toUtf8() + " from 2 to 4 partitions")) << grown.out.toStdString();
    EXPECT_TRUE(eventually([&] {
        const auto d = cli({ QStringLiteral("describe"), name, QStringLiteral("--json") });
        return json(d).object().value(QStringLiteral("partitions")).toArray().size() == 4;
    }));
    const auto readOnly = cli({ QStringLiteral("topic"), QStringLiteral("add-partitions"), name,
        QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--read-only") });
    EXPECT_EQ(readOnly.exitCode, 5);
}

TEST_F(CliReal, LogDirsJsonHasTheDocumentedFieldsForEveryReplica)
{
    const auto name = kafscope::itest::uniqueTopic("cli-logdirs");
    ASSERT_EQ(kafscope::itest::createTopic(name, 2, 3), "");
    ASSERT_EQ(kafscope::itest::produce(name, 200), "");
    const auto run = cli({ QStringLiteral("logdirs"), QStringLiteral("--topic"), name, QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto rows = json(run).array();
    ASSERT_EQ(rows.size(), 6); // 2 partitions x 3 replicas
    QSet<int> brokers;
    qint64 total = 0;
    for (const auto& v : rows) {
        const auto row = v.toObject();
        for (const auto* field : { "broker", "dir", "topic", "partition", "size", "offset_lag", "future" })
            EXPECT_TRUE(row.contains(QLatin1String(field))) << field;
        EXPECT_EQ(row.value(QStringLiteral("topic")).toString(), name);
        EXPECT_FALSE(row.value(QStringLiteral("future")).toBool());
        brokers.insert(row.value(QStringLiteral("broker")).toInt());
        total += row.value(QStringLiteral("size")).toInteger();
    }
    EXPECT_EQ(brokers.size(), 3);
    EXPECT_GT(total, 0);
    const auto table = cli({ QStringLiteral("logdirs"), QStringLiteral("--topic"), name });
    ASSERT_EQ(table.exitCode, 0);
    EXPECT_TRUE(table.out.startsWith("BROKER")) << table.out.toStdString();
    const auto missing = cli({ QStringLiteral("logdirs"), QStringLiteral("--topic"), QStringLiteral("no-such-topic") });
    EXPECT_EQ(missing.exitCode, 4);
    EXPECT_TRUE(missing.err.contains("UNKNOWN_TOPIC_OR_PARTITION")) << missing.err.toStdString();
}

// ---- issue #7, step 4: delete-records, the quorum, elections ----

TEST_F(CliReal, DeleteRecordsNeedsYesAndMovesTheEarliestOffset)
{
    const auto name = kafscope::itest::uniqueTopic("cli-delete-records");
    ASSERT_EQ(kafscope::itest::createTopic(name, 2, 2), "");
    ASSERT_EQ(kafscope::itest::produce(name, 200), "");
    const auto before = describePartitions(name);
    const qint64 latest0 = before.at(0).toObject().value(QStringLiteral("latest")).toInteger();
    ASSERT_GT(latest0, 10);
    const QString cut = QStringLiteral("0=%1").arg(latest0 / 2);

    const auto asked
        = cli({ QStringLiteral("topic"), QStringLiteral("delete-records"), name, QStringLiteral("--before"), cut });
    EXPECT_EQ(asked.exitCode, 2);
    EXPECT_TRUE(asked.err.contains("pass --yes")) << asked.err.toStdString();
    EXPECT_EQ(describePartitions(name).at(0).toObject().value(QStringLiteral("earliest")).toInteger(), 0);

    const auto beyond = cli({ QStringLiteral("topic"), QStringLiteral("delete-records"), name,
        QStringLiteral("--before"), QStringLiteral("0=%1").arg(latest0 + 100), QStringLiteral("--yes") });
    EXPECT_EQ(beyond.exitCode, 5) << beyond.err.toStdString();
    const auto bad = cli({ QStringLiteral("topic"), QStringLiteral("delete-records"), name, QStringLiteral("--before"),
        QStringLiteral("zero=1"), QStringLiteral("--yes") });
    EXPECT_EQ(bad.exitCode, 2);

    const auto done = cli({ QStringLiteral("topic"), QStringLiteral("delete-records"), name, QStringLiteral("--before"),
        cut, QStringLiteral("--yes"), QStringLiteral("--json") });
    ASSERT_EQ(done.exitCode, 0) << done.err.toStdString();
    EXPECT_EQ(json(done).array().at(0).toObject().value(QStringLiteral("low_watermark")).toInteger(), latest0 / 2);
    EXPECT_TRUE(eventually([&] {
        return describePartitions(name).at(0).toObject().value(QStringLiteral("earliest")).toInteger() == latest0 / 2;
    }));
    // Partition 1 is untouched, and what is left of partition 0 is still readable.
    EXPECT_EQ(describePartitions(name).at(1).toObject().value(QStringLiteral("earliest")).toInteger(), 0);
    const qint64 total = before.at(0).toObject().value(QStringLiteral("latest")).toInteger()
        + before.at(1).toObject().value(QStringLiteral("latest")).toInteger();
    EXPECT_EQ(consumedRecords(name), total - latest0 / 2);
}

TEST_F(CliReal, QuorumShowsTheThreeVotersAndTheLeader)
{
    const auto run = cli({ QStringLiteral("quorum"), QStringLiteral("--json") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto q = json(run).object();
    const auto voters = q.value(QStringLiteral("voters")).toArray();
    ASSERT_EQ(voters.size(), 3);
    QSet<int> ids;
    for (const auto& v : voters) {
        const auto voter = v.toObject();
        ids.insert(voter.value(QStringLiteral("id")).toInt());
        for (const auto* field : { "log_end_offset", "lag", "last_fetch_timestamp", "last_caught_up_timestamp" })
            EXPECT_TRUE(voter.contains(QLatin1String(field))) << field;
        EXPECT_GE(voter.value(QStringLiteral("lag")).toInteger(), 0);
    }
    EXPECT_EQ(ids, (QSet<int> { 1, 2, 3 }));
    EXPECT_TRUE(ids.contains(q.value(QStringLiteral("leader")).toInt()));
    EXPECT_GE(q.value(QStringLiteral("epoch")).toInt(), 1);
    EXPECT_GT(q.value(QStringLiteral("high_watermark")).toInteger(), 0);
    EXPECT_TRUE(q.value(QStringLiteral("observers")).toArray().isEmpty()); // every node is a voter
    EXPECT_TRUE(q.value(QStringLiteral("fenced_brokers")).toArray().isEmpty());
    const auto table = cli({ QStringLiteral("quorum") });
    ASSERT_EQ(table.exitCode, 0);
    EXPECT_TRUE(table.out.contains("voter (leader)")) << table.out.toStdString();
}

TEST_F(CliReal, ElectLeadersChecksItsInputAndAnUncleanElectionNeedsYes)
{
    const auto name = kafscope::itest::uniqueTopic("cli-elect");
    ASSERT_EQ(kafscope::itest::createTopic(name, 2, 2), "");
    const auto balanced
        = cli({ QStringLiteral("elect-leaders"), QStringLiteral("--topic"), name, QStringLiteral("--json") });
    ASSERT_EQ(balanced.exitCode, 0) << balanced.err.toStdString();
    for (const auto& v : json(balanced).array())
        EXPECT_EQ(v.toObject().value(QStringLiteral("result")).toString(), QStringLiteral("not_needed"));
    EXPECT_EQ(
        cli({ QStringLiteral("elect-leaders"), QStringLiteral("--topic"), name + QStringLiteral(":x") }).exitCode, 2);
    EXPECT_EQ(
        cli({ QStringLiteral("elect-leaders"), QStringLiteral("--topic"), name + QStringLiteral(":7") }).exitCode, 2);
    const auto unclean
        = cli({ QStringLiteral("elect-leaders"), QStringLiteral("--topic"), name, QStringLiteral("--unclean") });
    EXPECT_EQ(unclean.exitCode, 2);
    EXPECT_TRUE(unclean.err.contains("lost for good")) << unclean.err.toStdString();
    EXPECT_EQ(
        cli({ QStringLiteral("elect-leaders"), QStringLiteral("--topic"), QStringLiteral("no-such-topic") }).exitCode,
        4);
    EXPECT_EQ(cli({ QStringLiteral("elect-leaders"), QStringLiteral("--read-only") }).exitCode, 5);
}
