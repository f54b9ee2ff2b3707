#include "ui/brokerspage.h"

#include "kafka/admin/planner.h"
#include "kafka/cluster.h"
#include "models/brokermodel.h"
#include "models/configmodel.h"
#include "ui/dialogs/configeditordialog.h"
#include "ui/dialogs/reassignmentdialog.h"
#include "ui/inlinemessage.h"
#include "ui/localcluster.h"
#include "ui/settings.h"
#include "ui/viewsetup.h"
#include "ui/viewstate.h"
#include "ui/writegate.h"
#include "ui_brokerspage.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QToolButton>

namespace kafscope {

BrokersPage::BrokersPage(Cluster* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::BrokersPage>())
    , m_session(session)
    , m_brokerModel(new BrokerModel(this))
    , m_brokerProxy(new QSortFilterProxyModel(this))
    , m_configModel(new ConfigModel(this))
    , m_configProxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_brokerProxy->setSourceModel(m_brokerModel);
    m_brokerProxy->setSortRole(BrokerModel::SortRole);
    setupTableView(m_ui->brokerView, m_brokerProxy);
    m_ui->brokerView->sortByColumn(BrokerModel::IdColumn, Qt::AscendingOrder);
    // Numbers are right-aligned: a stretched last column would push them to the far edge.
    m_ui->brokerView->horizontalHeader()->setStretchLastSection(false);

    m_configProxy->setSourceModel(m_configModel);
    m_configProxy->setSortRole(ConfigModel::SortRole);
    m_configProxy->setFilterKeyColumn(ConfigModel::NameColumn);
    m_configProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    setupTableView(m_ui->configView, m_configProxy);
    m_ui->configView->sortByColumn(ConfigModel::NameColumn, Qt::AscendingOrder);
    // Sized to the names and values; a stretched last column (Read-only) took half the width from them.
    m_ui->configView->horizontalHeader()->setStretchLastSection(false);
    connect(m_ui->configFilter, &QLineEdit::textChanged, m_configProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 2);

    connect(m_ui->editConfigsButton, &QPushButton::clicked, this, [this] {
        if (selectedBrokerId() >= 0)
            showConfigEditor(QString::number(selectedBrokerId()));
    });
    connect(m_ui->editDefaultsButton, &QPushButton::clicked, this, [this] { showConfigEditor(QString()); });
    connect(m_ui->removeThrottleButton, &QPushButton::clicked, this, [this] {
        const int32_t broker = m_configBroker;
        if (broker < 0)
            return;
        if (const auto refusal = m_session->writeRefusal(); !refusal.isEmpty()) {
            inline_message::show(m_ui->configStatus, inline_message::Kind::Error, refusal);
            return;
        }
        // The rates serve every throttled reassignment: only when none runs.
        m_session->listPartitionReassignments(
            {}, this, [this, broker](const AdminResult<protocol::ListPartitionReassignmentsResponse>& r) {
                if (!r.ok() || !r.value->topics.isEmpty()) {
                    inline_message::show(m_ui->configStatus, inline_message::Kind::Warning,
                        r.ok() ? QStringLiteral("A reassignment is running: the throttle stays until it ends.")
                               : r.error.message);
                    return;
                }
                m_session->alterConfigs(admin::throttleRemoval({ broker }, {}).first(), false, this,
                    [this, broker](const AdminResult<protocol::AlterConfigsResourceResponse>& done) {
                        if (!done.ok()) {
                            inline_message::show(m_ui->configStatus, inline_message::Kind::Error, done.error.message);
                            return;
                        }
                        m_ui->removeThrottleButton->setVisible(false);
                        m_session->loadConfigs(ConfigResourceType::Broker, QString::number(broker));
                    });
            });
    });
    connect(m_ui->reassignButton, &QPushButton::clicked, this, [this] {
        ReassignmentDialog dialog(m_session, this);
        dialog.exec();
    });
    connect(m_session, &Cluster::metadataAvailable, this, &BrokersPage::onMetadata);
    connect(m_session, &Cluster::refreshFailed, this, [this](const QString& message) {
        if (m_brokerModel->rowCount() == 0)
            return;
        inline_message::show(m_ui->staleStatus, inline_message::Kind::Error,
            QStringLiteral("%1\nThe brokers shown are those of %2, the last refresh that worked.")
                .arg(message, m_session->lastRefreshed().toString(QStringLiteral("HH:mm:ss"))));
    });
    connect(m_ui->brokerView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &BrokersPage::onSelectionChanged);
    connect(m_session, &Cluster::configsAvailable, this, [this](const ConfigResourceResult& result) {
        if (result.type != ConfigResourceType::Broker || result.name != QString::number(m_configBroker))
            return;
        inline_message::hide(m_ui->configStatus);
        m_configModel->setConfigs(result);
        // A throttle left on the broker (its rates) is shown, with a button that removes it.
        const bool throttled = admin::leftoverThrottles({ result }).any();
        m_ui->removeThrottleButton->setVisible(throttled);
        if (throttled)
            inline_message::show(m_ui->configStatus, inline_message::Kind::Warning,
                QStringLiteral("Broker %1 has a replication throttle rate set (%2): once no reassignment runs, it only "
                               "slows replication down.")
                    .arg(result.name, QLatin1String(admin::kLeaderThrottleRate)));
        if (!userSized(QStringLiteral("brokers/configs")))
            fitColumns(m_ui->configView, 360);
    });
    connect(m_session, &Cluster::configsFailed, this,
        [this](ConfigResourceType type, const QString& name, const QString& message) {
            if (type != ConfigResourceType::Broker || name != QString::number(m_configBroker))
                return;
            m_configModel->clear();
            inline_message::show(m_ui->configStatus, inline_message::Kind::Warning, message);
        });
    // As on the topics page: only a connected session has brokers to show (Failed can follow Connected directly).
    connect(m_session, &Cluster::stateChanged, this, [this](Cluster::State state) {
        if (state != Cluster::State::Connected) {
            m_brokerModel->setMetadata({});
            m_configModel->clear();
            m_configBroker = -1;
            m_columnsSized = false;
            m_ui->configTitle->setText(QStringLiteral("Select a broker to see its configuration."));
            inline_message::hide(m_ui->staleStatus);
            inline_message::hide(m_ui->configStatus);
            m_ui->summaryLabel->setText(
                state == Cluster::State::Connecting ? QStringLiteral("Loading…") : QStringLiteral("Not connected."));
        }
        updateActions();
    });
    updateActions();
}

BrokersPage::~BrokersPage() = default;

void BrokersPage::setLocalCluster(LocalClusterControl* control)
{
    if (m_local || !control)
        return;
    m_local = control;
    m_localMenu = new QMenu(this);
    m_localButton = new QToolButton(this);
    m_localButton->setObjectName(QStringLiteral("localClusterButton"));
    m_localButton->setText(QStringLiteral("&Local cluster"));
    m_localButton->setPopupMode(QToolButton::InstantPopup);
    m_localButton->setMenu(m_localMenu);
    m_localButton->setVisible(false);
    m_ui->configHeader->insertWidget(m_ui->configHeader->indexOf(m_ui->editConfigsButton), m_localButton);
    m_localStatus = new QLabel(this);
    m_localStatus->setObjectName(QStringLiteral("localClusterStatus"));
    m_localStatus->setWordWrap(true);
    m_localStatus->setVisible(false);
    m_ui->verticalLayout->insertWidget(m_ui->verticalLayout->indexOf(m_ui->staleStatus) + 1, m_localStatus);
    connect(m_localMenu, &QMenu::aboutToShow, this, [this] { localClusterActions(); });
    connect(control, &LocalClusterControl::probed, this, &BrokersPage::updateActions);
    connect(control, &LocalClusterControl::started, this, [this](auto, int, const QString& message) {
        inline_message::show(m_localStatus, inline_message::Kind::Info, message);
        updateActions();
    });
    connect(control, &LocalClusterControl::finished, this, [this](auto, int, bool ok, const QString& message) {
        inline_message::show(m_localStatus, ok ? inline_message::Kind::Info : inline_message::Kind::Error, message);
        updateActions();
        m_session->refresh();
    });
    if (!control->isProbed())
        control->probe();
    updateActions();
}

QList<QAction*> BrokersPage::localClusterActions()
{
    if (!m_local)
        return {};
    using Verb = LocalClusterControl::Verb;
    m_localMenu->clear();
    const auto& metadata = m_session->metadata();
    const int32_t selected = selectedBrokerId();
    const bool ours = m_local->isScriptNode(metadata, selected);
    const bool idle = !m_local->busy();
    auto add = [this](const QString& text, Verb verb, int node, bool enabled) {
        auto* action = m_localMenu->addAction(text);
        action->setEnabled(enabled);
        action->setToolTip(m_local->commandLine(verb, node));
        connect(action, &QAction::triggered, m_local, [control = m_local, verb, node] { control->run(verb, node); });
    };
    add(ours ? QStringLiteral("Stop broker %1 (controlled shutdown)").arg(selected)
             : QStringLiteral("Stop the selected broker (select one of the local cluster's)"),
        Verb::Stop, selected, ours && idle);
    add(ours ? QStringLiteral("Kill broker %1 (SIGKILL, as a crash)").arg(selected)
             : QStringLiteral("Kill the selected broker (select one of the local cluster's)"),
        Verb::Kill, selected, ours && idle);
    m_localMenu->addSeparator();
    for (const int node : m_local->absentNodes(metadata))
        add(QStringLiteral("Start broker %1").arg(node), Verb::Start, node, idle);
    // Also when the tables still show every broker from before the whole cluster went down.
    add(QStringLiteral("Start every stopped broker"), Verb::Start, 0, idle);
    return m_localMenu->actions();
}

QString BrokersPage::localClusterStatus() const
{
    return m_localStatus && m_localStatus->isVisible() ? m_localStatus->text() : QString();
}

void BrokersPage::restoreViewState(Settings* settings)
{
    m_settings = settings;
    rememberHeader(settings, QStringLiteral("brokers/brokers"), m_ui->brokerView->horizontalHeader());
    rememberHeader(settings, QStringLiteral("brokers/configs"), m_ui->configView->horizontalHeader());
    rememberSplitter(settings, QStringLiteral("brokers/splitter"), m_ui->splitter);
}

bool BrokersPage::userSized(const QString& view) const
{
    return m_settings && !m_settings->viewState(view).isEmpty();
}

void BrokersPage::onMetadata(const ClusterMetadata& metadata)
{
    inline_message::hide(m_ui->staleStatus);
    m_brokerModel->setMetadata(metadata);
    if (!m_columnsSized && m_brokerProxy->rowCount() > 0) {
        m_columnsSized = true;
        if (!userSized(QStringLiteral("brokers/brokers")))
            fitColumns(m_ui->brokerView);
    }
    const auto* controller = metadata.broker(metadata.controllerId);
    m_ui->summaryLabel->setText(
        QStringLiteral("%1 broker(s)%2%3")
            .arg(metadata.brokers.size())
            .arg(metadata.clusterId.isEmpty() ? QString() : QStringLiteral(" · cluster id %1").arg(metadata.clusterId))
            .arg(controller ? QStringLiteral(" · controller: broker %1").arg(controller->nodeId)
                            : QStringLiteral(" · controller not reported")));
    if (m_ui->brokerView->selectionModel()->selectedRows().isEmpty() && m_brokerProxy->rowCount() > 0)
        m_ui->brokerView->selectRow(0);
    updateActions();
    loadQuorum();
}

int32_t BrokersPage::selectedBrokerId() const
{
    const auto rows = m_ui->brokerView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_brokerModel->brokerId(m_brokerProxy->mapToSource(rows.first()).row());
}

QWidget* BrokersPage::editConfigsButton() const
{
    return m_ui->editConfigsButton;
}

QWidget* BrokersPage::editDefaultsButton() const
{
    return m_ui->editDefaultsButton;
}

QString BrokersPage::quorumText() const
{
    return m_ui->quorumLabel->text();
}

void BrokersPage::loadQuorum()
{
    // The KRaft quorum and the fenced brokers, on every refresh (two small requests). None of the anchors shows them.
    m_session->describeQuorum(this, [this](const AdminResult<protocol::DescribeQuorumResponse>& r) {
        if (!r.ok()) {
            m_ui->quorumLabel->setText(
                QStringLiteral("<span style='color:#777'>KRaft quorum: not available (%1)</span>")
                    .arg(r.error.message.toHtmlEscaped()));
            return;
        }
        const auto& q = *r.value;
        auto time = [](int64_t ms) {
            return ms < 0 ? QStringLiteral("–")
                          : QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss.zzz"));
        };
        QString rows;
        for (const auto& [role, list] : { std::pair { "voter", &q.voters }, { "observer", &q.observers } })
            for (const auto& v : *list) {
                const qint64 lag = std::max<int64_t>(0, q.highWatermark - v.logEndOffset);
                rows += QStringLiteral("<tr><td>%1</td><td>%2%3</td><td align='right'>%4</td><td align='right' "
                                       "style='%5'>%6</td><td>%7</td><td>%8</td></tr>")
                            .arg(v.replicaId)
                            .arg(QLatin1String(role))
                            .arg(v.replicaId == q.leaderId ? QStringLiteral(" <b>(leader)</b>") : QString())
                            .arg(v.logEndOffset)
                            .arg(lag > 0 ? QStringLiteral("color:#b06000") : QString())
                            .arg(lag)
                            .arg(time(v.lastFetchTimestamp), time(v.lastCaughtUpTimestamp));
            }
        m_quorumHtml = QStringLiteral("<b>KRaft quorum</b> (the metadata log): leader %1, epoch %2, high watermark %3"
                                      "<table cellspacing='8'><tr><th align='left'>Node</th><th align='left'>Role</th>"
                                      "<th>Log end offset</th><th>Lag</th><th align='left'>Last fetch</th>"
                                      "<th align='left'>Last caught up</th></tr>%4</table>")
                           .arg(q.leaderId)
                           .arg(q.leaderEpoch)
                           .arg(q.highWatermark)
                           .arg(rows);
        m_ui->quorumLabel->setText(m_quorumHtml + m_fencedHtml);
    });
    m_session->describeCluster(this, [this](const AdminResult<protocol::DescribeClusterResponse>& r) {
        if (!r.ok())
            return;
        QStringList fenced;
        for (const auto& b : r.value->brokers)
            if (b.isFenced)
                fenced.append(QString::number(b.brokerId));
        m_fencedHtml = fenced.isEmpty() ? QStringLiteral("Fenced brokers: none.")
                                        : QStringLiteral("<span style='color:#b3261e'>Fenced brokers (registered, not "
                                                         "serving): %1</span>")
                                              .arg(fenced.join(QStringLiteral(", ")));
        m_ui->quorumLabel->setText(m_quorumHtml + m_fencedHtml);
    });
}

void BrokersPage::updateActions()
{
    const bool connected = m_session->state() == Cluster::State::Connected;
    gateWriteAction(m_ui->editConfigsButton, m_session, connected && selectedBrokerId() >= 0,
        QStringLiteral("Change or reset the selected broker's dynamic configs"));
    // Also a viewer (reassignments running, throttles left behind): it opens on read-only connections and sends
    // nothing.
    m_ui->reassignButton->setEnabled(connected);
    gateWriteAction(m_ui->editDefaultsButton, m_session, connected,
        QStringLiteral("Change the cluster-wide broker defaults (dynamic configs every broker uses unless it sets its "
                       "own)"));
    if (m_localButton) {
        // Only on the cluster the script runs (its nodes at their addresses), and not on a read-only connection.
        const auto& metadata = m_session->metadata();
        bool ours = false;
        for (const auto& b : metadata.brokers)
            ours = ours || m_local->isScriptNode(metadata, b.nodeId);
        m_localButton->setVisible(connected && ours);
        gateWriteAction(m_localButton, m_session, !m_local->busy(),
            QStringLiteral("Stop, kill or start a node of the local cluster (%1), to see what Kafka does when brokers "
                           "fail")
                .arg(QFileInfo(m_local->script()).fileName()));
    }
}

void BrokersPage::showConfigEditor(const QString& broker)
{
    ConfigEditorDialog dialog(m_session, ConfigResourceType::Broker, broker, this);
    connect(&dialog, &ConfigEditorDialog::configsChanged, this, [this] {
        if (m_configBroker >= 0)
            m_session->loadConfigs(ConfigResourceType::Broker, QString::number(m_configBroker));
    });
    dialog.exec();
}

void BrokersPage::onSelectionChanged()
{
    updateActions();
    const auto id = selectedBrokerId();
    if (id < 0 || id == m_configBroker)
        return;
    m_configBroker = id;
    m_configModel->clear();
    m_ui->configTitle->setText(QStringLiteral("Configuration of broker %1").arg(id));
    inline_message::show(m_ui->configStatus, inline_message::Kind::Info, QStringLiteral("Loading configs…"));
    m_session->loadConfigs(ConfigResourceType::Broker, QString::number(id));
}

} // namespace kafscope
