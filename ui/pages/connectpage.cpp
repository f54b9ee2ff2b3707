#include "ui/pages/connectpage.h"

#include "kafka/cluster.h"
#include "models/connectmodels.h"
#include "ui/dialogs/connectoreditordialog.h"
#include "ui/dialogs/connectoroffsetsdialog.h"
#include "ui/dialogs/deleteconnectordialog.h"
#include "ui/inlinemessage.h"
#include "ui/viewsetup.h"
#include "ui/writegate.h"
#include "ui_connectpage.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTextDocument>
#include <QTime>
#include <QTimer>

namespace kafscope {

namespace {

const QString kProblems = QStringLiteral("problems");

// Filters the connectors by a search text (name, class, type, state, worker URL) and a state ("problems": a failed
// connector or task, or a worker that did not answer).
class ConnectorFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setState(const QString& state)
    {
        m_state = state;
        invalidateFilter();
    }
    void setText(const QString& text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (!m_text.isEmpty()
            && !index.data(ConnectorModel::FilterRole).toString().contains(m_text, Qt::CaseInsensitive))
            return false;
        if (m_state.isEmpty())
            return true;
        const auto* model = static_cast<const ConnectorModel*>(sourceModel());
        const ConnectorRow* r = model->row(row);
        if (m_state == kProblems)
            return r->stale || r->info.state == QLatin1String("FAILED") || r->info.failedTasks() > 0;
        return r->info.state == m_state;
    }

private:
    QString m_state;
    QString m_text;
};

QString key(const QString& url, const QString& name)
{
    return url + QLatin1Char('\n') + name;
}

QString typeText(const QString& type)
{
    return type == QLatin1String("source") ? QStringLiteral("Source connector (into Kafka)")
        : type == QLatin1String("sink")    ? QStringLiteral("Sink connector (out of Kafka)")
                                           : QStringLiteral("Connector (%1)").arg(type);
}

} // namespace

ConnectPage::ConnectPage(Cluster* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectPage>())
    , m_session(session)
    , m_clusterModel(new ConnectClusterModel(this))
    , m_connectorModel(new ConnectorModel(this))
    , m_proxy(new ConnectorFilterProxy(this))
    , m_taskModel(new ConnectTaskModel(this))
{
    m_ui->setupUi(this);
    m_ui->clusterView->setModel(m_clusterModel);
    m_ui->clusterView->verticalHeader()->setVisible(false);
    m_ui->clusterView->horizontalHeader()->setStretchLastSection(true);
    m_proxy->setSourceModel(m_connectorModel);
    m_proxy->setSortRole(ConnectorModel::SortRole);
    setupTableView(m_ui->connectorView, m_proxy);
    m_ui->connectorView->sortByColumn(ConnectorModel::NameColumn, Qt::AscendingOrder);
    setupTableView(m_ui->taskView, m_taskModel);
    m_ui->traceView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->traceView->setTabStopDistance(m_ui->traceView->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    m_ui->configView->setColumnCount(2);
    m_ui->configView->setHorizontalHeaderLabels({ QStringLiteral("Setting"), QStringLiteral("Value") });
    m_ui->configView->horizontalHeader()->setStretchLastSection(true);
    m_ui->configView->verticalHeader()->setVisible(false);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({ 560, 640 });

    m_ui->stateFilter->addItem(QStringLiteral("All states"), QString());
    m_ui->stateFilter->addItem(QStringLiteral("Problems"), kProblems);
    for (const char* state : { "RUNNING", "PAUSED", "STOPPED", "FAILED", "UNASSIGNED" })
        m_ui->stateFilter->addItem(QString::fromLatin1(state), QString::fromLatin1(state));
    m_ui->stateFilter->setItemData(1,
        QStringLiteral("Failed connectors, connectors with a failed task, and those whose "
                       "worker did not answer"),
        Qt::ToolTipRole);
    auto* proxy = static_cast<ConnectorFilterProxy*>(m_proxy);
    connect(m_ui->connectorFilter, &QLineEdit::textChanged, this, [proxy](const QString& t) { proxy->setText(t); });
    connect(m_ui->stateFilter, &QComboBox::currentIndexChanged, this,
        [this, proxy] { proxy->setState(m_ui->stateFilter->currentData().toString()); });

    connect(m_ui->connectorView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ConnectPage::updateDetail);
    // A row that moves or changes under the selection: the detail follows it.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ConnectPage::updateDetail);
    connect(m_ui->taskView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConnectPage::showTrace);
    connect(m_ui->topicsLabel, &QLabel::linkActivated, this, [this](const QString& link) {
        const QString topic = link.section(QLatin1Char(':'), 1);
        if (link.startsWith(QLatin1String("topic:")))
            emit showTopicRequested(topic);
        else if (link.startsWith(QLatin1String("live:")))
            emit tailTopicRequested(topic);
    });
    connect(m_ui->addWorkerButton, &QPushButton::clicked, this, &ConnectPage::connectDialogRequested);
    connect(m_ui->fileDemoButton, &QPushButton::clicked, this,
        [this] { isFileDemoRunning() ? stopFileDemo() : startFileDemo(); });

    m_ui->pauseButton->setObjectName(QStringLiteral("pauseButton"));
    connect(m_ui->pauseButton, &QPushButton::clicked, this, &ConnectPage::pauseSelected);
    connect(m_ui->resumeButton, &QPushButton::clicked, this, &ConnectPage::resumeSelected);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &ConnectPage::stopSelected);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &ConnectPage::showDeleteDialog);
    connect(m_ui->newButton, &QPushButton::clicked, this, &ConnectPage::showCreateDialog);
    connect(m_ui->editButton, &QPushButton::clicked, this, &ConnectPage::showEditDialog);
    connect(m_ui->offsetsButton, &QPushButton::clicked, this, &ConnectPage::showOffsetsDialog);
    auto* restartMenu = new QMenu(this);
    restartMenu->setObjectName(QStringLiteral("restartMenu"));
    restartMenu->addAction(
        QStringLiteral("Restart the connector and all its tasks"), this, [this] { restartSelected(false); });
    restartMenu->addAction(
        QStringLiteral("Restart only what failed (the connector or tasks)"), this, [this] { restartSelected(true); });
    auto* restartTask = restartMenu->addAction(QStringLiteral("Restart the selected task"), this, [this] {
        const auto rows = m_ui->taskView->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            restartSelected(false, m_taskModel->taskId(rows.first().row()));
    });
    connect(restartMenu, &QMenu::aboutToShow, this, [this, restartTask] {
        const auto rows = m_ui->taskView->selectionModel()->selectedRows();
        restartTask->setEnabled(!rows.isEmpty() && m_taskModel->taskId(rows.first().row()) >= 0);
    });
    m_ui->restartButton->setMenu(restartMenu);

    // The workers are the connection's: known when it connects; asked again with every refresh of the app (the
    // Kafka cluster answering or not: Connect runs beside it) while the page is shown.
    connect(m_session, &Cluster::stateChanged, this, [this](Cluster::State state) {
        if (state != Cluster::State::Connecting)
            return;
        auto endpoints = m_session->profile().connect;
        for (auto& e : endpoints) {
            if (e.caFile.isEmpty() && e.url.scheme() == QLatin1String("https"))
                e.caFile = m_session->profile().security.caFile; // a private CA signs the workers too, typically
        }
        setEndpoints(endpoints);
    });
    const auto refreshed = [this] {
        if (isVisible())
            reload();
    };
    connect(m_session, &Cluster::metadataAvailable, this, refreshed);
    connect(m_session, &Cluster::refreshFailed, this, refreshed);
    connect(m_session, &Cluster::stateChanged, this, &ConnectPage::updateActions);
    updateSummary();
    updateDetail();
}

ConnectPage::~ConnectPage() = default;

void ConnectPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_listedOnce)
        reload();
}

void ConnectPage::setEndpoints(const QList<connect::ConnectEndpoint>& endpoints)
{
    for (auto& w : m_workers)
        delete w.client; // its answers still out are dropped with it
    m_workers.clear();
    m_pending = 0;
    m_endpoints = endpoints;
    QStringList urls;
    for (const auto& e : endpoints) {
        urls << e.displayUrl();
        m_workers.insert(e.displayUrl(), Worker { new connect::ConnectClient(e, this) });
    }
    m_clusterModel->setUrls(urls);
    m_connectorModel->keepClusters(urls);
    m_listedOnce = false;
    m_columnsSized = false;
    inline_message::hide(m_ui->listStatus);
    updateSummary();
    if (isVisible())
        reload();
}

QList<connect::ConnectEndpoint> ConnectPage::endpoints() const
{
    return m_endpoints;
}

ConnectPage::Worker* ConnectPage::workerOf(const QString& url)
{
    auto it = m_workers.find(url);
    return it == m_workers.end() ? nullptr : &it.value();
}

const ConnectorRow* ConnectPage::selectedRow(Worker** worker)
{
    *worker = workerOf(selectedCluster());
    const ConnectorRow* row = m_connectorModel->row(m_connectorModel->rowOf(selectedCluster(), selectedConnector()));
    return *worker ? row : nullptr;
}

void ConnectPage::reload()
{
    m_listedOnce = true;
    for (const auto& e : m_endpoints)
        listWorker(e.displayUrl());
    if (m_endpoints.isEmpty())
        emit reloaded();
}

void ConnectPage::listWorker(const QString& url)
{
    Worker* w = workerOf(url);
    if (!w || w->inFlight)
        return;
    w->inFlight = true;
    ++m_pending;
    const auto failed = [this, url](const connect::ConnectError& error) {
        Worker* w = workerOf(url);
        if (!w)
            return;
        ConnectClusterRow row = *m_clusterModel->row(m_clusterModel->rowOf(url));
        row.error = error.message;
        m_clusterModel->setRow(row);
        m_connectorModel->setStale(url, true);
        w->inFlight = false;
        onListed();
    };
    w->client->workerInfo([this, url, failed](const connect::ConnectResult<connect::WorkerInfo>& info) {
        Worker* w = workerOf(url);
        if (!w)
            return;
        if (!info.ok()) {
            failed(info.error);
            return;
        }
        w->info = *info.value;
        w->client->connectors([this, url, failed](const connect::ConnectResult<QList<connect::ConnectorInfo>>& list) {
            Worker* w = workerOf(url);
            if (!w)
                return;
            if (!list.ok()) {
                failed(list.error);
                return;
            }
            ConnectClusterRow row { url, w->info, {}, {}, int(list.value->size()), {} };
            QStringList workers;
            for (const auto& c : *list.value) {
                workers << c.workerId;
                for (const auto& t : c.tasks)
                    workers << t.workerId;
            }
            workers.removeAll(QString());
            workers.removeDuplicates();
            workers.sort();
            row.workers = workers;
            const QString connected = m_session->metadata().clusterId;
            if (!connected.isEmpty() && !w->info->kafkaClusterId.isEmpty() && connected != w->info->kafkaClusterId)
                row.note = QStringLiteral("Uses another Kafka cluster (%1), not the connected one (%2)")
                               .arg(w->info->kafkaClusterId, connected);
            m_clusterModel->setRow(row);
            m_connectorModel->setConnectors(url, *list.value);
            w->inFlight = false;
            onListed();
        });
    });
}

void ConnectPage::onListed()
{
    m_pending = std::max(0, m_pending - 1);
    QStringList errors;
    for (int r = 0; r < m_clusterModel->rowCount(); ++r) {
        if (!m_clusterModel->row(r)->error.isEmpty())
            errors << m_clusterModel->row(r)->error;
    }
    if (errors.isEmpty())
        inline_message::hide(m_ui->listStatus);
    else
        inline_message::show(m_ui->listStatus, inline_message::Kind::Error,
            errors.join(QLatin1Char('\n'))
                + QStringLiteral("\nThe connectors of a worker that does not answer keep their last known state (in "
                                 "grey); KafScope asks again with every refresh."));
    if (!m_columnsSized && m_connectorModel->rowCount() > 0) {
        m_columnsSized = true;
        fitColumns(m_ui->connectorView);
        m_ui->clusterView->resizeColumnsToContents();
        if (selectedConnector().isEmpty()) {
            // Nothing picked yet: show the first connector in trouble, else the first one.
            int pick = 0;
            for (int r = 0; r < m_proxy->rowCount(); ++r) {
                const auto* row = m_connectorModel->row(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
                if (row->info.state == QLatin1String("FAILED") || row->info.failedTasks() > 0) {
                    pick = r;
                    break;
                }
            }
            m_ui->connectorView->selectRow(pick);
        }
    }
    updateSummary();
    updateDetail();
    if (!m_selectAfterReload.isEmpty()
        && selectConnector(
            m_selectAfterReload.section(QLatin1Char('\n'), 1), m_selectAfterReload.section(QLatin1Char('\n'), 0, 0)))
        m_selectAfterReload.clear();
    if (m_pending == 0) {
        // A running connector starts using topics as it goes: the selected one's are asked again with each listing.
        if (!m_shownKey.isEmpty() && m_shownKey == m_topicsOf)
            loadTopics();
        emit reloaded();
    }
}

void ConnectPage::updateSummary()
{
    m_ui->addWorkerButton->setVisible(m_endpoints.isEmpty() && !m_session->isDemo());
    // The file demo needs a worker on this machine (it reads the file KafScope writes) and a writable connection.
    bool localWorker = false;
    for (const auto& e : m_endpoints)
        localWorker
            = localWorker || e.url.host() == QLatin1String("127.0.0.1") || e.url.host() == QLatin1String("localhost");
    m_ui->fileDemoButton->setVisible(localWorker || isFileDemoRunning());
    m_ui->fileDemoButton->setEnabled(!m_session->isReadOnly());
    m_ui->fileDemoButton->setText(
        isFileDemoRunning() ? QStringLiteral("Stop the file &demo") : QStringLiteral("File &demo"));
    m_ui->clusterView->setVisible(!m_endpoints.isEmpty());
    // As tall as its rows (up to four), so the connectors get the rest.
    const int rows = std::min(4, std::max(1, m_clusterModel->rowCount()));
    m_ui->clusterView->setFixedHeight(m_ui->clusterView->horizontalHeader()->sizeHint().height()
        + rows * m_ui->clusterView->verticalHeader()->defaultSectionSize() + 2 * m_ui->clusterView->frameWidth());
    if (m_endpoints.isEmpty()) {
        m_ui->summaryLabel->setText(m_session->isDemo()
                ? QStringLiteral("The demo cluster has no Kafka Connect. To see Connect at work, start the local "
                                 "cluster with its worker (<code>scripts/local-cluster start</code>, then "
                                 "<code>scripts/local-cluster start-connect</code>) and connect to it with the worker "
                                 "URL that <code>scripts/local-cluster connect-url</code> prints. "
                                 "<code>start-connect --demo postgres</code> adds a PostgreSQL table whose every "
                                 "change Debezium streams into a topic, keyed by primary key.")
                : QStringLiteral("No Kafka Connect worker in this connection. Add one worker's REST URL per Connect "
                                 "cluster (e.g. <code>http://localhost:8083</code>) under \"Kafka Connect\" in the "
                                 "connect dialog."));
        return;
    }
    int connectors = 0;
    int failedConnectors = 0;
    int failedTasks = 0;
    int running = 0;
    for (int r = 0; r < m_connectorModel->rowCount(); ++r) {
        const auto& info = m_connectorModel->row(r)->info;
        ++connectors;
        failedConnectors += info.state == QLatin1String("FAILED");
        failedTasks += info.failedTasks();
        running += info.state == QLatin1String("RUNNING");
    }
    int answering = 0;
    for (int r = 0; r < m_clusterModel->rowCount(); ++r)
        answering += m_clusterModel->row(r)->error.isEmpty() && m_clusterModel->row(r)->info.has_value();
    QString text = QStringLiteral("%1 connector(s) on %2 Connect cluster(s)").arg(connectors).arg(m_endpoints.size());
    if (connectors > 0)
        text += QStringLiteral(": %1 running").arg(running);
    if (failedConnectors > 0)
        text += QStringLiteral(", <span style='color:#c5221f'>%1 failed</span>").arg(failedConnectors);
    if (failedTasks > 0)
        text += QStringLiteral(", <span style='color:#c5221f'>%1 failed task(s)</span>").arg(failedTasks);
    if (answering < m_endpoints.size() && m_listedOnce && m_pending == 0)
        text += QStringLiteral("; %1 of %2 worker(s) answering").arg(answering).arg(m_endpoints.size());
    m_ui->summaryLabel->setText(text + QLatin1Char('.'));
}

QString ConnectPage::selectedConnector() const
{
    const auto rows = m_ui->connectorView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(ConnectorModel::NameRole).toString();
}

QString ConnectPage::selectedCluster() const
{
    const auto rows = m_ui->connectorView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(ConnectorModel::ClusterRole).toString();
}

bool ConnectPage::selectConnector(const QString& name, const QString& cluster)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, 0);
        if (index.data(ConnectorModel::NameRole).toString() == name
            && (cluster.isEmpty() || index.data(ConnectorModel::ClusterRole).toString() == cluster)) {
            m_ui->connectorView->selectRow(r);
            m_ui->connectorView->scrollTo(index);
            return true;
        }
    }
    return false;
}

void ConnectPage::updateDetail()
{
    const QString url = selectedCluster();
    const QString name = selectedConnector();
    const int row = m_connectorModel->rowOf(url, name);
    const ConnectorRow* r = m_connectorModel->row(row);
    const QString shown = r ? key(url, name) : QString();
    const bool changed = shown != m_shownKey;
    m_shownKey = shown;
    if (changed)
        inline_message::hide(m_ui->detailStatus);
    if (!r) {
        m_ui->detailTitle->setText(QStringLiteral("Select a connector to see its tasks, topics and config."));
        m_ui->detailInfo->clear();
        m_ui->topicsLabel->clear();
        m_ui->configView->setRowCount(0);
        m_taskModel->setConnector(std::nullopt);
        m_topics.clear();
        m_topicsOf.clear();
        showTrace();
        updateActions();
        return;
    }
    const auto& info = r->info;
    m_ui->detailTitle->setText(QStringLiteral("<b>%1</b>").arg(info.name.toHtmlEscaped()));
    QString text = QStringLiteral("%1, %2 · %3 on %4 · tasks: %5")
                       .arg(typeText(info.type), info.config.value(QStringLiteral("connector.class")), info.state,
                           info.workerId.isEmpty() ? QStringLiteral("no worker") : info.workerId,
                           ConnectorModel::tasksText(info));
    if (r->stale)
        text += QStringLiteral("\nLast known state: the worker %1 did not answer the last refresh.").arg(url);
    else if (info.state == QLatin1String("STOPPED"))
        text += QStringLiteral("\nStopped: its tasks are shut down and hold no resources; Resume starts them again. "
                               "Its offsets can be read and reset now.");
    else if (info.state == QLatin1String("PAUSED"))
        text += QStringLiteral("\nPaused: its tasks stay assigned but move no data; Resume continues.");
    m_ui->detailInfo->setText(text);
    // The connector itself first, then its tasks; a failed one's trace is shown at once.
    const bool sameTasks = m_taskModel->rowCount() == info.tasks.size() + 1 && !changed;
    m_taskModel->setConnector(info);
    if (changed || !sameTasks) {
        int select = 0;
        for (int t = 0; t < m_taskModel->rowCount(); ++t) {
            if (!m_taskModel->index(t, 0).data(ConnectTaskModel::TraceRole).toString().isEmpty()) {
                select = t;
                break;
            }
        }
        m_ui->taskView->selectRow(select);
    }
    showTrace();
    showConfig(info, url);
    if (changed)
        loadTopics();
    updateActions();
}

void ConnectPage::showTrace()
{
    const auto rows = m_ui->taskView->selectionModel()->selectedRows();
    const QString trace = rows.isEmpty() ? QString() : rows.first().data(ConnectTaskModel::TraceRole).toString();
    if (m_ui->traceView->toPlainText() != trace)
        m_ui->traceView->setPlainText(trace);
    if (trace.isEmpty()) {
        m_ui->traceTitle->setText(rows.isEmpty() ? QString() : QStringLiteral("No error: nothing failed here."));
        m_ui->traceTitle->setStyleSheet({});
        return;
    }
    const int id = m_taskModel->taskId(rows.first().row());
    m_ui->traceTitle->setText(QStringLiteral("%1 failed: %2")
                                  .arg(id < 0 ? QStringLiteral("The connector") : QStringLiteral("Task %1").arg(id),
                                      connect::traceSummary(trace)));
    m_ui->traceTitle->setStyleSheet(QStringLiteral("color: #b3261e;"));
}

void ConnectPage::showConfig(const connect::ConnectorInfo& info, const QString& url)
{
    Worker* w = workerOf(url);
    const QString className = info.config.value(QStringLiteral("connector.class"));
    if (w && !className.isEmpty() && !w->askedDefinitions.contains(className)) {
        // The plugin's definitions say which settings are passwords; until they arrive, names that look secret are
        // masked (maskedConfig masks those always).
        w->askedDefinitions.insert(className);
        w->client->validate(className, info.config,
            [this, url, className, config = info.config](const connect::ConnectResult<connect::Validation>& v) {
                Worker* w = workerOf(url);
                if (!w || !v.ok())
                    return;
                w->definitions.insert(className, v.value->fields);
                updateDetail();
            });
    }
    const auto shown
        = connect::maskedConfig(info.config, w ? w->definitions.value(className) : QList<connect::ConfigField>());
    if (shown == shownConfig())
        return;
    m_ui->configView->setRowCount(int(shown.size()));
    int row = 0;
    for (auto it = shown.begin(); it != shown.end(); ++it, ++row) {
        m_ui->configView->setItem(row, 0, new QTableWidgetItem(it.key()));
        auto* value = new QTableWidgetItem(it.value());
        value->setToolTip(it.value());
        m_ui->configView->setItem(row, 1, value);
    }
    m_ui->configView->resizeColumnToContents(0);
}

QMap<QString, QString> ConnectPage::shownConfig() const
{
    QMap<QString, QString> config;
    for (int r = 0; r < m_ui->configView->rowCount(); ++r) {
        if (m_ui->configView->item(r, 0) && m_ui->configView->item(r, 1))
            config.insert(m_ui->configView->item(r, 0)->text(), m_ui->configView->item(r, 1)->text());
    }
    return config;
}

void ConnectPage::loadTopics()
{
    const QString url = selectedCluster();
    const QString name = selectedConnector();
    Worker* w = workerOf(url);
    if (m_topicsOf != key(url, name)) {
        m_topics.clear();
        m_topicsOf = key(url, name);
        m_ui->topicsLabel->setText(w ? QStringLiteral("Topics: asking…") : QString());
    }
    if (!w)
        return;
    w->client->topics(name, [this, url, name](const connect::ConnectResult<QStringList>& topics) {
        if (m_topicsOf != key(url, name))
            return; // another connector is shown by now
        if (!topics.ok()) {
            m_ui->topicsLabel->setText(
                QStringLiteral("Topics: not known (%1)").arg(topics.error.message.toHtmlEscaped()));
            return;
        }
        m_topics = *topics.value;
        if (m_topics.isEmpty()) {
            m_ui->topicsLabel->setText(QStringLiteral(
                "Topics: none used yet (Connect lists a topic once the connector has produced to it or consumed "
                "from it)."));
            return;
        }
        QStringList links;
        for (const auto& t : m_topics) {
            const QString e = t.toHtmlEscaped();
            links << QStringLiteral("<a href=\"topic:%1\">%1</a> (<a href=\"live:%1\">tail</a>)").arg(e);
        }
        m_ui->topicsLabel->setText(QStringLiteral("Topics: ") + links.join(QStringLiteral(", ")));
        m_ui->topicsLabel->setToolTip(
            QStringLiteral("A topic's name opens it on the Topics page; \"tail\" opens the Live tab on it"));
    });
}

void ConnectPage::updateActions()
{
    const ConnectorRow* r = m_connectorModel->row(m_connectorModel->rowOf(selectedCluster(), selectedConnector()));
    const QString state = r ? r->info.state : QString();
    gateWriteAction(m_ui->pauseButton, m_session, r && state != QLatin1String("PAUSED"),
        QStringLiteral("Pause the connector and its tasks: they stay assigned but move no data"));
    gateWriteAction(m_ui->resumeButton, m_session,
        r && (state == QLatin1String("PAUSED") || state == QLatin1String("STOPPED")),
        QStringLiteral("Resume a paused or stopped connector"));
    gateWriteAction(m_ui->stopButton, m_session, r && state != QLatin1String("STOPPED"),
        QStringLiteral("Stop the connector: its tasks shut down and release their resources (Kafka 3.5+); needed "
                       "before its offsets can be reset"));
    gateWriteAction(m_ui->restartButton, m_session, r != nullptr,
        QStringLiteral("Restart the connector and its tasks, only what failed, or one task"));
    // The editor validates on read-only connections too, and says it will not send.
    m_ui->newButton->setEnabled(!m_endpoints.isEmpty());
    m_ui->newButton->setToolTip(QStringLiteral("Create a connector from an installed plugin: a form from the plugin's "
                                               "own settings, checked by the worker before anything is created"));
    m_ui->editButton->setEnabled(r != nullptr);
    m_ui->editButton->setToolTip(QStringLiteral("Change the connector's config (checked by the worker first)"));
    m_ui->offsetsButton->setEnabled(r != nullptr);
    m_ui->offsetsButton->setToolTip(QStringLiteral("Read the connector's offsets; reset or edit them (it is stopped "
                                                   "first, after a preview)"));
    gateWriteAction(m_ui->deleteButton, m_session, r != nullptr,
        QStringLiteral("Delete the connector (its config and status; you type its name to confirm)"));
}

void ConnectPage::runAction(const QString& verb,
    const std::function<void(connect::ConnectClient*, const QString&, connect::ConnectClient::Done<bool>)>& send)
{
    const QString url = selectedCluster();
    const QString name = selectedConnector();
    Worker* w = workerOf(url);
    if (!w || name.isEmpty())
        return;
    if (m_session->isReadOnly()) {
        inline_message::show(m_ui->detailStatus, inline_message::Kind::Error, m_session->writeRefusal());
        return;
    }
    inline_message::show(
        m_ui->detailStatus, inline_message::Kind::Info, QStringLiteral("%1 %2: asking the worker…").arg(verb, name));
    send(w->client, name, [this, verb, name, url](const connect::ConnectResult<bool>& r) {
        if (key(url, name) != m_shownKey && !m_shownKey.isEmpty() && !r.ok())
            return;
        if (!r.ok()) {
            inline_message::show(m_ui->detailStatus, inline_message::Kind::Error,
                QStringLiteral("%1 %2 failed. %3").arg(verb, name, r.error.message));
            return;
        }
        inline_message::show(m_ui->detailStatus, inline_message::Kind::Info,
            QStringLiteral("%1 %2: the worker accepted it; the state above follows as its workers act.")
                .arg(verb, name));
        reloadSoon();
    });
}

void ConnectPage::reloadSoon()
{
    // The worker answers before its workers act (202 Accepted): look again shortly, and once more a bit later.
    QTimer::singleShot(300, this, &ConnectPage::reload);
    QTimer::singleShot(2000, this, &ConnectPage::reload);
}

void ConnectPage::pauseSelected()
{
    runAction(QStringLiteral("Pause"), [](auto* c, const QString& n, auto done) { c->pause(n, std::move(done)); });
}

void ConnectPage::resumeSelected()
{
    runAction(QStringLiteral("Resume"), [](auto* c, const QString& n, auto done) { c->resume(n, std::move(done)); });
}

void ConnectPage::stopSelected()
{
    runAction(QStringLiteral("Stop"), [](auto* c, const QString& n, auto done) { c->stop(n, std::move(done)); });
}

void ConnectPage::restartSelected(bool onlyFailed, int task)
{
    if (task >= 0) {
        runAction(QStringLiteral("Restart task %1 of").arg(task),
            [task](auto* c, const QString& n, auto done) { c->restartTask(n, task, std::move(done)); });
        return;
    }
    runAction(onlyFailed ? QStringLiteral("Restart what failed of") : QStringLiteral("Restart"),
        [onlyFailed](auto* c, const QString& n, auto done) { c->restart(n, onlyFailed, std::move(done)); });
}

void ConnectPage::showDeleteDialog()
{
    Worker* w = nullptr;
    const ConnectorRow* r = selectedRow(&w);
    if (!r)
        return;
    const QString url = r->cluster;
    const QString name = r->info.name;
    DeleteConnectorDialog dialog(
        w->client, m_session, r->info, m_topicsOf == key(url, name) ? m_topics : QStringList(), this);
    connect(&dialog, &DeleteConnectorDialog::deleted, this, [this](const QString& deleted) {
        inline_message::show(
            m_ui->detailStatus, inline_message::Kind::Info, QStringLiteral("Deleted connector %1.").arg(deleted));
        reloadSoon();
    });
    dialog.exec();
}

void ConnectPage::showCreateDialog()
{
    QString url = selectedCluster();
    if (url.isEmpty()) {
        for (int r = 0; r < m_clusterModel->rowCount() && url.isEmpty(); ++r) {
            if (m_clusterModel->row(r)->error.isEmpty() && m_clusterModel->row(r)->info)
                url = m_clusterModel->row(r)->url;
        }
    }
    if (url.isEmpty() && !m_endpoints.isEmpty())
        url = m_endpoints.first().displayUrl();
    Worker* w = workerOf(url);
    if (!w)
        return;
    QStringList names;
    for (int r = 0; r < m_connectorModel->rowCount(); ++r) {
        if (m_connectorModel->row(r)->cluster == url)
            names << m_connectorModel->row(r)->info.name;
    }
    ConnectorEditorDialog dialog(w->client, m_session, ConnectorEditorDialog::Mode::Create, {}, names, this);
    connect(&dialog, &ConnectorEditorDialog::saved, this, [this, url](const QString& name) {
        inline_message::show(
            m_ui->listStatus, inline_message::Kind::Info, QStringLiteral("Created connector %1 on %2.").arg(name, url));
        m_selectAfterReload = key(url, name);
        reloadSoon();
    });
    dialog.exec();
}

void ConnectPage::showEditDialog()
{
    Worker* w = nullptr;
    const ConnectorRow* r = selectedRow(&w);
    if (!r)
        return;
    ConnectorEditorDialog dialog(w->client, m_session, ConnectorEditorDialog::Mode::Edit, r->info, {}, this);
    connect(&dialog, &ConnectorEditorDialog::saved, this, [this](const QString& saved) {
        inline_message::show(m_ui->detailStatus, inline_message::Kind::Info,
            QStringLiteral("Applied the new config of %1: its tasks restart with it.").arg(saved));
        reloadSoon();
    });
    dialog.exec();
}

QString ConnectPage::fileDemoDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/connect-demo");
}

bool ConnectPage::isFileDemoRunning() const
{
    return m_demoAppender && m_demoAppender->isActive();
}

void ConnectPage::startFileDemo()
{
    Worker* w = nullptr;
    for (const auto& e : m_endpoints) {
        if (e.url.host() == QLatin1String("127.0.0.1") || e.url.host() == QLatin1String("localhost")) {
            m_demoWorker = e.displayUrl();
            w = workerOf(m_demoWorker);
            break;
        }
    }
    if (!w || m_session->isReadOnly() || isFileDemoRunning())
        return;
    const QString dir = fileDemoDir();
    QDir().mkpath(dir);
    // Kafka Connect keeps a file source's position per file name, in the worker's offsets topic, even after the
    // connector is deleted: a file made anew under a name used before would be read from that old position, past its
    // end, so nothing would arrive. The demo goes on with its newest input file, and a new file gets a new name.
    const auto inputs = QDir(dir).entryList({ QStringLiteral("input-*.txt") }, QDir::Files, QDir::Name);
    const QString input = dir + QLatin1Char('/')
        + (inputs.isEmpty() ? QStringLiteral("input-%1.txt")
                                  .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
                            : inputs.last());
    const QString output = dir + QStringLiteral("/output.txt");
    // A sink already running keeps writing into the file it opened: if output.txt is made anew (the folder was
    // cleaned), its task is restarted so it opens the new one.
    const bool newOutput = !QFile::exists(output);
    for (const QString& f : { input, output }) {
        QFile file(f);
        if (!file.open(QIODevice::Append)) {
            inline_message::show(m_ui->listStatus, inline_message::Kind::Error,
                QStringLiteral("File demo: cannot write %1: %2").arg(f, file.errorString()));
            return;
        }
    }
    if (!m_demoAppender) {
        m_demoAppender = new QTimer(this);
        m_demoAppender->setInterval(2000);
        connect(m_demoAppender, &QTimer::timeout, this, &ConnectPage::appendDemoLine);
    }
    m_demoInput = input;
    {
        QFile existing(input); // numbering goes on from an earlier run's lines
        m_demoLines = existing.open(QIODevice::ReadOnly) ? int(existing.readAll().count('\n')) : 0;
    }
    m_demoAppender->start();
    appendDemoLine(); // the first line now
    const QString topic = fileDemoTopic();
    // PUT config creates the connector or updates it: starting the demo again is harmless.
    const QMap<QString, QString> source { { QStringLiteral("connector.class"), QStringLiteral("FileStreamSource") },
        { QStringLiteral("file"), input }, { QStringLiteral("topic"), topic },
        { QStringLiteral("topic.creation.default.partitions"), QStringLiteral("3") },
        { QStringLiteral("topic.creation.default.replication.factor"), QStringLiteral("-1") } };
    const QMap<QString, QString> sink { { QStringLiteral("connector.class"), QStringLiteral("FileStreamSink") },
        { QStringLiteral("file"), output }, { QStringLiteral("topics"), topic } };
    inline_message::show(m_ui->listStatus, inline_message::Kind::Info,
        QStringLiteral("File demo: %1 grows by a line every 2 s; kafscope-demo-source reads it into topic %2, "
                       "kafscope-demo-sink writes the topic to %3.")
            .arg(input, topic, output));
    const auto failed = [this](const connect::ConnectResult<connect::ConnectorInfo>& r) {
        if (!r.ok()) {
            stopFileDemo();
            inline_message::show(m_ui->listStatus, inline_message::Kind::Error,
                QStringLiteral("File demo not started: %1").arg(r.error.message));
        }
    };
    w->client->putConfig(QStringLiteral("kafscope-demo-sink"), sink,
        [this, failed, newOutput](const connect::ConnectResult<connect::ConnectorInfo>& r) {
            failed(r);
            Worker* worker = workerOf(m_demoWorker);
            if (r.ok() && newOutput && worker)
                worker->client->restart(QStringLiteral("kafscope-demo-sink"), false, [](const auto&) {});
        });
    w->client->putConfig(QStringLiteral("kafscope-demo-source"), source,
        [this, failed](const connect::ConnectResult<connect::ConnectorInfo>& r) {
            failed(r);
            if (!r.ok())
                return;
            m_selectAfterReload = key(m_demoWorker, QStringLiteral("kafscope-demo-source"));
            reloadSoon();
            m_demoWaits = 30;
            waitForDemoTopic();
        });
    updateSummary();
}

void ConnectPage::appendDemoLine()
{
    static const char* const users[] = { "alice", "bob", "carol", "dave", "erin" };
    QFile file(m_demoInput);
    if (!file.open(QIODevice::Append))
        return;
    ++m_demoLines;
    file.write(
        QStringLiteral("line %1 at %2: %3 clicked\n")
            .arg(m_demoLines)
            .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), QLatin1String(users[m_demoLines % 5]))
            .toUtf8());
}

void ConnectPage::waitForDemoTopic()
{
    // The Live tab can tail the topic once the source has written to it (Connect then lists it as used).
    Worker* w = workerOf(m_demoWorker);
    if (!w || m_demoWaits-- <= 0)
        return;
    w->client->topics(QStringLiteral("kafscope-demo-source"), [this](const connect::ConnectResult<QStringList>& r) {
        if (r.ok() && r.value->contains(fileDemoTopic())) {
            emit tailTopicRequested(fileDemoTopic());
            return;
        }
        QTimer::singleShot(1000, this, &ConnectPage::waitForDemoTopic);
    });
}

void ConnectPage::stopFileDemo()
{
    if (m_demoAppender)
        m_demoAppender->stop();
    m_demoWaits = 0;
    inline_message::show(m_ui->listStatus, inline_message::Kind::Info,
        QStringLiteral("File demo stopped: no more lines are appended. Its connectors stay (delete them here) and so "
                       "does the topic %1.")
            .arg(fileDemoTopic()));
    updateSummary();
}

void ConnectPage::showOffsetsDialog()
{
    Worker* w = nullptr;
    const ConnectorRow* r = selectedRow(&w);
    if (!r)
        return;
    ConnectorOffsetsDialog dialog(w->client, m_session, r->info, this);
    connect(&dialog, &ConnectorOffsetsDialog::changed, this, &ConnectPage::reloadSoon);
    dialog.exec();
}

QString ConnectPage::summaryText() const
{
    return m_ui->summaryLabel->text();
}

QString ConnectPage::listStatusText() const
{
    return m_ui->listStatus->isVisibleTo(this) ? m_ui->listStatus->text() : QString();
}

QString ConnectPage::detailInfoText() const
{
    return m_ui->detailInfo->text();
}

QString ConnectPage::detailStatusText() const
{
    return m_ui->detailStatus->isVisibleTo(this) ? m_ui->detailStatus->text() : QString();
}

QString ConnectPage::topicsText() const
{
    QTextDocument doc;
    doc.setHtml(m_ui->topicsLabel->text());
    return doc.toPlainText();
}

QString ConnectPage::traceText() const
{
    return m_ui->traceView->toPlainText();
}

QString ConnectPage::traceTitleText() const
{
    return m_ui->traceTitle->text();
}

} // namespace kafscope
