// The loop's thread pool: jobs run on workers, completions come back to the loop thread.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "loop/event_loop.h"
#include "loop/loop_test_support.h"

namespace loopscope {
namespace {

TEST(ExecutorTest, JobRunsOnAWorkerAndCompletesOnTheLoopThread) {
    EventLoop loop;
    std::thread::id worker_thread;
    std::thread::id finished_on;
    loop.run_in_executor([&] { worker_thread = std::this_thread::get_id(); },
                         [&](std::exception_ptr error) {
                             EXPECT_FALSE(error);
                             finished_on = std::this_thread::get_id();
                             loop.stop();
                         });
    loop.run_forever();
    EXPECT_NE(worker_thread, std::this_thread::get_id());
    EXPECT_EQ(finished_on, std::this_thread::get_id());
}

TEST(ExecutorTest, ExceptionFromAJobReachesItsCompletion) {
    EventLoop loop;
    std::string error_text;
    loop.run_in_executor([] { throw std::runtime_error("disk on fire"); },
                         [&](std::exception_ptr error) {
                             try {
                                 std::rethrow_exception(error);
                             } catch (const std::runtime_error& e) {
                                 error_text = e.what();
                             }
                             loop.stop();
                         });
    loop.run_forever();
    EXPECT_EQ(error_text, "disk on fire");
}

TEST(ExecutorTest, WorkersStartOnlyWhenNeededUpToTheLimit) {
    EventLoop loop(EventLoopOptions{.clock = nullptr, .executor_workers = 3});
    EXPECT_EQ(loop.executor().threads_started(), 0u);
    std::atomic<int> running{0};
    std::atomic<int> most_at_once{0};
    int finished = 0;
    for (int i = 0; i < 8; ++i) {
        loop.run_in_executor(
            [&] {
                const int now = ++running;
                int seen = most_at_once.load();
                while (now > seen && !most_at_once.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                --running;
            },
            [&](std::exception_ptr) {
                if (++finished == 8) {
                    loop.stop();
                }
            });
    }
    loop.run_forever();
    EXPECT_EQ(loop.executor().threads_started(), 3u);
    EXPECT_LE(most_at_once.load(), 3);
    EXPECT_EQ(finished, 8);
}

TEST(ExecutorTest, VirtualTimeStandsStillWhileAJobRuns) {
    EventLoop loop;
    bool timer_fired_before_job = false;
    bool job_done = false;
    loop.call_later(seconds(10), [&] { timer_fired_before_job = !job_done; });
    loop.run_in_executor([] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); },
                         [&](std::exception_ptr) {
                             job_done = true;
                             loop.stop();
                         });
    loop.run_forever();
    EXPECT_TRUE(job_done);
    EXPECT_FALSE(timer_fired_before_job);
    EXPECT_LT(loop.time(), seconds(1));
}

TEST(ExecutorTest, CloseWaitsForRunningJobs) {
    std::atomic<bool> job_finished{false};
    {
        EventLoop loop;
        loop.run_in_executor(
            [&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                job_finished = true;
            },
            nullptr);
        loop.close();
        EXPECT_TRUE(job_finished.load());
    }
}

}  // namespace
}  // namespace loopscope
