#pragma once
// Kafka Connect's REST API (the worker's HTTP/JSON interface): value structs, their decoders (pure functions over the
// JSON a worker answers, tested on recorded answers), and ConnectClient, which sends the requests with Qt Network,
// asynchronously: every call answers once, on the client's thread, with a value or a ConnectError that says what
// happened in words (unreachable, timed out, refused with the worker's own message, or an answer that is not what
// the API promises). Basic auth and TLS where the worker has them.
#include "kafka/connect/endpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace kafscope::connect {

struct ConnectError
{
    enum class Kind { None, Unreachable, Timeout, Refused, Garbage };
    Kind kind = Kind::None;
    int httpStatus = 0; // Refused: the worker's HTTP status
    QString message; // a sentence naming the worker
};

template <typename T> struct ConnectResult
{
    std::optional<T> value;
    ConnectError error;
    bool ok() const { return value.has_value(); }
    static ConnectResult failure(ConnectError e) { return { std::nullopt, std::move(e) }; }
};

struct WorkerInfo
{
    QString version;
    QString commit;
    QString kafkaClusterId;
    bool operator==(const WorkerInfo&) const = default;
};

struct TaskStatus
{
    int id = 0;
    QString state; // RUNNING, FAILED, PAUSED, UNASSIGNED, RESTARTING
    QString workerId;
    QString trace; // FAILED: the Java stack trace the worker keeps
    bool operator==(const TaskStatus&) const = default;
};

struct ConnectorInfo
{
    QString name;
    QString type; // source, sink
    QString state; // RUNNING, FAILED, PAUSED, STOPPED, UNASSIGNED, RESTARTING
    QString workerId;
    QString trace;
    QList<TaskStatus> tasks;
    QMap<QString, QString> config;
    int failedTasks() const;
    int runningTasks() const;
    bool operator==(const ConnectorInfo&) const = default;
};

struct PluginInfo
{
    QString className;
    QString type; // source, sink (also converter, transformation, ... with connectorsOnly=false)
    QString version;
};

// One field of the validate endpoint's answer: the plugin's definition and the value's errors.
struct ConfigField
{
    QString name;
    QString type; // STRING, INT, LONG, DOUBLE, BOOLEAN, LIST, CLASS, PASSWORD
    QString group;
    QString displayName;
    QString documentation;
    QString defaultValue;
    QString importance;
    bool required = false;
    int order = 0;
    QString value;
    QStringList errors;
    QStringList recommendedValues; // what the plugin suggests (e.g. the values of an enum-like setting)
    bool visible = true; // false: irrelevant with the other values given
    bool isPassword() const { return type == QLatin1String("PASSWORD"); }
};

struct Validation
{
    QString connectorClass;
    int errorCount = 0;
    QList<ConfigField> fields;
    // "file: Missing required configuration..." for every field with errors.
    QStringList fieldErrors() const;
};

struct ConnectorOffsets
{
    struct Entry
    {
        QJsonObject partition; // as the connector keys it (a file name, a table, a topic-partition)
        QJsonObject offset;
    };
    QList<Entry> offsets;
};

// Decoders: a value, or nullopt with *error saying what does not fit.
std::optional<WorkerInfo> decodeWorkerInfo(const QJsonDocument& doc, QString* error);
std::optional<QList<ConnectorInfo>> decodeConnectors(const QJsonDocument& doc, QString* error); // ?expand=status&info
std::optional<QList<PluginInfo>> decodePlugins(const QJsonDocument& doc, QString* error);
std::optional<Validation> decodeValidation(const QJsonDocument& doc, QString* error);
std::optional<ConnectorOffsets> decodeOffsets(const QJsonDocument& doc, QString* error);
std::optional<QStringList> decodeConnectorTopics(const QString& connector, const QJsonDocument& doc, QString* error);
// A Java stack trace in one sentence: its exception and message, and the root cause (the last "Caused by:") when
// there is one, without the package names: "ConnectException: file not found (root cause: NoSuchFileException:
// /tmp/in.txt)".
QString traceSummary(const QString& trace);
// Whether a setting's name says it holds a secret (password, secret, token, credentials, a JAAS config).
bool looksSecret(const QString& key);
// The value with PASSWORD-typed settings, and those whose names look secret, masked (for display and JSON output).
QMap<QString, QString> maskedConfig(const QMap<QString, QString>& config, const QList<ConfigField>& definitions);

class ConnectClient : public QObject
{
    Q_OBJECT
public:
    explicit ConnectClient(ConnectEndpoint endpoint, QObject* parent = nullptr);
    ~ConnectClient() override;

    const ConnectEndpoint& endpoint() const { return m_endpoint; }

    template <typename T> using Done = std::function<void(const ConnectResult<T>&)>;
    void workerInfo(Done<WorkerInfo> done);
    void connectors(Done<QList<ConnectorInfo>> done);
    void plugins(Done<QList<PluginInfo>> done);
    void validate(const QString& connectorClass, const QMap<QString, QString>& config, Done<Validation> done);
    void create(const QString& name, const QMap<QString, QString>& config, Done<ConnectorInfo> done);
    void connectorConfig(const QString& name, Done<QMap<QString, QString>> done);
    void putConfig(const QString& name, const QMap<QString, QString>& config, Done<ConnectorInfo> done);
    // PUT pause / resume / stop (Kafka 3.5+): accepted (202) means the worker will do it.
    void pause(const QString& name, Done<bool> done);
    void resume(const QString& name, Done<bool> done);
    void stop(const QString& name, Done<bool> done);
    // The connector and its tasks, or only those that failed (KIP-745).
    void restart(const QString& name, bool onlyFailed, Done<bool> done);
    // One task (POST /connectors/NAME/tasks/ID/restart).
    void restartTask(const QString& name, int task, Done<bool> done);
    void remove(const QString& name, Done<bool> done);
    void offsets(const QString& name, Done<ConnectorOffsets> done);
    // DELETE offsets (KIP-875): the connector must be stopped.
    void resetOffsets(const QString& name, Done<QString> done);
    // PATCH offsets (KIP-875): the given partitions' offsets replaced (a null offset removes one); stopped only.
    void alterOffsets(const QString& name, const ConnectorOffsets& offsets, Done<QString> done);
    void topics(const QString& name, Done<QStringList> done);

    // One request: `done` gets the parsed JSON (an empty document for 204 No Content) or the error.
    void send(const QByteArray& method, const QString& path, const QJsonDocument& body,
        std::function<void(const ConnectResult<QJsonDocument>&)> done);

private:
    template <typename T>
    void get(const QString& path, std::function<std::optional<T>(const QJsonDocument&, QString*)> decode, Done<T> done);
    void action(const QByteArray& method, const QString& path, Done<bool> done);

    ConnectEndpoint m_endpoint;
    QNetworkAccessManager* m_manager;
};

} // namespace kafscope::connect
