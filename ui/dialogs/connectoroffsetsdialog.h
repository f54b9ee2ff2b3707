#pragma once
// A connector's offsets (Kafka 3.6+, KIP-875): a source's positions in its input (a file's byte position, a table's
// last row), a sink's committed offsets per topic-partition. Reset them all, or edit some and apply them. Connect
// changes offsets only of a STOPPED connector: the preview says what the change does and that KafScope stops the
// connector first; after the change it stays stopped until you resume it (a button here). Read-only connections only
// read.
#include "kafka/connect/connectclient.h"

#include <QDialog>
#include <memory>

class QPushButton;
class QTimer;
namespace Ui {
class ConnectorOffsetsDialog;
}

namespace kafscope {

class Cluster;

class ConnectorOffsetsDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectorOffsetsDialog(connect::ConnectClient* client, const Cluster* session,
        const connect::ConnectorInfo& connector, QWidget* parent = nullptr);
    ~ConnectorOffsetsDialog() override;

    // The offsets as shown: compact JSON of partition -> offset.
    QList<QPair<QString, QString>> shownOffsets() const;
    bool isLoaded() const { return m_loaded; }
    QString state() const { return m_state; }
    QString info() const;
    QString preview() const;
    QString message() const;
    bool isBusy() const { return m_busy; }
    // Edits the offset (JSON) of row `row`, as typing into its cell does.
    void setOffsetText(int row, const QString& json);

public slots:
    void reload();
    // First call: the preview (what changes, and that the connector is stopped first). Second call: does it.
    void resetAll();
    void applyEdits();
    void resume();

signals:
    void changed(); // offsets reset or altered, or the connector stopped or resumed: the page lists again

private:
    enum class Pending { None, Reset, Alter };
    void show(const connect::ConnectorOffsets& offsets);
    void showPreview(Pending what);
    void proceed(); // stop when needed, wait for STOPPED, then change
    void waitStopped(int attempt);
    void change();
    void say(int kind, const QString& text);
    void updateButtons();
    std::optional<connect::ConnectorOffsets> editedOffsets(QString* error) const;

    std::unique_ptr<Ui::ConnectorOffsetsDialog> m_ui;
    connect::ConnectClient* m_client;
    const Cluster* m_session;
    connect::ConnectorInfo m_connector;
    QString m_state;
    connect::ConnectorOffsets m_offsets;
    bool m_loaded = false;
    bool m_busy = false;
    Pending m_previewed = Pending::None; // the preview shown, waiting for the second click
    QPushButton* m_resetButton;
    QPushButton* m_applyButton;
    QPushButton* m_resumeButton;
};

} // namespace kafscope
