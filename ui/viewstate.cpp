#include "ui/viewstate.h"

#include "ui/settings.h"

#include <QEvent>
#include <QHeaderView>
#include <QPointer>
#include <QSplitter>

namespace kafscope {

namespace {

// sectionResized() fires for code-driven resizes too; only a press-drag-release on the header is the user's.
class HeaderWatcher : public QObject
{
public:
    HeaderWatcher(Settings* settings, QString key, QHeaderView* header)
        : QObject(header)
        , m_settings(settings)
        , m_key(std::move(key))
        , m_header(header)
    {
        header->viewport()->installEventFilter(this);
        connect(header, &QHeaderView::sectionMoved, this, [this] { save(); }); // only the user moves our sections
    }

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::MouseButtonPress)
            m_before = m_header->saveState();
        else if (event->type() == QEvent::MouseButtonRelease && m_header->saveState() != m_before)
            save();
        return false;
    }

private:
    void save() { m_settings->saveViewState(m_key, m_header->saveState()); }

    Settings* m_settings;
    QString m_key;
    QHeaderView* m_header;
    QByteArray m_before;
};

} // namespace

void rememberHeader(Settings* settings, const QString& key, QHeaderView* header)
{
    if (const auto state = settings->viewState(key); !state.isEmpty())
        header->restoreState(state);
    new HeaderWatcher(settings, key, header);
}

void rememberSplitter(Settings* settings, const QString& key, QSplitter* splitter)
{
    if (const auto state = settings->viewState(key); !state.isEmpty())
        splitter->restoreState(state);
    // splitterMoved() is emitted for the user's drags only, never for setSizes().
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter,
        [settings, key, splitter] { settings->saveViewState(key, splitter->saveState()); });
}

} // namespace kafscope
