#include "ui/localcluster.h"

#include "kafka/types.h"

#include <QFileInfo>
#include <QProcess>

namespace kafscope {

namespace {

QString verbName(LocalClusterControl::Verb verb)
{
    switch (verb) {
    case LocalClusterControl::Verb::Stop:
        return QStringLiteral("stop-node");
    case LocalClusterControl::Verb::Kill:
        return QStringLiteral("kill-node");
    case LocalClusterControl::Verb::Start:
        break;
    }
    return QStringLiteral("start-node");
}

QString nodeName(int node)
{
    return node == 0 ? QStringLiteral("all") : QString::number(node);
}

// What the verb did, and what a learner should look for now.
QString doneText(LocalClusterControl::Verb verb, int node)
{
    const QString who = node == 0 ? QStringLiteral("Every broker") : QStringLiteral("Broker %1").arg(node);
    switch (verb) {
    case LocalClusterControl::Verb::Stop:
        return QStringLiteral("%1 stopped (controlled shutdown): it handed its leaderships to other replicas before "
                              "leaving, and its replicas drop out of the ISR until it is back.")
            .arg(who);
    case LocalClusterControl::Verb::Kill:
        return QStringLiteral("%1 killed (SIGKILL), as a crash: no handover. The controller moves its leaderships "
                              "once its session expires (broker.session.timeout.ms, 9 s by default); until then its "
                              "partitions have a leader that does not answer.")
            .arg(who);
    case LocalClusterControl::Verb::Start:
        break;
    }
    return QStringLiteral("%1 started again on its data: its replicas catch up and rejoin the ISR. Leadership comes "
                          "back to it only with a preferred leader election (Topics page, or kafscope-cli "
                          "elect-leaders).")
        .arg(who);
}

} // namespace

LocalClusterControl::LocalClusterControl(QString script, QObject* parent)
    : QObject(parent)
    , m_script(std::move(script))
{ }

LocalClusterControl::~LocalClusterControl()
{
    // A verb still running goes on by itself (the node's state is the script's business); only our end goes.
    if (m_running) {
        m_running->disconnect(this);
        m_running->setParent(nullptr);
        QObject::connect(m_running, &QProcess::finished, m_running, &QObject::deleteLater);
    }
}

void LocalClusterControl::probe()
{
    auto* process = new QProcess(this);
    process->setProgram(m_script);
    process->setArguments({ QStringLiteral("bootstrap") });
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        process->deleteLater();
        m_nodes.clear();
        if (status == QProcess::NormalExit && exitCode == 0) {
            const auto text = QString::fromUtf8(process->readAllStandardOutput()).trimmed();
            for (const auto& address : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                m_nodes.append(address.trimmed());
        }
        m_probed = true;
        emit probed();
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        m_nodes.clear();
        m_probed = true;
        emit probed();
    });
    process->start();
}

bool LocalClusterControl::isScriptNode(const ClusterMetadata& metadata, int32_t nodeId) const
{
    if (nodeId < 1 || nodeId > m_nodes.size())
        return false;
    const auto* broker = metadata.broker(nodeId);
    return broker && broker->address() == m_nodes.at(nodeId - 1);
}

QList<int> LocalClusterControl::absentNodes(const ClusterMetadata& metadata) const
{
    bool anyOfOurs = false;
    for (const auto& b : metadata.brokers)
        anyOfOurs = anyOfOurs || isScriptNode(metadata, b.nodeId);
    QList<int> absent;
    if (!anyOfOurs)
        return absent;
    for (int n = 1; n <= m_nodes.size(); ++n)
        if (!metadata.broker(n))
            absent.append(n);
    return absent;
}

QString LocalClusterControl::commandLine(Verb verb, int node) const
{
    return QStringLiteral("%1 %2 %3").arg(QFileInfo(m_script).fileName(), verbName(verb), nodeName(node));
}

void LocalClusterControl::run(Verb verb, int node)
{
    if (m_running) {
        emit finished(verb, node, false,
            QStringLiteral("%1 waits: %2 is still running.")
                .arg(commandLine(verb, node), m_running->arguments().join(QLatin1Char(' '))));
        return;
    }
    auto* process = new QProcess(this);
    m_running = process;
    process->setProgram(m_script);
    process->setArguments({ verbName(verb), nodeName(node) });
    process->setProcessChannelMode(QProcess::SeparateChannels);
    auto end = [this, process, verb, node](bool ok, const QString& message) {
        if (m_running != process)
            return;
        m_running = nullptr;
        process->deleteLater();
        emit finished(verb, node, ok, message);
    };
    connect(process, &QProcess::finished, this, [this, process, verb, node, end](int exitCode, QProcess::ExitStatus s) {
        if (s == QProcess::NormalExit && exitCode == 0) {
            end(true, doneText(verb, node));
            return;
        }
        // The script says why on stderr ("kafka-cluster: error: node 3 did not start within 120s"): its last line.
        QString why;
        const auto lines = QString::fromUtf8(process->readAllStandardError()).split(QLatin1Char('\n'));
        for (auto it = lines.crbegin(); it != lines.crend() && why.isEmpty(); ++it)
            why = it->trimmed();
        end(false,
            QStringLiteral("%1 failed (%2)%3")
                .arg(commandLine(verb, node),
                    s == QProcess::NormalExit ? QStringLiteral("exit status %1").arg(exitCode)
                                              : QStringLiteral("it crashed"),
                    why.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + why));
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, verb, node, end](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            end(false,
                QStringLiteral("%1 could not be started: %2").arg(commandLine(verb, node), process->errorString()));
    });
    process->start();
    emit started(verb, node,
        QStringLiteral("%1 broker %2 (%3)…")
            .arg(verb == Verb::Stop      ? QStringLiteral("Stopping")
                    : verb == Verb::Kill ? QStringLiteral("Killing")
                                         : QStringLiteral("Starting"),
                nodeName(node), commandLine(verb, node)));
}

} // namespace kafscope
