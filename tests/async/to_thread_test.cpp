// to_thread / run_in_executor: work on the pool, completion on the loop thread.
// Expectations are lines printed by tests/async/cpython/to_thread_orders.py (CPython 3.12.1).
#include "async/to_thread.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <utility>

#include "async/sleep.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

struct ToThreadTest : testing::AsyncTest {
    std::thread::id loop_thread = std::this_thread::get_id();

    // Work that says whether it ran off the loop thread.
    auto blocking(int value) {
        return [this, value] {
            return std::pair<int, bool>(value, std::this_thread::get_id() != loop_thread);
        };
    }

    // The script notes when the posted wake-up callback runs; here the trace tells: the job's
    // future (JobFuture) is completed by that callback (FutureDone). The note goes in its place.
    std::string notes_with_wake_up() {
        std::uint32_t future = 0;
        std::uint32_t iteration = 0;
        for (const trace::Event& event : loop.recorder().events()) {
            if (event.kind == trace::EventKind::JobFuture) {
                future = event.object;
            } else if (event.kind == trace::EventKind::FutureDone && event.subject == future &&
                       future != 0) {
                iteration = event.iteration;
            }
        }
        const std::string wake_up = "wake-up callback runs@" + std::to_string(iteration);
        std::vector<std::string> merged;
        bool placed = false;
        for (const std::string& entry : log) {
            const auto at =
                static_cast<std::uint32_t>(std::stoul(entry.substr(entry.rfind('@') + 1)));
            if (!placed && at > iteration) {
                merged.push_back(wake_up);
                placed = true;
            }
            merged.push_back(entry);
        }
        if (!placed) {
            merged.push_back(wake_up);
        }
        std::string joined;
        for (const std::string& entry : merged) {
            joined += (joined.empty() ? "" : " ") + entry;
        }
        return joined;
    }

    static std::string python_bool(bool value) { return value ? "True" : "False"; }
};

// to_thread_orders.py to_thread_resumes_after_the_wake_up
TEST_F(ToThreadTest, ResumesInTheIterationAfterTheWakeUpCallback) {
    auto main = [&]() -> Coro<void> {
        note("main submits");
        const auto [value, on_worker] = co_await to_thread(blocking(7));
        note("main resumes value=" + std::to_string(value) +
             " on_worker=" + python_bool(on_worker));
    };
    run(scheduler, main());
    EXPECT_EQ(notes_with_wake_up(),
              "main submits@1 wake-up callback runs@2 main resumes value=7 on_worker=True@3");
}

// to_thread_orders.py run_in_executor_future
TEST_F(ToThreadTest, RunInExecutorReturnsAFutureCompletedOnTheLoopThread) {
    std::thread::id completed_on;
    auto main = [&]() -> Coro<void> {
        Future<std::pair<int, bool>> future = run_in_executor(loop, blocking(8));
        note("future done=" + python_bool(future.done()));
        future.add_done_callback([&] { completed_on = std::this_thread::get_id(); });
        const auto [value, on_worker] = co_await future;
        note("main resumes value=" + std::to_string(value) +
             " on_worker=" + python_bool(on_worker));
    };
    run(scheduler, main());
    EXPECT_EQ(notes_with_wake_up(),
              "future done=False@1 wake-up callback runs@2 main resumes value=8 on_worker=True@3");
    EXPECT_EQ(completed_on, loop_thread);
}

// to_thread_orders.py to_thread_error_propagates
TEST_F(ToThreadTest, AnErrorInTheThreadReachesTheAwaiter) {
    auto main = [&]() -> Coro<void> {
        try {
            co_await to_thread([]() -> int { throw ValueError("in thread"); });
        } catch (const ValueError& error) {
            note(std::string("main caught ") + error.what());
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes_with_wake_up(), "wake-up callback runs@2 main caught in thread@3");
}

TEST_F(ToThreadTest, ACancelledAwaiterDropsTheResult) {
    auto main = [&]() -> Coro<void> {
        Future<int> future = run_in_executor(loop, [] { return 1; });
        future.cancel();
        co_await sleep(milliseconds(10));
        EXPECT_TRUE(future.cancelled());
    };
    run(scheduler, main());
}

}  // namespace
}  // namespace loopscope
