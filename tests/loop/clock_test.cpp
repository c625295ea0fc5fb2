// The real clock: speed, pause and resume, with tolerant bounds (these machines are shared).
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "loop/event_loop.h"
#include "loop/loop_test_support.h"
#include "loop/real_clock.h"

namespace loopscope {
namespace {

using WallClock = std::chrono::steady_clock;

double wall_ms_since(WallClock::time_point start) {
    return std::chrono::duration<double, std::milli>(WallClock::now() - start).count();
}

TEST(RealClockTest, TimerFiresAfterItsDelayInWallTimeAtSpeedOne) {
    EventLoop loop(EventLoopOptions{.clock = std::make_unique<RealClock>(1.0)});
    const auto start = WallClock::now();
    Nanos lateness = -1;
    const Nanos deadline = loop.time() + milliseconds(50);
    loop.call_at(deadline, [&] {
        lateness = loop.time() - deadline;
        loop.stop();
    });
    loop.run_forever();
    EXPECT_GE(wall_ms_since(start), 49.0);
    EXPECT_LT(wall_ms_since(start), 500.0);
    EXPECT_GE(lateness, 0);  // never early in loop time
}

TEST(RealClockTest, SpeedTenRunsLoopTimeTenTimesFaster) {
    auto clock = std::make_unique<RealClock>(10.0);
    EventLoop loop(EventLoopOptions{.clock = std::move(clock)});
    const auto start = WallClock::now();
    loop.call_later(milliseconds(500), [&] { loop.stop(); });
    loop.run_forever();
    const double wall = wall_ms_since(start);
    EXPECT_GE(wall, 45.0);
    EXPECT_LT(wall, 400.0);
}

TEST(RealClockTest, SpeedIsClampedToTheSupportedRange) {
    RealClock clock(50.0);
    EXPECT_DOUBLE_EQ(clock.speed(), RealClock::kMaxSpeed);
    clock.set_speed(0.001);
    EXPECT_DOUBLE_EQ(clock.speed(), RealClock::kMinSpeed);
}

TEST(RealClockTest, PausedTimeDoesNotAdvance) {
    RealClock clock;
    clock.pause();
    const Nanos frozen = clock.now();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(clock.now(), frozen);
    clock.resume();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_GT(clock.now(), frozen);
    EXPECT_LT(clock.now(), frozen + milliseconds(200));  // no jump over the pause
}

TEST(RealClockTest, PauseHoldsTimersAndResumeFiresThemOnLoopTime) {
    auto owned = std::make_unique<RealClock>(1.0);
    RealClock* clock = owned.get();
    EventLoop loop(EventLoopOptions{.clock = std::move(owned)});
    // The timer is armed from the running loop, and the controller pauses 20 ms after that:
    // however late its thread starts (a sanitizer makes starting one slow), the pause falls
    // inside the timer's 60 ms.
    Nanos deadline = 0;
    Nanos fired_at = 0;
    WallClock::time_point armed_at;
    std::promise<void> armed;
    loop.call_soon([&] {
        armed_at = WallClock::now();
        deadline = loop.time() + milliseconds(60);
        loop.call_at(deadline, [&] {
            fired_at = loop.time();
            loop.stop();
        });
        armed.set_value();
    });
    std::thread controller([clock, until_armed = armed.get_future()] {
        until_armed.wait();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        clock->pause();
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        clock->resume();
    });
    loop.run_forever();
    controller.join();
    // 60 ms of loop time plus a 150 ms pause: at least 200 ms of wall time...
    EXPECT_GE(wall_ms_since(armed_at), 195.0);
    // ...yet the timer is on time in loop time.
    EXPECT_GE(fired_at, deadline);
    EXPECT_LT(fired_at - deadline, milliseconds(30));
}

TEST(RealClockTest, SpeedChangeWhileWaitingReArmsTheDeadline) {
    auto owned = std::make_unique<RealClock>(0.1);
    RealClock* clock = owned.get();
    EventLoop loop(EventLoopOptions{.clock = std::move(owned)});
    loop.call_later(milliseconds(100), [&] { loop.stop(); });  // 1 s of wall time at 0.1x
    std::thread controller([clock] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        clock->set_speed(10.0);  // the remaining ~98 ms of loop time take ~10 ms
    });
    const auto start = WallClock::now();
    loop.run_forever();
    controller.join();
    EXPECT_LT(wall_ms_since(start), 500.0);
}

TEST(RealClockTest, BlockingCallReallyBlocksAtSpeed) {
    EventLoop loop(EventLoopOptions{.clock = std::make_unique<RealClock>(2.0)});
    const auto start = WallClock::now();
    loop.block(milliseconds(100));
    const double wall = wall_ms_since(start);
    EXPECT_GE(wall, 45.0);
    EXPECT_LT(wall, 300.0);
}

}  // namespace
}  // namespace loopscope
