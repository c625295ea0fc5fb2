#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "async/future.h"
#include "async/task.h"
#include "script/modules/host_awaitable.h"

namespace loopscope::script {

// asyncio.Future and asyncio.Task as Python objects: a handle on a C++ future of the scheduler.
//
// `core` is the C++ future (a FutureState<Value>, a TaskState<Value>, a gather's outer future
// ...); `read_result` turns its typed result into a Python value once it finished with one,
// unless the result is a Value already (`typed`: script futures and tasks).
// Awaiting the object makes the task's host coroutine co_await the C++ future, so the trace
// shows the edge task → future exactly as it does for C++ code.
struct FutureObject : HostAwaitable {
    FutureObject(Runtime& rt, TypeObject* cls);
    ~FutureObject() override;

    Runtime* runtime;
    FutureRef<FutureCore> core;
    // A future whose result is not a Value (a gather's): how to read it, and the bridge future
    // value_future() made for it. Null for script futures and tasks.
    struct Reader {
        std::function<Value()> read;
        std::optional<Future<Value>> bridge;
    };
    std::unique_ptr<Reader> read_result;
    // When the result type is Value (futures and tasks of scripts): the result slot of `core`,
    // which typed() makes a Future<Value> of for the C++ compositions (shield, wait, wait_for,
    // as_completed). A pointer, not the optional<Future<Value>> it stands for: 24 bytes less
    // a task.
    ResultSlot<Value>* value_slot = nullptr;
    std::optional<Future<Value>> typed() const {
        if (value_slot != nullptr) {
            return Future<Value>(core, value_slot);
        }
        return read_result ? read_result->bridge : std::nullopt;
    }
    void set_typed(const Future<Value>& future) {
        core = future.core();
        value_slot = future.slot();
    }

    // --- tasks -----------------------------------------------------------------------
    TaskCore* task = nullptr;
    Value coro;      // what the task runs: a coroutine (or a host awaitable)
    Value awaiting;  // what the task's coroutine awaits now (for repr), or None
    // The CancelledError the task's coroutine ended with (CPython's _cancelled_exc): the first
    // to ask for the cancelled task's outcome gets this object, its traceback through the
    // coroutine included, rather than a fresh one (take_cancelled_error).
    Value cancelled_exception;
    // Python done-callbacks and the C++ tokens they were registered with.
    std::vector<std::pair<Value, std::uint64_t>> callbacks;

    // The small fields last, two to a word: there is one of these per task of a script.
    int run = 0;              // the asyncio.run it belongs to: after it, the loop is gone
    int coro_first_line = 0;  // the `def` line, for "done, defined at x.py:3"
    int awaiting_tasks = 0;   // tasks awaiting it now: each is a Task.task_wakeup() callback
    // run_until_complete's own done-callback is on it (asyncio.run's main task), for the repr.
    bool run_until_complete_callback = false;
    // A task group's child: its _on_task_done() is a done-callback, for the repr.
    bool in_task_group = false;
    // gather()'s outer future: a _GatheringFuture in CPython, and so in its repr.
    bool gathering = false;
    // CPython's __log_traceback inverted: result()/exception()/await saw the exception.
    bool exception_retrieved = false;

    // The task's name, cached: the recorder that interns it dies with the loop. A default name
    // "Task-<N>" is kept as its number (most tasks keep theirs), any other as text.
    std::string name() const {
        return name_text_ ? *name_text_ : "Task-" + std::to_string(name_number_);
    }
    void set_name(std::string text) { name_text_ = std::make_unique<std::string>(std::move(text)); }
    void set_default_name(std::uint32_t number) {
        name_text_.reset();
        name_number_ = number;
    }

    Coro<Value> start(Runtime& rt, const Value& self) override;
    void clear_references() override;

    bool is_task() const { return task != nullptr; }
    // The result as a Python value, once the future is done with one.
    Value result_value() const {
        return read_result ? read_result->read() : Value(result_of<Value>(*core, *value_slot));
    }
    // Raises RuntimeError "Event loop is closed" when the run this future belongs to is over.
    void check_loop_alive(Runtime& rt) const;

private:
    std::unique_ptr<std::string> name_text_;
    std::uint32_t name_number_ = 0;
};

// Wraps a C++ future whose result is a Value (a script Future, or the value of a C++ op).
Value make_future_object(Runtime& rt, Future<Value> future);
// Wraps any C++ future, reading its result through `read_result`.
Value make_future_object(Runtime& rt, FutureRef<FutureCore> core,
                         std::function<Value()> read_result);
FutureObject* as_future_object(Runtime& rt, const Value& v);  // Future or Task, else null

// "<Task pending name='Task-2' coro=<worker() running at /x.py:5>>" / "<Future finished
// result=1>" as CPython's reprs.
std::string future_repr(Runtime& rt, FutureObject& future);

// Who made a Future or Task, for "created at FILE:LINE" at the end of its repr in a debug run
// (asyncio.run(debug=True)), where CPython keeps a _source_traceback and names its last entry:
// the script's own line for Future() and loop.create_task(), else the line of asyncio's library
// (CPython 3.12.1's) that made it: asyncio.create_task, TaskGroup.create_task, ensure_future
// (gather's and shield's children), asyncio.run's main task, loop.create_future (every future a
// primitive or a sleep waits on), gather's outer future.
enum class MadeBy { Script, CreateTask, TaskGroup, EnsureFuture, Run, CreateFuture, Gather };
// Remembers it for `future` when the run is a debug one; nothing otherwise.
void note_creation_site(Runtime& rt, const Value& future, MadeBy made_by);
// " created at FILE:LINE" where made_by makes one in a debug run, else nothing.
std::string debug_creation_suffix(Runtime& rt, MadeBy made_by);

// The CancelledError to raise for a cancelled future, as CPython's _make_cancelled_error: the
// one its coroutine ended with, once, then fresh ones.
Value take_cancelled_error(Runtime& rt, FutureObject& future);

// The Python Task object of a task, made on demand for a task that has none.
Value task_object_of(Runtime& rt, TaskCore& task);

// The Python Task object a task has (TaskCore::binding), or null. The host coroutine holds the
// object while the task runs, so every unfinished task of a script has one; the object unbinds
// itself when it is destroyed.
inline FutureObject* bound_task_object(const TaskCore& task) {
    return static_cast<FutureObject*>(task.binding());
}

// Installs the Future and Task types into the asyncio state (called by the module factory).
void install_future_types(Runtime& rt);

// Prints CPython's "Task exception was never retrieved" (or "Future exception ...") warning
// for a future that failed and nobody looked at its exception.
void warn_unretrieved_exception(Runtime& rt, FutureObject& future);

}  // namespace loopscope::script
