#pragma once
// Saved connections: what the connect dialog remembers and `kafscope --profile NAME` / `kafscope-cli --profile NAME`
// connect with: name, bootstrap servers, read-only, label and colour, and the security settings without their
// secrets (password, OAuth token and client secret, key passphrase are never written here: they go to the system
// keychain (secretstore.h), or are asked for, or come from $KAFSCOPE_SASL_PASSWORD). Stored in the GUI's settings
// file (QSettings, ~/.config/KafScope/KafScope.conf).
#include "kafka/connect/endpoint.h"
#include "kafka/protocol/security.h"

#include <QList>
#include <QMap>
#include <QSettings>
#include <QString>
#include <memory>
#include <optional>

namespace kafscope::profiles {

struct SavedConnection
{
    QString name;
    QString bootstrap;
    bool readOnly = false;
    QString label; // shown in the status bar and title in `color`
    QString color;
    SecurityConfig security; // without its secrets (those are in the system keychain: secretstore.h)
    QMap<QString, QString> dataPlaneExtra; // further librdkafka properties for consumers and producers
    QList<connect::ConnectEndpoint> connect; // its Kafka Connect clusters (without their passwords)
};

QList<SavedConnection> readConnections(QSettings& settings);
void writeConnections(QSettings& settings, const QList<SavedConnection>& connections);
// The settings file the GUI uses (organization and application "KafScope"), for the CLI.
std::unique_ptr<QSettings> userSettings();
// The saved connection called `name` (or, failing that, whose bootstrap servers are `name`).
std::optional<SavedConnection> findConnection(const QList<SavedConnection>& connections, const QString& name);

} // namespace kafscope::profiles
