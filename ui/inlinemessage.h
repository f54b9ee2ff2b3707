#pragma once
// Inline messages inside pages (instead of modal boxes): the window stays usable while an error is shown.
#include <QLabel>

namespace kafscope::inline_message {

enum class Kind { Info, Warning, Error };

inline void show(QLabel* label, Kind kind, const QString& text)
{
    static const char* const styles[] = {
        "QLabel { background: #e8f0fe; border: 1px solid #aecbfa; border-radius: 4px; padding: 6px; }",
        "QLabel { background: #fef7e0; border: 1px solid #f9d67a; border-radius: 4px; padding: 6px; }",
        "QLabel { background: #fce8e6; border: 1px solid #f4a9a2; border-radius: 4px; padding: 6px; color: #7a1a12; }",
    };
    label->setStyleSheet(QString::fromLatin1(styles[int(kind)]));
    label->setText(text);
    label->setVisible(true);
}

inline void hide(QLabel* label)
{
    label->clear();
    label->setVisible(false);
}

} // namespace kafscope::inline_message
