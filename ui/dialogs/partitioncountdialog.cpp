#include "ui/dialogs/partitioncountdialog.h"

#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui_partitioncountdialog.h"

#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace kafscope {

namespace {
constexpr int kSampleTimeoutMs = 5000;

QString percent(double share)
{
    return QStringLiteral("%1%").arg(QLocale().toString(share * 100, 'f', 0));
}
} // namespace

PartitionCountDialog::PartitionCountDialog(Cluster* cluster, const QString& topic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PartitionCountDialog>())
    , m_cluster(cluster)
    , m_topic(topic)
    , m_sampleTimeout(new QTimer(this))
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Add partitions to %1").arg(topic));
    const auto* info = cluster->metadata().topic(topic);
    m_current = info ? int(info->partitions.size()) : 0;
    m_ui->whatLabel->setText(info
            ? QStringLiteral("Topic <b>%1</b> has %2 partition(s), replication factor %3. New partitions get the same "
                             "replication factor; the controller places them.")
                  .arg(topic.toHtmlEscaped())
                  .arg(m_current)
                  .arg(info->replicationFactor())
            : QStringLiteral("Topic <b>%1</b> is not in the cluster's metadata (refresh and try again).")
                  .arg(topic.toHtmlEscaped()));
    m_ui->countSpin->setValue(m_current > 0 ? m_current * 2 : 1);
    m_checkButton = m_ui->buttonBox->addButton(QStringLiteral("C&heck"), QDialogButtonBox::ActionRole);
    m_checkButton->setToolTip(QStringLiteral("Ask the cluster whether it would add them (validate-only: nothing "
                                             "changes)"));
    m_applyButton = m_ui->buttonBox->addButton(QStringLiteral("&Add partitions"), QDialogButtonBox::AcceptRole);
    m_applyButton->setDefault(true);
    connect(m_checkButton, &QPushButton::clicked, this, &PartitionCountDialog::check);
    disconnect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PartitionCountDialog::apply);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->countSpin, &QSpinBox::valueChanged, this, [this] {
        updateMoves();
        updateButtons();
    });
    m_refusal = cluster->writeRefusal();
    if (!m_refusal.isEmpty())
        showMessage(m_refusal, true);
    m_sampleTimeout->setSingleShot(true);
    m_sampleTimeout->setInterval(kSampleTimeoutMs);
    connect(m_sampleTimeout, &QTimer::timeout, this,
        [this] { finishSample(QStringLiteral("(stopped reading after %1 s)").arg(kSampleTimeoutMs / 1000)); });
    updateButtons();
    if (info)
        startSample();
    updateMoves();
}

PartitionCountDialog::~PartitionCountDialog()
{
    if (m_consumer)
        m_consumer->shutdown(); // never waits; the consumer winds down on its own thread
}

void PartitionCountDialog::startSample()
{
    // The topic's own recent keys: the last records of every partition, read without a consumer group.
    m_consumer = m_cluster->createConsumer(this);
    connect(m_consumer, &ConsumerInterface::recordsAvailable, this, &PartitionCountDialog::drainSample);
    connect(m_consumer, &ConsumerInterface::endOfPartition, this, [this](int32_t partition) {
        m_partitionsDone.insert(partition);
        if (m_current > 0 && m_partitionsDone.size() >= m_current) {
            drainSample();
            finishSample({});
        }
    });
    connect(m_consumer, &ConsumerInterface::statusChanged, this,
        [this](ConsumerInterface::Status status, const QString& message) {
            if (status == ConsumerInterface::Status::Failed)
                finishSample(QStringLiteral("(reading failed: %1)").arg(message));
        });
    ConsumerOptions options;
    options.bootstrap = m_cluster->bootstrapServers();
    options.extraConfig = m_cluster->dataPlaneConfig();
    options.topic = m_topic;
    options.start = ConsumeStart::lastN(kSamplePerPartition);
    options.reportEndOfPartition = true;
    options.bufferCapacity = size_t(kSamplePerPartition) * size_t(std::max(1, m_current));
    m_sampling = true;
    m_sampleTimeout->start();
    m_consumer->start(options);
}

void PartitionCountDialog::drainSample()
{
    if (!m_consumer || !m_sampling)
        return;
    for (const auto& record : m_consumer->drain()) {
        ++m_recordsSeen;
        if (!record.keyIsNull() && m_keys.size() < kMaxSampledKeys)
            m_keys.insert(record.key().toByteArray());
    }
    updateMoves();
}

void PartitionCountDialog::finishSample(const QString& note)
{
    if (!m_sampling)
        return;
    m_sampling = false;
    m_sampleNote = note;
    m_sampleTimeout->stop();
    if (m_consumer) {
        m_consumer->shutdown();
        m_consumer->deleteLater();
        m_consumer = nullptr;
    }
    updateMoves();
}

QString PartitionCountDialog::validationError() const
{
    if (m_current <= 0)
        return QStringLiteral("%1 is not in the cluster's metadata.").arg(m_topic);
    return admin::checkNewPartitionCount(m_topic, m_current, m_ui->countSpin->value());
}

void PartitionCountDialog::updateMoves()
{
    const int to = m_ui->countSpin->value();
    QStringList lines;
    if (m_current > 0 && to > m_current) {
        lines.append(QStringLiteral("Uniformly spread keys: %1 would move from %2 to %3 partitions.")
                         .arg(percent(admin::expectedMovedShare(m_current, to)))
                         .arg(m_current)
                         .arg(to));
        const auto moves = admin::keyMoves(QList<QByteArray>(m_keys.cbegin(), m_keys.cend()), m_current, to);
        if (moves.keys > 0) {
            lines.append(QStringLiteral("Of the %1 distinct keys in the last %2 record(s): <b>%3</b> move under "
                                        "murmur2 (Java clients' default), <b>%4</b> under CRC-32 (librdkafka's "
                                        "consistent_random).")
                             .arg(QLocale().toString(moves.keys))
                             .arg(QLocale().toString(m_recordsSeen))
                             .arg(percent(moves.murmur2Share()), percent(moves.crc32Share())));
        }
    }
    if (m_sampling)
        lines.append(
            QStringLiteral("Reading the last %1 records of each partition for their keys…").arg(kSamplePerPartition));
    else if (m_keys.isEmpty() && m_current > 0)
        lines.append(QStringLiteral("No keyed records found in the last %1 records of each partition %2: records "
                                    "without a key are spread by the producer and are not affected.")
                         .arg(kSamplePerPartition)
                         .arg(m_sampleNote)
                         .trimmed());
    else if (!m_sampleNote.isEmpty())
        lines.append(m_sampleNote);
    m_ui->movesLabel->setText(lines.join(QStringLiteral("<br/>")));
}

void PartitionCountDialog::updateButtons()
{
    const QString error = validationError();
    const bool ok = error.isEmpty() && m_refusal.isEmpty() && !m_busy;
    m_checkButton->setEnabled(ok);
    m_applyButton->setEnabled(ok);
    if (!m_refusal.isEmpty())
        return; // the refusal stays on screen
    if (!error.isEmpty() && m_current > 0)
        showMessage(error, true);
    else if (!m_busy)
        inline_message::hide(m_ui->messageLabel);
}

void PartitionCountDialog::setCount(int count)
{
    m_ui->countSpin->setValue(count);
}

bool PartitionCountDialog::canApply() const
{
    return m_applyButton->isEnabled();
}

QString PartitionCountDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QString PartitionCountDialog::movesText() const
{
    return m_ui->movesLabel->text();
}

void PartitionCountDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void PartitionCountDialog::check()
{
    send(true, false);
}

void PartitionCountDialog::apply()
{
    send(true, true);
}

void PartitionCountDialog::send(bool validateOnly, bool thenApply)
{
    if (!m_refusal.isEmpty()) {
        showMessage(m_refusal, true);
        return;
    }
    if (const auto error = validationError(); !error.isEmpty()) {
        showMessage(error, true); // checked before sending: nothing goes out
        return;
    }
    const int count = m_ui->countSpin->value();
    protocol::CreatePartitionsRequest request;
    request.topics = { { m_topic, count, std::nullopt } };
    request.validateOnly = validateOnly;
    m_busy = true;
    updateButtons();
    showMessage(validateOnly ? QStringLiteral("Checking with the cluster…")
                             : QStringLiteral("Adding partitions to %1…").arg(m_topic),
        false);
    m_cluster->createPartitions(request, this,
        [this, validateOnly, thenApply, count](const AdminResult<protocol::CreatePartitionsResponse>& r) {
            m_busy = false;
            updateButtons();
            if (!r.ok()) {
                showMessage(r.error.message, true);
                return;
            }
            if (r.value->results.isEmpty()) {
                showMessage(QStringLiteral("The cluster answered without a result for %1.").arg(m_topic), true);
                return;
            }
            const auto& result = r.value->results.first();
            if (result.errorCode != 0) {
                showMessage(AdminError::kafka(result.errorCode, QStringLiteral("Adding partitions to %1").arg(m_topic),
                                result.errorMessage.value_or(QString()))
                                .message,
                    true);
                return;
            }
            if (validateOnly && thenApply) {
                send(false, false);
                return;
            }
            if (validateOnly) {
                showMessage(QStringLiteral("The cluster would raise %1 to %2 partitions (nothing changed yet).")
                                .arg(m_topic)
                                .arg(count),
                    false);
                return;
            }
            showMessage(QStringLiteral("%1 now has %2 partitions.").arg(m_topic).arg(count), false);
            emit partitionsAdded(m_topic, count);
            accept();
        });
}

} // namespace kafscope
