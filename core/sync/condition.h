#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>

#include "async/coro.h"
#include "sync/lock.h"
#include "sync/primitive_trace.h"
#include "sync/waiter_queue.h"

namespace loopscope {

// asyncio.Condition: a waiter queue tied to a Lock (its own, or one given and possibly shared
// with other conditions). acquire/release/locked are the lock's.
//
// wait() releases the lock, blocks until notified, then re-acquires the lock before it
// returns, even when cancelled: a cancelled wait() still ends holding the lock, so the
// caller's release is always balanced. notify(n) wakes the first n waiters FIFO; each returns
// from wait() only once it holds the lock again.
//
// Trace: PrimitiveCreated's object is the lock's id. A blocked wait() is a waiter of this
// Condition (its task waits on the Condition); re-acquiring, it is a waiter of the Lock.
class Condition {
public:
    explicit Condition(Scheduler& scheduler);
    // Uses `lock`, which must outlive the condition.
    Condition(Scheduler& scheduler, Lock& lock);

    bool locked() const { return lock_->locked(); }
    Coro<bool> acquire() { return lock_->acquire(); }
    void release() { lock_->release(); }
    Lock& lock() const { return *lock_; }

    // RuntimeError('cannot wait on un-acquired lock') unless the lock is held. Returns true.
    // Cancelled while re-acquiring, it raises a CancelledError of its own once it holds the
    // lock; cancelled while waiting for notify, it re-raises that CancelledError.
    Coro<bool> wait();
    // Waits until `predicate()` is truthy and returns that value; checks it before waiting.
    template <class Predicate>
    Coro<std::decay_t<std::invoke_result_t<Predicate&>>> wait_for(Predicate predicate);
    // Wakes the first `count` waiters not yet woken. RuntimeError('cannot notify on
    // un-acquired lock') unless the lock is held.
    void notify(std::size_t count = 1);
    void notify_all() { notify(waiters_.size()); }

    std::uint32_t id() const { return trace_.id(); }
    std::size_t waiter_count() const { return waiters_.size(); }

private:
    std::optional<Lock> own_lock_;  // constructed only when no lock is given
    Lock* lock_;
    PrimitiveTrace trace_;
    WaiterQueue waiters_{trace_};
};

template <class Predicate>
Coro<std::decay_t<std::invoke_result_t<Predicate&>>> Condition::wait_for(Predicate predicate) {
    auto result = predicate();
    while (!result) {
        co_await wait();
        result = predicate();
    }
    co_return result;
}

}  // namespace loopscope
