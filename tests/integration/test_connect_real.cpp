// Kafka Connect against the real workers beside the test cluster (tests/cluster/kafka-cluster.sh start-connect, which
// scripts/test runs): worker A on plain HTTP ($KAFSCOPE_CONNECT), worker B with Kafka's basic-auth extension
// ($KAFSCOPE_CONNECT_AUTH, user connect-admin). Through kafscope-cli and the REST client (kafka/connect).
#include "../unit/waitfor.h"
#include "clirun.h"
#include "kafka/connect/connectclient.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::clitest;
using namespace kafscope::connect;

namespace {

QString workerUrl()
{
    return qEnvironmentVariable("KAFSCOPE_CONNECT");
}

// Every Connect test needs the cluster and the workers: in CI both must run.
#define REQUIRE_CONNECT()                                                                                              \
    do {                                                                                                               \
        REQUIRE_REAL_CLUSTER();                                                                                        \
        if (workerUrl().isEmpty()) {                                                                                   \
            if (kafscope::itest::inCi())                                                                               \
                FAIL() << "KAFSCOPE_CONNECT is not set: in CI the Connect workers must run (scripts/test)";            \
            GTEST_SKIP() << "no Connect worker: tests/cluster/kafka-cluster.sh start-connect, then KAFSCOPE_CONNECT";  \
        }                                                                                                              \
    } while (false)

struct ConnectReal : ::testing::Test
{
    void SetUp() override { REQUIRE_CONNECT(); }
    QTemporaryDir dir;
};

CliRun connectCli(QStringList args)
{
    args.prepend(QStringLiteral("connect"));
    args << QStringLiteral("--connect") << workerUrl();
    return cli(args, false);
}

QStringList sourceConfig(const QString& file, const QString& topic)
{
    return { QStringLiteral("--config"), QStringLiteral("connector.class=FileStreamSource"), QStringLiteral("--config"),
        QStringLiteral("file=") + file, QStringLiteral("--config"), QStringLiteral("topic=") + topic,
        QStringLiteral("--config"), QStringLiteral("topic.creation.default.partitions=1"), QStringLiteral("--config"),
        QStringLiteral("topic.creation.default.replication.factor=1") };
}

QJsonObject connectorNamed(const QString& name)
{
    const auto run = connectCli({ QStringLiteral("connectors"), QStringLiteral("--json") });
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    for (const auto& v : json(run).array()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

// The records in `topic` (kafscope-cli consume to its end); -1 while it does not exist yet.
int recordsIn(const QString& topic)
{
    const auto run = cli({ QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("earliest"),
        QStringLiteral("--end"), QStringLiteral("--json") });
    return run.exitCode == 0 ? int(run.out.count('\n')) : -1;
}

// Runs the test cluster's script (the one scripts/local-cluster runs) with the test cluster's settings, which
// scripts/test exported; its exit code, -1 if it crashed or hung.
int clusterScript(const QStringList& args, QString* err, QByteArray* out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT), args);
    p.waitForFinished(180000);
    *err = QString::fromUtf8(p.readAllStandardError());
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool appendLines(const QString& file, const QStringList& lines)
{
    QFile f(file);
    if (!f.open(QIODevice::Append))
        return false;
    for (const auto& l : lines)
        f.write(l.toUtf8() + '\n');
    return true;
}

} // namespace

TEST_F(ConnectReal, TheCliCreatesAFileSourceWhoseLinesArriveAndRunsItsLifecycle)
{
    const QString name = itest::uniqueTopic("cli-file-source");
    const QString topic = name + QStringLiteral("-lines");
    const QString file = dir.filePath(QStringLiteral("source.txt"));
    ASSERT_TRUE(appendLines(file, { QStringLiteral("first line"), QStringLiteral("second line") }));

    // --dry-run: the worker's validation only, nothing created.
    auto run = connectCli(
        QStringList { QStringLiteral("create"), name, QStringLiteral("--dry-run") } + sourceConfig(file, topic));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(connectorNamed(name).isEmpty());
    run = connectCli(QStringList { QStringLiteral("create"), name } + sourceConfig(file, topic));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();

    ASSERT_TRUE(eventually(
        [&] { return connectorNamed(name).value(QStringLiteral("state")).toString() == QLatin1String("RUNNING"); }));
    ASSERT_TRUE(appendLines(file, { QStringLiteral("third line") }));
    ASSERT_TRUE(test::waitUntil([&] { return recordsIn(topic) == 3; }, 60000)) << recordsIn(topic);
    const QJsonObject c = connectorNamed(name);
    EXPECT_EQ(c.value(QStringLiteral("type")).toString(), QStringLiteral("source"));
    ASSERT_EQ(c.value(QStringLiteral("tasks")).toArray().size(), 1);
    EXPECT_EQ(c.value(QStringLiteral("tasks")).toArray()[0].toObject().value(QStringLiteral("state")).toString(),
        QStringLiteral("RUNNING"));

    // Its offsets: the file and how far it was read.
    ASSERT_TRUE(test::waitUntil(
        [&] {
            const auto o = json(connectCli({ QStringLiteral("offsets"), name, QStringLiteral("--json") })).array();
            return o.size() == 1
                && o[0].toObject().value(QStringLiteral("offset")).toObject().value(QStringLiteral("position")).toInt()
                > 0;
        },
        30000));

    // Pause, resume, restart.
    run = connectCli({ QStringLiteral("pause"), name });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(test::waitUntil(
        [&] { return connectorNamed(name).value(QStringLiteral("state")).toString() == QLatin1String("PAUSED"); },
        30000));
    ASSERT_EQ(connectCli({ QStringLiteral("resume"), name }).exitCode, 0);
    EXPECT_TRUE(test::waitUntil(
        [&] { return connectorNamed(name).value(QStringLiteral("state")).toString() == QLatin1String("RUNNING"); },
        30000));
    ASSERT_EQ(connectCli({ QStringLiteral("restart"), name }).exitCode, 0);

    // A config change the worker refuses: each field's error, nothing changed.
    run = connectCli({ QStringLiteral("config"), name, QStringLiteral("--set"), QStringLiteral("tasks.max=many") });
    EXPECT_EQ(run.exitCode, 4);
    EXPECT_TRUE(run.err.contains("tasks.max: Invalid value many")) << run.err.toStdString();

    // Offsets are reset only while stopped: refused before, done after.
    run = connectCli({ QStringLiteral("reset-offsets"), name, QStringLiteral("--yes") });
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains("only while it is stopped")) << run.err.toStdString();
    ASSERT_EQ(connectCli({ QStringLiteral("stop"), name }).exitCode, 0);
    ASSERT_TRUE(test::waitUntil(
        [&] { return connectorNamed(name).value(QStringLiteral("state")).toString() == QLatin1String("STOPPED"); },
        30000));
    run = connectCli({ QStringLiteral("reset-offsets"), name, QStringLiteral("--yes") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(json(connectCli({ QStringLiteral("offsets"), name, QStringLiteral("--json") })).array().isEmpty());

    // Delete: only with --yes.
    EXPECT_EQ(connectCli({ QStringLiteral("delete"), name }).exitCode, 5);
    EXPECT_FALSE(connectorNamed(name).isEmpty());
    ASSERT_EQ(connectCli({ QStringLiteral("delete"), name, QStringLiteral("--yes") }).exitCode, 0);
    EXPECT_TRUE(eventually([&] { return connectorNamed(name).isEmpty(); }));
    run = connectCli({ QStringLiteral("delete"), name, QStringLiteral("--yes") });
    EXPECT_EQ(run.exitCode, 4);
    EXPECT_TRUE(run.err.contains("HTTP 404")) << run.err.toStdString();
}

TEST_F(ConnectReal, ABrokenConfigShowsEachFieldsErrorAndCreatesNothing)
{
    const QString name = itest::uniqueTopic("broken");
    const auto run = connectCli({ QStringLiteral("create"), name, QStringLiteral("--config"),
        QStringLiteral("connector.class=org.apache.kafka.connect.file.FileStreamSourceConnector"),
        QStringLiteral("--config"), QStringLiteral("tasks.max=-3") });
    EXPECT_EQ(run.exitCode, 4);
    EXPECT_TRUE(run.err.contains("nothing was sent")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("topic: Missing required configuration")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("tasks.max:")) << run.err.toStdString();
    EXPECT_TRUE(connectorNamed(name).isEmpty());
    // Bad input never reaches the worker.
    EXPECT_EQ(connectCli({ QStringLiteral("create"), name, QStringLiteral("--config"), QStringLiteral("no-equals") })
                  .exitCode,
        2);
    EXPECT_EQ(
        connectCli({ QStringLiteral("create"), name, QStringLiteral("--config"), QStringLiteral("file=x") }).exitCode,
        2); // no connector.class
    EXPECT_EQ(connectCli({ QStringLiteral("frobnicate") }).exitCode, 2);
    EXPECT_EQ(connectCli({ QStringLiteral("pause") }).exitCode, 2);
    const auto readOnly
        = connectCli({ QStringLiteral("delete"), name, QStringLiteral("--yes"), QStringLiteral("--read-only") });
    EXPECT_EQ(readOnly.exitCode, 5);
}

// A connector made with plain HTTP by the test (not by KafScope) appears with its state and tasks, in the REST
// client and the CLI, and its topics are known.
TEST_F(ConnectReal, AConnectorMadeElsewhereAppearsWithItsStateTasksAndTopics)
{
    const QString name = itest::uniqueTopic("http-sink");
    const QString topic = itest::uniqueTopic("sink-source");
    ASSERT_EQ(itest::createTopic(topic, 1, 1), "");
    ASSERT_EQ(itest::produce(topic, 5), "");
    const QString out = dir.filePath(QStringLiteral("sink.txt"));
    QNetworkAccessManager http;
    QNetworkRequest request(QUrl(workerUrl() + QStringLiteral("/connectors")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QByteArray body
        = QJsonDocument(QJsonObject {
                            { QStringLiteral("name"), name },
                            { QStringLiteral("config"),
                                QJsonObject { { QStringLiteral("connector.class"), QStringLiteral("FileStreamSink") },
                                    { QStringLiteral("topics"), topic }, { QStringLiteral("file"), out } } },
                        })
              .toJson();
    QNetworkReply* reply = http.post(request, body);
    ASSERT_TRUE(test::waitUntil([&] { return reply->isFinished(); }, 30000));
    ASSERT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201)
        << reply->readAll().toStdString();
    reply->deleteLater();

    ConnectClient client({ QUrl(workerUrl()) });
    std::optional<ConnectorInfo> found;
    ASSERT_TRUE(test::waitUntil(
        [&] {
            std::optional<ConnectResult<QList<ConnectorInfo>>> r;
            client.connectors([&](const auto& result) { r = result; });
            if (!test::waitUntil([&] { return r.has_value(); }, 10000) || !r->ok())
                return false;
            for (const auto& c : *r->value) {
                if (c.name == name && c.state == QLatin1String("RUNNING") && c.tasks.size() == 1
                    && c.tasks[0].state == QLatin1String("RUNNING"))
                    found = c;
            }
            return found.has_value();
        },
        60000));
    EXPECT_EQ(found->type, QStringLiteral("sink"));
    EXPECT_FALSE(found->workerId.isEmpty());
    EXPECT_EQ(found->config.value(QStringLiteral("topics")), topic);
    // The sink wrote the topic's records into its file; the worker knows which topics it uses.
    EXPECT_TRUE(test::waitUntil(
        [&] {
            QFile f(out);
            return f.open(QIODevice::ReadOnly) && f.readAll().count('\n') == 5;
        },
        60000));
    // Connect records the topics a connector used (KIP-558) a moment after its task read them.
    std::optional<ConnectResult<QStringList>> topics;
    EXPECT_TRUE(test::waitUntil(
        [&] {
            topics.reset();
            client.topics(name, [&](const auto& r) { topics = r; });
            return test::waitUntil([&] { return topics.has_value(); }, 10000) && topics->ok()
                && *topics->value == QStringList { topic };
        },
        60000))
        << (topics && topics->ok() ? topics->value->join(QLatin1Char(',')).toStdString() : std::string("no answer"));
    const QJsonObject viaCli = connectorNamed(name);
    EXPECT_EQ(viaCli.value(QStringLiteral("type")).toString(), QStringLiteral("sink"));
    ASSERT_EQ(connectCli({ QStringLiteral("delete"), name, QStringLiteral("--yes") }).exitCode, 0);
}

TEST_F(ConnectReal, TheBasicAuthWorkerWantsItsUserAndAnUnreachableWorkerIsSaid)
{
    const QString auth = qEnvironmentVariable("KAFSCOPE_CONNECT_AUTH");
    ASSERT_FALSE(auth.isEmpty()) << "scripts/test exports KAFSCOPE_CONNECT_AUTH (the basic-auth worker)";
    auto run = cli({ QStringLiteral("connect"), QStringLiteral("clusters"), QStringLiteral("--connect"), auth }, false);
    EXPECT_EQ(run.exitCode, 4);
    EXPECT_TRUE(run.err.contains("HTTP 401")) << run.err.toStdString();
    // With the user but no password in the environment: said, nothing sent, never a prompt.
    run = cli({ QStringLiteral("connect"), QStringLiteral("clusters"), QStringLiteral("--connect"), auth,
                  QStringLiteral("--connect-user"), QStringLiteral("connect-admin") },
        false);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("KAFSCOPE_CONNECT_PASSWORD")) << run.err.toStdString();
    qputenv("KAFSCOPE_CONNECT_PASSWORD", "connect-secret");
    run = cli({ QStringLiteral("connect"), QStringLiteral("clusters"), QStringLiteral("--connect"), auth,
                  QStringLiteral("--connect-user"), QStringLiteral("connect-admin"), QStringLiteral("--json") },
        false);
    qunsetenv("KAFSCOPE_CONNECT_PASSWORD");
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject info = json(run).array().at(0).toObject();
    EXPECT_FALSE(info.value(QStringLiteral("version")).toString().isEmpty());
    EXPECT_FALSE(info.value(QStringLiteral("kafka_cluster_id")).toString().isEmpty());

    // Nothing listens: exit 3, in words.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    run = cli({ QStringLiteral("connect"), QStringLiteral("connectors"), QStringLiteral("--connect"),
                  QStringLiteral("http://127.0.0.1:%1").arg(port) },
        false);
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(run.err.contains("cannot be reached")) << run.err.toStdString();
}

// scripts/local-cluster start-connect --demo file (the same script): a file that grows by a line every 2 s becomes
// a topic, and the topic a file again; stop-demo removes it.
TEST_F(ConnectReal, TheScriptsFileDemoTurnsAGrowingFileIntoATopicAndBackIntoAFile)
{
    QString err;
    ASSERT_EQ(
        clusterScript({ QStringLiteral("start-connect"), QStringLiteral("--demo"), QStringLiteral("file") }, &err), 0)
        << err.toStdString();
    // "... -> demo-file-sink -> /path/output.txt"
    const QRegularExpression sinkFile(QStringLiteral("-> demo-file-sink -> (\\S+)"));
    const auto match = sinkFile.match(err);
    ASSERT_TRUE(match.hasMatch()) << err.toStdString();
    const QString output = match.captured(1);
    const auto sinkHas = [&](const QByteArray& text) {
        QFile f(output);
        return f.open(QIODevice::ReadOnly) && f.readAll().contains(text);
    };
    // The appender writes "line N at HH:MM:SS: USER clicked"; two of them back out of the topic prove the path.
    EXPECT_TRUE(test::waitUntil([&] { return sinkHas("line 2 at"); }, 60000)) << output.toStdString();
    const QJsonObject source = connectorNamed(QStringLiteral("demo-file-source"));
    EXPECT_EQ(source.value(QStringLiteral("state")).toString(), QStringLiteral("RUNNING"));
    ASSERT_EQ(clusterScript({ QStringLiteral("stop-demo"), QStringLiteral("file") }, &err), 0) << err.toStdString();
    EXPECT_TRUE(test::waitUntil([&] { return connectorNamed(QStringLiteral("demo-file-source")).isEmpty(); }, 30000));
    EXPECT_TRUE(connectorNamed(QStringLiteral("demo-file-sink")).isEmpty());
}

// scripts/local-cluster start-connect --demo postgres (the same script), the learning notes' "a database becomes a
// topic": PostgreSQL (run as the postgres user) with logical decoding, and Debezium's PostgreSQL connector on worker
// A. A row inserted, updated twice and deleted becomes change events keyed by its primary key, all in one partition
// and in order, the delete followed by a tombstone; stop-demo removes the connector and stops the database.
TEST_F(ConnectReal, TheScriptsPostgresDemoTurnsRowChangesIntoEventsKeyedByPrimaryKeyInOnePartition)
{
    // The topic outlives the demo database (an earlier run's rows had the same ids): only records from now on.
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    QString err;
    ASSERT_EQ(
        clusterScript({ QStringLiteral("start-connect"), QStringLiteral("--demo"), QStringLiteral("postgres") }, &err),
        0)
        << err.toStdString();
    const auto sql = [&](const QString& statement) {
        QByteArray out;
        const int code = clusterScript(
            { QStringLiteral("psql"), QStringLiteral("-qAt"), QStringLiteral("-c"), statement }, &err, &out);
        EXPECT_EQ(code, 0) << statement.toStdString() << ": " << err.toStdString();
        return QString::fromUtf8(out).trimmed();
    };
    // The records since the start (in the topic's order: partition, then offset), and the id in each key.
    const QString topic = QStringLiteral("pgdemo.public.customers");
    const auto recordsSinceStart = [&] {
        QList<std::pair<int, QJsonObject>> records;
        const auto run = cli({ QStringLiteral("consume"), topic, QStringLiteral("--from"),
            QStringLiteral("@%1").arg(start), QStringLiteral("--end"), QStringLiteral("--json") });
        for (const auto& line : run.out.split('\n')) {
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            const QJsonObject key
                = QJsonDocument::fromJson(r.value(QStringLiteral("key")).toString().toUtf8()).object();
            if (!r.isEmpty())
                records.append({ key.value(QStringLiteral("id")).toInt(), r });
        }
        return records;
    };
    const auto opOf = [](const QJsonObject& record) {
        return QJsonDocument::fromJson(record.value(QStringLiteral("value")).toString().toUtf8())
            .object()
            .value(QStringLiteral("op"))
            .toString();
    };
    // Changes made while the connector still snapshots the table would come out merged into its snapshot ("r"):
    // first wait until it streams, which the demo's loop (a change every 3 s) shows.
    ASSERT_TRUE(test::waitUntil(
        [&] {
            const auto records = recordsSinceStart();
            return std::any_of(records.begin(), records.end(), [&](const auto& r) {
                return QStringList { QStringLiteral("c"), QStringLiteral("u"), QStringLiteral("d") }.contains(
                    opOf(r.second));
            });
        },
        90000));

    // The demo's own loop changes random rows meanwhile: this row's events are told apart by its key.
    const QString id = sql(QStringLiteral(
        "INSERT INTO customers (name, email, city) VALUES ('KafScope test', 'test@example.com', 'Lyon') RETURNING id"));
    ASSERT_FALSE(id.isEmpty());
    sql(QStringLiteral("UPDATE customers SET city = 'Rome' WHERE id = %1").arg(id));
    sql(QStringLiteral("UPDATE customers SET city = 'Oslo' WHERE id = %1").arg(id));
    sql(QStringLiteral("DELETE FROM customers WHERE id = %1").arg(id));

    // This row's records, once its tombstone is there.
    QList<QJsonObject> events;
    const auto readEvents = [&] {
        events.clear();
        for (const auto& [rowId, record] : recordsSinceStart()) {
            if (rowId == id.toInt())
                events << record;
        }
        return !events.isEmpty() && events.last().value(QStringLiteral("value")).isNull();
    };
    ASSERT_TRUE(test::waitUntil(readEvents, 90000)) << events.size() << " events for id " << id.toStdString();

    QStringList ops;
    QStringList cities;
    QSet<int> partitions;
    qint64 lastOffset = -1;
    for (const auto& e : events) {
        partitions << e.value(QStringLiteral("partition")).toInt();
        const qint64 offset = e.value(QStringLiteral("offset")).toInteger();
        EXPECT_GT(offset, lastOffset) << "events of one key in offset order";
        lastOffset = offset;
        if (e.value(QStringLiteral("value")).isNull()) {
            ops << QStringLiteral("tombstone");
            continue;
        }
        const QJsonObject v = QJsonDocument::fromJson(e.value(QStringLiteral("value")).toString().toUtf8()).object();
        ops << v.value(QStringLiteral("op")).toString();
        if (ops.last() == QLatin1String("u"))
            cities << v.value(QStringLiteral("before")).toObject().value(QStringLiteral("city")).toString()
                    + QStringLiteral("->")
                    + v.value(QStringLiteral("after")).toObject().value(QStringLiteral("city")).toString();
        if (ops.last() == QLatin1String("d")) {
            EXPECT_EQ(v.value(QStringLiteral("before")).toObject().value(QStringLiteral("name")).toString(),
                QStringLiteral("KafScope test"));
        }
    }
    EXPECT_EQ(partitions.size(), 1) << "every change of a row lands in the same partition";
    ASSERT_GE(ops.size(), 5) << ops.join(QLatin1Char(',')).toStdString();
    EXPECT_EQ(ops.first(), QStringLiteral("c")) << ops.join(QLatin1Char(',')).toStdString();
    EXPECT_EQ(ops.mid(ops.size() - 2), (QStringList { QStringLiteral("d"), QStringLiteral("tombstone") }))
        << ops.join(QLatin1Char(',')).toStdString();
    // Ours, in order (the demo's loop may have changed the row in between: then its city changes are among them).
    const int rome = int(cities.indexOf(QStringLiteral("Lyon->Rome")));
    EXPECT_GE(rome, 0) << cities.join(QLatin1Char(' ')).toStdString();
    EXPECT_GT(cities.indexOf(QStringLiteral("Rome->Oslo")), rome) << cities.join(QLatin1Char(' ')).toStdString();

    const QJsonObject source = connectorNamed(QStringLiteral("demo-postgres-source"));
    EXPECT_EQ(source.value(QStringLiteral("state")).toString(), QStringLiteral("RUNNING"));
    EXPECT_EQ(source.value(QStringLiteral("type")).toString(), QStringLiteral("source"));

    ASSERT_EQ(clusterScript({ QStringLiteral("stop-demo"), QStringLiteral("postgres") }, &err), 0) << err.toStdString();
    EXPECT_TRUE(
        test::waitUntil([&] { return connectorNamed(QStringLiteral("demo-postgres-source")).isEmpty(); }, 30000));
    QByteArray out;
    EXPECT_NE(
        clusterScript({ QStringLiteral("psql"), QStringLiteral("-c"), QStringLiteral("SELECT 1") }, &err, &out), 0);
    EXPECT_TRUE(err.contains(QStringLiteral("does not run"))) << err.toStdString();
}
