#include "sync/waiter_queue.h"

#include <algorithm>

namespace loopscope {

using trace::EventKind;

Future<void> WaiterQueue::add() {
    Future<void> future(owner_->loop());
    future.core()->set_await_target(owner_->target());
    const std::uint32_t task = owner_->current_task();
    if (!waiters_) {
        waiters_.emplace();
    }
    waiters_->push_back(Waiter{future.core(), task});
    record(EventKind::WaiterAdded, waiters_->back());
    return future;
}

bool WaiterQueue::remove(const FutureCore& future) {
    if (!waiters_) {
        return false;
    }
    const auto found = std::find_if(waiters_->begin(), waiters_->end(), [&](const Waiter& waiter) {
        return waiter.future.get() == &future;
    });
    if (found == waiters_->end()) {
        return false;
    }
    record(EventKind::WaiterRemoved, *found);
    waiters_->erase(found);
    return true;
}

bool WaiterQueue::has_live_waiter() const {
    return waiters_ && std::any_of(waiters_->begin(), waiters_->end(), [](const Waiter& waiter) {
               return !waiter.future->cancelled();
           });
}

WaiterQueue::Waiter* WaiterQueue::first_pending() {
    if (!waiters_) {
        return nullptr;
    }
    for (Waiter& waiter : *waiters_) {
        if (!waiter.future->done()) {
            return &waiter;
        }
    }
    return nullptr;
}

void WaiterQueue::wake(Waiter& waiter) {
    record(EventKind::WaiterWoken, waiter);
    waiter.future->check_pending();  // Future<void>::set_result()
    waiter.future->finish();
}

void WaiterQueue::wake_front() {
    if (empty()) {
        return;
    }
    // A done front waiter will still run: it takes the lock, or, cancelled, wakes the next.
    Waiter& front = waiters_->front();
    if (!front.future->done()) {
        wake(front);
    }
}

void WaiterQueue::wake_pending(std::size_t count) {
    if (!waiters_) {
        return;
    }
    std::size_t woken = 0;
    for (Waiter& waiter : *waiters_) {
        if (woken >= count) {
            break;
        }
        if (!waiter.future->done()) {
            ++woken;
            wake(waiter);
        }
    }
}

void WaiterQueue::pop_and_wake_next() {
    while (!empty()) {
        Waiter waiter = std::move(waiters_->front());
        waiters_->pop_front();
        record(EventKind::WaiterRemoved, waiter);
        if (!waiter.future->done()) {
            wake(waiter);
            return;
        }
    }
}

}  // namespace loopscope
