// Wake-ups from other threads through the eventfd.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "loop/event_loop.h"
#include "loop/loop_test_support.h"
#include "loop/real_clock.h"

namespace loopscope {
namespace {

TEST(ThreadsafeTest, PostFromAnotherThreadWakesALoopBlockedWithoutTimers) {
    EventLoop loop;  // virtual clock, nothing scheduled: the poll blocks for real
    std::thread::id ran_on;
    std::thread poster([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        loop.call_soon_threadsafe([&] {
            ran_on = std::this_thread::get_id();
            loop.stop();
        });
    });
    loop.run_forever();
    poster.join();
    EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(ThreadsafeTest, PostWakesARealClockLoopWaitingForAFarTimer) {
    EventLoop loop(EventLoopOptions{.clock = std::make_unique<RealClock>()});
    loop.call_later(seconds(60), [] {});
    const auto start = std::chrono::steady_clock::now();
    std::thread poster([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        loop.call_soon_threadsafe([&] { loop.stop(); });
    });
    loop.run_forever();
    poster.join();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(ThreadsafeTest, ManyPostsBeforeTheLoopPollsCostOneWrite) {
    EventLoop loop;
    int runs = 0;
    std::thread poster([&] {
        for (int i = 0; i < 1000; ++i) {
            loop.call_soon_threadsafe([&] { ++runs; });
        }
    });
    poster.join();
    loop.run_once();  // the poll moves every post to the ready queue; this pass runs them
    EXPECT_EQ(runs, 1000);
    EXPECT_EQ(loop.wakeup_writes(), 1u);
}

TEST(ThreadsafeTest, PostsRunInPostingOrder) {
    EventLoop loop;
    std::vector<int> order;
    std::thread poster([&] {
        for (int i = 0; i < 100; ++i) {
            loop.call_soon_threadsafe([&order, i] { order.push_back(i); });
        }
        loop.call_soon_threadsafe([&] { loop.stop(); });
    });
    poster.join();
    loop.run_forever();
    ASSERT_EQ(order.size(), 100u);
    for (int i = 0; i < 100; ++i) {
        EXPECT_EQ(order[static_cast<std::size_t>(i)], i);
    }
}

TEST(ThreadsafeTest, CancelledPostDoesNotRun) {
    EventLoop loop;
    bool ran = false;
    ThreadsafeHandle handle = loop.call_soon_threadsafe([&] { ran = true; });
    EXPECT_TRUE(handle.cancel());
    EXPECT_TRUE(handle.cancelled());
    loop.run_once();  // the eventfd ends the poll; the post is taken and dropped
    EXPECT_FALSE(ran);
}

TEST(ThreadsafeTest, ConcurrentPostersLoseNothing) {
    EventLoop loop;
    std::atomic<int> posted{0};
    int runs = 0;
    constexpr int kThreads = 4;
    constexpr int kPostsEach = 2000;
    std::vector<std::thread> posters;
    for (int t = 0; t < kThreads; ++t) {
        posters.emplace_back([&] {
            for (int i = 0; i < kPostsEach; ++i) {
                loop.call_soon_threadsafe([&] {
                    if (++runs == kThreads * kPostsEach) {
                        loop.stop();
                    }
                });
                posted.fetch_add(1);
            }
        });
    }
    loop.run_forever();
    for (auto& poster : posters) {
        poster.join();
    }
    EXPECT_EQ(runs, kThreads * kPostsEach);
}

}  // namespace
}  // namespace loopscope
