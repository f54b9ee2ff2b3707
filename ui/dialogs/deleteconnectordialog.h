#pragma once
// Delete a Kafka Connect connector after its name is typed out. Says what goes (its config, tasks and status) and
// what stays (a source's offsets in the Connect cluster's offsets topic, a sink's consumer group connect-NAME with its
// committed offsets, the topics and their data). The worker's refusal is shown in its words; read-only connections
// refuse.
#include "kafka/connect/connectclient.h"

#include <QDialog>
#include <memory>

class QPushButton;
namespace Ui {
class DeleteConnectorDialog;
}

namespace kafscope {

class Cluster;

class DeleteConnectorDialog : public QDialog
{
    Q_OBJECT
public:
    // `topics`: what the connector used (shown; may be empty when not known).
    DeleteConnectorDialog(connect::ConnectClient* client, const Cluster* session,
        const connect::ConnectorInfo& connector, const QStringList& topics, QWidget* parent = nullptr);
    ~DeleteConnectorDialog() override;

    void setConfirmation(const QString& typed);
    bool canDelete() const;
    QString message() const;
    QString explanation() const;

public slots:
    void deleteNow();

signals:
    void deleted(const QString& connector);

private:
    void updateButton();
    void finish(const QString& name, const connect::ConnectResult<bool>& result);

    std::unique_ptr<Ui::DeleteConnectorDialog> m_ui;
    connect::ConnectClient* m_client;
    const Cluster* m_session;
    connect::ConnectorInfo m_connector;
    QPushButton* m_deleteButton;
    bool m_sending = false;
};

} // namespace kafscope
