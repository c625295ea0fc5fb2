#include "sync/lock.h"

namespace loopscope {

using trace::EventKind;

Lock::Lock(Scheduler& scheduler) : trace_(scheduler, AwaitKind::Lock, 0) {}

bool Lock::try_acquire() {
    if (!can_acquire_at_once()) {
        return false;
    }
    take();
    return true;
}

Coro<bool> Lock::acquire() {
    if (try_acquire()) {
        co_return true;
    }
    Future<void> waiter = waiters_.add();
    // The waiter leaves the deque before the cancellation is handled, so that waking the next
    // waiter cannot pick this one again.
    try {
        try {
            co_await waiter;
        } catch (...) {
            waiters_.remove(waiter);
            throw;
        }
        waiters_.remove(waiter);
    } catch (const CancelledError&) {
        if (!locked_) {
            waiters_.wake_front();
        }
        throw;
    }
    take();
    co_return true;
}

void Lock::release() {
    if (!locked_) {
        throw RuntimeError("Lock is not acquired.");
    }
    locked_ = false;
    trace_.record(EventKind::LockReleased, trace_.current_task());
    trace_.record(EventKind::PrimitiveValue, 0, 0);
    waiters_.wake_front();
}

void Lock::take() {
    locked_ = true;
    trace_.record(EventKind::PrimitiveValue, 0, 1);
    trace_.record(EventKind::LockAcquired, trace_.current_task());
}

}  // namespace loopscope
