#pragma once
// Small helpers over librdkafka's C API shared by the live consumer and the producer. Private to kafka/client.
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QString>
#include <librdkafka/rdkafka.h>
#include <memory>

namespace kafscope::rdk {

// Off by default: enable with QT_LOGGING_RULES="kafscope.rdkafka.debug=true".
inline const QLoggingCategory& lcRdkafka()
{
    static const QLoggingCategory category("kafscope.rdkafka", QtInfoMsg);
    return category;
}

inline QString errName(rd_kafka_resp_err_t err)
{
    return QString::fromUtf8(rd_kafka_err2name(err));
}
inline QString errText(rd_kafka_resp_err_t err)
{
    return QString::fromUtf8(rd_kafka_err2str(err));
}

struct ConfDeleter
{
    void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
using Conf = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;

// Sets each property; false with *error naming the property librdkafka refused.
// librdkafka asks for an OAuth token (OAUTHBEARER without its unsecured JWT): the token is what
// librdkafkaSettings() put in sasl.oauthbearer.config; its lifetime and principal come from its exp and sub claims.
inline void refreshOAuthToken(rd_kafka_t* rk, const char* config, void*)
{
    const QByteArray token = QByteArray(config ? config : "").trimmed();
    const QList<QByteArray> parts = token.split('.');
    const QJsonObject claims = parts.size() >= 2
        ? QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object()
        : QJsonObject();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expMs = claims.contains(QStringLiteral("exp"))
        ? qint64(claims.value(QStringLiteral("exp")).toDouble()) * 1000
        : now + 3600 * 1000;
    const QByteArray principal = claims.value(QStringLiteral("sub")).toString(QStringLiteral("unknown")).toUtf8();
    char errstr[512];
    if (token.isEmpty()
        || rd_kafka_oauthbearer_set_token(
               rk, token.constData(), expMs, principal.constData(), nullptr, 0, errstr, sizeof errstr)
            != RD_KAFKA_RESP_ERR_NO_ERROR)
        rd_kafka_oauthbearer_set_token_failure(rk, token.isEmpty() ? "no OAuth token was given" : errstr);
}

// An authentication failure, with what is known to cause it on this librdkafka: 2.0.2's SCRAM repeats the client
// nonce in its final message, which Kafka 4 brokers refuse (fixed in librdkafka 2.6.1).
inline QString explainAuthentication(const QString& message, const QMap<QString, QString>& properties)
{
    if (!properties.value(QStringLiteral("sasl.mechanisms")).startsWith(QLatin1String("SCRAM"), Qt::CaseInsensitive)
        || rd_kafka_version() >= 0x020601ff)
        return message;
    return message
        + QStringLiteral(" (if the password is right: librdkafka %1 cannot use SCRAM with Kafka 4 brokers, a bug "
                         "fixed in librdkafka 2.6.1; the admin pages, which do not use librdkafka, work; for records, "
                         "use a PLAIN, OAUTHBEARER or TLS listener)")
              .arg(QString::fromUtf8(rd_kafka_version_str()));
}

inline bool set(rd_kafka_conf_t* conf, const QMap<QString, QString>& properties, QString* error)
{
    if (properties.value(QStringLiteral("sasl.mechanisms")).compare(QLatin1String("OAUTHBEARER"), Qt::CaseInsensitive)
            == 0
        && properties.value(QStringLiteral("enable.sasl.oauthbearer.unsecure.jwt")) != QLatin1String("true"))
        rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf, &refreshOAuthToken);
    char errstr[512];
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (rd_kafka_conf_set(
                conf, it.key().toUtf8().constData(), it.value().toUtf8().constData(), errstr, sizeof errstr)
            != RD_KAFKA_CONF_OK) {
            *error = QStringLiteral("Invalid setting %1: %2").arg(it.key(), QString::fromUtf8(errstr));
            return false;
        }
    }
    return true;
}

// A conf with bootstrap.servers, client.id and librdkafka's log lines routed to the kafscope.rdkafka category (a
// broker going down should not spray the CLI's stderr: the status says it in a sentence).
inline Conf baseConf(const QString& bootstrap, QString* error)
{
    Conf conf(rd_kafka_conf_new());
    rd_kafka_conf_set_log_cb(conf.get(), [](const rd_kafka_t*, int level, const char* facility, const char* message) {
        qCDebug(lcRdkafka) << level << facility << message;
    });
    if (!set(conf.get(),
            { { QStringLiteral("bootstrap.servers"), bootstrap },
                { QStringLiteral("client.id"), QStringLiteral("kafscope") } },
            error))
        return nullptr;
    return conf;
}

} // namespace kafscope::rdk
