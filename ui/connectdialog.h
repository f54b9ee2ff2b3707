#pragma once
#include "kafka/cluster.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Ui {
class ConnectDialog;
}

namespace kafscope {

class SecurityForm;
class Settings;

// Asks for a bootstrap list, validated as host:port[,host:port...] while typing, the connection's security
// (SecurityForm), extra librdkafka properties for the data plane and the REST URLs of its Kafka Connect clusters;
// nothing is sent until all are valid. Recent connections come back with their secrets from the system keychain (read
// without waiting: they are filled in when the keychain answers); without a keychain the dialog says so, and secrets
// typed in this run are remembered until the app quits.
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
    QCheckBox* keychainCheck() const { return m_keychainCheck; }
    QLabel* secretNote() const { return m_secretNote; }
    QPlainTextEdit* dataPlaneEdit() const { return m_dataPlane; }
    QPlainTextEdit* connectEdit() const { return m_connectUrls; }
    QLineEdit* connectPasswordEdit() const { return m_connectPassword; }
    bool isInputValid() const;

    void accept() override;

private:
    void validate();
    void fillFromRecent(int index);
    void dropStaleName(const QString& bootstrapText);
    void showKeychainState(const QString& problem);
    void reloadRecents();
    QStringList problems() const;
    // The Connect workers as typed, each with its password (typed in the URL, in the password field, or known from
    // the keychain); *problems gets what is wrong with them.
    QList<connect::ConnectEndpoint> connectEndpoints(QStringList* problems) const;

    std::unique_ptr<Ui::ConnectDialog> m_ui;
    Settings* m_settings;
    SecurityForm* m_security;
    QLineEdit* m_label;
    QComboBox* m_color;
    QCheckBox* m_keychainCheck;
    QLabel* m_secretNote;
    QPlainTextEdit* m_dataPlane;
    QPlainTextEdit* m_connectUrls;
    QLineEdit* m_connectPassword;
    QMap<QString, QString> m_knownConnectPasswords; // of the picked recent connection, from the keychain
    QPushButton* m_manageButton;
    QString m_readingKey; // the recent connection whose secrets are being read
    ConnectionProfile m_profile;
    QString m_filledName; // put in by fillFromRecent(), with the address it belongs to
    QString m_filledBootstrap;
};

} // namespace kafscope
