#include "ui/dialogs/deleteconnectordialog.h"

#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui_deleteconnectordialog.h"

#include <QPointer>
#include <QPushButton>

namespace kafscope {

DeleteConnectorDialog::DeleteConnectorDialog(connect::ConnectClient* client, const Cluster* session,
    const connect::ConnectorInfo& connector, const QStringList& topics, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DeleteConnectorDialog>())
    , m_client(client)
    , m_session(session)
    , m_connector(connector)
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Delete connector %1").arg(connector.name));
    const QString name = connector.name.toHtmlEscaped();
    QString text = QStringLiteral("Delete the %1 connector <b>%2</b> from %3? Its config, tasks and status go; "
                                  "nothing can bring them back but creating it again.")
                       .arg(connector.type.toHtmlEscaped(), name, client->endpoint().displayUrl().toHtmlEscaped());
    if (connector.type == QLatin1String("source"))
        text += QStringLiteral("<br>What stays: the records it wrote, and its source offsets in the Connect cluster's "
                               "offsets topic (a connector created again with the same name continues from them).");
    else if (connector.type == QLatin1String("sink"))
        text
            += QStringLiteral("<br>What stays: the topics it read, and its consumer group <code>connect-%1</code> with "
                              "its committed offsets (a connector created again with the same name continues from "
                              "them).")
                   .arg(name);
    if (!topics.isEmpty())
        text += QStringLiteral("<br>Topics it used: %1.").arg(topics.join(QStringLiteral(", ")).toHtmlEscaped());
    m_ui->explanation->setText(text);
    m_ui->confirmEdit->setPlaceholderText(connector.name);
    m_deleteButton = m_ui->buttonBox->addButton(QStringLiteral("&Delete"), QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    connect(m_deleteButton, &QPushButton::clicked, this, &DeleteConnectorDialog::deleteNow);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &DeleteConnectorDialog::updateButton);
    if (m_session->isReadOnly())
        inline_message::show(m_ui->statusLabel, inline_message::Kind::Error, m_session->writeRefusal());
    updateButton();
}

DeleteConnectorDialog::~DeleteConnectorDialog() = default;

void DeleteConnectorDialog::setConfirmation(const QString& typed)
{
    m_ui->confirmEdit->setText(typed);
}

bool DeleteConnectorDialog::canDelete() const
{
    return !m_sending && !m_session->isReadOnly() && m_ui->confirmEdit->text() == m_connector.name;
}

QString DeleteConnectorDialog::message() const
{
    return m_ui->statusLabel->isVisibleTo(this) ? m_ui->statusLabel->text() : QString();
}

QString DeleteConnectorDialog::explanation() const
{
    return m_ui->explanation->text();
}

void DeleteConnectorDialog::updateButton()
{
    m_deleteButton->setEnabled(canDelete());
    m_deleteButton->setToolTip(m_session->isReadOnly() ? m_session->writeRefusal()
            : canDelete()                              ? QStringLiteral("Delete %1 now").arg(m_connector.name)
                                                       : QStringLiteral("Type the connector's name to delete it"));
}

void DeleteConnectorDialog::deleteNow()
{
    if (!canDelete())
        return; // the button is disabled; Enter must not send either
    m_sending = true;
    updateButton();
    inline_message::show(
        m_ui->statusLabel, inline_message::Kind::Info, QStringLiteral("Deleting %1…").arg(m_connector.name));
    const QString name = m_connector.name;
    // The client is the page's: the answer may come after this dialog was closed.
    m_client->remove(name, [self = QPointer<DeleteConnectorDialog>(this), name](const connect::ConnectResult<bool>& r) {
        if (!self)
            return;
        self->finish(name, r);
    });
}

void DeleteConnectorDialog::finish(const QString& name, const connect::ConnectResult<bool>& r)
{
    m_sending = false;
    if (!r.ok()) {
        inline_message::show(m_ui->statusLabel, inline_message::Kind::Error, r.error.message);
        updateButton();
        return;
    }
    emit deleted(name);
    accept();
}

} // namespace kafscope
