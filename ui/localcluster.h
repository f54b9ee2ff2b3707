#pragma once
// The local cluster's node verbs from the GUI, for showing brokers failing (issue #11): the script that runs the
// cluster (scripts/local-cluster, or the test cluster's kafka-cluster.sh, which take the same verbs) stops, kills or
// starts node N. The app gets it with --local-cluster SCRIPT (scripts/run-demo --real passes it). The script's own
// `bootstrap` (node N's address at the Nth place) says which brokers of a connected cluster are its nodes, so a verb
// never reaches a cluster the script does not run. Every run is a QProcess: the GUI thread never waits on it.
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QProcess;

namespace kafscope {

struct ClusterMetadata;

class LocalClusterControl : public QObject
{
    Q_OBJECT
public:
    enum class Verb { Stop, Kill, Start };

    explicit LocalClusterControl(QString script, QObject* parent = nullptr);
    ~LocalClusterControl() override;

    const QString& script() const { return m_script; }
    // Asks the script for its nodes' addresses (`SCRIPT bootstrap`); probed() when they are known or it failed.
    void probe();
    bool isProbed() const { return m_probed; }
    // Node N's address (host:port), N = 1.., as the script gives them; empty until probed.
    const QStringList& nodeAddresses() const { return m_nodes; }
    // The script's node that `metadata` lists as broker `nodeId` at that node's address; false for any other broker
    // (another cluster, another address).
    bool isScriptNode(const ClusterMetadata& metadata, int32_t nodeId) const;
    // The script's nodes (1..) that are not among `metadata`'s brokers while another of its nodes is: stopped ones.
    QList<int> absentNodes(const ClusterMetadata& metadata) const;

    bool busy() const { return m_running != nullptr; }
    // Runs `SCRIPT stop-node|kill-node|start-node N` (N: a node number, or 0 for "all"); finished() with what
    // happened, in words. Refused (finished, not ok) while another verb runs.
    void run(Verb verb, int node);
    // "stop-node 2"-style command line of a verb, for the messages.
    QString commandLine(Verb verb, int node) const;

signals:
    void probed();
    void started(kafscope::LocalClusterControl::Verb verb, int node, const QString& message);
    void finished(kafscope::LocalClusterControl::Verb verb, int node, bool ok, const QString& message);

private:
    QString m_script;
    QStringList m_nodes;
    bool m_probed = false;
    QProcess* m_running = nullptr;
};

} // namespace kafscope
