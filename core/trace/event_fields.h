#pragma once

#include <cstdint>

#include "trace/event.h"

namespace loopscope::trace {

// What each of an event's three fields holds, kind by kind (event.h documents them): an id of
// one of the loop's objects (handles, tasks, futures, primitives, jobs and scopes share one
// numbering, 0 meaning none), a Label (Text), an absolute loop time, or anything else (counts,
// durations, reasons, fds, a line). What knows this can move an event into another trace.
enum class FieldRole : std::uint8_t { Plain, Id, Text, Time };

struct FieldRoles {
    FieldRole subject = FieldRole::Plain;
    FieldRole object = FieldRole::Plain;
    FieldRole value = FieldRole::Plain;
};

// The roles of `event`'s fields (a PrimitiveCreated's `object` is an id only for a Condition,
// where it names the condition's lock).
FieldRoles field_roles(const Event& event);

// Moves an event of one loop's trace to after another's: a script that calls asyncio.run
// twice records two traces, each numbering its objects and iterations from 1 and its time from
// 0; shown as one, the second continues the first. Every non-zero id grows by `ids`, the
// iteration by `iterations`, the event's time and every absolute time field by `time`.
// Labels are left alone (they belong to whoever translates the string table).
struct TraceContinuation {
    std::uint32_t ids = 0;
    std::uint32_t iterations = 0;
    Nanos time = 0;
};
void continue_event(Event& event, const TraceContinuation& continuation);

// The largest object id `event` names (0 if none): where the next trace's ids must start.
std::uint32_t largest_id(const Event& event);

}  // namespace loopscope::trace
