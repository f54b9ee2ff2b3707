#include "kafka/profiles/oauth.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

namespace kafscope::profiles {

void fetchOAuthToken(const SecurityConfig& config, QObject* context,
    std::function<void(const std::optional<OAuthToken>&, const QString& error)> done, int timeoutMs)
{
    const QUrl url(config.oauthTokenEndpoint);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        done(std::nullopt,
            QStringLiteral("The OAuth token endpoint %1 is not an http(s) URL.").arg(config.oauthTokenEndpoint));
        return;
    }
    auto* manager = new QNetworkAccessManager(context);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // RFC 6749 2.3.1: the client id and secret form-urlencoded, then as basic auth.
    const QByteArray credentials
        = QUrl::toPercentEncoding(config.oauthClientId) + ':' + QUrl::toPercentEncoding(config.oauthClientSecret);
    request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    request.setTransferTimeout(timeoutMs);
    QUrlQuery body;
    body.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    if (!config.oauthScope.isEmpty())
        body.addQueryItem(QStringLiteral("scope"), config.oauthScope);
    QNetworkReply* reply = manager->post(request, body.toString(QUrl::FullyEncoded).toUtf8());
    const QString endpoint = config.oauthTokenEndpoint;
    QObject::connect(reply, &QNetworkReply::finished, manager, [reply, manager, endpoint, done] {
        reply->deleteLater();
        manager->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        const QJsonObject json = QJsonDocument::fromJson(data).object();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            done(std::nullopt,
                QStringLiteral("The OAuth token endpoint %1 could not be reached: %2.")
                    .arg(endpoint, reply->errorString()));
            return;
        }
        if (status != 200) {
            // RFC 6749 5.2: error and error_description.
            const QString why = json.contains(QStringLiteral("error")) ? json.value(QStringLiteral("error")).toString()
                    + (json.contains(QStringLiteral("error_description"))
                            ? QStringLiteral(": ") + json.value(QStringLiteral("error_description")).toString()
                            : QString())
                                                                       : QString::fromUtf8(data.left(200));
            done(std::nullopt,
                QStringLiteral("The OAuth token endpoint %1 answered HTTP %2 (%3).")
                    .arg(endpoint)
                    .arg(status)
                    .arg(why));
            return;
        }
        const QString token = json.value(QStringLiteral("access_token")).toString();
        if (token.isEmpty()) {
            done(std::nullopt,
                QStringLiteral("The OAuth token endpoint %1 answered without an access_token.").arg(endpoint));
            return;
        }
        OAuthToken out { token, 0 };
        if (const double expiresIn = json.value(QStringLiteral("expires_in")).toDouble(); expiresIn > 0)
            out.expiresAtMs = QDateTime::currentMSecsSinceEpoch() + qint64(expiresIn * 1000);
        done(out, {});
    });
}

std::optional<OAuthToken> fetchOAuthTokenNow(const SecurityConfig& config, QString* error, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    std::optional<OAuthToken> out;
    fetchOAuthToken(
        config, &loop,
        [&](const std::optional<OAuthToken>& token, const QString& why) {
            out = token;
            *error = why;
            finished = true;
            loop.quit();
        },
        timeoutMs);
    if (!finished)
        loop.exec();
    return out;
}

qint64 jwtExpiryMs(const QString& token)
{
    const QList<QByteArray> parts = token.toUtf8().split('.');
    if (parts.size() < 2)
        return 0;
    const QJsonObject claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    return claims.contains(QStringLiteral("exp")) ? qint64(claims.value(QStringLiteral("exp")).toDouble()) * 1000 : 0;
}

void useOAuthToken(SecurityConfig& security, const OAuthToken& token)
{
    security.oauthToken = token.accessToken;
    security.oauthTokenFetchedAtMs = QDateTime::currentMSecsSinceEpoch();
    security.oauthTokenExpiresAtMs = token.expiresAtMs > 0 ? token.expiresAtMs : jwtExpiryMs(token.accessToken);
}

} // namespace kafscope::profiles
