#include "ui/connectdialog.h"

#include "kafka/protocol/bootstrap.h"
#include "ui/securityform.h"
#include "ui/settings.h"
#include "ui_connectdialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

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
    m_security = new SecurityForm(this);
    m_ui->verticalLayout->insertWidget(1, m_security);
    connect(m_security, &SecurityForm::changed, this, &ConnectDialog::validate);
    connect(m_security, &SecurityForm::bootstrapImported, this, &ConnectDialog::setBootstrapText);
    for (const auto& recent : m_settings->recentConnections())
        m_ui->bootstrapCombo->addItem(
            recent.name.isEmpty() ? recent.bootstrap : recent.name + QStringLiteral(" — ") + recent.bootstrap,
            recent.bootstrap);
    m_ui->bootstrapCombo->lineEdit()->setPlaceholderText(QStringLiteral("host:port[,host:port...]"));
    connect(m_ui->bootstrapCombo, &QComboBox::currentIndexChanged, this, &ConnectDialog::fillFromRecent);
    // Pre-fill with the newest recent connection, name included: accepting it unchanged must not erase its name.
    if (m_ui->bootstrapCombo->count() > 0)
        fillFromRecent(0);
    connect(m_ui->bootstrapCombo, &QComboBox::editTextChanged, this, &ConnectDialog::dropStaleName);
    connect(m_ui->bootstrapCombo, &QComboBox::editTextChanged, this, &ConnectDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    connect(m_ui->demoButton, &QPushButton::clicked, this, [this] {
        m_profile = ConnectionProfile { QStringLiteral("Demo (simulated)"), {}, true };
        QDialog::accept();
    });
    validate();
}

ConnectDialog::~ConnectDialog() = default;

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

bool ConnectDialog::isInputValid() const
{
    return parseBootstrap(m_ui->bootstrapCombo->currentText()).ok() && m_security->problems().isEmpty();
}

void ConnectDialog::validate()
{
    const auto text = m_ui->bootstrapCombo->currentText();
    const auto parsed = parseBootstrap(text);
    auto* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    const QStringList problems = m_security->problems();
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
    if (!parsed.ok() || !m_security->problems().isEmpty())
        return; // the button is disabled; Enter in the field must not send either
    m_profile = ConnectionProfile { m_ui->nameEdit->text().trimmed(), formatBootstrap(parsed.addresses), false };
    m_profile.readOnly = m_ui->readOnlyCheck->isChecked();
    m_profile.security = m_security->config();
    m_profile.label = m_label->text().trimmed();
    m_profile.color = m_color->currentData().toString();
    m_settings->addRecentConnection({ m_profile.name, m_profile.bootstrap, m_profile.readOnly, m_profile.label,
        m_profile.color, m_profile.security });
    QDialog::accept();
}

} // namespace kafscope
