// The Connect page (issue #10): against a scripted worker (tests/unit/connectfixtures.h) for what a real one will not
// do on demand (errors, garbage, silence, a restart), and against the real workers beside the test cluster
// ($KAFSCOPE_CONNECT, $KAFSCOPE_CONNECT_AUTH: scripts/test starts them) for the wiring: a connector made over plain
// HTTP listed with its state and tasks, paused, resumed, stopped, restarted and deleted from the page; basic auth;
// and a worker that goes away mid-session (the test TCP proxy in front of the real worker, refusing and relaying
// again).
#include "../fakes/fakecluster.h"
#include "../integration/tcpproxy.h"
#include "../unit/connectfixtures.h"
#include "models/connectmodels.h"
#include "ui/dialogs/connectoreditordialog.h"
#include "ui/dialogs/connectoroffsetsdialog.h"
#include "ui/dialogs/deleteconnectordialog.h"
#include "ui/pages/connectpage.h"
#include "uitestutil.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTimer>

using namespace kafscope;
using kafscope::test::child;
using kafscope::test::FakeCluster;
using namespace kafscope::test::connect_fixtures;

namespace {

constexpr int kWorkerMs = 60000; // a real worker rebalancing after a create may take a while

// Two connectors as a worker lists them: a source using a topic, and a sink whose task failed (with a root cause).
const QByteArray kListing = R"json({
"orders-in":{"status":{"name":"orders-in","connector":{"state":"RUNNING","worker_id":"w1:8083"},"tasks":[{"id":0,"state":"RUNNING","worker_id":"w1:8083"},{"id":1,"state":"RUNNING","worker_id":"w2:8083"}],"type":"source"},
 "info":{"name":"orders-in","config":{"connector.class":"io.example.JdbcSourceConnector","connection.password":"hunter2","db.password":"s3cret","topic":"orders","tasks.max":"2"},"tasks":[],"type":"source"}},
"audit-out":{"status":{"name":"audit-out","connector":{"state":"RUNNING","worker_id":"w2:8083"},"tasks":[{"id":0,"state":"FAILED","worker_id":"w2:8083","trace":"org.apache.kafka.connect.errors.ConnectException: Couldn't find or create file '/x/out.txt'\n\tat org.apache.kafka.connect.file.FileStreamSinkTask.start(FileStreamSinkTask.java:80)\nCaused by: java.nio.file.NoSuchFileException: /x/out.txt\n\tat B.c(B.java:2)\n"}],"type":"sink"},
 "info":{"name":"audit-out","config":{"connector.class":"org.apache.kafka.connect.file.FileStreamSinkConnector","file":"/x/out.txt","topics":"audit"},"tasks":[],"type":"sink"}}})json";

// db.password is PASSWORD-typed in the plugin's definitions; "connection.password" is masked by its name anyway.
const QByteArray kJdbcValidation = R"json({"name":"io.example.JdbcSourceConnector","error_count":0,"groups":["Common"],
"configs":[{"definition":{"name":"db.password","type":"PASSWORD","required":false,"default_value":null,"importance":"HIGH","documentation":"","group":"Common","order":1,"display_name":"Password"},"value":{"name":"db.password","value":"[hidden]","recommended_values":[],"errors":[],"visible":true}}]})json";

// A worker played by a script: `mode` says how it answers.
struct ScriptedWorker
{
    enum class Mode { Ok, ServerError, Garbage, Silent, Conflict };
    Mode mode = Mode::Ok;
    ScriptedHttp server { [this](const QByteArray& line, const QByteArray&) { return answer(line); } };

    std::optional<QByteArray> answer(const QByteArray& line)
    {
        if (mode == Mode::Silent)
            return std::nullopt;
        if (mode == Mode::ServerError)
            return http(500, R"({"error_code":500,"message":"Request timed out: the herder is busy"})", "Error");
        if (mode == Mode::Garbage)
            return http(200, "<html>proxy login</html>", "OK");
        if (line.startsWith("GET / "))
            return http(200, kRoot, "OK");
        if (line.startsWith("GET /connectors?"))
            return http(200, kListing, "OK");
        if (line.startsWith("GET /connectors/orders-in/topics"))
            return http(200, R"({"orders-in":{"topics":["orders"]}})", "OK");
        if (line.startsWith("GET /connectors/audit-out/topics"))
            return http(200, R"({"audit-out":{"topics":[]}})", "OK");
        if (line.startsWith("PUT /connector-plugins/JdbcSourceConnector/config/validate"))
            return http(200, kJdbcValidation, "OK");
        if (line.startsWith("GET /connectors/") && line.contains("/offsets "))
            return http(200, kOffsets, "OK");
        if (line.startsWith("GET /connector-plugins"))
            return http(200, kPlugins, "OK");
        if (line.startsWith("PUT /connector-plugins/"))
            return http(200, R"({"name":"x","error_count":0,"groups":[],"configs":[]})", "OK");
        if (mode == Mode::Conflict)
            return http(409,
                R"json({"error_code":409,"message":"Cannot complete request because of a conflicting operation (e.g. worker rebalance)"})json",
                "Conflict");
        if (line.startsWith("PUT ") || line.startsWith("POST "))
            return http(202, "", "Accepted");
        if (line.startsWith("DELETE "))
            return http(204, "", "No Content");
        return http(404, R"({"error_code":404,"message":"not found"})", "Not Found");
    }
    connect::ConnectEndpoint endpoint(int timeoutMs = 10000) const
    {
        connect::ConnectEndpoint e;
        e.url = server.url();
        e.timeoutMs = timeoutMs;
        return e;
    }
    bool received(const QByteArray& requestLinePrefix) const
    {
        for (const auto& r : server.requests) {
            if (r.startsWith(requestLinePrefix))
                return true;
        }
        return false;
    }
};

ConnectionProfile profile(const QList<connect::ConnectEndpoint>& workers, bool readOnly = false)
{
    ConnectionProfile p;
    p.name = QStringLiteral("fake");
    p.bootstrap = QStringLiteral("127.0.0.1:9092");
    p.readOnly = readOnly;
    p.connect = workers;
    return p;
}

QString stateOf(const ConnectPage& page, const QString& cluster, const QString& name)
{
    const auto* row = page.connectorModel()->row(page.connectorModel()->rowOf(cluster, name));
    return row ? row->info.state : QString();
}

QString realWorker()
{
    return qEnvironmentVariable("KAFSCOPE_CONNECT");
}

#define REQUIRE_REAL_WORKER()                                                                                          \
    do {                                                                                                               \
        if (realWorker().isEmpty()) {                                                                                  \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                                   \
                QFAIL("KAFSCOPE_CONNECT is not set: in CI the Connect workers must run (scripts/test starts them)");   \
            QSKIP("no Connect worker (not CI): tests/cluster/kafka-cluster.sh start-connect, then KAFSCOPE_CONNECT");  \
        }                                                                                                              \
    } while (false)

template <typename T, typename Call> std::optional<connect::ConnectResult<T>> await(Call c)
{
    std::optional<connect::ConnectResult<T>> r;
    c([&](const connect::ConnectResult<T>& result) { r = result; });
    QElapsedTimer t;
    t.start();
    while (!r && t.elapsed() < kWorkerMs)
        QTest::qWait(20);
    return r;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A FileStreamSource reading `file` into `topic` (made by the worker with 1 partition), created over plain HTTP.
bool createFileSource(connect::ConnectClient& client, const QString& name, const QString& file, const QString& topic)
{
    const auto created = await<connect::ConnectorInfo>([&](auto done) {
        client.create(name,
            { { QStringLiteral("connector.class"), QStringLiteral("FileStreamSource") },
                { QStringLiteral("file"), file }, { QStringLiteral("topic"), topic },
                { QStringLiteral("topic.creation.default.partitions"), QStringLiteral("1") },
                { QStringLiteral("topic.creation.default.replication.factor"), QStringLiteral("1") } },
            done);
    });
    return created && created->ok();
}

// A file source's position in its file (its offset), -1 while it has none.
int sourcePosition(connect::ConnectClient& client, const QString& name)
{
    const auto o = await<connect::ConnectorOffsets>([&](auto done) { client.offsets(name, done); });
    if (!o || !o->ok() || o->value->offsets.isEmpty())
        return -1;
    return o->value->offsets.first().offset.value(QStringLiteral("position")).toInt();
}

QString unique(const char* prefix)
{
    return QStringLiteral("%1-%2-%3")
        .arg(QLatin1String(prefix))
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(QRandomGenerator::global()->bounded(100000));
}

} // namespace

class TestConnectPage : public QObject
{
    Q_OBJECT
private slots:
    void listsConnectorsWithTasksTracesTopicsAndMaskedConfig()
    {
        ScriptedWorker worker;
        FakeCluster cluster;
        ConnectPage page(&cluster);
        page.resize(1300, 760);
        page.show();
        cluster.connectTo(profile({ worker.endpoint() }));
        QTRY_COMPARE(page.connectorModel()->rowCount(), 2);
        QTRY_VERIFY2(page.summaryText().contains(QStringLiteral("2 connector(s) on 1 Connect cluster(s): 2 running")),
            qPrintable(page.summaryText()));
        QVERIFY(page.summaryText().contains(QStringLiteral("1 failed task(s)")));
        QCOMPARE(page.clusterModel()->index(0, ConnectClusterModel::VersionColumn).data().toString(),
            QStringLiteral("4.1.2"));
        QCOMPARE(page.clusterModel()->index(0, ConnectClusterModel::WorkersColumn).data().toString(),
            QStringLiteral("w1:8083, w2:8083"));
        // The connector in trouble is shown first, with its failed task's trace in one sentence, root cause included.
        QTRY_COMPARE(page.selectedConnector(), QStringLiteral("audit-out"));
        QVERIFY2(page.traceTitleText().contains(
                     QStringLiteral("Task 0 failed: ConnectException: Couldn't find or create file '/x/out.txt' "
                                    "(root cause: NoSuchFileException: /x/out.txt)")),
            qPrintable(page.traceTitleText()));
        QVERIFY(page.traceText().contains(QStringLiteral("FileStreamSinkTask.java:80")));
        QVERIFY2(page.detailInfoText().contains(QStringLiteral("Sink connector (out of Kafka)")),
            qPrintable(page.detailInfoText()));
        QTRY_VERIFY2(page.topicsText().contains(QStringLiteral("none used yet")), qPrintable(page.topicsText()));
        test::saveScreenshot(&page, QStringLiteral("connect-page-failed-task.png"));

        // The source: its topic as links to the Topics page and the Live tab; its secrets masked.
        QVERIFY(page.selectConnector(QStringLiteral("orders-in")));
        QTRY_VERIFY2(page.topicsText().contains(QStringLiteral("orders (tail)")), qPrintable(page.topicsText()));
        QSignalSpy showTopic(&page, &ConnectPage::showTopicRequested);
        QSignalSpy tailTopic(&page, &ConnectPage::tailTopicRequested);
        auto* topics = child<QLabel>(&page, "topicsLabel");
        QVERIFY(topics->text().contains(QStringLiteral("href=\"topic:orders\"")));
        emit topics->linkActivated(QStringLiteral("topic:orders"));
        emit topics->linkActivated(QStringLiteral("live:orders"));
        QCOMPARE(showTopic.value(0).value(0).toString(), QStringLiteral("orders"));
        QCOMPARE(tailTopic.value(0).value(0).toString(), QStringLiteral("orders"));
        QTRY_VERIFY(worker.received("PUT /connector-plugins/JdbcSourceConnector/config/validate"));
        QTRY_COMPARE(page.shownConfig().value(QStringLiteral("db.password")), QStringLiteral("********"));
        QCOMPARE(page.shownConfig().value(QStringLiteral("connection.password")), QStringLiteral("********"));
        QCOMPARE(page.shownConfig().value(QStringLiteral("topic")), QStringLiteral("orders"));
        for (int r = 0; r < page.connectorModel()->rowCount(); ++r)
            for (int c = 0; c < ConnectorModel::ColumnCount; ++c)
                QVERIFY(!page.connectorModel()->index(r, c).data().toString().contains(QStringLiteral("hunter2")));

        // Search and the state filter.
        auto* filter = child<QLineEdit>(&page, "connectorFilter");
        filter->setText(QStringLiteral("jdbc"));
        QCOMPARE(page.connectorProxy()->rowCount(), 1);
        filter->clear();
        auto* state = child<QComboBox>(&page, "stateFilter");
        state->setCurrentIndex(state->findData(QStringLiteral("problems")));
        QCOMPARE(page.connectorProxy()->rowCount(), 1);
        QCOMPARE(page.connectorProxy()->index(0, 0).data().toString(), QStringLiteral("audit-out"));
        state->setCurrentIndex(state->findData(QStringLiteral("PAUSED")));
        QCOMPARE(page.connectorProxy()->rowCount(), 0);
    }

    void errorsSilenceAndAWorkerGoingDownAreSaidAndItRecovers()
    {
        ScriptedWorker worker;
        FakeCluster cluster;
        ConnectPage page(&cluster);
        page.show();
        QSignalSpy reloaded(&page, &ConnectPage::reloaded);
        page.setEndpoints({ worker.endpoint(1500) });
        QTRY_COMPARE(page.connectorModel()->rowCount(), 2);
        QTRY_VERIFY(reloaded.count() >= 1);
        const QString url = worker.endpoint().displayUrl();

        worker.mode = ScriptedWorker::Mode::ServerError;
        page.reload();
        QTRY_VERIFY2(page.listStatusText().contains(QStringLiteral("refused GET / (HTTP 500): Request timed out: the "
                                                                   "herder is busy")),
            qPrintable(page.listStatusText()));
        // What the worker said last stays, marked as such.
        QCOMPARE(page.connectorModel()->rowCount(), 2);
        QCOMPARE(page.connectorModel()->index(0, ConnectorModel::StateColumn).data().toString(),
            QStringLiteral("RUNNING (last known)"));
        QCOMPARE(page.clusterModel()->index(0, ConnectClusterModel::StatusColumn).data().toString(),
            QStringLiteral("Not answering (last known data shown)"));

        worker.mode = ScriptedWorker::Mode::Garbage;
        page.reload();
        QTRY_VERIFY2(page.listStatusText().contains(QStringLiteral("something that is not JSON")),
            qPrintable(page.listStatusText()));

        // Silence: the reload returns at once (nothing waits on the worker), and the timeout is said.
        worker.mode = ScriptedWorker::Mode::Silent;
        reloaded.clear();
        page.reload();
        QCOMPARE(reloaded.count(), 0);
        page.reload(); // still out: not asked twice
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 20000);
        QVERIFY2(page.listStatusText().contains(QStringLiteral("did not answer GET / within 1.5 s")),
            qPrintable(page.listStatusText()));

        // Down: connection refused.
        worker.server.stop();
        page.reload();
        QTRY_VERIFY2(
            page.listStatusText().contains(QStringLiteral("cannot be reached")), qPrintable(page.listStatusText()));
        QVERIFY2(
            page.summaryText().contains(QStringLiteral("0 of 1 worker(s) answering")), qPrintable(page.summaryText()));

        // Back: the next refresh recovers by itself.
        worker.mode = ScriptedWorker::Mode::Ok;
        QVERIFY(worker.server.start());
        page.reload();
        QTRY_VERIFY(page.listStatusText().isEmpty());
        QCOMPARE(
            page.connectorModel()->index(0, ConnectorModel::StateColumn).data().toString(), QStringLiteral("RUNNING"));
        QVERIFY(!page.summaryText().contains(QStringLiteral("answering")));
        Q_UNUSED(url);
    }

    void actionsSendWhatTheySayAndReadOnlySendsNothing()
    {
        ScriptedWorker worker;
        FakeCluster cluster;
        ConnectPage page(&cluster);
        page.show();
        cluster.connectTo(profile({ worker.endpoint() }));
        QTRY_COMPARE(page.connectorModel()->rowCount(), 2);
        QVERIFY(page.selectConnector(QStringLiteral("orders-in")));
        QVERIFY(child<QPushButton>(&page, "pauseButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&page, "resumeButton")->isEnabled()); // it runs
        QVERIFY(child<QPushButton>(&page, "editButton")->isEnabled());
        QVERIFY(child<QPushButton>(&page, "offsetsButton")->isEnabled());
        QVERIFY(child<QPushButton>(&page, "newButton")->isEnabled());

        page.pauseSelected();
        QTRY_VERIFY(worker.received("PUT /connectors/orders-in/pause "));
        QTRY_VERIFY2(page.detailStatusText().contains(QStringLiteral("the worker accepted it")),
            qPrintable(page.detailStatusText()));
        page.restartSelected(true);
        QTRY_VERIFY(worker.received("POST /connectors/orders-in/restart?includeTasks=true&onlyFailed=true "));
        page.restartSelected(false, 1);
        QTRY_VERIFY(worker.received("POST /connectors/orders-in/tasks/1/restart "));
        page.stopSelected();
        QTRY_VERIFY(worker.received("PUT /connectors/orders-in/stop "));

        // The worker's refusal, in its words.
        worker.mode = ScriptedWorker::Mode::Conflict;
        page.resumeSelected();
        QTRY_VERIFY2(page.detailStatusText().contains(QStringLiteral("Resume orders-in failed"))
                && page.detailStatusText().contains(QStringLiteral("HTTP 409"))
                && page.detailStatusText().contains(QStringLiteral("conflicting operation")),
            qPrintable(page.detailStatusText()));
        worker.mode = ScriptedWorker::Mode::Ok;

        // Delete: only once the name is typed out.
        {
            connect::ConnectClient client(worker.endpoint());
            const auto* row = page.connectorModel()->row(
                page.connectorModel()->rowOf(worker.endpoint().displayUrl(), QStringLiteral("orders-in")));
            DeleteConnectorDialog dialog(&client, &cluster, row->info, { QStringLiteral("orders") });
            QVERIFY(dialog.explanation().contains(QStringLiteral("source offsets")));
            QVERIFY(dialog.explanation().contains(QStringLiteral("Topics it used: orders.")));
            dialog.setConfirmation(QStringLiteral("orders"));
            QVERIFY(!dialog.canDelete());
            dialog.deleteNow();
            QTest::qWait(100);
            QVERIFY(!worker.received("DELETE "));
            QSignalSpy deleted(&dialog, &DeleteConnectorDialog::deleted);
            dialog.setConfirmation(QStringLiteral("orders-in"));
            QVERIFY(dialog.canDelete());
            dialog.deleteNow();
            QTRY_COMPARE(deleted.count(), 1);
            QVERIFY(worker.received("DELETE /connectors/orders-in "));
        }

        // Read-only: the buttons are disabled with the reason, and nothing is sent even when asked.
        const qsizetype sent = worker.server.requests.size();
        cluster.connectTo(profile({ worker.endpoint() }, true));
        QTRY_COMPARE(page.connectorModel()->rowCount(), 2);
        QTRY_VERIFY(page.selectConnector(QStringLiteral("orders-in")));
        auto* pause = child<QPushButton>(&page, "pauseButton");
        QVERIFY(!pause->isEnabled());
        QVERIFY2(pause->toolTip().contains(QStringLiteral("read-only")), qPrintable(pause->toolTip()));
        QVERIFY(!child<QPushButton>(&page, "deleteButton")->isEnabled());
        const qsizetype listed = worker.server.requests.size();
        page.pauseSelected();
        page.restartSelected(false);
        QTest::qWait(200);
        QVERIFY2(page.detailStatusText().contains(QStringLiteral("read-only")), qPrintable(page.detailStatusText()));
        for (qsizetype i = listed; i < worker.server.requests.size(); ++i)
            QVERIFY2(worker.server.requests[i].startsWith("GET ")
                    || worker.server.requests[i].contains("/config/validate "), // a read: it changes nothing
                worker.server.requests[i].constData());
        QVERIFY(sent <= listed);
        connect::ConnectClient client(worker.endpoint());
        const auto* row = page.connectorModel()->row(
            page.connectorModel()->rowOf(worker.endpoint().displayUrl(), QStringLiteral("orders-in")));
        DeleteConnectorDialog dialog(&client, &cluster, row->info, {});
        dialog.setConfirmation(QStringLiteral("orders-in"));
        QVERIFY(!dialog.canDelete());
        QVERIFY(dialog.message().contains(QStringLiteral("read-only")));
    }

    void noWorkerGivenSaysHowToAddOne()
    {
        FakeCluster cluster;
        ConnectPage page(&cluster);
        page.show();
        cluster.connectTo(profile({}));
        QTRY_VERIFY2(page.summaryText().contains(QStringLiteral("No Kafka Connect worker in this connection")),
            qPrintable(page.summaryText()));
        auto* add = child<QPushButton>(&page, "addWorkerButton");
        QVERIFY(add->isVisible());
        QSignalSpy asked(&page, &ConnectPage::connectDialogRequested);
        add->click();
        QCOMPARE(asked.count(), 1);
    }

    void theEditorMasksSecretsTakesPastedJsonAndReadOnlySendsNothing()
    {
        ScriptedWorker worker;
        FakeCluster cluster;
        cluster.connectTo(profile({ worker.endpoint() }, true)); // read-only
        connect::ConnectClient client(worker.endpoint());
        connect::ConnectorInfo info;
        info.name = QStringLiteral("orders-in");
        info.type = QStringLiteral("source");
        info.config = { { QStringLiteral("connector.class"), QStringLiteral("io.example.JdbcSourceConnector") },
            { QStringLiteral("name"), QStringLiteral("orders-in") },
            { QStringLiteral("db.password"), QStringLiteral("s3cret") },
            { QStringLiteral("topic"), QStringLiteral("orders") } };
        ConnectorEditorDialog dialog(&client, &cluster, ConnectorEditorDialog::Mode::Edit, info);
        QTRY_VERIFY(dialog.fieldNames().contains(QStringLiteral("db.password")));
        QVERIFY(dialog.fieldIsMasked(QStringLiteral("db.password")));
        QCOMPARE(dialog.groupOf(QStringLiteral("db.password")), QStringLiteral("Common"));
        const QString json = dialog.json();
        QVERIFY2(
            json.contains(QStringLiteral("\"db.password\": \"********\"")) && !json.contains(QStringLiteral("s3cret")),
            qPrintable(json));
        // Pasted JSON: the masked secret keeps its value; a value typed over it replaces it.
        dialog.setJson(QStringLiteral(
            R"({"name":"orders-in","config":{"connector.class":"io.example.JdbcSourceConnector","db.password":"********","topic":"orders-2","tasks.max":2}})"));
        dialog.validateNow();
        QTRY_VERIFY(!dialog.isValidating());
        QCOMPARE(dialog.value(QStringLiteral("db.password")), QStringLiteral("s3cret"));
        QCOMPARE(dialog.value(QStringLiteral("topic")), QStringLiteral("orders-2"));
        QCOMPARE(dialog.value(QStringLiteral("tasks.max")), QStringLiteral("2"));
        dialog.setJson(QStringLiteral(R"({"db.password":"new-one","topic":"orders-2"})"));
        dialog.validateNow();
        QTRY_VERIFY(!dialog.isValidating());
        QCOMPARE(dialog.value(QStringLiteral("db.password")), QStringLiteral("new-one"));
        dialog.setJson(QStringLiteral(R"({"topic": "orders-2",})"));
        dialog.validateNow();
        QVERIFY2(dialog.message().contains(QStringLiteral("The JSON is not valid at character")),
            qPrintable(dialog.message()));
        dialog.setJson(QStringLiteral(R"({"topic": ["a"]})"));
        dialog.validateNow();
        QVERIFY2(dialog.message().contains(QStringLiteral("\"topic\" is not a string")), qPrintable(dialog.message()));
        dialog.setJson(QStringLiteral(R"({"connector.class":"FileStreamSink"})"));
        dialog.validateNow();
        QVERIFY2(dialog.message().contains(QStringLiteral("keeps its plugin")), qPrintable(dialog.message()));

        // Read-only: validated, never sent.
        dialog.setJson(QStringLiteral(R"({"topic":"orders-3"})"));
        dialog.validateNow();
        QTRY_VERIFY(!dialog.isValidating());
        QVERIFY(!dialog.canSave());
        dialog.save();
        QTest::qWait(300);
        QVERIFY2(dialog.message().contains(QStringLiteral("read-only")), qPrintable(dialog.message()));
        QVERIFY(!worker.received("PUT /connectors/"));
        QVERIFY(!worker.received("POST /connectors"));
    }

    void theCreateFormComesFromThePluginAndRefusesBadInputBeforeSending()
    {
        ScriptedWorker worker;
        FakeCluster cluster;
        cluster.connectTo(profile({ worker.endpoint() }));
        connect::ConnectClient client(worker.endpoint());
        ConnectorEditorDialog dialog(
            &client, &cluster, ConnectorEditorDialog::Mode::Create, {}, { QStringLiteral("orders-in") });
        QTRY_COMPARE(dialog.plugins().size(), 2);
        QVERIFY(!dialog.canSave());
        QVERIFY(!dialog.setPlugin(QStringLiteral("NoSuchConnector")));
        // The name is checked here, before the worker.
        dialog.setName(QStringLiteral("orders-in"));
        QVERIFY(!child<QPushButton>(&dialog, "saveButton")->isEnabled());
        QVERIFY(child<QPushButton>(&dialog, "saveButton")->toolTip().contains(QStringLiteral("already exists")));
        dialog.setName(QStringLiteral(" padded "));
        QVERIFY(child<QPushButton>(&dialog, "saveButton")->toolTip().contains(QStringLiteral("spaces")));
        dialog.setName(QString());
        QVERIFY(child<QPushButton>(&dialog, "saveButton")
                    ->toolTip()
                    .contains(QStringLiteral("Enter the connector's name")));
        dialog.save();
        QTest::qWait(200);
        QVERIFY(!worker.received("POST /connectors"));
        // A worker that refuses the validation itself: said, nothing created.
        dialog.setName(QStringLiteral("new-one"));
        QVERIFY(dialog.setPlugin(QStringLiteral("FileStreamSourceConnector")));
        worker.mode = ScriptedWorker::Mode::ServerError;
        dialog.save();
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("HTTP 500")), qPrintable(dialog.message()));
        QVERIFY(!worker.received("POST /connectors"));
    }

    void aFileSourceIsCreatedAndEditedThroughTheFormAndItsLinesArrive()
    {
        REQUIRE_REAL_WORKER();
        connect::ConnectEndpoint worker;
        worker.url = QUrl(realWorker());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("in.txt"));
        QVERIFY(writeFile(file, "alpha\nbeta\ngamma\n"));
        const QString name = unique("form-src");
        const QString topic = unique("form-lines");
        FakeCluster cluster;
        cluster.connectTo(profile({ worker }));
        connect::ConnectClient client(worker);
        {
            ConnectorEditorDialog dialog(&client, &cluster, ConnectorEditorDialog::Mode::Create);
            QTRY_VERIFY_WITH_TIMEOUT(
                dialog.plugins().contains(QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceConnector")),
                kWorkerMs);
            dialog.setName(name);
            QVERIFY(dialog.setPlugin(QStringLiteral("FileStreamSourceConnector")));
            // The form is the plugin's: its own settings in its own groups, and the required ones' errors inline.
            QTRY_VERIFY_WITH_TIMEOUT(dialog.fieldNames().contains(QStringLiteral("topic")), kWorkerMs);
            QVERIFY(dialog.fieldNames().contains(QStringLiteral("file")));
            QVERIFY(dialog.fieldNames().contains(QStringLiteral("tasks.max")));
            QVERIFY(!dialog.groupOf(QStringLiteral("tasks.max")).isEmpty());
            QVERIFY2(
                dialog.fieldError(QStringLiteral("topic")).contains(QStringLiteral("Missing required configuration")),
                qPrintable(dialog.fieldError(QStringLiteral("topic"))));
            QVERIFY(!dialog.canSave());
            dialog.save(); // refused by the validation: nothing created
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isValidating(), kWorkerMs);
            QTest::qWait(300);
            const auto before = await<QList<connect::ConnectorInfo>>([&](auto done) { client.connectors(done); });
            QVERIFY(before && before->ok());
            for (const auto& c : *before->value)
                QVERIFY(c.name != name);
            test::saveScreenshot(&dialog, QStringLiteral("connect-editor-errors.png"));

            dialog.setValue(QStringLiteral("file"), file);
            dialog.setValue(QStringLiteral("topic"), topic);
            dialog.setValue(QStringLiteral("tasks.max"), QStringLiteral("many"));
            dialog.setValue(QStringLiteral("topic.creation.default.partitions"), QStringLiteral("1"));
            dialog.setValue(QStringLiteral("topic.creation.default.replication.factor"), QStringLiteral("1"));
            dialog.validateNow();
            QTRY_VERIFY_WITH_TIMEOUT(
                dialog.fieldError(QStringLiteral("tasks.max")).contains(QStringLiteral("Invalid value")), kWorkerMs);
            QVERIFY(dialog.fieldError(QStringLiteral("topic")).isEmpty());
            dialog.setValue(QStringLiteral("tasks.max"), QStringLiteral("1"));
            dialog.validateNow();
            QTRY_VERIFY_WITH_TIMEOUT(dialog.canSave(), kWorkerMs);
            QSignalSpy saved(&dialog, &ConnectorEditorDialog::saved);
            dialog.save();
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWorkerMs);
            QCOMPARE(saved.first().first().toString(), name);
        }
        // Its three lines arrive in the topic.
        QTRY_COMPARE_WITH_TIMEOUT(sourcePosition(client, name), 17, kWorkerMs); // "alpha\nbeta\ngamma\n" read
        QProcess consume;
        consume.start(QStringLiteral(KAFSCOPE_CLI_PATH),
            { QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("earliest"),
                QStringLiteral("--max"), QStringLiteral("3"), QStringLiteral("--json") });
        QVERIFY(consume.waitForFinished(kWorkerMs));
        const QByteArray lines = consume.readAllStandardOutput();
        QVERIFY2(consume.exitCode() == 0, consume.readAllStandardError().constData());
        QVERIFY2(lines.contains("alpha") && lines.contains("beta") && lines.contains("gamma"), lines.constData());

        // Edited through the same form: a bad value is refused before anything changes, a good one is applied.
        const auto listed = await<QList<connect::ConnectorInfo>>([&](auto done) { client.connectors(done); });
        QVERIFY(listed && listed->ok());
        connect::ConnectorInfo info;
        for (const auto& c : *listed->value)
            if (c.name == name)
                info = c;
        QCOMPARE(info.name, name);
        {
            ConnectorEditorDialog edit(&client, &cluster, ConnectorEditorDialog::Mode::Edit, info);
            QTRY_VERIFY_WITH_TIMEOUT(edit.fieldNames().contains(QStringLiteral("batch.size")), kWorkerMs);
            QCOMPARE(edit.value(QStringLiteral("file")), file);
            edit.setValue(QStringLiteral("batch.size"), QStringLiteral("lots"));
            edit.validateNow();
            QTRY_VERIFY_WITH_TIMEOUT(!edit.fieldError(QStringLiteral("batch.size")).isEmpty(), kWorkerMs);
            edit.save();
            QTRY_VERIFY_WITH_TIMEOUT(!edit.isValidating(), kWorkerMs);
            QVERIFY(!edit.canSave());
            edit.setValue(QStringLiteral("batch.size"), QStringLiteral("100"));
            QSignalSpy saved(&edit, &ConnectorEditorDialog::saved);
            edit.save();
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWorkerMs);
        }
        const auto config = await<QMap<QString, QString>>([&](auto done) { client.connectorConfig(name, done); });
        QVERIFY(config && config->ok());
        QCOMPARE(config->value->value(QStringLiteral("batch.size")), QStringLiteral("100"));
        QCOMPARE(config->value->value(QStringLiteral("file")), file);
        await<bool>([&](auto done) { client.remove(name, done); });
    }

    void readOnlyOffsetsAreReadButNeverChanged()
    {
        ScriptedWorker worker;
        FakeCluster cluster;
        cluster.connectTo(profile({ worker.endpoint() }, true));
        connect::ConnectClient client(worker.endpoint());
        connect::ConnectorInfo info;
        info.name = QStringLiteral("file-demo");
        info.type = QStringLiteral("source");
        info.state = QStringLiteral("RUNNING");
        ConnectorOffsetsDialog dialog(&client, &cluster, info);
        QTRY_VERIFY(dialog.isLoaded());
        QCOMPARE(dialog.shownOffsets().size(), 1);
        QCOMPARE(dialog.shownOffsets().first().second, QStringLiteral("{\"position\":54}"));
        QVERIFY(!child<QPushButton>(&dialog, "resetButton")->isEnabled());
        dialog.resetAll();
        dialog.setOffsetText(0, QStringLiteral("{\"position\":0}"));
        dialog.applyEdits();
        dialog.applyEdits();
        QTest::qWait(200);
        QVERIFY2(dialog.message().contains(QStringLiteral("read-only")), qPrintable(dialog.message()));
        for (const auto& r : worker.server.requests)
            QVERIFY2(r.startsWith("GET "), r.constData());
    }

    void offsetsAreAlteredAndResetAfterAPreviewThatStopsTheConnectorFirst()
    {
        REQUIRE_REAL_WORKER();
        connect::ConnectEndpoint worker;
        worker.url = QUrl(realWorker());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("in.txt"));
        QVERIFY(writeFile(file, "alpha\nbeta\n"));
        const QString name = unique("offsets-src");
        const QString topic = unique("offsets-lines");
        connect::ConnectClient client(worker);
        QVERIFY(createFileSource(client, name, file, topic));
        const auto position = [&] { return sourcePosition(client, name); };
        QTRY_COMPARE_WITH_TIMEOUT(position(), 11, kWorkerMs); // both lines read ("alpha\nbeta\n")

        FakeCluster cluster;
        cluster.connectTo(profile({ worker }));
        connect::ConnectorInfo info;
        info.name = name;
        info.type = QStringLiteral("source");
        info.state = QStringLiteral("RUNNING");
        ConnectorOffsetsDialog dialog(&client, &cluster, info);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kWorkerMs);
        QCOMPARE(dialog.shownOffsets().size(), 1);
        QVERIFY2(dialog.shownOffsets().first().first.contains(file), qPrintable(dialog.shownOffsets().first().first));
        QCOMPARE(dialog.shownOffsets().first().second, QStringLiteral("{\"position\":11}"));

        // A bad edit is refused before anything is sent.
        dialog.setOffsetText(0, QStringLiteral("{position"));
        dialog.applyEdits();
        QVERIFY2(dialog.message().contains(QStringLiteral("not a JSON object")), qPrintable(dialog.message()));
        // Alter: the preview first (old -> new, and that the connector is stopped first); nothing changes yet.
        dialog.setOffsetText(0, QStringLiteral("{\"position\":6}"));
        dialog.applyEdits();
        QVERIFY2(dialog.preview().contains(QStringLiteral("{\"position\":11} → {\"position\":6}"))
                && dialog.preview().contains(QStringLiteral("KafScope stops %1 first").arg(name)),
            qPrintable(dialog.preview()));
        QCOMPARE(position(), 11);
        test::saveScreenshot(&dialog, QStringLiteral("connect-offsets-preview.png"));
        dialog.applyEdits();
        QTRY_VERIFY_WITH_TIMEOUT(
            !dialog.isBusy() && dialog.message().contains(QStringLiteral("The worker says")), kWorkerMs);
        QCOMPARE(dialog.state(), QStringLiteral("STOPPED"));
        QCOMPARE(position(), 6);

        // Reset all, after its preview.
        dialog.resetAll();
        QVERIFY2(dialog.preview().contains(QStringLiteral("starts over")), qPrintable(dialog.preview()));
        dialog.resetAll();
        QTRY_VERIFY_WITH_TIMEOUT(
            !dialog.isBusy() && dialog.message().contains(QStringLiteral("The worker says")), kWorkerMs);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.shownOffsets().isEmpty(), kWorkerMs);
        QCOMPARE(position(), -1);

        // Resumed, it reads its file from the start again: its lines are in the topic twice.
        dialog.resume();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.message().contains(QStringLiteral("resumes")), kWorkerMs);
        QTRY_COMPARE_WITH_TIMEOUT(position(), 11, kWorkerMs);
        QProcess consume;
        consume.start(QStringLiteral(KAFSCOPE_CLI_PATH),
            { QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("earliest"),
                QStringLiteral("--max"), QStringLiteral("4"), QStringLiteral("--json") });
        QVERIFY(consume.waitForFinished(kWorkerMs));
        const QByteArray lines = consume.readAllStandardOutput();
        QCOMPARE(lines.count("alpha"), 2);
        QCOMPARE(lines.count("beta"), 2);
        await<bool>([&](auto done) { client.remove(name, done); });
    }

    void theFileDemoTurnsAFileIntoATopicAndBackIntoAFile()
    {
        REQUIRE_REAL_WORKER();
        connect::ConnectEndpoint worker;
        worker.url = QUrl(realWorker());
        QDir(ConnectPage::fileDemoDir()).removeRecursively();
        FakeCluster cluster;
        ConnectPage page(&cluster);
        page.show();
        cluster.connectTo(profile({ worker }));
        auto* button = child<QPushButton>(&page, "fileDemoButton");
        QTRY_VERIFY(button->isVisible()); // the worker is on this machine
        QSignalSpy tail(&page, &ConnectPage::tailTopicRequested);
        button->click();
        QVERIFY(page.isFileDemoRunning());
        QVERIFY(button->text().contains(QStringLiteral("Stop")));
        // The Live tab is asked for once the source has written to the topic.
        QTRY_COMPARE_WITH_TIMEOUT(tail.count(), 1, kWorkerMs);
        QCOMPARE(tail.first().first().toString(), ConnectPage::fileDemoTopic());
        QTRY_VERIFY_WITH_TIMEOUT(
            page.connectorModel()->rowOf(worker.displayUrl(), QStringLiteral("kafscope-demo-sink")) >= 0, kWorkerMs);
        // Through the topic and the sink, the lines come out in the other file.
        const auto sinkHas = [](const QByteArray& text) {
            QFile f(ConnectPage::fileDemoDir() + QStringLiteral("/output.txt"));
            return f.open(QIODevice::ReadOnly) && f.readAll().contains(text);
        };
        QTRY_VERIFY_WITH_TIMEOUT(sinkHas("line 2 at"), kWorkerMs);
        button->click();
        QVERIFY(!page.isFileDemoRunning());
        QVERIFY(page.listStatusText().contains(QStringLiteral("File demo stopped")));
        connect::ConnectClient client(worker);
        await<bool>([&](auto done) { client.remove(QStringLiteral("kafscope-demo-source"), done); });
        await<bool>([&](auto done) { client.remove(QStringLiteral("kafscope-demo-sink"), done); });
    }

    void aRealConnectorIsListedPausedResumedStoppedRestartedAndDeleted()
    {
        REQUIRE_REAL_WORKER();
        connect::ConnectEndpoint worker;
        worker.url = QUrl(realWorker());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("in.txt"));
        QVERIFY(writeFile(file, "one\ntwo\nthree\n"));
        const QString name = unique("page-src");
        const QString topic = unique("page-lines");
        connect::ConnectClient client(worker);
        QVERIFY(createFileSource(client, name, file, topic));

        FakeCluster cluster;
        ConnectPage page(&cluster);
        page.resize(1300, 760);
        page.show();
        cluster.connectTo(profile({ worker }));
        const QString url = worker.displayUrl();
        const auto reloadUntil = [&](const std::function<bool()>& pred) {
            QElapsedTimer t;
            t.start();
            while (!pred() && t.elapsed() < kWorkerMs) {
                page.reload();
                QTest::qWait(300);
            }
            return pred();
        };
        QVERIFY(reloadUntil([&] {
            const auto* row = page.connectorModel()->row(page.connectorModel()->rowOf(url, name));
            return row && row->info.state == QLatin1String("RUNNING") && row->info.runningTasks() == 1;
        }));
        QCOMPARE(page.clusterModel()->index(0, ConnectClusterModel::VersionColumn).data().toString().isEmpty(), false);
        QVERIFY(page.selectConnector(name, url));
        QCOMPARE(page.connectorModel()
                     ->index(page.connectorModel()->rowOf(url, name), ConnectorModel::TypeColumn)
                     .data()
                     .toString(),
            QStringLiteral("source"));
        // Its topic, once it has produced to it (Connect tracks the topics a connector uses).
        QVERIFY2(reloadUntil([&] { return page.topicsText().contains(topic + QStringLiteral(" (tail)")); }),
            qPrintable(page.topicsText()));
        QCOMPARE(page.shownConfig().value(QStringLiteral("file")), file);
        test::saveScreenshot(&page, QStringLiteral("connect-page-real.png"));

        page.pauseSelected();
        QVERIFY(reloadUntil([&] { return stateOf(page, url, name) == QLatin1String("PAUSED"); }));
        QVERIFY(child<QPushButton>(&page, "resumeButton")->isEnabled());
        page.resumeSelected();
        QVERIFY(reloadUntil([&] { return stateOf(page, url, name) == QLatin1String("RUNNING"); }));
        page.stopSelected();
        QVERIFY(reloadUntil([&] { return stateOf(page, url, name) == QLatin1String("STOPPED"); }));
        QVERIFY(page.detailInfoText().contains(QStringLiteral("Its offsets can be read and reset now")));
        page.resumeSelected();
        QVERIFY(reloadUntil([&] { return stateOf(page, url, name) == QLatin1String("RUNNING"); }));
        page.restartSelected(false);
        QTRY_VERIFY_WITH_TIMEOUT(page.detailStatusText().contains(QStringLiteral("the worker accepted it")), kWorkerMs);
        QVERIFY(reloadUntil([&] { return stateOf(page, url, name) == QLatin1String("RUNNING"); }));

        // Delete through the page's dialog, as a user: the name typed out.
        bool typed = false;
        QTimer::singleShot(0, &page, [&] {
            auto* dialog = qobject_cast<DeleteConnectorDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->setConfirmation(name);
            typed = dialog->canDelete();
            dialog->deleteNow();
        });
        page.showDeleteDialog();
        QVERIFY(typed);
        QVERIFY(reloadUntil([&] { return page.connectorModel()->rowOf(url, name) < 0; }));
        QVERIFY(page.detailStatusText().isEmpty() || page.detailStatusText().contains(QStringLiteral("Deleted")));
    }

    void theBasicAuthWorkerTakesTheProfilesUserAndSaysWhenItsWrong()
    {
        REQUIRE_REAL_WORKER();
        const QString auth = qEnvironmentVariable("KAFSCOPE_CONNECT_AUTH");
        QVERIFY2(!auth.isEmpty(), "KAFSCOPE_CONNECT_AUTH is not set beside KAFSCOPE_CONNECT");
        connect::ConnectEndpoint worker;
        worker.url = QUrl(auth);
        worker.user = QStringLiteral("connect-admin");
        worker.password = QStringLiteral("connect-secret");
        FakeCluster cluster;
        ConnectPage page(&cluster);
        page.show();
        cluster.connectTo(profile({ worker }));
        QTRY_VERIFY_WITH_TIMEOUT(
            !page.clusterModel()->index(0, ConnectClusterModel::VersionColumn).data().toString().isEmpty(), kWorkerMs);
        QVERIFY(page.listStatusText().isEmpty());
        worker.password = QStringLiteral("wrong");
        cluster.connectTo(profile({ worker }));
        QTRY_VERIFY_WITH_TIMEOUT(page.listStatusText().contains(QStringLiteral("HTTP 401")), kWorkerMs);
    }

    void aRealWorkerGoingAwayMidSessionIsSaidAndItsReturnRecovers()
    {
        REQUIRE_REAL_WORKER();
        // In front of the real worker: Refuse closes the proxy and every connection through it (the worker is gone,
        // as far as the page can tell), Relay opens it again on the same port.
        itest::TcpProxy proxy(0, QUrl(realWorker()).port());
        QVERIFY2(proxy.error().empty(), proxy.error().c_str());
        connect::ConnectEndpoint worker;
        worker.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()));
        worker.timeoutMs = 5000;
        // A connector of its own, so the list is not empty whatever else runs.
        const QString name = unique("page-gone");
        connect::ConnectClient client(worker);
        QTemporaryDir dir;
        QVERIFY(createFileSource(client, name, dir.filePath(QStringLiteral("none.txt")), unique("page-gone")));
        FakeCluster cluster;
        ConnectPage page(&cluster);
        page.show();
        QSignalSpy reloaded(&page, &ConnectPage::reloaded);
        page.setEndpoints({ worker });
        const QString url = worker.displayUrl();
        QTRY_VERIFY_WITH_TIMEOUT(page.connectorModel()->rowOf(url, name) >= 0, kWorkerMs);

        proxy.setMode(itest::TcpProxy::Mode::Refuse);
        reloaded.clear();
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(reloaded.count() >= 1, kWorkerMs);
        QVERIFY2(
            page.listStatusText().contains(QStringLiteral("cannot be reached")), qPrintable(page.listStatusText()));
        const int row = page.connectorModel()->rowOf(url, name);
        QVERIFY(row >= 0);
        QVERIFY(page.connectorModel()
                    ->index(row, ConnectorModel::StateColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("(last known)")));

        proxy.setMode(itest::TcpProxy::Mode::Relay);
        QVERIFY2(proxy.error().empty(), proxy.error().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                page.reload();
                return page.listStatusText().isEmpty();
            }(),
            kWorkerMs);
        QVERIFY(!page.connectorModel()->row(page.connectorModel()->rowOf(url, name))->stale);
        await<bool>([&](auto done) { client.remove(name, done); });
    }
};

KAFSCOPE_UI_TEST_MAIN(TestConnectPage)
#include "test_connectpage.moc"
