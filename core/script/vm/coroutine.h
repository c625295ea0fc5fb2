#pragma once

#include <string>

#include "script/objects/object.h"

namespace loopscope::script {

// The coroutine protocol between the VM and the task host coroutine of modules/asyncio
// (docs/SCRIPTS.md, "Coroutines and the scheduler").
//
// A coroutine object is a chain of suspended VM frames: `await` of another coroutine delegates
// to it inside the same chain, as CPython's `yield from` does. `await` of an object whose type
// has `slots.host_awaitable` suspends the whole chain and hands that object to whoever called
// `resume`: the host performs the wait on the scheduler, then resumes with its result (or throws
// its exception in).

struct CoroutineObject;  // an Object: a suspended or not-yet-started coroutine frame chain

struct Resumption {
    enum class Kind { Awaiting, Returned } kind;
    Value value;  // Awaiting: the host-awaitable object to wait on; Returned: the return value
};

// Runs the coroutine until it awaits a host awaitable or returns. A Python exception that escapes
// it is thrown as ScriptError. `send` is the result of the previous wait (None the first time).
// Resuming a finished coroutine raises RuntimeError "cannot reuse already awaited coroutine".
Resumption resume(Runtime&, CoroutineObject&, Value send);

// Like resume, but throws `exception` (an exception object) into the innermost suspended frame.
Resumption resume_throw(Runtime&, CoroutineObject&, Value exception);

bool is_coroutine(const Value&);
// The coroutine object a value holds, or null when it is not a coroutine.
CoroutineObject* as_coroutine(const Value&);

std::string coroutine_qualname(const CoroutineObject&);  // "main", "Worker.run"
std::string coroutine_filename(const CoroutineObject&);  // the script path of its code
int coroutine_current_line(const CoroutineObject&);      // innermost frame's line, for the trace
// The coroutine's own frame line (CPython's cr_frame.f_lineno: its current await, or its `def`
// line before it starts), for reprs like <Task pending ... coro=<main() running at f.py:5>>.
int coroutine_frame_line(const CoroutineObject&);
Runtime& coroutine_runtime(const CoroutineObject&);  // the Runtime it belongs to
bool coroutine_started(const CoroutineObject&);      // resumed at least once
bool coroutine_finished(const CoroutineObject&);     // returned or raised

// Throws GeneratorExit into it, as coro.close(): a coroutine that then awaits again raises
// RuntimeError "coroutine ignored GeneratorExit".
void close_coroutine(Runtime&, CoroutineObject&);

}  // namespace loopscope::script
