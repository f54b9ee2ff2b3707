#pragma once
#include "kafka/cluster.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QLineEdit;

namespace Ui {
class ConnectDialog;
}

namespace kafscope {

class SecurityForm;
class Settings;

// Asks for a bootstrap list, validated as host:port[,host:port...] while typing, and the connection's security
// (SecurityForm); nothing is sent until both are valid. Recent connections come back without their secrets.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(Settings* settings, QWidget* parent = nullptr);
    ~ConnectDialog() override;

    ConnectionProfile profile() const { return m_profile; }
    void setBootstrapText(const QString& text);
    void setReadOnly(bool on);
    SecurityForm* securityForm() const { return m_security; }
    bool isInputValid() const;

    void accept() override;

private:
    void validate();
    void fillFromRecent(int index);
    void dropStaleName(const QString& bootstrapText);

    std::unique_ptr<Ui::ConnectDialog> m_ui;
    Settings* m_settings;
    SecurityForm* m_security;
    QLineEdit* m_label;
    QComboBox* m_color;
    ConnectionProfile m_profile;
    QString m_filledName; // put in by fillFromRecent(), with the address it belongs to
    QString m_filledBootstrap;
};

} // namespace kafscope
