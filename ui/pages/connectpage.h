#pragma once
// The Connect page: the Kafka Connect clusters of the connection (the profile's worker URLs: version, Kafka cluster
// id, workers), their connectors with type, state and tasks, searchable; the selected connector's tasks with a
// failed task's trace made readable (its root cause first), the topics it uses as links to the Topics page and the
// Live tab, and its config with secrets masked. Pause, resume, stop, restart (all, failed only, one task) and delete
// (typed confirmation); read-only connections refuse them. Everything goes through ConnectClient (Qt Network,
// asynchronous): a worker that is down, slow or answers errors is said in words, and its last known state stays,
// marked as such.
#include "kafka/connect/connectclient.h"

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <memory>

class QSortFilterProxyModel;
class QTimer;
namespace Ui {
class ConnectPage;
}

namespace kafscope {

class Cluster;
class ConnectClusterModel;
class ConnectorModel;
class ConnectTaskModel;
struct ConnectorRow;

class ConnectPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectPage(Cluster* session, QWidget* parent = nullptr);
    ~ConnectPage() override;

    ConnectClusterModel* clusterModel() const { return m_clusterModel; }
    ConnectorModel* connectorModel() const { return m_connectorModel; }
    ConnectTaskModel* taskModel() const { return m_taskModel; }
    QSortFilterProxyModel* connectorProxy() const { return m_proxy; }

    // The workers asked (tests and the profile's URLs); replaces the current ones and lists again.
    void setEndpoints(const QList<connect::ConnectEndpoint>& endpoints);
    QList<connect::ConnectEndpoint> endpoints() const;
    // Asks every worker again (also on every refresh of the app while the page is shown). A worker whose last
    // request is still out is not asked twice.
    void reload();
    bool selectConnector(const QString& name, const QString& cluster = {});
    // The selected connector: (worker URL, name); empty when none.
    QString selectedConnector() const;
    QString selectedCluster() const;

    QString summaryText() const;
    QString listStatusText() const;
    QString detailInfoText() const;
    QString detailStatusText() const;
    QString topicsText() const; // the topics line, as plain text
    QString traceText() const;
    QString traceTitleText() const;
    // The config as shown: key -> value (secrets masked).
    QMap<QString, QString> shownConfig() const;

    // The actions on the selected connector (what its buttons do). Answered in the detail status.
    void pauseSelected();
    void resumeSelected();
    void stopSelected();
    // onlyFailed: restart only the connector/tasks that failed (KIP-745). task >= 0: only that task.
    void restartSelected(bool onlyFailed, int task = -1);
    // Opens the delete dialog (typed confirmation).
    void showDeleteDialog();
    // The create dialog on the selected connector's Connect cluster (else the first one answering), and the edit
    // dialog of the selected connector. The page lists again and selects the connector once it is saved.
    void showCreateDialog();
    void showEditDialog();
    // The file demo (worker on this machine only: it reads the file KafScope writes): creates kafscope-demo-source
    // (FileStreamSource on a file KafScope appends a line to every 2 s, into topic kafscope-demo-lines) and
    // kafscope-demo-sink (that topic back into a file), then asks for the Live tab on the topic once it has records.
    void startFileDemo();
    void stopFileDemo();
    bool isFileDemoRunning() const;
    static QString fileDemoDir();
    static QString fileDemoTopic() { return QStringLiteral("kafscope-demo-lines"); }
    // The offsets dialog of the selected connector (read; reset or alter after a preview, stopping it first).
    void showOffsetsDialog();

signals:
    void showTopicRequested(const QString& topic);
    void tailTopicRequested(const QString& topic);
    void connectDialogRequested();
    // A reload answered by every worker asked (ok or not): for tests and the status bar.
    void reloaded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Worker
    {
        connect::ConnectClient* client = nullptr;
        bool inFlight = false; // its listing is still out
        std::optional<connect::WorkerInfo> info;
        QHash<QString, QList<connect::ConfigField>> definitions; // by connector class: for masking
        QSet<QString> askedDefinitions;
    };
    Worker* workerOf(const QString& url);
    // The selected connector's row and its worker; nullptr when none is selected.
    const ConnectorRow* selectedRow(Worker** worker);
    void listWorker(const QString& url);
    void onListed();
    void updateSummary();
    void updateDetail();
    void updateActions();
    void loadTopics();
    void showConfig(const connect::ConnectorInfo& info, const QString& url);
    void showTrace();
    void runAction(const QString& verb,
        const std::function<void(connect::ConnectClient*, const QString&, connect::ConnectClient::Done<bool>)>& send);
    void reloadSoon();
    void waitForDemoTopic();
    void appendDemoLine();

    std::unique_ptr<Ui::ConnectPage> m_ui;
    Cluster* m_session;
    QList<connect::ConnectEndpoint> m_endpoints;
    QHash<QString, Worker> m_workers; // by displayUrl()
    ConnectClusterModel* m_clusterModel;
    ConnectorModel* m_connectorModel;
    QSortFilterProxyModel* m_proxy;
    ConnectTaskModel* m_taskModel;
    QStringList m_topics; // of the selected connector, once the worker said
    QString m_topicsOf; // "url\nname" the topics are of
    QString m_shownKey; // "url\nname" the detail shows
    bool m_listedOnce = false;
    int m_pending = 0; // listings out in this reload
    bool m_columnsSized = false;
    QString m_selectAfterReload; // "url\nname" of a connector just created
    QTimer* m_demoAppender = nullptr; // the file demo's line every 2 s, while it runs
    int m_demoLines = 0;
    int m_demoWaits = 0; // polls left for the demo topic before giving up on tailing it
    QString m_demoWorker;
    QString m_demoInput;
};

} // namespace kafscope
