#include "sync/semaphore.h"

namespace loopscope {

using trace::EventKind;

namespace {

std::int64_t checked_initial_value(std::int64_t value) {
    if (value < 0) {
        throw ValueError("Semaphore initial value must be >= 0");
    }
    return value;
}

}  // namespace

// The value is checked before the trace id is taken: a rejected semaphore leaves no trace.
Semaphore::Semaphore(Scheduler& scheduler, std::int64_t value)
    : value_(checked_initial_value(value)),
      trace_(scheduler, AwaitKind::Semaphore, clamp_to_trace(value)) {}

Coro<bool> Semaphore::acquire() {
    std::optional<Future<void>> waiter = begin_acquire();
    if (!waiter) {
        co_return true;
    }
    try {
        co_await *waiter;
    } catch (const CancelledError&) {
        abandon_acquire(*waiter->core(), true);
        throw;
    } catch (...) {
        abandon_acquire(*waiter->core(), false);
        throw;
    }
    end_acquire(*waiter->core());
    co_return true;
}

std::optional<Future<void>> Semaphore::begin_acquire() {
    if (!locked()) {
        set_value(value_ - 1);
        trace_.record(EventKind::LockAcquired, trace_.current_task());
        return std::nullopt;
    }
    return waiters_.add();
}

void Semaphore::end_acquire(const FutureCore& waiter) {
    waiters_.remove(waiter);
    // Units released while this waiter was queued behind a woken one were left unreserved.
    if (value_ > 0) {
        wake_up_next();
    }
    trace_.record(EventKind::LockAcquired, trace_.current_task());
}

void Semaphore::abandon_acquire(const FutureCore& waiter, bool cancelled) {
    // The waiter leaves the deque before the cancellation is handled, so that waking the next
    // waiter cannot pick this one again.
    waiters_.remove(waiter);
    // Woken, then cancelled before running: give the reserved unit to the next waiter.
    if (cancelled && !waiter.cancelled()) {
        set_value(value_ + 1);
        wake_up_next();
    }
}

void Semaphore::release() {
    trace_.record(EventKind::LockReleased, trace_.current_task());
    set_value(value_ + 1);
    wake_up_next();
}

void Semaphore::set_value(std::int64_t value) {
    value_ = value;
    trace_.record(EventKind::PrimitiveValue, 0, value_);
}

void Semaphore::wake_up_next() {
    if (WaiterQueue::Waiter* waiter = waiters_.first_pending()) {
        set_value(value_ - 1);
        waiters_.wake(*waiter);
    }
}

}  // namespace loopscope
