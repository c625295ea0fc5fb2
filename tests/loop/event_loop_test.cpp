// One iteration of the loop, rule by rule (SEMANTICS.md "One loop iteration").
#include "loop/event_loop.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "loop/loop_test_support.h"
#include "loop/virtual_clock.h"

namespace loopscope {
namespace {

using testing::run_for;

TEST(EventLoopTest, CallLaterZeroRunsAfterCallSoonScheduledLater) {
    EventLoop loop;
    std::vector<std::string> order;
    loop.call_later(0, [&] { order.push_back("A"); });
    loop.call_soon([&] { order.push_back("B"); });
    run_for(loop, milliseconds(1));
    EXPECT_EQ(order, (std::vector<std::string>{"B", "A"}));
}

TEST(EventLoopTest, CallbacksScheduledDuringAPassRunNextIteration) {
    EventLoop loop;
    std::vector<std::pair<std::string, std::uint32_t>> runs;
    auto note = [&](std::string name) { runs.emplace_back(std::move(name), loop.iteration()); };
    loop.call_soon([&] {
        note("first");
        loop.call_soon([&] { note("scheduled by first"); });
    });
    loop.call_soon([&] { note("second"); });
    loop.run_once();
    loop.run_once();
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[0], std::make_pair(std::string("first"), 1u));
    EXPECT_EQ(runs[1], std::make_pair(std::string("second"), 1u));
    EXPECT_EQ(runs[2], std::make_pair(std::string("scheduled by first"), 2u));
}

TEST(EventLoopTest, LeftoversRunBeforeExpiredTimersOfTheSameIteration) {
    EventLoop loop;
    std::vector<std::string> order;
    loop.call_at(0, [&] { order.push_back("timer"); });  // already due
    loop.call_soon([&] { order.push_back("ready"); });
    loop.run_once();
    EXPECT_EQ(order, (std::vector<std::string>{"ready", "timer"}));
}

TEST(EventLoopTest, CancelledHandlesAreSkipped) {
    EventLoop loop;
    std::vector<int> ran;
    Handle soon = loop.call_soon([&] { ran.push_back(1); });
    loop.call_soon([&] { ran.push_back(2); });
    Handle later = loop.call_later(milliseconds(5), [&] { ran.push_back(3); });
    EXPECT_TRUE(soon.cancel());
    EXPECT_FALSE(soon.cancel());
    EXPECT_TRUE(later.cancel());
    run_for(loop, milliseconds(10));
    EXPECT_EQ(ran, (std::vector<int>{2}));
}

TEST(EventLoopTest, CancellingAfterTheRunDoesNothing) {
    EventLoop loop;
    int runs = 0;
    Handle handle = loop.call_soon([&] { ++runs; });
    loop.run_once();
    EXPECT_FALSE(handle.cancel());
    EXPECT_EQ(runs, 1);
}

// After a burst the handle table goes back to one block of slots; a Handle kept from the burst
// still cannot cancel the callbacks that reuse its slot.
TEST(EventLoopTest, AHandleKeptAcrossABurstNeverCancelsALaterCallback) {
    EventLoop loop;
    int burst_runs = 0;
    std::vector<Handle> kept;
    for (int i = 0; i < 5000; ++i) {
        kept.push_back(loop.call_soon([&] { ++burst_runs; }));
    }
    loop.run_once();
    EXPECT_EQ(burst_runs, 5000);
    int later_runs = 0;
    for (int i = 0; i < 3000; ++i) {
        loop.call_soon([&] { ++later_runs; });
    }
    for (Handle& handle : kept) {
        EXPECT_FALSE(handle.cancel());
    }
    loop.run_once();
    EXPECT_EQ(later_runs, 3000);
}

TEST(EventLoopTest, CallbackMayCancelAHandleQueuedInTheSamePass) {
    EventLoop loop;
    std::vector<int> ran;
    Handle second;
    loop.call_soon([&] {
        ran.push_back(1);
        second.cancel();
    });
    second = loop.call_soon([&] { ran.push_back(2); });
    loop.run_once();
    EXPECT_EQ(ran, (std::vector<int>{1}));
}

TEST(EventLoopTest, VirtualClockRunsATenMinuteScenarioInstantly) {
    EventLoop loop;
    Nanos fired_at = 0;
    loop.call_later(seconds(600), [&] {
        fired_at = loop.time();
        loop.stop();
    });
    loop.run_forever();
    EXPECT_GE(fired_at, seconds(600));
    EXPECT_LT(fired_at, seconds(600) + milliseconds(1) + 100);
}

TEST(EventLoopTest, VirtualPollRoundsTheWaitUpToWholeMilliseconds) {
    EventLoop loop;
    loop.call_later(300'000, [] {});  // 0.3 ms
    loop.run_once();                  // polls, then the timer is due
    EXPECT_GE(loop.time(), milliseconds(1));
    EXPECT_LT(loop.time(), milliseconds(1) + 100);
}

TEST(EventLoopTest, EqualDelaysFromOneIterationFireInCallOrder) {
    // CPython reads a moving clock for each call_later, so the deadlines differ and the timers
    // fire in call order; the virtual clock ticks on each read for the same reason.
    EventLoop loop;
    std::vector<int> order;
    for (int i = 0; i < 10; ++i) {
        loop.call_later(seconds(1), [&order, i] { order.push_back(i); });
    }
    run_for(loop, seconds(2));
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST(EventLoopTest, TimersDueTogetherFireInOneIteration) {
    EventLoop loop;
    std::vector<std::uint32_t> iterations;
    for (int i = 0; i < 3; ++i) {
        loop.call_later(seconds(1), [&] { iterations.push_back(loop.iteration()); });
    }
    run_for(loop, seconds(2));
    ASSERT_EQ(iterations.size(), 3u);
    EXPECT_EQ(iterations[0], iterations[2]);
}

TEST(EventLoopTest, StopFinishesTheCurrentIteration) {
    EventLoop loop;
    std::vector<int> ran;
    loop.call_soon([&] {
        ran.push_back(1);
        loop.stop();
    });
    loop.call_soon([&] { ran.push_back(2); });
    loop.call_soon([&] { loop.call_soon([&] { ran.push_back(3); }); });
    loop.run_forever();
    EXPECT_EQ(ran, (std::vector<int>{1, 2}));
    EXPECT_FALSE(loop.is_running());
    loop.run_once();  // the rest is still queued
    EXPECT_EQ(ran, (std::vector<int>{1, 2, 3}));
}

TEST(EventLoopTest, StopBeforeRunForeverRunsOneIterationWithoutWaiting) {
    EventLoop loop;
    int ran = 0;
    loop.call_later(seconds(5), [&] { ++ran; });
    loop.stop();
    loop.run_forever();
    EXPECT_EQ(loop.iteration(), 1u);
    EXPECT_EQ(ran, 0);
    EXPECT_LT(loop.time(), milliseconds(1));
}

TEST(EventLoopTest, RunForeverInsideACallbackIsRefused) {
    EventLoop loop;
    std::string error;
    loop.call_soon([&] {
        try {
            loop.run_forever();
        } catch (const RuntimeError& e) {
            error = e.what();
        }
        loop.stop();
    });
    loop.run_forever();
    EXPECT_EQ(error, "This event loop is already running");
}

TEST(EventLoopTest, ClosingARunningLoopIsRefused) {
    EventLoop loop;
    std::string error;
    loop.call_soon([&] {
        try {
            loop.close();
        } catch (const RuntimeError& e) {
            error = e.what();
        }
        loop.stop();
    });
    loop.run_forever();
    EXPECT_EQ(error, "Cannot close a running event loop");
}

TEST(EventLoopTest, ClosedLoopRefusesWorkWithCPythonsMessage) {
    EventLoop loop;
    loop.close();
    loop.close();  // closing twice is fine
    EXPECT_TRUE(loop.is_closed());
    auto expect_closed = [](auto action) {
        try {
            action();
            ADD_FAILURE() << "no error";
        } catch (const RuntimeError& e) {
            EXPECT_STREQ(e.what(), "Event loop is closed");
        }
    };
    expect_closed([&] { loop.call_soon([] {}); });
    expect_closed([&] { loop.call_later(1, [] {}); });
    expect_closed([&] { loop.call_at(1, [] {}); });
    expect_closed([&] { loop.call_soon_threadsafe([] {}); });
    expect_closed([&] { loop.run_forever(); });
    expect_closed([&] { loop.add_reader(0, [] {}); });
    expect_closed([&] { loop.run_in_executor([] {}, nullptr); });
}

TEST(EventLoopTest, CloseDropsPendingCallbacks) {
    EventLoop loop;
    bool ran = false;
    loop.call_soon([&] { ran = true; });
    loop.call_later(seconds(1), [&] { ran = true; });
    loop.close();
    EXPECT_EQ(loop.ready_count(), 0u);
    EXPECT_EQ(loop.timer_count(), 0u);
    EXPECT_FALSE(ran);
}

TEST(EventLoopTest, ExceptionInACallbackGoesToTheHandlerAndTheLoopGoesOn) {
    EventLoop loop;
    std::vector<std::string> reports;
    loop.set_exception_handler([&](const ExceptionContext& context) {
        try {
            std::rethrow_exception(context.exception);
        } catch (const std::exception& e) {
            reports.push_back(context.message + " | " + context.handle + " | " + e.what());
        }
    });
    bool after = false;
    loop.call_soon([] { throw std::runtime_error("division by zero"); },
                   loop.recorder().intern("boom()"));
    loop.call_soon([&] { after = true; });
    loop.run_once();
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0], "Exception in callback boom() | <Handle boom()> | division by zero");
    EXPECT_TRUE(after);
}

TEST(EventLoopTest, DefaultExceptionHandlerReportsOnStderrInCPythonsWords) {
    EventLoop loop;
    loop.call_soon([] { throw std::runtime_error("division by zero"); },
                   loop.recorder().intern("boom()"));
    ::testing::internal::CaptureStderr();
    loop.run_once();
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(err, "Exception in callback boom()\nhandle: <Handle boom()>\ndivision by zero\n");
}

TEST(EventLoopTest, FailingExceptionHandlerFallsBackToTheDefault) {
    EventLoop loop;
    loop.set_exception_handler(
        [](const ExceptionContext&) { throw std::runtime_error("handler broke"); });
    loop.call_soon([] { throw std::runtime_error("first"); });
    ::testing::internal::CaptureStderr();
    loop.run_once();
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("Unhandled error in exception handler"), std::string::npos);
    EXPECT_NE(err.find("handler broke"), std::string::npos);
}

TEST(EventLoopTest, BlockingTheLoopMakesDueTimersFireLateTogether) {
    EventLoop loop;
    std::vector<Nanos> lateness;
    loop.call_later(milliseconds(100),
                    [&] { lateness.push_back(loop.time() - milliseconds(100)); });
    loop.call_later(milliseconds(200),
                    [&] { lateness.push_back(loop.time() - milliseconds(200)); });
    loop.call_soon([&] { loop.block(seconds(1)); });  // time.sleep(1) in a callback
    run_for(loop, seconds(2));
    ASSERT_EQ(lateness.size(), 2u);
    EXPECT_GE(lateness[0], milliseconds(900));
    EXPECT_GE(lateness[1], milliseconds(800));
}

TEST(EventLoopTest, RunningLoopIsKnownOnItsThreadOnly) {
    EventLoop loop;
    EventLoop* seen = nullptr;
    loop.call_soon([&] {
        seen = EventLoop::running_loop();
        loop.stop();
    });
    EXPECT_EQ(EventLoop::running_loop(), nullptr);
    loop.run_forever();
    EXPECT_EQ(seen, &loop);
    EXPECT_EQ(EventLoop::running_loop(), nullptr);
}

}  // namespace
}  // namespace loopscope
