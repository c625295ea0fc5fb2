#include "sync/condition.h"

#include <exception>

namespace loopscope {

Condition::Condition(Scheduler& scheduler)
    : own_lock_(std::in_place, scheduler),
      lock_(&*own_lock_),
      trace_(scheduler, AwaitKind::Condition, lock_->id()) {}

Condition::Condition(Scheduler& scheduler, Lock& lock)
    : lock_(&lock), trace_(scheduler, AwaitKind::Condition, lock.id()) {}

Coro<bool> Condition::wait() {
    if (!locked()) {
        throw RuntimeError("cannot wait on un-acquired lock");
    }
    release();
    // CPython re-acquires in a `finally`; a C++ handler cannot co_await, so what waiting threw
    // is kept and re-thrown once the lock is held again.
    std::exception_ptr interrupted;
    {
        Future<void> waiter = waiters_.add();
        try {
            co_await waiter;
        } catch (...) {
            interrupted = std::current_exception();
        }
        waiters_.remove(waiter);
    }
    bool cancelled = false;
    while (true) {
        try {
            co_await lock_->acquire();
            break;
        } catch (const CancelledError&) {
            cancelled = true;
        }
    }
    if (cancelled) {
        throw CancelledError();
    }
    if (interrupted) {
        std::rethrow_exception(interrupted);
    }
    co_return true;
}

void Condition::notify(std::size_t count) {
    if (!locked()) {
        throw RuntimeError("cannot notify on un-acquired lock");
    }
    waiters_.wake_pending(count);
}

}  // namespace loopscope
