#pragma once

#include <cstddef>
#include <cstdint>

#include "async/coro.h"
#include "sync/primitive_trace.h"
#include "sync/waiter_queue.h"

namespace loopscope {

// asyncio.Lock: strict FIFO, no barging. acquire() takes the lock at once only when it is
// unlocked and no live waiter is queued; release() unlocks and wakes the first waiter, and the
// lock stays unlocked until that waiter runs and takes it, so a lock changes hands at most once
// per loop iteration. A woken waiter that is cancelled before it runs passes the wake-up on.
//
// Python's `async with lock:` has no C++ counterpart: a destructor cannot co_await, so an RAII
// guard could not acquire, and a release in a destructor would run during unwinding in an
// order Python does not have. Write what `async with` does:
//
//     co_await lock.acquire();
//     try { ... } catch (...) { lock.release(); throw; }
//     lock.release();
//
// Trace: PrimitiveValue is 1 while locked, 0 when not. LockAcquired is recorded as acquire()
// returns, LockReleased as release() begins (before the wake-up it causes); both name the task
// (0 outside tasks). A blocked acquire() is a waiter, and its task waits on this Lock.
class Lock {
public:
    explicit Lock(Scheduler& scheduler);

    bool locked() const { return locked_; }
    // Blocks until the lock is free and this caller is first in line; returns true.
    // Cancelled while waiting, it raises CancelledError and wakes the next waiter if the lock
    // is free.
    Coro<bool> acquire();
    // What acquire() does when it need not wait: takes the lock if it is unlocked and no live
    // waiter is queued, and says whether it did. Nothing changes when it did not.
    bool try_acquire();
    // Whether try_acquire() would take the lock.
    bool can_acquire_at_once() const { return !locked_ && !waiters_.has_live_waiter(); }
    // Unlocks and wakes the first waiter. RuntimeError("Lock is not acquired.") if unlocked.
    // Any task (or a plain callback) may release: the lock has no owner.
    void release();

    std::uint32_t id() const { return trace_.id(); }
    std::size_t waiter_count() const { return waiters_.size(); }

private:
    void take();

    PrimitiveTrace trace_;
    WaiterQueue waiters_{trace_};
    bool locked_ = false;
};

}  // namespace loopscope
