#pragma once
// Runs the event loop until an asynchronous admin call delivers its result. The guard only stops a hung test from
// hanging the suite; it is not a speed requirement.
#include <QEventLoop>
#include <QTimer>
#include <optional>

namespace kafscope::test {

template<typename Result, typename Start>
std::optional<Result> waitFor(Start start, int guardMs = 60000)
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

} // namespace kafscope::test
