#pragma once
// Tall forms on small screens (a 1366x768 laptop): the form scrolls inside its window instead of pushing the window's
// buttons below the screen's edge, and on a screen big enough nothing scrolls.
#include <QEvent>
#include <QLayout>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <algorithm>

namespace kafscope {

// A scroll area that asks for its content's whole size (so a window opens without scroll bars when the screen has
// room) but can shrink to a few rows. Only vertical scrolling: the content keeps its minimum width.
class FitScrollArea : public QScrollArea
{
public:
    explicit FitScrollArea(QWidget* content, QWidget* parent = nullptr)
        : QScrollArea(parent)
    {
        setWidgetResizable(true);
        setFrameShape(QFrame::NoFrame);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setWidget(content);
    }

    QSize sizeHint() const override
    {
        const QWidget* content = widget();
        if (!content)
            return QScrollArea::sizeHint();
        const QSize hint = content->sizeHint();
        const int height = content->hasHeightForWidth() ? content->heightForWidth(hint.width()) : hint.height();
        return { hint.width() + 2 * frameWidth() + verticalScrollBar()->sizeHint().width(),
            std::max(height, hint.height()) + 2 * frameWidth() };
    }

    // The content's rows came or went: the window's layout must ask again (it keeps a size hint until told).
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }

    QSize minimumSizeHint() const override
    {
        const QWidget* content = widget();
        if (!content)
            return QScrollArea::minimumSizeHint();
        const QSize least = content->minimumSizeHint();
        return { least.width() + 2 * frameWidth() + verticalScrollBar()->sizeHint().width(),
            std::min(least.height(), 6 * fontMetrics().lineSpacing()) + 2 * frameWidth() };
    }
};

// Sizes a window to its size hint's height, at most the height of the screen it is on (less its frame).
inline void fitHeightToScreen(QWidget* window)
{
    for (auto* area : window->findChildren<QScrollArea*>()) {
        if (QWidget* content = area->widget(); content && content->layout())
            content->layout()->activate();
        area->updateGeometry();
    }
    if (window->layout())
        window->layout()->activate();
    int height = window->sizeHint().height();
    if (const QScreen* screen = window->screen()) {
        const int frame = window->frameGeometry().height() - window->geometry().height();
        height = std::min(height, screen->availableGeometry().height() - std::max(frame, 32));
    }
    window->resize(window->width(), std::max(height, window->minimumSizeHint().height()));
}

} // namespace kafscope
