#include "kafka/background.h"

#include <QDeadlineTimer>
#include <QThread>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <list>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace kafscope {

struct BackgroundTask::State
{
    std::mutex mutex;
    std::condition_variable cv;
    bool finished = false;
};

namespace {

struct Registry
{
    std::mutex mutex;
    std::list<std::pair<std::thread, std::shared_ptr<BackgroundTask::State>>> threads; // the thread and its task state
    std::list<QThread*> qthreads;
};

Registry& registry()
{
    // Never destroyed: threads may still reach it while static destructors run after a bounded exit.
    static auto* r = new Registry;
    return *r;
}

} // namespace

bool BackgroundTask::isFinished() const
{
    if (!m_state)
        return true;
    std::lock_guard lock(m_state->mutex);
    return m_state->finished;
}

bool BackgroundTask::waitFor(std::chrono::milliseconds bound) const
{
    if (!m_state)
        return true;
    std::unique_lock lock(m_state->mutex);
    return m_state->cv.wait_for(lock, bound, [&] { return m_state->finished; });
}

BackgroundTask startBackground(const char* name, std::function<void()> body)
{
    BackgroundTask task;
    task.m_state = std::make_shared<BackgroundTask::State>();
    auto state = task.m_state;
    std::thread thread([state, name, body = std::move(body)] {
        pthread_setname_np(pthread_self(), name);
        body();
        std::lock_guard lock(state->mutex);
        state->finished = true;
        state->cv.notify_all();
    });
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    // Join the ones that are done, so a long session that starts many tails does not collect threads.
    for (auto it = r.threads.begin(); it != r.threads.end();) {
        auto* s = it->second.get();
        bool done;
        {
            std::lock_guard stateLock(s->mutex);
            done = s->finished;
        }
        if (done) {
            it->first.join(); // returns at once: the body has finished
            it = r.threads.erase(it);
        } else {
            ++it;
        }
    }
    r.threads.emplace_back(std::move(thread), std::move(state));
    return task;
}

void adoptFinishingThread(QThread* thread)
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.qthreads.push_back(thread);
}

bool waitForBackgroundWork(std::chrono::milliseconds bound)
{
    const QDeadlineTimer deadline(bound);
    auto& r = registry();
    std::unique_lock lock(r.mutex);
    auto threads = std::move(r.threads);
    auto qthreads = std::move(r.qthreads);
    lock.unlock();
    bool clean = true;
    for (auto& [thread, state] : threads) {
        auto* s = state.get();
        std::unique_lock stateLock(s->mutex);
        const bool done = s->cv.wait_for(stateLock,
            std::chrono::milliseconds(std::max<qint64>(0, deadline.remainingTime())), [&] { return s->finished; });
        stateLock.unlock();
        if (done) {
            thread.join();
        } else {
            clean = false;
            thread.detach(); // the process is about to end
        }
    }
    for (QThread* thread : qthreads) {
        if (thread->wait(deadline))
            delete thread;
        else
            clean = false; // left running: deleting a running QThread aborts
    }
    return clean;
}

int exitAfterBackgroundWork(int code, std::chrono::milliseconds bound)
{
    if (waitForBackgroundWork(bound))
        return code;
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(code);
}

int runningBackgroundWork()
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    int running = 0;
    for (auto& [thread, state] : r.threads) {
        auto* s = state.get();
        std::lock_guard stateLock(s->mutex);
        running += !s->finished;
    }
    for (QThread* thread : r.qthreads)
        running += !thread->isFinished();
    return running;
}

} // namespace kafscope
