#pragma once

#include <mutex>

#include "loop/clock.h"

namespace loopscope {

// Loop time that follows CLOCK_MONOTONIC through a speed factor, and can be paused.
//
//   loop_time = anchor_loop + (monotonic - anchor_monotonic) * speed     (frozen while paused)
//
// Every change of speed or pause state re-anchors the mapping at the current loop time, so loop
// time never jumps and a timer fires at its loop-time deadline whatever happened meanwhile.
// Deadlines are armed on one timerfd in absolute monotonic time; the loop really blocks in
// epoll_wait until it fires.
class RealClock final : public Clock {
public:
    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 10.0;

    explicit RealClock(double speed = 1.0);
    ~RealClock() override;
    RealClock(const RealClock&) = delete;
    RealClock& operator=(const RealClock&) = delete;

    ClockKind kind() const override { return ClockKind::Real; }
    Nanos now() override { return peek(); }
    Nanos peek() const override;

    int poll_timeout_ms(const PollRequest& request) override;
    void after_poll(const PollRequest&, bool) override {}
    int descriptor() const override { return timer_fd_; }
    void on_descriptor_ready() override;
    bool holds_loop() const override;
    void block_for(Nanos duration) override;

    // Thread-safe; each wakes the loop so it re-arms its deadline.
    void set_speed(double speed);  // clamped to [kMinSpeed, kMaxSpeed]
    void pause();
    void resume();
    double speed() const;
    bool paused() const;

private:
    static Nanos monotonic_now();
    Nanos loop_time_at(Nanos monotonic) const;  // mutex held
    void reanchor();                            // mutex held
    void arm(Nanos monotonic_deadline);         // 0 disarms

    mutable std::mutex mutex_;
    Nanos anchor_loop_ = 0;
    Nanos anchor_monotonic_ = 0;
    double speed_ = 1.0;
    bool paused_ = false;

    int timer_fd_ = -1;
    Nanos armed_monotonic_ = 0;  // loop thread only
};

}  // namespace loopscope
