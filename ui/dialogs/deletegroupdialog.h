#pragma once
// Delete a consumer group (DeleteGroups), or the group's committed offsets of one topic (OffsetDelete), after the
// group's name is typed out. The broker refuses to delete a group with members (NON_EMPTY_GROUP) and the offsets of a
// topic a member consumes (GROUP_SUBSCRIBED_TO_TOPIC): the dialog shows the Kafka error by name. Read-only
// connections refuse both.
#include "kafka/groups.h"

#include <QDialog>
#include <memory>

class QPushButton;
namespace Ui {
class DeleteGroupDialog;
}

namespace kafscope {

class Cluster;

class DeleteGroupDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Group, Offsets };
    // `committed`: the group's committed offsets (Offsets mode: the topics offered, and their partitions).
    DeleteGroupDialog(
        Cluster* cluster, const QString& group, Mode mode, const GroupOffsets& committed, QWidget* parent = nullptr);
    ~DeleteGroupDialog() override;

    void setTopic(const QString& topic);
    void setConfirmation(const QString& typed);
    bool canDelete() const;
    QString message() const;

public slots:
    void deleteNow();

signals:
    void groupDeleted(const QString& group);
    void offsetsDeleted(const QString& group, const QString& topic);

private:
    void update();
    void showMessage(const QString& text, bool error);
    QList<TopicPartitionRef> partitions(const QString& topic) const;

    std::unique_ptr<Ui::DeleteGroupDialog> m_ui;
    Cluster* m_cluster;
    QString m_group;
    Mode m_mode;
    GroupOffsets m_committed;
    QString m_refusal;
    QPushButton* m_deleteButton;
    bool m_busy = false;
    bool m_done = false;
};

} // namespace kafscope
