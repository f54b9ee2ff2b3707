#include "ui/livepage.h"

#include "kafka/client/input.h"
#include "kafka/client/recordexport.h"
#include "kafka/cluster.h"
#include "kafka/jobtracker.h"
#include "models/recordfilterproxy.h"
#include "models/recordmodel.h"
#include "ui/producerpanel.h"
#include "ui/recorddetail.h"
#include "ui/settings.h"
#include "ui/topiccombo.h"
#include "ui/viewsetup.h"
#include "ui/viewstate.h"
#include "ui_livepage.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QMenu>
#include <QTimer>

namespace kafscope {

namespace {
constexpr size_t kDrainChunk = 1000; // records per model insert (about 0.2 ms with the filter proxy)
constexpr qint64 kDrainSliceMs = 2; // GUI time per drain slice: a timer due meanwhile is at most ~2 ms late
constexpr int kDrainBacklogDelayMs = 3; // with painting held (below), the loop needs little room between slices
// Painting the table costs more than inserting thousands of rows (text layout of every visible cell), so while
// records stream the table, the strip and the counters are repainted at most this often, not once per slice.
constexpr int kRepaintIntervalMs = 100;
} // namespace

LivePage::LivePage(Cluster* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LivePage>())
    , m_session(session)
    , m_consumer(session->createConsumer(this))
    , m_model(new RecordModel(this))
    , m_proxy(new RecordFilterProxy(this))
    , m_detail(new RecordDetail)
    , m_producer(new ProducerPanel(session))
    , m_drainTimer(new QTimer(this))
    , m_filterDebounce(new QTimer(this))
    , m_exportJobs(new JobTracker(this))
    , m_repaintHold(new QTimer(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    setupTableView(m_ui->recordView, m_proxy);
    m_ui->recordView->setSortingEnabled(false); // arrival order: the order within each partition is the point
    // setupTableView's setSortingEnabled(true) already sorted the proxy by column 0 (the header's default indicator),
    // which disabling sorting does not undo: every append would be a sorted insert. Back to arrival order.
    m_proxy->sort(-1);
    for (const auto& [column, width] : { std::pair { RecordModel::PartitionColumn, 70 },
             { RecordModel::OffsetColumn, 80 }, { RecordModel::TimestampColumn, 235 }, { RecordModel::KeyColumn, 130 },
             { RecordModel::ValueColumn, 320 }, { RecordModel::HeadersColumn, 70 } })
        m_ui->recordView->setColumnWidth(column, width);
    // Key and value are what the pane is about: they come right after partition and offset, so they stay in view
    // when the side panel takes its half (the model's column order is unchanged, only the view's).
    auto* recordHeader = m_ui->recordView->horizontalHeader();
    recordHeader->moveSection(recordHeader->visualIndex(RecordModel::KeyColumn), 2);
    recordHeader->moveSection(recordHeader->visualIndex(RecordModel::ValueColumn), 3);
    m_ui->recordView->setTextElideMode(Qt::ElideRight); // a value's start says more than its end
    connect(m_ui->sidePanelButton, &QToolButton::toggled, this, [this](bool visible) {
        m_ui->sideTabs->setVisible(visible);
        if (m_settings)
            m_settings->setPanelVisible(QStringLiteral("live/side"), visible);
    });
    m_ui->sideTabs->addTab(m_producer, QStringLiteral("&Produce"));
    m_ui->sideTabs->addTab(m_detail, QStringLiteral("&Record"));
    m_ui->mainSplitter->setStretchFactor(0, 3);
    m_ui->mainSplitter->setStretchFactor(1, 2);
    m_ui->leftSplitter->setStretchFactor(1, 1);

    m_ui->fromCombo->addItems({ QStringLiteral("latest"), QStringLiteral("earliest"), QStringLiteral("offset"),
        QStringLiteral("timestamp"), QStringLiteral("last N per partition") });
    connect(m_ui->fromCombo, &QComboBox::currentIndexChanged, this, [this](int choice) {
        static const char* const hints[]
            = { "", "", "offset, e.g. 1200", "yyyy-MM-dd HH:mm[:ss] or epoch ms", "N, e.g. 50" };
        m_ui->fromValueEdit->setPlaceholderText(QString::fromUtf8(hints[choice]));
        m_ui->fromValueEdit->setEnabled(choice >= int(input::StartChoice::Offset));
    });
    m_ui->fromValueEdit->setEnabled(false);
    m_ui->keyModeCombo->addItems({ QStringLiteral("key contains"), QStringLiteral("key equals") });

    auto* exportMenu = new QMenu(this);
    exportMenu->addAction(QStringLiteral("JSON Lines…"), this, [this] {
        const auto path = QFileDialog::getSaveFileName(this, QStringLiteral("Export shown records"),
            m_tailTopic + QStringLiteral(".jsonl"), QStringLiteral("JSON Lines (*.jsonl)"));
        if (!path.isEmpty())
            exportTo(path, false);
    });
    exportMenu->addAction(QStringLiteral("CSV…"), this, [this] {
        const auto path = QFileDialog::getSaveFileName(this, QStringLiteral("Export shown records"),
            m_tailTopic + QStringLiteral(".csv"), QStringLiteral("CSV (*.csv)"));
        if (!path.isEmpty())
            exportTo(path, true);
    });
    m_ui->exportButton->setMenu(exportMenu);

    connect(m_ui->startButton, &QPushButton::clicked, this, &LivePage::onStart);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &LivePage::stopTailing);
    connect(m_ui->pauseButton, &QPushButton::toggled, m_consumer, &ConsumerInterface::setPaused);
    connect(m_ui->clearButton, &QPushButton::clicked, this, [this] {
        m_model->clear();
        m_ui->strip->clear();
        m_detail->clear();
        updateCounters();
    });
    connect(m_ui->rowCapSpin, &QSpinBox::valueChanged, this, [this](int cap) {
        m_model->setRowCap(cap);
        updateCounters();
    });
    m_model->setRowCap(m_ui->rowCapSpin->value());

    // Filters re-run over every retained row: wait until typing pauses.
    m_filterDebounce->setSingleShot(true);
    m_filterDebounce->setInterval(300);
    connect(m_filterDebounce, &QTimer::timeout, this, &LivePage::applyFilters);
    for (auto* edit : { m_ui->partitionFilterEdit, m_ui->keyFilterEdit, m_ui->valueFilterEdit })
        connect(edit, &QLineEdit::textChanged, m_filterDebounce, qOverload<>(&QTimer::start));
    connect(m_ui->keyModeCombo, &QComboBox::currentIndexChanged, m_filterDebounce, qOverload<>(&QTimer::start));
    connect(m_ui->strip, &PartitionStrip::partitionClicked, this, [this](int32_t partition) {
        const auto current = m_ui->partitionFilterEdit->text().trimmed();
        m_ui->partitionFilterEdit->setText(
            current == QString::number(partition) ? QString() : QString::number(partition));
    });

    m_repaintHold->setSingleShot(true);
    m_repaintHold->setInterval(kRepaintIntervalMs);
    connect(m_repaintHold, &QTimer::timeout, this, [this] {
        if (m_viewChanged)
            showIngested(); // and hold again: more may be streaming
    });

    // The drain timer is the only path from the consumer thread into the model: one insert per tick.
    m_drainTimer->setInterval(40);
    connect(m_drainTimer, &QTimer::timeout, this, &LivePage::drain);
    connect(m_consumer, &ConsumerInterface::statusChanged, this, &LivePage::onConsumerStatus);
    connect(m_consumer, &ConsumerInterface::partitionsAssigned, this,
        [this](const QList<int32_t>&, int count) { setStripPartitions(count); });
    connect(m_ui->recordView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LivePage::onSelection);
    connect(m_session, &Cluster::metadataAvailable, this, &LivePage::updateTopics);
    connect(m_session, &Cluster::stateChanged, this, [this](Cluster::State state) {
        if (state == Cluster::State::Connecting) {
            // Another cluster: what is shown came from the previous one.
            stopTailing();
            m_model->clear();
            m_ui->strip->clear();
            m_detail->clear();
            m_metadata = {};
            updateCounters();
        }
    });
    connect(m_producer, &ProducerPanel::recordDelivered, this, [this](const DeliveryReport& report) {
        if (report.ok() && m_consumer->status() == ConsumerInterface::Status::Idle && m_tailTopic.isEmpty())
            m_ui->statusLabel->setText(
                QStringLiteral("Sent to %1. Press Start to tail it and see where records land.").arg(report.topic));
    });
    updateCounters();
}

LivePage::~LivePage()
{
    shutdown();
}

void LivePage::restoreViewState(Settings* settings)
{
    rememberHeader(settings, QStringLiteral("live/records"), m_ui->recordView->horizontalHeader());
    rememberSplitter(settings, QStringLiteral("live/main"), m_ui->mainSplitter);
    m_ui->sidePanelButton->setChecked(settings->isPanelVisible(QStringLiteral("live/side"), true));
    m_settings = settings;
}

bool LivePage::isSidePanelVisible() const
{
    return m_ui->sideTabs->isVisibleTo(this);
}

void LivePage::setSidePanelVisible(bool visible)
{
    m_ui->sidePanelButton->setChecked(visible);
}

void LivePage::shutdown()
{
    m_drainTimer->stop();
    m_filterDebounce->stop();
    m_consumer->shutdown();
    m_producer->shutdown();
}

ConsumerInterface::Status LivePage::consumerStatus() const
{
    return m_consumer->status();
}

void LivePage::setTopic(const QString& topic)
{
    m_ui->topicCombo->setEditText(topic);
    m_producer->setTopic(topic);
}

void LivePage::updateTopics(const ClusterMetadata& metadata)
{
    m_metadata = metadata;
    fillTopicCombo(m_ui->topicCombo, metadata);
}

void LivePage::onStart()
{
    QString error;
    const auto start
        = input::parseStart(input::StartChoice(m_ui->fromCombo->currentIndex()), m_ui->fromValueEdit->text(), &error);
    if (!start) {
        showError(error);
        return;
    }
    startTailing(m_ui->topicCombo->currentText().trimmed(), *start, m_ui->partitionsEdit->text());
}

bool LivePage::startTailing(const QString& topic, const QString& from, const QString& partitions)
{
    const auto start = ConsumeStart::parse(from);
    if (!start || (start->kind == ConsumeStart::Kind::Offset && start->value < 0)
        || (start->kind == ConsumeStart::Kind::LastN && start->value < 1)) {
        showError(QStringLiteral("\"%1\" is not a start position: latest, earliest, an offset (0 or more), a time, or "
                                 "a number of records (1 or more).")
                      .arg(from));
        return false;
    }
    return startTailing(topic, *start, partitions);
}

bool LivePage::startTailing(const QString& topic, const ConsumeStart& start, const QString& partitions)
{
    if (m_session->state() != Cluster::State::Connected) {
        showError(QStringLiteral("Connect to a cluster first."));
        return false;
    }
    const auto* info = m_metadata.topic(topic);
    if (topic.isEmpty() || !info) {
        showError(QStringLiteral("Topic \"%1\" does not exist on this cluster.").arg(topic));
        return false;
    }
    QString error;
    const auto chosen = input::parsePartitions(partitions, int(info->partitions.size()), &error);
    if (!chosen) {
        showError(error);
        return false;
    }
    ConsumerOptions options;
    options.bootstrap = m_session->bootstrapServers();
    options.extraConfig = m_session->dataPlaneConfig();
    options.topic = topic;
    options.partitions = *chosen;
    options.start = start;
    if (m_tailTopic != topic) {
        m_model->clear();
        m_detail->clear();
    }
    m_tailTopic = topic;
    m_model->setTopic(topic);
    m_ui->topicCombo->setEditText(topic);
    setStripPartitions(int(info->partitions.size()));
    m_ui->pauseButton->setChecked(false);
    if (start.kind == ConsumeStart::Kind::Earliest || start.kind == ConsumeStart::Kind::Latest)
        m_ui->fromCombo->setCurrentIndex(int(
            start.kind == ConsumeStart::Kind::Earliest ? input::StartChoice::Earliest : input::StartChoice::Latest));
    m_consumer->start(options);
    m_drainTimer->start();
    m_producer->setTopic(topic);
    return true;
}

void LivePage::setStripPartitions(int count)
{
    m_ui->strip->setPartitionCount(count);
    // The strip is the teaching view: give it the room its rows need, the table the rest.
    const int stripHeight = m_ui->strip->sizeHint().height();
    m_ui->strip->setMinimumHeight(std::min(stripHeight, 120));
    const int total = m_ui->leftSplitter->height();
    m_ui->leftSplitter->setSizes({ stripHeight, std::max(100, total - stripHeight) });
}

void LivePage::stopTailing()
{
    m_consumer->stop();
    drain(); // what already arrived is kept
    m_drainTimer->stop();
    if (m_viewChanged)
        showIngested();
}

void LivePage::drain()
{
    // Time-sliced: move records in chunks (one insert each) until the slice is spent, then give the event loop back
    // for painting and input. When more is waiting, the next slice runs a frame later, not a whole tick later.
    QElapsedTimer slice;
    slice.start();
    bool moved = false;
    while (slice.elapsed() < kDrainSliceMs) {
        auto batch = m_consumer->drain(kDrainChunk);
        if (batch.empty())
            break;
        m_model->append(std::move(batch));
        moved = true;
    }
    if (moved) {
        if (m_repaintHold->isActive()) {
            // Shown when the hold ends: the view keeps its model in step, it only does not paint meanwhile.
            m_viewChanged = true;
            m_ui->recordView->setUpdatesEnabled(false);
        } else {
            showIngested();
        }
    }
    if (m_consumer->buffered() > 0 && !m_drainQueued) {
        m_drainQueued = true;
        // A frame's time later, not at once: the slice plus the repaint it causes must leave the loop room to breathe.
        QTimer::singleShot(kDrainBacklogDelayMs, this, [this] {
            m_drainQueued = false;
            drain();
        });
    }
}

void LivePage::showIngested()
{
    m_viewChanged = false;
    m_ui->recordView->setUpdatesEnabled(true); // repaints once
    m_ui->strip->setCounts(m_model->partitionCounts());
    updateCounters();
    m_repaintHold->start();
}

void LivePage::updateCounters()
{
    const QString text = QStringLiteral("received %1 · shown %2 · evicted %3")
                             .arg(QLocale().toString(m_model->received()), QLocale().toString(m_proxy->rowCount()),
                                 QLocale().toString(m_model->evicted()));
    // A label whose size can change invalidates its layout on every setText, and the relayout repainted the whole
    // window ten times a second while records streamed (half the GUI thread's time, and its longest stalls). Fixed
    // in both directions it only repaints itself; it grows in steps when a count gets another digit.
    auto* label = m_ui->countersLabel;
    const int needed = label->fontMetrics().horizontalAdvance(text) + 2 * label->margin() + 8;
    if (needed > label->maximumWidth() || label->minimumWidth() != label->maximumWidth())
        label->setFixedWidth((needed + 47) / 48 * 48);
    if (label->minimumHeight() != label->maximumHeight())
        label->setFixedHeight(label->sizeHint().height());
    label->setText(text);
}

void LivePage::applyFilters()
{
    QString error;
    const auto partitions = input::parsePartitions(m_ui->partitionFilterEdit->text(), 0, &error);
    if (!partitions) {
        showError(error);
        return;
    }
    m_proxy->setPartitions(QSet<int32_t>(partitions->begin(), partitions->end()));
    m_proxy->setKeyFilter(m_ui->keyModeCombo->currentIndex() == 1 ? RecordFilterProxy::KeyMatch::Equals
                                                                  : RecordFilterProxy::KeyMatch::Contains,
        m_ui->keyFilterEdit->text());
    m_proxy->setValueContains(m_ui->valueFilterEdit->text());
    updateCounters();
}

void LivePage::onConsumerStatus(ConsumerInterface::Status status, const QString& message)
{
    static const char* const colours[]
        = { "#777777", "#b08800", "#1e8e3e", "#555555", "#b06000", "#c5221f", "#777777" };
    m_ui->statusLabel->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                                   .arg(QLatin1String(colours[int(status)]), message.toHtmlEscaped()));
    if (status == ConsumerInterface::Status::Failed || status == ConsumerInterface::Status::Stopped)
        QTimer::singleShot(0, this, &LivePage::drain);
}

void LivePage::onSelection()
{
    const auto current = m_ui->recordView->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    m_detail->showRecord(m_tailTopic, m_model->record(row));
}

void LivePage::selectRow(int proxyRow)
{
    m_ui->recordView->selectRow(proxyRow);
    m_ui->sideTabs->setCurrentWidget(m_detail);
}

void LivePage::exportTo(const QString& path, bool csv)
{
    if (m_exportJobs->isRunning()) {
        emit exportFinished(QStringLiteral("An export is already running."));
        return;
    }
    // Copies of the shown records (the model may evict while the file is written); formatting and writing, which
    // for large values takes long, run as a job off the GUI thread.
    auto records = std::make_shared<std::vector<Record>>();
    records->reserve(size_t(m_proxy->rowCount()));
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        records->push_back(m_model->record(m_proxy->mapToSource(m_proxy->index(row, 0)).row()).clone());
    m_ui->exportButton->setEnabled(false);
    m_ui->statusLabel->setText(QStringLiteral("Exporting %1 records to %2…").arg(records->size()).arg(path));
    m_exportJobs->start(
        [records, path, csv, topic = m_tailTopic] { return record_export::writeFile(path, csv, topic, *records); },
        [this, path, count = records->size()](const QString& error) {
            m_ui->exportButton->setEnabled(true);
            if (error.isEmpty())
                m_ui->statusLabel->setText(QStringLiteral("Exported %1 records to %2").arg(count).arg(path));
            else
                showError(error);
            emit exportFinished(error);
        });
}

void LivePage::showError(const QString& text)
{
    if (text.isEmpty())
        return;
    m_ui->statusLabel->setText(QStringLiteral("<span style='color:#c5221f'>●</span> %1").arg(text.toHtmlEscaped()));
}

} // namespace kafscope
