#include "ui/dialogs/deletetopicdialog.h"

#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui_deletetopicdialog.h"

#include <QLocale>
#include <QPushButton>

namespace kafscope {

DeleteTopicDialog::DeleteTopicDialog(Cluster* cluster, const QString& topic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DeleteTopicDialog>())
    , m_cluster(cluster)
    , m_topic(topic)
{
    m_ui->setupUi(this);
    const auto* info = cluster->metadata().topic(topic);
    m_internal = (info && info->isInternal) || topic.startsWith(QLatin1String("__"));
    QString what = QStringLiteral("Delete topic <b>%1</b>").arg(topic.toHtmlEscaped());
    if (info) {
        what += QStringLiteral(" with its %1 partition(s)").arg(info->partitions.size());
        if (info->messageCount() >= 0)
            what += QStringLiteral(" and about %1 records").arg(QLocale().toString(qint64(info->messageCount())));
    }
    what += QStringLiteral("? Producers and consumers of it will fail, and the records cannot be brought back.");
    m_ui->whatLabel->setText(what);
    m_deleteButton = m_ui->buttonBox->addButton(QStringLiteral("&Delete"), QDialogButtonBox::DestructiveRole);
    connect(m_deleteButton, &QPushButton::clicked, this, &DeleteTopicDialog::deleteTopic);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &DeleteTopicDialog::updateButton);
    if (m_internal) {
        showMessage(
            QStringLiteral("%1 is one of Kafka's internal topics (consumer offsets, transactions, ...): KafScope "
                           "does not delete it.")
                .arg(topic),
            true);
        m_ui->confirmEdit->setEnabled(false);
    } else if (const auto refusal = cluster->writeRefusal(); !refusal.isEmpty()) {
        m_refusal = refusal;
        showMessage(refusal, true);
        m_ui->confirmEdit->setEnabled(false);
    }
    updateButton();
}

DeleteTopicDialog::~DeleteTopicDialog() = default;

void DeleteTopicDialog::setConfirmation(const QString& typed)
{
    m_ui->confirmEdit->setText(typed);
}

bool DeleteTopicDialog::canDelete() const
{
    return m_deleteButton->isEnabled();
}

QString DeleteTopicDialog::message() const
{
    return m_ui->messageLabel->text();
}

void DeleteTopicDialog::updateButton()
{
    m_deleteButton->setEnabled(!m_internal && m_refusal.isEmpty() && !m_busy && m_ui->confirmEdit->text() == m_topic);
}

void DeleteTopicDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void DeleteTopicDialog::deleteTopic()
{
    if (m_internal || !m_refusal.isEmpty() || m_ui->confirmEdit->text() != m_topic) {
        showMessage(m_internal         ? QStringLiteral("Internal topics are not deleted.")
                : !m_refusal.isEmpty() ? m_refusal
                                       : QStringLiteral("Type \"%1\" exactly to confirm.").arg(m_topic),
            true);
        return;
    }
    m_busy = true;
    updateButton();
    showMessage(QStringLiteral("Deleting %1…").arg(m_topic), false);
    m_cluster->deleteTopics({ m_topic }, this, [this](const AdminResult<protocol::DeleteTopicsResponse>& r) {
        m_busy = false;
        updateButton();
        if (!r.ok()) {
            showMessage(r.error.message, true);
            return;
        }
        const auto& result = r.value->results.value(0);
        if (result.errorCode != 0) {
            showMessage(AdminError::kafka(result.errorCode, QStringLiteral("Deleting %1").arg(m_topic),
                            result.errorMessage.value_or(QString()))
                            .message,
                true);
            return;
        }
        emit topicDeleted(m_topic);
        accept();
    });
}

} // namespace kafscope
