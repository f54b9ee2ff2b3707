#pragma once
// Work that may outlive the object that started it: a data-plane thread still closing its librdkafka handle, the
// admin thread tearing down sockets and the demo cluster. Owners never wait for it without a bound (the GUI thread
// never waits on the network); they let go of it, and main() gives whatever is left a bounded time at exit
// (waitForBackgroundWork), so the process ends promptly and, when everything finished, cleanly.
#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace kafscope {

class BackgroundTask
{
public:
    struct State; // completion flag, shared by the thread and every handle
    BackgroundTask() = default;
    bool isValid() const { return bool(m_state); }
    bool isFinished() const;
    // Waits at most `bound`; true when the task has finished.
    bool waitFor(std::chrono::milliseconds bound) const;

private:
    friend BackgroundTask startBackground(const char* name, std::function<void()> body);
    std::shared_ptr<State> m_state;
};

// Runs body on a thread of its own. The thread is joined by whoever asks first, or by waitForBackgroundWork().
BackgroundTask startBackground(const char* name, std::function<void()> body);

// Takes a QThread whose event loop was told to quit: it is deleted once it has finished (in waitForBackgroundWork,
// or earlier by a later call of this function).
void adoptFinishingThread(QThread* thread);

// Called once at exit, on the main thread, after the windows are gone: joins what finishes within `bound`. True
// when nothing is left running; otherwise the caller should end the process without running static destructors.
bool waitForBackgroundWork(std::chrono::milliseconds bound);
// The end of a main(): waitForBackgroundWork(bound), then returns `code` when everything finished, or ends the
// process at once with `code` (std::_Exit, after flushing stdio) when something is still running, because static
// destructors must not run under threads that are still working.
int exitAfterBackgroundWork(int code, std::chrono::milliseconds bound);
// What the executables give background work at exit: the process is gone within 2 s of the window's close.
inline constexpr std::chrono::milliseconds kExitGraceMs { 1500 };
// How many started tasks and adopted threads have not finished yet.
int runningBackgroundWork();

} // namespace kafscope
