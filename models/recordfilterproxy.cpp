#include "models/recordfilterproxy.h"

#include "models/recordmodel.h"

#include <algorithm>
#include <functional>

namespace kafscope {

namespace {

constexpr uchar foldAscii(uchar c)
{
    return (c >= 'A' && c <= 'Z') ? uchar(c + ('a' - 'A')) : c;
}

struct FoldedHash
{
    size_t operator()(char c) const { return foldAscii(uchar(c)); }
};

struct FoldedEqual
{
    bool operator()(char a, char b) const { return foldAscii(uchar(a)) == foldAscii(uchar(b)); }
};

} // namespace

RecordFilterProxy::RecordFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // Sorting only when the user clicks a header; until then rows stay in arrival order (sort column -1).
    setSortRole(RecordModel::SortRole);
    setDynamicSortFilter(true);
}

void RecordFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    m_records = qobject_cast<RecordModel*>(model);
    Q_ASSERT(!model || m_records);
    QSortFilterProxyModel::setSourceModel(model);
}

void RecordFilterProxy::setPartitions(const QSet<int32_t>& partitions)
{
    if (partitions == m_partitions)
        return;
    m_partitions = partitions;
    invalidateFilter();
}

void RecordFilterProxy::setKeyFilter(KeyMatch mode, const QString& text)
{
    if (mode == m_keyMatch && text == m_keyText)
        return;
    m_keyMatch = mode;
    m_keyText = text;
    m_keyBytes = text.toUtf8();
    invalidateFilter();
}

void RecordFilterProxy::setValueContains(const QString& text)
{
    if (text == m_valueText)
        return;
    m_valueText = text;
    m_valueBytes = text.toUtf8();
    invalidateFilter();
}

bool RecordFilterProxy::isFiltering() const
{
    return !m_partitions.isEmpty() || !m_keyBytes.isEmpty() || !m_valueBytes.isEmpty();
}

bool RecordFilterProxy::containsBytes(QByteArrayView haystack, QByteArrayView needle, qsizetype limit)
{
    if (needle.isEmpty())
        return true;
    haystack = haystack.first(std::min(haystack.size(), limit));
    if (needle.size() > haystack.size())
        return false;
    // Boyer-Moore-Horspool over ASCII-folded bytes: sublinear on typical text, no allocation per row, and no
    // decoding (multi-byte UTF-8 sequences never contain ASCII bytes, so folding cannot create false matches).
    const std::boyer_moore_horspool_searcher searcher(needle.begin(), needle.end(), FoldedHash(), FoldedEqual());
    return std::search(haystack.begin(), haystack.end(), searcher) != haystack.end();
}

bool RecordFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_records || sourceParent.isValid() || !isFiltering())
        return true;
    const Record& r = m_records->record(sourceRow);

    if (!m_partitions.isEmpty() && !m_partitions.contains(r.partition()))
        return false;
    if (!m_keyBytes.isEmpty()) {
        if (r.keyIsNull())
            return false;
        const bool match = m_keyMatch == KeyMatch::Equals ? r.key() == QByteArrayView(m_keyBytes)
                                                          : containsBytes(r.key(), m_keyBytes, kValueSearchLimit);
        if (!match)
            return false;
    }
    if (!m_valueBytes.isEmpty()) {
        if (r.valueIsNull() || !containsBytes(r.value(), m_valueBytes, kValueSearchLimit))
            return false;
    }
    return true;
}

} // namespace kafscope
