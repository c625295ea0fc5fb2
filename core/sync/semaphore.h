#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "async/coro.h"
#include "sync/primitive_trace.h"
#include "sync/waiter_queue.h"

namespace loopscope {

// asyncio.Semaphore: a counter that acquire() decrements and release() increments, never
// below zero. FIFO with no barging: acquire() takes a unit at once only when the value is
// positive and no live waiter is queued. Waking a waiter reserves its unit (the value drops
// when the waiter is woken, not when it runs), so two release() calls in one step wake two
// waiters in the same iteration.
//
// Trace: PrimitiveValue follows the value through every change (release() then a wake-up
// shows +1 then -1). As for Lock, LockAcquired is recorded as acquire() returns and
// LockReleased as release() begins; both name the task (0 outside tasks). A blocked acquire()
// is a waiter, and its task waits on this Semaphore.
class Semaphore {
public:
    // ValueError("Semaphore initial value must be >= 0") if `value` is negative.
    explicit Semaphore(Scheduler& scheduler, std::int64_t value = 1);
    virtual ~Semaphore() = default;
    Semaphore(const Semaphore&) = delete;
    Semaphore& operator=(const Semaphore&) = delete;

    // True if acquire() would block.
    bool locked() const { return value_ == 0 || waiters_.has_live_waiter(); }
    // Blocks until a unit is free and this caller is first in line; returns true.
    Coro<bool> acquire();
    virtual void release();

    // acquire() in steps, for a caller that awaits the waiter future itself instead of through
    // acquire()'s coroutine frame (a script task's host: a frame less per waiting task).
    // begin_acquire() takes a unit at once (and returns nothing) or queues the running task and
    // returns the waiter to await; when that await returns, end_acquire(); when it throws,
    // abandon_acquire() with whether it threw CancelledError, and the error goes on. acquire()
    // is these steps around `co_await waiter`.
    std::optional<Future<void>> begin_acquire();
    void end_acquire(const FutureCore& waiter);
    void abandon_acquire(const FutureCore& waiter, bool cancelled);

    // CPython's `_value`: units free and not reserved for a woken waiter.
    std::int64_t value() const { return value_; }
    std::uint32_t id() const { return trace_.id(); }
    std::size_t waiter_count() const { return waiters_.size(); }

private:
    void set_value(std::int64_t value);
    // Reserves a unit for the first waiter not yet woken, and wakes it.
    void wake_up_next();

    std::int64_t value_;
    PrimitiveTrace trace_;
    WaiterQueue waiters_{trace_};
};

}  // namespace loopscope
