#pragma once
// Delete a topic: says what goes (partitions, records), asks for the topic's name typed out, refuses Kafka's
// internal topics, and shows the broker's answer with its Kafka error name.
#include <QDialog>
#include <memory>

class QPushButton;
namespace Ui {
class DeleteTopicDialog;
}

namespace kafscope {

class Cluster;

class DeleteTopicDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteTopicDialog(Cluster* cluster, const QString& topic, QWidget* parent = nullptr);
    ~DeleteTopicDialog() override;

    void setConfirmation(const QString& typed); // as if typed
    bool canDelete() const;
    QString message() const;

public slots:
    void deleteTopic();

signals:
    void topicDeleted(const QString& name);

private:
    void updateButton();
    void showMessage(const QString& text, bool error);

    std::unique_ptr<Ui::DeleteTopicDialog> m_ui;
    Cluster* m_cluster;
    QString m_topic;
    bool m_internal = false;
    QString m_refusal; // a read-only connection or the demo: nothing can be deleted here
    bool m_busy = false;
    QPushButton* m_deleteButton;
};

} // namespace kafscope
