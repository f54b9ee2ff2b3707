#pragma once
// Common set-up of the app's table views, so every table behaves the same: fixed row heights, long text elided in
// the middle with the whole text as a tooltip, and columns sized to their contents within a cap.
#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableView>

namespace kafscope {

void setupTableView(QTableView* view, QAbstractItemModel* model);

// Sizes each visible column to its contents and header, text columns at most maxWidth (the rest elides, with a
// tooltip), number columns (right-aligned cells) always whole. growOnly: never narrower than now (call it again when
// the numbers grew, e.g. once offsets arrived).
void fitColumns(QTableView* view, int maxWidth = 320, bool growOnly = false);

} // namespace kafscope
