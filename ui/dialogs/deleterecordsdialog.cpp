#include "ui/dialogs/deleterecordsdialog.h"

#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui/viewsetup.h"
#include "ui_deleterecordsdialog.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>

namespace kafscope {

namespace {

QStandardItem* number(qint64 value)
{
    auto* item = new QStandardItem(value < 0 ? QStringLiteral("?") : QString::number(value));
    item->setEditable(false);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

DeleteRecordsDialog::DeleteRecordsDialog(Cluster* cluster, const QString& topic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DeleteRecordsDialog>())
    , m_cluster(cluster)
    , m_topic(topic)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Delete records of %1").arg(topic));
    m_ui->whatLabel->setText(QStringLiteral("Delete the oldest records of <b>%1</b>: type, per partition, the offset "
                                            "to delete before (the records before it go for good; the partition's "
                                            "earliest offset moves up to it). Empty leaves a partition alone.")
                                 .arg(topic.toHtmlEscaped()));
    m_model->setHorizontalHeaderLabels({ QStringLiteral("Partition"), QStringLiteral("Earliest"),
        QStringLiteral("Latest"), QStringLiteral("Delete before"), QStringLiteral("Records deleted") });
    setupTableView(m_ui->partitionView, m_model);
    m_ui->partitionView->setSortingEnabled(false);
    m_ui->partitionView->horizontalHeader()->setStretchLastSection(true);
    m_deleteButton = m_ui->buttonBox->addButton(QStringLiteral("&Delete records"), QDialogButtonBox::DestructiveRole);
    connect(m_deleteButton, &QPushButton::clicked, this, &DeleteRecordsDialog::deleteRecords);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &DeleteRecordsDialog::update);
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem* item) {
        if (item->column() == BeforeColumn)
            update();
    });
    const auto* info = cluster->metadata().topic(topic);
    m_internal = (info && info->isInternal) || topic.startsWith(QLatin1String("__"));
    m_refusal = m_internal
        ? QStringLiteral("%1 is one of Kafka's internal topics: KafScope does not delete its records.").arg(topic)
        : cluster->writeRefusal();
    if (info)
        for (const auto& p : info->partitions) {
            auto* before = new QStandardItem;
            before->setEditable(true);
            before->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_model->appendRow({ number(p.partition), number(-1), number(-1), before, number(0) });
        }
    // Offsets now (the table above fills in as they arrive).
    auto load = [this](int64_t which, int column) {
        m_cluster->offsetsAt(m_topic, which, this, [this, column](const AdminResult<OffsetsAt>& r) {
            if (!r.ok())
                return;
            for (const auto& po : r.value->offsets) {
                const int row = rowOf(po.partition);
                if (row >= 0 && po.errorCode == 0)
                    m_model->item(row, column)->setText(QString::number(po.offset));
            }
            m_loaded = m_model->rowCount() > 0 && m_model->item(0, EarliestColumn)->text() != QLatin1String("?")
                && m_model->item(0, LatestColumn)->text() != QLatin1String("?");
            update();
        });
    };
    load(-2, EarliestColumn);
    load(-1, LatestColumn);
    update();
}

DeleteRecordsDialog::~DeleteRecordsDialog() = default;

int DeleteRecordsDialog::rowOf(int32_t partition) const
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->item(row, PartitionColumn)->text().toInt() == partition)
            return row;
    return -1;
}

void DeleteRecordsDialog::setBefore(int32_t partition, const QString& offset)
{
    const int row = rowOf(partition);
    if (row >= 0)
        m_model->item(row, BeforeColumn)->setText(offset);
}

void DeleteRecordsDialog::setConfirmation(const QString& typed)
{
    m_ui->confirmEdit->setText(typed);
}

std::optional<protocol::DeleteRecordsRequest> DeleteRecordsDialog::request(QString* error) const
{
    protocol::DeleteRecordsTopic topic { m_topic, {} };
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString text = m_model->item(row, BeforeColumn)->text().trimmed();
        if (text.isEmpty())
            continue;
        const int32_t partition = m_model->item(row, PartitionColumn)->text().toInt();
        bool ok = false;
        const qint64 offset = text.toLongLong(&ok);
        bool latestKnown = false;
        const qint64 latest = m_model->item(row, LatestColumn)->text().toLongLong(&latestKnown);
        if (!ok || offset < 0) {
            *error = QStringLiteral("Partition %1: \"%2\" is not an offset (a number, 0 or more).")
                         .arg(partition)
                         .arg(text);
            return std::nullopt;
        }
        if (latestKnown && offset > latest) {
            *error = QStringLiteral("Partition %1 ends at offset %2: records can only be deleted up to there.")
                         .arg(partition)
                         .arg(latest);
            return std::nullopt;
        }
        bool earliestKnown = false;
        const qint64 earliest = m_model->item(row, EarliestColumn)->text().toLongLong(&earliestKnown);
        if (earliestKnown && offset <= earliest) {
            *error = QStringLiteral("Partition %1 already starts at offset %2: there is nothing before %3 to delete.")
                         .arg(partition)
                         .arg(earliest)
                         .arg(offset);
            return std::nullopt;
        }
        topic.partitions.append({ partition, offset });
    }
    if (topic.partitions.isEmpty()) {
        *error = QStringLiteral("Type the offset to delete before in at least one partition.");
        return std::nullopt;
    }
    protocol::DeleteRecordsRequest r;
    r.topics = { topic };
    return r;
}

void DeleteRecordsDialog::update()
{
    qint64 total = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        bool ok = false;
        bool earliestKnown = false;
        const qint64 before = m_model->item(row, BeforeColumn)->text().trimmed().toLongLong(&ok);
        const qint64 earliest = m_model->item(row, EarliestColumn)->text().toLongLong(&earliestKnown);
        const qint64 n = ok && earliestKnown ? std::max<qint64>(0, before - earliest) : 0;
        total += n;
        QSignalBlocker block(m_model);
        m_model->item(row, DeletedColumn)->setText(QLocale().toString(n));
    }
    m_ui->partitionView->viewport()->update();
    m_ui->totalLabel->setText(
        QStringLiteral("<b>%1 record(s)</b> would be deleted for good.").arg(QLocale().toString(total)));
    QString error;
    const auto r = request(&error);
    const bool confirmed = m_ui->confirmEdit->text() == m_topic;
    m_deleteButton->setEnabled(r.has_value() && confirmed && m_refusal.isEmpty() && !m_busy);
    m_ui->confirmEdit->setEnabled(m_refusal.isEmpty());
    if (!m_refusal.isEmpty())
        showMessage(m_refusal, true);
    else if (!r && m_loaded && !error.startsWith(QLatin1String("Type the offset")))
        showMessage(error, true);
    else if (!m_busy)
        inline_message::hide(m_ui->messageLabel);
}

bool DeleteRecordsDialog::canDelete() const
{
    return m_deleteButton->isEnabled();
}

QString DeleteRecordsDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QString DeleteRecordsDialog::totalText() const
{
    return m_ui->totalLabel->text();
}

void DeleteRecordsDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void DeleteRecordsDialog::deleteRecords()
{
    if (!m_refusal.isEmpty()) {
        showMessage(m_refusal, true);
        return;
    }
    QString error;
    const auto r = request(&error);
    if (!r || m_ui->confirmEdit->text() != m_topic) {
        showMessage(r ? QStringLiteral("Type \"%1\" exactly to confirm.").arg(m_topic) : error, true);
        return; // nothing is sent
    }
    m_busy = true;
    update();
    showMessage(QStringLiteral("Deleting…"), false);
    m_cluster->deleteRecords(*r, this, [this](const AdminResult<protocol::DeleteRecordsResponse>& result) {
        m_busy = false;
        update();
        if (!result.ok()) {
            showMessage(result.error.message, true);
            return;
        }
        QStringList done;
        QStringList failed;
        for (const auto& t : result.value->topics)
            for (const auto& p : t.partitions) {
                if (p.errorCode == 0) {
                    done.append(QStringLiteral("%1 → earliest %2").arg(p.partition).arg(p.lowWatermark));
                    const int row = rowOf(p.partition);
                    if (row >= 0) {
                        m_model->item(row, EarliestColumn)->setText(QString::number(p.lowWatermark));
                        m_model->item(row, BeforeColumn)->setText(QString());
                    }
                } else {
                    failed.append(QStringLiteral("partition %1: %2")
                                      .arg(p.partition)
                                      .arg(p.errorCode == -1 ? QStringLiteral("its leader did not answer")
                                                             : AdminError::kafka(p.errorCode).message));
                }
            }
        QString text
            = done.isEmpty() ? QString() : QStringLiteral("Deleted. Partition ") + done.join(QStringLiteral(", "));
        if (!failed.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + failed.join(QLatin1Char('\n'));
        showMessage(text, !failed.isEmpty());
        emit recordsDeleted(m_topic);
    });
}

} // namespace kafscope
