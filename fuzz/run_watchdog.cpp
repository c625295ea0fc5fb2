#include "run_watchdog.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace loopscope::fuzz {

namespace {

using Clock = std::chrono::steady_clock;

// The one run being watched (stop == null: none), and the thread that watches it.
struct Watch {
    std::mutex mutex;
    std::condition_variable changed;
    std::atomic<bool>* stop = nullptr;
    Clock::time_point deadline;

    Watch() {
        std::thread([this] { watch_forever(); }).detach();
    }

    // Detached and never ended: the process ends with it (a fuzzer or the replay program).
    [[noreturn]] void watch_forever() {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [this] { return stop != nullptr; });
            std::atomic<bool>* const watched = stop;
            const bool disarmed =
                changed.wait_until(lock, deadline, [this, watched] { return stop != watched; });
            if (!disarmed) {
                watched->store(true);
                stop = nullptr;
            }
        }
    }
};

Watch& the_watch() {
    static auto* watch = new Watch;  // never destroyed: its thread may outlive static teardown
    return *watch;
}

}  // namespace

RunWatchdog::RunWatchdog(std::atomic<bool>& stop, std::chrono::milliseconds wall_time) {
    Watch& watch = the_watch();
    {
        const std::lock_guard lock(watch.mutex);
        watch.stop = &stop;
        watch.deadline = Clock::now() + wall_time;
    }
    watch.changed.notify_one();
}

RunWatchdog::~RunWatchdog() {
    Watch& watch = the_watch();
    {
        const std::lock_guard lock(watch.mutex);
        watch.stop = nullptr;
    }
    watch.changed.notify_one();
}

}  // namespace loopscope::fuzz
