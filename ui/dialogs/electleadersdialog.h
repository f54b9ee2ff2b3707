#pragma once
// Leader election for a topic, some of its partitions, or the whole cluster: preferred (leadership back to the first
// replica, e.g. after a broker came back) or, with a warning and an explicit confirmation, unclean. Previews which
// leaderships would move; shows each partition's result with its Kafka error name.
#include "kafka/protocol/apis/cluster.h"

#include <QDialog>
#include <memory>
#include <optional>

class QPushButton;
namespace Ui {
class ElectLeadersDialog;
}

namespace kafscope {

class Cluster;

class ElectLeadersDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Scope { Topic, SomePartitions, Cluster };
    ElectLeadersDialog(Cluster* cluster, const QString& topic, QWidget* parent = nullptr);
    ~ElectLeadersDialog() override;

    void setScope(Scope scope, const QString& partitions = {});
    void setUnclean(bool on, bool lossAccepted = false);
    std::optional<protocol::ElectLeadersRequest> request(QString* error) const;
    bool canElect() const;
    QString message() const;
    QString previewText() const;

public slots:
    void elect();

signals:
    void leadersElected();

private:
    void update();
    void showMessage(const QString& text, bool error);

    std::unique_ptr<Ui::ElectLeadersDialog> m_ui;
    Cluster* m_cluster;
    QString m_topic;
    QString m_refusal;
    QPushButton* m_electButton;
    bool m_busy = false;
};

} // namespace kafscope
