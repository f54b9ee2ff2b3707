#pragma once
// Filters the live pane's RecordModel by partition, key and value. Arrival order by default (no sort column); with
// dynamicSortFilter, new rows are filtered as they arrive and evicted rows simply leave, so streaming costs the new
// rows only. Filter changes re-filter every row: the widget debounces them (300 ms).
//
// Matching runs on the raw bytes, never on display text: the needle is encoded as UTF-8 and searched with ASCII
// letters case-insensitive (other characters match exactly; no Unicode case folding, which would mean decoding every
// value). Values are searched in their first kValueSearchLimit bytes only, so a topic of 10 MB values filters in
// bounded time; a match beyond the first MB is not found.

#include "kafka/client/record.h"

#include <QByteArray>
#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>

namespace kafscope {

class RecordModel;

class RecordFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class KeyMatch {
        Equals, // the key's bytes equal the text's UTF-8 exactly (case-sensitive: keys are ids)
        Contains, // the text occurs in the key (ASCII case-insensitive)
    };
    static constexpr qsizetype kValueSearchLimit = 1024 * 1024;

    explicit RecordFilterProxy(QObject* parent = nullptr);

    // Must be a RecordModel (asserted); other models show unfiltered.
    void setSourceModel(QAbstractItemModel* model) override;

    // Only records of these partitions; empty shows all.
    void setPartitions(const QSet<int32_t>& partitions);
    QSet<int32_t> partitions() const { return m_partitions; }

    // Empty text: no key filter. A null key never matches a non-empty filter; an empty key matches nothing either
    // (the text is not empty).
    void setKeyFilter(KeyMatch mode, const QString& text);
    KeyMatch keyMatch() const { return m_keyMatch; }
    QString keyText() const { return m_keyText; }

    // Empty text: no value filter. Null values never match a non-empty filter.
    void setValueContains(const QString& text);
    QString valueText() const { return m_valueText; }

    bool isFiltering() const;
    int shownCount() const { return rowCount(); }

    // Whether the bytes contain the needle (UTF-8), ASCII letters case-insensitive, searching at most limit bytes.
    // Public for the detail view's highlight and for tests.
    static bool containsBytes(QByteArrayView haystack, QByteArrayView needle, qsizetype limit);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QPointer<RecordModel> m_records;
    QSet<int32_t> m_partitions;
    KeyMatch m_keyMatch = KeyMatch::Contains;
    QString m_keyText;
    QByteArray m_keyBytes; // m_keyText as UTF-8, encoded once per filter change rather than per row
    QString m_valueText;
    QByteArray m_valueBytes;
};

} // namespace kafscope
