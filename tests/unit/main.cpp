// GoogleTest main with a QCoreApplication, so tests can run event loops (sockets, timers, queued calls).
#include "kafka/background.h"

#include <QCoreApplication>
#include <cstdio>
#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    const int code = RUN_ALL_TESTS();
    // What the tests left winding down (tails, producers) must finish: a hang fails the run.
    if (!kafscope::waitForBackgroundWork(std::chrono::seconds(30))) {
        std::fprintf(stderr, "FAIL: background work still running 30 s after the tests\n");
        return code ? code : 1;
    }
    return code;
}
