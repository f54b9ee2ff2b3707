#include "ui/dialogs/resetoffsetsdialog.h"

#include "kafka/cluster.h"
#include "models/resetplanmodel.h"
#include "ui/inlinemessage.h"
#include "ui/viewsetup.h"
#include "ui_resetoffsetsdialog.h"

#include <QDateTime>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace kafscope {

using admin::ResetTarget;

ResetOffsetsDialog::ResetOffsetsDialog(Cluster* cluster, const QString& group, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ResetOffsetsDialog>())
    , m_cluster(cluster)
    , m_group(group)
    , m_model(new ResetPlanModel(this))
    , m_timeDebounce(new QTimer(this))
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Reset offsets of %1").arg(group));
    m_ui->whatLabel->setText(
        QStringLiteral("Move the committed offsets of group <b>%1</b>: its consumers start from the new offsets when "
                       "they next join. Offsets outside a partition's earliest and latest offsets are moved to the "
                       "nearer end, as Kafka's own tool does. Only a group without active members can be reset.")
            .arg(group.toHtmlEscaped()));
    m_ui->targetCombo->addItem(QStringLiteral("Earliest offset"), int(ResetTarget::Earliest));
    m_ui->targetCombo->addItem(QStringLiteral("Latest offset"), int(ResetTarget::Latest));
    m_ui->targetCombo->addItem(QStringLiteral("Date and time"), int(ResetTarget::Timestamp));
    m_ui->targetCombo->addItem(QStringLiteral("Offset"), int(ResetTarget::Offset));
    m_ui->targetCombo->addItem(QStringLiteral("Shift by"), int(ResetTarget::Shift));
    m_ui->timeEdit->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ResetPlanModel::SortRole);
    setupTableView(m_ui->previewView, proxy);
    m_ui->previewView->sortByColumn(ResetPlanModel::TopicColumn, Qt::AscendingOrder);
    m_resetButton = m_ui->buttonBox->addButton(QStringLiteral("&Reset offsets"), QDialogButtonBox::DestructiveRole);
    connect(m_resetButton, &QPushButton::clicked, this, &ResetOffsetsDialog::resetOffsets);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The demo's mock broker serves OffsetCommit: only a read-only connection refuses the reset itself.
    m_readOnly = cluster->isReadOnly() ? cluster->writeRefusal() : QString();

    QStringList topics;
    for (const auto& t : cluster->metadata().topics)
        if (!t.isInternal && !t.name.startsWith(QLatin1String("__")))
            topics << t.name;
    topics.sort();
    m_ui->addTopicCombo->addItems(topics);

    const auto changed = [this] {
        m_result.clear();
        recompute();
    };
    const auto showValue = [this] {
        const auto target = ResetTarget(m_ui->targetCombo->currentData().toInt());
        m_ui->timeEdit->setVisible(target == ResetTarget::Timestamp);
        m_ui->valueEdit->setVisible(target == ResetTarget::Offset || target == ResetTarget::Shift);
        m_ui->valueEdit->setPlaceholderText(target == ResetTarget::Shift
                ? QStringLiteral("N: -100 moves 100 back, +5 ahead")
                : QStringLiteral("the offset (0 or more)"));
    };
    connect(m_ui->targetCombo, &QComboBox::currentIndexChanged, this, [showValue, changed] {
        showValue();
        changed();
    });
    connect(m_ui->valueEdit, &QLineEdit::textChanged, this, changed);
    // The offsets at a time come from the brokers: asked once typing pauses.
    m_timeDebounce->setSingleShot(true);
    m_timeDebounce->setInterval(300);
    connect(m_timeDebounce, &QTimer::timeout, this, [this] { load(false); });
    connect(m_ui->timeEdit, &QDateTimeEdit::dateTimeChanged, this, [this, changed] {
        changed();
        m_timeDebounce->start();
    });
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &ResetOffsetsDialog::update);
    connect(m_model, &ResetPlanModel::checkedChanged, this, [this] {
        m_result.clear();
        update();
    });
    connect(m_ui->allButton, &QPushButton::clicked, this, [this] { m_model->setAllChecked(true); });
    connect(m_ui->noneButton, &QPushButton::clicked, this, [this] { m_model->setAllChecked(false); });
    connect(
        m_ui->addTopicButton, &QPushButton::clicked, this, [this] { addTopic(m_ui->addTopicCombo->currentText()); });
    showValue();
    load(false);
}

ResetOffsetsDialog::~ResetOffsetsDialog() = default;

void ResetOffsetsDialog::setTarget(ResetTarget target, const QString& value)
{
    if (target == ResetTarget::Timestamp && !value.isEmpty())
        m_ui->timeEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(value.toLongLong()));
    else if (target == ResetTarget::Offset || target == ResetTarget::Shift)
        m_ui->valueEdit->setText(value);
    m_ui->targetCombo->setCurrentIndex(m_ui->targetCombo->findData(int(target)));
    if (target == ResetTarget::Timestamp) {
        m_timeDebounce->stop();
        load(false);
    }
}

void ResetOffsetsDialog::setConfirmation(const QString& typed)
{
    m_ui->confirmEdit->setText(typed);
}

void ResetOffsetsDialog::addTopic(const QString& topic)
{
    if (topic.isEmpty() || m_topics.contains(topic))
        return;
    m_topics.append(topic);
    m_topics.sort();
    load(false);
}

QString ResetOffsetsDialog::refusal() const
{
    return m_readOnly.isEmpty() ? m_memberRefusal : m_readOnly;
}

bool ResetOffsetsDialog::canReset() const
{
    return m_resetButton->isEnabled();
}

QString ResetOffsetsDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QString ResetOffsetsDialog::totalText() const
{
    return m_ui->totalLabel->text();
}

void ResetOffsetsDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

std::optional<admin::ResetSpec> ResetOffsetsDialog::spec(QString* error) const
{
    const auto target = ResetTarget(m_ui->targetCombo->currentData().toInt());
    const QString text = m_ui->valueEdit->text().trimmed();
    QString ignored;
    switch (target) {
    case ResetTarget::Earliest:
    case ResetTarget::Latest:
        return admin::ResetSpec { target, 0 };
    case ResetTarget::Timestamp:
        return admin::ResetSpec { target, m_ui->timeEdit->dateTime().toMSecsSinceEpoch() };
    case ResetTarget::Offset:
        if (const auto s = admin::parseResetTarget(text, &ignored); s && s->target == ResetTarget::Offset)
            return s;
        *error = text.isEmpty() ? QStringLiteral("Type the offset to reset to.")
                                : QStringLiteral("\"%1\" is not an offset (a number, 0 or more).").arg(text);
        return std::nullopt;
    case ResetTarget::Shift:
        if (const auto s = admin::parseResetTarget(QStringLiteral("shift:") + text, &ignored))
            return s;
        *error = text.isEmpty() ? QStringLiteral("Type by how many offsets to shift (e.g. -100 or +5).")
                                : QStringLiteral("\"%1\" is not a number to shift by (e.g. -100 or +5).").arg(text);
        return std::nullopt;
    }
    return std::nullopt;
}

void ResetOffsetsDialog::load(bool thenSend)
{
    QString error;
    const auto s = spec(&error);
    std::optional<int64_t> timestamp;
    if (s && s->target == ResetTarget::Timestamp)
        timestamp = s->value;
    const quint64 request = ++m_loadRequest;
    m_loading = true;
    update();
    m_cluster->loadResetInputs(
        m_group, m_topics, timestamp, this, [this, request, thenSend](const AdminResult<admin::ResetInputs>& r) {
            if (request != m_loadRequest)
                return; // a newer load (another time, another topic) is on its way
            m_loading = false;
            if (!r.ok()) {
                m_busy = false;
                m_result = r.error.message;
                m_resultIsError = true;
                update();
                return;
            }
            m_inputs = *r.value;
            if (m_topics.isEmpty())
                m_topics = admin::committedTopics(m_inputs.committed);
            m_memberRefusal = admin::resetRefusal(m_inputs.group);
            m_loaded = true;
            if (!thenSend) {
                recompute();
                return;
            }
            // Right before sending: members may have joined, offsets moved.
            QString error;
            const auto spec = this->spec(&error);
            const admin::ResetPlan fresh = spec ? checkedPlan(*spec) : admin::ResetPlan {};
            if (!m_memberRefusal.isEmpty() || !spec || !fresh.ok()) {
                m_busy = false;
                recompute();
                return;
            }
            if (!admin::sameCommits(fresh, m_previewed)) {
                m_busy = false;
                recompute();
                m_result = QStringLiteral("The offsets changed since the preview (records were written or deleted, "
                                          "or offsets committed): nothing was sent. Check the preview and reset "
                                          "again.");
                m_resultIsError = true;
                update();
                return;
            }
            send(fresh);
        });
}

admin::ResetPlan ResetOffsetsDialog::checkedPlan(const admin::ResetSpec& spec) const
{
    return admin::planReset(m_inputs, m_model->checkedPartitions(), spec);
}

void ResetOffsetsDialog::recompute()
{
    QString error;
    const auto s = spec(&error);
    if (!m_loaded || !s) {
        update();
        return;
    }
    QList<admin::TopicSelection> selection;
    for (const auto& t : std::as_const(m_topics))
        selection.append({ t, {} });
    const auto scope = admin::resetScope(m_inputs.metadata, m_inputs.committed, selection, &error);
    if (!scope) {
        m_model->clear();
        m_result = error;
        m_resultIsError = true;
        update();
        return;
    }
    m_model->setPlan(admin::planReset(m_inputs, *scope, *s));
    fitColumns(m_ui->previewView, 320, true);
    update();
}

void ResetOffsetsDialog::update()
{
    QString error;
    const auto s = spec(&error);
    const admin::ResetPlan plan = s && m_loaded ? checkedPlan(*s) : admin::ResetPlan {};
    const bool waitingForTime = s && s->target == ResetTarget::Timestamp && m_inputs.timestamp != s->value;
    int64_t lagNow = 0;
    for (const auto& r : plan.rows)
        if (r.old && r.latest >= 0)
            lagNow += std::max<int64_t>(0, r.latest - *r.old);
    if (!m_loaded)
        m_ui->totalLabel->setText(QStringLiteral("Loading the group's offsets…"));
    else if (m_model->rowCount() == 0)
        m_ui->totalLabel->setText(QStringLiteral("The group has no committed offsets: add a topic to give it some."));
    else
        m_ui->totalLabel->setText(QStringLiteral("<b>%1 of %2 partition(s)</b> move; lag after the reset %3 "
                                                 "(now %4).")
                                      .arg(plan.changed())
                                      .arg(m_model->rowCount())
                                      .arg(QLocale().toString(qint64(plan.totalLag().value_or(0))))
                                      .arg(QLocale().toString(qint64(lagNow))));
    const bool confirmed = m_ui->confirmEdit->text() == m_group;
    m_resetButton->setEnabled(m_loaded && !m_loading && !m_busy && refusal().isEmpty() && s && plan.ok()
        && !waitingForTime && !plan.commits().isEmpty() && confirmed);
    m_ui->confirmEdit->setEnabled(refusal().isEmpty());
    if (!refusal().isEmpty())
        showMessage(refusal(), true);
    else if (m_busy)
        showMessage(QStringLiteral("Resetting…"), false);
    else if (!m_result.isEmpty())
        showMessage(m_result, m_resultIsError);
    else if (m_loaded && !s)
        showMessage(error, true);
    else if (m_loaded && !waitingForTime && !plan.ok())
        showMessage(plan.errors.join(QLatin1Char('\n')), true);
    else
        inline_message::hide(m_ui->messageLabel);
}

void ResetOffsetsDialog::resetOffsets()
{
    QString error;
    const auto s = spec(&error);
    if (!refusal().isEmpty() || !s || !m_loaded) {
        update();
        return; // nothing is sent
    }
    m_previewed = checkedPlan(*s);
    if (!m_previewed.ok() || m_previewed.commits().isEmpty() || m_ui->confirmEdit->text() != m_group) {
        if (m_ui->confirmEdit->text() != m_group) {
            m_result = QStringLiteral("Type \"%1\" exactly to confirm.").arg(m_group);
            m_resultIsError = true;
        }
        update();
        return;
    }
    m_busy = true;
    m_result.clear();
    load(true);
}

void ResetOffsetsDialog::send(const admin::ResetPlan& plan)
{
    const auto commits = plan.commits();
    const QString target = plan.spec.describe();
    m_cluster->commitGroupOffsets(
        m_group, commits, this, [this, commits, target](const AdminResult<protocol::OffsetCommitResponse>& r) {
            m_busy = false;
            if (!r.ok()) {
                m_result = r.error.message;
                m_resultIsError = true;
                update();
                return;
            }
            QStringList failed;
            int done = 0;
            for (const auto& t : r.value->topics)
                for (const auto& p : t.partitions) {
                    if (p.errorCode != 0) {
                        failed << QStringLiteral("%1-%2: %3")
                                      .arg(t.name)
                                      .arg(p.partitionIndex)
                                      .arg(AdminError::kafka(p.errorCode).message);
                        continue;
                    }
                    ++done;
                    // What is committed now, so the preview shows the new state.
                    const auto it = std::find_if(commits.begin(), commits.end(),
                        [&](const CommittedOffset& c) { return c.topic == t.name && c.partition == p.partitionIndex; });
                    if (it == commits.end())
                        continue;
                    auto& offsets = m_inputs.committed.offsets;
                    const auto old = std::find_if(offsets.begin(), offsets.end(),
                        [&](const CommittedOffset& c) { return c.topic == t.name && c.partition == p.partitionIndex; });
                    if (old != offsets.end())
                        old->offset = it->offset;
                    else
                        offsets.append(*it);
                }
            m_ui->confirmEdit->clear();
            recompute();
            m_result = done > 0 ? QStringLiteral("Reset %1 partition(s) of %2 to %3.").arg(done).arg(m_group, target)
                                : QString();
            if (!failed.isEmpty())
                m_result += (m_result.isEmpty() ? QString() : QStringLiteral("\n")) + failed.join(QLatin1Char('\n'));
            m_resultIsError = !failed.isEmpty();
            update();
            if (done > 0)
                emit offsetsReset(m_group);
        });
}

} // namespace kafscope
