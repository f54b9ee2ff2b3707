#pragma once
// Runs the event loop until an asynchronous admin call delivers its result. The guard only stops a hung test from
// hanging the suite; it is not a speed requirement.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <functional>
#include <optional>

namespace kafscope::test {

template <typename Result, typename Start> std::optional<Result> waitFor(Start start, int guardMs = 60000)
{
    std::optional<Result> result;
    QEventLoop loop;
    QTimer::singleShot(guardMs, &loop, &QEventLoop::quit);
    start([&](const Result& r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return result;
}

// Turns the event loop until pred() holds; false after guardMs (the guard only stops a hung test).
inline bool waitUntil(const std::function<bool()>& pred, int guardMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!pred()) {
        if (timer.elapsed() > guardMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return true;
}

} // namespace kafscope::test
