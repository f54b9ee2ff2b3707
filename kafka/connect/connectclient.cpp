#include "kafka/connect/connectclient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace kafscope::connect {

namespace {

QString text(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                                 .toJson(QJsonDocument::Compact));
}

QMap<QString, QString> stringMap(const QJsonObject& o)
{
    QMap<QString, QString> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), text(it.value()));
    return out;
}

QJsonObject jsonObject(const QMap<QString, QString>& map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

std::optional<ConnectorInfo> decodeCreated(const QJsonDocument& doc, QString* error)
{
    if (!doc.isObject() || !doc.object().value(QStringLiteral("name")).isString()) {
        *error = QStringLiteral("a connector without a name");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    ConnectorInfo c;
    c.name = o.value(QStringLiteral("name")).toString();
    c.type = o.value(QStringLiteral("type")).toString();
    c.config = stringMap(o.value(QStringLiteral("config")).toObject());
    return c;
}

} // namespace

int ConnectorInfo::failedTasks() const
{
    int n = 0;
    for (const auto& t : tasks)
        n += t.state == QLatin1String("FAILED");
    return n;
}

QStringList Validation::fieldErrors() const
{
    QStringList out;
    for (const auto& f : fields) {
        for (const auto& e : f.errors)
            out << QStringLiteral("%1: %2").arg(f.name, e);
    }
    return out;
}

std::optional<WorkerInfo> decodeWorkerInfo(const QJsonDocument& doc, QString* error)
{
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o.value(QStringLiteral("version")).isString()) {
        *error = QStringLiteral("no \"version\" in the worker's answer to GET /");
        return std::nullopt;
    }
    return WorkerInfo { o.value(QStringLiteral("version")).toString(), o.value(QStringLiteral("commit")).toString(),
        o.value(QStringLiteral("kafka_cluster_id")).toString() };
}

std::optional<QList<ConnectorInfo>> decodeConnectors(const QJsonDocument& doc, QString* error)
{
    if (!doc.isObject()) {
        *error = QStringLiteral("GET /connectors?expand=status&expand=info did not answer an object");
        return std::nullopt;
    }
    QList<ConnectorInfo> out;
    const QJsonObject all = doc.object();
    for (auto it = all.begin(); it != all.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const QJsonObject info = entry.value(QStringLiteral("info")).toObject();
        const QJsonObject status = entry.value(QStringLiteral("status")).toObject();
        ConnectorInfo c;
        c.name = it.key();
        c.type = status.value(QStringLiteral("type")).toString(info.value(QStringLiteral("type")).toString());
        c.config = stringMap(info.value(QStringLiteral("config")).toObject());
        const QJsonObject connector = status.value(QStringLiteral("connector")).toObject();
        c.state = connector.value(QStringLiteral("state")).toString(QStringLiteral("UNKNOWN"));
        c.workerId = connector.value(QStringLiteral("worker_id")).toString();
        c.trace = connector.value(QStringLiteral("trace")).toString();
        for (const QJsonValue& tv : status.value(QStringLiteral("tasks")).toArray()) {
            const QJsonObject t = tv.toObject();
            c.tasks.append({ t.value(QStringLiteral("id")).toInt(), t.value(QStringLiteral("state")).toString(),
                t.value(QStringLiteral("worker_id")).toString(), t.value(QStringLiteral("trace")).toString() });
        }
        out.append(c);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

std::optional<QList<PluginInfo>> decodePlugins(const QJsonDocument& doc, QString* error)
{
    if (!doc.isArray()) {
        *error = QStringLiteral("GET /connector-plugins did not answer a list");
        return std::nullopt;
    }
    QList<PluginInfo> out;
    for (const QJsonValue& v : doc.array()) {
        const QJsonObject o = v.toObject();
        out.append({ o.value(QStringLiteral("class")).toString(), o.value(QStringLiteral("type")).toString(),
            o.value(QStringLiteral("version")).toString() });
    }
    return out;
}

std::optional<Validation> decodeValidation(const QJsonDocument& doc, QString* error)
{
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o.value(QStringLiteral("configs")).isArray()) {
        *error = QStringLiteral("no \"configs\" in the validate endpoint's answer");
        return std::nullopt;
    }
    Validation v;
    v.connectorClass = o.value(QStringLiteral("name")).toString();
    v.errorCount = o.value(QStringLiteral("error_count")).toInt();
    for (const QJsonValue& cv : o.value(QStringLiteral("configs")).toArray()) {
        const QJsonObject d = cv.toObject().value(QStringLiteral("definition")).toObject();
        const QJsonObject val = cv.toObject().value(QStringLiteral("value")).toObject();
        ConfigField f;
        f.name = d.value(QStringLiteral("name")).toString(val.value(QStringLiteral("name")).toString());
        f.type = d.value(QStringLiteral("type")).toString();
        f.group = d.value(QStringLiteral("group")).toString();
        f.displayName = d.value(QStringLiteral("display_name")).toString();
        f.documentation = d.value(QStringLiteral("documentation")).toString();
        f.defaultValue = text(d.value(QStringLiteral("default_value")));
        f.importance = d.value(QStringLiteral("importance")).toString();
        f.required = d.value(QStringLiteral("required")).toBool();
        f.order = d.value(QStringLiteral("order")).toInt();
        f.value = text(val.value(QStringLiteral("value")));
        for (const QJsonValue& e : val.value(QStringLiteral("errors")).toArray())
            f.errors << e.toString();
        for (const QJsonValue& r : val.value(QStringLiteral("recommended_values")).toArray())
            f.recommendedValues << text(r);
        f.visible = val.value(QStringLiteral("visible")).toBool(true);
        v.fields.append(f);
    }
    return v;
}

std::optional<ConnectorOffsets> decodeOffsets(const QJsonDocument& doc, QString* error)
{
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o.value(QStringLiteral("offsets")).isArray()) {
        *error = QStringLiteral("no \"offsets\" in the worker's answer");
        return std::nullopt;
    }
    ConnectorOffsets out;
    for (const QJsonValue& v : o.value(QStringLiteral("offsets")).toArray())
        out.offsets.append({ v.toObject().value(QStringLiteral("partition")).toObject(),
            v.toObject().value(QStringLiteral("offset")).toObject() });
    return out;
}

std::optional<QStringList> decodeConnectorTopics(const QString& connector, const QJsonDocument& doc, QString* error)
{
    const QJsonValue topics = doc.object().value(connector).toObject().value(QStringLiteral("topics"));
    if (!topics.isArray()) {
        *error = QStringLiteral("no topics of %1 in the worker's answer").arg(connector);
        return std::nullopt;
    }
    QStringList out;
    for (const QJsonValue& t : topics.toArray())
        out << t.toString();
    return out;
}

bool looksSecret(const QString& key)
{
    static const QRegularExpression secret(QStringLiteral("(password|passwd|secret|token|credential|jaas\\.config)"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(key).hasMatch();
}

QMap<QString, QString> maskedConfig(const QMap<QString, QString>& config, const QList<ConfigField>& definitions)
{
    QMap<QString, QString> out = config;
    for (const auto& d : definitions) {
        if (d.isPassword() && out.contains(d.name))
            out[d.name] = QStringLiteral("********");
    }
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (looksSecret(it.key()) && !it.value().isEmpty())
            it.value() = QStringLiteral("********");
    }
    return out;
}

QString traceSummary(const QString& trace)
{
    const QStringList lines = trace.split(QLatin1Char('\n'));
    const auto shortName = [](QString line) {
        line = line.trimmed();
        // "org.apache.kafka.connect.errors.ConnectException: msg" -> "ConnectException: msg"
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString type = colon < 0 ? line : line.left(colon);
        if (!type.contains(QLatin1Char(' ')))
            line = type.section(QLatin1Char('.'), -1) + (colon < 0 ? QString() : line.mid(colon));
        return line;
    };
    if (lines.isEmpty() || lines.first().trimmed().isEmpty())
        return {};
    QString summary = shortName(lines.first());
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = it->trimmed();
        if (line.startsWith(QLatin1String("Caused by: "))) {
            summary += QStringLiteral(" (root cause: %1)").arg(shortName(line.mid(11)));
            break;
        }
    }
    return summary;
}

int ConnectorInfo::runningTasks() const
{
    int n = 0;
    for (const auto& t : tasks)
        n += t.state == QLatin1String("RUNNING");
    return n;
}

ConnectClient::ConnectClient(ConnectEndpoint endpoint, QObject* parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_manager(new QNetworkAccessManager(this))
{ }

ConnectClient::~ConnectClient() = default;

void ConnectClient::send(const QByteArray& method, const QString& path, const QJsonDocument& body,
    std::function<void(const ConnectResult<QJsonDocument>&)> done)
{
    QUrl url = m_endpoint.url;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    // `path` is percent-encoded already (a connector's name may hold '/' or spaces).
    url.setPath(url.path(QUrl::FullyEncoded).chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path.left(q),
        QUrl::TolerantMode);
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_endpoint.timeoutMs);
    if (!m_endpoint.user.isEmpty())
        request.setRawHeader(
            "Authorization", "Basic " + (m_endpoint.user + QLatin1Char(':') + m_endpoint.password).toUtf8().toBase64());
    if (!m_endpoint.caFile.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_endpoint.caFile, QSsl::Pem));
        request.setSslConfiguration(tls);
    }
    QByteArray payload;
    if (!body.isNull()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = body.toJson(QJsonDocument::Compact);
    }
    QNetworkReply* reply = m_manager->sendCustomRequest(request, method, payload);
    const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path.left(q));
    const QString worker = m_endpoint.displayUrl();
    const int timeoutMs = m_endpoint.timeoutMs;
    connect(reply, &QNetworkReply::finished, this, [reply, what, worker, timeoutMs, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
        if (status == 0) {
            const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError
                || reply->error() == QNetworkReply::TimeoutError;
            done(ConnectResult<QJsonDocument>::failure(timedOut
                    ? ConnectError { ConnectError::Kind::Timeout, 0,
                        QStringLiteral("The Connect worker %1 did not answer %2 within %3 s.")
                            .arg(worker, what)
                            .arg(timeoutMs / 1000.0) }
                    : ConnectError { ConnectError::Kind::Unreachable, 0,
                        QStringLiteral("The Connect worker %1 cannot be reached: %2.")
                            .arg(worker, reply->errorString()) }));
            return;
        }
        QJsonParseError parse {};
        const QJsonDocument doc = data.trimmed().isEmpty() ? QJsonDocument() : QJsonDocument::fromJson(data, &parse);
        if (status >= 400) {
            // The worker's own words: {"error_code": 409, "message": "..."}.
            QString message = doc.object().value(QStringLiteral("message")).toString();
            if (message.isEmpty())
                message = status == 401 ? QStringLiteral("the worker wants a user and password (basic auth)")
                                        : QString::fromUtf8(data.left(200)).simplified();
            done(ConnectResult<QJsonDocument>::failure({ ConnectError::Kind::Refused, status,
                QStringLiteral("The Connect worker %1 refused %2 (HTTP %3): %4")
                    .arg(worker, what)
                    .arg(status)
                    .arg(message) }));
            return;
        }
        if (!data.trimmed().isEmpty() && parse.error != QJsonParseError::NoError) {
            done(ConnectResult<QJsonDocument>::failure({ ConnectError::Kind::Garbage, status,
                QStringLiteral("The Connect worker %1 answered %2 with something that is not JSON (%3): %4")
                    .arg(worker, what, parse.errorString(), QString::fromUtf8(data.left(80)).simplified()) }));
            return;
        }
        done({ doc, {} });
    });
}

template <typename T>
void ConnectClient::get(
    const QString& path, std::function<std::optional<T>(const QJsonDocument&, QString*)> decode, Done<T> done)
{
    const QString worker = m_endpoint.displayUrl();
    send("GET", path, {}, [decode, done, worker, path](const ConnectResult<QJsonDocument>& r) {
        if (!r.ok()) {
            done(ConnectResult<T>::failure(r.error));
            return;
        }
        QString error;
        auto value = decode(*r.value, &error);
        if (!value) {
            done(ConnectResult<T>::failure({ ConnectError::Kind::Garbage, 0,
                QStringLiteral("The Connect worker %1 answered GET %2 with %3.").arg(worker, path, error) }));
            return;
        }
        done({ std::move(value), {} });
    });
}

void ConnectClient::workerInfo(Done<WorkerInfo> done)
{
    get<WorkerInfo>(QStringLiteral("/"), &decodeWorkerInfo, std::move(done));
}

void ConnectClient::connectors(Done<QList<ConnectorInfo>> done)
{
    get<QList<ConnectorInfo>>(
        QStringLiteral("/connectors?expand=status&expand=info"), &decodeConnectors, std::move(done));
}

void ConnectClient::plugins(Done<QList<PluginInfo>> done)
{
    get<QList<PluginInfo>>(QStringLiteral("/connector-plugins"), &decodePlugins, std::move(done));
}

void ConnectClient::validate(const QString& connectorClass, const QMap<QString, QString>& config, Done<Validation> done)
{
    QMap<QString, QString> withClass = config;
    withClass.insert(QStringLiteral("connector.class"), connectorClass);
    const QString plugin = connectorClass.section(QLatin1Char('.'), -1);
    send("PUT", QStringLiteral("/connector-plugins/%1/config/validate").arg(plugin),
        QJsonDocument(jsonObject(withClass)), [done](const ConnectResult<QJsonDocument>& r) {
            if (!r.ok()) {
                done(ConnectResult<Validation>::failure(r.error));
                return;
            }
            QString error;
            auto v = decodeValidation(*r.value, &error);
            if (!v) {
                done(ConnectResult<Validation>::failure({ ConnectError::Kind::Garbage, 0, error }));
                return;
            }
            done({ std::move(v), {} });
        });
}

void ConnectClient::create(const QString& name, const QMap<QString, QString>& config, Done<ConnectorInfo> done)
{
    const QJsonObject body { { QStringLiteral("name"), name }, { QStringLiteral("config"), jsonObject(config) } };
    send("POST", QStringLiteral("/connectors"), QJsonDocument(body), [done](const ConnectResult<QJsonDocument>& r) {
        if (!r.ok()) {
            done(ConnectResult<ConnectorInfo>::failure(r.error));
            return;
        }
        QString error;
        auto c = decodeCreated(*r.value, &error);
        done(c ? ConnectResult<ConnectorInfo> { std::move(c), {} }
               : ConnectResult<ConnectorInfo>::failure({ ConnectError::Kind::Garbage, 0, error }));
    });
}

void ConnectClient::connectorConfig(const QString& name, Done<QMap<QString, QString>> done)
{
    get<QMap<QString, QString>>(
        QStringLiteral("/connectors/%1/config").arg(QString::fromUtf8(QUrl::toPercentEncoding(name))),
        [](const QJsonDocument& doc, QString* error) -> std::optional<QMap<QString, QString>> {
            if (!doc.isObject()) {
                *error = QStringLiteral("a config that is not an object");
                return std::nullopt;
            }
            return stringMap(doc.object());
        },
        std::move(done));
}

void ConnectClient::putConfig(const QString& name, const QMap<QString, QString>& config, Done<ConnectorInfo> done)
{
    send("PUT", QStringLiteral("/connectors/%1/config").arg(QString::fromUtf8(QUrl::toPercentEncoding(name))),
        QJsonDocument(jsonObject(config)), [done](const ConnectResult<QJsonDocument>& r) {
            if (!r.ok()) {
                done(ConnectResult<ConnectorInfo>::failure(r.error));
                return;
            }
            QString error;
            auto c = decodeCreated(*r.value, &error);
            done(c ? ConnectResult<ConnectorInfo> { std::move(c), {} }
                   : ConnectResult<ConnectorInfo>::failure({ ConnectError::Kind::Garbage, 0, error }));
        });
}

void ConnectClient::action(const QByteArray& method, const QString& path, Done<bool> done)
{
    send(method, path, {}, [done](const ConnectResult<QJsonDocument>& r) {
        done(r.ok() ? ConnectResult<bool> { true, {} } : ConnectResult<bool>::failure(r.error));
    });
}

namespace {
// The worker's {"message": "..."} of an accepted offsets change, or the error.
std::function<void(const ConnectResult<QJsonDocument>&)> answerMessage(ConnectClient::Done<QString> done)
{
    return [done = std::move(done)](const ConnectResult<QJsonDocument>& r) {
        if (!r.ok()) {
            done(ConnectResult<QString>::failure(r.error));
            return;
        }
        done({ r.value->object().value(QStringLiteral("message")).toString(), {} });
    };
}

QString connectorPath(const QString& name, const QString& rest = {})
{
    return QStringLiteral("/connectors/") + QString::fromUtf8(QUrl::toPercentEncoding(name)) + rest;
}
} // namespace

void ConnectClient::pause(const QString& name, Done<bool> done)
{
    action("PUT", connectorPath(name, QStringLiteral("/pause")), std::move(done));
}

void ConnectClient::resume(const QString& name, Done<bool> done)
{
    action("PUT", connectorPath(name, QStringLiteral("/resume")), std::move(done));
}

void ConnectClient::stop(const QString& name, Done<bool> done)
{
    action("PUT", connectorPath(name, QStringLiteral("/stop")), std::move(done));
}

void ConnectClient::restart(const QString& name, bool onlyFailed, Done<bool> done)
{
    action("POST",
        connectorPath(name,
            QStringLiteral("/restart?includeTasks=true&onlyFailed=%1")
                .arg(onlyFailed ? QStringLiteral("true") : QStringLiteral("false"))),
        std::move(done));
}

void ConnectClient::restartTask(const QString& name, int task, Done<bool> done)
{
    action("POST", connectorPath(name, QStringLiteral("/tasks/%1/restart").arg(task)), std::move(done));
}

void ConnectClient::remove(const QString& name, Done<bool> done)
{
    action("DELETE", connectorPath(name), std::move(done));
}

void ConnectClient::offsets(const QString& name, Done<ConnectorOffsets> done)
{
    get<ConnectorOffsets>(connectorPath(name, QStringLiteral("/offsets")), &decodeOffsets, std::move(done));
}

void ConnectClient::resetOffsets(const QString& name, Done<QString> done)
{
    send("DELETE", connectorPath(name, QStringLiteral("/offsets")), {}, answerMessage(std::move(done)));
}

void ConnectClient::alterOffsets(const QString& name, const ConnectorOffsets& offsets, Done<QString> done)
{
    QJsonArray entries;
    for (const auto& e : offsets.offsets)
        entries.append(QJsonObject { { QStringLiteral("partition"), e.partition },
            { QStringLiteral("offset"), e.offset.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.offset) } });
    const QJsonObject body { { QStringLiteral("offsets"), entries } };
    send("PATCH", connectorPath(name, QStringLiteral("/offsets")), QJsonDocument(body), answerMessage(std::move(done)));
}

void ConnectClient::topics(const QString& name, Done<QStringList> done)
{
    get<QStringList>(
        connectorPath(name, QStringLiteral("/topics")),
        [name](const QJsonDocument& doc, QString* error) { return decodeConnectorTopics(name, doc, error); },
        std::move(done));
}

} // namespace kafscope::connect
