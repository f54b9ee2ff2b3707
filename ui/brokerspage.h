#pragma once
#include "kafka/types.h"

#include <QWidget>
#include <memory>

class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QToolButton;
class QAction;
namespace Ui {
class BrokersPage;
}

namespace kafscope {

class BrokerModel;
class Cluster;
class Settings;
class ConfigModel;
class LocalClusterControl;

// Brokers of the cluster (id, address, rack, controller, leader and replica counts) and the configuration of the
// selected broker.
class BrokersPage : public QWidget
{
    Q_OBJECT
public:
    explicit BrokersPage(Cluster* session, QWidget* parent = nullptr);
    ~BrokersPage() override;

    BrokerModel* brokerModel() const { return m_brokerModel; }
    ConfigModel* configModel() const { return m_configModel; }
    QWidget* editConfigsButton() const;
    QWidget* editDefaultsButton() const;
    QString quorumText() const;
    // Restores the header and splitter state the user chose, and remembers their changes from now on.
    void restoreViewState(Settings* settings);
    // The local cluster's node verbs: a "Local cluster" menu button, shown while the connected cluster's brokers are
    // the script's nodes (stop or kill the selected broker, start a stopped one), and a line saying what happened.
    void setLocalCluster(LocalClusterControl* control);
    QToolButton* localClusterButton() const { return m_localButton; }
    // The menu's actions for the current state (what the button shows when clicked).
    QList<QAction*> localClusterActions();
    QString localClusterStatus() const;

private:
    void onMetadata(const ClusterMetadata& metadata);
    void onSelectionChanged();
    void updateActions();
    void loadQuorum();
    void showConfigEditor(const QString& broker); // "" = the cluster-wide defaults
    int32_t selectedBrokerId() const;
    bool userSized(const QString& view) const;

    std::unique_ptr<Ui::BrokersPage> m_ui;
    Settings* m_settings = nullptr;
    Cluster* m_session;
    BrokerModel* m_brokerModel;
    QSortFilterProxyModel* m_brokerProxy;
    ConfigModel* m_configModel;
    QSortFilterProxyModel* m_configProxy;
    int32_t m_configBroker = -1;
    QString m_quorumHtml;
    QString m_fencedHtml;
    bool m_columnsSized = false;
    LocalClusterControl* m_local = nullptr;
    QToolButton* m_localButton = nullptr;
    QMenu* m_localMenu = nullptr;
    QLabel* m_localStatus = nullptr;
};

} // namespace kafscope
