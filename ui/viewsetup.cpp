#include "ui/viewsetup.h"

#include <QHelpEvent>
#include <QStyledItemDelegate>
#include <QToolTip>

namespace kafscope {

namespace {

constexpr int kNumberTitleMax = 80;

// Shows a cell's whole text as its tooltip when the view had to elide it and the model offers no tooltip of its own.
class ElidedToolTipDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
        const QModelIndex& index) override
    {
        if (event->type() == QEvent::ToolTip && !index.data(Qt::ToolTipRole).isValid()) {
            const QString text = index.data(Qt::DisplayRole).toString();
            const int needed = option.fontMetrics.horizontalAdvance(text) + 8;
            if (!text.isEmpty() && needed > option.rect.width()) {
                QToolTip::showText(event->globalPos(), text.left(2000), view);
                return true;
            }
        }
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }
};

} // namespace

void setupTableView(QTableView* view, QAbstractItemModel* model)
{
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle); // topic and config names differ at their ends
    view->setItemDelegate(new ElidedToolTipDelegate(view));
    view->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never measures rows, which keeps 100k-row tables fast.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionsMovable(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    view->horizontalHeader()->setDefaultSectionSize(96);
    view->horizontalHeader()->setMinimumSectionSize(48);
}

void fitColumns(QTableView* view, int maxWidth, bool growOnly)
{
    auto* model = view->model();
    auto* header = view->horizontalHeader();
    if (!model)
        return;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        // sizeHintForColumn looks at the rows in view (and a bounded sample), so this stays fast on big tables.
        const int content = static_cast<QAbstractItemView*>(view)->sizeHintForColumn(column);
        const int title = header->sectionSizeHint(column);
        // Right-aligned cells are numbers (models align them so: models/columns.h).
        const bool number
            = model->rowCount() > 0 && (model->index(0, column).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight);
        // A number is never cut; a long title over short numbers ("Under-replicated" over "0") may elide (its tooltip
        // says it whole) rather than push the other columns out of view.
        int width = number ? std::max(content, std::min(title, kNumberTitleMax))
                           : std::min(std::max(content, title), maxWidth);
        if (growOnly)
            width = std::max(width, header->sectionSize(column));
        header->resizeSection(column, width);
    }
}

} // namespace kafscope
