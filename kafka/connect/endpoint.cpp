#include "kafka/connect/endpoint.h"

#include <QRegularExpression>
#include <QSet>

namespace kafscope::connect {

ParsedEndpoints parseConnectUrls(const QString& text)
{
    ParsedEndpoints result;
    QSet<QString> seen;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString& entry : text.split(separators, Qt::SkipEmptyParts)) {
        const QUrl url(entry, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty()) {
            result.problems << QStringLiteral("Kafka Connect: '%1' is not an http:// or https:// URL of a worker "
                                              "(e.g. http://localhost:8083).")
                                   .arg(entry);
            continue;
        }
        if (url.port() == 0 || url.hasQuery() || url.hasFragment()) {
            result.problems << QStringLiteral("Kafka Connect: '%1' has a %2; give the worker's address only.")
                                   .arg(url.toString(QUrl::RemovePassword),
                                       url.port() == 0      ? QStringLiteral("port 0")
                                           : url.hasQuery() ? QStringLiteral("query")
                                                            : QStringLiteral("fragment"));
            continue;
        }
        ConnectEndpoint e;
        e.user = url.userName();
        e.password = url.password();
        e.url = url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
        if (e.url.path() == QLatin1String("/"))
            e.url.setPath(QString());
        if (seen.contains(e.displayUrl())) {
            result.problems << QStringLiteral("Kafka Connect: %1 is given twice.").arg(e.displayUrl());
            continue;
        }
        seen.insert(e.displayUrl());
        result.endpoints << e;
    }
    return result;
}

QString formatConnectUrls(const QList<ConnectEndpoint>& endpoints)
{
    QStringList lines;
    for (const auto& e : endpoints) {
        QUrl url = e.url;
        url.setUserName(e.user);
        lines << url.toString(QUrl::RemovePassword | QUrl::StripTrailingSlash);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace kafscope::connect
