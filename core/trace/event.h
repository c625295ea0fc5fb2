#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "loop/time.h"

namespace loopscope::trace {

// An interned string (a callback's label, a task's name): an index into the Recorder's table.
// 0 is the empty string.
using Label = std::uint32_t;

// Every state change the loop makes. Later layers (tasks, primitives) append their own kinds;
// the meaning of `subject`, `object` and `value` is given per kind.
enum class EventKind : std::uint16_t {
    // subject: -, value: ready callbacks at the start of the iteration
    IterationBegin,
    // value: the timeout CPython would pass to select() in ns, -1 to block without one;
    // object: 1 when the poll will really block (real clock), 0 when it is instant
    PollBegin,
    // object: callbacks the poll made ready (I/O and thread-safe posts);
    // value: loop time that passed during the poll, in ns
    PollEnd,
    // subject: handle id, object: Label of the callback, value: deadline (loop time)
    TimerArmed,
    // subject: handle id, value: lateness in ns (now - deadline)
    TimerFired,
    // subject: handle id
    TimerCancelled,
    // subject: handle id, object: the task it steps or wakes (0: none), value: Label of the
    // callback; a callback joined the ready queue
    CallbackScheduled,
    // subject: handle id, value: Label of the callback
    CallbackBegin,
    CallbackEnd,
    // subject: handle id; a cancelled handle left the ready queue without running
    CallbackSkipped,
    // subject: handle id, value: Label of the callback; the exception handler was called
    CallbackFailed,
    // subject: handle id; call_soon_threadsafe from another thread
    ThreadsafePost,
    // subject: job id, value: Label of the job (submitted), object: worker index (started/finished)
    JobSubmitted,
    JobStarted,
    JobFinished,
    // subject: fd
    ReaderAdded,
    ReaderRemoved,
    WriterAdded,
    WriterRemoved,
    // subject: fd, value: 1 for readable, 2 for writable
    FdReady,
    // value: how long the loop thread is blocked from now (time.sleep on the loop), in ns
    LoopBlocked,
    LoopStopped,
    LoopClosed,
    // subject: handle id; a call_soon handle was cancelled (timers record TimerCancelled)
    CallbackCancelled,

    // --- tasks (async/) -------------------------------------------------------------
    // subject: task, object: parent task (0 at top level), value: Label of the coroutine name
    TaskCreated = 64,
    // subject: task, value: Label of its name (after TaskCreated, and on set_name)
    TaskRenamed,
    // subject: task, object: what woke it (future/primitive id, 0 if none), value: WakeReason
    TaskReady,
    // subject: task; one send()/throw() into its coroutine
    TaskStepBegin,
    TaskStepEnd,
    // subject: task, object: the awaited object's id, value: AwaitKind
    TaskWaiting,
    // subject: task; value: Label of the result / exception text where there is one
    TaskDone,
    TaskCancelled,
    TaskFailed,
    // subject: task to cancel, object: requesting task (0 outside tasks), value: Label of msg
    CancelRequested,
    // subject: task, object: the awaited object CancelledError was thrown at (0: at a yield)
    CancelDelivered,
    // subject: task, value: cancellation requests still outstanding
    Uncancelled,
    // subject: future id, value: FutureStatus it ended in
    FutureDone,

    // --- composition (async/) ----------------------------------------------------------
    // subject: gather's outer future, object: a child future/task, value: child index
    GatherChild = 96,
    // subject: the task group's id, object: its parent task
    TaskGroupEntered,
    // subject: the task group's id, object: the child task that failed (0: the body)
    TaskGroupAborted,
    // subject: the timeout scope's id, object: the task it cancels, value: deadline
    TimeoutScheduled,
    TimeoutExpired,
    // subject: shield's outer future, object: the inner future/task
    ShieldCreated,
    // subject: executor job id, object: the future that completes with it
    JobFuture,
    // subject: the task group's id, object: its parent task; `async with` is over (every
    // child finished), whatever it raises
    TaskGroupExited,
    // subject: the timeout scope's id, object: the task it guarded, value: 1 if it expired
    TimeoutExited,

    // --- primitives (sync/) -------------------------------------------------------------
    // subject: primitive id, value: AwaitKind (Lock, Semaphore, Event, Condition, Queue),
    // object: initial value (semaphore), maxsize (queue) or the id of its lock (condition)
    PrimitiveCreated = 112,
    // subject: primitive id, value: its value now (semaphore value, lock 0/1, event 0/1,
    // queue size)
    PrimitiveValue,
    // subject: primitive id, object: task, value: the waiter future's id
    WaiterAdded,
    WaiterRemoved,
    // subject: primitive id, object: task woken (its waiter future resolved)
    WaiterWoken,
    // subject: lock id, object: task
    LockAcquired,
    LockReleased,
    // subject: queue id, object: task (0 outside tasks), value: queue size after
    QueuePut,
    QueueGot,
    // subject: queue id, object: task (0 outside tasks), value: unfinished items after
    QueueTaskDone,

    // --- scripts (script/) ----------------------------------------------------------------
    // subject: task that wrote (0 outside tasks), object: Label of the text, value: stream
    // (1 stdout, 2 stderr); what print() and friends wrote, so the console can seek to it
    ScriptOutput = 128,
    // subject: task, object: Label of the source file, value: line; where the task's coroutine
    // stands when a step ends (suspended there) — the code pane's per-task marker
    TaskLine,
};

// Which of a primitive's waiter deques a WaiterAdded / WaiterRemoved / WaiterWoken is about,
// in the event's `flags`: a queue keeps three.
enum class WaiterRole : std::uint16_t {
    Waiter = 0,  // the primitive's only deque (lock, semaphore, event, condition)
    Getter = 1,
    Putter = 2,
    Joiner = 3,
};

// Why a task became ready, the `value` of TaskReady.
enum class WakeReason : std::uint8_t {
    Created,     // first step scheduled by create_task
    Yielded,     // sleep(0) / bare yield
    FutureDone,  // what it awaited is done
    Error,       // a step scheduled to throw (awaiting itself, ...)
};

std::string_view to_string(EventKind kind);

// One state change. Small and trivially copyable: a trace of a million events is 32 MB and
// copies with memcpy.
struct Event {
    Nanos time = 0;               // loop time when it happened
    std::uint32_t iteration = 0;  // loop iteration it happened in
    EventKind kind{};
    std::uint16_t flags = 0;
    std::uint32_t subject = 0;  // what changed (handle, job, fd, task id ...)
    std::uint32_t object = 0;   // what it relates to (awaited object, worker, ...)
    std::int64_t value = 0;     // a number the kind defines; also a Label where documented
};

static_assert(std::is_trivially_copyable_v<Event>);
static_assert(sizeof(Event) == 32);

}  // namespace loopscope::trace
