#include "ui/producerpanel.h"

#include "kafka/client/input.h"
#include "kafka/cluster.h"
#include "models/deliverymodel.h"
#include "models/predictionmodel.h"
#include "ui/inlinemessage.h"
#include "ui/topiccombo.h"
#include "ui/viewsetup.h"
#include "ui/writegate.h"
#include "ui_producerpanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTimer>

namespace kafscope {

using partitioning::Partitioner;

namespace {
constexpr int kMaxResultRows = 500;
} // namespace

ProducerPanel::ProducerPanel(Cluster* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProducerPanel>())
    , m_session(session)
    , m_flush(new QTimer(this))
    , m_bulkTimer(new QTimer(this))
    , m_explanation(new QLabel)
    , m_reaper(new QTimer(this))
    , m_predictions(new PredictionModel(this))
    , m_deliveries(new DeliveryModel(kMaxResultRows, this))
{
    m_ui->setupUi(this);
    for (const auto p : partitioning::all())
        m_ui->partitionerCombo->addItem(partitioning::name(p), int(p));
    for (int i = 0; i < m_ui->partitionerCombo->count(); ++i)
        m_ui->partitionerCombo->setItemData(
            i, partitioning::description(Partitioner(m_ui->partitionerCombo->itemData(i).toInt())), Qt::ToolTipRole);
    m_ui->nullKeyCheck->setToolTip(QStringLiteral(
        "A null key is \"no key\": most partitioners then pick a partition at random (sticky per batch). "
        "An empty key (the field left blank, box unchecked) is a key of zero bytes: murmur2 hashes it, "
        "consistent_random treats it like null."));

    auto setupTable = [](QTableView* table, QAbstractItemModel* model) {
        setupTableView(table, model);
        table->setSortingEnabled(false); // the order is the point: partitioners as listed, deliveries newest first
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setTextElideMode(Qt::ElideRight); // explanations and results read from the start
    };
    m_ui->predictionTitle->setTextFormat(Qt::PlainText);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ui->predictionLayout->addWidget(m_explanation);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    setupTable(m_ui->predictionTable, m_predictions);
    setupTable(m_ui->resultsTable, m_deliveries);

    connect(m_ui->keyEdit, &QLineEdit::textChanged, this, &ProducerPanel::updatePrediction);
    connect(m_ui->nullKeyCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->keyEdit->setEnabled(!on);
        updatePrediction();
    });
    connect(m_ui->topicCombo, &QComboBox::currentTextChanged, this, &ProducerPanel::updatePrediction);
    connect(m_ui->partitionerCombo, &QComboBox::currentIndexChanged, this, &ProducerPanel::updatePrediction);
    connect(m_ui->partitionSpin, &QSpinBox::valueChanged, this, &ProducerPanel::updatePrediction);
    connect(m_ui->sendButton, &QPushButton::clicked, this, &ProducerPanel::send);
    connect(m_ui->bulkButton, &QPushButton::clicked, this,
        [this] { sendBulk(m_ui->bulkCountSpin->value(), m_ui->bulkKeysSpin->value(), m_ui->bulkPrefixEdit->text()); });
    connect(m_session, &Cluster::metadataAvailable, this, &ProducerPanel::updateTopics);
    connect(m_session, &Cluster::stateChanged, this,
        [this, sendTip = m_ui->sendButton->toolTip(), bulkTip = m_ui->bulkButton->toolTip()](Cluster::State state) {
            // Producing writes to the cluster: a read-only connection sends nothing (the prediction still works).
            gateWriteAction(m_ui->sendButton, m_session, true, sendTip);
            gateWriteAction(m_ui->bulkButton, m_session, true, bulkTip);
            if (state != Cluster::State::Connected) {
                m_bulkTimer->stop();
                retireProducer(); // a new cluster gets a new producer
                m_metadata = {};
            }
        });
    // Delivery reports arrive in bursts during bulk sends: show them in batches.
    m_flush->setInterval(100);
    connect(m_flush, &QTimer::timeout, this, &ProducerPanel::flushResults);
    m_flush->start();
    m_reaper->setInterval(200);
    connect(m_reaper, &QTimer::timeout, this, &ProducerPanel::reapProducers);
    m_bulkTimer->setInterval(0);
    connect(m_bulkTimer, &QTimer::timeout, this, &ProducerPanel::sendBulkSlice);
    setPartitioner(Partitioner::Murmur2Random);
    updatePrediction();
}

ProducerPanel::~ProducerPanel()
{
    shutdown();
}

void ProducerPanel::shutdown()
{
    m_bulkTimer->stop();
    m_flush->stop();
    m_reaper->stop();
    if (m_producer)
        m_producer->shutdown();
    for (auto& retired : m_retired)
        retired->shutdown(); // they were flushing; nobody is left to see the reports
}

void ProducerPanel::setTopic(const QString& topic)
{
    m_ui->topicCombo->setEditText(topic);
}

void ProducerPanel::setKey(const QString& key, bool isNull)
{
    m_ui->nullKeyCheck->setChecked(isNull);
    m_ui->keyEdit->setText(key);
}

void ProducerPanel::setValue(const QString& value)
{
    m_ui->valueEdit->setPlainText(value);
}

void ProducerPanel::setPartitioner(Partitioner partitioner)
{
    m_ui->partitionerCombo->setCurrentIndex(m_ui->partitionerCombo->findData(int(partitioner)));
}

void ProducerPanel::updateTopics(const ClusterMetadata& metadata)
{
    m_metadata = metadata;
    fillTopicCombo(m_ui->topicCombo, metadata);
    updatePrediction();
}

int ProducerPanel::partitionCount() const
{
    const auto* topic = m_metadata.topic(m_ui->topicCombo->currentText().trimmed());
    return topic ? int(topic->partitions.size()) : 0;
}

void ProducerPanel::updatePrediction()
{
    const int n = partitionCount();
    const bool nullKey = m_ui->nullKeyCheck->isChecked();
    const std::optional<QByteArray> key = nullKey ? std::nullopt : std::optional(m_ui->keyEdit->text().toUtf8());
    const auto chosen = Partitioner(m_ui->partitionerCombo->currentData().toInt());
    m_predictions->setPrediction(key, n, chosen);
    if (n <= 0) {
        m_explanation->clear();
        m_ui->predictionTitle->setText(
            QStringLiteral("Choose an existing topic to see which partition each partitioner picks."));
        return;
    }
    const auto keyText
        = nullKey ? QStringLiteral("a null key") : QStringLiteral("key \"%1\"").arg(m_ui->keyEdit->text());
    m_ui->predictionTitle->setText(m_ui->partitionSpin->value() >= 0
            ? QStringLiteral("Explicit partition %1: the partitioner is not consulted.")
                  .arg(m_ui->partitionSpin->value())
            : QStringLiteral("Where %1 goes in a topic of %2 partitions, under each partitioner "
                             "(the producer decides; the broker only stores):")
                  .arg(keyText)
                  .arg(n));
    auto* table = m_ui->predictionTable;
    table->resizeColumnToContents(PredictionModel::PartitionerColumn);
    table->resizeColumnToContents(PredictionModel::HashColumn);
    table->resizeColumnToContents(PredictionModel::PartitionColumn);
    if (const auto* p = m_predictions->chosen())
        m_explanation->setText(
            QStringLiteral("%1: %2\n%3")
                .arg(partitioning::name(p->partitioner), p->explanation, partitioning::description(p->partitioner)));
}

QString ProducerPanel::validate(ProduceRequest* request) const
{
    input::ProduceForm form;
    form.topic = m_ui->topicCombo->currentText();
    form.key = m_ui->keyEdit->text();
    form.nullKey = m_ui->nullKeyCheck->isChecked();
    form.value = m_ui->valueEdit->toPlainText();
    form.headers = m_ui->headersEdit->text();
    form.partition = m_ui->partitionSpin->value();
    form.partitioner = Partitioner(m_ui->partitionerCombo->currentData().toInt());
    if (m_session->isReadOnly())
        return m_session->writeRefusal();
    QString error;
    const auto valid
        = input::validateProduce(form, m_metadata, m_session->state() == Cluster::State::Connected, &error);
    if (valid)
        *request = *valid;
    return valid ? QString() : error;
}

void ProducerPanel::retireProducer()
{
    if (!m_producer)
        return;
    // Flushing to a broker that is gone can take seconds: let the producer wind down on its own thread and delete
    // it once it has (the reaper), instead of joining here on the GUI thread.
    m_producer->requestStop();
    m_retired.push_back(std::move(m_producer));
    m_reaper->start();
}

void ProducerPanel::reapProducers()
{
    std::erase_if(m_retired, [](const auto& p) { return p->hasStopped(); });
    if (m_retired.empty())
        m_reaper->stop();
}

ProducerInterface* ProducerPanel::producer()
{
    if (m_producer && m_producerBootstrap != m_session->bootstrapServers())
        retireProducer();
    if (!m_producer) {
        ProducerOptions options;
        options.bootstrap = m_session->bootstrapServers();
        options.extraConfig = m_session->dataPlaneConfig();
        m_producerBootstrap = options.bootstrap;
        m_producer = m_session->createProducer(options);
        connect(m_producer.get(), &ProducerInterface::delivered, this, &ProducerPanel::onDelivered);
    }
    return m_producer.get();
}

quint64 ProducerPanel::enqueue(const ProduceRequest& request, const QString& keyText)
{
    Sent sent;
    sent.key = keyText;
    sent.keyIsNull = !request.key.has_value();
    sent.partitioner = request.partitioner;
    sent.explicitPartition = request.partition;
    if (request.partition < 0) {
        const auto prediction = partitioning::predict(request.partitioner, request.key, partitionCount());
        sent.predicted = prediction.deterministic ? prediction.partition : -1;
    } else {
        sent.predicted = request.partition;
    }
    const auto id = producer()->send(request);
    m_sentById.insert(id, sent);
    ++m_sent;
    return id;
}

bool ProducerPanel::send()
{
    ProduceRequest request;
    if (const auto error = validate(&request); !error.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    inline_message::hide(m_ui->messageLabel);
    enqueue(request, m_ui->nullKeyCheck->isChecked() ? QStringLiteral("(null)") : m_ui->keyEdit->text());
    return true;
}

bool ProducerPanel::sendBulk(int records, int keys, const QString& prefix)
{
    ProduceRequest base;
    if (const auto error = validate(&base); !error.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    if (records <= 0 || keys <= 0) {
        showMessage(QStringLiteral("Bulk sending needs at least one record and one key."), true);
        return false;
    }
    showMessage(QStringLiteral("Sending %1 records with %2 keys (%3%4 … %3%5)…")
                    .arg(records)
                    .arg(keys)
                    .arg(prefix)
                    .arg(1)
                    .arg(keys),
        false);
    m_bulk = { base, 0, records, keys, prefix };
    m_bulkTimer->start();
    return true;
}

void ProducerPanel::sendBulkSlice()
{
    // In slices, so the window keeps painting while a large bulk is queued.
    const int end = std::min(m_bulk.total, m_bulk.next + 2000);
    for (; m_bulk.next < end; ++m_bulk.next) {
        ProduceRequest r = m_bulk.base;
        const auto key = m_bulk.prefix + QString::number(m_bulk.next % m_bulk.keys + 1);
        r.key = key.toUtf8();
        r.value = QStringLiteral("{\"n\":%1,\"key\":\"%2\"}").arg(m_bulk.next).arg(key).toUtf8();
        enqueue(r, key);
    }
    if (m_bulk.next >= m_bulk.total)
        m_bulkTimer->stop();
}

bool ProducerPanel::isBulkSending() const
{
    return m_bulkTimer->isActive();
}

int ProducerPanel::predictedPartition(quint64 id) const
{
    return m_sentById.value(id).predicted;
}

void ProducerPanel::onDelivered(const DeliveryReport& report)
{
    m_pendingReports.append(report);
    emit recordDelivered(report);
}

void ProducerPanel::flushResults()
{
    if (m_pendingReports.isEmpty())
        return;
    const auto reports = std::exchange(m_pendingReports, {});
    QList<DeliveryModel::Delivery> batch;
    batch.reserve(reports.size());
    for (const auto& r : reports) {
        const auto sent = m_sentById.take(r.id);
        if (r.ok()) {
            ++m_delivered;
            if (sent.predicted >= 0) {
                ++m_predictable;
                m_matches += sent.predicted == r.partition;
            }
        } else {
            ++m_failed;
        }
        batch.append(
            { sent.key, sent.explicitPartition >= 0 ? QStringLiteral("explicit") : partitioning::name(sent.partitioner),
                sent.predicted, r });
    }
    m_deliveries->addDeliveries(batch); // one insert per batch; only the newest rows are kept
    m_ui->resultsTitle->setText(QStringLiteral("Sent %1 · delivered %2 · failed %3 · as predicted %4 of %5")
                                    .arg(m_sent)
                                    .arg(m_delivered)
                                    .arg(m_failed)
                                    .arg(m_matches)
                                    .arg(m_predictable));
    if (m_failed > 0 && !reports.last().ok())
        showMessage(
            QStringLiteral("Delivery failed: %1: %2").arg(reports.last().errorName, reports.last().errorMessage), true);
}

void ProducerPanel::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

} // namespace kafscope
