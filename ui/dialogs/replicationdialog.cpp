#include "ui/dialogs/replicationdialog.h"

#include "kafka/admin/configedit.h"
#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui/viewsetup.h"
#include "ui_replicationdialog.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>

namespace kafscope {

namespace {

QString idList(const QList<int32_t>& list)
{
    QStringList out;
    for (const auto b : list)
        out.append(QString::number(b));
    return out.join(QStringLiteral(", "));
}

QStandardItem* number(qint64 value, const QString& text)
{
    auto* item = new QStandardItem(text);
    item->setData(value, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem* text(const QString& s)
{
    auto* item = new QStandardItem(s);
    item->setData(s, Qt::UserRole);
    return item;
}

} // namespace

ReplicationDialog::ReplicationDialog(Cluster* cluster, const QString& topic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReplicationDialog>())
    , m_cluster(cluster)
    , m_topic(topic)
    , m_model(new QStandardItemModel(0, 6, this))
    , m_runner(new ReassignmentRunner(cluster, this))
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Replication factor of %1").arg(topic));
    const auto& md = cluster->metadata();
    const auto* info = md.topic(topic);
    m_current = info ? info->replicationFactor() : 0;
    QSet<QString> racks;
    for (const auto& b : md.brokers)
        if (!b.rack.isEmpty())
            racks.insert(b.rack);
    m_ui->whatLabel->setText(
        QStringLiteral("Topic <b>%1</b>: %2 partition(s), replication factor %3. The cluster has %4 broker(s)%5. "
                       "Every partition keeps the replicas it has where it can; new copies go to the brokers with the "
                       "fewest replicas%6.")
            .arg(topic.toHtmlEscaped())
            .arg(info ? info->partitions.size() : 0)
            .arg(m_current)
            .arg(md.brokers.size())
            .arg(racks.isEmpty() ? QString() : QStringLiteral(" in %1 rack(s)").arg(racks.size()))
            .arg(racks.isEmpty() ? QString() : QStringLiteral(", one per rack where possible")));
    m_model->setHorizontalHeaderLabels(
        { QStringLiteral("Partition"), QStringLiteral("Replicas now"), QStringLiteral("Replicas after"),
            QStringLiteral("Copies to"), QStringLiteral("Removed from"), QStringLiteral("Bytes to copy") });
    m_model->setSortRole(Qt::UserRole);
    setupTableView(m_ui->planView, m_model);
    m_ui->planView->horizontalHeader()->setStretchLastSection(false);

    m_startButton = m_ui->buttonBox->addButton(QStringLiteral("&Start reassignment"), QDialogButtonBox::ActionRole);
    m_cancelButton = m_ui->buttonBox->addButton(QStringLiteral("Ca&ncel reassignment"), QDialogButtonBox::ActionRole);
    m_cancelButton->setToolTip(QStringLiteral("Stop moving: the partitions not done yet keep their old replicas"));
    m_cancelButton->setVisible(false);
    connect(m_startButton, &QPushButton::clicked, this, &ReplicationDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReplicationDialog::cancelReassignment);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->rfSpin, &QSpinBox::valueChanged, this, &ReplicationDialog::replan);
    connect(m_ui->throttleCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->throttleEdit->setEnabled(on);
        updateButtons();
    });
    connect(m_ui->throttleEdit, &QLineEdit::textChanged, this, &ReplicationDialog::updateButtons);
    connect(m_runner, &ReassignmentRunner::phaseChanged, this, [this](Phase phase, const QString& text) {
        showMessage(text, phase == Phase::Failed);
        updateButtons();
    });
    connect(m_runner, &ReassignmentRunner::progressed, this, [this](int done, int total) {
        m_ui->progressBar->setRange(0, total);
        m_ui->progressBar->setValue(done);
        m_ui->progressBar->setFormat(QStringLiteral("%v of %m partition(s) done"));
        m_ui->progressBar->setVisible(true);
    });
    // Whatever the end, the replicas may have changed: the page refreshes.
    connect(m_runner, &ReassignmentRunner::finished, this, [this] { emit replicationChanged(m_topic); });

    m_refusal = cluster->writeRefusal();
    m_ui->rfSpin->setValue(std::min<int>(int(md.brokers.size()), m_current + 1));
    if (!m_refusal.isEmpty())
        showMessage(m_refusal, true);
    m_cluster->describeLogDirs({ topic }, this, [this](const AdminResult<QList<protocol::BrokerLogDirs>>& r) {
        if (!r.ok())
            return; // the plan is shown without sizes
        const auto* t = m_cluster->metadata().topic(m_topic);
        for (const auto& broker : *r.value)
            for (const auto& dir : broker.dirs)
                for (const auto& topic : dir.topics)
                    for (const auto& p : topic.partitions) {
                        const auto* part = t && topic.name == m_topic ? t->partition(p.partition) : nullptr;
                        if (part && part->leader == broker.broker && !p.isFuture)
                            m_sizes.insert(p.partition, p.size);
                    }
        replan();
    });
    replan();
}

ReplicationDialog::~ReplicationDialog() = default;

void ReplicationDialog::setReplicationFactor(int rf)
{
    m_ui->rfSpin->setValue(rf);
}

void ReplicationDialog::setThrottle(bool on, const QString& megabytesPerSecond)
{
    m_ui->throttleCheck->setChecked(on);
    if (!megabytesPerSecond.isNull())
        m_ui->throttleEdit->setText(megabytesPerSecond);
}

std::optional<qint64> ReplicationDialog::throttleRate(QString* error) const
{
    if (!m_ui->throttleCheck->isChecked())
        return -1;
    bool ok = false;
    const double mb = QLocale::c().toDouble(m_ui->throttleEdit->text().trimmed(), &ok);
    if (!ok || !(mb > 0) || mb > 1e9) {
        *error = QStringLiteral("The throttle takes a positive number of MB per second, not \"%1\".")
                     .arg(m_ui->throttleEdit->text());
        return std::nullopt;
    }
    return qint64(mb * 1000 * 1000);
}

void ReplicationDialog::replan()
{
    if (phase() != Phase::Idle)
        return;
    const auto& md = m_cluster->metadata();
    m_plan = admin::planReplicationFactor(
        admin::planBrokers(md), admin::clusterReplicas(md), { m_topic }, m_ui->rfSpin->value());
    m_model->removeRows(0, m_model->rowCount());
    if (!m_plan.ok()) {
        m_ui->summaryLabel->setText(QString());
        showMessage(m_plan.error, true);
        updateButtons();
        return;
    }
    qint64 bytes = 0;
    for (const auto& m : m_plan.moves) {
        const qint64 size = m_sizes.value(m.partition, -1);
        const qint64 copy = size < 0 ? -1 : size * m.added().size();
        if (copy > 0)
            bytes += copy;
        m_model->appendRow({ number(m.partition, QString::number(m.partition)), text(idList(m.before)),
            text(idList(m.after)), text(idList(m.added())), text(idList(m.removed())),
            number(copy, copy < 0 ? QStringLiteral("?") : admin::formatBytes(copy)) });
    }
    QString summary;
    if (m_plan.moves.isEmpty())
        summary = QStringLiteral("Nothing to do: every partition has %1 replica(s).").arg(m_ui->rfSpin->value());
    else
        summary
            = QStringLiteral("<b>Plan:</b> %1 partition(s) change; copies %2 replica(s) (the minimum possible: %3), "
                             "removes %4, %5 preferred-leader change(s); about <b>%6</b> to copy.")
                  .arg(m_plan.moves.size())
                  .arg(m_plan.replicasAdded)
                  .arg(m_plan.minimumAdded)
                  .arg(m_plan.replicasRemoved)
                  .arg(m_plan.leaderChanges)
                  .arg(admin::formatBytes(bytes));
    for (const auto& w : m_plan.warnings)
        summary += QStringLiteral("<br/><span style='color:#b06000'>%1</span>").arg(w.toHtmlEscaped());
    m_ui->summaryLabel->setText(summary);
    fitColumns(m_ui->planView);
    if (m_refusal.isEmpty())
        inline_message::hide(m_ui->messageLabel);
    updateButtons();
}

void ReplicationDialog::updateButtons()
{
    QString error;
    const bool throttleOk = throttleRate(&error).has_value();
    const bool planning = phase() == Phase::Idle;
    m_startButton->setEnabled(planning && m_refusal.isEmpty() && m_plan.ok() && !m_plan.moves.isEmpty() && throttleOk);
    m_cancelButton->setVisible(phase() == Phase::Moving || phase() == Phase::Cancelling);
    m_cancelButton->setEnabled(phase() == Phase::Moving);
    m_ui->rfSpin->setEnabled(planning);
    m_ui->throttleCheck->setEnabled(planning);
    m_ui->throttleEdit->setEnabled(planning && m_ui->throttleCheck->isChecked());
    if (!throttleOk && planning)
        showMessage(error, true);
}

bool ReplicationDialog::canStart() const
{
    return m_startButton->isEnabled();
}

bool ReplicationDialog::canCancel() const
{
    return !m_cancelButton->isHidden() && m_cancelButton->isEnabled();
}

QString ReplicationDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QString ReplicationDialog::summaryText() const
{
    return m_ui->summaryLabel->text();
}

int ReplicationDialog::progress() const
{
    return m_runner->done();
}

void ReplicationDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void ReplicationDialog::start()
{
    if (!m_refusal.isEmpty()) {
        showMessage(m_refusal, true);
        return;
    }
    if (!m_plan.ok()) {
        showMessage(m_plan.error, true); // checked before sending: nothing goes out
        return;
    }
    QString error;
    const auto rate = throttleRate(&error);
    if (!rate) {
        showMessage(error, true);
        return;
    }
    if (m_plan.moves.isEmpty() || phase() != Phase::Idle)
        return;
    m_runner->start(m_plan, *rate);
}

void ReplicationDialog::cancelReassignment()
{
    m_runner->cancel();
}

} // namespace kafscope
