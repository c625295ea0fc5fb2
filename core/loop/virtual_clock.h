#pragma once

#include <atomic>

#include "loop/clock.h"

namespace loopscope {

// Deterministic loop time. Waiting is instant: when nothing is ready, time jumps by the poll
// timeout (rounded up to whole milliseconds as epoll does), so a 10-minute scenario runs in
// microseconds and every run of a script is identical.
//
// Each `now()` advances time by one nanosecond, the clock's resolution. On CPython the real
// clock moves between two reads, so ten tasks calling sleep(1) in one iteration get ten
// distinct deadlines and fire in call order; a frozen clock would give ten equal deadlines
// and heapq's tie order instead.
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(Nanos start = 0) : time_(start) {}

    ClockKind kind() const override { return ClockKind::Virtual; }
    Nanos now() override { return time_.fetch_add(1, std::memory_order_relaxed) + 1; }
    Nanos peek() const override { return time_.load(std::memory_order_relaxed); }
    const std::atomic<Nanos>* time_word() const override { return &time_; }

    int poll_timeout_ms(const PollRequest& request) override;
    void after_poll(const PollRequest& request, bool had_io) override;
    void block_for(Nanos duration) override { advance(duration); }

    void advance(Nanos duration) { time_.fetch_add(duration, std::memory_order_relaxed); }

private:
    std::atomic<Nanos> time_;
};

}  // namespace loopscope
