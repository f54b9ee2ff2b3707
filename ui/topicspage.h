#pragma once
#include "kafka/types.h"

#include <QWidget>
#include <memory>

class QLabel;
class QSortFilterProxyModel;
class QTimer;
namespace Ui {
class TopicsPage;
}

namespace kafscope {

class Cluster;
class ConfigModel;
class PartitionModel;
class Settings;
class TopicFilterProxy;
class TopicModel;

// Filterable topic table; partitions and configs of the selected topic.
class TopicsPage : public QWidget
{
    Q_OBJECT
public:
    explicit TopicsPage(Cluster* session, QWidget* parent = nullptr);
    ~TopicsPage() override;

    TopicModel* topicModel() const { return m_topicModel; }
    TopicFilterProxy* topicProxy() const { return m_topicProxy; }
    PartitionModel* partitionModel() const { return m_partitionModel; }
    ConfigModel* configModel() const { return m_configModel; }
    QString selectedTopic() const;
    bool selectTopic(const QString& name);
    void setFilterText(const QString& text); // as if typed (debounced)
    // Restores the header and splitter state the user chose, and remembers their changes from now on.
    void restoreViewState(Settings* settings);
    // Opens the Create topic dialog (modal); the new topic is selected once the refresh shows it.
    void showCreateDialog();
    // Opens the Delete topic dialog for the selected topic (typed-name confirmation).
    void showDeleteDialog();
    // Opens the configs editor for the selected topic (modal).
    void showConfigEditor();
    // Opens the Add partitions dialog / the Retention dialog for the selected topic (modal).
    void showPartitionCountDialog();
    void showRetentionDialog();
    void showReplicationDialog();
    // The write actions (create, delete, edit configs), disabled on a read-only connection.
    QList<QWidget*> writeActions() const;

private:
    void updateActions();
    void removeTopicThrottle();
    void onMetadata(const ClusterMetadata& metadata);
    void onOffsets(const OffsetsSnapshot& offsets);
    void onSelectionChanged();
    void showSelectedTopic(bool reloadConfigs);
    void updateCount();
    bool userSized(const QString& view) const;

    std::unique_ptr<Ui::TopicsPage> m_ui;
    Settings* m_settings = nullptr;
    Cluster* m_session;
    TopicModel* m_topicModel;
    TopicFilterProxy* m_topicProxy;
    PartitionModel* m_partitionModel;
    QSortFilterProxyModel* m_partitionProxy;
    ConfigModel* m_configModel;
    QSortFilterProxyModel* m_configProxy;
    QTimer* m_filterDebounce;
    QString m_configTopic;
    QString m_selectAfterRefresh;
    QLabel* m_createdStatus = nullptr; // what is wrong with the topic just created (replicas on brokers down)
    bool m_columnsSized = false;
    bool m_partitionColumnsSized = false;
};

} // namespace kafscope
