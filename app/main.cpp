// kafscope: the GUI. Parses the command line and wires the main window; nothing else.
#include "kafka/background.h"
#include "kafka/profiles/clientconfig.h"
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
        QStringLiteral("Open on a page: topics, live, groups or brokers."), QStringLiteral("NAME"));
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
        QStringLiteral("Change nothing on the cluster: topic, config and produce actions are disabled."));
    const QCommandLineOption clientConfig(QStringLiteral("client-config"),
        QStringLiteral("Connect with a Java client.properties or librdkafka properties file (security.protocol, "
                       "SASL, TLS), as Kafka's tools take --command-config."),
        QStringLiteral("FILE"));
    const QCommandLineOption profileName(QStringLiteral("profile"),
        QStringLiteral("Connect with a connection saved by the connect dialog (by its name)."), QStringLiteral("NAME"));
    parser.addOptions({ demo, bootstrap, screenshot, tail, page, readOnly, clientConfig, profileName });
    parser.process(app);

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
        qWarning("Unknown page '%s': use topics, live, groups or brokers.", qPrintable(parser.value(page)));
        return 2;
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
        if (imported) {
            if (profile.bootstrap.isEmpty())
                profile.bootstrap = imported->bootstrap;
            profile.name = QFileInfo(parser.value(clientConfig)).completeBaseName();
            if (saved) {
                profile.name = saved->name;
                profile.readOnly = profile.readOnly || saved->readOnly;
                profile.label = saved->label;
                profile.color = saved->color;
            }
            profile.security = imported->security;
            profile.dataPlaneExtra = imported->dataPlane;
            auto& security = profile.security;
            if (security.usesSasl() && security.mechanism != kafscope::SaslMechanism::OAuthBearer
                && security.password.isEmpty())
                security.password = qEnvironmentVariable("KAFSCOPE_SASL_PASSWORD");
            if (security.usesSasl() && security.mechanism != kafscope::SaslMechanism::OAuthBearer
                && security.password.isEmpty() && !parser.isSet(screenshot)) {
                // Not in the file: asked for once, kept in memory for this run only.
                bool ok = false;
                security.password = QInputDialog::getText(&window, QStringLiteral("Password"),
                    QStringLiteral("Password for %1 (%2) on %3:")
                        .arg(security.username, kafscope::saslMechanismName(security.mechanism), profile.bootstrap),
                    QLineEdit::Password, {}, &ok);
                if (!ok)
                    return 2;
            }
        }
        window.connectTo(profile);
    } else if (!parser.isSet(screenshot)) {
        QTimer::singleShot(0, &window, &kafscope::MainWindow::showConnectDialog);
    }
    const int code = app.exec();
    windowOwner.reset(); // shuts down what is still running; waits for none of it
    // The window is gone; what still closes librdkafka handles, sockets or the demo cluster gets a bounded time.
    return kafscope::exitAfterBackgroundWork(code, kafscope::kExitGraceMs);
}
