#include "ui/topicspage.h"

#include "kafka/admin/planner.h"
#include "kafka/admin/topichealth.h"
#include "kafka/cluster.h"
#include "models/configmodel.h"
#include "models/partitionmodel.h"
#include "models/topicfilterproxy.h"
#include "models/topicmodel.h"
#include "ui/dialogs/configeditordialog.h"
#include "ui/dialogs/createtopicdialog.h"
#include "ui/dialogs/deleterecordsdialog.h"
#include "ui/dialogs/deletetopicdialog.h"
#include "ui/dialogs/electleadersdialog.h"
#include "ui/dialogs/partitioncountdialog.h"
#include "ui/dialogs/replicationdialog.h"
#include "ui/dialogs/retentiondialog.h"
#include "ui/inlinemessage.h"
#include "ui/settings.h"
#include "ui/viewsetup.h"
#include "ui/viewstate.h"
#include "ui/writegate.h"
#include "ui_topicspage.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace kafscope {

TopicsPage::TopicsPage(Cluster* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TopicsPage>())
    , m_session(session)
    , m_topicModel(new TopicModel(this))
    , m_topicProxy(new TopicFilterProxy(this))
    , m_partitionModel(new PartitionModel(this))
    , m_partitionProxy(new QSortFilterProxyModel(this))
    , m_configModel(new ConfigModel(this))
    , m_configProxy(new QSortFilterProxyModel(this))
    , m_filterDebounce(new QTimer(this))
{
    m_ui->setupUi(this);
    m_createdStatus = new QLabel(this);
    m_createdStatus->setObjectName(QStringLiteral("createdStatus"));
    m_createdStatus->setWordWrap(true);
    m_createdStatus->setVisible(false);
    m_ui->verticalLayout->insertWidget(m_ui->verticalLayout->indexOf(m_ui->offsetsStatus) + 1, m_createdStatus);
    m_topicProxy->setSourceModel(m_topicModel);
    setupTableView(m_ui->topicView, m_topicProxy);
    m_ui->topicView->setColumnWidth(TopicModel::NameColumn, 240);
    m_ui->topicView->sortByColumn(TopicModel::NameColumn, Qt::AscendingOrder);

    m_partitionProxy->setSourceModel(m_partitionModel);
    m_partitionProxy->setSortRole(PartitionModel::SortRole);
    setupTableView(m_ui->partitionView, m_partitionProxy);
    m_ui->partitionView->sortByColumn(PartitionModel::PartitionColumn, Qt::AscendingOrder);

    m_configProxy->setSourceModel(m_configModel);
    m_configProxy->setSortRole(ConfigModel::SortRole);
    setupTableView(m_ui->configView, m_configProxy);
    m_ui->configView->sortByColumn(ConfigModel::NameColumn, Qt::AscendingOrder);
    m_ui->configView->horizontalHeader()->setStretchLastSection(false);

    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);
    // Numbers are right-aligned: a stretched last column would push them to the far edge.
    m_ui->topicView->horizontalHeader()->setStretchLastSection(false);

    // Filtering re-runs over every row: wait until typing pauses.
    m_filterDebounce->setSingleShot(true);
    m_filterDebounce->setInterval(300);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_filterDebounce, qOverload<>(&QTimer::start));
    connect(m_filterDebounce, &QTimer::timeout, this, [this] {
        m_topicProxy->setFilterText(m_ui->filterEdit->text());
        updateCount();
    });
    connect(m_ui->showInternalCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_topicProxy->setShowInternal(on);
        updateCount();
    });
    m_topicProxy->setShowInternal(m_ui->showInternalCheck->isChecked());

    connect(m_ui->createButton, &QPushButton::clicked, this, &TopicsPage::showCreateDialog);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &TopicsPage::showDeleteDialog);
    connect(m_ui->editConfigsButton, &QPushButton::clicked, this, &TopicsPage::showConfigEditor);
    connect(m_ui->addPartitionsButton, &QPushButton::clicked, this, &TopicsPage::showPartitionCountDialog);
    connect(m_ui->replicationButton, &QPushButton::clicked, this, &TopicsPage::showReplicationDialog);
    connect(m_ui->electButton, &QPushButton::clicked, this, [this] {
        if (selectedTopic().isEmpty())
            return;
        ElectLeadersDialog dialog(m_session, selectedTopic(), this);
        connect(&dialog, &ElectLeadersDialog::leadersElected, this, [this] { m_session->refresh(); });
        dialog.exec();
    });
    connect(m_ui->deleteRecordsButton, &QPushButton::clicked, this, [this] {
        if (selectedTopic().isEmpty())
            return;
        DeleteRecordsDialog dialog(m_session, selectedTopic(), this);
        connect(&dialog, &DeleteRecordsDialog::recordsDeleted, this, [this] { m_session->refresh(); });
        dialog.exec();
    });
    connect(m_ui->retentionButton, &QPushButton::clicked, this, &TopicsPage::showRetentionDialog);
    connect(m_session, &Cluster::metadataAvailable, this, &TopicsPage::onMetadata);
    connect(m_session, &Cluster::offsetsAvailable, this, &TopicsPage::onOffsets);
    connect(m_session, &Cluster::refreshFailed, this, [this](const QString& message) {
        // The tables keep the last data; they must not pass it off as current.
        const auto when = m_session->lastRefreshed();
        inline_message::show(m_ui->offsetsStatus, inline_message::Kind::Error,
            when.isValid() && m_topicModel->rowCount() > 0
                ? QStringLiteral("%1\nThe tables show the data of %2, the last refresh that worked.")
                      .arg(message, when.toString(QStringLiteral("HH:mm:ss")))
                : message);
    });
    connect(m_ui->topicView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &TopicsPage::onSelectionChanged);
    connect(m_session, &Cluster::configsAvailable, this, [this](const ConfigResourceResult& result) {
        if (result.type != ConfigResourceType::Topic || result.name != m_configTopic)
            return;
        m_configModel->setConfigs(result);
        if (!userSized(QStringLiteral("topics/configs")))
            fitColumns(m_ui->configView, 360);
        int overridden = 0;
        for (const auto& e : result.entries)
            overridden += !e.isDefault;
        m_ui->configStatus->setText(QStringLiteral("%1 settings of %2, %3 overridden (bold).")
                                        .arg(result.entries.size())
                                        .arg(result.name)
                                        .arg(overridden));
        // A throttle left on the topic (its replica lists) is shown, with a button that removes it.
        const bool throttled = admin::leftoverThrottles({ result }).any();
        m_ui->removeThrottleButton->setVisible(throttled);
        if (throttled)
            m_ui->configStatus->setText(m_ui->configStatus->text()
                + QStringLiteral(" <span style='color:#b06000'>A replication throttle is set on this topic (%1): "
                                 "once no reassignment of it runs, it only slows replication down.</span>")
                      .arg(QLatin1String(admin::kLeaderThrottledReplicas)));
    });
    connect(m_ui->removeThrottleButton, &QPushButton::clicked, this, &TopicsPage::removeTopicThrottle);
    connect(m_session, &Cluster::configsFailed, this,
        [this](ConfigResourceType type, const QString& name, const QString& message) {
            if (type != ConfigResourceType::Topic || name != m_configTopic)
                return;
            m_configModel->clear();
            inline_message::show(m_ui->configStatus, inline_message::Kind::Warning, message);
        });
    // Any state but Connected leaves nothing to show: a connect that fails at once (a malformed address) goes straight
    // to Failed, and the previous cluster's topics must not stay on screen under it.
    connect(m_session, &Cluster::stateChanged, this, [this](Cluster::State state) {
        if (state != Cluster::State::Connected) {
            m_topicModel->setMetadata({});
            m_partitionModel->clear();
            m_ui->partitionTitle->setText(QStringLiteral("Select a topic."));
            m_configModel->clear();
            m_configTopic.clear();
            m_ui->configStatus->setStyleSheet({});
            m_ui->configStatus->setText(QStringLiteral("Select a topic."));
            m_columnsSized = false;
            inline_message::hide(m_ui->offsetsStatus);
            inline_message::hide(m_createdStatus);
            updateCount();
        }
        updateActions();
    });
    updateCount();
    updateActions();
}

void TopicsPage::updateActions()
{
    const bool connected = m_session->state() == Cluster::State::Connected;
    const bool selected = !m_ui->topicView->selectionModel()->selectedRows().isEmpty();
    gateWriteAction(m_ui->createButton, m_session, connected,
        QStringLiteral("Create a topic: name, partitions, replication factor, retention"));
    gateWriteAction(m_ui->deleteButton, m_session, connected && selected,
        QStringLiteral("Delete the selected topic (asks for its name typed out)"));
    gateWriteAction(m_ui->electButton, m_session, connected && selected,
        QStringLiteral("Give leadership back to the preferred leaders (or, unclean, to a replica out of sync)"));
    gateWriteAction(m_ui->deleteRecordsButton, m_session, connected && selected,
        QStringLiteral("Delete the oldest records of some partitions, up to an offset"));
    gateWriteAction(m_ui->replicationButton, m_session, connected && selected,
        QStringLiteral("Change the replication factor through a planned reassignment, with progress"));
    gateWriteAction(m_ui->addPartitionsButton, m_session, connected && selected,
        QStringLiteral("Raise the partition count, with the share of keys that would move to another partition"));
    // Also a viewer (disk usage, what retention means), so it opens on read-only connections too; it sends nothing
    // there.
    m_ui->retentionButton->setEnabled(connected && selected);
    gateWriteAction(m_ui->editConfigsButton, m_session, connected && selected,
        QStringLiteral("Change or reset this topic's configs (retention, cleanup policy, ...): previewed, checked by "
                       "the cluster, then sent"));
}

void TopicsPage::removeTopicThrottle()
{
    const QString topic = m_configTopic;
    if (topic.isEmpty())
        return;
    if (const auto refusal = m_session->writeRefusal(); !refusal.isEmpty()) {
        inline_message::show(m_ui->offsetsStatus, inline_message::Kind::Error, refusal);
        return;
    }
    // Only when no reassignment of the topic runs: then the lists are needed.
    m_session->listPartitionReassignments(
        { topic }, this, [this, topic](const AdminResult<protocol::ListPartitionReassignmentsResponse>& r) {
            if (!r.ok() || !r.value->topics.isEmpty()) {
                inline_message::show(m_ui->offsetsStatus, inline_message::Kind::Warning,
                    r.ok() ? QStringLiteral("A reassignment of %1 is running: its throttle stays until it ends.")
                                 .arg(topic)
                           : r.error.message);
                return;
            }
            m_session->alterConfigs(admin::throttleRemoval({}, { topic }).first(), false, this,
                [this, topic](const AdminResult<protocol::AlterConfigsResourceResponse>& done) {
                    if (!done.ok()) {
                        inline_message::show(m_ui->offsetsStatus, inline_message::Kind::Error, done.error.message);
                        return;
                    }
                    m_ui->removeThrottleButton->setVisible(false);
                    m_session->loadConfigs(ConfigResourceType::Topic, topic);
                });
        });
}

QList<QWidget*> TopicsPage::writeActions() const
{
    return { m_ui->createButton, m_ui->deleteButton, m_ui->editConfigsButton, m_ui->addPartitionsButton,
        m_ui->replicationButton, m_ui->electButton, m_ui->deleteRecordsButton };
}

void TopicsPage::showPartitionCountDialog()
{
    const QString topic = selectedTopic();
    if (topic.isEmpty())
        return;
    PartitionCountDialog dialog(m_session, topic, this);
    connect(&dialog, &PartitionCountDialog::partitionsAdded, this, [this] { m_session->refresh(); });
    dialog.exec();
}

void TopicsPage::showReplicationDialog()
{
    const QString topic = selectedTopic();
    if (topic.isEmpty())
        return;
    ReplicationDialog dialog(m_session, topic, this);
    connect(&dialog, &ReplicationDialog::replicationChanged, this, [this] { m_session->refresh(); });
    dialog.exec();
}

void TopicsPage::showRetentionDialog()
{
    const QString topic = selectedTopic();
    if (topic.isEmpty())
        return;
    RetentionDialog dialog(m_session, topic, this);
    connect(&dialog, &RetentionDialog::retentionChanged, this, [this, topic] {
        if (topic == m_configTopic)
            m_session->loadConfigs(ConfigResourceType::Topic, topic);
    });
    dialog.exec();
}

void TopicsPage::showConfigEditor()
{
    const QString topic = selectedTopic();
    if (topic.isEmpty())
        return;
    ConfigEditorDialog dialog(m_session, ConfigResourceType::Topic, topic, this);
    dialog.exec();
}

TopicsPage::~TopicsPage() = default;

void TopicsPage::showDeleteDialog()
{
    const QString topic = selectedTopic();
    if (topic.isEmpty()) {
        inline_message::show(
            m_ui->offsetsStatus, inline_message::Kind::Error, QStringLiteral("Select a topic to delete."));
        return;
    }
    DeleteTopicDialog dialog(m_session, topic, this);
    connect(&dialog, &DeleteTopicDialog::topicDeleted, this, [this] { m_session->refresh(); });
    dialog.exec();
}

void TopicsPage::showCreateDialog()
{
    if (m_session->state() != Cluster::State::Connected) {
        inline_message::show(
            m_ui->offsetsStatus, inline_message::Kind::Error, QStringLiteral("Connect to a cluster first."));
        return;
    }
    CreateTopicDialog dialog(m_session, this);
    connect(&dialog, &CreateTopicDialog::topicCreated, this, [this](const QString& name) {
        m_selectAfterRefresh = name;
        inline_message::hide(m_createdStatus);
        m_session->refresh();
    });
    dialog.exec();
}

void TopicsPage::restoreViewState(Settings* settings)
{
    m_settings = settings;
    rememberHeader(settings, QStringLiteral("topics/topics"), m_ui->topicView->horizontalHeader());
    rememberHeader(settings, QStringLiteral("topics/partitions"), m_ui->partitionView->horizontalHeader());
    rememberHeader(settings, QStringLiteral("topics/configs"), m_ui->configView->horizontalHeader());
    rememberSplitter(settings, QStringLiteral("topics/splitter"), m_ui->splitter);
}

bool TopicsPage::userSized(const QString& view) const
{
    return m_settings && !m_settings->viewState(view).isEmpty();
}

void TopicsPage::setFilterText(const QString& text)
{
    m_ui->filterEdit->setText(text);
}

QString TopicsPage::selectedTopic() const
{
    const auto rows = m_ui->topicView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_topicModel->topic(m_topicProxy->mapToSource(rows.first()).row()).name;
}

bool TopicsPage::selectTopic(const QString& name)
{
    for (int row = 0; row < m_topicProxy->rowCount(); ++row) {
        const auto index = m_topicProxy->index(row, TopicModel::NameColumn);
        if (index.data().toString() == name) {
            m_ui->topicView->selectRow(row);
            m_ui->topicView->scrollTo(index);
            return true;
        }
    }
    return false;
}

void TopicsPage::onMetadata(const ClusterMetadata& metadata)
{
    m_topicModel->setMetadata(metadata);
    updateCount();
    if (!m_columnsSized && m_topicProxy->rowCount() > 0) {
        // Once per connection, unless the user sized the columns (then theirs are kept).
        m_columnsSized = true;
        if (!userSized(QStringLiteral("topics/topics")))
            fitColumns(m_ui->topicView);
    }
    if (!m_selectAfterRefresh.isEmpty() && selectTopic(m_selectAfterRefresh)) {
        // The topic just created. Kafka places replicas on brokers that are registered but not up: said here, once.
        const auto warning = admin::replicasOnBrokersDown(metadata, m_selectAfterRefresh);
        if (warning.isEmpty())
            inline_message::hide(m_createdStatus);
        else
            inline_message::show(m_createdStatus, inline_message::Kind::Warning,
                QStringLiteral("Topic %1 was created, but %2.").arg(m_selectAfterRefresh, warning));
        m_selectAfterRefresh.clear();
    } else if (m_ui->topicView->selectionModel()->selectedRows().isEmpty() && m_topicProxy->rowCount() > 0)
        m_ui->topicView->selectRow(0);
    showSelectedTopic(false);
}

void TopicsPage::onOffsets(const OffsetsSnapshot& offsets)
{
    m_topicModel->applyOffsets(offsets);
    // The message counts just arrived: numbers are never clipped, so their columns grow to fit.
    if (!userSized(QStringLiteral("topics/topics")))
        fitColumns(m_ui->topicView, 320, true);
    if (offsets.errors.isEmpty())
        inline_message::hide(m_ui->offsetsStatus);
    else
        inline_message::show(m_ui->offsetsStatus, inline_message::Kind::Warning,
            QStringLiteral("Some offsets could not be loaded: ") + offsets.errors.join(QStringLiteral(" · ")));
    showSelectedTopic(false);
}

void TopicsPage::onSelectionChanged()
{
    showSelectedTopic(true);
}

void TopicsPage::showSelectedTopic(bool reloadConfigs)
{
    const auto rows = m_ui->topicView->selectionModel()->selectedRows();
    updateActions();
    if (rows.isEmpty()) {
        m_partitionModel->clear();
        m_ui->partitionTitle->setText(QStringLiteral("Select a topic."));
        return;
    }
    const auto& topic = m_topicModel->topic(m_topicProxy->mapToSource(rows.first()).row());
    m_partitionModel->setTopic(topic);
    if (!userSized(QStringLiteral("topics/partitions")))
        fitColumns(m_ui->partitionView, 320, m_partitionColumnsSized);
    m_partitionColumnsSized = true;
    QString title = QStringLiteral("<b>%1</b>: %2 partition(s), replication factor %3")
                        .arg(topic.name.toHtmlEscaped())
                        .arg(topic.partitions.size())
                        .arg(topic.replicationFactor());
    if (topic.underReplicatedCount() > 0)
        title += QStringLiteral(", <span style='color:#b06000'>%1 under-replicated</span>")
                     .arg(topic.underReplicatedCount());
    if (topic.offlineCount() > 0)
        title += QStringLiteral(", <span style='color:#b3261e'>%1 offline</span>").arg(topic.offlineCount());
    if (topic.isInternal)
        title += QStringLiteral(" · internal topic");
    m_ui->partitionTitle->setText(title);
    if (reloadConfigs && topic.name != m_configTopic) {
        m_configTopic = topic.name;
        m_configModel->clear();
        m_ui->configStatus->setStyleSheet({});
        m_ui->configStatus->setText(QStringLiteral("Loading configs of %1…").arg(topic.name));
        m_session->loadConfigs(ConfigResourceType::Topic, topic.name);
    }
}

void TopicsPage::updateCount()
{
    m_ui->countLabel->setText(
        QStringLiteral("%1 of %2 topics").arg(m_topicProxy->rowCount()).arg(m_topicModel->rowCount()));
}

} // namespace kafscope
