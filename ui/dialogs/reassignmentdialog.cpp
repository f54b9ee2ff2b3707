#include "ui/dialogs/reassignmentdialog.h"

#include "kafka/admin/configedit.h"
#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui/viewsetup.h"
#include "ui_reassignmentdialog.h"

#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTimer>

namespace kafscope {

namespace {

constexpr int kRunningRefreshMs = 3000;

QString idList(const QList<int32_t>& list)
{
    QStringList out;
    for (const auto b : list)
        out.append(QString::number(b));
    return out.join(QStringLiteral(", "));
}

QStandardItem* item(const QString& text, const QVariant& sort = {})
{
    auto* i = new QStandardItem(text);
    i->setData(sort.isValid() ? sort : QVariant(text), Qt::UserRole);
    return i;
}

} // namespace

ReassignmentDialog::ReassignmentDialog(Cluster* cluster, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReassignmentDialog>())
    , m_cluster(cluster)
    , m_model(new QStandardItemModel(0, 5, this))
    , m_runner(new ReassignmentRunner(cluster, this))
    , m_runningTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->goalCombo->addItem(QStringLiteral("Move every replica off broker"), int(RemoveBroker));
    m_ui->goalCombo->addItem(QStringLiteral("Rebalance topic"), int(RebalanceTopic));
    m_ui->goalCombo->addItem(QStringLiteral("Current assignment of topic (edit by hand)"), int(ByHand));
    m_model->setHorizontalHeaderLabels({ QStringLiteral("Topic"), QStringLiteral("Partition"),
        QStringLiteral("Replicas now"), QStringLiteral("Replicas after"), QStringLiteral("Copies to") });
    m_model->setSortRole(Qt::UserRole);
    setupTableView(m_ui->planView, m_model);
    m_startButton = m_ui->buttonBox->addButton(QStringLiteral("&Start reassignment"), QDialogButtonBox::ActionRole);
    m_cancelButton = m_ui->buttonBox->addButton(QStringLiteral("Ca&ncel reassignment"), QDialogButtonBox::ActionRole);
    m_cancelButton->setVisible(false);
    connect(m_startButton, &QPushButton::clicked, this, &ReassignmentDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReassignmentDialog::cancelReassignment);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->goalCombo, &QComboBox::currentIndexChanged, this, &ReassignmentDialog::fillTargets);
    connect(m_ui->planButton, &QPushButton::clicked, this, &ReassignmentDialog::makePlan);
    connect(m_ui->checkButton, &QPushButton::clicked, this, &ReassignmentDialog::checkPlan);
    connect(m_ui->importButton, &QPushButton::clicked, this, &ReassignmentDialog::importFile);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &ReassignmentDialog::exportFile);
    connect(m_ui->removeThrottleButton, &QPushButton::clicked, this, &ReassignmentDialog::removeLeftoverThrottle);
    connect(m_ui->jsonEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_checked = false; // edited: check again before starting
        updateButtons();
    });
    connect(m_ui->throttleCheck, &QCheckBox::toggled, this, &ReassignmentDialog::updateButtons);
    connect(m_runner, &ReassignmentRunner::phaseChanged, this,
        [this](ReassignmentRunner::Phase phase, const QString& text) {
            showMessage(text, phase == ReassignmentRunner::Phase::Failed);
            updateButtons();
        });
    connect(m_runner, &ReassignmentRunner::progressed, this, [this](int done, int total) {
        m_ui->progressBar->setRange(0, total);
        m_ui->progressBar->setValue(done);
        m_ui->progressBar->setFormat(QStringLiteral("%v of %m partition(s) done"));
        m_ui->progressBar->setVisible(true);
    });
    connect(m_runner, &ReassignmentRunner::finished, this, [this] {
        m_cluster->refresh();
        refreshRunning();
    });
    m_runningTimer->setInterval(kRunningRefreshMs);
    connect(m_runningTimer, &QTimer::timeout, this, &ReassignmentDialog::refreshRunning);
    m_refusal = cluster->writeRefusal();
    if (!m_refusal.isEmpty())
        showMessage(m_refusal, true);
    fillTargets();
    updateButtons();
    refreshRunning();
    m_runningTimer->start();
}

ReassignmentDialog::~ReassignmentDialog() = default;

void ReassignmentDialog::fillTargets()
{
    const auto goal = Goal(m_ui->goalCombo->currentData().toInt());
    const auto& md = m_cluster->metadata();
    m_ui->targetCombo->clear();
    if (goal == RemoveBroker) {
        for (const auto& b : md.brokers)
            m_ui->targetCombo->addItem(
                QStringLiteral("%1 (%2:%3)").arg(b.nodeId).arg(b.host).arg(b.port), QString::number(b.nodeId));
    } else {
        QStringList names;
        for (const auto& t : md.topics)
            names.append(t.name);
        names.sort();
        for (const auto& n : names)
            m_ui->targetCombo->addItem(n, n);
    }
}

void ReassignmentDialog::setGoal(Goal goal, const QString& target)
{
    m_ui->goalCombo->setCurrentIndex(m_ui->goalCombo->findData(int(goal)));
    m_ui->targetCombo->setCurrentIndex(m_ui->targetCombo->findData(target));
}

void ReassignmentDialog::makePlan()
{
    const auto goal = Goal(m_ui->goalCombo->currentData().toInt());
    const QString target = m_ui->targetCombo->currentData().toString();
    if (target.isEmpty()) {
        showMessage(QStringLiteral("Choose a broker or a topic first."), true);
        return;
    }
    const auto& md = m_cluster->metadata();
    const auto brokers = admin::planBrokers(md);
    const auto cluster = admin::clusterReplicas(md);
    if (goal == ByHand) {
        QList<admin::PlanMove> current;
        for (const auto& p : cluster)
            if (p.topic == target)
                current.append({ p.topic, p.partition, p.replicas, p.replicas });
        m_ui->jsonEdit->setPlainText(QString::fromUtf8(admin::reassignmentJson(current)));
        showMessage(QStringLiteral("The current assignment of %1: edit the replicas (the first is the preferred "
                                   "leader), then Check plan.")
                        .arg(target),
            false);
        return;
    }
    const auto plan = goal == RemoveBroker ? admin::planRemoveBroker(brokers, cluster, target.toInt())
                                           : admin::planRebalance(brokers, cluster, target);
    if (!plan.ok()) {
        showMessage(plan.error, true);
        return;
    }
    m_ui->jsonEdit->setPlainText(QString::fromUtf8(admin::reassignmentJson(plan.moves)));
    checkPlan();
}

void ReassignmentDialog::setJson(const QString& json)
{
    m_ui->jsonEdit->setPlainText(json);
}

QString ReassignmentDialog::json() const
{
    return m_ui->jsonEdit->toPlainText();
}

bool ReassignmentDialog::checkPlan()
{
    QString error;
    const auto targets = admin::parseReassignmentJson(m_ui->jsonEdit->toPlainText().toUtf8(), &error);
    m_model->removeRows(0, m_model->rowCount());
    m_checked = false;
    if (!targets) {
        m_plan = {};
        m_ui->summaryLabel->clear();
        showMessage(error, true);
        updateButtons();
        return false;
    }
    const auto& md = m_cluster->metadata();
    m_plan = admin::planFromTargets(admin::planBrokers(md), admin::clusterReplicas(md), *targets);
    if (!m_plan.ok()) {
        m_ui->summaryLabel->clear();
        showMessage(m_plan.error, true);
        updateButtons();
        return false;
    }
    m_checked = true;
    showPlan();
    if (m_refusal.isEmpty())
        inline_message::hide(m_ui->messageLabel);
    updateButtons();
    return true;
}

void ReassignmentDialog::showPlan()
{
    for (const auto& m : m_plan.moves)
        m_model->appendRow({ item(m.topic), item(QString::number(m.partition), m.partition), item(idList(m.before)),
            item(idList(m.after)), item(idList(m.added())) });
    fitColumns(m_ui->planView);
    QString summary = m_plan.moves.isEmpty()
        ? QStringLiteral("Nothing to move: every partition already has these replicas.")
        : QStringLiteral("<b>Plan:</b> %1 partition(s) change; copies %2 replica(s) (minimum %3), removes %4, %5 "
                         "preferred-leader change(s).")
              .arg(m_plan.moves.size())
              .arg(m_plan.replicasAdded)
              .arg(m_plan.minimumAdded)
              .arg(m_plan.replicasRemoved)
              .arg(m_plan.leaderChanges);
    for (const auto& w : m_plan.warnings)
        summary += QStringLiteral("<br/><span style='color:#b06000'>%1</span>").arg(w.toHtmlEscaped());
    m_ui->summaryLabel->setText(summary);
}

void ReassignmentDialog::setThrottle(bool on, const QString& megabytesPerSecond)
{
    m_ui->throttleCheck->setChecked(on);
    if (!megabytesPerSecond.isNull())
        m_ui->throttleEdit->setText(megabytesPerSecond);
}

void ReassignmentDialog::updateButtons()
{
    const bool idle = !m_runner->isRunning();
    m_startButton->setEnabled(idle && m_refusal.isEmpty() && m_checked && !m_plan.moves.isEmpty());
    m_cancelButton->setVisible(!idle);
    m_cancelButton->setEnabled(m_runner->phase() == ReassignmentRunner::Phase::Moving);
    for (QWidget* w : std::initializer_list<QWidget*> { m_ui->goalCombo, m_ui->targetCombo, m_ui->planButton,
             m_ui->jsonEdit, m_ui->importButton, m_ui->checkButton, m_ui->throttleCheck })
        w->setEnabled(idle);
    m_ui->throttleEdit->setEnabled(idle && m_ui->throttleCheck->isChecked());
    m_ui->removeThrottleButton->setEnabled(idle && m_refusal.isEmpty());
}

bool ReassignmentDialog::canStart() const
{
    return m_startButton->isEnabled();
}

QString ReassignmentDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QString ReassignmentDialog::summaryText() const
{
    return m_ui->summaryLabel->text();
}

QString ReassignmentDialog::runningText() const
{
    return m_ui->runningLabel->text();
}

bool ReassignmentDialog::leftoverThrottleShown() const
{
    return !m_ui->leftoverLabel->isHidden();
}

void ReassignmentDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void ReassignmentDialog::start()
{
    if (!m_refusal.isEmpty()) {
        showMessage(m_refusal, true);
        return;
    }
    if (!m_checked && !checkPlan())
        return; // the reason is shown; nothing was sent
    if (m_plan.moves.isEmpty()) {
        showMessage(QStringLiteral("Nothing to move."), false);
        return;
    }
    qint64 rate = -1;
    if (m_ui->throttleCheck->isChecked()) {
        bool ok = false;
        const double mb = QLocale::c().toDouble(m_ui->throttleEdit->text().trimmed(), &ok);
        if (!ok || !(mb > 0) || mb > 1e9) {
            showMessage(QStringLiteral("The throttle takes a positive number of MB per second, not \"%1\".")
                            .arg(m_ui->throttleEdit->text()),
                true);
            return;
        }
        rate = qint64(mb * 1000 * 1000);
    }
    m_runner->start(m_plan, rate);
}

void ReassignmentDialog::cancelReassignment()
{
    m_runner->cancel();
}

void ReassignmentDialog::refreshRunning()
{
    m_cluster->listPartitionReassignments(
        {}, this, [this](const AdminResult<protocol::ListPartitionReassignmentsResponse>& r) {
            if (!r.ok()) {
                m_ui->runningLabel->setText(QStringLiteral("Reassignments running: unknown (%1)").arg(r.error.message));
                return;
            }
            QStringList lines;
            int count = 0;
            for (const auto& t : r.value->topics)
                for (const auto& p : t.partitions) {
                    if (++count <= 5)
                        lines.append(QStringLiteral("%1-%2: adding %3, removing %4")
                                         .arg(t.name)
                                         .arg(p.partition)
                                         .arg(idList(p.addingReplicas), idList(p.removingReplicas)));
                }
            m_ui->runningLabel->setText(count == 0 ? QStringLiteral("No reassignment is running in the cluster.")
                                                   : QStringLiteral("<b>%1 partition(s) are being reassigned</b>: %2%3")
                                                         .arg(count)
                                                         .arg(lines.join(QStringLiteral("; ")).toHtmlEscaped())
                                                         .arg(count > 5 ? QStringLiteral(" …") : QString()));
            if (count > 0 || m_runner->isRunning()) {
                m_ui->leftoverLabel->setVisible(false);
                m_ui->removeThrottleButton->setVisible(false);
                return;
            }
            // Nothing runs: a throttle still set was left behind by a reassignment nobody followed to its end.
            m_cluster->describeConfigsOf(admin::throttleQuery(m_cluster->metadata()), this,
                [this](const AdminResult<QList<ConfigResourceResult>>& configs) {
                    if (!configs.ok())
                        return;
                    m_leftover = admin::leftoverThrottles(*configs.value);
                    m_ui->leftoverLabel->setVisible(m_leftover.any());
                    m_ui->removeThrottleButton->setVisible(m_leftover.any());
                    if (m_leftover.any())
                        inline_message::show(m_ui->leftoverLabel, inline_message::Kind::Warning,
                            QStringLiteral("A replication throttle is left behind (brokers: %1; topics: %2) though no "
                                           "reassignment runs: it slows replication down for nothing.")
                                .arg(m_leftover.brokers.isEmpty() ? QStringLiteral("none") : idList(m_leftover.brokers),
                                    m_leftover.topics.isEmpty() ? QStringLiteral("none")
                                                                : m_leftover.topics.join(QStringLiteral(", "))));
                });
        });
}

void ReassignmentDialog::removeLeftoverThrottle()
{
    if (!m_refusal.isEmpty()) {
        showMessage(m_refusal, true);
        return;
    }
    auto changes = admin::throttleRemoval(m_leftover.brokers, m_leftover.topics);
    auto remaining = std::make_shared<int>(int(changes.size()));
    auto failures = std::make_shared<QStringList>();
    if (changes.isEmpty())
        return;
    for (const auto& resource : changes) {
        m_cluster->alterConfigs(resource, false, this,
            [this, remaining, failures](const AdminResult<protocol::AlterConfigsResourceResponse>& r) {
                if (!r.ok())
                    failures->append(r.error.message);
                if (--*remaining > 0)
                    return;
                if (failures->isEmpty())
                    showMessage(QStringLiteral("Removed the throttle left behind."), false);
                else
                    showMessage(failures->join(QLatin1Char('\n')), true);
                refreshRunning();
            });
    }
}

void ReassignmentDialog::importFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, QStringLiteral("Import a reassignment"), {}, QStringLiteral("Reassignment JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()), true);
        return;
    }
    m_ui->jsonEdit->setPlainText(QString::fromUtf8(file.readAll()));
    checkPlan();
}

void ReassignmentDialog::exportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export the reassignment"),
        QStringLiteral("reassignment.json"), QStringLiteral("Reassignment JSON (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_ui->jsonEdit->toPlainText().toUtf8()) < 0) {
        showMessage(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()), true);
        return;
    }
    showMessage(QStringLiteral("Wrote %1 (kafka-reassign-partitions.sh --execute reads it too).").arg(path), false);
}

} // namespace kafscope
