#pragma once
// Sends records and explains where they go: before sending, the partition every partitioner would pick (hash and
// modulo); after sending, the partition and offset from the delivery report beside the prediction.
#include "kafka/dataplane.h"
#include "kafka/types.h"

#include <QWidget>
#include <memory>

class QLabel;
class QTimer;
namespace Ui {
class ProducerPanel;
}

namespace kafscope {

class Cluster;
class DeliveryModel;
class PredictionModel;

class ProducerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProducerPanel(Cluster* session, QWidget* parent = nullptr);
    ~ProducerPanel() override;

    void setTopic(const QString& topic);
    void setKey(const QString& key, bool isNull = false);
    void setValue(const QString& value);
    void setPartitioner(partitioning::Partitioner partitioner);
    // Validates, then sends; false (with the reason shown) when the input is not valid.
    bool send();
    bool sendBulk(int records, int keys, const QString& prefix);
    bool isBulkSending() const;
    // For teardown: stops the bulk send and every producer (no report arrives after this); returns at once.
    void shutdown();

    qint64 sentCount() const { return m_sent; }
    qint64 deliveredCount() const { return m_delivered; }
    qint64 failedCount() const { return m_failed; }
    qint64 predictionMatches() const { return m_matches; }
    PredictionModel* predictionModel() const { return m_predictions; }
    DeliveryModel* deliveryModel() const { return m_deliveries; }
    int predictedPartition(quint64 id) const;

signals:
    void recordDelivered(const kafscope::DeliveryReport& report);

private:
    struct Sent
    {
        QString key;
        bool keyIsNull = false;
        partitioning::Partitioner partitioner;
        int32_t predicted = -1;
        int32_t explicitPartition = -1;
    };

    void updatePrediction();
    void updateTopics(const ClusterMetadata& metadata);
    int partitionCount() const;
    QString validate(ProduceRequest* request) const;
    ProducerInterface* producer();
    void onDelivered(const DeliveryReport& report);
    void flushResults();
    void showMessage(const QString& text, bool error);
    quint64 enqueue(const ProduceRequest& request, const QString& keyText);

    std::unique_ptr<Ui::ProducerPanel> m_ui;
    Cluster* m_session;
    void retireProducer();
    void reapProducers();

    std::unique_ptr<ProducerInterface> m_producer; // made by the cluster
    std::vector<std::unique_ptr<ProducerInterface>> m_retired; // stopping on their own threads
    QString m_producerBootstrap;
    ClusterMetadata m_metadata;
    QHash<quint64, Sent> m_sentById;
    QList<DeliveryReport> m_pendingReports;
    void sendBulkSlice();

    struct Bulk
    {
        ProduceRequest base;
        int next = 0;
        int total = 0;
        int keys = 1;
        QString prefix;
    };
    QTimer* m_flush;
    QTimer* m_bulkTimer;
    QLabel* m_explanation; // the chosen partitioner's reasoning, in full
    QTimer* m_reaper;
    PredictionModel* m_predictions;
    DeliveryModel* m_deliveries;
    Bulk m_bulk;
    qint64 m_sent = 0;
    qint64 m_delivered = 0;
    qint64 m_failed = 0;
    qint64 m_matches = 0;
    qint64 m_predictable = 0;
};

} // namespace kafscope
