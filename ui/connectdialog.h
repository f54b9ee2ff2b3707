#pragma once
#include "kafka/cluster.h"

#include <QDialog>
#include <memory>

namespace Ui {
class ConnectDialog;
}

namespace kafscope {

class Settings;

// Asks for a bootstrap list, validated as host:port[,host:port...] while typing; nothing is sent until it is valid.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(Settings* settings, QWidget* parent = nullptr);
    ~ConnectDialog() override;

    ConnectionProfile profile() const { return m_profile; }
    void setBootstrapText(const QString& text);
    void setReadOnly(bool on);
    bool isInputValid() const;

    void accept() override;

private:
    void validate();
    void fillFromRecent(int index);
    void dropStaleName(const QString& bootstrapText);

    std::unique_ptr<Ui::ConnectDialog> m_ui;
    Settings* m_settings;
    ConnectionProfile m_profile;
    QString m_filledName; // put in by fillFromRecent(), with the address it belongs to
    QString m_filledBootstrap;
};

} // namespace kafscope
