#pragma once
// Where a Kafka Connect cluster's REST API is: one worker's URL, with basic auth and a private CA where it has them.
// A saved connection keeps a list of them (one per Connect cluster); the connect dialog and the CLI read them from
// text, one URL per line (or comma-separated): "http://localhost:8083", "https://connect-admin@connect.example:8443".
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace kafscope::connect {

struct ConnectEndpoint
{
    QUrl url; // http(s)://host:port[/prefix] of one worker, without user info
    QString user; // basic auth, when the worker has Kafka's connect-basic-auth-extension (or a proxy) in front
    QString password; // never in the settings file: the system keychain keeps it (profiles::Secrets)
    QString caFile; // PEM, for https with a private CA; empty: the system's CAs
    int timeoutMs = 10000;

    // "http://host:port" without user or password: how the worker is named in messages and keyed in the keychain.
    QString displayUrl() const { return url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash); }
    bool operator==(const ConnectEndpoint&) const = default;
};

struct ParsedEndpoints
{
    QList<ConnectEndpoint> endpoints;
    QStringList problems; // one sentence per entry that is not an http(s) URL, or is there twice
};

// One URL per line or comma-separated; a user in the URL ("https://alice@host:8443") is the basic-auth user, and a
// password given in it ("https://alice:secret@host") is taken out of the URL into `password`.
ParsedEndpoints parseConnectUrls(const QString& text);
// The URLs with their users, one per line, never a password.
QString formatConnectUrls(const QList<ConnectEndpoint>& endpoints);

} // namespace kafscope::connect
