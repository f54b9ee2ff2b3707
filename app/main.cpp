// kafscope: the GUI. Parses the command line and wires the main window; nothing else.
#include "kafka/background.h"
#include "ui/mainwindow.h"
#include "ui/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <memory>

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
    parser.addOptions({ demo, bootstrap, screenshot, tail, page, readOnly });
    parser.process(app);

    kafscope::Settings settings;
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
    } else if (parser.isSet(bootstrap)) {
        kafscope::ConnectionProfile profile { {}, parser.value(bootstrap), false };
        profile.readOnly = parser.isSet(readOnly);
        window.connectTo(profile);
    } else if (!parser.isSet(screenshot)) {
        QTimer::singleShot(0, &window, &kafscope::MainWindow::showConnectDialog);
    }
    const int code = app.exec();
    windowOwner.reset(); // shuts down what is still running; waits for none of it
    // The window is gone; what still closes librdkafka handles, sockets or the demo cluster gets a bounded time.
    return kafscope::exitAfterBackgroundWork(code, kafscope::kExitGraceMs);
}
