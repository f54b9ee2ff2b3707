#pragma once
#include "kafka/cluster.h"

#include <QDateTime>
#include <QMainWindow>
#include <memory>

class QAction;
class QLabel;
class QTabWidget;
class QTimer;

namespace kafscope {

class BrokersPage;
class ConnectPage;
class GroupsPage;
namespace lag {
class LagHistory;
}
class LivePage;
class Settings;
class TopicsPage;

// Assembles the pages, the toolbar and the status bar; owns the ClusterSession. No Kafka logic here.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Settings* settings, QWidget* parent = nullptr); // on a ClusterSession
    // On any cluster (tests pass the fake); the window takes it over as a child.
    MainWindow(Settings* settings, Cluster* cluster, QWidget* parent = nullptr);
    ~MainWindow() override;

    Cluster* session() const { return m_session; }
    BrokersPage* brokersPage() const { return m_brokersPage; }
    GroupsPage* groupsPage() const { return m_groupsPage; }
    TopicsPage* topicsPage() const { return m_topicsPage; }
    LivePage* livePage() const { return m_livePage; }
    ConnectPage* connectPage() const { return m_connectPage; }
    QTabWidget* tabs() const { return m_tabs; }
    QLabel* profileLabel() const { return m_profileLabel; }
    QLabel* connectionLabel() const { return m_stateLabel; }

    void connectTo(const ConnectionProfile& profile);
    // Renders the window to `path` once metadata and offsets have loaded, then quits the application.
    void screenshotWhenLoaded(const QString& path);
    // Once connected, opens the Live tab tailing `topic` from the earliest offset.
    void tailWhenConnected(const QString& topic);
    // The connect dialog starts with "Read-only" ticked (kafscope --read-only).
    void setReadOnlyByDefault(bool on) { m_readOnlyByDefault = on; }
    // "topics", "live", "groups", "brokers" or "connect"; false for any other name.
    bool showPage(const QString& name);

    // Stops the tail, the producers and the admin session without waiting for any of them (also done on close).
    void shutdown();

public slots:
    void showConnectDialog();
    void refresh();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void onStateChanged(Cluster::State state, const QString& message);
    void onRefreshFailed(const QString& message);
    void showState(const QString& colour, const QString& text, const QString& toolTip);
    void updateRefreshedLabel();

    Settings* m_settings;
    Cluster* m_session;
    QString m_connectedText; // "Connected to ..." as last said, shown again once the cluster answers again
    QDateTime m_unreachableSince; // set while a connected cluster does not answer refreshes
    QTabWidget* m_tabs;
    QLabel* m_banner;
    BrokersPage* m_brokersPage;
    GroupsPage* m_groupsPage;
    lag::LagHistory* m_lagHistory;
    TopicsPage* m_topicsPage;
    LivePage* m_livePage;
    ConnectPage* m_connectPage;
    QLabel* m_stateLabel;
    QLabel* m_refreshedLabel;
    QLabel* m_demoLabel;
    QLabel* m_readOnlyLabel;
    QLabel* m_profileLabel; // the profile's label in its colour

    bool m_readOnlyByDefault = false;
    QAction* m_refreshAction;
    QAction* m_autoRefreshAction;
    QTimer* m_autoRefresh;
};

} // namespace kafscope
