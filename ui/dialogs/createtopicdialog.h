#pragma once
// Create a topic: the name checked by Kafka's rules as it is typed, partitions, replication factor (at most the
// brokers), retention and cleanup policy. "Check" asks the cluster with a validate-only request; "Create" checks the
// same way first and creates only what passed. Every answer is shown with its Kafka error name and a sentence.
#include "kafka/protocol/apis/topics.h"

#include <QDialog>
#include <memory>

class QPushButton;
namespace Ui {
class CreateTopicDialog;
}

namespace kafscope {

class Cluster;

class CreateTopicDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CreateTopicDialog(Cluster* cluster, QWidget* parent = nullptr);
    ~CreateTopicDialog() override;

    // For tests and callers: fill the form as a user would.
    void setName(const QString& name);
    void setPartitions(int partitions);
    void setReplicationFactor(int replicationFactor);
    void setRetentionMs(const QString& text);
    // The request the form describes, or the reason it cannot be sent (shown in the dialog).
    std::optional<protocol::CreateTopicsRequest> request(QString* error, QString* warning = nullptr) const;
    QString message() const;
    bool canCreate() const;

public slots:
    void check(); // validate-only
    void create(); // validate-only, then the real request

signals:
    void topicCreated(const QString& name);

private:
    void updateValidation();
    void send(bool validateOnly, bool thenCreate);
    void showResult(const QString& text, bool error);

    std::unique_ptr<Ui::CreateTopicDialog> m_ui;
    Cluster* m_cluster;
    QPushButton* m_checkButton;
    QPushButton* m_createButton;
    bool m_busy = false;
};

} // namespace kafscope
