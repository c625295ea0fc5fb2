#pragma once

#include <optional>
#include <string>

#include "async/coro.h"
#include "async/task_group.h"
#include "script/objects/object.h"

namespace loopscope::script {

// Runs a Python coroutine inside the current task: resumes it, performs each wait it hands over
// (a host awaitable, see host_awaitable.h) by co_awaiting the C++ operation, sends the result
// back or throws the exception in, until the coroutine returns. A Python exception escaping the
// coroutine leaves as ScriptError (CancelledError as ScriptCancelledError, so the task counts as
// cancelled). `target` may also be a host awaitable alone (create_task(asyncio.sleep(1))).
// Used for a task's top frame and, nested, for wait_for(coro) which awaits a coroutine inline.
Coro<Value> drive_coroutine(Runtime& rt, Value target);

// asyncio.create_task / TaskGroup.create_task / ensure_future of a coroutine: a scheduler task
// whose top frame drives `coro`. Returns the Python Task object. TypeError "a coroutine was
// expected, got 1" for anything else than a coroutine or host awaitable. `group`: the task
// group that adopts it.
//
// How `name` is given matters to the Task-N counter, as in CPython 3.12: asyncio.create_task
// and TaskGroup.create_task make the task unnamed (it takes the next Task-N) and rename it
// (`NameGiven::After`); loop.create_task names it at once (`NameGiven::AtCreation`).
enum class NameGiven { After, AtCreation };
Value create_script_task(Runtime& rt, const Value& coro, std::optional<std::string> name,
                         TaskGroup* group = nullptr, NameGiven how = NameGiven::After);

// ensure_future: a Future or Task as it is, a coroutine (or host awaitable) as a new task.
Value ensure_future_object(Runtime& rt, const Value& awaitable);

// Runtime::await_at_once: inside a step of a task this file drives, an `await` of a host
// awaitable that finishes at once (HostAwaitable::finishes_at_once) is done on the spot, as one
// send() of CPython's task step does it; the trace is what the host records when it takes the
// same await after a suspension (the task's line, then the operation's own events). Either way
// the awaitable is noted awaited (HostAwaitable::note_awaited).
bool await_at_once_in_step(Runtime& rt, const Value& awaitable, Value& result);

// Scheduler::StepEnded of a debug run (`runtime`: the Runtime): prints the report of a step
// that held the loop 0.1 s or more, now that the step is over, with the task as it stands.
void report_slow_step(void* runtime, TaskCore& task);

}  // namespace loopscope::script
