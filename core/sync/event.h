#pragma once

#include <cstddef>
#include <cstdint>

#include "async/coro.h"
#include "sync/primitive_trace.h"
#include "sync/waiter_queue.h"

namespace loopscope {

// asyncio.Event: a flag that tasks wait for. set() wakes every waiter, FIFO; each resumes in
// the next iteration, behind whatever was already queued (a task created before set() and not
// yet started runs first). A waiter woken by set() returns true even if clear() follows in the
// same step: its future is already resolved.
//
// Trace: PrimitiveValue is 1 while set, 0 while clear; a blocked wait() is a waiter, and its
// task waits on this Event.
class Event {
public:
    explicit Event(Scheduler& scheduler);

    bool is_set() const { return value_; }
    void set();
    void clear();
    // Returns true at once if set; otherwise blocks until set() and returns true.
    Coro<bool> wait();

    std::uint32_t id() const { return trace_.id(); }
    std::size_t waiter_count() const { return waiters_.size(); }

private:
    PrimitiveTrace trace_;
    WaiterQueue waiters_{trace_};
    bool value_ = false;
};

}  // namespace loopscope
