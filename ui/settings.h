#pragma once
#include "kafka/profiles/profilestore.h"
#include "kafka/profiles/secretstore.h"

// One Settings object over QSettings; keys are constants here and nowhere else. Window state is saved with a
// version number so a changed layout does not restore garbage.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSettings>
#include <QString>

namespace kafscope {

using RecentConnection = profiles::SavedConnection;

class Settings
{
public:
    static constexpr int kWindowStateVersion = 1;
    static constexpr int kMaxRecent = 10;

    Settings(); // the user's settings, secrets in the system keychain
    // For tests: a settings file, and secrets in memory only unless they ask for the keychain.
    explicit Settings(
        const QString& fileName, profiles::SecretStore::Backend secrets = profiles::SecretStore::Backend::MemoryOnly);
    ~Settings();

    // Where saved connections keep their secrets (never in the settings file).
    profiles::SecretStore* secrets() const { return m_secrets.get(); }

    QList<RecentConnection> recentConnections() const;
    void addRecentConnection(const RecentConnection& connection);
    // Replaces the list (the connections dialog's edits): the secrets of a renamed connection move from its old
    // keychain key to its new one (`renamed`: old key -> new key); those of connections left out are deleted.
    void setRecentConnections(const QList<RecentConnection>& connections, const QHash<QString, QString>& renamed = {});

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void saveWindow(const QByteArray& geometry, const QByteArray& state);

    // A view's header or splitter state (QHeaderView/QSplitter::saveState), stored with kWindowStateVersion: a state
    // saved by another layout version is not restored. Empty when none.
    QByteArray viewState(const QString& view) const;
    void saveViewState(const QString& view, const QByteArray& state);

    bool isPanelVisible(const QString& panel, bool byDefault) const;
    void setPanelVisible(const QString& panel, bool visible);

private:
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<profiles::SecretStore> m_secrets;
};

} // namespace kafscope
