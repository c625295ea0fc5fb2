#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>

#include "async/future.h"
#include "sync/primitive_trace.h"

namespace loopscope {

// The futures of the tasks blocked on one primitive, oldest first: CPython's `_waiters` (or
// `_getters`, `_putters`) deque. Every change is traced under the owning primitive's id:
// WaiterAdded, WaiterRemoved, WaiterWoken, each naming the waiting task.
//
// A waiter's future carries no value (CPython sets True, False or None and never reads it).
// Resolving a future only schedules its callbacks, so waking never re-enters a primitive and
// the loops below may resolve futures while they walk the deque.
class WaiterQueue {
public:
    // 24 bytes: the future's state without the Future<void> around it (whose result slot
    // pointer a void future does not use). A semaphore with 100k waiting tasks has 100k.
    struct Waiter {
        FutureRef<FutureCore> future;
        std::uint32_t task;  // trace id of the task that waits on `future`
    };

    explicit WaiterQueue(const PrimitiveTrace& owner,
                         trace::WaiterRole role = trace::WaiterRole::Waiter)
        : owner_(&owner), role_(role) {}
    WaiterQueue(const WaiterQueue&) = delete;
    WaiterQueue& operator=(const WaiterQueue&) = delete;

    bool empty() const { return !waiters_ || waiters_->empty(); }
    std::size_t size() const { return waiters_ ? waiters_->size() : 0; }

    // A new pending future for the running task, appended at the back. The task awaiting it is
    // said to wait on the owning primitive.
    Future<void> add();
    // Removes the first entry for `future` (deque.remove); false when it is not there.
    bool remove(const Future<void>& future) { return remove(*future.core()); }
    bool remove(const FutureCore& future);

    // Whether some waiter was not cancelled (a woken one counts: it will take its turn).
    bool has_live_waiter() const;
    // The first waiter whose future is still pending, or null.
    Waiter* first_pending();
    // Resolves `waiter`'s pending future: its task steps again next iteration.
    void wake(Waiter& waiter);
    // Wakes the front waiter if its future is still pending (Lock._wake_up_first).
    void wake_front();
    // Wakes the first `count` pending waiters, FIFO (Condition.notify, Event.set).
    void wake_pending(std::size_t count);
    // Drops waiters from the front until one is pending, and wakes that one, which leaves the
    // deque too (Queue._wakeup_next).
    void pop_and_wake_next();

private:
    void record(trace::EventKind kind, const Waiter& waiter) const {
        owner_->record(kind, waiter.task, waiter.future->id(), static_cast<std::uint16_t>(role_));
    }

    const PrimitiveTrace* owner_;
    trace::WaiterRole role_;  // traced in each event's flags
    // Created on first use: an idle primitive allocates nothing (libstdc++'s deque allocates
    // even when empty), as CPython's Lock and Semaphore create their deque lazily.
    std::optional<std::deque<Waiter>> waiters_;
};

}  // namespace loopscope
