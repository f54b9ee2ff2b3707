#include "kafka/profiles/profilestore.h"

#include "kafka/client/dataplaneprops.h"

namespace kafscope::profiles {

namespace {
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
const auto recentDataPlane = QStringLiteral("dataPlaneProperties");
const auto recentConnect = QStringLiteral("connectUrls");
} // namespace

QList<SavedConnection> readConnections(QSettings& settings)
{
    QList<SavedConnection> result;
    const int n = settings.beginReadArray(recent);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        SavedConnection r { settings.value(recentName).toString(), settings.value(recentBootstrap).toString(),
            settings.value(recentReadOnly).toBool(), settings.value(recentLabel).toString(),
            settings.value(recentColor).toString(), {} };
        SecurityConfig& sec = r.security;
        sec.protocol
            = securityProtocolFromName(settings.value(recentProtocol).toString()).value_or(SecurityProtocol::Plaintext);
        sec.mechanism
            = saslMechanismFromName(settings.value(recentMechanism).toString()).value_or(SaslMechanism::Plain);
        sec.username = settings.value(recentUser).toString();
        sec.oauthUnsecuredPrincipal = settings.value(recentPrincipal).toString();
        sec.caFile = settings.value(recentCa).toString();
        sec.certificateFile = settings.value(recentCert).toString();
        sec.keyFile = settings.value(recentKey).toString();
        sec.verifyHostname = settings.value(recentVerify, true).toBool();
        sec.oauthTokenEndpoint = settings.value(recentEndpoint).toString();
        sec.oauthClientId = settings.value(recentClientId).toString();
        sec.oauthScope = settings.value(recentScope).toString();
        r.dataPlaneExtra = parseDataPlaneProperties(settings.value(recentDataPlane).toString()).properties;
        r.connect = connect::parseConnectUrls(settings.value(recentConnect).toString()).endpoints;
        result.append(r);
    }
    settings.endArray();
    return result;
}

void writeConnections(QSettings& settings, const QList<SavedConnection>& connections)
{
    settings.beginWriteArray(recent, int(connections.size()));
    for (int i = 0; i < connections.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(recentName, connections[i].name);
        settings.setValue(recentBootstrap, connections[i].bootstrap);
        settings.setValue(recentReadOnly, connections[i].readOnly);
        settings.setValue(recentLabel, connections[i].label);
        settings.setValue(recentColor, connections[i].color);
        // Never a secret: no password, token or key passphrase is written here.
        const SecurityConfig& sec = connections[i].security;
        settings.setValue(recentProtocol, securityProtocolName(sec.protocol));
        settings.setValue(recentMechanism, saslMechanismName(sec.mechanism));
        settings.setValue(recentUser, sec.username);
        settings.setValue(recentPrincipal, sec.oauthUnsecuredPrincipal);
        settings.setValue(recentCa, sec.caFile);
        settings.setValue(recentCert, sec.certificateFile);
        settings.setValue(recentKey, sec.keyFile);
        settings.setValue(recentVerify, sec.verifyHostname);
        settings.setValue(recentEndpoint, sec.oauthTokenEndpoint);
        settings.setValue(recentClientId, sec.oauthClientId);
        settings.setValue(recentScope, sec.oauthScope);
        if (connections[i].dataPlaneExtra.isEmpty())
            settings.remove(recentDataPlane);
        else
            settings.setValue(recentDataPlane, formatDataPlaneProperties(connections[i].dataPlaneExtra));
        if (connections[i].connect.isEmpty())
            settings.remove(recentConnect);
        else // the URLs and users; the passwords are in the keychain
            settings.setValue(recentConnect, connect::formatConnectUrls(connections[i].connect));
    }
    settings.endArray();
}

std::unique_ptr<QSettings> userSettings()
{
    return std::make_unique<QSettings>(
        QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("KafScope"), QStringLiteral("KafScope"));
}

std::optional<SavedConnection> findConnection(const QList<SavedConnection>& connections, const QString& name)
{
    for (const auto& c : connections) {
        if (c.name == name)
            return c;
    }
    for (const auto& c : connections) {
        if (c.bootstrap == name)
            return c;
    }
    return std::nullopt;
}

} // namespace kafscope::profiles
