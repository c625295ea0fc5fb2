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

// Two jobs submitted back to back while one worker is idle: the idle worker takes the first,
// and the second gets a worker of its own at once — even if the idle one has not woken up yet.
// (A script's to_thread jobs sleeping on the virtual clock rely on it: a job queued behind a
// sleeping one would wait for a wake-up that only the loop's next timer gives.)
TEST(ExecutorTest, EachJobBeyondTheIdleWorkersStartsAWorker) {
    Executor executor(4, ExecutorHooks{});
    std::atomic<bool> warmed_up{false};
    executor.submit(ExecutorJob{1, [&] { warmed_up = true; }, {}});
    while (!warmed_up) {
        std::this_thread::yield();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the worker is idle again
    for (int round = 0; round < 20; ++round) {
        // Each job waits (up to a second) for the other to be running too.
        std::atomic<int> arrived{0};
        std::atomic<int> met{0};
        std::atomic<int> done{0};
        auto rendezvous = [&] {
            ++arrived;
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(1);
            while (arrived.load() < 2 && std::chrono::steady_clock::now() < give_up) {
                std::this_thread::yield();
            }
            if (arrived.load() >= 2) {
                ++met;
            }
            ++done;
        };
        executor.submit(ExecutorJob{2, rendezvous, {}});
        executor.submit(ExecutorJob{3, rendezvous, {}});
        while (done.load() < 2) {
            std::this_thread::yield();
        }
        ASSERT_EQ(met.load(), 2) << "round " << round << ": the second job waited for the first";
        std::this_thread::sleep_for(std::chrono::milliseconds(5));  // both workers idle again
    }
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
