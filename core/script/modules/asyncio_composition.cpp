// gather, wait_for, wait, shield, as_completed, timeout/timeout_at, TaskGroup, to_thread: each
// is the C++ composition of core/async, so the trace shows the same edges as for C++ code.
#include <unordered_set>

#include "async/as_completed.h"
#include "async/gather.h"
#include "async/shield.h"
#include "async/task_group.h"
#include "async/timeout.h"
#include "async/to_thread.h"
#include "async/wait.h"
#include "async/wait_for.h"
#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_parts.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/exception_bridge.h"
#include "script/modules/future_object.h"
#include "script/modules/running_executor_job.h"
#include "script/modules/task_host.h"
#include "script/objects/errors.h"
#include "script/objects/list.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/set.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"
#include "script/vm/coroutine.h"

namespace loopscope::script {

namespace {

// A timeout argument: None → no deadline; a number → its nanoseconds.
std::optional<Nanos> optional_seconds(Runtime& rt, const Value& value) {
    if (value.is_none()) {
        return std::nullopt;
    }
    return seconds_to_nanos(to_double(rt, value));
}

// --- gather ------------------------------------------------------------------------------

Value gather(Runtime& rt, const CallArgs& args) {
    bool return_exceptions = false;
    for (std::size_t i = 0; i < args.keyword_names.size(); ++i) {
        if (args.keyword_names[i] != "return_exceptions") {
            raise_error(rt, rt.types().TypeError,
                        "gather() got an unexpected keyword argument '" +
                            std::string(args.keyword_names[i]) + "'");
        }
        return_exceptions = truthy(rt, args.keyword_values[i]);
    }
    AsyncioState& state = asyncio_state(rt);
    if (args.size() == 0) {
        if (state.loop == nullptr) {
            raise_error(rt, rt.types().RuntimeError, "no running event loop");
        }
        Future<Value> done(*state.loop);
        done.set_result(make_list(rt));
        Value outer = make_future_object(rt, done);
        note_creation_site(rt, outer, MadeBy::CreateFuture);
        return outer;
    }
    std::vector<Future<Value>> children;
    for (const Value& each : args.positional) {
        Value future = ensure_future_object(rt, each);
        FutureObject* object = future.as<FutureObject>();
        object->exception_retrieved = true;  // gather's done-callback reads every exception
        children.push_back(value_future(rt, *object));
    }
    Runtime* runtime = &rt;
    Value gathering;
    if (return_exceptions) {
        auto outer = loopscope::gather(std::move(children), loopscope::return_exceptions);
        gathering = make_future_object(rt, outer.core(), [runtime, outer] {
            std::vector<Value> items;
            for (const Outcome<Value>& outcome : outer.result()) {
                items.push_back(outcome.has_value() ? outcome.value()
                                                    : python_exception(*runtime, outcome.error()));
            }
            return make_list(*runtime, std::move(items));
        });
    } else {
        auto outer = loopscope::gather(std::move(children));
        gathering = make_future_object(
            rt, outer.core(), [runtime, outer] { return make_list(*runtime, outer.result()); });
    }
    gathering.as<FutureObject>()->gathering = true;
    note_creation_site(rt, gathering, MadeBy::Gather);
    return gathering;
}

// --- wait_for ----------------------------------------------------------------------------

// `async def wait_for(fut, timeout)` of CPython 3.12, from its first line: nothing is checked
// and no loop is needed until it runs.
Coro<Value> wait_for_operation(Runtime& rt, Value awaitable, Value timeout_argument) {
    std::optional<Nanos> timeout;
    try {
        if (!timeout_argument.is_none() && !timeout_argument.is_int() &&
            !timeout_argument.is_float() && !timeout_argument.is_bool()) {
            compare(rt, timeout_argument, Value::integer(0), CompareOp::Le);  // `timeout <= 0`
        }
        timeout = optional_seconds(rt, timeout_argument);
    } catch (const ScriptError& error) {
        hold_with_exception(rt, error.exception, awaitable);  // as wait() does with its futures
        throw;
    }
    if (is_any_coroutine(rt, awaitable) && !(timeout && *timeout <= 0)) {
        // `async with timeout(t): return await fut` — a coroutine, a VM one or a builtin one
        // (q.get(), asyncio.sleep(1)), runs inline, in this task: no task of its own.
        TaskCore& task = co_await this_task();
        Coro<Value> body = drive_coroutine(rt, std::move(awaitable));
        Coro<Value> scoped =
            with_timeout(loopscope::timeout(task.scheduler(), timeout), std::move(body));
        Value result = co_await scoped;
        co_return result;
    }
    Value future = ensure_future_object(rt, awaitable);
    FutureObject* object = future.as<FutureObject>();
    object->exception_retrieved = true;
    Coro<Value> waiting = loopscope::wait_for(value_future(rt, *object), timeout);
    Value result = co_await waiting;
    co_return result;
}

Value wait_for(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"wait_for", {"fut", "timeout"}, 2};
    auto parsed = parse_arguments(rt, args, signature);
    return make_operation(rt, wait_for_operation(rt, *parsed[0], *parsed[1]), "wait_for");
}

// --- wait --------------------------------------------------------------------------------

ReturnWhen parse_return_when(Runtime& rt, const Value& value) {
    const std::string text = is_instance(rt, value, *rt.types().str) ? to_str(rt, value) : "";
    if (text == "FIRST_COMPLETED") {
        return ReturnWhen::FirstCompleted;
    }
    if (text == "FIRST_EXCEPTION") {
        return ReturnWhen::FirstException;
    }
    if (text == "ALL_COMPLETED") {
        return ReturnWhen::AllCompleted;
    }
    raise_error(rt, rt.types().ValueError, "Invalid return_when value: " + to_str(rt, value));
}

// The futures of an argument that must be an iterable of futures, not one future or coroutine.
std::vector<Value> future_arguments(Runtime& rt, const Value& fs, const char* what) {
    if (as_future_object(rt, fs) != nullptr || is_any_coroutine(rt, fs)) {
        raise_error(
            rt, rt.types().TypeError,
            std::string("expect ") + what + " of futures, not " + std::string(type_name(rt, fs)));
    }
    return to_vector(rt, fs);
}

// `async def wait(fs, *, timeout, return_when)`: its checks come when it runs, as CPython's.
Coro<Value> wait_operation(Runtime& rt, Value fs, Value timeout_argument,
                           std::optional<Value> return_when_argument) {
    std::vector<Value> futures;
    ReturnWhen return_when = ReturnWhen::AllCompleted;
    std::optional<Nanos> timeout;
    try {
        futures = future_arguments(rt, fs, "a list");
        if (futures.empty()) {
            raise_error(rt, rt.types().ValueError, "Set of Tasks/Futures is empty.");
        }
        if (return_when_argument) {
            return_when = parse_return_when(rt, *return_when_argument);
        }
        for (const Value& each : futures) {
            if (is_any_coroutine(rt, each)) {
                raise_error(rt, rt.types().TypeError,
                            "Passing coroutines is forbidden, use tasks explicitly.");
            }
            if (as_future_object(rt, each) == nullptr) {
                raise_error(rt, rt.types().TypeError,
                            "An asyncio.Future, a coroutine or an awaitable is required");
            }
        }
        timeout = optional_seconds(rt, timeout_argument);
    } catch (const ScriptError& error) {
        // CPython's traceback keeps wait()'s frame, and so its arguments, alive as long as the
        // exception: a coroutine among them warns "never awaited" only when the exception goes.
        hold_with_exception(rt, error.exception, make_tuple(rt, {fs, make_tuple(rt, futures)}));
        throw;
    }
    std::vector<Future<Value>> typed;
    std::vector<Value> objects;
    std::unordered_set<const FutureCore*> seen;
    for (const Value& each : futures) {
        FutureObject* object = as_future_object(rt, each);
        if (seen.insert(object->core.get()).second) {
            typed.push_back(value_future(rt, *object));
            objects.push_back(each);
        }
    }
    Coro<WaitResult<Value>> waiting = loopscope::wait(typed, timeout, return_when);
    WaitResult<Value> result = co_await waiting;
    std::vector<Value> done;
    std::vector<Value> pending;
    for (const Value& each : objects) {
        (as_future_object(rt, each)->core->done() ? done : pending).push_back(each);
    }
    (void)result;
    co_return make_tuple(rt, {make_set(rt, done), make_set(rt, pending)});
}

Value wait(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"wait", {"fs", "timeout", "return_when"}, 1, 0, 1};
    auto parsed = parse_arguments(rt, args, signature);
    return make_operation(
        rt, wait_operation(rt, *parsed[0], parsed[1] ? *parsed[1] : Value(), parsed[2]), "wait");
}

// --- shield ------------------------------------------------------------------------------

Value shield(Runtime& rt, const CallArgs& args) {
    expect_exactly(rt, args, "shield", 1);
    Value inner = ensure_future_object(rt, args[0]);
    FutureObject* object = inner.as<FutureObject>();
    if (object->core->done()) {
        return inner;
    }
    return make_future_object(rt, loopscope::shield(value_future(rt, *object)));
}

// --- as_completed --------------------------------------------------------------------------

struct AsCompletedObject : TrackedObject {
    AsCompletedObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    std::vector<Value> inputs;
    std::optional<Nanos> timeout;
    std::optional<AsCompleted<Value>> iterator;
    std::vector<Value> futures;  // the distinct futures, kept alive while iterating
    std::size_t yielded = 0;
    void clear_references() override {
        inputs.clear();
        futures.clear();
        iterator.reset();
    }
};

Value as_completed(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"as_completed", {"fs", "timeout"}, 1, 0, 1};
    auto parsed = parse_arguments(rt, args, signature);
    std::vector<Value> inputs = future_arguments(rt, *parsed[0], "an iterable");
    auto object = Ref<AsCompletedObject>::make(rt, asyncio_state(rt).types.AsCompleted.get());
    object->inputs = std::move(inputs);
    object->timeout = parsed[1] ? optional_seconds(rt, *parsed[1]) : std::nullopt;
    return Value(object);
}

// The generator's body runs on the first next(): the futures are made and watched then.
bool as_completed_next(Runtime& rt, const Value& self, Value& out) {
    auto* object = self.as<AsCompletedObject>();
    if (!object->iterator) {
        std::vector<Future<Value>> typed;
        std::unordered_set<const Object*> seen;
        for (const Value& each : object->inputs) {
            if (each.is_object() && !seen.insert(each.as_object()).second) {
                continue;
            }
            Value future = ensure_future_object(rt, each);
            FutureObject* future_object = future.as<FutureObject>();
            future_object->exception_retrieved = true;
            typed.push_back(value_future(rt, *future_object));
            object->futures.push_back(future);
        }
        object->inputs.clear();
        object->iterator.emplace(with_python_errors(
            rt, [&] { return loopscope::as_completed(typed, object->timeout); }));
    }
    if (object->yielded >= object->iterator->size()) {
        return false;
    }
    ++object->yielded;
    out = make_operation(rt, object->iterator->next(), "as_completed.<locals>._wait_for_one");
    return true;
}

// --- timeout ---------------------------------------------------------------------------------

struct TimeoutObject : TrackedObject {
    TimeoutObject(Runtime& rt, TypeObject* cls, TimeoutScope scope_)
        : TrackedObject(rt, cls), scope(std::move(scope_)) {}
    TimeoutScope scope;
    bool entered = false;
    // The deadline as the script gave it (a float of loop time): when() returns this very
    // value, as CPython does, rather than its nanosecond rounding.
    Value python_when;
    void clear_references() override { python_when = Value(); }
};

Value make_timeout(Runtime& rt, const Value& argument, bool absolute) {
    Scheduler& scheduler = running_scheduler(rt);
    const std::optional<Nanos> when = optional_seconds(rt, argument);
    TimeoutScope scope =
        absolute ? loopscope::timeout_at(scheduler, when) : loopscope::timeout(scheduler, when);
    auto object = Ref<TimeoutObject>::make(rt, asyncio_state(rt).types.Timeout.get(), scope);
    if (absolute || argument.is_none()) {
        object->python_when = argument;
    } else {
        // timeout(delay): CPython's loop.time() + delay.
        object->python_when = Value::floating(nanos_to_seconds(scheduler.loop().clock().peek()) +
                                              to_double(rt, argument));
    }
    return Value(object);
}

Value timeout(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"timeout", {"delay"}, 1};
    auto parsed = parse_arguments(rt, args, signature);
    return make_timeout(rt, *parsed[0], false);
}

Value timeout_at(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"timeout_at", {"when"}, 1};
    auto parsed = parse_arguments(rt, args, signature);
    return make_timeout(rt, *parsed[0], true);
}

TimeoutObject& self_timeout(const CallArgs& args) {
    return *args[0].as<TimeoutObject>();
}

// What __aexit__ does with the C++ scope's verdict: false when it let the body's exception go
// on unchanged (the VM re-raises it), raising the new exception (TimeoutError) otherwise.
Value exit_verdict(Runtime& rt, const std::exception_ptr& thrown, const Value& exception) {
    if (!thrown) {
        return Value::boolean(false);
    }
    Value raised = python_exception(rt, thrown);
    if (!exception.is_none() && identical(raised, exception)) {
        return Value::boolean(false);
    }
    throw ScriptError{raised};
}

void install_timeout_type(Runtime& rt, ModuleObject& module) {
    AsyncioState& state = asyncio_state(rt);
    TypeBuilder builder(rt, "Timeout", "asyncio.timeouts");
    builder
        .method("__aenter__",
                [](Runtime& r, const CallArgs& a) {
                    TimeoutObject& self = self_timeout(a);
                    with_python_errors(r, [&] { self.scope.enter(); });
                    self.entered = true;
                    return make_ready(r, a[0], "Timeout.__aenter__");
                })
        .method(
            "__aexit__",
            [](Runtime& r, const CallArgs& a) {
                TimeoutObject& self = self_timeout(a);
                const Value exception = a.size() > 2 ? a[2] : Value();
                std::exception_ptr thrown;
                try {
                    self.scope.exit(exception.is_none() ? nullptr : cpp_exception(r, exception));
                } catch (...) {
                    thrown = std::current_exception();
                }
                return make_ready(r, exit_verdict(r, thrown, exception), "Timeout.__aexit__");
            })
        .method("when",
                [](Runtime&, const CallArgs& a) {
                    TimeoutObject& self = self_timeout(a);
                    if (!self.scope.when()) {
                        return Value();
                    }
                    return self.python_when.is_none()
                               ? Value::floating(nanos_to_seconds(*self.scope.when()))
                               : self.python_when;
                })
        .method("reschedule",
                [](Runtime& r, const CallArgs& a) {
                    expect_exactly(r, a, "reschedule", 2);
                    TimeoutObject& self = self_timeout(a);
                    with_python_errors(r,
                                       [&] { self.scope.reschedule(optional_seconds(r, a[1])); });
                    self.python_when = a[1];
                    return Value();
                })
        .method("expired", [](Runtime&, const CallArgs& a) {
            return Value::boolean(self_timeout(a).scope.expired());
        });
    builder.slots().repr = [](Runtime&, const Value& self) {
        return self.as<TimeoutObject>()->scope.repr();
    };
    state.types.Timeout = builder.build();
    module.dict.set("Timeout", Value(state.types.Timeout));
}

// --- TaskGroup -------------------------------------------------------------------------------

struct TaskGroupObject : TrackedObject {
    TaskGroupObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    std::unique_ptr<TaskGroup> group;
    int run = 0;
    bool exited = false;
    void clear_references() override {}
};

TaskGroupObject& self_group(const CallArgs& args) {
    return *args[0].as<TaskGroupObject>();
}

std::string task_group_repr(Runtime&, const Value& self) {
    auto* object = self.as<TaskGroupObject>();
    if (!object->group) {
        return "<TaskGroup>";
    }
    return object->group->repr();
}

Coro<Value> task_group_exit(Runtime& rt, Value self, Value exception) {
    auto* object = self.as<TaskGroupObject>();
    std::exception_ptr thrown;
    try {
        Coro<void> exiting =
            object->group->exit(exception.is_none() ? nullptr : cpp_exception(rt, exception));
        co_await exiting;
    } catch (...) {
        thrown = std::current_exception();
    }
    object->exited = true;
    co_return exit_verdict(rt, thrown, exception);
}

void install_task_group_type(Runtime& rt, ModuleObject& module) {
    AsyncioState& state = asyncio_state(rt);
    TypeBuilder builder(rt, "TaskGroup", "asyncio.taskgroups");
    builder
        .method("__aenter__",
                [](Runtime& r, const CallArgs& a) {
                    TaskGroupObject& self = self_group(a);
                    if (self.group) {
                        raise_error(r, r.types().RuntimeError,
                                    "TaskGroup " + repr(r, a[0]) + " has already been entered");
                    }
                    self.group = std::make_unique<TaskGroup>(running_scheduler(r));
                    self.run = asyncio_state(r).runs;
                    with_python_errors(r, [&] { self.group->enter(); });
                    return make_ready(r, a[0], "TaskGroup.__aenter__");
                })
        .method("__aexit__",
                [](Runtime& r, const CallArgs& a) {
                    const Value exception = a.size() > 2 ? a[2] : Value();
                    return make_operation(r, task_group_exit(r, a[0], exception),
                                          "TaskGroup.__aexit__");
                })
        .method("create_task", [](Runtime& r, const CallArgs& a) {
            static const Signature signature{
                "create_task", {"self", "coro", "name", "context"}, 2, 0, 2};
            auto parsed = parse_arguments(r, a, signature);
            TaskGroupObject& self = self_group(a);
            const Value coro = *parsed[1];
            if (!self.group) {
                raise_error(r, r.types().RuntimeError,
                            "TaskGroup " + repr(r, a[0]) + " has not been entered");
            }
            std::optional<std::string> name;
            if (parsed[2] && !parsed[2]->is_none()) {
                name = to_str(r, *parsed[2]);
            }
            try {
                Value task = with_python_errors(
                    r, [&] { return create_script_task(r, coro, name, self.group.get()); });
                note_creation_site(r, task, MadeBy::TaskGroup);
                return task;
            } catch (const ScriptError&) {
                // CPython closes the coroutine it refuses, so it does not warn "never awaited".
                if (CoroutineObject* coroutine = as_coroutine(coro)) {
                    close_coroutine(r, *coroutine);
                }
                throw;
            }
        });
    builder.slots().repr = task_group_repr;
    builder.slots().construct = [](Runtime& r, TypeObject& type, const CallArgs& a) -> Value {
        expect_exactly(r, a, "TaskGroup", 0);
        return Value(Ref<TaskGroupObject>::make(r, &type));
    };
    state.types.TaskGroup = builder.build();
    module.dict.set("TaskGroup", Value(state.types.TaskGroup));
}

// --- to_thread -----------------------------------------------------------------------------

// The Python call a worker thread makes. Its Values are only touched with the interpreter
// lock held, and dropped before the lock is given back (see interpreter_lock.h).
struct ThreadCall {
    Runtime* rt;
    Value function;
    std::vector<Value> positional;
    std::vector<Value> keyword_values;
    std::vector<std::string> keyword_names;
    std::string label;  // the job's name in the trace: the function's __qualname__

    Value operator()() {
        AsyncioState& state = asyncio_state(*rt);
        struct Counted {
            std::atomic<int>& jobs;
            ~Counted() { --jobs; }
        } counted{state.python_jobs};
        InterpreterLock::Hold hold(state.lock);
        const RunningExecutorJob running(label);
        std::vector<std::string_view> names(keyword_names.begin(), keyword_names.end());
        Value result;
        try {
            result = call(
                *rt, function,
                CallArgs{positional, keyword_values, std::span<const std::string_view>(names)});
        } catch (...) {
            release();
            throw;
        }
        release();
        return result;
    }
    void release() {
        function = Value();
        positional.clear();
        keyword_values.clear();
    }
};

Coro<Value> to_thread_operation(Runtime& rt, std::shared_ptr<ThreadCall> job) {
    TaskCore& task = co_await this_task();
    ++asyncio_state(rt).python_jobs;
    Future<Value> future = loopscope::run_in_executor(
        task.loop(), [job] { return (*job)(); }, job->label);
    Value result = co_await future;
    co_return result;
}

std::string callable_label(Runtime& rt, const Value& function) {
    Value name;
    if (lookup_attr(rt, function, "__qualname__", name)) {
        return to_str(rt, name);
    }
    return repr(rt, function);
}

Value to_thread(Runtime& rt, const CallArgs& args) {
    if (args.size() == 0) {
        raise_error(rt, rt.types().TypeError,
                    "to_thread() missing 1 required positional argument: 'func'");
    }
    // No loop needed yet: to_thread_operation finds its task's loop when it runs.
    auto job = std::make_shared<ThreadCall>();
    job->rt = &rt;
    job->function = args[0];
    job->positional.assign(args.positional.begin() + 1, args.positional.end());
    job->keyword_values.assign(args.keyword_values.begin(), args.keyword_values.end());
    for (std::string_view name : args.keyword_names) {
        job->keyword_names.emplace_back(name);
    }
    job->label = callable_label(rt, args[0]);
    return make_operation(rt, to_thread_operation(rt, job), "to_thread");
}

}  // namespace

// loop.run_in_executor(None, func, *args): the future of a worker-thread call.
Value run_in_executor_future(Runtime& rt, const Value& function, std::vector<Value> positional) {
    AsyncioState& state = asyncio_state(rt);
    if (state.loop == nullptr) {
        raise_error(rt, rt.types().RuntimeError, "no running event loop");
    }
    auto job = std::make_shared<ThreadCall>();
    job->rt = &rt;
    job->function = function;
    job->positional = std::move(positional);
    job->label = callable_label(rt, function);
    ++state.python_jobs;
    return make_future_object(rt, loopscope::run_in_executor(
                                      *state.loop, [job] { return (*job)(); }, job->label));
}

void install_composition(Runtime& rt, ModuleObject& module) {
    module.dict.set("gather", make_native_function(rt, "gather", gather));
    module.dict.set("wait_for", make_native_function(rt, "wait_for", wait_for));
    module.dict.set("wait", make_native_function(rt, "wait", wait));
    module.dict.set("shield", make_native_function(rt, "shield", shield));
    module.dict.set("as_completed", make_native_function(rt, "as_completed", as_completed));
    module.dict.set("timeout", make_native_function(rt, "timeout", timeout));
    module.dict.set("timeout_at", make_native_function(rt, "timeout_at", timeout_at));
    module.dict.set("to_thread", make_native_function(rt, "to_thread", to_thread));
    install_timeout_type(rt, module);
    install_task_group_type(rt, module);

    AsyncioState& state = asyncio_state(rt);
    TypeBuilder iterator(rt, "generator", "builtins");
    iterator.slots().iter = [](Runtime&, const Value& self) { return self; };
    iterator.slots().next = as_completed_next;
    iterator.slots().repr = [](Runtime&, const Value&) {
        return std::string("<generator object as_completed>");
    };
    state.types.AsCompleted = iterator.build();
}

}  // namespace loopscope::script
