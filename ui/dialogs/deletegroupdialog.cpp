#include "ui/dialogs/deletegroupdialog.h"

#include "kafka/admin/offsetreset.h"
#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui_deletegroupdialog.h"

#include <QPushButton>
#include <QSet>

namespace kafscope {

DeleteGroupDialog::DeleteGroupDialog(
    Cluster* cluster, const QString& group, Mode mode, const GroupOffsets& committed, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DeleteGroupDialog>())
    , m_cluster(cluster)
    , m_group(group)
    , m_mode(mode)
    , m_committed(committed)
{
    m_ui->setupUi(this);
    const bool offsets = mode == Mode::Offsets;
    setWindowTitle(
        offsets ? QStringLiteral("Delete offsets of %1").arg(group) : QStringLiteral("Delete group %1").arg(group));
    m_ui->whatLabel->setText(offsets
            ? QStringLiteral("Delete the committed offsets of group <b>%1</b> for one topic: its consumers then start "
                             "that topic where auto.offset.reset says. The broker refuses while a member of the "
                             "group consumes the topic.")
                  .arg(group.toHtmlEscaped())
            : QStringLiteral("Delete group <b>%1</b> with all its committed offsets. The broker refuses while the "
                             "group has members (NON_EMPTY_GROUP).")
                  .arg(group.toHtmlEscaped()));
    m_ui->topicLabel->setVisible(offsets);
    m_ui->topicCombo->setVisible(offsets);
    m_ui->topicCombo->addItems(admin::committedTopics(committed));
    m_deleteButton
        = m_ui->buttonBox->addButton(offsets ? QStringLiteral("&Delete offsets") : QStringLiteral("&Delete group"),
            QDialogButtonBox::DestructiveRole);
    connect(m_deleteButton, &QPushButton::clicked, this, &DeleteGroupDialog::deleteNow);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &DeleteGroupDialog::update);
    connect(m_ui->topicCombo, &QComboBox::currentIndexChanged, this, &DeleteGroupDialog::update);
    // The demo's mock broker answers DeleteGroups as unsupported, and the session explains that: only a read-only
    // connection is refused here.
    m_refusal = cluster->isReadOnly() ? cluster->writeRefusal() : QString();
    if (m_refusal.isEmpty() && offsets && m_ui->topicCombo->count() == 0)
        m_refusal = QStringLiteral("Group %1 has no committed offsets to delete.").arg(group);
    update();
}

DeleteGroupDialog::~DeleteGroupDialog() = default;

void DeleteGroupDialog::setTopic(const QString& topic)
{
    m_ui->topicCombo->setCurrentIndex(m_ui->topicCombo->findText(topic));
}

void DeleteGroupDialog::setConfirmation(const QString& typed)
{
    m_ui->confirmEdit->setText(typed);
}

bool DeleteGroupDialog::canDelete() const
{
    return m_deleteButton->isEnabled();
}

QString DeleteGroupDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

void DeleteGroupDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

QList<TopicPartitionRef> DeleteGroupDialog::partitions(const QString& topic) const
{
    // The topic's partitions, and any committed one the metadata does not know (a topic deleted since).
    QSet<int32_t> seen;
    QList<TopicPartitionRef> out;
    if (const auto* info = m_cluster->metadata().topic(topic))
        for (const auto& p : info->partitions)
            if (!seen.contains(p.partition)) {
                seen.insert(p.partition);
                out.append({ topic, p.partition });
            }
    for (const auto& c : m_committed.offsets)
        if (c.topic == topic && !seen.contains(c.partition)) {
            seen.insert(c.partition);
            out.append({ topic, c.partition });
        }
    std::sort(out.begin(), out.end());
    return out;
}

void DeleteGroupDialog::update()
{
    const bool confirmed = m_ui->confirmEdit->text() == m_group;
    const bool topicChosen = m_mode == Mode::Group || !m_ui->topicCombo->currentText().isEmpty();
    m_deleteButton->setEnabled(m_refusal.isEmpty() && confirmed && topicChosen && !m_busy && !m_done);
    m_ui->confirmEdit->setEnabled(m_refusal.isEmpty() && !m_done);
    if (!m_refusal.isEmpty())
        showMessage(m_refusal, true);
}

void DeleteGroupDialog::deleteNow()
{
    if (!m_refusal.isEmpty() || m_ui->confirmEdit->text() != m_group || m_busy || m_done) {
        if (m_refusal.isEmpty() && !m_done && !m_busy)
            showMessage(QStringLiteral("Type \"%1\" exactly to confirm.").arg(m_group), true);
        return; // nothing is sent
    }
    m_busy = true;
    update();
    showMessage(QStringLiteral("Deleting…"), false);
    if (m_mode == Mode::Group) {
        m_cluster->deleteGroups({ m_group }, this, [this](const AdminResult<protocol::DeleteGroupsResponse>& r) {
            m_busy = false;
            if (!r.ok()) {
                update();
                showMessage(r.error.message, true);
                return;
            }
            const auto& result = r.value->results.value(0);
            if (result.errorCode != 0) {
                update();
                showMessage(
                    AdminError::kafka(result.errorCode, QStringLiteral("Deleting group %1").arg(m_group)).message,
                    true);
                return;
            }
            m_done = true;
            update();
            showMessage(QStringLiteral("Deleted group %1.").arg(m_group), false);
            emit groupDeleted(m_group);
        });
        return;
    }
    const QString topic = m_ui->topicCombo->currentText();
    m_cluster->deleteGroupOffsets(
        m_group, partitions(topic), this, [this, topic](const AdminResult<protocol::OffsetDeleteResponse>& r) {
            m_busy = false;
            if (!r.ok()) {
                update();
                showMessage(r.error.message, true);
                return;
            }
            QStringList failed;
            for (const auto& t : r.value->topics)
                for (const auto& p : t.partitions)
                    if (p.errorCode != 0)
                        failed << QStringLiteral("%1-%2: %3")
                                      .arg(t.name)
                                      .arg(p.partitionIndex)
                                      .arg(AdminError::kafka(p.errorCode).message);
            update();
            if (!failed.isEmpty()) {
                showMessage(failed.join(QLatin1Char('\n')), true);
                return;
            }
            showMessage(QStringLiteral("Deleted the offsets of %1 for %2.").arg(m_group, topic), false);
            m_ui->topicCombo->removeItem(m_ui->topicCombo->findText(topic));
            m_ui->confirmEdit->clear();
            emit offsetsDeleted(m_group, topic);
        });
}

} // namespace kafscope
