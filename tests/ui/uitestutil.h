#pragma once
#include "kafka/background.h"

#include <cstdio>
// Shared by the UI tests: widget lookups by object name and a test main that forces the offscreen platform before
// QApplication exists, so running a test binary by hand needs no display either.

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>
#include <functional>

namespace kafscope::test {

// Designer children are private to their page; tests reach them by the object name the .ui file gives them.
template <typename T> T* child(const QObject* parent, const char* name)
{
    auto* widget = parent->findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qWarning("No child %s named %s", T::staticMetaObject.className(), name);
    return widget;
}

// The first visible label below `parent` whose text contains `text`; nullptr when there is none.
inline QLabel* visibleLabelContaining(const QWidget* parent, const QString& text)
{
    const auto labels = parent->findChildren<QLabel*>();
    for (auto* label : labels)
        if (label->isVisible() && label->text().contains(text))
            return label;
    return nullptr;
}

// True when pred() holds now and keeps holding while the event loop turns for ms: "nothing more arrives". Not a
// synchronisation (that is QTRY_*): it checks that something does not happen.
inline bool holdsFor(const std::function<bool()>& pred, int ms)
{
    if (!pred())
        return false;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QTest::qWait(10);
        if (!pred())
            return false;
    }
    return true;
}

// With KAFSCOPE_SCREENSHOT_DIR set, saves what `widget` looks like there (to look at a dialog as a user would).
inline void saveScreenshot(QWidget* widget, const QString& fileName)
{
    const auto dir = qEnvironmentVariable("KAFSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + fileName);
}

// After the tests: everything the windows left winding down must finish (a generous bound: a hang fails the run).
inline int finishBackgroundWork(int code)
{
    if (!kafscope::waitForBackgroundWork(std::chrono::seconds(30))) {
        std::fprintf(
            stderr, "FAIL: background work (tails, producers, admin threads) still running 30 s after the tests\n");
        return code ? code : 1;
    }
    return code;
}

} // namespace kafscope::test

// QTEST_MAIN for widgets, plus the offscreen platform and test-mode standard paths (nothing under the user's
// config directory is touched even if some code falls back to a default QSettings).
#define KAFSCOPE_UI_TEST_MAIN(TestClass)                                                                               \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        qputenv("QT_QPA_PLATFORM", "offscreen");                                                                       \
        QStandardPaths::setTestModeEnabled(true);                                                                      \
        QApplication app(argc, argv);                                                                                  \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));                                         \
        int code = 0;                                                                                                  \
        {                                                                                                              \
            TestClass test;                                                                                            \
            QTEST_SET_MAIN_SOURCE_PATH                                                                                 \
            code = QTest::qExec(&test, argc, argv);                                                                    \
        }                                                                                                              \
        return kafscope::test::finishBackgroundWork(code);                                                             \
    }
