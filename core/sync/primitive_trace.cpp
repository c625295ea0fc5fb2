#include "sync/primitive_trace.h"

#include <algorithm>
#include <limits>

#include "async/task_core.h"

namespace loopscope {

PrimitiveTrace::PrimitiveTrace(Scheduler& scheduler, AwaitKind kind, std::uint32_t parameter)
    : scheduler_(&scheduler), target_{kind, scheduler.loop().next_object_id()} {
    record(trace::EventKind::PrimitiveCreated, parameter, static_cast<std::int64_t>(kind));
}

std::uint32_t PrimitiveTrace::current_task() const {
    const TaskCore* task = scheduler_->current_task();
    return task != nullptr ? task->id() : 0;
}

std::uint32_t clamp_to_trace(std::int64_t count) {
    constexpr std::int64_t kLargest = std::numeric_limits<std::uint32_t>::max();
    return static_cast<std::uint32_t>(std::clamp<std::int64_t>(count, 0, kLargest));
}

}  // namespace loopscope
