#pragma once
// Add partitions to a topic: the new count (increase only: a decrease is refused with the reason and nothing is
// sent), and what share of the topic's recent keys would move to another partition under murmur2 (Java clients) and
// CRC-32 (librdkafka's consistent_random), read from the last records of each partition. "Check" asks the cluster
// (validate-only); "Add partitions" checks the same way first. The broker's answer is shown with its Kafka error name.
#include "kafka/admin/partitiongrowth.h"

#include <QDialog>
#include <QSet>
#include <memory>

class QPushButton;
class QTimer;
namespace Ui {
class PartitionCountDialog;
}

namespace kafscope {

class Cluster;
class ConsumerInterface;

class PartitionCountDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kSamplePerPartition = 200;
    static constexpr int kMaxSampledKeys = 20000;

    PartitionCountDialog(Cluster* cluster, const QString& topic, QWidget* parent = nullptr);
    ~PartitionCountDialog() override;

    void setCount(int count); // as if typed
    bool canApply() const;
    QString message() const;
    QString movesText() const;
    int sampledKeys() const { return int(m_keys.size()); }
    bool isSampling() const { return m_sampling; }

public slots:
    void check(); // validate-only
    void apply(); // validate-only, then the real request

signals:
    void partitionsAdded(const QString& topic, int count);

private:
    void startSample();
    void drainSample();
    void finishSample(const QString& note);
    void updateMoves();
    void updateButtons();
    void send(bool validateOnly, bool thenApply);
    void showMessage(const QString& text, bool error);
    QString validationError() const;

    std::unique_ptr<Ui::PartitionCountDialog> m_ui;
    Cluster* m_cluster;
    QString m_topic;
    int m_current = 0;
    QString m_refusal;
    ConsumerInterface* m_consumer = nullptr;
    QTimer* m_sampleTimeout;
    QSet<QByteArray> m_keys;
    QSet<int32_t> m_partitionsDone;
    int m_recordsSeen = 0;
    bool m_sampling = false;
    QString m_sampleNote;
    QPushButton* m_checkButton;
    QPushButton* m_applyButton;
    bool m_busy = false;
};

} // namespace kafscope
