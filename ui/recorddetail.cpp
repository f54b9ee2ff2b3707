#include "ui/recorddetail.h"

#include "models/partitioncolors.h"
#include "models/recordformat.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kafscope {

namespace {
QPlainTextEdit* makeViewer(bool monospace)
{
    auto* edit = new QPlainTextEdit;
    edit->setReadOnly(true);
    edit->setLineWrapMode(monospace ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    if (monospace)
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}
} // namespace

RecordDetail::RecordDetail(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_tabs(new QTabWidget)
    , m_value(makeViewer(false))
    , m_json(makeViewer(true))
    , m_hex(makeViewer(true))
    , m_key(makeViewer(false))
    , m_headers(new QTableWidget)
    , m_fullButton(new QPushButton(QStringLiteral("Show more")))
    , m_saveButton(new QPushButton(QStringLiteral("Save value…")))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_fullButton);
    buttons->addWidget(m_saveButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_tabs->addTab(m_value, QStringLiteral("Value"));
    m_tabs->addTab(m_json, QStringLiteral("JSON"));
    m_tabs->addTab(m_hex, QStringLiteral("Hex"));
    m_tabs->addTab(m_key, QStringLiteral("Key"));
    m_tabs->addTab(m_headers, QStringLiteral("Headers"));
    m_headers->setColumnCount(2);
    m_headers->setHorizontalHeaderLabels({ QStringLiteral("Key"), QStringLiteral("Value") });
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->setVisible(false);
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fullButton->setVisible(false);
    connect(m_fullButton, &QPushButton::clicked, this, &RecordDetail::showFullValue);
    m_saveButton->setToolTip(QStringLiteral("Write the value's bytes to a file, exactly as stored in Kafka"));
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getSaveFileName(this, QStringLiteral("Save value"),
            QStringLiteral("%1-p%2-o%3.bin").arg(m_topic).arg(m_record.partition()).arg(m_record.offset()));
        if (path.isEmpty())
            return;
        if (const auto error = saveValue(path); !error.isEmpty())
            m_title->setText(error.toHtmlEscaped());
    });
    clear();
}

void RecordDetail::clear()
{
    m_hasRecord = false;
    m_record = {};
    m_title->setText(QStringLiteral("Select a record to see it in full."));
    m_value->clear();
    m_json->clear();
    m_hex->clear();
    m_key->clear();
    m_headers->setRowCount(0);
    m_fullButton->setVisible(false);
    m_saveButton->setEnabled(false);
}

void RecordDetail::showRecord(const QString& topic, const Record& record)
{
    m_topic = topic;
    m_record = record.clone(); // the model may evict its copy while this one is on screen
    m_hasRecord = true;
    render(false);
}

void RecordDetail::showFullValue()
{
    if (m_hasRecord)
        render(true);
}

void RecordDetail::render(bool full)
{
    const auto& r = m_record;
    const auto when = QDateTime::fromMSecsSinceEpoch(r.timestamp());
    m_title->setText(
        QStringLiteral("<span style='background:%1;color:%2'>&nbsp;P%3&nbsp;</span> <b>%4</b> offset %5 · "
                       "%6 (%7) · key %8 · value %9 · %10 header(s)")
            .arg(partitionColor(r.partition()).name(), partitionTextColor(r.partition()).name())
            .arg(r.partition())
            .arg(m_topic.toHtmlEscaped())
            .arg(r.offset())
            .arg(when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")), timestampTypeName(r.timestampType()))
            .arg(r.keyIsNull() ? QStringLiteral("null") : record_format::humanSize(r.key().size()),
                r.valueIsNull() ? QStringLiteral("null") : record_format::humanSize(r.value().size()))
            .arg(r.headerCount()));
    const qsizetype textCap = full ? kMoreTextCap : kTextCap;
    const qsizetype hexCap = full ? kMoreHexCap : kHexCap;
    m_value->setPlainText(r.valueIsNull()
            ? QStringLiteral("(null value: a tombstone)")
            : record_format::text(r.value(), textCap).value_or(QStringLiteral("(not valid UTF-8: see the Hex tab)")));
    const auto json = r.valueIsNull() ? std::nullopt : record_format::prettyJson(r.value(), textCap);
    m_json->setPlainText(json.value_or(QStringLiteral("(not JSON)")));
    m_tabs->setTabEnabled(1, json.has_value());
    m_hex->setPlainText(r.valueIsNull() ? QString() : record_format::hexDump(r.value(), hexCap));
    m_key->setPlainText(r.keyIsNull() ? QStringLiteral("(null key)")
                                      : record_format::text(r.key(), kTextCap).value_or(QStringLiteral("(binary key)"))
                + QStringLiteral("\n\n") + record_format::hexDump(r.key(), kHexCap));
    const auto headers = r.headers();
    m_headers->setRowCount(int(headers.size()));
    for (int i = 0; i < headers.size(); ++i) {
        m_headers->setItem(i, 0, new QTableWidgetItem(headers[i].key));
        m_headers->setItem(i, 1,
            new QTableWidgetItem(
                headers[i].valueIsNull ? QStringLiteral("(null)") : record_format::preview(headers[i].value, false)));
    }
    m_tabs->setTabText(4, QStringLiteral("Headers (%1)").arg(headers.size()));
    m_fullButton->setVisible(!full && !r.valueIsNull() && r.value().size() > kHexCap);
    m_fullButton->setText(QStringLiteral("Show more (up to %1 of %2)")
                              .arg(record_format::humanSize(kMoreTextCap), record_format::humanSize(r.value().size())));
    m_saveButton->setEnabled(!r.valueIsNull());
}

QString RecordDetail::saveValue(const QString& path) const
{
    if (!m_hasRecord || m_record.valueIsNull())
        return QStringLiteral("This record has no value to save.");
    QSaveFile file(path);
    const auto value = m_record.value();
    if (!file.open(QIODevice::WriteOnly) || file.write(value.data(), value.size()) != value.size() || !file.commit())
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString RecordDetail::valueText() const
{
    return m_value->toPlainText();
}

QString RecordDetail::hexText() const
{
    return m_hex->toPlainText();
}

QString RecordDetail::jsonText() const
{
    return m_json->toPlainText();
}

} // namespace kafscope
