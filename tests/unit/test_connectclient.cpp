// The Kafka Connect REST client (kafka/connect/connectclient.h): its decoders on answers recorded from a real Kafka
// 4.1.2 worker, and the client against a scripted HTTP server on loopback that answers errors, garbage, or nothing.
#include "connectfixtures.h"
#include "kafka/connect/connectclient.h"
#include "waitfor.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::connect;
using kafscope::test::waitUntil;
using namespace kafscope::test::connect_fixtures;

namespace {

template <typename T, typename Call> ConnectResult<T> call(Call c)
{
    std::optional<ConnectResult<T>> r;
    c([&](const ConnectResult<T>& result) { r = result; });
    EXPECT_TRUE(waitUntil([&] { return r.has_value(); }, 20000));
    return r.value_or(ConnectResult<T>::failure({ ConnectError::Kind::Timeout, 0, QStringLiteral("no answer") }));
}

} // namespace

TEST(ConnectDecoders, RecordedAnswersOfARealWorker)
{
    QString error;
    const auto root = decodeWorkerInfo(doc(kRoot), &error);
    ASSERT_TRUE(root) << error.toStdString();
    EXPECT_EQ(root->version, QStringLiteral("4.1.2"));
    EXPECT_EQ(root->kafkaClusterId, QStringLiteral("Qnz3rJq9ThGIieBqVv7MMw"));

    const auto connectors = decodeConnectors(doc(kConnectors), &error);
    ASSERT_TRUE(connectors) << error.toStdString();
    ASSERT_EQ(connectors->size(), 2);
    const ConnectorInfo& broken = connectors->at(0); // sorted by name
    EXPECT_EQ(broken.name, QStringLiteral("broken"));
    EXPECT_EQ(broken.type, QStringLiteral("sink"));
    EXPECT_EQ(broken.failedTasks(), 1);
    EXPECT_TRUE(broken.tasks[0].trace.startsWith(QStringLiteral("org.apache.kafka.connect.errors.ConnectException")));
    const ConnectorInfo& demo = connectors->at(1);
    EXPECT_EQ(demo.state, QStringLiteral("RUNNING"));
    EXPECT_EQ(demo.workerId, QStringLiteral("127.0.0.1:19512"));
    ASSERT_EQ(demo.tasks.size(), 1);
    EXPECT_EQ(demo.tasks[0].state, QStringLiteral("RUNNING"));
    EXPECT_EQ(demo.config.value(QStringLiteral("topic")), QStringLiteral("connect-test"));

    const auto plugins = decodePlugins(doc(kPlugins), &error);
    ASSERT_TRUE(plugins);
    ASSERT_EQ(plugins->size(), 2);
    EXPECT_EQ(plugins->at(1).type, QStringLiteral("source"));

    const auto offsets = decodeOffsets(doc(kOffsets), &error);
    ASSERT_TRUE(offsets);
    ASSERT_EQ(offsets->offsets.size(), 1);
    EXPECT_EQ(offsets->offsets[0].offset.value(QStringLiteral("position")).toInt(), 54);

    const auto v = decodeValidation(doc(kValidation), &error);
    ASSERT_TRUE(v) << error.toStdString();
    EXPECT_EQ(v->errorCount, 1);
    EXPECT_EQ(v->fieldErrors(),
        QStringList { QStringLiteral("topic: Missing required configuration \"topic\" which has no default value.") });
    ASSERT_EQ(v->fields.size(), 3);
    EXPECT_TRUE(v->fields[0].required);
    EXPECT_TRUE(v->fields[1].isPassword());
    EXPECT_EQ(v->fields[2].defaultValue, QStringLiteral("1"));
    // PASSWORD settings are masked wherever they are shown.
    const auto masked = maskedConfig({ { QStringLiteral("db.password"), QStringLiteral("hunter2") },
                                         { QStringLiteral("tasks.max"), QStringLiteral("2") } },
        v->fields);
    EXPECT_EQ(masked.value(QStringLiteral("db.password")), QStringLiteral("********"));
    EXPECT_EQ(masked.value(QStringLiteral("tasks.max")), QStringLiteral("2"));

    // What does not fit is named, never taken for an empty list.
    EXPECT_FALSE(decodeConnectors(doc("[]"), &error));
    EXPECT_FALSE(decodePlugins(doc("{}"), &error));
    EXPECT_FALSE(decodeWorkerInfo(doc(R"({"versio":"1"})"), &error));
    EXPECT_FALSE(decodeValidation(doc(R"({"error_count":0})"), &error));
    EXPECT_FALSE(decodeOffsets(doc(R"({"offset":[]})"), &error));
}

TEST(ConnectClientHttp, ErrorsGarbageSilenceAndBasicAuthAreToldApart)
{
    int mode = 0;
    ScriptedHttp server([&](const QByteArray& line, const QByteArray&) -> std::optional<QByteArray> {
        switch (mode) {
        case 0:
            return http(200, kRoot, "OK");
        case 1:
            return http(409, R"({"error_code":409,"message":"Connector foo already exists"})", "Conflict");
        case 2:
            return http(200, "<html>not json</html>", "OK");
        case 3:
            return std::nullopt; // silence
        case 4:
            return http(500, "Internal Server Error (no JSON)", "Server Error");
        default:
            return http(204, "", "No Content");
        }
        Q_UNUSED(line);
    });
    ConnectEndpoint endpoint { server.url(), QStringLiteral("connect-admin"), QStringLiteral("s3cret"), {}, 800 };
    ConnectClient client(endpoint);

    auto info = call<WorkerInfo>([&](auto done) { client.workerInfo(done); });
    ASSERT_TRUE(info.ok()) << info.error.message.toStdString();
    EXPECT_EQ(info.value->version, QStringLiteral("4.1.2"));
    EXPECT_EQ(server.lastRequest, "GET / HTTP/1.1");
    EXPECT_TRUE(server.lastHeaders.contains("Authorization: Basic " + QByteArray("connect-admin:s3cret").toBase64()));

    mode = 1;
    auto created = call<ConnectorInfo>([&](auto done) { client.create(QStringLiteral("foo"), {}, done); });
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error.kind, ConnectError::Kind::Refused);
    EXPECT_EQ(created.error.httpStatus, 409);
    EXPECT_TRUE(created.error.message.contains(QStringLiteral("refused POST /connectors (HTTP 409): Connector foo "
                                                              "already exists")))
        << created.error.message.toStdString();

    mode = 2;
    auto list = call<QList<ConnectorInfo>>([&](auto done) { client.connectors(done); });
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.error.kind, ConnectError::Kind::Garbage);
    EXPECT_TRUE(list.error.message.contains(QStringLiteral("not JSON"))) << list.error.message.toStdString();

    mode = 3;
    list = call<QList<ConnectorInfo>>([&](auto done) { client.connectors(done); });
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.error.kind, ConnectError::Kind::Timeout);
    EXPECT_TRUE(list.error.message.contains(QStringLiteral("did not answer GET /connectors within 0.8 s")))
        << list.error.message.toStdString();

    mode = 4;
    auto plugins = call<QList<PluginInfo>>([&](auto done) { client.plugins(done); });
    ASSERT_FALSE(plugins.ok());
    EXPECT_EQ(plugins.error.httpStatus, 500);
    EXPECT_TRUE(plugins.error.message.contains(QStringLiteral("Internal Server Error (no JSON)")));

    mode = 5; // 204 No Content: done
    auto removed = call<bool>([&](auto done) { client.remove(QStringLiteral("a b/c"), done); });
    ASSERT_TRUE(removed.ok()) << removed.error.message.toStdString();
    EXPECT_EQ(server.lastRequest, "DELETE /connectors/a%20b%2Fc HTTP/1.1");

    // Nothing listens: unreachable, not a timeout.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    ConnectClient nowhere({ QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)) });
    info = call<WorkerInfo>([&](auto done) { nowhere.workerInfo(done); });
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.error.kind, ConnectError::Kind::Unreachable);
    EXPECT_TRUE(info.error.message.contains(QStringLiteral("cannot be reached"))) << info.error.message.toStdString();
}

TEST(ConnectDecoders, TracesInOneSentenceAndSecretsMasked)
{
    const QString trace = QStringLiteral(
        "org.apache.kafka.connect.errors.ConnectException: Couldn't find or create file '/x/out.txt'\n"
        "\tat org.apache.kafka.connect.file.FileStreamSinkTask.start(FileStreamSinkTask.java:80)\n"
        "Caused by: java.io.IOException: wrapper\n\tat A.b(A.java:1)\n"
        "Caused by: java.nio.file.NoSuchFileException: /x/out.txt\n\tat B.c(B.java:2)\n\t... 12 more\n");
    EXPECT_EQ(traceSummary(trace),
        QStringLiteral("ConnectException: Couldn't find or create file '/x/out.txt' (root cause: "
                       "NoSuchFileException: /x/out.txt)"));
    EXPECT_EQ(traceSummary(QStringLiteral("java.lang.NullPointerException\n\tat X.y(X.java:3)")),
        QStringLiteral("NullPointerException"));
    EXPECT_EQ(traceSummary(QString()), QString());

    QString error;
    const auto validation = decodeValidation(doc(kValidation), &error);
    ASSERT_TRUE(validation) << error.toStdString();
    const QMap<QString, QString> config { { QStringLiteral("db.password"), QStringLiteral("hunter2") },
        { QStringLiteral("producer.override.sasl.jaas.config"), QStringLiteral("... password=\"x\";") },
        { QStringLiteral("aws.secret.access.key"), QStringLiteral("AKIA") },
        { QStringLiteral("empty.password"), QString() }, { QStringLiteral("topic"), QStringLiteral("t") },
        { QStringLiteral("key.converter"), QStringLiteral("StringConverter") } };
    const auto masked = maskedConfig(config, validation->fields);
    EXPECT_EQ(masked.value(QStringLiteral("db.password")), QStringLiteral("********")); // PASSWORD-typed
    EXPECT_EQ(masked.value(QStringLiteral("producer.override.sasl.jaas.config")), QStringLiteral("********"));
    EXPECT_EQ(masked.value(QStringLiteral("aws.secret.access.key")), QStringLiteral("********"));
    EXPECT_EQ(masked.value(QStringLiteral("empty.password")), QString()); // nothing to hide: shown as unset
    EXPECT_EQ(masked.value(QStringLiteral("topic")), QStringLiteral("t"));
    EXPECT_EQ(masked.value(QStringLiteral("key.converter")), QStringLiteral("StringConverter"));
}
