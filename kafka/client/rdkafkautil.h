#pragma once
// Small helpers over librdkafka's C API shared by the live consumer and the producer. Private to kafka/client.
#include "kafka/profiles/oauth.h"
#include "kafka/protocol/security.h"

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
// librdkafka asks for an OAuth token (OAUTHBEARER without its unsecured JWT), at start and again at 80% of the
// lifetime it was given: the token is what librdkafkaSettings() put in sasl.oauthbearer.config; for the
// client-credentials flow a new one is fetched from the endpoint there once the one given has lived 80% of its life
// (this runs on the thread polling the client, which may wait for the endpoint). Its lifetime and principal come from
// its exp and sub claims (or the endpoint's expires_in).
inline void refreshOAuthToken(rd_kafka_t* rk, const char* config, void*)
{
    SecurityConfig security = fromOAuthRefreshConfig(QByteArray(config ? config : ""));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The given token serves the first call; librdkafka calls again at 80% of the lifetime set below (70% of the
    // given token's life has passed by then): from then on each call fetches a new one.
    const qint64 fetched = security.oauthTokenFetchedAtMs;
    const qint64 expires = security.oauthTokenExpiresAtMs;
    if (!security.oauthTokenEndpoint.isEmpty()
        && (security.oauthToken.isEmpty()
            || (fetched > 0 && expires > fetched && now >= fetched + (expires - fetched) * 7 / 10))) {
        QString error;
        const auto fresh = profiles::fetchOAuthTokenNow(security, &error);
        if (!fresh) {
            rd_kafka_oauthbearer_set_token_failure(rk, error.toUtf8().constData());
            return;
        }
        profiles::useOAuthToken(security, *fresh);
    }
    const QByteArray token = security.oauthToken.toUtf8();
    const QList<QByteArray> parts = token.split('.');
    const QJsonObject claims = parts.size() >= 2
        ? QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object()
        : QJsonObject();
    const qint64 expMs = security.oauthTokenExpiresAtMs > 0 ? security.oauthTokenExpiresAtMs
        : claims.contains(QStringLiteral("exp")) ? qint64(claims.value(QStringLiteral("exp")).toDouble()) * 1000
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

// A TLS failure of the data plane, with what the broker's alert means when it is about the client certificate (as the
// admin client says it).
inline QString explainTls(const QString& message, const QMap<QString, QString>& properties)
{
    const qsizetype at = message.indexOf(QLatin1String(" alert "));
    if (at < 0)
        return message;
    const QString alert = message.mid(at + 7).section(QLatin1Char(':'), 0, 0).section(QLatin1Char('('), 0, 0).trimmed();
    if (!alert.contains(QLatin1String("certificate")) && alert != QLatin1String("unknown ca")
        && alert != QLatin1String("handshake failure"))
        return message;
    const QString mine = properties.value(QStringLiteral("ssl.certificate.location"));
    return message
        + (mine.isEmpty()
                ? QStringLiteral(" (the broker requires a client certificate, mutual TLS, and none was given)")
                : QStringLiteral(" (the broker refused the client certificate %1: it must be one its "
                                 "truststore trusts, valid and not revoked)")
                      .arg(mine));
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
