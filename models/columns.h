#pragma once
// Scaffolding every table model shares: a column table (title, tooltip, alignment) that drives headerData(), and
// the one span of changed rows a model reports after an in-place update.
#include <QAbstractItemModel>
#include <QString>
#include <array>

namespace kafscope {

struct ColumnSpec
{
    const char* title;
    const char* toolTip;
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter; // numbers: Qt::AlignRight | Qt::AlignVCenter
};

constexpr Qt::Alignment kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;

// headerData() of a model whose columns are `columns` (indexed by its Column enum): title and tooltip.
template <std::size_t N>
QVariant columnHeader(const std::array<ColumnSpec, N>& columns, int section, Qt::Orientation orientation, int role)
{
    if (orientation != Qt::Horizontal || section < 0 || section >= int(N))
        return {};
    const ColumnSpec& c = columns[std::size_t(section)];
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromUtf8(c.title);
    case Qt::ToolTipRole:
        return QString::fromUtf8(c.toolTip);
    case Qt::TextAlignmentRole: // titles stay left-aligned: a title that does not fit keeps its start
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

// A column's alignment, for data()'s Qt::TextAlignmentRole.
template <std::size_t N> QVariant columnAlignment(const std::array<ColumnSpec, N>& columns, int column)
{
    return column >= 0 && column < int(N) ? QVariant(int(columns[std::size_t(column)].alignment)) : QVariant();
}

// The rows an in-place update changed, as one span [first, last]. One dataChanged over the span, emitted after the
// whole update, not one per contiguous run: a sorting proxy that handled one run would binary-search among rows whose
// values had already moved, and misplace rows (seen with QSortFilterProxyModel sorted by Messages).
struct RowSpan
{
    int first = -1;
    int last = -1;
    bool isEmpty() const { return first < 0; }
};

template <typename Changed> RowSpan changedRows(qsizetype rowCount, Changed changed)
{
    RowSpan span;
    for (int row = 0; row < int(rowCount); ++row) {
        if (!changed(row))
            continue;
        span.first = span.first < 0 ? row : span.first;
        span.last = row;
    }
    return span;
}

} // namespace kafscope
