#include "ui/dialogs/playgrounddialog.h"

#include "kafka/cluster.h"
#include "models/groupmodel.h"
#include "models/playgroundmodel.h"
#include "ui/inlinemessage.h"
#include "ui/topiccombo.h"
#include "ui/viewsetup.h"
#include "ui_playgrounddialog.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QToolButton>

namespace kafscope {

namespace {

int s_playgrounds = 0; // numbers the default group names of this process

constexpr int kSettleMs = 800; // members report one by one; a rebalance is logged once they are quiet
constexpr int kLagIntervalMs = 3000;

} // namespace

PlaygroundDialog::PlaygroundDialog(Cluster* cluster, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PlaygroundDialog>())
    , m_cluster(cluster)
    , m_memberModel(new PlaygroundMemberModel(this))
    , m_lagModel(new LagModel(this))
    , m_settle(new QTimer(this))
    , m_lagTimer(new QTimer(this))
    , m_checkTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    fillTopicCombo(m_ui->topicCombo, m_cluster->metadata());
    for (const auto& a : assignor::all())
        m_ui->assignorCombo->addItem(a, a);
    m_ui->assignorCombo->setItemData(2,
        QStringLiteral("Incremental rebalancing (KIP-429). librdkafka 2.0.2 has known sticky-assignor bugs, fixed "
                       "in 2.2.0: the window says so when they show."),
        Qt::ToolTipRole);
    m_ui->groupEdit->setText(QStringLiteral("kafscope-playground-%1").arg(++s_playgrounds));
    const std::pair<const char*, double> paces[] = { { "Unlimited", PlaygroundOptions::kUnlimited },
        { "100 records/s", 100 }, { "20 records/s", 20 }, { "5 records/s", 5 }, { "1 record/s", 1 }, { "Paused", 0 } };
    for (const auto& [text, value] : paces)
        m_ui->paceCombo->addItem(QString::fromUtf8(text), value);
    m_ui->paceCombo->setCurrentIndex(2);

    m_ui->memberView->setModel(m_memberModel);
    m_ui->memberView->verticalHeader()->hide();
    m_ui->memberView->horizontalHeader()->setMinimumSectionSize(28);
    auto* lagProxy = new QSortFilterProxyModel(this);
    lagProxy->setSourceModel(m_lagModel);
    lagProxy->setSortRole(LagModel::SortRole);
    setupTableView(m_ui->lagView, lagProxy);
    m_ui->lagView->sortByColumn(LagModel::PartitionColumn, Qt::AscendingOrder);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setStretchFactor(2, 2);

    // One Stop button per member row.
    connect(m_memberModel, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        for (int row = first; row <= last; ++row) {
            const int id = m_memberModel->member(row)->id;
            auto* button = new QToolButton;
            button->setText(QStringLiteral("Stop"));
            button->setObjectName(QStringLiteral("stopMember%1").arg(id));
            button->setToolTip(QStringLiteral("Stop this member: it leaves the group and the others rebalance"));
            connect(button, &QToolButton::clicked, this, [this, id] { stopMember(id); });
            m_ui->memberView->setIndexWidget(m_memberModel->index(row, PlaygroundMemberModel::StopColumn), button);
        }
        m_ui->memberView->resizeColumnsToContents();
    });
    connect(m_memberModel, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from) {
        const auto* m = m_memberModel->member(from.row());
        if (auto* w
            = m_ui->memberView->indexWidget(m_memberModel->index(from.row(), PlaygroundMemberModel::StopColumn)))
            w->setEnabled(m && m->isActive());
        m_ui->memberView->resizeColumnToContents(PlaygroundMemberModel::StateColumn); // "rebalancing" is wider
    });

    connect(m_ui->startButton, &QPushButton::clicked, this, &PlaygroundDialog::start);
    connect(m_ui->addButton, &QPushButton::clicked, this, &PlaygroundDialog::addMember);
    connect(m_ui->stopAllButton, &QPushButton::clicked, this, &PlaygroundDialog::stopAll);
    connect(m_ui->paceCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_playground)
            m_playground->setPace(m_ui->paceCombo->currentData().toDouble());
    });
    connect(m_cluster, &Cluster::metadataAvailable, this,
        [this](const ClusterMetadata& metadata) { fillTopicCombo(m_ui->topicCombo, metadata); });

    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, &PlaygroundDialog::settle);
    m_lagTimer->setInterval(kLagIntervalMs);
    connect(m_lagTimer, &QTimer::timeout, this, &PlaygroundDialog::pollLag);
    m_checkTimer->setInterval(1000);
    connect(m_checkTimer, &QTimer::timeout, this, &PlaygroundDialog::check);
    m_ui->addButton->setEnabled(false);
    m_ui->stopAllButton->setEnabled(false);
}

PlaygroundDialog::~PlaygroundDialog()
{
    if (m_playground)
        m_playground->shutdown(); // the members close on their own threads
}

QString PlaygroundDialog::problemText() const
{
    return m_ui->problemLabel->isVisible() ? m_ui->problemLabel->text() : QString();
}

QString PlaygroundDialog::summaryText() const
{
    return m_ui->summaryLabel->text();
}

QStringList PlaygroundDialog::logLines() const
{
    const auto text = m_ui->logView->toPlainText();
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

void PlaygroundDialog::setTopic(const QString& topic)
{
    m_ui->topicCombo->setEditText(topic);
}

void PlaygroundDialog::setAssignor(const QString& assignor)
{
    m_ui->assignorCombo->setCurrentIndex(m_ui->assignorCombo->findData(assignor));
}

void PlaygroundDialog::setMemberCount(int count)
{
    m_ui->memberCount->setValue(count);
}

void PlaygroundDialog::start()
{
    const QString topic = m_ui->topicCombo->currentText().trimmed();
    const auto* info = m_cluster->metadata().topic(topic);
    if (!info) {
        inline_message::show(m_ui->problemLabel, inline_message::Kind::Error,
            QStringLiteral("Topic %1 is not in the cluster's metadata.").arg(topic));
        return;
    }
    if (m_playground) {
        m_playground->shutdown();
        m_playground->deleteLater();
    }
    m_playground = m_cluster->createPlayground(this);
    connect(m_playground, &PlaygroundInterface::memberChanged, this, &PlaygroundDialog::onMemberChanged);
    connect(
        m_playground, &PlaygroundInterface::memberError, this, [this](int id, const QString& message, bool rebalance) {
            log(QStringLiteral("member %1: %2").arg(id).arg(message));
            if (rebalance)
                m_check.noteError(message, m_playground->options().assignor);
        });
    m_memberModel->clear();
    m_lagModel->clear();
    m_memberModel->setPartitionCount(int(info->partitions.size()));
    m_check.reset();
    m_settled.clear();
    m_ui->logView->clear();
    inline_message::hide(m_ui->problemLabel);

    PlaygroundOptions options;
    options.bootstrap = m_cluster->bootstrapServers();
    options.extraConfig = m_cluster->dataPlaneConfig();
    options.topic = topic;
    options.group = m_ui->groupEdit->text().trimmed();
    options.assignor = m_ui->assignorCombo->currentData().toString();
    options.members = m_ui->memberCount->value();
    options.recordsPerSecond = m_ui->paceCombo->currentData().toDouble();
    log(QStringLiteral("starting %1 members of group %2 on %3 (%4 partitions, %5)")
            .arg(options.members)
            .arg(options.group, topic)
            .arg(info->partitions.size())
            .arg(options.assignor));
    m_playground->start(options);
    for (auto* w : { static_cast<QWidget*>(m_ui->topicCombo), static_cast<QWidget*>(m_ui->assignorCombo),
             static_cast<QWidget*>(m_ui->groupEdit) })
        w->setEnabled(false);
    m_ui->startButton->setText(QStringLiteral("Re&start"));
    m_ui->addButton->setEnabled(true);
    m_ui->stopAllButton->setEnabled(true);
    m_lagTimer->start();
    m_checkTimer->start();
    updateSummary();
}

void PlaygroundDialog::addMember()
{
    if (m_playground) {
        const int id = m_playground->addMember();
        log(QStringLiteral("member %1 joins").arg(id));
    }
}

void PlaygroundDialog::stopMember(int id)
{
    if (m_playground) {
        log(QStringLiteral("stopping member %1").arg(id));
        m_playground->stopMember(id);
    }
}

void PlaygroundDialog::stopAll()
{
    if (!m_playground)
        return;
    m_playground->stopAll();
    for (auto* w : { static_cast<QWidget*>(m_ui->topicCombo), static_cast<QWidget*>(m_ui->assignorCombo),
             static_cast<QWidget*>(m_ui->groupEdit) })
        w->setEnabled(true);
    m_ui->startButton->setText(QStringLiteral("&Start"));
    m_ui->addButton->setEnabled(false);
    m_ui->stopAllButton->setEnabled(false);
}

void PlaygroundDialog::onMemberChanged(const PlaygroundMember& member)
{
    const auto* before = m_memberModel->member(m_memberModel->rowOf(member.id));
    const bool moved = !before || before->state != member.state || before->partitions != member.partitions;
    m_memberModel->updateMember(member);
    if (moved)
        m_settle->start();
    updateSummary();
}

void PlaygroundDialog::settle()
{
    if (!m_playground)
        return;
    const auto members = m_playground->members();
    for (const auto& m : members)
        if (m.isActive() && m.state != PlaygroundMember::State::Assigned)
            return; // still rebalancing: the next change restarts the timer
    const auto now = assignmentOf(members);
    if (now == m_settled)
        return;
    if (m_settled.isEmpty()) {
        QStringList parts;
        for (auto it = now.begin(); it != now.end(); ++it)
            parts << QStringLiteral("member %1: %2")
                         .arg(it.key())
                         .arg(it.value().isEmpty() ? QStringLiteral("none") : partitionListText(it.value()));
        log(QStringLiteral("assigned: ") + parts.join(QStringLiteral("; ")));
    } else {
        for (const auto& line : describeRebalance(m_settled, now))
            log(line);
    }
    m_settled = now;
    pollLag();
}

void PlaygroundDialog::pollLag()
{
    if (!m_playground || m_lagLoading)
        return;
    m_lagLoading = true;
    const auto request = ++m_lagRequest;
    m_cluster->describeGroup(m_playground->options().group, group_type::classic, this,
        [this, request](const AdminResult<admin::GroupDetail>& r) {
            m_lagLoading = false;
            if (request != m_lagRequest)
                return;
            if (!r.ok()) {
                m_ui->lagLabel->setText(QStringLiteral("Lag per partition: %1").arg(r.error.message));
                return;
            }
            m_lagModel->setLag(r.value->lag);
            const auto total = r.value->lag.total;
            m_ui->lagLabel->setText(QStringLiteral("Lag per partition (committed offsets, every %1 s): total %2")
                                        .arg(kLagIntervalMs / 1000)
                                        .arg(total ? QLocale().toString(qint64(*total)) : QStringLiteral("unknown")));
        });
}

void PlaygroundDialog::check()
{
    if (!m_playground)
        return;
    m_check.update(QDateTime::currentMSecsSinceEpoch(), m_playground->members(), m_memberModel->partitionCount(),
        m_playground->options().assignor);
    const auto problem = m_check.problem();
    if (problem.isEmpty())
        inline_message::hide(m_ui->problemLabel);
    else if (m_ui->problemLabel->text() != problem)
        inline_message::show(m_ui->problemLabel, inline_message::Kind::Warning, problem);
}

void PlaygroundDialog::updateSummary()
{
    if (!m_playground)
        return;
    int active = 0;
    int assigned = 0;
    qint64 consumed = 0;
    for (const auto& m : m_playground->members()) {
        active += m.isActive();
        assigned += m.state == PlaygroundMember::State::Assigned;
        consumed += m.consumed;
    }
    const auto& o = m_playground->options();
    m_ui->summaryLabel->setText(
        QStringLiteral("Group <b>%1</b> on %2 (%3): %4 active members, %5 — %6 records consumed")
            .arg(o.group.toHtmlEscaped(), o.topic.toHtmlEscaped(), o.assignor)
            .arg(active)
            .arg(active == 0             ? QStringLiteral("stopped")
                    : assigned == active ? QStringLiteral("stable")
                                         : QStringLiteral("rebalancing"))
            .arg(QLocale().toString(consumed)));
}

void PlaygroundDialog::log(const QString& line)
{
    m_ui->logView->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) + line);
}

} // namespace kafscope
