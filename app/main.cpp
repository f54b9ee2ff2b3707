// kafscope: the GUI. Parses the command line and wires the main window; nothing else.
#include "kafka/background.h"
#include "kafka/profiles/clientconfig.h"
#include "kafka/profiles/secretstore.h"
#include "ui/brokerspage.h"
#include "ui/localcluster.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <optional>

namespace {

// Asks for the secrets `profile` needs and lacks (a SASL password, an OAuth client secret), saying `why` it asks;
// false when the user cancels. With `keychain`, what was typed is saved there for the next run.
bool askForMissingSecrets(QWidget* window, kafscope::ConnectionProfile& profile, const QString& why, bool prompt,
    kafscope::profiles::SecretStore* keychain)
{
    auto& security = profile.security;
    bool asked = false;
    const auto ask = [&](QString& secret, const QString& what) {
        if (!secret.isEmpty() || !prompt)
            return true;
        bool ok = false;
        secret = QInputDialog::getText(window, QStringLiteral("KafScope: %1").arg(what),
            QStringLiteral("%1 for %2 on %3:\n%4").arg(what, security.describe(), profile.bootstrap, why),
            QLineEdit::Password, {}, &ok);
        asked = true;
        return ok;
    };
    if (security.usesSasl() && security.mechanism != kafscope::SaslMechanism::OAuthBearer
        && !ask(security.password, QStringLiteral("Password")))
        return false;
    if (security.needsTokenFetch() && !ask(security.oauthClientSecret, QStringLiteral("OAuth client secret")))
        return false;
    if (asked && keychain)
        keychain->store(kafscope::profiles::secretKey(profile.name, profile.bootstrap),
            kafscope::profiles::Secrets::of(security, profile.connect), true);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("KafScope"));
    QApplication::setOrganizationName(QStringLiteral("KafScope"));
    QApplication::setApplicationVersion(QStringLiteral(KAFSCOPE_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("io.kafscope.KafScope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("KafScope: explore and operate Apache Kafka clusters."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Start on the in-process demo cluster (librdkafka mock brokers)."));
    const QCommandLineOption bootstrap({ QStringLiteral("b"), QStringLiteral("bootstrap") },
        QStringLiteral("Connect to host:port[,host:port...] at start."), QStringLiteral("LIST"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the main window to FILE.png after the first load, then exit."), QStringLiteral("FILE"));
    const QCommandLineOption tail(QStringLiteral("tail"),
        QStringLiteral("Open the Live tab tailing TOPIC from its earliest offset."), QStringLiteral("TOPIC"));
    const QCommandLineOption page(QStringLiteral("page"),
        QStringLiteral("Open on a page: topics, live, groups, brokers or connect."), QStringLiteral("NAME"));
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
        QStringLiteral("Change nothing on the cluster: topic, config and produce actions are disabled."));
    const QCommandLineOption clientConfig(QStringLiteral("client-config"),
        QStringLiteral("Connect with a Java client.properties or librdkafka properties file (security.protocol, "
                       "SASL, TLS), as Kafka's tools take --command-config."),
        QStringLiteral("FILE"));
    const QCommandLineOption profileName(QStringLiteral("profile"),
        QStringLiteral("Connect with a connection saved by the connect dialog (by its name)."), QStringLiteral("NAME"));
    const QCommandLineOption connectUrls(QStringLiteral("connect"),
        QStringLiteral("Kafka Connect REST URL(s) for the Connect page, comma-separated (with --bootstrap or "
                       "--client-config; a user in the URL takes its password from $KAFSCOPE_CONNECT_PASSWORD)."),
        QStringLiteral("URL"));
    const QCommandLineOption localCluster(QStringLiteral("local-cluster"),
        QStringLiteral("The script that runs the local cluster (scripts/local-cluster; scripts/run-demo --real gives "
                       "it): the Brokers page can then stop, kill and start its nodes."),
        QStringLiteral("SCRIPT"));
    parser.addOptions(
        { demo, bootstrap, screenshot, tail, page, readOnly, clientConfig, profileName, connectUrls, localCluster });
    parser.process(app);
    QList<kafscope::connect::ConnectEndpoint> connectEndpoints;
    if (parser.isSet(connectUrls)) {
        const auto parsed = kafscope::connect::parseConnectUrls(parser.value(connectUrls));
        if (!parsed.problems.isEmpty()) {
            std::fprintf(stderr, "kafscope: --connect: %s\n", qPrintable(parsed.problems.join(QLatin1Char(' '))));
            return 2;
        }
        connectEndpoints = parsed.endpoints;
        for (auto& e : connectEndpoints) {
            if (!e.user.isEmpty() && e.password.isEmpty())
                e.password = qEnvironmentVariable("KAFSCOPE_CONNECT_PASSWORD");
        }
    }

    // --client-config: the connection's security from a file, checked before any window opens.
    std::optional<kafscope::profiles::ImportedConfig> imported;
    if (parser.isSet(clientConfig)) {
        imported = kafscope::profiles::importClientConfigFile(parser.value(clientConfig));
        const auto& c = *imported;
        if (!c.ok() || !c.notImported.isEmpty() || (c.bootstrap.isEmpty() && !parser.isSet(bootstrap))) {
            const QString why = !c.ok()    ? c.error
                : !c.notImported.isEmpty() ? c.notImported.join(QStringLiteral("; "))
                                           : QStringLiteral("it has no bootstrap.servers (or give --bootstrap)");
            std::fprintf(stderr, "kafscope: cannot use --client-config %s: %s\n",
                qPrintable(parser.value(clientConfig)), qPrintable(why));
            return 2;
        }
    }

    kafscope::Settings settings;
    std::optional<kafscope::RecentConnection> saved;
    if (parser.isSet(profileName)) {
        saved = kafscope::profiles::findConnection(settings.recentConnections(), parser.value(profileName));
        if (!saved) {
            std::fprintf(stderr, "kafscope: no saved connection '%s' (the connect dialog saves them)\n",
                qPrintable(parser.value(profileName)));
            return 2;
        }
        imported = kafscope::profiles::ImportedConfig {};
        imported->bootstrap = saved->bootstrap;
        imported->security = saved->security;
    }
    auto windowOwner = std::make_unique<kafscope::MainWindow>(&settings);
    auto& window = *windowOwner;
    if (parser.isSet(screenshot))
        window.screenshotWhenLoaded(parser.value(screenshot));
    if (parser.isSet(page) && !window.showPage(parser.value(page))) {
        qWarning("Unknown page '%s': use topics, live, groups, brokers or connect.", qPrintable(parser.value(page)));
        return 2;
    }
    if (parser.isSet(localCluster)) {
        const QFileInfo script(parser.value(localCluster));
        if (!script.isFile() || !script.isExecutable()) {
            std::fprintf(stderr, "kafscope: --local-cluster %s is not an executable script\n",
                qPrintable(parser.value(localCluster)));
            return 2;
        }
        window.brokersPage()->setLocalCluster(
            new kafscope::LocalClusterControl(script.absoluteFilePath(), window.brokersPage()));
    }
    window.setReadOnlyByDefault(parser.isSet(readOnly));
    if (parser.isSet(tail))
        window.tailWhenConnected(parser.value(tail));
    window.show();

    if (parser.isSet(demo)) {
        kafscope::ConnectionProfile profile { QStringLiteral("Demo (simulated)"), {}, true };
        profile.readOnly = parser.isSet(readOnly);
        window.connectTo(profile);
    } else if (parser.isSet(bootstrap) || imported) {
        kafscope::ConnectionProfile profile { {}, parser.value(bootstrap), false };
        profile.readOnly = parser.isSet(readOnly);
        profile.connect = connectEndpoints;
        if (!imported) {
            window.connectTo(profile);
        } else {
            if (profile.bootstrap.isEmpty())
                profile.bootstrap = imported->bootstrap;
            profile.name = QFileInfo(parser.value(clientConfig)).completeBaseName();
            profile.security = imported->security;
            profile.dataPlaneExtra = imported->dataPlane;
            if (saved) {
                profile.name = saved->name;
                profile.readOnly = profile.readOnly || saved->readOnly;
                profile.label = saved->label;
                profile.color = saved->color;
                profile.dataPlaneExtra = saved->dataPlaneExtra;
                if (!parser.isSet(connectUrls))
                    profile.connect = saved->connect;
            }
            auto& security = profile.security;
            if (security.usesSasl() && security.mechanism != kafscope::SaslMechanism::OAuthBearer
                && security.password.isEmpty())
                security.password = qEnvironmentVariable("KAFSCOPE_SASL_PASSWORD");
            if (security.needsTokenFetch() && security.oauthClientSecret.isEmpty())
                security.oauthClientSecret = qEnvironmentVariable("KAFSCOPE_OAUTH_CLIENT_SECRET");
            const bool prompt = !parser.isSet(screenshot);
            auto* secrets = settings.secrets();
            if (!saved) {
                // A file's secrets are the file's business: what it lacks is asked for, for this run only.
                if (!askForMissingSecrets(&window, profile,
                        QStringLiteral("It is not in %1.").arg(parser.value(clientConfig)), prompt, nullptr))
                    return 2;
                window.connectTo(profile);
            } else {
                // A saved connection's secrets are in the system keychain; what is not there is asked for once (and
                // saved there when there is a keychain).
                const QString key = kafscope::profiles::secretKey(*saved);
                secrets->read(key, &window,
                    [&window, profile, secrets, prompt](const kafscope::profiles::SecretsResult& result) mutable {
                        result.secrets.fillInto(profile.security);
                        result.secrets.fillInto(profile.connect);
                        const QString why = result.keychainProblem.isEmpty()
                            ? QStringLiteral("The system keychain has none saved for '%1'; it will be saved there.")
                                  .arg(profile.name)
                            : QStringLiteral("No system keychain (%1), so it is asked for once per run.")
                                  .arg(result.keychainProblem);
                        if (!askForMissingSecrets(
                                &window, profile, why, prompt, result.keychainProblem.isEmpty() ? secrets : nullptr)) {
                            QCoreApplication::exit(2);
                            return;
                        }
                        window.connectTo(profile);
                    });
            }
        }
    } else if (!parser.isSet(screenshot)) {
        QTimer::singleShot(0, &window, &kafscope::MainWindow::showConnectDialog);
    }
    const int code = app.exec();
    windowOwner.reset(); // shuts down what is still running; waits for none of it
    // The window is gone; what still closes librdkafka handles, sockets or the demo cluster gets a bounded time.
    return kafscope::exitAfterBackgroundWork(code, kafscope::kExitGraceMs);
}
