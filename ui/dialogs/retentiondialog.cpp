#include "ui/dialogs/retentiondialog.h"

#include "kafka/admin/configedit.h"
#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui/viewsetup.h"
#include "ui_retentiondialog.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTimer>

namespace kafscope {

namespace {

enum DiskColumn { BrokerColumn, DirColumn, PartitionColumn, RoleColumn, SizeColumn, LagColumn, DiskColumnCount };

QStandardItem* numberItem(qint64 value, const QString& text)
{
    auto* item = new QStandardItem(text);
    item->setData(value, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString records(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

RetentionDialog::RetentionDialog(Cluster* cluster, const QString& topic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RetentionDialog>())
    , m_cluster(cluster)
    , m_topic(topic)
    , m_diskModel(new QStandardItemModel(0, DiskColumnCount, this))
    , m_cutoffDebounce(new QTimer(this))
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Retention of %1").arg(topic));
    m_ui->whatLabel->setText(QStringLiteral("How long topic <b>%1</b> keeps its records, and what that costs on "
                                            "disk. Loading its configs, sizes and offsets…")
                                 .arg(topic.toHtmlEscaped()));
    for (const auto& [name, unit] : { std::pair { "ms", admin::TimeUnit::Milliseconds },
             { "seconds", admin::TimeUnit::Seconds }, { "minutes", admin::TimeUnit::Minutes },
             { "hours", admin::TimeUnit::Hours }, { "days", admin::TimeUnit::Days } })
        m_ui->timeUnitCombo->addItem(QString::fromLatin1(name), int(unit));
    for (const auto& [name, unit] : { std::pair { "bytes", admin::SizeUnit::Bytes }, { "KiB", admin::SizeUnit::KiB },
             { "MiB", admin::SizeUnit::MiB }, { "GiB", admin::SizeUnit::GiB }, { "TiB", admin::SizeUnit::TiB } })
        m_ui->sizeUnitCombo->addItem(QString::fromLatin1(name), int(unit));
    m_ui->cleanupCombo->addItem(
        QStringLiteral("delete: old records are removed by time or size"), QStringLiteral("delete"));
    m_ui->cleanupCombo->addItem(
        QStringLiteral("compact: the latest record of each key is kept"), QStringLiteral("compact"));
    m_ui->cleanupCombo->addItem(QStringLiteral("compact, delete: both"), QStringLiteral("compact,delete"));

    m_diskModel->setHorizontalHeaderLabels({ QStringLiteral("Broker"), QStringLiteral("Log dir"),
        QStringLiteral("Partition"), QStringLiteral("Replica"), QStringLiteral("Size"), QStringLiteral("Offset lag") });
    m_diskModel->setSortRole(Qt::UserRole);
    setupTableView(m_ui->diskView, m_diskModel);
    m_ui->diskView->horizontalHeader()->setStretchLastSection(false);

    m_applyButton = m_ui->buttonBox->addButton(QStringLiteral("&Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setDefault(true);
    disconnect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &RetentionDialog::apply);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (auto* edit : { m_ui->timeEdit, m_ui->sizeEdit })
        connect(edit, &QLineEdit::textChanged, this, &RetentionDialog::updateView);
    for (auto* combo : { m_ui->timeUnitCombo, m_ui->sizeUnitCombo, m_ui->cleanupCombo })
        connect(combo, &QComboBox::currentIndexChanged, this, &RetentionDialog::updateView);
    m_cutoffDebounce->setSingleShot(true);
    m_cutoffDebounce->setInterval(300);
    connect(m_cutoffDebounce, &QTimer::timeout, this, &RetentionDialog::requestCutoff);

    m_refusal = cluster->writeRefusal();
    if (!m_refusal.isEmpty())
        showMessage(m_refusal, true);

    connect(m_cluster, &Cluster::configsAvailable, this, [this](const ConfigResourceResult& result) {
        if (result.type == ConfigResourceType::Topic && result.name == m_topic)
            onConfigs(result);
    });
    connect(m_cluster, &Cluster::configsFailed, this,
        [this](ConfigResourceType type, const QString& name, const QString& message) {
            if (type == ConfigResourceType::Topic && name == m_topic)
                showMessage(QStringLiteral("The configs of %1 could not be loaded: %2").arg(m_topic, message), true);
        });
    m_cluster->loadConfigs(ConfigResourceType::Topic, topic);
    m_cluster->describeLogDirs({ topic }, this, [this](const AdminResult<QList<protocol::BrokerLogDirs>>& r) {
        if (!r.ok()) {
            m_diskError = r.error.message;
            updateView();
            return;
        }
        onLogDirs(*r.value);
    });
    auto offsetsFor = [this](int64_t which, QHash<int32_t, int64_t>* target) {
        m_cluster->offsetsAt(m_topic, which, this, [this, target, which](const AdminResult<OffsetsAt>& r) {
            if (r.ok())
                for (const auto& po : r.value->offsets)
                    if (po.errorCode == 0)
                        target->insert(po.partition, po.offset);
            m_offsetsKnown = !m_earliest.isEmpty() && !m_latest.isEmpty();
            if (which == -1)
                updateView();
        });
    };
    offsetsFor(-2, &m_earliest);
    offsetsFor(-1, &m_latest);
    updateView();
}

RetentionDialog::~RetentionDialog() = default;

void RetentionDialog::onConfigs(const ConfigResourceResult& result)
{
    const bool first = !m_configsLoaded;
    m_configsLoaded = true;
    QStringList set;
    for (const auto& e : result.entries) {
        if (e.name == QLatin1String("retention.ms"))
            m_currentMs = e.value.toLongLong();
        else if (e.name == QLatin1String("retention.bytes"))
            m_currentBytes = e.value.toLongLong();
        else if (e.name == QLatin1String("cleanup.policy"))
            m_currentPolicy = e.value;
        else
            continue;
        set.append(QStringLiteral("%1 = %2 (%3)").arg(e.name, e.value, configSourceName(e.source)));
    }
    m_ui->whatLabel->setText(QStringLiteral("How long topic <b>%1</b> keeps its records, and what that costs on disk. "
                                            "Now: %2.")
                                 .arg(m_topic.toHtmlEscaped(), set.join(QStringLiteral(", ")).toHtmlEscaped()));
    if (first) {
        const auto [ms, timeUnit] = admin::splitRetentionMs(m_currentMs);
        setTime(ms, timeUnit);
        const auto [bytes, sizeUnit] = admin::splitRetentionBytes(m_currentBytes);
        setSize(bytes, sizeUnit);
        setCleanupPolicy(m_currentPolicy);
    }
    updateView();
}

void RetentionDialog::onLogDirs(const QList<protocol::BrokerLogDirs>& brokers)
{
    const auto* topic = m_cluster->metadata().topic(m_topic);
    QHash<int32_t, int32_t> leaders;
    if (topic)
        for (const auto& p : topic->partitions)
            leaders.insert(p.partition, p.leader);
    m_diskModel->removeRows(0, m_diskModel->rowCount());
    QStringList errors;
    qint64 total = 0;
    int replicas = 0;
    QSet<int32_t> brokersWithData;
    for (const auto& broker : brokers) {
        if (!broker.error.isEmpty()) {
            errors.append(QStringLiteral("broker %1: %2").arg(broker.broker).arg(broker.error));
            continue;
        }
        for (const auto& dir : broker.dirs) {
            if (dir.errorCode != 0) {
                errors.append(AdminError::kafka(
                    dir.errorCode, QStringLiteral("Log dir %1 of broker %2").arg(dir.logDir).arg(broker.broker))
                                  .message);
                continue;
            }
            for (const auto& t : dir.topics) {
                if (t.name != m_topic)
                    continue;
                for (const auto& p : t.partitions) {
                    const bool leader = leaders.value(p.partition, -1) == broker.broker && !p.isFuture;
                    if (leader)
                        m_leaderSize.insert(p.partition, p.size);
                    total += p.size;
                    ++replicas;
                    brokersWithData.insert(broker.broker);
                    m_diskModel->appendRow({ numberItem(broker.broker, QString::number(broker.broker)),
                        new QStandardItem(dir.logDir), numberItem(p.partition, QString::number(p.partition)),
                        new QStandardItem(p.isFuture ? QStringLiteral("moving here")
                                : leader             ? QStringLiteral("leader")
                                                     : QStringLiteral("follower")),
                        numberItem(p.size, admin::formatBytes(p.size)),
                        numberItem(p.offsetLag, records(p.offsetLag)) });
                }
            }
        }
    }
    qint64 leaderTotal = 0;
    for (const auto size : std::as_const(m_leaderSize))
        leaderTotal += size;
    QString summary = QStringLiteral("<b>On disk:</b> %1 in %2 replica(s) of %3 partition(s) on %4 broker(s); one "
                                     "copy of each partition (the leaders') is %5.")
                          .arg(admin::formatBytes(total))
                          .arg(replicas)
                          .arg(topic ? topic->partitions.size() : 0)
                          .arg(brokersWithData.size())
                          .arg(admin::formatBytes(leaderTotal));
    if (!errors.isEmpty())
        summary += QStringLiteral("<br/><span style='color:#b3261e'>Not included: %1</span>")
                       .arg(errors.join(QStringLiteral("; ")).toHtmlEscaped());
    m_diskError.clear();
    m_ui->diskSummary->setText(summary);
    fitColumns(m_ui->diskView);
    m_ui->diskView->sortByColumn(PartitionColumn, Qt::AscendingOrder);
    updateView();
}

void RetentionDialog::setTime(const QString& number, admin::TimeUnit unit)
{
    m_ui->timeUnitCombo->setCurrentIndex(m_ui->timeUnitCombo->findData(int(unit)));
    m_ui->timeEdit->setText(number);
}

void RetentionDialog::setSize(const QString& number, admin::SizeUnit unit)
{
    m_ui->sizeUnitCombo->setCurrentIndex(m_ui->sizeUnitCombo->findData(int(unit)));
    m_ui->sizeEdit->setText(number);
}

void RetentionDialog::setCleanupPolicy(const QString& policy)
{
    QString normalized = policy;
    normalized.remove(QLatin1Char(' '));
    if (normalized == QLatin1String("delete,compact"))
        normalized = QStringLiteral("compact,delete");
    const int index = m_ui->cleanupCombo->findData(normalized);
    if (index >= 0)
        m_ui->cleanupCombo->setCurrentIndex(index);
}

std::optional<QList<protocol::AlterableConfig>> RetentionDialog::changes(QString* error) const
{
    if (!m_configsLoaded) {
        *error = QStringLiteral("The topic's configs are still loading.");
        return std::nullopt;
    }
    const auto ms = admin::parseRetentionMs(
        m_ui->timeEdit->text(), admin::TimeUnit(m_ui->timeUnitCombo->currentData().toInt()), error);
    if (!ms)
        return std::nullopt;
    const auto bytes = admin::parseRetentionBytes(
        m_ui->sizeEdit->text(), admin::SizeUnit(m_ui->sizeUnitCombo->currentData().toInt()), error);
    if (!bytes)
        return std::nullopt;
    const QString policy = m_ui->cleanupCombo->currentData().toString();
    QList<protocol::AlterableConfig> out;
    QString current = m_currentPolicy;
    current.remove(QLatin1Char(' '));
    if (policy != current && !(policy == QLatin1String("compact,delete") && current == QLatin1String("delete,compact")))
        out.append({ QStringLiteral("cleanup.policy"), protocol::ConfigOperation::Set, policy });
    if (*bytes != m_currentBytes)
        out.append({ QStringLiteral("retention.bytes"), protocol::ConfigOperation::Set, QString::number(*bytes) });
    if (*ms != m_currentMs)
        out.append({ QStringLiteral("retention.ms"), protocol::ConfigOperation::Set, QString::number(*ms) });
    return out;
}

void RetentionDialog::requestCutoff()
{
    QString error;
    const auto ms = admin::parseRetentionMs(
        m_ui->timeEdit->text(), admin::TimeUnit(m_ui->timeUnitCombo->currentData().toInt()), &error);
    if (!ms || *ms < 0 || *ms == m_cutoffFor)
        return;
    const auto sequence = ++m_cutoffSequence;
    const int64_t retention = *ms;
    const int64_t cutoff = QDateTime::currentMSecsSinceEpoch() - retention;
    m_cluster->offsetsAt(
        m_topic, std::max<int64_t>(0, cutoff), this, [this, sequence, retention](const AdminResult<OffsetsAt>& r) {
            if (sequence != m_cutoffSequence || !r.ok())
                return; // a newer value was typed meanwhile
            m_cutoffOffset.clear();
            for (const auto& po : r.value->offsets)
                if (po.errorCode == 0)
                    m_cutoffOffset.insert(po.partition, po.offset);
            m_cutoffFor = retention;
            m_cutoffKnown = true;
            updateView();
        });
}

void RetentionDialog::updateView()
{
    QString error;
    const auto ms = admin::parseRetentionMs(
        m_ui->timeEdit->text(), admin::TimeUnit(m_ui->timeUnitCombo->currentData().toInt()), &error);
    const auto bytes = ms ? admin::parseRetentionBytes(
                           m_ui->sizeEdit->text(), admin::SizeUnit(m_ui->sizeUnitCombo->currentData().toInt()), &error)
                          : std::nullopt;
    const QString policy = m_ui->cleanupCombo->currentData().toString();
    const bool valid = m_configsLoaded && ms && bytes;
    const int64_t retentionMs = ms.value_or(-1);
    const int64_t retentionBytes = bytes.value_or(-1);
    m_applyButton->setEnabled(valid && m_refusal.isEmpty() && !m_busy);
    if (!m_configsLoaded) {
        m_ui->meaningLabel->setText(QStringLiteral("Loading…"));
        return;
    }
    if (!valid) {
        showMessage(error, true);
        m_ui->eligibleLabel->clear();
        return;
    }
    if (m_refusal.isEmpty() && !m_busy)
        inline_message::hide(m_ui->messageLabel);
    m_ui->meaningLabel->setText(admin::explainRetention(retentionMs, retentionBytes, policy));
    if (retentionMs >= 0 && retentionMs != m_cutoffFor)
        m_cutoffDebounce->start();

    const bool deletes = policy.contains(QLatin1String("delete"));
    if (!deletes) {
        m_ui->eligibleLabel->setText(QStringLiteral("<b>Eligible for deletion:</b> nothing (compaction only)."));
        return;
    }
    if (!m_offsetsKnown || (retentionMs >= 0 && (!m_cutoffKnown || m_cutoffFor != retentionMs))) {
        m_ui->eligibleLabel->setText(QStringLiteral("<b>Eligible for deletion:</b> working it out…"));
        return;
    }
    QList<admin::PartitionRetentionInput> inputs;
    for (auto it = m_latest.cbegin(); it != m_latest.cend(); ++it) {
        admin::PartitionRetentionInput in;
        in.partition = it.key();
        in.latest = it.value();
        in.earliest = m_earliest.value(it.key(), it.value());
        in.sizeBytes = m_leaderSize.value(it.key(), -1);
        in.firstOffsetAfterCutoff = m_cutoffOffset.value(it.key(), -1);
        inputs.append(in);
    }
    const auto estimate = admin::estimateEligible(inputs, retentionMs, retentionBytes, true);
    QString text;
    if (estimate.records == 0)
        text = QStringLiteral("<b>Eligible for deletion:</b> nothing — every record is within these limits.");
    else
        text = QStringLiteral("<b>Eligible for deletion:</b> about %1 record(s)%2 in %3 partition(s), at the next "
                              "retention check (log.retention.check.interval.ms). At most that: whole segments go, "
                              "and never the one being written.")
                   .arg(records(estimate.records))
                   .arg(estimate.bytes > 0 ? QStringLiteral(" (≈ %1 per copy)").arg(admin::formatBytes(estimate.bytes))
                                           : QString())
                   .arg(estimate.partitions);
    m_ui->eligibleLabel->setText(text);
    if (!m_diskError.isEmpty())
        m_ui->diskSummary->setText(
            QStringLiteral("The sizes on disk could not be loaded: ") + m_diskError.toHtmlEscaped());
}

bool RetentionDialog::canApply() const
{
    return m_applyButton->isEnabled();
}

QString RetentionDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QString RetentionDialog::meaningText() const
{
    return m_ui->meaningLabel->text();
}

QString RetentionDialog::eligibleText() const
{
    return m_ui->eligibleLabel->text();
}

QString RetentionDialog::diskText() const
{
    return m_ui->diskSummary->text();
}

void RetentionDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void RetentionDialog::apply()
{
    send(true);
}

void RetentionDialog::send(bool validateOnly)
{
    if (!m_refusal.isEmpty()) {
        showMessage(m_refusal, true);
        return;
    }
    QString error;
    const auto configs = changes(&error);
    if (!configs) {
        showMessage(error, true); // checked before sending: nothing goes out
        return;
    }
    if (configs->isEmpty()) {
        showMessage(QStringLiteral("Nothing to change: these are the values in force."), false);
        return;
    }
    m_busy = true;
    m_applyButton->setEnabled(false);
    showMessage(validateOnly ? QStringLiteral("Checking with the cluster…")
                             : QStringLiteral("Changing the retention of %1…").arg(m_topic),
        false);
    m_cluster->alterConfigs({ ConfigResourceType::Topic, m_topic, *configs }, validateOnly, this,
        [this, validateOnly](const AdminResult<protocol::AlterConfigsResourceResponse>& r) {
            m_busy = false;
            updateView();
            if (!r.ok()) {
                showMessage(r.error.message, true);
                return;
            }
            if (validateOnly) {
                send(false);
                return;
            }
            emit retentionChanged(m_topic);
            accept();
        });
}

} // namespace kafscope
