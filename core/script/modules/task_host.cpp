#include "script/modules/task_host.h"

#include <cstdio>
#include <limits>

#include "async/sleep.h"
#include "async/task.h"
#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/exception_bridge.h"
#include "script/modules/future_object.h"
#include "script/modules/host_awaitable.h"
#include "script/modules/host_wait.h"
#include "script/objects/errors.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/vm/coroutine.h"
#include "script/vm/vm.h"

namespace loopscope::script {

HostAwaitable* as_host_awaitable(const Value& v) {
    if (!v.is_object() || v.as_object()->type == nullptr ||
        !v.as_object()->type->slots.host_awaitable) {
        return nullptr;
    }
    return static_cast<HostAwaitable*>(v.as_object());
}

namespace {

// Where the task's coroutine stands, for the code pane: recorded each time it suspends. The
// line is the task's own coroutine's (the file named with it), not that of a coroutine it
// awaits, which may live in another module. `file` caches the file's label (0: not interned
// yet): interning the path at every await was a hash of the whole path per step.
void record_line(Runtime& rt, TaskCore& task, CoroutineObject& coro, trace::Label& file) {
    AsyncioState& state = asyncio_state(rt);
    if (state.loop == nullptr) {
        return;
    }
    if (file == 0) {
        file = state.loop->recorder().intern(coroutine_filename(coro));
    }
    state.loop->record(trace::EventKind::TaskLine, task.id(), file, coroutine_frame_line(coro));
}

// SystemExit and KeyboardInterrupt leave the loop at once, as in CPython.
bool note_escaping(Runtime& rt, const Value& exception) {
    if (!is_instance(rt, exception, *rt.types().SystemExit) &&
        !is_instance(rt, exception, *rt.types().KeyboardInterrupt)) {
        return false;
    }
    AsyncioState& state = asyncio_state(rt);
    if (!state.escaping) {
        state.escaping = exception;
    }
    return true;
}

// The instruction limit or a stop request ended the script inside this task: the run rethrows
// it, and the task's failure with it is nobody's "exception was never retrieved".
void note_abort_in_task(Runtime& rt, TaskCore& task, const std::exception_ptr& error) {
    if (!is_script_abort(error)) {
        return;
    }
    note_script_abort(rt, error);
    if (FutureObject* object = bound_task_object(task)) {
        object->exception_retrieved = true;
    }
}

// The task's Python object while the task runs: the host's frame holds it, so
// `current_task()` and the script's own reference agree, and it is released (maybe printing
// "Task exception was never retrieved") when the task's frames are destroyed at its end.
// A coroutine that never ran (its task was cancelled before its first step) is closed then, as
// CPython's throw() into a fresh coroutine does, so it does not warn "was never awaited".
// When a wait_for drives a coroutine inline, there is no Task object, and this holds the
// coroutine instead: one Value either way, as every task's host frame has one.
class TaskObjectHold {
public:
    // `held`: the Task object, or the coroutine driven inline, or None.
    explicit TaskObjectHold(Value held) : held_(std::move(held)) {}
    TaskObjectHold(TaskObjectHold&& other) noexcept : held_(std::move(other.held_)) {}
    TaskObjectHold(const TaskObjectHold&) = delete;
    TaskObjectHold& operator=(const TaskObjectHold&) = delete;
    TaskObjectHold& operator=(TaskObjectHold&&) = delete;
    ~TaskObjectHold() {
        if (future() == nullptr) {
            return;
        }
        // The Runtime comes from the object: the hold is part of every task's host frame, and
        // a pointer of its own would be 8 bytes a task.
        Runtime& rt = *future()->runtime;
        if (rt.tearing_down()) {
            return;
        }
        const Value& target = future()->coro;
        if (target.is_object() &&
            target.as_object()->type == asyncio_state(rt).types.Operation.get()) {
            // A task closes what it was given to run, awaited or not: no "never awaited".
            target.as<OperationObject>()->warn_if_never_awaited = false;
        }
        CoroutineObject* coro = as_coroutine(target);
        if (coro != nullptr && !coroutine_started(*coro) && !coroutine_finished(*coro)) {
            try {
                close_coroutine(rt, *coro);
            } catch (...) {
            }
        }
    }
    // Null when it holds no task (a coroutine driven inline by wait_for).
    FutureObject* future() const {
        return held_.is_none() || as_coroutine(held_) != nullptr ? nullptr
                                                                 : held_.as<FutureObject>();
    }
    // The Runtime, kept by the coroutine: the host's frame keeps no reference of its own.
    Runtime& runtime() const { return coroutine_runtime(coroutine()); }
    // The coroutine the host drives: the task's, or the one held. Asked every step: the Task
    // object is told apart from a coroutine by its type's host_awaitable flag, one check.
    CoroutineObject& coroutine() const {
        if (held_.as_object()->type->slots.host_awaitable) {
            return *as_coroutine(held_.as<FutureObject>()->coro);
        }
        return *as_coroutine(held_);
    }

private:
    Value held_;
};

// asyncio.run(debug=True): a step that holds the loop for 0.1 s or more (loop time: a
// time.sleep() counts) is reported as CPython's debug mode does, once the step has ended
// (report_slow_step), with the task as it is then:
//   Executing <Task finished name='Task-1' coro=<main() done, defined at /x.py:4> result=None
//   created at /usr/lib/python3.12/asyncio/runners.py:100> took 0.300 seconds
class SlowStepWatch {
public:
    SlowStepWatch(Runtime& rt, TaskCore& task) : rt_(rt), task_(task) {
        const AsyncioState& state = asyncio_state(rt);
        if (state.debug && state.loop != nullptr) {
            start_ = state.loop->clock().peek();
            active_ = true;
        }
    }
    // The step's Python code is over, returned, waiting or raising: keeps the report if slow.
    void done() const {
        AsyncioState& state = asyncio_state(rt_);
        if (!active_ || state.loop == nullptr) {
            return;
        }
        const Nanos took = state.loop->clock().peek() - start_;
        if (took < kSlowCallbackDuration) {
            return;
        }
        if (FutureObject* object = bound_task_object(task_)) {
            state.slow_step = AsyncioState::SlowStep{Value(static_cast<Object*>(object)), took};
        }
    }

private:
    static constexpr Nanos kSlowCallbackDuration = 100 * kNanosPerMilli;
    Runtime& rt_;
    TaskCore& task_;
    Nanos start_ = 0;
    bool active_ = false;
};

// What goes into the coroutine at its next step: the result of the wait it asked for, or the
// exception to throw in. Between two steps, while the coroutine waits, `value` is the object
// it awaits, and `wait` (this, as a HostWait) the wait in progress.
//
// The host's coroutine frame lives as long as its task, and g++ gives every local (and every
// co_await's awaiter) of a coroutine a place in the frame, so the work of a step is done in the
// plain functions below: their locals live on the stack for the step only, and a suspended
// task's frame keeps just this and the Task object (160 bytes in all). The HostWait is a base,
// not a member, so that `throwing` and `file` fill its tail padding.
struct HostStep : HostWait {
    bool throwing = false;
    trace::Label file = 0;  // the coroutine's file in the trace's string table (record_line)
    Value value;

    HostWait& wait() { return *this; }
};

// The step this thread runs (run_step), for awaits that finish inside it (await_at_once_in_step).
// Per thread: a step is the loop thread's; Python code on an executor thread is in none.
class StepInProgress {
public:
    StepInProgress(TaskCore& stepping, CoroutineObject& coroutine, HostStep& host)
        : task(stepping), coro(coroutine), next(host), outer_(running) {
        running = this;
    }
    StepInProgress(const StepInProgress&) = delete;
    StepInProgress& operator=(const StepInProgress&) = delete;
    ~StepInProgress() { running = outer_; }

    static StepInProgress* current() { return running; }

    TaskCore& task;
    CoroutineObject& coro;
    HostStep& next;

private:
    static thread_local StepInProgress* running;
    StepInProgress* outer_;
};

thread_local StepInProgress* StepInProgress::running = nullptr;

// Runs the coroutine's next step. True when it returned, its value in `next.value`; otherwise
// `next.value` is what it awaits.
bool run_step(Runtime& rt, TaskCore& task, CoroutineObject& coro, HostStep& next) {
    Resumption step{Resumption::Kind::Returned, Value()};
    const SlowStepWatch watch(rt, task);
    const StepInProgress in_progress(task, coro, next);
    try {
        step = next.throwing ? resume_throw(rt, coro, std::move(next.value))
                             : resume(rt, coro, std::move(next.value));
    } catch (const ScriptError& error) {
        if (note_escaping(rt, error.exception)) {
            // It leaves asyncio.run itself: nobody is to be told it was never retrieved.
            if (FutureObject* object = bound_task_object(task)) {
                object->exception_retrieved = true;
            }
        }
        watch.done();
        throw_cpp(rt, error);
    } catch (...) {
        note_abort_in_task(rt, task, std::current_exception());
        throw;
    }
    watch.done();
    next.throwing = false;
    next.value = std::move(step.value);
    return step.kind == Resumption::Kind::Returned;
}

// Sets up the wait on `awaitable` (whose object is `next.value`), as the awaitable asks.
void start_wait(Runtime& rt, HostAwaitable& awaitable, HostStep& next);

// The coroutine suspended on `next.value`: records where it stands, shows what it awaits in
// its Task's repr, and sets up the wait (`next.wait`). False when the object cannot be awaited:
// then `next` throws CPython's TypeError in.
bool begin_wait(Runtime& rt, TaskCore& task, CoroutineObject& coro, HostStep& next) {
    record_line(rt, task, coro, next.file);
    HostAwaitable* awaitable = as_host_awaitable(next.value);
    if (awaitable != nullptr) {
        FutureObject* object = bound_task_object(task);
        if (object != nullptr) {
            object->awaiting = next.value;
        }
        start_wait(rt, *awaitable, next);
        if (object != nullptr && next.wait().bare_yield()) {
            object->awaiting = Value();  // as CPython's task after a bare yield: no wait_for
        }
        return true;
    }
    next.value = make_exception(rt, *rt.types().TypeError,
                                "object " + std::string(type_name(rt, next.value)) +
                                    " can't be used in 'await' expression");
    next.throwing = true;
    return false;
}

// The wait ended: the task awaits nothing any more.
void end_wait(TaskCore& task) {
    if (FutureObject* object = bound_task_object(task)) {  // read again: the wait took time
        object->awaiting = Value();
    }
}

// The wait failed (called inside the handler, with the error in flight): the error goes into
// the coroutine as its Python exception. A script abort ends the task instead.
void fail_wait(Runtime& rt, TaskCore& task, HostStep& next) {
    end_wait(task);
    std::exception_ptr error = std::current_exception();
    if (is_script_abort(error)) {
        note_abort_in_task(rt, task, error);
        throw;
    }
    next.value = python_exception(rt, error);
    next.throwing = true;
}

// A task ends cancelled: keep the coroutine's own CancelledError for whoever asks for the
// outcome first (its traceback reaches the `await` that was cancelled).
void keep_cancelled_exception(Runtime& rt, const TaskObjectHold& hold,
                              const ScriptCancelledError& cancelled) {
    if (hold.future() != nullptr && is_cancelled_error(rt, cancelled.exception())) {
        hold.future()->cancelled_exception = cancelled.exception();
    }
}

// Sets up the wait on `awaitable` (whose object is `next.value`), as the awaitable asks.
void start_wait(Runtime& rt, HostAwaitable& awaitable, HostStep& next) {
    const DirectWait direct = awaitable.start_direct(rt);
    switch (direct.kind) {
        case DirectWait::Kind::Sleep:
            // asyncio.sleep: the timer wait itself, with no coroutine frame of its own.
            next.wait().sleep(direct.delay);
            break;
        case DirectWait::Kind::Ready:
            next.wait().ready();
            break;
        case DirectWait::Kind::Frame:
            // A C++ coroutine (a lock's acquire(), a queue's get()) awaited here, its result
            // converted by the awaitable, not by a coroutine that awaits it.
            next.wait().frame(awaitable.start_frame());
            break;
        case DirectWait::Kind::Future:
            // A primitive's waiter future (a semaphore's acquire()), or nothing to wait for.
            if (FutureRef<FutureCore> waiter = awaitable.start_waiter()) {
                next.wait().future(std::move(waiter));
            } else {
                next.wait().ready();
            }
            break;
        case DirectWait::Kind::None:
            // The awaitable's own Coro<Value>.
            next.wait().coroutine(awaitable.start(rt, next.value));
            break;
    }
}

// A waiter future's await returned, but the operation must wait again (HostAwaitable::
// waiter_again): true, and `next` waits on the new waiter.
bool wait_again(HostStep& next) {
    if (next.wait().kind() != HostWait::Kind::Future) {
        return false;
    }
    FutureRef<FutureCore> again = as_host_awaitable(next.value)->waiter_again(next.wait().waiter());
    if (!again) {
        return false;
    }
    next.wait().future(std::move(again));
    return true;
}

// The wait ended well: what it returns goes into the coroutine.
void finish_wait(TaskCore& task, HostAwaitable& awaitable, HostStep& next) {
    Value result;
    switch (next.wait().kind()) {
        case HostWait::Kind::Frame:
            result = awaitable.frame_result(next.wait().erased_frame());
            break;
        case HostWait::Kind::Coroutine:
            result = next.wait().erased_frame().result<Value>();
            break;
        case HostWait::Kind::Future:
            result = awaitable.waiter_result(next.wait().waiter());
            break;
        default:
            result = awaitable.direct_result();
            break;
    }
    next.wait().clear();
    next.value = std::move(result);
    end_wait(task);
}

// The wait threw (called inside the handler, with the error in flight): a primitive's waiter
// leaves its queue first, then the error goes into the coroutine.
void abandon_wait(Runtime& rt, TaskCore& task, HostAwaitable* awaitable, HostStep& next) {
    if (next.wait().kind() == HostWait::Kind::Future && awaitable != nullptr) {
        bool cancelled = false;
        try {
            throw;
        } catch (const CancelledError&) {
            cancelled = true;
        } catch (...) {
        }
        awaitable->waiter_failed(next.wait().waiter(), cancelled);
    }
    next.wait().clear();
    fail_wait(rt, task, next);
}

// How a step of the coroutine `hold` drives ended: it returned (its value in `next.value`), it
// waits (`next.wait()` is set up), or it goes on at once (an error to throw in: the object it
// awaited cannot be awaited, or the wait could not begin).
enum class StepEnd { Returned, Waits, Again };

// Runs the coroutine's next step and sets up the wait it asks for. The coroutine and its
// Runtime are looked up once a step, here: the host's frame keeps neither.
StepEnd step(const TaskObjectHold& hold, HostStep& next) {
    CoroutineObject& coro = hold.coroutine();
    Runtime& rt = coroutine_runtime(coro);
    TaskCore& task = next.task();
    if (run_step(rt, task, coro, next)) {
        return StepEnd::Returned;
    }
    try {
        return begin_wait(rt, task, coro, next) ? StepEnd::Waits : StepEnd::Again;
    } catch (...) {
        abandon_wait(rt, task, as_host_awaitable(next.value), next);
        return StepEnd::Again;
    }
}

// Drives a coroutine (see drive_coroutine): the Python Task's when `hold` holds the Task
// object (the top frame of a script task, create_script_task), or the one `hold` holds (a
// wait_for driving a coroutine inline). One frame per task: the top frame is this coroutine
// itself, not a frame awaiting it. Every suspended task keeps this frame, so it holds as little
// as it can: the coroutine is found again through `hold`, the task and the wait in progress are
// in `next.wait()`, the awaitable is `next.value`, the Runtime is the coroutine's.
Coro<Value> drive(TaskObjectHold hold) {
    HostStep next;
    try {
        co_await next;  // (its HostWait) learns its task, without suspending
        for (;;) {
            switch (step(hold, next)) {
                case StepEnd::Returned:
                    co_return std::move(next.value);
                case StepEnd::Again:
                    continue;
                case StepEnd::Waits:
                    break;
            }
            try {
                do {
                    co_await next;  // its HostWait
                } while (wait_again(next));
                finish_wait(next.task(), *as_host_awaitable(next.value), next);
            } catch (...) {
                abandon_wait(hold.runtime(), next.task(), as_host_awaitable(next.value), next);
            }
        }
    } catch (const ScriptCancelledError& cancelled) {
        keep_cancelled_exception(hold.runtime(), hold, cancelled);
        throw;
    }
}

// A task (or wait_for) given a host awaitable alone, as create_task(asyncio.sleep(1)): its wait.
Coro<Value> await_alone(Runtime& rt, Value target, TaskObjectHold hold) {
    try {
        HostAwaitable* awaitable = as_host_awaitable(target);
        if (awaitable == nullptr) {
            raise_error(rt, rt.types().TypeError,
                        "a coroutine was expected, got " + repr(rt, target));
        }
        Coro<Value> operation = awaitable->start(rt, target);
        co_return co_await operation;
    } catch (const ScriptCancelledError& cancelled) {
        keep_cancelled_exception(rt, hold, cancelled);
        throw;
    }
}

// What runs `target`: drive() for a coroutine, await_alone() for a host awaitable. `task_object`
// is the Python Task, or None for a wait_for's inline wait.
Coro<Value> drive_or_await(Runtime& rt, Value target, Value task_object) {
    if (as_coroutine(target) != nullptr) {
        return drive(
            TaskObjectHold(task_object.is_none() ? std::move(target) : std::move(task_object)));
    }
    return await_alone(rt, std::move(target), TaskObjectHold(std::move(task_object)));
}

}  // namespace

void report_slow_step(void* runtime, TaskCore& task) {
    Runtime& rt = *static_cast<Runtime*>(runtime);
    AsyncioState& state = asyncio_state(rt);
    if (!state.slow_step) {
        return;
    }
    const AsyncioState::SlowStep slow = std::move(*state.slow_step);
    state.slow_step.reset();
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", nanos_to_seconds(slow.took));
    // In the trace (the app's console) the report belongs to the step it is about.
    state.output_for = &task;
    rt.write_stderr("Executing " + future_repr(rt, *slow.task.as<FutureObject>()) + " took " +
                    seconds + " seconds\n");
    state.output_for = nullptr;
}

bool await_at_once_in_step(Runtime& rt, const Value& awaitable_value, Value& result) {
    StepInProgress* step = StepInProgress::current();
    HostAwaitable* awaitable = as_host_awaitable(awaitable_value);
    if (awaitable == nullptr) {
        return false;
    }
    awaitable->note_awaited();  // done at once or handed over, it was awaited
    if (step == nullptr || !awaitable->finishes_at_once()) {
        return false;
    }
    // As begin_wait() would, after the coroutine yielded here. The Task object's `awaiting`
    // is left alone: it would be set and cleared with nothing run in between.
    record_line(rt, step->task, step->coro, step->next.file);
    try {
        result = awaitable->finish_at_once(rt);
    } catch (const ScriptError&) {
        throw;  // raised at the await, as the host would have thrown it in there
    } catch (...) {
        const std::exception_ptr error = std::current_exception();
        if (is_script_abort(error)) {
            throw;  // run_step notes it and ends the task
        }
        throw ScriptError{python_exception(rt, error)};
    }
    return true;
}

Coro<Value> drive_coroutine(Runtime& rt, Value target) {
    return drive_or_await(rt, std::move(target), Value());
}

Value create_script_task(Runtime& rt, const Value& coro, std::optional<std::string> name,
                         TaskGroup* group, NameGiven how) {
    AsyncioState& state = asyncio_state(rt);
    Scheduler& scheduler = running_scheduler(rt);
    CoroutineObject* coroutine = as_coroutine(coro);
    if (coroutine == nullptr && as_host_awaitable(coro) == nullptr) {
        raise_error(rt, rt.types().TypeError, "a coroutine was expected, got " + repr(rt, coro));
    }
    if (rt.limits.tasks > 0 && state.tasks_created >= rt.limits.tasks) {
        const int line = vm::current_line(rt);
        rt.write_stderr("Loopscope stopped the script: it created more than " +
                        std::to_string(rt.limits.tasks) + " tasks" +
                        (line > 0 ? " (line " + std::to_string(line) + ")" : std::string()) + "\n");
        // The coroutine refused here would warn "never awaited" after the message above and
        // bury it; CPython closes a coroutine it refuses, and so do we.
        if (coroutine != nullptr) {
            close_coroutine(rt, *coroutine);
        }
        throw ScriptError{
            make_exception(rt, *rt.types().SystemExit, std::vector<Value>{Value::integer(4)})};
    }
    ++state.tasks_created;

    auto object = Ref<FutureObject>::make(rt, state.types.Task.get());
    object->coro = coro;
    object->run = state.runs;
    std::string coroutine_name;
    if (coroutine != nullptr) {
        coroutine_name = coroutine_qualname(*coroutine);
        object->coro_first_line = coroutine_current_line(*coroutine);
    } else {
        coroutine_name = std::string(type_name(rt, coro));
    }
    Value task_value(object);
    Coro<Value> host = drive_or_await(rt, coro, task_value);
    // Task-N names come from one counter per Runtime, as CPython's is per process: a second
    // asyncio.run goes on counting (the scheduler's own counter restarts with each loop).
    const bool named_at_creation = how == NameGiven::AtCreation && name.has_value();
    TaskNumber default_number = 0;  // N while the task's name is "Task-N"
    Task<Value> task = [&] {
        if (named_at_creation) {
            return group != nullptr
                       ? group->create_task(std::move(host), *name, coroutine_name)
                       : create_task(scheduler, std::move(host), *name, coroutine_name);
        }
        const std::uint64_t number = ++state.task_name_counter;
        if (group == nullptr && number <= std::numeric_limits<TaskNumber>::max()) {
            // Kept as a number: with recording off the name "Task-N" is never written out.
            default_number = static_cast<TaskNumber>(number);
            return create_numbered_task(scheduler, std::move(host), static_cast<TaskNumber>(number),
                                        coroutine_name);
        }
        const std::string initial = "Task-" + std::to_string(number);
        return group != nullptr ? group->create_task(std::move(host), initial, coroutine_name)
                                : create_task(scheduler, std::move(host), initial, coroutine_name);
    }();
    if (!named_at_creation && name) {
        task.set_name(*name);
        default_number = 0;
    }
    object->core = task.core();
    object->set_typed(task);
    object->task = &task.core_task();
    if (default_number != 0) {
        object->set_default_name(default_number);
    } else {
        object->set_name(task.name());
    }
    // A task group's done-callback reads each child's exception (it is never "unretrieved").
    object->exception_retrieved = group != nullptr;
    object->in_task_group = group != nullptr;
    object->task->set_binding(object.get());
    return task_value;
}

Value ensure_future_object(Runtime& rt, const Value& awaitable) {
    if (as_future_object(rt, awaitable) != nullptr) {
        return awaitable;
    }
    if (as_coroutine(awaitable) != nullptr || as_host_awaitable(awaitable) != nullptr) {
        Value task = create_script_task(rt, awaitable, std::nullopt);
        note_creation_site(rt, task, MadeBy::EnsureFuture);
        return task;
    }
    raise_error(rt, rt.types().TypeError,
                "An asyncio.Future, a coroutine or an awaitable is required");
}

}  // namespace loopscope::script
