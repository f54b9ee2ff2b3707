#include "ui/dialogs/connectoroffsetsdialog.h"

#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui_connectoroffsetsdialog.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

namespace kafscope {

namespace {

constexpr int kStopPolls = 60; // every 500 ms: 30 s for the worker to stop the connector's tasks

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

template <typename T, typename F> auto guarded(ConnectorOffsetsDialog* dialog, F f)
{
    return [self = QPointer<ConnectorOffsetsDialog>(dialog), f](const connect::ConnectResult<T>& r) {
        if (self)
            f(r);
    };
}

} // namespace

ConnectorOffsetsDialog::ConnectorOffsetsDialog(
    connect::ConnectClient* client, const Cluster* session, const connect::ConnectorInfo& connector, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectorOffsetsDialog>())
    , m_client(client)
    , m_session(session)
    , m_connector(connector)
    , m_state(connector.state)
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Offsets of %1").arg(connector.name));
    m_ui->offsetsView->setColumnCount(2);
    m_ui->offsetsView->setHorizontalHeaderLabels(
        { QStringLiteral("Partition (as the connector keys it)"), QStringLiteral("Offset (editable JSON)") });
    m_ui->offsetsView->horizontalHeader()->setStretchLastSection(true);
    m_ui->offsetsView->verticalHeader()->setVisible(false);
    m_resetButton = m_ui->buttonBox->addButton(QStringLiteral("&Reset all…"), QDialogButtonBox::ActionRole);
    m_resetButton->setObjectName(QStringLiteral("resetButton"));
    m_applyButton = m_ui->buttonBox->addButton(QStringLiteral("&Apply edits…"), QDialogButtonBox::ActionRole);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_resumeButton = m_ui->buttonBox->addButton(QStringLiteral("Res&ume connector"), QDialogButtonBox::ActionRole);
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    connect(m_resetButton, &QPushButton::clicked, this, &ConnectorOffsetsDialog::resetAll);
    connect(m_applyButton, &QPushButton::clicked, this, &ConnectorOffsetsDialog::applyEdits);
    connect(m_resumeButton, &QPushButton::clicked, this, &ConnectorOffsetsDialog::resume);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->offsetsView, &QTableWidget::itemChanged, this, [this] {
        if (m_previewed == Pending::Alter)
            m_previewed = Pending::None; // edited after the preview: preview again
        updateButtons();
    });
    if (m_session->isReadOnly())
        say(int(inline_message::Kind::Warning), m_session->writeRefusal());
    reload();
}

ConnectorOffsetsDialog::~ConnectorOffsetsDialog() = default;

void ConnectorOffsetsDialog::reload()
{
    m_ui->infoLabel->setText(QStringLiteral("Reading the offsets of %1 (%2)…").arg(m_connector.name, m_state));
    m_client->offsets(m_connector.name,
        guarded<connect::ConnectorOffsets>(this, [this](const connect::ConnectResult<connect::ConnectorOffsets>& r) {
            if (!r.ok()) {
                m_ui->infoLabel->setText(QStringLiteral("No offsets: %1").arg(r.error.message));
                updateButtons();
                return;
            }
            show(*r.value);
        }));
}

void ConnectorOffsetsDialog::show(const connect::ConnectorOffsets& offsets)
{
    m_offsets = offsets;
    m_loaded = true;
    {
        const QSignalBlocker block(m_ui->offsetsView);
        m_ui->offsetsView->setRowCount(int(offsets.offsets.size()));
        for (int r = 0; r < offsets.offsets.size(); ++r) {
            auto* partition = new QTableWidgetItem(compact(offsets.offsets[r].partition));
            partition->setFlags(partition->flags() & ~Qt::ItemIsEditable);
            m_ui->offsetsView->setItem(r, 0, partition);
            m_ui->offsetsView->setItem(r, 1, new QTableWidgetItem(compact(offsets.offsets[r].offset)));
        }
        m_ui->offsetsView->resizeColumnToContents(0);
    }
    const bool source = m_connector.type == QLatin1String("source");
    m_ui->infoLabel->setText((offsets.offsets.isEmpty()
            ? QStringLiteral("%1 has no offsets yet%2.")
                  .arg(m_connector.name,
                      source ? QStringLiteral(" (it has read nothing)") : QStringLiteral(" (nothing committed)"))
            : QStringLiteral("%1 offset(s) of the %2 connector %3, now %4. %5")
                  .arg(offsets.offsets.size())
                  .arg(m_connector.type, m_connector.name, m_state,
                      source ? QStringLiteral("A source's offset is its position in its input.")
                             : QStringLiteral("A sink's offsets are those its consumer group connect-%1 committed.")
                                   .arg(m_connector.name))));
    updateButtons();
}

QList<QPair<QString, QString>> ConnectorOffsetsDialog::shownOffsets() const
{
    QList<QPair<QString, QString>> rows;
    for (int r = 0; r < m_ui->offsetsView->rowCount(); ++r)
        rows.append({ m_ui->offsetsView->item(r, 0)->text(), m_ui->offsetsView->item(r, 1)->text() });
    return rows;
}

void ConnectorOffsetsDialog::setOffsetText(int row, const QString& json)
{
    if (auto* item = m_ui->offsetsView->item(row, 1))
        item->setText(json);
}

std::optional<connect::ConnectorOffsets> ConnectorOffsetsDialog::editedOffsets(QString* error) const
{
    connect::ConnectorOffsets edited;
    for (int r = 0; r < m_ui->offsetsView->rowCount() && r < m_offsets.offsets.size(); ++r) {
        const QString text = m_ui->offsetsView->item(r, 1)->text().trimmed();
        if (text == compact(m_offsets.offsets[r].offset))
            continue;
        QJsonParseError parse {};
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parse);
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = QStringLiteral("Row %1: the offset is not a JSON object (e.g. {\"position\": 0}): %2.")
                         .arg(r + 1)
                         .arg(parse.error != QJsonParseError::NoError ? parse.errorString()
                                                                      : QStringLiteral("not an object"));
            return std::nullopt;
        }
        edited.offsets.append({ m_offsets.offsets[r].partition, doc.object() });
    }
    return edited;
}

void ConnectorOffsetsDialog::resetAll()
{
    if (m_session->isReadOnly()) {
        say(int(inline_message::Kind::Error), m_session->writeRefusal());
        return;
    }
    if (m_previewed != Pending::Reset) {
        showPreview(Pending::Reset);
        return;
    }
    proceed();
}

void ConnectorOffsetsDialog::applyEdits()
{
    if (m_session->isReadOnly()) {
        say(int(inline_message::Kind::Error), m_session->writeRefusal());
        return;
    }
    QString error;
    const auto edited = editedOffsets(&error);
    if (!edited) {
        say(int(inline_message::Kind::Error), error);
        return;
    }
    if (edited->offsets.isEmpty()) {
        say(int(inline_message::Kind::Info), QStringLiteral("No offset was edited: change one in the table first."));
        return;
    }
    if (m_previewed != Pending::Alter) {
        showPreview(Pending::Alter);
        return;
    }
    proceed();
}

void ConnectorOffsetsDialog::showPreview(Pending what)
{
    m_previewed = what;
    inline_message::hide(m_ui->statusLabel);
    const bool source = m_connector.type == QLatin1String("source");
    QString text;
    if (what == Pending::Reset) {
        text = QStringLiteral("Reset deletes all %1 offset(s) of %2. ")
                   .arg(m_offsets.offsets.size())
                   .arg(m_connector.name);
        text += source ? QStringLiteral("The source then starts over from the beginning of its input (a file source "
                                        "reads its file again from the first line), so its records are written again.")
                       : QStringLiteral("The sink's group connect-%1 loses its committed offsets: it starts again "
                                        "where its consumer's auto.offset.reset says (earliest by default).")
                             .arg(m_connector.name);
    } else {
        QString error;
        const auto edited = editedOffsets(&error);
        QStringList lines;
        for (const auto& e : edited->offsets) {
            QString old;
            for (const auto& o : m_offsets.offsets)
                if (o.partition == e.partition)
                    old = compact(o.offset);
            lines << QStringLiteral("%1: %2 → %3").arg(compact(e.partition), old, compact(e.offset));
        }
        text = QStringLiteral("Apply edits changes %1 offset(s):\n%2")
                   .arg(edited->offsets.size())
                   .arg(lines.join(QLatin1Char('\n')));
    }
    if (m_state != QLatin1String("STOPPED"))
        text += QStringLiteral("\nConnect changes the offsets only of a stopped connector: KafScope stops %1 first "
                               "(it is %2 now), and it stays stopped afterwards until you resume it.")
                    .arg(m_connector.name, m_state);
    text += what == Pending::Reset ? QStringLiteral("\nPress Reset all again to do it.")
                                   : QStringLiteral("\nPress Apply edits again to do it.");
    inline_message::show(m_ui->previewLabel, inline_message::Kind::Warning, text);
    updateButtons();
}

void ConnectorOffsetsDialog::proceed()
{
    m_busy = true;
    updateButtons();
    if (m_state == QLatin1String("STOPPED")) {
        change();
        return;
    }
    say(int(inline_message::Kind::Info), QStringLiteral("Stopping %1…").arg(m_connector.name));
    m_client->stop(m_connector.name, guarded<bool>(this, [this](const connect::ConnectResult<bool>& r) {
        if (!r.ok()) {
            m_busy = false;
            say(int(inline_message::Kind::Error),
                QStringLiteral("%1 was not stopped, so its offsets were not changed. %2")
                    .arg(m_connector.name, r.error.message));
            updateButtons();
            return;
        }
        emit changed();
        waitStopped(0);
    }));
}

void ConnectorOffsetsDialog::waitStopped(int attempt)
{
    // The worker accepts the stop at once and stops the tasks afterwards: the change waits for STOPPED.
    m_client->connectors(guarded<QList<connect::ConnectorInfo>>(
        this, [this, attempt](const connect::ConnectResult<QList<connect::ConnectorInfo>>& r) {
            if (r.ok()) {
                for (const auto& c : *r.value) {
                    if (c.name == m_connector.name)
                        m_state = c.state;
                }
            }
            if (m_state == QLatin1String("STOPPED")) {
                change();
                return;
            }
            if (attempt >= kStopPolls) {
                m_busy = false;
                say(int(inline_message::Kind::Error),
                    QStringLiteral(
                        "%1 did not reach STOPPED within 30 s (it is %2%3), so its offsets were not changed.")
                        .arg(m_connector.name, m_state, r.ok() ? QString() : QStringLiteral("; ") + r.error.message));
                updateButtons();
                return;
            }
            QTimer::singleShot(500, this, [this, attempt] { waitStopped(attempt + 1); });
        }));
}

void ConnectorOffsetsDialog::change()
{
    const Pending what = m_previewed;
    m_previewed = Pending::None;
    inline_message::hide(m_ui->previewLabel);
    say(int(inline_message::Kind::Info), QStringLiteral("%1 is stopped; changing its offsets…").arg(m_connector.name));
    auto done = guarded<QString>(this, [this](const connect::ConnectResult<QString>& r) {
        m_busy = false;
        if (!r.ok()) {
            say(int(inline_message::Kind::Error), r.error.message);
            updateButtons();
            return;
        }
        say(int(inline_message::Kind::Info),
            QStringLiteral("The worker says: %1 %2 stays stopped until you resume it.")
                .arg(r.value->isEmpty() ? QStringLiteral("done.") : *r.value, m_connector.name));
        emit changed();
        reload();
    });
    if (what == Pending::Reset) {
        m_client->resetOffsets(m_connector.name, done);
        return;
    }
    QString error;
    const auto edited = editedOffsets(&error);
    if (!edited) {
        m_busy = false;
        say(int(inline_message::Kind::Error), error);
        updateButtons();
        return;
    }
    m_client->alterOffsets(m_connector.name, *edited, done);
}

void ConnectorOffsetsDialog::resume()
{
    if (m_session->isReadOnly())
        return;
    m_busy = true;
    updateButtons();
    m_client->resume(m_connector.name, guarded<bool>(this, [this](const connect::ConnectResult<bool>& r) {
        m_busy = false;
        if (!r.ok()) {
            say(int(inline_message::Kind::Error), r.error.message);
        } else {
            m_state = QStringLiteral("RUNNING");
            say(int(inline_message::Kind::Info), QStringLiteral("%1 resumes from its offsets.").arg(m_connector.name));
            emit changed();
        }
        updateButtons();
    }));
}

void ConnectorOffsetsDialog::updateButtons()
{
    const bool writable = !m_session->isReadOnly() && m_loaded && !m_busy;
    m_resetButton->setEnabled(writable && !m_offsets.offsets.isEmpty());
    m_resetButton->setText(m_previewed == Pending::Reset ? QStringLiteral("&Reset all now")
            : m_state == QLatin1String("STOPPED")        ? QStringLiteral("&Reset all…")
                                                         : QStringLiteral("Stop and &reset all…"));
    m_applyButton->setEnabled(writable && !m_offsets.offsets.isEmpty());
    m_applyButton->setText(
        m_previewed == Pending::Alter ? QStringLiteral("&Apply edits now") : QStringLiteral("&Apply edits…"));
    m_resumeButton->setVisible(m_state == QLatin1String("STOPPED") || m_state == QLatin1String("PAUSED"));
    m_resumeButton->setEnabled(!m_session->isReadOnly() && !m_busy);
    if (m_session->isReadOnly()) {
        for (auto* b : { m_resetButton, m_applyButton, m_resumeButton })
            b->setToolTip(m_session->writeRefusal());
    }
}

QString ConnectorOffsetsDialog::info() const
{
    return m_ui->infoLabel->text();
}

QString ConnectorOffsetsDialog::preview() const
{
    return m_ui->previewLabel->isVisibleTo(this) ? m_ui->previewLabel->text() : QString();
}

QString ConnectorOffsetsDialog::message() const
{
    return m_ui->statusLabel->isVisibleTo(this) ? m_ui->statusLabel->text() : QString();
}

void ConnectorOffsetsDialog::say(int kind, const QString& text)
{
    inline_message::show(m_ui->statusLabel, inline_message::Kind(kind), text);
}

} // namespace kafscope
