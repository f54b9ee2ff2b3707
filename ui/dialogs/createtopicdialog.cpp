#include "ui/dialogs/createtopicdialog.h"

#include "kafka/admin/topicname.h"
#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui_createtopicdialog.h"

#include <QPushButton>

namespace kafscope {

CreateTopicDialog::CreateTopicDialog(Cluster* cluster, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CreateTopicDialog>())
    , m_cluster(cluster)
{
    m_ui->setupUi(this);
    m_ui->cleanupCombo->addItem(QStringLiteral("broker default"), QString());
    m_ui->cleanupCombo->addItem(
        QStringLiteral("delete: old records are removed by time or size"), QStringLiteral("delete"));
    m_ui->cleanupCombo->addItem(
        QStringLiteral("compact: the last record of each key is kept"), QStringLiteral("compact"));
    m_ui->cleanupCombo->addItem(QStringLiteral("compact, delete: both"), QStringLiteral("compact,delete"));
    const int brokers = int(cluster->metadata().brokers.size());
    m_ui->rfSpin->setValue(std::min(3, std::max(1, brokers)));
    m_checkButton = m_ui->buttonBox->addButton(QStringLiteral("C&heck"), QDialogButtonBox::ActionRole);
    m_checkButton->setToolTip(QStringLiteral("Ask the cluster whether it would create this topic (validate-only: "
                                             "nothing is created)"));
    m_createButton = m_ui->buttonBox->addButton(QStringLiteral("C&reate"), QDialogButtonBox::AcceptRole);
    m_createButton->setDefault(true);
    connect(m_checkButton, &QPushButton::clicked, this, &CreateTopicDialog::check);
    disconnect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &CreateTopicDialog::create);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (auto* edit : { m_ui->nameEdit, m_ui->retentionEdit })
        connect(edit, &QLineEdit::textChanged, this, &CreateTopicDialog::updateValidation);
    for (auto* spin : { m_ui->partitionsSpin, m_ui->rfSpin })
        connect(spin, &QSpinBox::valueChanged, this, &CreateTopicDialog::updateValidation);
    updateValidation();
}

CreateTopicDialog::~CreateTopicDialog() = default;

void CreateTopicDialog::setName(const QString& name)
{
    m_ui->nameEdit->setText(name);
}

void CreateTopicDialog::setPartitions(int partitions)
{
    m_ui->partitionsSpin->setValue(partitions);
}

void CreateTopicDialog::setReplicationFactor(int replicationFactor)
{
    m_ui->rfSpin->setValue(replicationFactor);
}

void CreateTopicDialog::setRetentionMs(const QString& text)
{
    m_ui->retentionEdit->setText(text);
}

QString CreateTopicDialog::message() const
{
    return m_ui->messageLabel->text();
}

bool CreateTopicDialog::canCreate() const
{
    return m_createButton->isEnabled();
}

std::optional<protocol::CreateTopicsRequest> CreateTopicDialog::request(QString* error, QString* warning) const
{
    const QString name = m_ui->nameEdit->text().trimmed();
    const auto check = admin::checkTopicName(name);
    if (!check.ok()) {
        *error = name.isEmpty() ? QStringLiteral("Name the topic.") : check.error;
        return std::nullopt;
    }
    if (warning)
        *warning = check.warning;
    if (m_cluster->metadata().topic(name)) {
        *error = QStringLiteral("Topic \"%1\" already exists on this cluster.").arg(name);
        return std::nullopt;
    }
    const int brokers = int(m_cluster->metadata().brokers.size());
    const int rf = m_ui->rfSpin->value();
    if (rf < 1) {
        *error = QStringLiteral("The replication factor is at least 1 (one copy of each partition).");
        return std::nullopt;
    }
    if (brokers > 0 && rf > brokers) {
        *error
            = QStringLiteral("A replication factor of %1 needs %1 brokers; the cluster has %2.").arg(rf).arg(brokers);
        return std::nullopt;
    }
    protocol::CreatableTopic topic;
    topic.name = name;
    topic.numPartitions = m_ui->partitionsSpin->value();
    topic.replicationFactor = int16_t(rf);
    const QString retention = m_ui->retentionEdit->text().trimmed();
    if (!retention.isEmpty()) {
        bool ok = false;
        const qint64 ms = retention.toLongLong(&ok);
        if (!ok || ms < -1) {
            *error = QStringLiteral("Retention is a number of milliseconds (-1: forever), not \"%1\".").arg(retention);
            return std::nullopt;
        }
        topic.configs.append({ QStringLiteral("retention.ms"), QString::number(ms) });
    }
    if (const auto policy = m_ui->cleanupCombo->currentData().toString(); !policy.isEmpty())
        topic.configs.append({ QStringLiteral("cleanup.policy"), policy });
    protocol::CreateTopicsRequest request;
    request.topics = { topic };
    return request;
}

void CreateTopicDialog::updateValidation()
{
    QString error;
    QString warning;
    const bool valid = request(&error, &warning).has_value();
    const QString refusal = m_cluster->writeRefusal();
    m_createButton->setEnabled(valid && !m_busy && refusal.isEmpty());
    m_checkButton->setEnabled(valid && !m_busy && refusal.isEmpty());
    if (!refusal.isEmpty())
        inline_message::show(m_ui->messageLabel, inline_message::Kind::Error, refusal);
    else if (!valid && !m_ui->nameEdit->text().isEmpty())
        inline_message::show(m_ui->messageLabel, inline_message::Kind::Error, error);
    else if (valid && !warning.isEmpty())
        inline_message::show(m_ui->messageLabel, inline_message::Kind::Warning, warning);
    else
        inline_message::hide(m_ui->messageLabel);
}

void CreateTopicDialog::check()
{
    send(true, false);
}

void CreateTopicDialog::create()
{
    send(true, true);
}

void CreateTopicDialog::showResult(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void CreateTopicDialog::send(bool validateOnly, bool thenCreate)
{
    QString error;
    auto req = request(&error);
    if (!req) {
        showResult(error, true); // validated before sending: nothing goes out
        return;
    }
    if (const auto refusal = m_cluster->writeRefusal(); !refusal.isEmpty()) {
        showResult(refusal, true);
        return;
    }
    req->validateOnly = validateOnly;
    m_busy = true;
    updateValidation();
    showResult(validateOnly ? QStringLiteral("Checking with the cluster…") : QStringLiteral("Creating…"), false);
    const QString name = req->topics.first().name;
    m_cluster->createTopics(
        *req, this, [this, validateOnly, thenCreate, name](const AdminResult<protocol::CreateTopicsResponse>& r) {
            m_busy = false;
            updateValidation();
            if (!r.ok()) {
                showResult(r.error.message, true);
                return;
            }
            const auto& result = r.value->topics.value(0);
            if (result.errorCode != 0) {
                showResult(AdminError::kafka(result.errorCode, QStringLiteral("Topic %1").arg(name),
                               result.errorMessage.value_or(QString()))
                               .message,
                    true);
                return;
            }
            if (validateOnly && thenCreate) {
                send(false, false);
                return;
            }
            if (validateOnly) {
                showResult(
                    QStringLiteral("The cluster would create %1 as asked (nothing was created yet).").arg(name), false);
                return;
            }
            showResult(QStringLiteral("Created %1.").arg(name), false);
            emit topicCreated(name);
            accept();
        });
}

} // namespace kafscope
