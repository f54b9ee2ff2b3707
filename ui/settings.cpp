#include "ui/settings.h"

namespace kafscope {

namespace Keys {
const auto recent = QStringLiteral("connections/recent");
const auto recentName = QStringLiteral("name");
const auto recentBootstrap = QStringLiteral("bootstrap");
const auto recentReadOnly = QStringLiteral("readOnly");
const auto recentLabel = QStringLiteral("label");
const auto recentColor = QStringLiteral("color");
const auto recentProtocol = QStringLiteral("securityProtocol");
const auto recentMechanism = QStringLiteral("saslMechanism");
const auto recentUser = QStringLiteral("saslUser");
const auto recentPrincipal = QStringLiteral("oauthUnsecuredPrincipal");
const auto recentCa = QStringLiteral("caFile");
const auto recentCert = QStringLiteral("certificateFile");
const auto recentKey = QStringLiteral("keyFile");
const auto recentVerify = QStringLiteral("verifyHostname");
const auto recentEndpoint = QStringLiteral("oauthTokenEndpoint");
const auto recentClientId = QStringLiteral("oauthClientId");
const auto recentScope = QStringLiteral("oauthScope");
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
    QList<RecentConnection> result;
    const int n = m_settings->beginReadArray(Keys::recent);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        RecentConnection r { m_settings->value(Keys::recentName).toString(),
            m_settings->value(Keys::recentBootstrap).toString(), m_settings->value(Keys::recentReadOnly).toBool(),
            m_settings->value(Keys::recentLabel).toString(), m_settings->value(Keys::recentColor).toString(), {} };
        SecurityConfig& sec = r.security;
        sec.protocol = securityProtocolFromName(m_settings->value(Keys::recentProtocol).toString())
                           .value_or(SecurityProtocol::Plaintext);
        sec.mechanism
            = saslMechanismFromName(m_settings->value(Keys::recentMechanism).toString()).value_or(SaslMechanism::Plain);
        sec.username = m_settings->value(Keys::recentUser).toString();
        sec.oauthUnsecuredPrincipal = m_settings->value(Keys::recentPrincipal).toString();
        sec.caFile = m_settings->value(Keys::recentCa).toString();
        sec.certificateFile = m_settings->value(Keys::recentCert).toString();
        sec.keyFile = m_settings->value(Keys::recentKey).toString();
        sec.verifyHostname = m_settings->value(Keys::recentVerify, true).toBool();
        sec.oauthTokenEndpoint = m_settings->value(Keys::recentEndpoint).toString();
        sec.oauthClientId = m_settings->value(Keys::recentClientId).toString();
        sec.oauthScope = m_settings->value(Keys::recentScope).toString();
        result.append(r);
    }
    m_settings->endArray();
    return result;
}

void Settings::addRecentConnection(const RecentConnection& connection)
{
    auto list = recentConnections();
    list.removeIf([&](const auto& r) { return r.bootstrap == connection.bootstrap; });
    list.prepend(connection);
    while (list.size() > kMaxRecent)
        list.removeLast();
    m_settings->beginWriteArray(Keys::recent, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(Keys::recentName, list[i].name);
        m_settings->setValue(Keys::recentBootstrap, list[i].bootstrap);
        m_settings->setValue(Keys::recentReadOnly, list[i].readOnly);
        m_settings->setValue(Keys::recentLabel, list[i].label);
        m_settings->setValue(Keys::recentColor, list[i].color);
        // Never a secret: no password, token or key passphrase is written here.
        const SecurityConfig& sec = list[i].security;
        m_settings->setValue(Keys::recentProtocol, securityProtocolName(sec.protocol));
        m_settings->setValue(Keys::recentMechanism, saslMechanismName(sec.mechanism));
        m_settings->setValue(Keys::recentUser, sec.username);
        m_settings->setValue(Keys::recentPrincipal, sec.oauthUnsecuredPrincipal);
        m_settings->setValue(Keys::recentCa, sec.caFile);
        m_settings->setValue(Keys::recentCert, sec.certificateFile);
        m_settings->setValue(Keys::recentKey, sec.keyFile);
        m_settings->setValue(Keys::recentVerify, sec.verifyHostname);
        m_settings->setValue(Keys::recentEndpoint, sec.oauthTokenEndpoint);
        m_settings->setValue(Keys::recentClientId, sec.oauthClientId);
        m_settings->setValue(Keys::recentScope, sec.oauthScope);
    }
    m_settings->endArray();
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
