#pragma once
// Filters TopicModel rows by a name substring and hides or shows internal topics; sorts by TopicModel::SortRole.

#include <QSortFilterProxyModel>

namespace kafscope {

class TopicFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TopicFilterProxy(QObject* parent = nullptr);

    // Case-insensitive substring of the topic name (trimmed); empty shows every topic. A plain substring test, not a
    // regular expression: it runs live against 10,000 topics, and the '.' in topic names is meant literally.
    void setFilterText(const QString& text);
    QString filterText() const { return m_filterText; }

    // Internal topics (__consumer_offsets, __transaction_state) are shown by default: they are part of the cluster an
    // operator inspects. The topics page offers a toggle to hide them.
    void setShowInternal(bool show);
    bool showInternal() const { return m_showInternal; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_filterText;
    bool m_showInternal = true;
};

} // namespace kafscope
