#include "models/topicfilterproxy.h"

#include "models/topicmodel.h"

namespace kafscope {

TopicFilterProxy::TopicFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TopicModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TopicFilterProxy::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateFilter();
}

void TopicFilterProxy::setShowInternal(bool show)
{
    if (show == m_showInternal)
        return;
    m_showInternal = show;
    invalidateFilter();
}

bool TopicFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, TopicModel::NameColumn, sourceParent);
    if (!m_showInternal && index.data(TopicModel::IsInternalRole).toBool())
        return false;
    if (m_filterText.isEmpty())
        return true;
    return index.data(TopicModel::NameRole).toString().contains(m_filterText, Qt::CaseInsensitive);
}

} // namespace kafscope
