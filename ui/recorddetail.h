#pragma once
// One record in full: key and value as text, pretty JSON when valid, a hex dump, the headers. Large values are
// shown capped, with the full value one click away, so selecting a 10 MB record never freezes the window.
#include "kafka/client/record.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace kafscope {

class RecordDetail : public QWidget
{
    Q_OBJECT
public:
    static constexpr qsizetype kTextCap = 256 * 1024;
    static constexpr qsizetype kHexCap = 64 * 1024;
    // "Show more": text widgets lay out every character they hold, so even on request the view stops here; the whole
    // value, byte for byte, is one "Save value…" away.
    static constexpr qsizetype kMoreTextCap = 1024 * 1024;
    static constexpr qsizetype kMoreHexCap = 256 * 1024;

    explicit RecordDetail(QWidget* parent = nullptr);

    void showRecord(const QString& topic, const Record& record);
    void clear();
    bool hasRecord() const { return m_hasRecord; }
    QString valueText() const; // what the Value tab shows now
    QString hexText() const;
    QString jsonText() const;
    void showFullValue(); // up to kMoreTextCap / kMoreHexCap
    // Writes the value's bytes, exactly; returns an error text, empty on success.
    QString saveValue(const QString& path) const;

private:
    void render(bool full);

    QLabel* m_title;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_value;
    QPlainTextEdit* m_json;
    QPlainTextEdit* m_hex;
    QPlainTextEdit* m_key;
    QTableWidget* m_headers;
    QPushButton* m_fullButton;
    QPushButton* m_saveButton;
    Record m_record;
    QString m_topic;
    bool m_hasRecord = false;
};

} // namespace kafscope
