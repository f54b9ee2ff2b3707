#include "ui/connectdialog.h"

#include "kafka/protocol/bootstrap.h"
#include "ui/settings.h"
#include "ui_connectdialog.h"

#include <QLineEdit>
#include <QPushButton>

namespace kafscope {

ConnectDialog::ConnectDialog(Settings* settings, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectDialog>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    for (const auto& recent : m_settings->recentConnections())
        m_ui->bootstrapCombo->addItem(recent.name.isEmpty() ? recent.bootstrap : recent.name + QStringLiteral(" — ") + recent.bootstrap,
                                      recent.bootstrap);
    m_ui->bootstrapCombo->lineEdit()->setPlaceholderText(QStringLiteral("host:port[,host:port...]"));
    connect(m_ui->bootstrapCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0)
            return;
        const auto recents = m_settings->recentConnections();
        if (index < recents.size()) {
            m_ui->bootstrapCombo->setEditText(recents[index].bootstrap);
            m_ui->nameEdit->setText(recents[index].name);
        }
    });
    if (m_ui->bootstrapCombo->count() > 0)
        m_ui->bootstrapCombo->setEditText(m_settings->recentConnections().first().bootstrap);
    connect(m_ui->bootstrapCombo, &QComboBox::editTextChanged, this, &ConnectDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    connect(m_ui->demoButton, &QPushButton::clicked, this, [this] {
        m_profile = ConnectionProfile {QStringLiteral("Demo (simulated)"), {}, true};
        QDialog::accept();
    });
    validate();
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setBootstrapText(const QString& text)
{
    m_ui->bootstrapCombo->setEditText(text);
}

bool ConnectDialog::isInputValid() const
{
    return parseBootstrap(m_ui->bootstrapCombo->currentText()).ok();
}

void ConnectDialog::validate()
{
    const auto text = m_ui->bootstrapCombo->currentText();
    const auto parsed = parseBootstrap(text);
    auto* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(parsed.ok());
    if (text.trimmed().isEmpty()) {
        m_ui->validationLabel->setText(QStringLiteral("Enter the bootstrap servers of your cluster."));
        m_ui->validationLabel->setStyleSheet({});
    } else if (!parsed.ok()) {
        m_ui->validationLabel->setText(parsed.error);
        m_ui->validationLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    } else {
        m_ui->validationLabel->setText(QStringLiteral("%1 broker address(es): %2")
                                           .arg(parsed.addresses.size())
                                           .arg(formatBootstrap(parsed.addresses)));
        m_ui->validationLabel->setStyleSheet(QStringLiteral("color: #1e6b30;"));
    }
}

void ConnectDialog::accept()
{
    const auto parsed = parseBootstrap(m_ui->bootstrapCombo->currentText());
    if (!parsed.ok())
        return; // the button is disabled; Enter in the field must not send either
    m_profile = ConnectionProfile {m_ui->nameEdit->text().trimmed(), formatBootstrap(parsed.addresses), false};
    m_settings->addRecentConnection({m_profile.name, m_profile.bootstrap});
    QDialog::accept();
}

} // namespace kafscope
