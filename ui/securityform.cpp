#include "ui/securityform.h"

#include "kafka/profiles/clientconfig.h"
#include "ui/fitscroll.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

namespace kafscope {

SecurityForm::SecurityForm(QWidget* parent)
    : QGroupBox(QStringLiteral("Security"), parent)
    , m_form(new QFormLayout)
    , m_protocol(new QComboBox)
    , m_mechanism(new QComboBox)
    , m_user(new QLineEdit)
    , m_password(new QLineEdit)
    , m_token(new QLineEdit)
    , m_principal(new QLineEdit)
    , m_endpoint(new QLineEdit)
    , m_clientId(new QLineEdit)
    , m_clientSecret(new QLineEdit)
    , m_scope(new QLineEdit)
    , m_verifyHostname(new QCheckBox(QStringLiteral("&Verify the broker's host name against its certificate")))
    , m_hostnameWarning(new QLabel)
    , m_importNote(new QLabel)
{
    setObjectName(QStringLiteral("securityForm"));
    for (auto p : { SecurityProtocol::Plaintext, SecurityProtocol::SaslPlaintext, SecurityProtocol::Ssl,
             SecurityProtocol::SaslSsl })
        m_protocol->addItem(securityProtocolName(p), int(p));
    m_protocol->setObjectName(QStringLiteral("protocolCombo"));
    m_protocol->setToolTip(QStringLiteral("The listener's security.protocol: PLAINTEXT (none), SASL_PLAINTEXT "
                                          "(authentication, no encryption), SSL (TLS), SASL_SSL (both)."));
    for (auto m :
        { SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512, SaslMechanism::OAuthBearer })
        m_mechanism->addItem(saslMechanismName(m), int(m));
    m_mechanism->setObjectName(QStringLiteral("mechanismCombo"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(QStringLiteral("Kept in memory for this run only, never written to the settings file."));
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(QStringLiteral("a JWT from your identity provider"));
    m_principal->setObjectName(QStringLiteral("principalEdit"));
    m_principal->setPlaceholderText(QStringLiteral("or: a principal, for Kafka's unsecured validator (dev clusters)"));
    m_endpoint->setObjectName(QStringLiteral("tokenEndpointEdit"));
    m_endpoint->setPlaceholderText(QStringLiteral("or: https://idp.example.com/oauth2/token (client credentials)"));
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientSecret->setObjectName(QStringLiteral("clientSecretEdit"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_scope->setObjectName(QStringLiteral("scopeEdit"));
    m_scope->setPlaceholderText(QStringLiteral("optional"));
    m_ca = fileField(QStringLiteral("empty: the system's trusted CAs"), QStringLiteral("PEM files (*.pem *.crt)"));
    m_ca->setObjectName(QStringLiteral("caEdit"));
    m_certificate
        = fileField(QStringLiteral("for mTLS: the client certificate (PEM)"), QStringLiteral("PEM (*.pem *.crt)"));
    m_certificate->setObjectName(QStringLiteral("certificateEdit"));
    m_key = fileField(QStringLiteral("its private key (PEM)"), QStringLiteral("PEM (*.pem *.key)"));
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_keyPassword = new QLineEdit;
    m_keyPassword->setObjectName(QStringLiteral("keyPasswordEdit"));
    m_keyPassword->setEchoMode(QLineEdit::Password);
    m_keyPassword->setPlaceholderText(QStringLiteral("only for an encrypted key"));
    m_verifyHostname->setObjectName(QStringLiteral("verifyHostnameCheck"));
    m_verifyHostname->setChecked(true);
    m_hostnameWarning->setObjectName(QStringLiteral("hostnameWarning"));
    m_hostnameWarning->setWordWrap(true);
    m_hostnameWarning->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    m_hostnameWarning->setText(QStringLiteral("Host name verification is off: any server with a certificate from a "
                                              "trusted CA can pose as this cluster and read everything sent to it."));
    m_importNote->setWordWrap(true);
    m_importNote->setObjectName(QStringLiteral("importNote"));

    auto* import = new QPushButton(QStringLiteral("&Import client config…"));
    import->setObjectName(QStringLiteral("importButton"));
    import->setToolTip(QStringLiteral("A Java client.properties (as Kafka's tools take with --command-config) or a "
                                      "librdkafka / kcat properties file"));
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Import a client configuration"), {},
            QStringLiteral("Properties (*.properties *.conf *.config);;All files (*)"));
        if (path.isEmpty())
            return;
        QStringList notImported;
        QString error;
        const QString bootstrap = importFile(path, &notImported, &error);
        if (!bootstrap.isEmpty())
            emit bootstrapImported(bootstrap);
    });

    m_form->addRow(QStringLiteral("P&rotocol:"), m_protocol);
    m_form->addRow(QStringLiteral("&Mechanism:"), m_mechanism);
    m_form->addRow(QStringLiteral("&User:"), m_user);
    m_form->addRow(QStringLiteral("&Password:"), m_password);
    m_form->addRow(QStringLiteral("&Token:"), m_token);
    m_form->addRow(QStringLiteral("Pri&ncipal:"), m_principal);
    m_form->addRow(QStringLiteral("Token en&dpoint:"), m_endpoint);
    m_form->addRow(QStringLiteral("Client &id:"), m_clientId);
    m_form->addRow(QStringLiteral("Client &secret:"), m_clientSecret);
    m_form->addRow(QStringLiteral("Sc&ope:"), m_scope);
    m_form->addRow(QStringLiteral("&CA file:"), m_ca->parentWidget());
    m_form->addRow(QStringLiteral("Client c&ertificate:"), m_certificate->parentWidget());
    m_form->addRow(QStringLiteral("Client &key:"), m_key->parentWidget());
    m_form->addRow(QStringLiteral("Key pass&phrase:"), m_keyPassword);
    m_form->addRow(QString(), m_verifyHostname);
    m_form->addRow(QString(), m_hostnameWarning);
    m_form->addRow(QString(), import);
    m_form->addRow(QString(), m_importNote);
    setLayout(m_form);

    for (auto* combo : { m_protocol, m_mechanism })
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            updateVisibility();
            emit changed();
        });
    for (auto* edit : { m_user, m_password, m_token, m_principal, m_endpoint, m_clientId, m_clientSecret, m_scope, m_ca,
             m_certificate, m_key, m_keyPassword })
        connect(edit, &QLineEdit::textChanged, this, &SecurityForm::changed);
    connect(m_verifyHostname, &QCheckBox::toggled, this, [this] {
        updateVisibility();
        emit changed();
    });
    updateVisibility();
}

QLineEdit* SecurityForm::fileField(const QString& placeholder, const QString& filter)
{
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    auto* browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(QStringLiteral("Choose a file"));
    connect(browse, &QToolButton::clicked, this, [this, edit, filter] {
        const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Choose a file"), edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return edit;
}

void SecurityForm::updateVisibility()
{
    const SecurityConfig c = config();
    const bool oauth = c.mechanism == SaslMechanism::OAuthBearer;
    const auto show = [this](QWidget* field, bool on) { m_form->setRowVisible(field, on); };
    show(m_mechanism, c.usesSasl());
    show(m_user, c.usesSasl() && !oauth);
    show(m_password, c.usesSasl() && !oauth);
    show(m_token, c.usesSasl() && oauth);
    show(m_principal, c.usesSasl() && oauth);
    for (auto* w : { m_endpoint, m_clientId, m_clientSecret, m_scope })
        show(w, c.usesSasl() && oauth);
    for (auto* w : { m_ca->parentWidget(), m_certificate->parentWidget(), m_key->parentWidget() })
        show(w, c.usesTls());
    show(m_keyPassword, c.usesTls());
    show(m_verifyHostname, c.usesTls());
    show(m_hostnameWarning, c.usesTls() && !c.verifyHostname);
    // Rows came or went: the dialog grows or shrinks to fit them (a wrapped warning would be cut off otherwise).
    if (QWidget* top = window(); top && top != this)
        QTimer::singleShot(0, top, [top] { fitHeightToScreen(top); });
}

SecurityConfig SecurityForm::config() const
{
    SecurityConfig c;
    c.protocol = SecurityProtocol(m_protocol->currentData().toInt());
    c.mechanism = SaslMechanism(m_mechanism->currentData().toInt());
    c.username = m_user->text().trimmed();
    c.password = m_password->text();
    c.oauthToken = m_token->text().trimmed();
    c.oauthUnsecuredPrincipal = m_principal->text().trimmed();
    c.oauthTokenEndpoint = m_endpoint->text().trimmed();
    c.oauthClientId = m_clientId->text().trimmed();
    c.oauthClientSecret = m_clientSecret->text();
    c.oauthScope = m_scope->text().trimmed();
    c.caFile = m_ca->text().trimmed();
    c.certificateFile = m_certificate->text().trimmed();
    c.keyFile = m_key->text().trimmed();
    c.keyPassword = m_keyPassword->text();
    c.verifyHostname = m_verifyHostname->isChecked();
    return c;
}

void SecurityForm::setConfig(const SecurityConfig& c)
{
    m_protocol->setCurrentIndex(m_protocol->findData(int(c.protocol)));
    m_mechanism->setCurrentIndex(m_mechanism->findData(int(c.mechanism)));
    m_user->setText(c.username);
    m_password->setText(c.password);
    m_token->setText(c.oauthToken);
    m_principal->setText(c.oauthUnsecuredPrincipal);
    m_endpoint->setText(c.oauthTokenEndpoint);
    m_clientId->setText(c.oauthClientId);
    m_clientSecret->setText(c.oauthClientSecret);
    m_scope->setText(c.oauthScope);
    m_ca->setText(c.caFile);
    m_certificate->setText(c.certificateFile);
    m_key->setText(c.keyFile);
    m_keyPassword->setText(c.keyPassword);
    m_verifyHostname->setChecked(c.verifyHostname);
    updateVisibility();
}

QString SecurityForm::importFile(const QString& path, QStringList* notImported, QString* error)
{
    const auto imported = profiles::importClientConfigFile(path);
    if (!imported.ok()) {
        m_importNote->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_importNote->setText(imported.error);
        if (error)
            *error = imported.error;
        return {};
    }
    setConfig(imported.security);
    if (notImported)
        *notImported = imported.notImported;
    if (imported.notImported.isEmpty()) {
        m_importNote->setStyleSheet(QStringLiteral("color: #1e6b30;"));
        m_importNote->setText(QStringLiteral("Imported %1.").arg(path));
    } else {
        m_importNote->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_importNote->setText(
            QStringLiteral("Imported %1, except: %2").arg(path, imported.notImported.join(QStringLiteral("; "))));
    }
    return imported.bootstrap;
}

} // namespace kafscope
