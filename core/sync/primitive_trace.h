#pragma once

#include <cstdint>

#include "async/future.h"
#include "async/scheduler.h"
#include "trace/event.h"

namespace loopscope {

// A synchronisation primitive's noun in the trace: the scheduler it is bound to, its trace id
// and its kind. Constructing one records PrimitiveCreated.
//
// asyncio binds a primitive to the running loop on first use (mixins._LoopBoundMixin); C++ has
// no implicit running loop, so a primitive is bound to its scheduler when it is constructed.
// Primitives are neither copyable nor movable: suspended coroutines hold their address.
class PrimitiveTrace {
public:
    // `parameter` is PrimitiveCreated's object: the initial value (semaphore), the maxsize
    // (queue), the lock's id (condition); 0 otherwise.
    PrimitiveTrace(Scheduler& scheduler, AwaitKind kind, std::uint32_t parameter);
    PrimitiveTrace(const PrimitiveTrace&) = delete;
    PrimitiveTrace& operator=(const PrimitiveTrace&) = delete;

    Scheduler& scheduler() const { return *scheduler_; }
    EventLoop& loop() const { return scheduler_->loop(); }
    std::uint32_t id() const { return target_.object; }
    // What a task waiting on this primitive is said to wait on.
    AwaitTarget target() const { return target_; }

    // The trace id of the task whose step is running; 0 between steps (a plain callback).
    std::uint32_t current_task() const;

    // Records `kind` with this primitive as the subject.
    void record(trace::EventKind kind, std::uint32_t object = 0, std::int64_t value = 0,
                std::uint16_t flags = 0) const {
        loop().record(kind, id(), object, value, flags);
    }

private:
    Scheduler* scheduler_;
    AwaitTarget target_;
};

// PrimitiveCreated's object is 32 bits; a count beyond that is shown as the largest one.
std::uint32_t clamp_to_trace(std::int64_t count);

}  // namespace loopscope
