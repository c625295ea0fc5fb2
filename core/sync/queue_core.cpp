#include "sync/queue_core.h"

namespace loopscope {

using trace::EventKind;

QueueCore::QueueCore(Scheduler& scheduler, std::int64_t maxsize)
    : trace_(scheduler, AwaitKind::Queue, clamp_to_trace(maxsize)), maxsize_(maxsize) {}

void QueueCore::item_put(std::size_t size) {
    trace_.record(EventKind::QueuePut, trace_.current_task(), static_cast<std::int64_t>(size));
    trace_.record(EventKind::PrimitiveValue, 0, static_cast<std::int64_t>(size));
    ++unfinished_tasks_;
    getters_.pop_and_wake_next();
}

void QueueCore::item_got(std::size_t size) {
    trace_.record(EventKind::QueueGot, trace_.current_task(), static_cast<std::int64_t>(size));
    trace_.record(EventKind::PrimitiveValue, 0, static_cast<std::int64_t>(size));
    putters_.pop_and_wake_next();
}

void QueueCore::task_done() {
    if (unfinished_tasks_ <= 0) {
        throw ValueError("task_done() called too many times");
    }
    --unfinished_tasks_;
    trace_.record(EventKind::QueueTaskDone, trace_.current_task(), unfinished_tasks_);
    if (unfinished_tasks_ == 0) {
        joiners_.wake_pending(joiners_.size());  // _finished.set()
    }
}

Coro<void> QueueCore::join() {
    if (unfinished_tasks_ == 0) {
        co_return;
    }
    // _finished.wait()
    Future<void> joiner = joiners_.add();
    try {
        co_await joiner;
    } catch (...) {
        joiners_.remove(joiner);
        throw;
    }
    joiners_.remove(joiner);
}

}  // namespace loopscope
