#include "sync/event.h"

namespace loopscope {

using trace::EventKind;

Event::Event(Scheduler& scheduler) : trace_(scheduler, AwaitKind::Event, 0) {}

void Event::set() {
    if (value_) {
        return;
    }
    value_ = true;
    trace_.record(EventKind::PrimitiveValue, 0, 1);
    waiters_.wake_pending(waiters_.size());
}

void Event::clear() {
    if (!value_) {
        return;  // CPython stores False again; nothing changes, so nothing is traced
    }
    value_ = false;
    trace_.record(EventKind::PrimitiveValue, 0, 0);
}

Coro<bool> Event::wait() {
    if (value_) {
        co_return true;
    }
    Future<void> waiter = waiters_.add();
    try {
        co_await waiter;
    } catch (...) {
        waiters_.remove(waiter);
        throw;
    }
    waiters_.remove(waiter);
    co_return true;
}

}  // namespace loopscope
