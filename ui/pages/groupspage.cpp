#include "ui/pages/groupspage.h"

#include "kafka/cluster.h"
#include "kafka/lag/history.h"
#include "kafka/lag/sampler.h"
#include "models/groupmodel.h"
#include "models/laghistorymodel.h"
#include "ui/charts/lagcharts.h"
#include "ui/dialogs/deletegroupdialog.h"
#include "ui/dialogs/playgrounddialog.h"
#include "ui/dialogs/resetoffsetsdialog.h"
#include "ui/inlinemessage.h"
#include "ui/settings.h"
#include "ui/viewsetup.h"
#include "ui/viewstate.h"
#include "ui/writegate.h"
#include "ui_groupspage.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace kafscope {

namespace {

// Descriptions and offsets are asked for this many listed groups at a time, so thousands of groups fill in batch by
// batch while the list is already usable.
constexpr int kSummaryBatch = 500;

const QString kOtherTypes = QStringLiteral("other");

// Filters the listing by a search text (in the name) and a group type.
class GroupFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setType(const QString& type)
    {
        m_type = type;
        invalidateFilter();
    }
    void setText(const QString& text)
    {
        m_text = text;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (!m_text.isEmpty()
            && !index.data(ConsumerGroupModel::GroupNameRole).toString().contains(m_text, Qt::CaseInsensitive))
            return false;
        if (m_type.isEmpty())
            return true;
        const QString type = index.data(ConsumerGroupModel::GroupTypeRole).toString();
        if (m_type == kOtherTypes)
            return type != group_type::classic && type != group_type::consumer && type != group_type::share;
        return type == m_type;
    }

private:
    QString m_type;
    QString m_text;
};

QString number(int64_t n)
{
    return QLocale().toString(qint64(n));
}

} // namespace

GroupsPage::GroupsPage(Cluster* session, lag::LagHistory* history, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::GroupsPage>())
    , m_session(session)
    , m_groupModel(new ConsumerGroupModel(this))
    , m_groupProxy(new GroupFilterProxy(this))
    , m_memberModel(new GroupMemberModel(this))
    , m_lagModel(new LagModel(this))
    , m_history(history)
    , m_sampler(new lag::LagSampler(session, history, this))
    , m_historyModel(new LagHistoryModel(this))
    , m_charts(new LagCharts(m_historyModel))
{
    m_ui->setupUi(this);
    setUpHistoryTab();
    m_groupProxy->setSourceModel(m_groupModel);
    m_groupProxy->setSortRole(ConsumerGroupModel::SortRole);
    setupTableView(m_ui->groupView, m_groupProxy);
    m_ui->groupView->sortByColumn(ConsumerGroupModel::NameColumn, Qt::AscendingOrder);

    auto* memberProxy = new QSortFilterProxyModel(this);
    memberProxy->setSourceModel(m_memberModel);
    memberProxy->setSortRole(GroupMemberModel::SortRole);
    setupTableView(m_ui->memberView, memberProxy);
    m_ui->memberView->sortByColumn(GroupMemberModel::ClientIdColumn, Qt::AscendingOrder);

    auto* lagProxy = new QSortFilterProxyModel(this);
    lagProxy->setSourceModel(m_lagModel);
    lagProxy->setSortRole(LagModel::SortRole);
    setupTableView(m_ui->lagView, lagProxy);
    m_ui->lagView->sortByColumn(LagModel::TopicColumn, Qt::AscendingOrder);
    m_ui->lagView->horizontalHeader()->setStretchLastSection(false);

    m_ui->typeFilter->addItem(QStringLiteral("All types"), QString());
    for (const auto& type : { group_type::classic, group_type::consumer, group_type::share, kOtherTypes })
        m_ui->typeFilter->addItem(type, type);
    m_ui->typeFilter->setItemData(
        2, QStringLiteral("Groups on the consumer protocol of KIP-848 (Kafka 4)"), Qt::ToolTipRole);
    m_ui->typeFilter->setItemData(3, QStringLiteral("Share groups (KIP-932)"), Qt::ToolTipRole);
    auto* proxy = static_cast<GroupFilterProxy*>(m_groupProxy);
    connect(m_ui->groupFilter, &QLineEdit::textChanged, this, [proxy](const QString& text) { proxy->setText(text); });
    connect(m_ui->playgroundButton, &QPushButton::clicked, this, &GroupsPage::openPlayground);
    connect(m_ui->typeFilter, &QComboBox::currentIndexChanged, this,
        [this, proxy] { proxy->setType(m_ui->typeFilter->currentData().toString()); });
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);

    connect(m_ui->groupView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QString name = selectedGroup();
        if (name == m_detailGroup)
            return;
        m_detailGroup = name;
        m_detail.reset();
        m_memberModel->clear();
        m_lagModel->clear();
        inline_message::hide(m_ui->detailStatus);
        m_ui->detailInfo->clear();
        m_ui->detailTitle->setText(name.isEmpty() ? QStringLiteral("Select a group to see its members and lag.")
                                                  : QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()));
        m_historyModel->clear();
        loadHistory();
        const int row = m_groupModel->rowOf(name);
        // The sampler describes the opened group at once and then every interval (showDetail follows each sample).
        m_sampler->setOpened(name, row >= 0 ? m_groupModel->listing(row)->type : QString());
        if (auto* pin = findChild<QCheckBox*>(QStringLiteral("pinGroup")))
            pin->setChecked(m_sampler->isPinned(name));
    });
    // Offset reset and deletes of the selected group.
    connect(m_ui->resetOffsetsButton, &QPushButton::clicked, this, &GroupsPage::showResetOffsetsDialog);
    connect(m_ui->deleteOffsetsButton, &QPushButton::clicked, this, &GroupsPage::showDeleteOffsetsDialog);
    connect(m_ui->deleteGroupButton, &QPushButton::clicked, this, &GroupsPage::showDeleteGroupDialog);
    connect(m_ui->groupView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &GroupsPage::updateGroupActions);
    connect(m_session, &Cluster::stateChanged, this, &GroupsPage::updateGroupActions);
    updateGroupActions();
    // Listed again with every refresh while the page is shown; the first listing waits until it is first shown.
    connect(m_session, &Cluster::metadataAvailable, this, [this] {
        if (isVisible()) {
            reload();
            loadDetail();
        }
    });
    connect(m_session, &Cluster::stateChanged, this, [this](Cluster::State state) {
        if (state == Cluster::State::Connected) {
            if (isVisible())
                reload();
            return;
        }
        m_groupModel->clear();
        m_memberModel->clear();
        m_lagModel->clear();
        m_toSummarize.clear();
        m_listedOnce = false;
        m_listing = false;
        m_detailGroup.clear();
        m_detail.reset();
        m_columnsSized = false;
        inline_message::hide(m_ui->listStatus);
        inline_message::hide(m_ui->detailStatus);
        m_ui->detailInfo->clear();
        m_ui->summaryLabel->setText(
            state == Cluster::State::Connecting ? QStringLiteral("Loading…") : QStringLiteral("Not connected."));
    });
}

GroupsPage::~GroupsPage() = default;

void GroupsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_listedOnce)
        reload();
}

void GroupsPage::restoreViewState(Settings* settings)
{
    m_settings = settings;
    rememberHeader(settings, QStringLiteral("groups/groups"), m_ui->groupView->horizontalHeader());
    rememberHeader(settings, QStringLiteral("groups/lag"), m_ui->lagView->horizontalHeader());
    rememberHeader(settings, QStringLiteral("groups/members"), m_ui->memberView->horizontalHeader());
    rememberSplitter(settings, QStringLiteral("groups/splitter"), m_ui->splitter);
}

bool GroupsPage::userSized(const QString& view) const
{
    return m_settings && !m_settings->viewState(view).isEmpty();
}

QString GroupsPage::summaryText() const
{
    return m_ui->summaryLabel->text();
}

QString GroupsPage::listStatusText() const
{
    return m_ui->listStatus->isHidden() ? QString() : m_ui->listStatus->text();
}

QString GroupsPage::detailInfoText() const
{
    return m_ui->detailInfo->text();
}

QString GroupsPage::detailStatusText() const
{
    return m_ui->detailStatus->isHidden() ? QString() : m_ui->detailStatus->text();
}

QString GroupsPage::selectedGroup() const
{
    const auto rows = m_ui->groupView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ConsumerGroupModel::GroupNameRole).toString();
}

void GroupsPage::selectGroup(const QString& name)
{
    const int row = m_groupModel->rowOf(name);
    if (row < 0)
        return;
    const QModelIndex index = m_groupProxy->mapFromSource(m_groupModel->index(row, 0));
    if (index.isValid())
        m_ui->groupView->selectRow(index.row());
}

void GroupsPage::reload()
{
    if (m_listing || m_session->state() != Cluster::State::Connected)
        return;
    m_listing = true;
    m_listedOnce = true;
    if (m_groupModel->rowCount() == 0)
        m_ui->summaryLabel->setText(QStringLiteral("Listing groups…"));
    m_session->listGroups(this, [this](const AdminResult<GroupList>& result) {
        m_listing = false;
        if (!result.ok()) {
            inline_message::show(m_ui->listStatus, inline_message::Kind::Error, result.error.message);
            if (m_groupModel->rowCount() == 0)
                m_ui->summaryLabel->setText(QStringLiteral("Groups could not be listed."));
            return;
        }
        onGroups(*result.value);
    });
}

void GroupsPage::openPlayground()
{
    auto* dialog = new PlaygroundDialog(m_session, this);
    dialog->setWindowFlag(Qt::Window);
    dialog->show();
}

void GroupsPage::onGroups(const GroupList& list)
{
    if (list.errors.isEmpty() && !list.note.isEmpty())
        inline_message::show(m_ui->listStatus, inline_message::Kind::Info, list.note);
    else if (list.errors.isEmpty())
        inline_message::hide(m_ui->listStatus);
    else
        inline_message::show(m_ui->listStatus, inline_message::Kind::Warning,
            list.errors.join(QLatin1Char('\n')) + QStringLiteral("\nThe groups those brokers coordinate are missing."));
    m_groupModel->setGroups(list.groups);
    if (!m_columnsSized && m_groupModel->rowCount() > 0) {
        m_columnsSized = true;
        if (!userSized(QStringLiteral("groups/groups")))
            fitColumns(m_ui->groupView, 260);
    }
    updateSummary();
    if (m_ui->groupView->selectionModel()->selectedRows().isEmpty() && m_groupProxy->rowCount() > 0)
        m_ui->groupView->selectRow(0);
    // A new round of descriptions; a round still running ends with its current batch.
    const bool idle = m_toSummarize.isEmpty();
    m_toSummarize = list.groups;
    if (idle)
        summarizeNext();
}

void GroupsPage::summarizeNext()
{
    if (m_toSummarize.isEmpty())
        return;
    const QList<GroupListing> batch = m_toSummarize.mid(0, kSummaryBatch);
    m_session->summarizeGroups(batch, this, [this, n = batch.size()](const AdminResult<QList<admin::GroupSummary>>& r) {
        m_toSummarize.remove(0, std::min<qsizetype>(n, m_toSummarize.size()));
        if (r.ok())
            m_groupModel->setSummaries(*r.value);
        else
            inline_message::show(m_ui->listStatus, inline_message::Kind::Warning,
                QStringLiteral("Members and lag could not be loaded: %1").arg(r.error.message));
        updateSummary();
        summarizeNext();
    });
}

void GroupsPage::updateSummary()
{
    QHash<QString, int> byType;
    int64_t totalLag = 0;
    bool anyLag = false;
    for (int row = 0; row < m_groupModel->rowCount(); ++row) {
        ++byType[m_groupModel->listing(row)->type];
        if (const auto* s = m_groupModel->summary(row); s && s->totalLag) {
            totalLag += *s->totalLag;
            anyLag = true;
        }
    }
    QStringList types;
    for (const auto& type : { group_type::classic, group_type::consumer, group_type::share, group_type::streams }) {
        if (byType.value(type))
            types << QStringLiteral("%1 %2").arg(byType.value(type)).arg(type);
        byType.remove(type);
    }
    for (auto it = byType.begin(); it != byType.end(); ++it)
        types << QStringLiteral("%1 %2").arg(it.value()).arg(it.key().isEmpty() ? QStringLiteral("untyped") : it.key());
    const int n = m_groupModel->rowCount();
    QString text = n == 0 ? QStringLiteral("No consumer groups.")
                          : QStringLiteral("%1 group(s): %2").arg(n).arg(types.join(QStringLiteral(", ")));
    if (anyLag)
        text += QStringLiteral(" · total lag %1").arg(number(totalLag));
    if (!m_toSummarize.isEmpty())
        text += QStringLiteral(" · describing… (%1 to go)").arg(m_toSummarize.size());
    m_ui->summaryLabel->setText(text);
}

void GroupsPage::loadDetail()
{
    // Sampling is the sampler's: it asks for every watched group at once, one request per group at a time.
    if (!m_detailGroup.isEmpty())
        m_sampler->sampleNow();
}

void GroupsPage::onSample(const QString& group, const lag::GroupSample& sample)
{
    if (group != m_detailGroup)
        return;
    showDetail(sample.detail);
    m_historyModel->appendSample(sample);
    m_historyModel->trimBefore(sample.detail.sampledAtMs - m_charts->spanMs());
    // The rates and the time to catch up, once the window holds two samples.
    if (sample.totalRates.known) {
        const QString extra = QStringLiteral(" · consumed %1/s, produced %2/s · catch-up: %3")
                                  .arg(QLocale().toString(sample.totalRates.consumePerSec, 'f', 1),
                                      QLocale().toString(sample.totalRates.producePerSec, 'f', 1),
                                      admin::describeCatchUp(sample.totalRates, sample.detail.lag.total));
        m_ui->detailInfo->setText(m_ui->detailInfo->text() + extra);
    }
}

void GroupsPage::setUpHistoryTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    auto* controls = new QHBoxLayout;
    auto* pin = new QCheckBox(QStringLiteral("&Pin"));
    pin->setObjectName(QStringLiteral("pinGroup"));
    pin->setToolTip(QStringLiteral("Keep sampling this group while another one is shown (its history keeps growing)"));
    connect(pin, &QCheckBox::toggled, this, [this](bool on) {
        if (m_detailGroup.isEmpty())
            return;
        const int row = m_groupModel->rowOf(m_detailGroup);
        m_sampler->setPinned(m_detailGroup, row >= 0 ? m_groupModel->listing(row)->type : QString(), on);
    });
    auto* interval = new QSpinBox;
    interval->setObjectName(QStringLiteral("sampleInterval"));
    interval->setRange(1, 3600);
    interval->setSuffix(QStringLiteral(" s"));
    interval->setValue(m_sampler->intervalMs() / 1000);
    interval->setToolTip(QStringLiteral("How often the opened and pinned groups are sampled"));
    connect(interval, &QSpinBox::valueChanged, this, [this](int seconds) { m_sampler->setIntervalMs(seconds * 1000); });
    auto* exportButton = new QPushButton(QStringLiteral("E&xport CSV…"));
    exportButton->setObjectName(QStringLiteral("exportHistory"));
    exportButton->setToolTip(QStringLiteral("Save the group's lag history over the span shown as CSV"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, QStringLiteral("Export lag history"),
            m_detailGroup + QStringLiteral("-lag.csv"), QStringLiteral("CSV (*.csv)"));
        if (!file.isEmpty())
            exportHistory(file);
    });
    exportButton->setEnabled(m_history != nullptr);
    auto* where = new QLabel(m_history ? QStringLiteral("History: %1").arg(m_history->path())
                                       : QStringLiteral("History kept in memory only"));
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    controls->addWidget(pin);
    controls->addWidget(new QLabel(QStringLiteral("Sample every")));
    controls->addWidget(interval);
    controls->addWidget(exportButton);
    controls->addWidget(where, 1);
    layout->addLayout(controls);

    auto* split = new QSplitter(Qt::Horizontal);
    auto* table = new QTableView;
    table->setObjectName(QStringLiteral("historyView"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_historyModel);
    proxy->setSortRole(LagHistoryModel::SortRole);
    setupTableView(table, proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(LagHistoryModel::PartitionColumn, Qt::AscendingOrder);
    table->horizontalHeader()->setStretchLastSection(false);
    // Topic-partition names in full (measured on the first 200 rows, so a 10,000-partition group stays quick).
    table->horizontalHeader()->setResizeContentsPrecision(200);
    table->horizontalHeader()->setSectionResizeMode(LagHistoryModel::PartitionColumn, QHeaderView::ResizeToContents);
    split->addWidget(table);
    split->addWidget(m_charts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    m_ui->detailTabs->addTab(tab, QStringLiteral("Lag over &time"));

    connect(m_sampler, &lag::LagSampler::sampled, this, &GroupsPage::onSample);
    connect(m_sampler, &lag::LagSampler::sampleFailed, this, [this](const QString& group, const QString& message) {
        if (group == m_detailGroup)
            inline_message::show(m_ui->detailStatus, inline_message::Kind::Error, message);
    });
    connect(m_charts, &LagCharts::spanChanged, this, [this] { loadHistory(); });
}

void GroupsPage::loadHistory()
{
    if (!m_history || m_detailGroup.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - m_charts->spanMs();
    const QString key = m_sampler->historyKey(m_detailGroup);
    const QString group = m_detailGroup;
    m_history->load(key, from, now, this, [this, group, key, from, now](const QList<lag::PartitionHistory>& h) {
        if (group != m_detailGroup)
            return;
        m_history->loadTotals(key, from, now, this, [this, group, h](const QList<std::pair<qint64, int64_t>>& t) {
            if (group == m_detailGroup)
                m_historyModel->setHistory(h, t);
        });
    });
}

void GroupsPage::exportHistory(const QString& file)
{
    if (!m_history || m_detailGroup.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_history->exportCsv(m_sampler->historyKey(m_detailGroup), now - m_charts->spanMs(), now, file, this,
        [this, file](bool ok, const QString& error) {
            inline_message::show(m_ui->detailStatus, ok ? inline_message::Kind::Info : inline_message::Kind::Error,
                ok ? QStringLiteral("Lag history saved to %1.").arg(file) : error);
        });
}

void GroupsPage::showDetail(const admin::GroupDetail& detail)
{
    const GroupDescription& g = detail.description;
    m_detail = detail;
    QStringList parts;
    parts << QStringLiteral("State <b>%1</b>").arg(g.state.toHtmlEscaped());
    parts << QStringLiteral("type %1").arg(g.type.toHtmlEscaped());
    if (g.coordinator >= 0)
        parts << QStringLiteral("coordinator broker %1").arg(g.coordinator);
    if (g.protocolType)
        parts << QStringLiteral("protocol type %1").arg(g.protocolType->toHtmlEscaped());
    if (!g.assignor.isEmpty())
        parts << QStringLiteral("assignor %1").arg(g.assignor.toHtmlEscaped());
    if (g.groupEpoch >= 0)
        parts << QStringLiteral("group epoch %1, assignment epoch %2").arg(g.groupEpoch).arg(g.assignmentEpoch);
    parts << QStringLiteral("%1 member(s)").arg(g.members.size());
    if (detail.lag.total)
        parts << QStringLiteral("total lag %1 (%2)")
                     .arg(number(*detail.lag.total), admin::lagStatusName(detail.lag.status));
    m_ui->detailInfo->setText(parts.join(QStringLiteral(" · ")));
    m_ui->detailInfo->setToolTip(admin::lagRulesText());

    QStringList notes;
    if (g.errorCode != 0)
        notes << (g.errorMessage.isEmpty() ? QStringLiteral("The group could not be described.") : g.errorMessage);
    if (detail.committed.errorCode != 0)
        notes << detail.committed.errorMessage;
    notes << detail.lag.errors;
    if (notes.isEmpty() && detail.lag.partitions.isEmpty())
        notes << QStringLiteral("The group has no committed offsets and no assigned partitions.");
    if (notes.isEmpty())
        inline_message::hide(m_ui->detailStatus);
    else
        inline_message::show(m_ui->detailStatus,
            g.errorCode != 0 ? inline_message::Kind::Error : inline_message::Kind::Warning,
            notes.join(QLatin1Char('\n')));

    if (g.type == group_type::share && g.errorCode == 0 && notes.isEmpty())
        inline_message::show(m_ui->detailStatus, inline_message::Kind::Info,
            QStringLiteral("A share group has no committed offsets: \"Committed\" is each share-partition's start "
                           "offset (DescribeShareGroupOffsets): the records before it are done with, lag counts "
                           "those from it to the log end."));

    m_memberModel->setGroup(g);
    m_lagModel->setLag(detail.lag);
    const bool anyStableDiffers = std::any_of(detail.lag.partitions.begin(), detail.lag.partitions.end(),
        [](const admin::PartitionLag& p) { return p.lastStableDiffers(); });
    m_ui->lagView->setColumnHidden(LagModel::LastStableColumn, !anyStableDiffers);
    m_ui->memberView->setColumnHidden(GroupMemberModel::TargetColumn, g.type != group_type::consumer);
    m_ui->memberView->setColumnHidden(GroupMemberModel::EpochColumn, g.groupEpoch < 0);
    if (!userSized(QStringLiteral("groups/lag")))
        fitColumns(m_ui->lagView, 240, true);
    if (!userSized(QStringLiteral("groups/members")))
        fitColumns(m_ui->memberView, 280, true);
}

void GroupsPage::updateGroupActions()
{
    const bool selected = !selectedGroup().isEmpty() && m_session->state() == Cluster::State::Connected;
    gateWriteAction(m_ui->resetOffsetsButton, m_session, selected,
        QStringLiteral("Move the group's committed offsets (earliest, latest, a time, an offset, a shift), with a "
                       "preview; only while the group has no active members"));
    gateWriteAction(m_ui->deleteOffsetsButton, m_session, selected,
        QStringLiteral("Delete the group's committed offsets of one topic"));
    gateWriteAction(m_ui->deleteGroupButton, m_session, selected,
        QStringLiteral("Delete the group with its committed offsets (only once it has no members)"));
}

void GroupsPage::showResetOffsetsDialog()
{
    const QString group = selectedGroup();
    if (group.isEmpty())
        return;
    ResetOffsetsDialog dialog(m_session, group, this);
    connect(&dialog, &ResetOffsetsDialog::offsetsReset, this, [this] {
        reload();
        loadDetail();
    });
    dialog.exec();
}

void GroupsPage::showDeleteOffsetsDialog()
{
    const QString group = selectedGroup();
    if (group.isEmpty())
        return;
    const GroupOffsets committed
        = m_detail && m_detail->description.name == group ? m_detail->committed : GroupOffsets {};
    DeleteGroupDialog dialog(m_session, group, DeleteGroupDialog::Mode::Offsets, committed, this);
    connect(&dialog, &DeleteGroupDialog::offsetsDeleted, this, [this] {
        reload();
        loadDetail();
    });
    dialog.exec();
}

void GroupsPage::showDeleteGroupDialog()
{
    const QString group = selectedGroup();
    if (group.isEmpty())
        return;
    const GroupOffsets committed
        = m_detail && m_detail->description.name == group ? m_detail->committed : GroupOffsets {};
    DeleteGroupDialog dialog(m_session, group, DeleteGroupDialog::Mode::Group, committed, this);
    connect(&dialog, &DeleteGroupDialog::groupDeleted, this, [this] { reload(); });
    dialog.exec();
}

} // namespace kafscope
