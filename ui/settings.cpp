#include "ui/settings.h"

#include <QSet>

namespace kafscope {

namespace Keys {
const auto geometry = QStringLiteral("window/geometry");
const auto state = QStringLiteral("window/state");
const auto views = QStringLiteral("views/");
const auto versionSuffix = QStringLiteral("-version");
const auto panels = QStringLiteral("panels/");
} // namespace Keys

Settings::Settings()
    : m_settings(std::make_unique<QSettings>())
    , m_secrets(std::make_unique<profiles::SecretStore>(profiles::SecretStore::Backend::Keychain))
{ }

Settings::Settings(const QString& fileName, profiles::SecretStore::Backend secrets)
    : m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
    , m_secrets(std::make_unique<profiles::SecretStore>(secrets))
{ }

Settings::~Settings() = default;

QList<RecentConnection> Settings::recentConnections() const
{
    return profiles::readConnections(*m_settings);
}

void Settings::addRecentConnection(const RecentConnection& connection)
{
    auto list = recentConnections();
    QStringList dropped; // keychain entries of connections no longer remembered
    const QString key = profiles::secretKey(connection);
    list.removeIf([&](const auto& r) {
        if (r.bootstrap != connection.bootstrap)
            return false;
        dropped << profiles::secretKey(r);
        return true;
    });
    list.prepend(connection);
    while (list.size() > kMaxRecent)
        dropped << profiles::secretKey(list.takeLast());
    profiles::writeConnections(*m_settings, list);
    for (const QString& k : dropped) {
        if (k != key)
            m_secrets->remove(k);
    }
}

void Settings::setRecentConnections(const QList<RecentConnection>& connections, const QHash<QString, QString>& renamed)
{
    QSet<QString> kept;
    for (const auto& c : connections)
        kept.insert(profiles::secretKey(c));
    for (auto it = renamed.begin(); it != renamed.end(); ++it)
        m_secrets->move(it.key(), it.value());
    for (const auto& c : recentConnections()) {
        const QString key = profiles::secretKey(c);
        if (!kept.contains(key) && !renamed.contains(key))
            m_secrets->remove(key);
    }
    profiles::writeConnections(*m_settings, connections);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(Keys::geometry).toByteArray();
}

QByteArray Settings::windowState() const
{
    return m_settings->value(Keys::state).toByteArray();
}

void Settings::saveWindow(const QByteArray& geometry, const QByteArray& state)
{
    m_settings->setValue(Keys::geometry, geometry);
    m_settings->setValue(Keys::state, state);
}

QByteArray Settings::viewState(const QString& view) const
{
    if (m_settings->value(Keys::views + view + Keys::versionSuffix).toInt() != kWindowStateVersion)
        return {};
    return m_settings->value(Keys::views + view).toByteArray();
}

void Settings::saveViewState(const QString& view, const QByteArray& state)
{
    m_settings->setValue(Keys::views + view, state);
    m_settings->setValue(Keys::views + view + Keys::versionSuffix, kWindowStateVersion);
}

bool Settings::isPanelVisible(const QString& panel, bool byDefault) const
{
    return m_settings->value(Keys::panels + panel, byDefault).toBool();
}

void Settings::setPanelVisible(const QString& panel, bool visible)
{
    m_settings->setValue(Keys::panels + panel, visible);
}

} // namespace kafscope
