#pragma once
// The live consumer pane: tail a topic (no consumer group), see each record with the partition it landed in, a
// per-partition strip, filters, record detail, export; beside it the producer panel that explains partitioning.
#include "kafka/dataplane.h"
#include "kafka/types.h"

#include <QWidget>
#include <memory>

class QTimer;
namespace Ui {
class LivePage;
}

namespace kafscope {

class JobTracker;
class Cluster;
class ProducerPanel;
class RecordDetail;
class RecordFilterProxy;
class RecordModel;
class Settings;

class LivePage : public QWidget
{
    Q_OBJECT
public:
    explicit LivePage(Cluster* session, QWidget* parent = nullptr);
    ~LivePage() override;

    RecordModel* recordModel() const { return m_model; }
    RecordFilterProxy* recordProxy() const { return m_proxy; }
    ProducerPanel* producerPanel() const { return m_producer; }
    RecordDetail* recordDetail() const { return m_detail; }
    ConsumerInterface::Status consumerStatus() const;

    void setTopic(const QString& topic);
    // Start from: "latest", "earliest", an offset, "@EPOCH_MS", or "-N" (last N per partition).
    bool startTailing(
        const QString& topic, const QString& from = QStringLiteral("latest"), const QString& partitions = {});
    bool startTailing(const QString& topic, const ConsumeStart& start, const QString& partitions = {});
    void stopTailing();
    // For teardown: the tail and the producer stop without being waited for, no signal reaches this page after it.
    void shutdown();
    void selectRow(int proxyRow);
    // Restores the header and splitter state the user chose and the side panel's visibility; remembers changes.
    void restoreViewState(Settings* settings);
    // The producer / record detail panel; hidden, the records table takes the whole width.
    bool isSidePanelVisible() const;
    void setSidePanelVisible(bool visible);
    // Writes the shown records on a worker thread; exportFinished() follows (error text, empty on success).
    void exportTo(const QString& path, bool csv);

signals:
    void exportFinished(const QString& error);

private:
    void onStart();
    void drain();
    void showIngested(); // repaints the table, the strip and the counters now
    void updateTopics(const ClusterMetadata& metadata);
    void updateCounters();
    void applyFilters();
    void onConsumerStatus(ConsumerInterface::Status status, const QString& message);
    void onSelection();
    void showError(const QString& text);
    void setStripPartitions(int count);

    std::unique_ptr<Ui::LivePage> m_ui;
    Cluster* m_session;
    Settings* m_settings = nullptr;
    ConsumerInterface* m_consumer; // made by the cluster
    RecordModel* m_model;
    RecordFilterProxy* m_proxy;
    RecordDetail* m_detail;
    ProducerPanel* m_producer;
    QTimer* m_drainTimer;
    QTimer* m_filterDebounce;
    ClusterMetadata m_metadata;
    QString m_tailTopic;
    bool m_drainQueued = false;
    JobTracker* m_exportJobs;
    QTimer* m_repaintHold; // while running, ingested records are shown when it ends (kRepaintIntervalMs)
    bool m_viewChanged = false; // records arrived during the hold
};

} // namespace kafscope
