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
    // subject: handle id, value: deadline (loop time)
    TimerArmed,
    // subject: handle id, value: lateness in ns (now - deadline)
    TimerFired,
    // subject: handle id
    TimerCancelled,
    // subject: handle id, label: callback label; a callback joined the ready queue
    CallbackScheduled,
    // subject: handle id, label: callback label
    CallbackBegin,
    CallbackEnd,
    // subject: handle id; a cancelled handle left the ready queue without running
    CallbackSkipped,
    // subject: handle id, label: the exception's text; the exception handler was called
    CallbackFailed,
    // subject: handle id; call_soon_threadsafe from another thread
    ThreadsafePost,
    // subject: job id, label: job label, object: worker thread index (started/finished)
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
    // value: how long the loop thread was blocked (time.sleep on the loop), in ns
    LoopBlocked,
    LoopStopped,
    LoopClosed,

    // Kinds added by later layers start here.
    FirstSchedulerKind = 64,
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
