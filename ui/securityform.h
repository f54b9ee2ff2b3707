#pragma once
// The security part of a connection, as a form: security protocol; SASL mechanism with user and password, or an
// OAuth token (or, for unsecured development clusters, a principal to make an unsigned token for); TLS with the CA
// file (empty: the system's CAs), a client certificate and key for mTLS, and hostname verification, whose switching
// off is flagged in red. Fields that do not apply are hidden. "Import client config..." fills it from a Java
// client.properties or librdkafka file and names what it could not take.
#include "kafka/protocol/security.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace kafscope {

class SecurityForm : public QGroupBox
{
    Q_OBJECT
public:
    explicit SecurityForm(QWidget* parent = nullptr);

    SecurityConfig config() const;
    void setConfig(const SecurityConfig& config);
    // The security config's problems (a mechanism without its credentials, ...); empty when it can connect.
    QStringList problems() const { return config().problems(); }
    // Fills the form from a client configuration file; returns its bootstrap servers (empty when it has none) and
    // puts what could not be imported in *notImported.
    QString importFile(const QString& path, QStringList* notImported, QString* error);

signals:
    void changed();
    void bootstrapImported(const QString& bootstrap);

private:
    void updateVisibility();
    QLineEdit* fileField(const QString& placeholder, const QString& filter);

    QFormLayout* m_form;
    QComboBox* m_protocol;
    QComboBox* m_mechanism;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_token;
    QLineEdit* m_principal;
    QLineEdit* m_endpoint;
    QLineEdit* m_clientId;
    QLineEdit* m_clientSecret;
    QLineEdit* m_scope;
    QLineEdit* m_ca;
    QLineEdit* m_certificate;
    QLineEdit* m_key;
    QLineEdit* m_keyPassword;
    QCheckBox* m_verifyHostname;
    QLabel* m_hostnameWarning;
    QLabel* m_importNote;
};

} // namespace kafscope
