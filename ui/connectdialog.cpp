#include "ui/connectdialog.h"

#include "kafka/client/dataplaneprops.h"
#include "kafka/protocol/bootstrap.h"
#include "ui/dialogs/connectionsdialog.h"
#include "ui/fitscroll.h"
#include "ui/securityform.h"
#include "ui/settings.h"
#include "ui_connectdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kafscope {

ConnectDialog::ConnectDialog(Settings* settings, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectDialog>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    m_label = new QLineEdit;
    m_label->setObjectName(QStringLiteral("labelEdit"));
    m_label->setPlaceholderText(QStringLiteral("e.g. PRODUCTION (shown in the status bar and title)"));
    m_color = new QComboBox;
    m_color->setObjectName(QStringLiteral("colorCombo"));
    for (const auto& [name, hex] :
        { std::pair { "No colour", "" }, std::pair { "Red", "#c5221f" }, std::pair { "Orange", "#e37400" },
            std::pair { "Green", "#188038" }, std::pair { "Blue", "#1967d2" }, std::pair { "Purple", "#7b5ea7" } })
        m_color->addItem(QString::fromLatin1(name), QString::fromLatin1(hex));
    auto* labelRow = new QHBoxLayout;
    labelRow->addWidget(m_label, 1);
    labelRow->addWidget(m_color);
    auto* labelLabel = new QLabel(QStringLiteral("&Label:"));
    labelLabel->setBuddy(m_label);
    m_ui->formLayout->insertRow(2, labelLabel, labelRow);
    // Everything above the validation line and the buttons scrolls when the screen is too small for it (SASL with
    // OAuth and mTLS take 15 rows): the buttons and what is wrong stay in sight.
    auto* form = new QWidget;
    auto* formColumn = new QVBoxLayout(form);
    formColumn->setContentsMargins(0, 0, 0, 0);
    m_ui->verticalLayout->removeItem(m_ui->formLayout);
    m_ui->formLayout->setParent(nullptr);
    formColumn->addLayout(m_ui->formLayout);
    m_security = new SecurityForm(form);
    formColumn->addWidget(m_security);
    m_keychainCheck = new QCheckBox(QStringLiteral("Save &secrets in the system keychain"));
    m_keychainCheck->setObjectName(QStringLiteral("keychainCheck"));
    m_keychainCheck->setChecked(true);
    m_keychainCheck->setToolTip(QStringLiteral(
        "Passwords, OAuth tokens and secrets and key passphrases go to the system keychain (the Secret Service: "
        "gnome-keyring, KWallet), never to KafScope's settings file. Unticked: they are kept until KafScope quits "
        "and asked for again in the next run."));
    m_secretNote = new QLabel;
    m_secretNote->setObjectName(QStringLiteral("secretNote"));
    m_secretNote->setWordWrap(true);
    m_secretNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formColumn->addWidget(m_keychainCheck);
    formColumn->addWidget(m_secretNote);
    formColumn->addStretch(1);
    auto* scroll = new FitScrollArea(form);
    scroll->setObjectName(QStringLiteral("formScroll"));
    m_ui->verticalLayout->insertWidget(0, scroll, 1);
    m_dataPlane = new QPlainTextEdit;
    m_dataPlane->setObjectName(QStringLiteral("dataPlaneEdit"));
    m_dataPlane->setPlaceholderText(
        QStringLiteral("key=value per line, e.g. fetch.max.bytes=1048576 or client.rack=eu-1a"));
    m_dataPlane->setToolTip(QStringLiteral(
        "Further librdkafka properties for the live tail, the producer and the playground (the data plane). Checked "
        "against librdkafka before connecting; security settings belong in the fields above."));
    m_dataPlane->setTabChangesFocus(true);
    m_dataPlane->setFixedHeight(m_dataPlane->fontMetrics().lineSpacing() * 3 + 12);
    auto* dataPlaneLabel = new QLabel(QStringLiteral("&Data plane (librdkafka):"));
    dataPlaneLabel->setBuddy(m_dataPlane);
    m_ui->formLayout->addRow(dataPlaneLabel, m_dataPlane);
    connect(m_dataPlane, &QPlainTextEdit::textChanged, this, &ConnectDialog::validate);
    m_connectUrls = new QPlainTextEdit;
    m_connectUrls->setObjectName(QStringLiteral("connectEdit"));
    m_connectUrls->setPlaceholderText(
        QStringLiteral("REST URL per line, e.g. http://localhost:8083 or https://connect-admin@connect.example:8443"));
    m_connectUrls->setToolTip(QStringLiteral(
        "The Kafka Connect clusters writing to or reading from this cluster: one worker's REST URL for each (the "
        "Connect page). A user in the URL is sent with basic auth; its password goes to the system keychain. https "
        "workers are checked against the CA file above, or the system's CAs."));
    m_connectUrls->setTabChangesFocus(true);
    m_connectUrls->setFixedHeight(m_connectUrls->fontMetrics().lineSpacing() * 2 + 12);
    auto* connectLabel = new QLabel(QStringLiteral("Kafka Co&nnect:"));
    connectLabel->setBuddy(m_connectUrls);
    m_ui->formLayout->addRow(connectLabel, m_connectUrls);
    m_connectPassword = new QLineEdit;
    m_connectPassword->setObjectName(QStringLiteral("connectPasswordEdit"));
    m_connectPassword->setEchoMode(QLineEdit::Password);
    m_connectPassword->setPlaceholderText(QStringLiteral("for the workers whose URL names a user"));
    auto* connectPasswordLabel = new QLabel(QStringLiteral("Connect pass&word:"));
    connectPasswordLabel->setBuddy(m_connectPassword);
    m_ui->formLayout->addRow(connectPasswordLabel, m_connectPassword);
    connect(m_connectUrls, &QPlainTextEdit::textChanged, this, &ConnectDialog::validate);
    connect(m_connectPassword, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    m_settings->secrets()->probe(this, [this](const QString& problem) { showKeychainState(problem); });
    connect(m_security, &SecurityForm::changed, this, &ConnectDialog::validate);
    connect(m_security, &SecurityForm::bootstrapImported, this, &ConnectDialog::setBootstrapText);
    m_ui->bootstrapCombo->lineEdit()->setPlaceholderText(QStringLiteral("host:port[,host:port...]"));
    reloadRecents();
    connect(m_ui->bootstrapCombo, &QComboBox::currentIndexChanged, this, &ConnectDialog::fillFromRecent);
    // "Manage…": the saved connections dialog (rename, label, read-only, delete, forget secrets).
    m_manageButton = new QPushButton(QStringLiteral("&Manage…"));
    m_manageButton->setObjectName(QStringLiteral("manageButton"));
    m_manageButton->setToolTip(QStringLiteral("Rename, label, reorder or delete saved connections, or forget their "
                                              "secrets in the system keychain"));
    auto* bootstrapRow = new QHBoxLayout;
    m_ui->formLayout->removeWidget(m_ui->bootstrapCombo);
    bootstrapRow->addWidget(m_ui->bootstrapCombo, 1);
    bootstrapRow->addWidget(m_manageButton);
    m_ui->formLayout->setLayout(0, QFormLayout::FieldRole, bootstrapRow);
    connect(m_manageButton, &QPushButton::clicked, this, [this] {
        ConnectionsDialog manage(m_settings, this);
        if (manage.exec() == QDialog::Accepted)
            reloadRecents();
    });
    connect(m_ui->bootstrapCombo, &QComboBox::editTextChanged, this, &ConnectDialog::dropStaleName);
    connect(m_ui->bootstrapCombo, &QComboBox::editTextChanged, this, &ConnectDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    connect(m_ui->demoButton, &QPushButton::clicked, this, [this] {
        m_profile = ConnectionProfile { QStringLiteral("Demo (simulated)"), {}, true };
        QDialog::accept();
    });
    // Enter connects (when the input is valid); the other buttons take a click or their shortcut.
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(true);
    for (auto* button : findChildren<QPushButton*>())
        button->setAutoDefault(button == m_ui->buttonBox->button(QDialogButtonBox::Ok));
    validate();
    fitHeightToScreen(this);
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::reloadRecents()
{
    {
        const QSignalBlocker block(m_ui->bootstrapCombo);
        const QString typed = m_ui->bootstrapCombo->currentText();
        m_ui->bootstrapCombo->clear();
        for (const auto& recent : m_settings->recentConnections())
            m_ui->bootstrapCombo->addItem(
                recent.name.isEmpty() ? recent.bootstrap : recent.name + QStringLiteral(" — ") + recent.bootstrap,
                recent.bootstrap);
        m_ui->bootstrapCombo->setEditText(typed);
    }
    // Pre-fill with the newest recent connection, name included: accepting it unchanged must not erase its name.
    if (m_ui->bootstrapCombo->count() > 0) {
        m_ui->bootstrapCombo->setCurrentIndex(0);
        fillFromRecent(0);
    }
    validate();
}

void ConnectDialog::fillFromRecent(int index)
{
    const auto recents = m_settings->recentConnections();
    if (index < 0 || index >= recents.size())
        return;
    // Remembered before the edit text changes, so dropStaleName() sees the new pair.
    m_filledName = recents[index].name;
    m_filledBootstrap = recents[index].bootstrap;
    m_ui->bootstrapCombo->setEditText(m_filledBootstrap);
    m_ui->nameEdit->setText(m_filledName);
    m_ui->readOnlyCheck->setChecked(recents[index].readOnly);
    m_security->setConfig(recents[index].security);
    m_label->setText(recents[index].label);
    m_color->setCurrentIndex(std::max(0, m_color->findData(recents[index].color)));
    m_dataPlane->setPlainText(formatDataPlaneProperties(recents[index].dataPlaneExtra));
    m_connectUrls->setPlainText(connect::formatConnectUrls(recents[index].connect));
    m_connectPassword->clear();
    m_knownConnectPasswords.clear();
    // The secrets arrive when the keychain answers; by then the user may have picked another connection, or typed.
    const RecentConnection recent = recents[index];
    m_readingKey = profiles::secretKey(recent);
    m_settings->secrets()->read(m_readingKey, this, [this, recent](const profiles::SecretsResult& result) {
        if (m_readingKey != profiles::secretKey(recent))
            return;
        m_readingKey.clear();
        showKeychainState(result.keychainProblem);
        if (!result.found() || m_ui->bootstrapCombo->currentText().trimmed() != recent.bootstrap)
            return;
        SecurityConfig current = m_security->config();
        result.secrets.fillInto(current);
        m_security->setConfig(current);
        m_knownConnectPasswords = result.secrets.connectPasswords;
        validate();
        m_secretNote->setText(result.source == profiles::SecretsResult::Source::Keychain
                ? QStringLiteral("Secrets filled in from the system keychain.")
                : QStringLiteral("Secrets filled in from this run (%1: they are asked for again in the next run).")
                      .arg(result.keychainProblem.isEmpty() ? QStringLiteral("not saved in the keychain")
                                                            : result.keychainProblem));
    });
}

void ConnectDialog::showKeychainState(const QString& problem)
{
    if (problem.isEmpty()) {
        m_keychainCheck->setEnabled(true);
        if (m_secretNote->text().startsWith(QLatin1String("No system keychain")))
            m_secretNote->clear();
        return;
    }
    m_keychainCheck->setChecked(false);
    m_keychainCheck->setEnabled(false);
    m_secretNote->setText(QStringLiteral("No system keychain: %1. Secrets are kept in memory until KafScope quits "
                                         "and asked for again in the next run.")
                              .arg(problem));
}

void ConnectDialog::dropStaleName(const QString& bootstrapText)
{
    // A name filled in from a recent connection labels that address: once the address is edited into another one,
    // the name would be remembered for the wrong cluster. A name the user typed is left alone.
    if (m_filledName.isEmpty() || m_ui->nameEdit->text() != m_filledName
        || bootstrapText.trimmed() == m_filledBootstrap)
        return;
    m_ui->nameEdit->clear();
    m_filledName.clear();
    m_filledBootstrap.clear();
}

void ConnectDialog::setBootstrapText(const QString& text)
{
    m_ui->bootstrapCombo->setEditText(text);
}

void ConnectDialog::setReadOnly(bool on)
{
    m_ui->readOnlyCheck->setChecked(on);
}

QStringList ConnectDialog::problems() const
{
    QStringList connectProblems;
    connectEndpoints(&connectProblems);
    return m_security->problems() + parseDataPlaneProperties(m_dataPlane->toPlainText()).problems + connectProblems;
}

QList<connect::ConnectEndpoint> ConnectDialog::connectEndpoints(QStringList* problems) const
{
    auto parsed = connect::parseConnectUrls(m_connectUrls->toPlainText());
    *problems = parsed.problems;
    for (auto& e : parsed.endpoints) {
        if (e.user.isEmpty() || !e.password.isEmpty())
            continue;
        e.password = !m_connectPassword->text().isEmpty() ? m_connectPassword->text()
                                                          : m_knownConnectPasswords.value(e.displayUrl());
        if (e.password.isEmpty())
            *problems << QStringLiteral("Kafka Connect: enter the password of %1 at %2.").arg(e.user, e.displayUrl());
    }
    return parsed.endpoints;
}

bool ConnectDialog::isInputValid() const
{
    return parseBootstrap(m_ui->bootstrapCombo->currentText()).ok() && problems().isEmpty();
}

void ConnectDialog::validate()
{
    const auto text = m_ui->bootstrapCombo->currentText();
    const auto parsed = parseBootstrap(text);
    auto* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    const QStringList problems = this->problems();
    ok->setEnabled(parsed.ok() && problems.isEmpty());
    if (parsed.ok() && !problems.isEmpty()) {
        m_ui->validationLabel->setText(problems.join(QLatin1Char(' ')));
        m_ui->validationLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    } else if (text.trimmed().isEmpty()) {
        m_ui->validationLabel->setText(QStringLiteral("Enter the bootstrap servers of your cluster."));
        m_ui->validationLabel->setStyleSheet({});
    } else if (!parsed.ok()) {
        m_ui->validationLabel->setText(parsed.error);
        m_ui->validationLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    } else {
        m_ui->validationLabel->setText(QStringLiteral("%1 broker address(es): %2; %3")
                                           .arg(parsed.addresses.size())
                                           .arg(formatBootstrap(parsed.addresses), m_security->config().describe()));
        m_ui->validationLabel->setStyleSheet(QStringLiteral("color: #1e6b30;"));
    }
}

void ConnectDialog::accept()
{
    const auto parsed = parseBootstrap(m_ui->bootstrapCombo->currentText());
    if (!parsed.ok() || !problems().isEmpty())
        return; // the button is disabled; Enter in the field must not send either
    m_profile = ConnectionProfile { m_ui->nameEdit->text().trimmed(), formatBootstrap(parsed.addresses), false };
    m_profile.readOnly = m_ui->readOnlyCheck->isChecked();
    m_profile.security = m_security->config();
    m_profile.label = m_label->text().trimmed();
    m_profile.color = m_color->currentData().toString();
    m_profile.dataPlaneExtra = parseDataPlaneProperties(m_dataPlane->toPlainText()).properties;
    QStringList connectProblems;
    m_profile.connect = connectEndpoints(&connectProblems);
    RecentConnection saved { m_profile.name, m_profile.bootstrap, m_profile.readOnly, m_profile.label, m_profile.color,
        m_profile.security, m_profile.dataPlaneExtra, m_profile.connect };
    // The secrets go to the keychain (or this run's memory), never to the settings file.
    m_settings->secrets()->store(profiles::secretKey(saved), profiles::Secrets::of(saved.security, saved.connect),
        m_keychainCheck->isEnabled() && m_keychainCheck->isChecked());
    m_settings->addRecentConnection(saved);
    QDialog::accept();
}

} // namespace kafscope
