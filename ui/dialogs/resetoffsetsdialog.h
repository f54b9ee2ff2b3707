#pragma once
// Reset a group's committed offsets (OffsetCommit, as Kafka's kafka-consumer-groups.sh --reset-offsets): to the
// earliest or latest offset, a time, an offset, or shifted by N, for the group's topics (or some of their partitions,
// or another topic added). A preview shows, per partition, the committed offset now and after, the partition's ends
// and the lag the reset leaves, with why a value was clamped. Only a group without active members can be reset: the
// dialog says why it cannot otherwise, and checks again right before sending (and shows the preview again when the
// offsets changed meanwhile). A typed group name confirms; each partition's Kafka error is shown by name.
#include "kafka/admin/offsetreset.h"

#include <QDialog>
#include <memory>
#include <optional>

class QPushButton;
class QTimer;
namespace Ui {
class ResetOffsetsDialog;
}

namespace kafscope {

class Cluster;
class ResetPlanModel;

class ResetOffsetsDialog : public QDialog
{
    Q_OBJECT
public:
    ResetOffsetsDialog(Cluster* cluster, const QString& group, QWidget* parent = nullptr);
    ~ResetOffsetsDialog() override;

    // As if chosen in the dialog; `value` is the offset or N (text as typed), or the time in ms since the epoch.
    void setTarget(admin::ResetTarget target, const QString& value = {});
    void setConfirmation(const QString& typed);
    void addTopic(const QString& topic);
    bool isLoaded() const { return m_loaded; }
    bool canReset() const;
    QString refusal() const; // why nothing can be sent now (read-only, active members), or empty
    QString message() const;
    QString totalText() const;
    ResetPlanModel* model() const { return m_model; }
    // The spec of the controls; nullopt with the reason when the value typed is not one.
    std::optional<admin::ResetSpec> spec(QString* error) const;

public slots:
    void resetOffsets();

signals:
    void offsetsReset(const QString& group);

private:
    void load(bool thenSend);
    void recompute();
    void update();
    void send(const admin::ResetPlan& plan);
    admin::ResetPlan checkedPlan(const admin::ResetSpec& spec) const;
    void showMessage(const QString& text, bool error);

    std::unique_ptr<Ui::ResetOffsetsDialog> m_ui;
    Cluster* m_cluster;
    QString m_group;
    ResetPlanModel* m_model;
    QPushButton* m_resetButton;
    QTimer* m_timeDebounce;
    QString m_readOnly; // the connection's refusal
    QString m_memberRefusal; // admin::resetRefusal() of the group as last loaded
    QStringList m_topics; // the topics the preview covers (empty until loaded: the group's committed topics)
    admin::ResetInputs m_inputs;
    admin::ResetPlan m_previewed; // what the user confirmed, compared with a fresh plan right before sending
    QString m_result; // the outcome of the last reset, shown until the next change
    bool m_resultIsError = false;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_busy = false;
    quint64 m_loadRequest = 0;
};

} // namespace kafscope
