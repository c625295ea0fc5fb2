#pragma once

#include <memory>
#include <mutex>

#include "loop/clock.h"
#include "loop/real_clock.h"

namespace loopscope::app {

// The speed of a live run's real clock, which the GUI thread may turn while the run goes on.
//
// The run's loops are made and destroyed on the engine's worker thread (a script may call
// asyncio.run several times), so the dial never owns a clock: `attach` hands the loop a clock
// that registers itself here for as long as it lives, and a speed set meanwhile reaches it
// (RealClock::set_speed is thread-safe and wakes the loop). A speed set before the loop exists
// is the one its clock starts at.
class LiveSpeedDial {
public:
    explicit LiveSpeedDial(double speed) : speed_(speed) {}

    // Any thread.
    void set_speed(double speed) {
        const std::lock_guard lock(mutex_);
        speed_ = speed;
        if (clock_ != nullptr) {
            clock_->set_speed(speed);
        }
    }
    // Wakes the live loop from its wait in epoll_wait (a stop request must not wait for the next
    // timer); setting the same speed again re-arms the clock, which wakes the loop.
    void wake() {
        const std::lock_guard lock(mutex_);
        if (clock_ != nullptr) {
            clock_->set_speed(speed_);
        }
    }
    double speed() const {
        const std::lock_guard lock(mutex_);
        return speed_;
    }

    // A clock that keeps `clock`'s time, set to the dial's speed and following the dial until
    // it is destroyed.
    std::unique_ptr<Clock> adopt(std::unique_ptr<RealClock> clock);

private:
    class AttachedClock;
    void attach(RealClock* clock) {
        const std::lock_guard lock(mutex_);
        clock_ = clock;
        clock_->set_speed(speed_);
    }
    void detach(const RealClock* clock) {
        const std::lock_guard lock(mutex_);
        if (clock_ == clock) {
            clock_ = nullptr;
        }
    }

    mutable std::mutex mutex_;
    double speed_ = 1.0;
    RealClock* clock_ = nullptr;  // the live loop's, while it exists
};

// Keeps time exactly as the RealClock it owns; only its lifetime is tied to the dial.
class LiveSpeedDial::AttachedClock final : public Clock {
public:
    AttachedClock(LiveSpeedDial& dial, std::unique_ptr<RealClock> inner)
        : dial_(dial), inner_ptr_(std::move(inner)), inner_(*inner_ptr_) {
        // The loop installs its waker on this clock; the real one must reach it too.
        inner_.set_waker([this] { wake_loop(); });
        dial_.attach(&inner_);
    }
    ~AttachedClock() override { dial_.detach(&inner_); }
    AttachedClock(const AttachedClock&) = delete;
    AttachedClock& operator=(const AttachedClock&) = delete;

    ClockKind kind() const override { return inner_.kind(); }
    Nanos now() override { return inner_.now(); }
    Nanos peek() const override { return inner_.peek(); }
    int poll_timeout_ms(const PollRequest& request) override {
        return inner_.poll_timeout_ms(request);
    }
    void after_poll(const PollRequest& request, bool had_io) override {
        inner_.after_poll(request, had_io);
    }
    int descriptor() const override { return inner_.descriptor(); }
    void on_descriptor_ready() override { inner_.on_descriptor_ready(); }
    bool holds_loop() const override { return inner_.holds_loop(); }
    void block_for(Nanos duration) override { inner_.block_for(duration); }

private:
    LiveSpeedDial& dial_;
    std::unique_ptr<RealClock> inner_ptr_;
    RealClock& inner_;
};

inline std::unique_ptr<Clock> LiveSpeedDial::adopt(std::unique_ptr<RealClock> clock) {
    return std::make_unique<AttachedClock>(*this, std::move(clock));
}

}  // namespace loopscope::app
