#pragma once
#include "kafka/profiles/profilestore.h"

// One Settings object over QSettings; keys are constants here and nowhere else. Window state is saved with a
// version number so a changed layout does not restore garbage.
#include <QByteArray>
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

    Settings();
    explicit Settings(const QString& fileName); // for tests

    QList<RecentConnection> recentConnections() const;
    void addRecentConnection(const RecentConnection& connection);

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
};

} // namespace kafscope
