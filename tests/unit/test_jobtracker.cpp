// JobTracker (issue #6): one mechanism for work off the GUI thread; results of superseded or cancelled jobs are
// dropped, the current job's result arrives in the owner's thread.
#include "kafka/jobtracker.h"
#include "waitfor.h"

#include <QThread>
#include <atomic>
#include <gtest/gtest.h>
#include <semaphore>

using namespace kafscope;
using kafscope::test::waitUntil;

TEST(JobTracker, ResultArrivesInTheOwnersThreadAndTheWorkRanElsewhere)
{
    JobTracker jobs;
    QThread* workThread = nullptr;
    QThread* doneThread = nullptr;
    int result = 0;
    jobs.start(
        [&] {
            workThread = QThread::currentThread();
            return 42;
        },
        [&](int value) {
            doneThread = QThread::currentThread();
            result = value;
        });
    EXPECT_TRUE(jobs.isRunning());
    ASSERT_TRUE(waitUntil([&] { return result != 0; }));
    EXPECT_EQ(result, 42);
    EXPECT_EQ(doneThread, QThread::currentThread());
    EXPECT_NE(workThread, QThread::currentThread());
    EXPECT_FALSE(jobs.isRunning());
}

TEST(JobTracker, ANewerJobDropsTheOlderOnesResult)
{
    JobTracker jobs;
    std::binary_semaphore release(0);
    QStringList delivered;
    jobs.start(
        [&] {
            release.acquire(); // finishes only after the newer job was started
            return QStringLiteral("old");
        },
        [&](const QString& v) { delivered.append(v); });
    jobs.start([] { return QStringLiteral("new"); }, [&](const QString& v) { delivered.append(v); });
    release.release();
    ASSERT_TRUE(waitUntil([&] { return !jobs.isRunning(); }));
    EXPECT_EQ(delivered, QStringList { QStringLiteral("new") });
}

TEST(JobTracker, CancelDropsTheResult)
{
    JobTracker jobs;
    bool called = false;
    jobs.start([] { return 1; }, [&](int) { called = true; });
    jobs.cancel();
    ASSERT_TRUE(waitUntil([&] { return !jobs.isRunning(); }));
    EXPECT_FALSE(called);
}
