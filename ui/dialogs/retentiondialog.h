#pragma once
// Retention of a topic, the teaching view of disk, retention and partitions: time (ms to days, -1 = forever), size
// per partition (units, -1 = unlimited) and cleanup policy, what they mean in words, the topic's size on disk per
// broker, log dir and partition (DescribeLogDirs), and how much the new values would make eligible for deletion
// (offsets at the cut-off time, sizes on disk). Only the values that change are sent (IncrementalAlterConfigs, the
// topic's other dynamic configs stay), validate-only first.
#include "kafka/admin/retention.h"
#include "kafka/protocol/apis/configs.h"
#include "kafka/protocol/apis/partitions.h"
#include "kafka/types.h"

#include <QDialog>
#include <QHash>
#include <memory>
#include <optional>

class QPushButton;
class QStandardItemModel;
class QTimer;
namespace Ui {
class RetentionDialog;
}

namespace kafscope {

class Cluster;

class RetentionDialog : public QDialog
{
    Q_OBJECT
public:
    RetentionDialog(Cluster* cluster, const QString& topic, QWidget* parent = nullptr);
    ~RetentionDialog() override;

    // As if typed / chosen.
    void setTime(const QString& number, admin::TimeUnit unit);
    void setSize(const QString& number, admin::SizeUnit unit);
    void setCleanupPolicy(const QString& policy); // "delete", "compact" or "compact,delete"
    bool isLoaded() const { return m_configsLoaded; }
    bool canApply() const;
    QString message() const;
    QString meaningText() const;
    QString eligibleText() const;
    QString diskText() const;
    QStandardItemModel* diskModel() const { return m_diskModel; }
    // The configs the form would change, or the reason it cannot be sent.
    std::optional<QList<protocol::AlterableConfig>> changes(QString* error) const;

public slots:
    void apply(); // validate-only, then the real request

signals:
    void retentionChanged(const QString& topic);

private:
    void onConfigs(const ConfigResourceResult& result);
    void onLogDirs(const QList<protocol::BrokerLogDirs>& dirs);
    void requestCutoff();
    void updateView();
    void showMessage(const QString& text, bool error);
    void send(bool validateOnly);

    std::unique_ptr<Ui::RetentionDialog> m_ui;
    Cluster* m_cluster;
    QString m_topic;
    QString m_refusal;
    QPushButton* m_applyButton;
    QStandardItemModel* m_diskModel;
    QTimer* m_cutoffDebounce;
    bool m_configsLoaded = false;
    bool m_busy = false;
    int64_t m_currentMs = -1;
    int64_t m_currentBytes = -1;
    QString m_currentPolicy;
    QHash<int32_t, int64_t> m_earliest;
    QHash<int32_t, int64_t> m_latest;
    QHash<int32_t, int64_t> m_leaderSize; // bytes of each partition on its leader
    QHash<int32_t, int64_t> m_cutoffOffset; // first offset at or after now - retention.ms
    bool m_offsetsKnown = false;
    bool m_cutoffKnown = false;
    int64_t m_cutoffFor = -2; // the retention.ms m_cutoffOffset was asked for
    quint64 m_cutoffSequence = 0;
    QString m_diskError;
};

} // namespace kafscope
