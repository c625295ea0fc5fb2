#include "loop/real_clock.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <ctime>
#include <system_error>

namespace loopscope {

RealClock::RealClock(double speed)
    : anchor_monotonic_(monotonic_now()), speed_(std::clamp(speed, kMinSpeed, kMaxSpeed)) {
    timer_fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (timer_fd_ < 0) {
        throw std::system_error(errno, std::generic_category(), "timerfd_create");
    }
}

RealClock::~RealClock() {
    ::close(timer_fd_);
}

Nanos RealClock::monotonic_now() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<Nanos>(ts.tv_sec) * kNanosPerSecond + ts.tv_nsec;
}

Nanos RealClock::loop_time_at(Nanos monotonic) const {
    if (paused_) {
        return anchor_loop_;
    }
    const auto elapsed = static_cast<double>(monotonic - anchor_monotonic_);
    return anchor_loop_ + static_cast<Nanos>(elapsed * speed_);
}

Nanos RealClock::peek() const {
    std::lock_guard lock(mutex_);
    return loop_time_at(monotonic_now());
}

void RealClock::reanchor() {
    const Nanos monotonic = monotonic_now();
    anchor_loop_ = loop_time_at(monotonic);
    anchor_monotonic_ = monotonic;
}

int RealClock::poll_timeout_ms(const PollRequest& request) {
    Nanos deadline = 0;
    {
        std::lock_guard lock(mutex_);
        if (paused_) {
            arm(0);
            return -1;
        }
        if (request.timeout && *request.timeout == 0) {
            return 0;
        }
        if (request.earliest_deadline) {
            // Round up so that when the timerfd fires, loop time has reached the deadline.
            const double wall =
                static_cast<double>(*request.earliest_deadline - anchor_loop_) / speed_;
            deadline =
                anchor_monotonic_ + std::max<Nanos>(1, static_cast<Nanos>(std::ceil(wall)) + 1);
        }
    }
    arm(deadline);
    return -1;
}

void RealClock::arm(Nanos monotonic_deadline) {
    if (monotonic_deadline == armed_monotonic_) {
        return;  // re-arm only when the earliest deadline changed
    }
    armed_monotonic_ = monotonic_deadline;
    itimerspec spec{};
    spec.it_value.tv_sec = static_cast<time_t>(monotonic_deadline / kNanosPerSecond);
    spec.it_value.tv_nsec = static_cast<long>(monotonic_deadline % kNanosPerSecond);
    timerfd_settime(timer_fd_, TFD_TIMER_ABSTIME, &spec, nullptr);
}

void RealClock::on_descriptor_ready() {
    std::uint64_t expirations = 0;
    [[maybe_unused]] auto n = ::read(timer_fd_, &expirations, sizeof expirations);
    armed_monotonic_ = 0;  // a fired timerfd is disarmed
}

bool RealClock::holds_loop() const {
    std::lock_guard lock(mutex_);
    return paused_;
}

void RealClock::block_for(Nanos duration) {
    const double wall = static_cast<double>(duration) / speed();
    const auto nanos = static_cast<Nanos>(wall);
    timespec ts{static_cast<time_t>(nanos / kNanosPerSecond),
                static_cast<long>(nanos % kNanosPerSecond)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

void RealClock::set_speed(double speed) {
    {
        std::lock_guard lock(mutex_);
        reanchor();
        speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
    }
    wake_loop();
}

void RealClock::pause() {
    {
        std::lock_guard lock(mutex_);
        if (paused_) {
            return;
        }
        reanchor();
        paused_ = true;
    }
    wake_loop();
}

void RealClock::resume() {
    {
        std::lock_guard lock(mutex_);
        if (!paused_) {
            return;
        }
        reanchor();
        paused_ = false;
    }
    wake_loop();
}

double RealClock::speed() const {
    std::lock_guard lock(mutex_);
    return speed_;
}

bool RealClock::paused() const {
    std::lock_guard lock(mutex_);
    return paused_;
}

}  // namespace loopscope
