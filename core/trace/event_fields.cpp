#include "trace/event_fields.h"

#include <algorithm>

#include "async/future.h"

namespace loopscope::trace {

FieldRoles field_roles(const Event& event) {
    using enum FieldRole;
    switch (event.kind) {
        // --- the loop ---
        case EventKind::IterationBegin:
        case EventKind::PollBegin:
        case EventKind::PollEnd:
        case EventKind::LoopBlocked:
        case EventKind::LoopStopped:
        case EventKind::LoopClosed:
        case EventKind::ReaderAdded:
        case EventKind::ReaderRemoved:
        case EventKind::WriterAdded:
        case EventKind::WriterRemoved:
        case EventKind::FdReady:
            return {};
        case EventKind::TimerArmed:
            return {Id, Text, Time};
        case EventKind::TimerFired:  // value: lateness, a duration
        case EventKind::TimerCancelled:
        case EventKind::CallbackSkipped:
        case EventKind::CallbackCancelled:
            return {Id, Plain, Plain};
        case EventKind::ThreadsafePost:
        case EventKind::CallbackBegin:
        case EventKind::CallbackEnd:
        case EventKind::CallbackFailed:
        case EventKind::JobSubmitted:
            return {Id, Plain, Text};
        case EventKind::CallbackScheduled:
            return {Id, Id, Text};
        case EventKind::JobStarted:  // object: the worker's index
        case EventKind::JobFinished:
            return {Id, Plain, Plain};
        // --- tasks ---
        case EventKind::TaskCreated:
        case EventKind::CancelRequested:
            return {Id, Id, Text};
        case EventKind::TaskRenamed:
        case EventKind::TaskDone:
        case EventKind::TaskCancelled:
        case EventKind::TaskFailed:
            return {Id, Plain, Text};
        case EventKind::TaskReady:    // value: WakeReason
        case EventKind::TaskWaiting:  // value: AwaitKind
        case EventKind::CancelDelivered:
            return {Id, Id, Plain};
        case EventKind::TaskStepBegin:
        case EventKind::TaskStepEnd:
        case EventKind::Uncancelled:
        case EventKind::FutureDone:
            return {Id, Plain, Plain};
        // --- composition ---
        case EventKind::GatherChild:  // value: the child's index
        case EventKind::TaskGroupEntered:
        case EventKind::TaskGroupAborted:
        case EventKind::TaskGroupExited:
        case EventKind::ShieldCreated:
        case EventKind::JobFuture:
        case EventKind::TimeoutExited:  // value: 1 if it expired
            return {Id, Id, Plain};
        case EventKind::TimeoutScheduled:
        case EventKind::TimeoutExpired:
            return {Id, Id, Time};
        // --- primitives ---
        case EventKind::PrimitiveCreated:
            return {Id, static_cast<AwaitKind>(event.value) == AwaitKind::Condition ? Id : Plain,
                    Plain};
        case EventKind::PrimitiveValue:
            return {Id, Plain, Plain};
        case EventKind::WaiterAdded:  // value: the waiter future
        case EventKind::WaiterRemoved:
        case EventKind::WaiterWoken:
            return {Id, Id, Id};
        case EventKind::LockAcquired:
        case EventKind::LockReleased:
        case EventKind::QueuePut:  // value: a size or a count
        case EventKind::QueueGot:
        case EventKind::QueueTaskDone:
            return {Id, Id, Plain};
        // --- scripts ---
        case EventKind::ScriptOutput:
            return {Id, Text, Plain};
        case EventKind::TaskLine:  // value: the line
            return {Id, Text, Plain};
    }
    return {};
}

namespace {

std::uint32_t moved_id(std::uint32_t id, std::uint32_t by) {
    return id == 0 ? 0 : id + by;
}

}  // namespace

void continue_event(Event& event, const TraceContinuation& continuation) {
    const FieldRoles roles = field_roles(event);
    event.time += continuation.time;
    event.iteration += continuation.iterations;
    if (roles.subject == FieldRole::Id) {
        event.subject = moved_id(event.subject, continuation.ids);
    }
    if (roles.object == FieldRole::Id) {
        event.object = moved_id(event.object, continuation.ids);
    }
    if (roles.value == FieldRole::Id) {
        event.value = moved_id(static_cast<std::uint32_t>(event.value), continuation.ids);
    } else if (roles.value == FieldRole::Time) {
        event.value += continuation.time;
    }
}

std::uint32_t largest_id(const Event& event) {
    const FieldRoles roles = field_roles(event);
    std::uint32_t largest = 0;
    if (roles.subject == FieldRole::Id) {
        largest = event.subject;
    }
    if (roles.object == FieldRole::Id) {
        largest = std::max(largest, event.object);
    }
    if (roles.value == FieldRole::Id) {
        largest = std::max(largest, static_cast<std::uint32_t>(event.value));
    }
    return largest;
}

}  // namespace loopscope::trace
