// Bad input to kafscope-cli, a table per command (issue #11): each row is one test that runs the CLI and checks its
// exit code, the words of its message, and that nothing was sent.
//  - CliBadInput: input that is wrong on its face (empty, too long, wrong type, out of range, illegal characters, a
//    file that is not what it claims). The bootstrap and the Connect worker are a listener of the test that never
//    answers: the row passes only if the CLI refused without opening a connection to either.
//  - CliBadInputReal: input only the cluster can judge (unknown names, a replication factor above the broker count,
//    a config value of the wrong type, a missing confirmation). On the real cluster and Connect worker; each row
//    checks that the cluster is as it was (the topic's partitions and configs, the connector list).
#include "clirun.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>

namespace {

using kafscope::clitest::CliRun;

struct Row
{
    const char* name; // the test's name
    QStringList args; // @FILE:x is a file of the test (below); @LONG a 250-character topic name
    int exitCode;
    const char* message; // words the message must contain
};

void PrintTo(const Row& row, std::ostream* os)
{
    *os << row.name;
}

// Files that are not what the command expects.
QString testFile(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.exists() && !name.startsWith(QLatin1String("missing")) && f.open(QIODevice::WriteOnly)) {
        // The literals' own lengths (their NUL bytes included, the terminator not): ASan caught a length that read
        // past the end.
        static constexpr char elf[] = "\x7f"
                                      "ELF\x02\x01\x01\x00 garbage\x00\x00";
        static constexpr char garbage[] = "\x00\x01\xffnot json";
        if (name == QLatin1String("binary.properties"))
            f.write(elf, sizeof elf - 1);
        else if (name == QLatin1String("garbage.json"))
            f.write(garbage, sizeof garbage - 1);
        else if (name == QLatin1String("wrongshape.json"))
            f.write(R"({"version":1,"partitions":[{"topic":"t","partition":"x","replicas":"all"}]})");
        else if (name == QLatin1String("array.json"))
            f.write("[1, 2, 3]");
        // empty.json: empty
    }
    return path;
}

QStringList expand(const QStringList& args, const QTemporaryDir& dir)
{
    QStringList out;
    for (const auto& a : args) {
        if (a.startsWith(QLatin1String("@FILE:")))
            out << testFile(dir, a.mid(6));
        else if (a == QLatin1String("@LONG"))
            out << QString(250, QLatin1Char('t'));
        else
            out << a;
    }
    return out;
}

CliRun runCli(const QStringList& args, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(KAFSCOPE_CLI_PATH), args);
    process.waitForFinished(120000);
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
        process.readAllStandardError() };
}

std::string nameOf(const ::testing::TestParamInfo<Row>& info)
{
    return info.param.name;
}

// The table's argument lists, written as C strings.
QStringList S(std::initializer_list<const char*> args)
{
    QStringList out;
    for (const char* a : args)
        out << QString::fromUtf8(a);
    return out;
}

// ---- refused before anything is sent ----

const std::vector<Row>& refusedRows()
{
    static const std::vector<Row> rows = {
        // topic create
        { "CreateEmptyName", S({ "topic", "create", "", "--partitions", "3", "--replication-factor", "1" }), 2,
            "A topic name cannot be empty" },
        { "CreateNameTooLong", S({ "topic", "create", "@LONG", "--partitions", "3", "--replication-factor", "1" }), 2,
            "at most 249 characters; this one has 250" },
        { "CreateIllegalCharacter",
            S({ "topic", "create", "bad/name", "--partitions", "3", "--replication-factor", "1" }), 2, "contains '/'" },
        { "CreateDotDot", S({ "topic", "create", "..", "--partitions", "3", "--replication-factor", "1" }), 2,
            "cannot be named \"..\"" },
        { "CreatePartitionsNotANumber",
            S({ "topic", "create", "t", "--partitions", "abc", "--replication-factor", "1" }), 2,
            "--partitions takes a number of partitions, 1 to 2147483647, not 'abc'" },
        { "CreatePartitionsZero", S({ "topic", "create", "t", "--partitions", "0", "--replication-factor", "1" }), 2,
            "not '0'" },
        { "CreatePartitionsNegative", S({ "topic", "create", "t", "--partitions", "-1", "--replication-factor", "1" }),
            2, "not '-1'" },
        { "CreatePartitionsOverflow",
            S({ "topic", "create", "t", "--partitions", "99999999999", "--replication-factor", "1" }), 2,
            "not '99999999999'" },
        { "CreatePartitionsMissing", S({ "topic", "create", "t", "--replication-factor", "1" }), 2,
            "topic create needs --partitions N" },
        { "CreateReplicationFactorZero",
            S({ "topic", "create", "t", "--partitions", "3", "--replication-factor", "0" }), 2,
            "--replication-factor takes a number of replicas, 1 to 32767, not '0'" },
        { "CreateReplicationFactorAboveInt16",
            S({ "topic", "create", "t", "--partitions", "3", "--replication-factor", "40000" }), 2, "not '40000'" },
        { "CreateConfigWithoutValue",
            S({ "topic", "create", "t", "--partitions", "3", "--replication-factor", "1", "--config", "retention.ms" }),
            2, "--config takes KEY=VALUE, not 'retention.ms'" },
        { "CreateConfigWithoutKey",
            S({ "topic", "create", "t", "--partitions", "3", "--replication-factor", "1", "--config", "=5" }), 2,
            "not '=5'" },
        // topic delete, add-partitions, set-rf, delete-records
        { "DeleteEmptyName", S({ "topic", "delete", "", "--yes" }), 2, "A topic name cannot be empty" },
        { "DeleteIllegalName", S({ "topic", "delete", "a b", "--yes" }), 2, "contains ' '" },
        { "AddPartitionsNotANumber", S({ "topic", "add-partitions", "t", "--count", "abc" }), 2,
            "--count takes the new total number of partitions" },
        { "AddPartitionsZero", S({ "topic", "add-partitions", "t", "--count", "0" }), 2, "--count takes" },
        { "AddPartitionsMissingCount", S({ "topic", "add-partitions", "t" }), 2, "--count takes" },
        { "SetRfZero", S({ "topic", "set-rf", "t", "--replication-factor", "0" }), 2,
            "--replication-factor takes a number of replicas" },
        { "SetRfNotANumber", S({ "topic", "set-rf", "t", "--replication-factor", "x" }), 2,
            "--replication-factor takes a number of replicas" },
        { "SetRfNegativeThrottle", S({ "topic", "set-rf", "t", "--replication-factor", "2", "--throttle", "-5" }), 2,
            "--throttle takes a positive number of bytes per second, not '-5'" },
        { "SetRfThrottleNotANumber", S({ "topic", "set-rf", "t", "--replication-factor", "2", "--throttle", "abc" }), 2,
            "not 'abc'" },
        { "DeleteRecordsGarbage", S({ "topic", "delete-records", "t", "--before", "garbage", "--yes" }), 2,
            "--before takes P=OFFSET" },
        { "DeleteRecordsNegativeOffset", S({ "topic", "delete-records", "t", "--before", "0=-5", "--yes" }), 2,
            "not '0=-5'" },
        { "UnknownTopicAction", S({ "topic", "frobnicate", "t" }), 2, "not 'frobnicate'" },
        // reassign
        { "ReassignMissingFile", S({ "reassign", "execute", "@FILE:missing.json" }), 2, "No such file or directory" },
        { "ReassignFileNotJson", S({ "reassign", "execute", "@FILE:garbage.json" }), 2, "Not JSON" },
        { "ReassignEmptyFile", S({ "reassign", "execute", "@FILE:empty.json" }), 2, "Not JSON" },
        { "ReassignFileOfAnotherShape", S({ "reassign", "execute", "@FILE:wrongshape.json" }), 2,
            "\"partition\" must be a partition number" },
        { "ReassignFileAnArray", S({ "reassign", "execute", "@FILE:array.json" }), 2, "array.json" },
        { "ReassignPlanWithoutMode", S({ "reassign", "plan" }), 2, "reassign plan takes one of" },
        { "ReassignPlanBrokerNotANumber", S({ "reassign", "plan", "--remove-broker", "abc" }), 2,
            "--remove-broker takes a broker id" },
        { "ReassignPlanIllegalTopic", S({ "reassign", "plan", "--topic", "bad/name" }), 2, "contains '/'" },
        { "ReassignPlanReplicationFactorZero", S({ "reassign", "plan", "--topic", "t", "--replication-factor", "0" }),
            2, "1 to 32767" },
        // elect-leaders
        { "ElectPartitionNotANumber", S({ "elect-leaders", "--topic", "t:x" }), 2, "is not T:P[,P...]" },
        { "ElectIllegalTopic", S({ "elect-leaders", "--topic", "bad/name" }), 2, "contains '/'" },
        { "ElectUncleanWithoutYes", S({ "elect-leaders", "--unclean" }), 2, "Pass --yes to do it" },
        { "ElectUncleanWithoutYesOnATopic", S({ "elect-leaders", "--unclean", "--topic", "t" }), 2,
            "Pass --yes to do it" },
        // configs
        { "ConfigsSetWithoutValue", S({ "configs", "topic", "t", "--set", "noequals" }), 2,
            "--set takes KEY=VALUE, not 'noequals'" },
        { "ConfigsBrokerNotANumber", S({ "configs", "broker", "abc" }), 2, "takes a broker id or 'default'" },
        { "ConfigsEmptyTopic", S({ "configs", "topic", "" }), 2, "A topic name cannot be empty" },
        { "ConfigsUnknownKind", S({ "configs", "cluster", "x" }), 2, "not 'cluster'" },
        { "DescribeIllegalTopic", S({ "describe", "bad/name" }), 2, "contains '/'" },
        // groups and lag
        { "ResetToNonsense", S({ "group", "reset-offsets", "g", "--to", "nonsense", "--yes" }), 2,
            "'nonsense' is not a target" },
        { "ResetShiftNotANumber", S({ "group", "reset-offsets", "g", "--to", "shift:abc", "--yes" }), 2,
            "'shift:abc' is not shift:N" },
        { "ResetPartitionNotANumber",
            S({ "group", "reset-offsets", "g", "--to", "earliest", "--topic", "t:x", "--yes" }), 2,
            "'t:x' is not T:P" },
        { "GroupDeleteWithoutYes", S({ "group", "delete", "g" }), 2, "pass --yes to do it" },
        { "GroupDeleteOffsetsWithoutTopic", S({ "group", "delete-offsets", "g", "--yes" }), 2,
            "takes exactly one --topic T" },
        { "GroupDescribeEmpty", S({ "group", "describe", "" }), 2, "needs a group name" },
        { "LagWatchZero", S({ "lag", "g", "--watch", "0" }), 2, "--watch takes a number of seconds" },
        { "LagWatchNotANumber", S({ "lag", "g", "--watch", "abc" }), 2, "--watch takes a number of seconds" },
        // consume and produce
        { "ConsumeFromNonsense", S({ "consume", "t", "--from", "nonsense" }), 2, "not 'nonsense'" },
        { "ConsumeNegativePartition", S({ "consume", "t", "--partition", "-1" }), 2,
            "--partition takes a partition number, not '-1'" },
        { "ConsumePartitionNotANumber", S({ "consume", "t", "--partition", "x" }), 2, "not 'x'" },
        { "ConsumeMaxNotANumber", S({ "consume", "t", "--max", "abc" }), 2, "--max takes a positive number" },
        { "ConsumeMaxZero", S({ "consume", "t", "--max", "0" }), 2, "--max takes a positive number" },
        { "ConsumeEmptyTopic", S({ "consume", "" }), 2, "A topic name cannot be empty" },
        { "ConsumeIllegalTopic", S({ "consume", "bad/name" }), 2, "contains '/'" },
        { "ProducePartitionNotANumber", S({ "produce", "t", "--partition", "abc", "--value", "v" }), 2,
            "--partition takes a partition number" },
        { "ProduceHeaderWithoutValue", S({ "produce", "t", "--header", "noequals", "--value", "v" }), 2,
            "--header takes key=value, not 'noequals'" },
        { "ProduceUnknownPartitioner", S({ "produce", "t", "--partitioner", "nonsense", "--value", "v" }), 2,
            "unknown partitioner 'nonsense'" },
        { "ProduceKeyAndNullKey", S({ "produce", "t", "--key", "k", "--null-key", "--value", "v" }), 2,
            "give --key or --null-key, not both" },
        { "ProduceNoValue", S({ "produce", "t" }), 2, "give either --value V or --null-value" },
        { "ProduceEmptyTopic", S({ "produce", "", "--value", "v" }), 2, "A topic name cannot be empty" },
        { "PartitionCountZero", S({ "partition", "--key", "k", "--partitions", "0" }), 2,
            "--partitions takes a number of partitions" },
        { "PartitionCountNotANumber", S({ "partition", "--key", "k", "--partitions", "abc" }), 2,
            "--partitions takes a number of partitions" },
        // the command line itself, and the connection
        { "UnknownCommand", S({ "frobnicate" }), 2, "unknown command 'frobnicate'" },
        { "UnknownOption", S({ "topics", "--frobnicate" }), 2, "Unknown option 'frobnicate'" },
        { "ClientConfigMissing", S({ "topics", "--client-config", "@FILE:missing.properties" }), 2,
            "No such file or directory" },
        { "ClientConfigBinary", S({ "topics", "--client-config", "@FILE:binary.properties" }), 2,
            "is not a client properties file: it holds binary data" },
        { "BootstrapEmpty", S({ "topics", "--bootstrap", "" }), 2, "--bootstrap is required" },
        { "BootstrapWithoutPort", S({ "topics", "--bootstrap", "hostwithoutport" }), 2, "has no port" },
        { "BootstrapPortOutOfRange", S({ "topics", "--bootstrap", "h:99999" }), 2, "has an invalid port (1-65535)" },
        { "TimeoutNotANumber", S({ "partition", "--key", "k", "--partitions", "3", "--timeout", "x" }), 2,
            "--timeout takes a positive number of milliseconds" },
        // Kafka Connect
        { "ConnectConfigWithoutValue", S({ "connect", "create", "c", "--config", "noequals" }), 2,
            "'noequals' is not KEY=VALUE" },
        { "ConnectFileMissing", S({ "connect", "create", "c", "--file", "@FILE:missing.json" }), 2,
            "No such file or directory" },
        { "ConnectFileNotJson", S({ "connect", "create", "c", "--file", "@FILE:garbage.json" }), 2,
            "is not a JSON object" },
        { "ConnectFileAnArray", S({ "connect", "create", "c", "--file", "@FILE:array.json" }), 2,
            "is not a JSON object" },
        { "ConnectCreateWithoutConfig", S({ "connect", "create", "c" }), 2, "takes --config K=V... or --file" },
        { "ConnectDeleteWithoutYes", S({ "connect", "delete", "c" }), 5, "add --yes to delete it" },
        { "ConnectUrlNotAUrl", S({ "connect", "connectors", "--connect", "ftp://worker" }), 2,
            "is not an http:// or https:// URL" },
        { "ConnectUnknownCommand", S({ "connect", "frobnicate", "c" }), 2, "unknown connect command 'frobnicate'" },
        { "ConnectEmptyName", S({ "connect", "pause", "" }), 2, "a connector name cannot be empty" },
        { "ConnectBlankName", S({ "connect", "delete", "  ", "--yes" }), 2, "a connector name cannot be empty" },
        { "ConnectNameWithControlCharacter",
            S({ "connect", "resume",
                "a\x07"
                "b" }),
            2, "cannot hold control characters" },
    };
    return rows;
}

class CliBadInput : public ::testing::TestWithParam<Row>
{
};

TEST_P(CliBadInput, IsRefusedWithItsReasonAndNothingIsSent)
{
    const Row& row = GetParam();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // A "cluster" and a "worker" that accept connections and never answer: any connection is something sent.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(silent.serverPort());
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("KAFSCOPE_BOOTSTRAP"));
    env.insert(QStringLiteral("KAFSCOPE_CONNECT"), QStringLiteral("http://") + address);
    QStringList args = expand(row.args, dir);
    if (!args.contains(QLatin1String("--bootstrap")))
        args << QStringLiteral("--bootstrap") << address;

    const CliRun run = runCli(args, env);
    const QString message = QString::fromUtf8(run.err);
    EXPECT_EQ(run.exitCode, row.exitCode) << message.toStdString();
    EXPECT_TRUE(message.contains(QString::fromUtf8(row.message))) << message.toStdString();
    EXPECT_TRUE(message.startsWith(QLatin1String("kafscope-cli: "))) << message.toStdString();
    EXPECT_TRUE(run.out.isEmpty()) << run.out.toStdString();
    EXPECT_FALSE(silent.waitForNewConnection(0)) << "the CLI connected before refusing: " << message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Table, CliBadInput, ::testing::ValuesIn(refusedRows()), nameOf);

// ---- judged by the cluster: refused, and the cluster is as it was ----

struct RealRow
{
    const char* name;
    QStringList args; // @T: a 3-partition topic of the test (RF 1, retention.ms 3600000, 30 records);
                      // @NONE: a name nothing has
    int exitCode;
    const char* message;
};

void PrintTo(const RealRow& row, std::ostream* os)
{
    *os << row.name;
}

std::string realNameOf(const ::testing::TestParamInfo<RealRow>& info)
{
    return info.param.name;
}

const std::vector<RealRow>& realRows()
{
    static const std::vector<RealRow> rows = {
        { "CreateReplicationFactorAboveTheBrokers",
            S({ "topic", "create", "@NONE", "--partitions", "3", "--replication-factor", "4" }), 4,
            "INVALID_REPLICATION_FACTOR" },
        { "CreateAnExistingTopic", S({ "topic", "create", "@T", "--partitions", "1", "--replication-factor", "1" }), 4,
            "TOPIC_ALREADY_EXISTS" },
        { "DeleteAnUnknownTopic", S({ "topic", "delete", "@NONE", "--yes" }), 4, "UNKNOWN_TOPIC_OR_PARTITION" },
        { "DeleteWithoutYes", S({ "topic", "delete", "@T" }), 2,
            "with its 3 partitions and all their records; pass --yes" },
        { "FewerPartitions", S({ "topic", "add-partitions", "@T", "--count", "2" }), 5,
            "Kafka cannot remove partitions" },
        { "AddPartitionsToAnUnknownTopic", S({ "topic", "add-partitions", "@NONE", "--count", "5" }), 4,
            "UNKNOWN_TOPIC_OR_PARTITION" },
        { "ConfigValueOfTheWrongType", S({ "configs", "topic", "@T", "--set", "retention.ms=abc" }), 4,
            "INVALID_CONFIG" },
        { "ConfigUnknownName", S({ "configs", "topic", "@T", "--set", "no.such.config=1" }), 4,
            "Unknown topic config name: no.such.config" },
        { "ConfigOfAnUnknownTopic", S({ "configs", "topic", "@NONE", "--set", "retention.ms=1" }), 4,
            "UNKNOWN_TOPIC_OR_PARTITION" },
        { "DeleteRecordsWithoutYes", S({ "topic", "delete-records", "@T", "--before", "0=1" }), 2, "--yes" },
        { "DeleteRecordsOfAnUnknownPartition", S({ "topic", "delete-records", "@T", "--before", "9=1", "--yes" }), 2,
            "has no partition 9" },
        { "DeleteRecordsBeyondTheEnd", S({ "topic", "delete-records", "@T", "--before", "0=100", "--yes" }), 5,
            "records can only be deleted up to there (nothing was sent)" },
        { "ResetAGroupWithoutOffsets", S({ "group", "reset-offsets", "@NONE", "--to", "earliest", "--yes" }), 2,
            "has no committed offsets: name the topics to reset with --topic T" },
        { "DeleteAnUnknownGroup", S({ "group", "delete", "@NONE", "--yes" }), 4, "GROUP_ID_NOT_FOUND" },
        { "ElectOnAnUnknownTopic", S({ "elect-leaders", "--topic", "@NONE" }), 4, "UNKNOWN_TOPIC_OR_PARTITION" },
        { "ElectOnAnUnknownPartition", S({ "elect-leaders", "--topic", "@T:7" }), 2, "has no partition 7" },
        { "ConsumeAnUnknownTopic", S({ "consume", "@NONE", "--end" }), 4, "does not exist" },
        { "ProduceToAnUnknownTopic", S({ "produce", "@NONE", "--value", "v" }), 4, "does not exist" },
        { "ProduceToAnUnknownPartition", S({ "produce", "@T", "--partition", "7", "--value", "v" }), 4,
            "has 3 partition(s), 0 to 2: there is no partition 7 (_UNKNOWN_PARTITION)" },
        { "ConnectDeleteAnUnknownConnector", S({ "connect", "delete", "@NONE", "--yes" }), 4, "(HTTP 404)" },
        { "ConnectPauseAnUnknownConnector", S({ "connect", "pause", "@NONE" }), 4, "(HTTP 404)" },
        { "ConnectUnknownPlugin", S({ "connect", "create", "@NONE", "--config", "connector.class=NoSuchConnector" }), 4,
            "Failed to find any class that implements Connector" },
        { "ConnectSettingOfTheWrongType",
            S({ "connect", "create", "@NONE", "--config", "connector.class=FileStreamSource", "--config",
                "tasks.max=abc" }),
            4, "tasks.max: Invalid value abc for configuration tasks.max" },
    };
    return rows;
}

class CliBadInputReal : public ::testing::TestWithParam<RealRow>
{
protected:
    void SetUp() override
    {
        REQUIRE_REAL_CLUSTER();
        if (qEnvironmentVariable("KAFSCOPE_CONNECT").isEmpty()) {
            if (kafscope::itest::inCi())
                FAIL() << "KAFSCOPE_CONNECT is not set: in CI the Connect workers must run (scripts/test)";
            GTEST_SKIP() << "no Connect worker: tests/cluster/kafka-cluster.sh start-connect, then KAFSCOPE_CONNECT";
        }
    }

    // What a bad row must leave as it was: the topic's partitions, offsets and retention. (The connectors are checked
    // by name below: the worker is shared with tests running beside this one.)
    static QString state(const QString& topic)
    {
        const auto describe = kafscope::clitest::cli({ QStringLiteral("describe"), topic, QStringLiteral("--json") });
        const auto configs = kafscope::clitest::cli(
            { QStringLiteral("configs"), QStringLiteral("topic"), topic, QStringLiteral("--json") });
        QString retention;
        for (const auto& c : QJsonDocument::fromJson(configs.out).array())
            if (c.toObject().value(QLatin1String("name")).toString() == QLatin1String("retention.ms"))
                retention = c.toObject().value(QLatin1String("value")).toString();
        return QString::fromUtf8(describe.out) + QStringLiteral("\nretention.ms=") + retention;
    }
};

TEST_P(CliBadInputReal, IsRefusedWithItsReasonAndTheClusterIsAsItWas)
{
    const RealRow& row = GetParam();
    const QString topic = kafscope::itest::uniqueTopic("badin");
    ASSERT_EQ(kafscope::itest::createTopic(topic, 3, 1, { { "retention.ms", "3600000" } }), "");
    ASSERT_EQ(kafscope::itest::produce(topic, 30), "");
    const QString none = kafscope::itest::uniqueTopic("no-such");
    QStringList args;
    for (const auto& a : row.args) {
        QString arg = a;
        args << arg.replace(QLatin1String("@T"), topic).replace(QLatin1String("@NONE"), none);
    }
    const QString before = state(topic);
    ASSERT_TRUE(before.contains(QLatin1String("retention.ms=3600000"))) << before.toStdString();

    const CliRun run = kafscope::clitest::cli(args);
    const QString message = QString::fromUtf8(run.err);
    EXPECT_EQ(run.exitCode, row.exitCode) << message.toStdString();
    EXPECT_TRUE(message.contains(QString::fromUtf8(row.message))) << message.toStdString();
    EXPECT_TRUE(message.startsWith(QLatin1String("kafscope-cli: "))) << message.toStdString();
    EXPECT_EQ(state(topic).toStdString(), before.toStdString());
    // Nothing named @NONE came to be: no topic, no connector.
    const auto topics = kafscope::clitest::cli({ QStringLiteral("topics"), QStringLiteral("--json") });
    EXPECT_FALSE(topics.out.contains(none.toUtf8()));
    const auto connectors = kafscope::clitest::cli(
        { QStringLiteral("connect"), QStringLiteral("connectors"), QStringLiteral("--json") }, false);
    EXPECT_EQ(connectors.exitCode, 0) << connectors.err.toStdString();
    EXPECT_FALSE(connectors.out.contains(none.toUtf8()));
}

INSTANTIATE_TEST_SUITE_P(Table, CliBadInputReal, ::testing::ValuesIn(realRows()), realNameOf);

} // namespace
