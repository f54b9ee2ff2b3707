#pragma once
// Kafka Connect answers recorded from a real worker, and a scripted HTTP server that plays a worker (errors, garbage,
// silence, a worker going down and coming back): shared by the REST client's unit tests and the Connect page's.
#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <functional>
#include <optional>

namespace kafscope::test::connect_fixtures {

// Recorded from Kafka Connect 4.1.2 (tests/cluster/kafka-cluster.sh start-connect).
inline const QByteArray kRoot
    = R"({"version":"4.1.2","commit":"c82fd9b934b4c1e6","kafka_cluster_id":"Qnz3rJq9ThGIieBqVv7MMw"})";
inline const QByteArray kConnectors
    = R"json({"file-demo":{"status":{"name":"file-demo","connector":{"state":"RUNNING","worker_id":"127.0.0.1:19512","version":"4.1.2"},"tasks":[{"id":0,"state":"RUNNING","worker_id":"127.0.0.1:19512","version":"4.1.2"}],"type":"source"},"info":{"name":"file-demo","config":{"connector.class":"org.apache.kafka.connect.file.FileStreamSourceConnector","file":"/tmp/helper-connect-demo.txt","topic.creation.default.partitions":"1","tasks.max":"1","topic.creation.default.replication.factor":"1","name":"file-demo","topic":"connect-test"},"tasks":[{"connector":"file-demo","task":0}],"type":"source"}},
"broken":{"status":{"name":"broken","connector":{"state":"RUNNING","worker_id":"w1"},"tasks":[{"id":0,"state":"FAILED","worker_id":"w2","trace":"org.apache.kafka.connect.errors.ConnectException: file not found\n\tat Foo.bar(Foo.java:1)"}],"type":"sink"},"info":{"name":"broken","config":{},"tasks":[],"type":"sink"}}})json";
inline const QByteArray kPlugins
    = R"([{"class":"org.apache.kafka.connect.file.FileStreamSinkConnector","type":"sink","version":"4.1.2"},{"class":"org.apache.kafka.connect.file.FileStreamSourceConnector","type":"source","version":"4.1.2"}])";
inline const QByteArray kOffsets
    = R"({"offsets":[{"partition":{"filename":"/tmp/helper-connect-demo.txt"},"offset":{"position":54}}]})";
inline const QByteArray kValidation
    = R"({"name":"org.apache.kafka.connect.file.FileStreamSourceConnector","error_count":1,"groups":["Common"],
"configs":[{"definition":{"name":"topic","type":"STRING","required":true,"default_value":null,"importance":"HIGH","documentation":"The topic to publish data to","group":null,"order":-1,"display_name":"topic"},"value":{"name":"topic","value":null,"recommended_values":[],"errors":["Missing required configuration \"topic\" which has no default value."],"visible":true}},
{"definition":{"name":"db.password","type":"PASSWORD","required":false,"default_value":null,"importance":"HIGH","documentation":"","group":"Common","order":2,"display_name":"Password"},"value":{"name":"db.password","value":"[hidden]","recommended_values":[],"errors":[],"visible":true}},
{"definition":{"name":"tasks.max","type":"INT","required":false,"default_value":"1","importance":"HIGH","documentation":"Maximum number of tasks","group":"Common","order":3,"display_name":"Tasks max"},"value":{"name":"tasks.max","value":"1","recommended_values":[],"errors":[],"visible":true}}]})";

inline QJsonDocument doc(const QByteArray& json)
{
    return QJsonDocument::fromJson(json);
}

// An HTTP server on loopback that answers each request with what `answer` gives (nullopt: say nothing, keep the
// connection). stop() closes it (connections refused from then on, as with a worker that is down); start() listens
// again on the same port.
class ScriptedHttp : public QObject
{
public:
    using Answer = std::function<std::optional<QByteArray>(const QByteArray& requestLine, const QByteArray& headers)>;
    explicit ScriptedHttp(Answer answer)
        : m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        m_port = m_server.serverPort();
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    QByteArray& buffer = m_buffers[s];
                    buffer += s->readAll();
                    const qsizetype end = buffer.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer.left(end);
                    buffer.clear(); // a body (POST, PUT) is not looked at
                    lastRequest = head.left(head.indexOf("\r\n"));
                    lastHeaders = head;
                    requests << lastRequest;
                    if (auto reply = m_answer(lastRequest, head)) {
                        s->write(*reply);
                        s->disconnectFromHost();
                    }
                });
                connect(s, &QTcpSocket::disconnected, s, [this, s] {
                    m_buffers.remove(s);
                    s->deleteLater();
                });
            }
        });
    }
    ~ScriptedHttp() override
    {
        // Its sockets (children of m_server, destroyed after m_buffers) would say "disconnected" on their way out, into
        // the lambda above that touches m_buffers: ASan caught that use after free. They go first, silently.
        for (auto* s : m_server.findChildren<QTcpSocket*>()) {
            s->disconnect();
            delete s;
        }
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    void stop()
    {
        m_server.close();
        for (auto* s : m_server.findChildren<QTcpSocket*>())
            s->abort();
    }
    bool start() { return m_server.isListening() || m_server.listen(QHostAddress::LocalHost, m_port); }
    QByteArray lastRequest;
    QByteArray lastHeaders;
    QList<QByteArray> requests;

private:
    Answer m_answer;
    QTcpServer m_server;
    quint16 m_port = 0;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

inline QByteArray http(int status, const QByteArray& body, const QByteArray& reason = "X")
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace kafscope::test::connect_fixtures
