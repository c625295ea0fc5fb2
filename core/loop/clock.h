#pragma once

#include <atomic>
#include <functional>
#include <optional>

#include "loop/time.h"

namespace loopscope {

enum class ClockKind { Virtual, Real };

// What the loop should do in its poll phase, decided by the clock: how long epoll_wait may
// block for real. The loop tells the clock how long CPython would block (`timeout`, empty
// for "until something happens") and when the earliest timer is due.
struct PollRequest {
    std::optional<Nanos> timeout;
    std::optional<Nanos> earliest_deadline;
    bool external_work_pending = false;  // executor jobs in flight: only a post can end the wait
};

// Loop time behind one interface. The loop reads it, asks it how to poll, and tells it what
// the poll found; the virtual clock makes waiting instant, the real one makes it real.
class Clock {
public:
    virtual ~Clock() = default;
    virtual ClockKind kind() const = 0;

    // Loop time as `loop.time()` returns it. Thread-safe.
    virtual Nanos now() = 0;
    // Loop time without side effects, for trace stamps. Thread-safe.
    virtual Nanos peek() const = 0;
    // The word peek() reads, for a clock whose time is a single atomic (the virtual clock),
    // or null. The loop stamps every trace event with the time, millions a second, and a load
    // costs less than a virtual call.
    virtual const std::atomic<Nanos>* time_word() const { return nullptr; }

    // Milliseconds epoll_wait may block (-1: until an fd is ready, 0: not at all).
    virtual int poll_timeout_ms(const PollRequest& request) = 0;
    // Called after epoll_wait returned; `had_io` is false when nothing but the clock's own
    // descriptor (if any) was ready.
    virtual void after_poll(const PollRequest& request, bool had_io) = 0;

    // A descriptor the loop must watch for the clock (the real clock's timerfd), or -1.
    virtual int descriptor() const { return -1; }
    virtual void on_descriptor_ready() {}

    // True while time is frozen and the loop must not run callbacks (a paused real clock).
    virtual bool holds_loop() const { return false; }

    // A blocking call (time.sleep) on the loop thread: the loop stalls for `duration`.
    virtual void block_for(Nanos duration) = 0;

    // How the clock wakes a loop blocked in epoll_wait after a change made from another
    // thread (pause, resume, speed). The loop installs it.
    void set_waker(std::function<void()> waker) { waker_ = std::move(waker); }

protected:
    void wake_loop() const {
        if (waker_) {
            waker_();
        }
    }

private:
    std::function<void()> waker_;
};

}  // namespace loopscope
