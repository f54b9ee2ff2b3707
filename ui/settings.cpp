#include "ui/settings.h"

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
{ }

Settings::Settings(const QString& fileName)
    : m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{ }

QList<RecentConnection> Settings::recentConnections() const
{
    return profiles::readConnections(*m_settings);
}

void Settings::addRecentConnection(const RecentConnection& connection)
{
    auto list = recentConnections();
    list.removeIf([&](const auto& r) { return r.bootstrap == connection.bootstrap; });
    list.prepend(connection);
    while (list.size() > kMaxRecent)
        list.removeLast();
    profiles::writeConnections(*m_settings, list);
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
