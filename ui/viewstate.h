#pragma once
// Header and splitter state the user chose, remembered across runs (in Settings, with the window state's version):
// saved only once the user changed it (dragging a header section or a splitter handle), so code that sizes columns
// to their contents never overwrites a choice, and restored when the page is set up.
#include <QObject>

class QHeaderView;
class QSplitter;

namespace kafscope {

class Settings;

// Restores `header`'s saved state (if any), then saves it whenever the user resizes or moves a section.
void rememberHeader(Settings* settings, const QString& key, QHeaderView* header);
// Restores `splitter`'s saved sizes (if any), then saves them whenever the user drags a handle.
void rememberSplitter(Settings* settings, const QString& key, QSplitter* splitter);

} // namespace kafscope
