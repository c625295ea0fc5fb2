#include "script/modules/future_object.h"

#include <algorithm>
#include <utility>

#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/exception_bridge.h"
#include "script/modules/exception_text.h"
#include "script/modules/library_coroutine_sites.h"
#include "script/modules/script_repr.h"
#include "script/objects/cpython_library.h"
#include "script/objects/errors.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/type_object.h"
#include "script/vm/coroutine.h"
#include "script/vm/vm.h"

namespace loopscope::script {

namespace {

const ResultSlot<void> kNoResult{};

FutureObject& self_future(Runtime& rt, const CallArgs& args, std::string_view method) {
    FutureObject* future = args.size() > 0 ? as_future_object(rt, args[0]) : nullptr;
    if (future == nullptr) {
        raise_error(rt, rt.types().TypeError,
                    "descriptor '" + std::string(method) + "' requires a '_asyncio.Future' object");
    }
    return *future;
}

[[noreturn]] void raise_task_awaits_itself(Runtime& rt, FutureObject& task);

// The awaited future of `await future`: waits in the task, then reads the result.
Coro<Value> await_future(Runtime& rt, Value self) {
    auto* future = self.as<FutureObject>();
    // A named awaiter: g++ 12 destroys a braced temporary in a co_await expression twice.
    FutureAwaiter<void> awaiter{future->core, &kNoResult};
    const int suspends = future->core->done() ? 0 : 1;
    bool awaits_itself = false;
    if (future->is_task() && suspends > 0) {
        TaskCore& running = co_await this_task();
        awaits_itself = future->task == &running;
    }
    future->awaiting_tasks += suspends;
    try {
        co_await awaiter;
    } catch (const loopscope::RuntimeError&) {
        future->awaiting_tasks -= suspends;
        if (awaits_itself) {
            raise_task_awaits_itself(rt, *future);
        }
        future->exception_retrieved = true;
        throw;
    } catch (const CancelledError&) {
        future->awaiting_tasks -= suspends;
        future->exception_retrieved = true;
        if (future->core->cancelled() && !future->cancelled_exception.is_none()) {
            // CPython's __wakeup reads the awaited task's result(): its own CancelledError.
            std::rethrow_exception(cpp_exception(rt, take_cancelled_error(rt, *future)));
        }
        throw;
    } catch (...) {
        future->awaiting_tasks -= suspends;
        future->exception_retrieved = true;
        throw;
    }
    future->awaiting_tasks -= suspends;
    future->exception_retrieved = true;
    co_return future->result_value();
}

std::string state_word(const FutureObject& future) {
    if (!future.core->done()) {
        if (future.task != nullptr && future.task->cancelling() > 0) {
            return "cancelling";
        }
        return "pending";
    }
    return future.core->cancelled() ? "cancelled" : "finished";
}

// One of asyncio's own coroutines (an OperationObject) and where it stands in CPython's library.
struct LibraryCoroutine {
    const OperationObject* operation = nullptr;
    const LibraryCoroutineSite* site = nullptr;
    explicit operator bool() const { return site != nullptr; }
};

// The library coroutine a value is; empty for anything else.
LibraryCoroutine as_library_coroutine(const Value& value) {
    const auto* operation = dynamic_cast<const OperationObject*>(as_host_awaitable(value));
    if (operation == nullptr) {
        return {};
    }
    const LibraryCoroutineSite* site = library_coroutine_site(operation->name);
    return site != nullptr ? LibraryCoroutine{operation, site} : LibraryCoroutine{};
}

// The task is suspended on a future or a sleep's timer: CPython's _fut_waiter is set.
bool task_waits(const FutureObject& task) {
    return task.task != nullptr && task.task->is_waiting();
}

std::string coroutine_repr(Runtime& rt, FutureObject& future) {
    if (const LibraryCoroutine library = as_library_coroutine(future.coro)) {
        const LibraryCoroutineSite* site = library.site;
        // CPython's own coroutine: defined (and, before its first step, standing) at its
        // `def`; suspended at its `await`, or at sleep(0)'s bare yield.
        const std::string at = cpython_library_file(site->file) + ":";
        const std::string name = std::string(site->qualname) + "()";
        if (future.core->done()) {
            return name + " done, defined at " + at + std::to_string(site->defined_at);
        }
        int line = site->defined_at;
        if (!library.operation->pending()) {
            line = site->yields_at != 0 && !task_waits(future) ? site->yields_at : site->waits_at;
        }
        return name + " running at " + at + std::to_string(line);
    }
    if (CoroutineObject* coro = as_coroutine(future.coro)) {
        const std::string name = coroutine_qualname(*coro) + "()";
        const std::string file = coroutine_filename(*coro);
        if (!coroutine_finished(*coro)) {
            return name + " running at " + file + ":" + std::to_string(coroutine_frame_line(*coro));
        }
        return name + " done, defined at " + file + ":" + std::to_string(future.coro_first_line);
    }
    return repr(rt, future.coro);
}

// The scheduler refused the await with a RuntimeError naming the task as it can (name and
// state); CPython's names its coroutine and callbacks too. Raised where the refusal arrives,
// one step after the await, when CPython's __step has made its repr: the coroutine stands at
// its `await` and waits on nothing.
void raise_task_awaits_itself(Runtime& rt, FutureObject& task) {
    task.awaiting = Value();
    raise_error(rt, rt.types().RuntimeError,
                "Task cannot await on itself: " + future_repr(rt, task));
}

}  // namespace

FutureObject::FutureObject(Runtime& rt, TypeObject* cls) : HostAwaitable(rt, cls), runtime(&rt) {}

namespace {

// `core` keeps the task alive: while it is held, the task can be unbound (its binding must not
// outlive this object); once it is released (clear_references), `task` may be gone.
void unbind_from_task(FutureObject& future) {
    if (future.task != nullptr && future.core && bound_task_object(*future.task) == &future) {
        future.task->set_binding(nullptr);
    }
}

}  // namespace

FutureObject::~FutureObject() {
    unbind_from_task(*this);
    Runtime& rt = *runtime;
    if (rt.tearing_down()) {
        return;
    }
    if (rt.asyncio_state != nullptr) {
        AsyncioState& state = asyncio_state(rt);
        if (!state.creation_sites.empty()) {
            state.creation_sites.erase(this);
        }
    }
    if (core && core->done() && !core->cancelled() && !exception_retrieved) {
        std::exception_ptr error;
        try {
            error = core->exception();
        } catch (...) {
        }
        if (error) {
            // The object is being destroyed: report through a fresh reference-free path.
            try {
                warn_unretrieved_exception(rt, *this);
            } catch (...) {
            }
        }
    }
}

void FutureObject::clear_references() {
    coro = Value();
    awaiting = Value();
    cancelled_exception = Value();
    callbacks.clear();
    read_result.reset();
    value_slot = nullptr;
    unbind_from_task(*this);
    core.reset();
}

Coro<Value> FutureObject::start(Runtime& rt, const Value& self) {
    return await_future(rt, self);
}

void FutureObject::check_loop_alive(Runtime& rt) const {
    const AsyncioState& state = asyncio_state(rt);
    if (state.loop == nullptr || state.runs != run) {
        raise_error(rt, rt.types().RuntimeError, "Event loop is closed");
    }
}

FutureObject* as_future_object(Runtime& rt, const Value& v) {
    if (!v.is_object()) {
        return nullptr;
    }
    const AsyncioState& state = asyncio_state(rt);
    TypeObject& type = type_of(rt, v);
    if ((state.types.Future && type.is_subtype_of(*state.types.Future)) ||
        (state.types.Task && type.is_subtype_of(*state.types.Task))) {
        return v.as<FutureObject>();
    }
    return nullptr;
}

Value make_future_object(Runtime& rt, FutureRef<FutureCore> core,
                         std::function<Value()> read_result) {
    AsyncioState& state = asyncio_state(rt);
    auto object = Ref<FutureObject>::make(rt, state.types.Future.get());
    object->core = std::move(core);
    if (read_result) {
        object->read_result = std::make_unique<FutureObject::Reader>(
            FutureObject::Reader{std::move(read_result), {}});
    }
    object->run = state.runs;
    return Value(object);
}

Value make_future_object(Runtime& rt, Future<Value> future) {
    Value object = make_future_object(rt, future.core(), nullptr);
    object.as<FutureObject>()->set_typed(future);
    return object;
}

Value task_object_of(Runtime& rt, TaskCore& task) {
    AsyncioState& state = asyncio_state(rt);
    if (FutureObject* bound = bound_task_object(task)) {
        return Value(static_cast<Object*>(bound));
    }
    // A task made by C++ code (none of the script's own): a Task object that reads its result
    // through the core. Every script task's result type is Value.
    auto object = Ref<FutureObject>::make(rt, state.types.Task.get());
    auto core = static_future_cast<TaskCore>(task.ref());
    auto* typed_state = dynamic_cast<TaskState<Value>*>(&task);
    object->core = core;
    if (typed_state != nullptr) {
        auto shared = static_future_cast<TaskState<Value>>(core);
        object->set_typed(Task<Value>(shared));
    } else {
        object->read_result = std::make_unique<FutureObject::Reader>(
            FutureObject::Reader{[] { return Value(); }, {}});
    }
    object->task = &task;
    object->set_name(task.name());
    object->run = state.runs;
    task.set_binding(object.get());
    return Value(object);
}

Value take_cancelled_error(Runtime& rt, FutureObject& future) {
    if (!future.cancelled_exception.is_none()) {
        return std::exchange(future.cancelled_exception, Value());
    }
    return python_exception(rt, std::make_exception_ptr(future.core->make_cancelled_error()));
}

namespace {

std::string creation_site(Runtime& rt, MadeBy made_by) {
    const auto library = [](std::string_view file, int line) {
        return cpython_library_file(file) + ":" + std::to_string(line);
    };
    switch (made_by) {
        case MadeBy::Script:
            return vm::current_filename(rt) + ":" + std::to_string(vm::current_line(rt));
        case MadeBy::CreateTask:
            return library("asyncio/tasks.py", 420);
        case MadeBy::TaskGroup:
            return library("asyncio/taskgroups.py", 161);
        case MadeBy::EnsureFuture:
            return library("asyncio/tasks.py", 695);
        case MadeBy::Run:
            return library("asyncio/runners.py", 100);
        case MadeBy::CreateFuture:
            return library("asyncio/base_events.py", 447);
        case MadeBy::Gather:
            return library("asyncio/tasks.py", 712);  // _GatheringFuture.__init__
    }
    return std::string();
}

// " created at FILE:LINE" of a future or task made in a debug run, else nothing.
std::string creation_suffix(Runtime& rt, const FutureObject& future) {
    const AsyncioState& state = asyncio_state(rt);
    if (state.creation_sites.empty()) {
        return std::string();
    }
    const auto site = state.creation_sites.find(&future);
    return site == state.creation_sites.end() ? std::string() : " created at " + site->second;
}

}  // namespace

void note_creation_site(Runtime& rt, const Value& future, MadeBy made_by) {
    AsyncioState& state = asyncio_state(rt);
    if (!state.debug || state.loop == nullptr) {
        return;
    }
    if (FutureObject* object = as_future_object(rt, future)) {
        state.creation_sites[object] = creation_site(rt, made_by);
    }
}

std::string debug_creation_suffix(Runtime& rt, MadeBy made_by) {
    const AsyncioState& state = asyncio_state(rt);
    if (!state.debug || state.loop == nullptr) {
        return std::string();
    }
    return " created at " + creation_site(rt, made_by);
}

std::string future_repr(Runtime& rt, FutureObject& future) {
    std::vector<std::string> info;
    info.push_back(state_word(future));
    if (future.core->done() && !future.core->cancelled()) {
        std::exception_ptr error;
        try {
            error = future.core->exception();
        } catch (...) {
        }
        if (error) {
            info.push_back("exception=" + repr(rt, python_exception(rt, error)));
        } else {
            info.push_back("result=" + limited_repr(rt, future.result_value()));
        }
    }
    std::vector<std::string> callbacks;
    if (future.in_task_group) {
        callbacks.push_back("TaskGroup._on_task_done()");
    }
    if (future.run_until_complete_callback) {
        callbacks.push_back("_run_until_complete_cb() at " +
                            cpython_library_file("asyncio/base_events.py") + ":180");
    }
    for (int i = 0; i < future.awaiting_tasks; ++i) {
        callbacks.push_back("Task.task_wakeup()");
    }
    for (const auto& [callback, token] : future.callbacks) {
        Value name;
        if (lookup_attr(rt, callback, "__qualname__", name)) {
            callbacks.push_back(to_str(rt, name) + "()");
        } else {
            callbacks.push_back(repr(rt, callback));
        }
    }
    if (!callbacks.empty() && !future.core->done()) {
        std::string joined = "cb=[";
        if (callbacks.size() > 2) {
            joined += callbacks.front() + ", <" + std::to_string(callbacks.size() - 2) +
                      " more>, " + callbacks.back();
        } else {
            for (std::size_t i = 0; i < callbacks.size(); ++i) {
                joined += (i ? ", " : "") + callbacks[i];
            }
        }
        info.push_back(joined + "]");
    }
    if (std::string created = creation_suffix(rt, future); !created.empty()) {
        info.push_back(created.substr(1));
    }
    if (future.is_task()) {
        info.insert(info.begin() + 1, "name=" + python_str_repr(rt, future.name()));
        std::vector<std::string> extra;
        extra.push_back("coro=<" + coroutine_repr(rt, future) + ">");
        // What it awaits: what its coroutine awaits, or, for a task running one of asyncio's
        // own coroutines, the future that coroutine waits on.
        const LibraryCoroutine library = as_library_coroutine(future.coro);
        const bool waits_in_library = library && !library.operation->pending() &&
                                      future.awaiting.is_none() && task_waits(future);
        if (!future.core->done() && (!future.awaiting.is_none() || waits_in_library)) {
            std::string waiting;
            if (FutureObject* awaited = as_future_object(rt, future.awaiting)) {
                waiting = future_repr(rt, *awaited);
            } else if (future.task->cancelling() > 0) {
                // cancel() cancelled the future the wait is on (a sleep's, a lock waiter's).
                waiting =
                    "<Future cancelled" + debug_creation_suffix(rt, MadeBy::CreateFuture) + ">";
            } else {
                // to_thread awaits run_in_executor's future, which _chain_future gave a
                // callback of its own.
                const LibraryCoroutine awaited_library =
                    waits_in_library ? library : as_library_coroutine(future.awaiting);
                const bool chained =
                    awaited_library && awaited_library.site->qualname == "to_thread";
                waiting = std::string("<Future pending cb=[") +
                          (chained ? "_chain_future.<locals>._call_check_cancel() at " +
                                         cpython_library_file("asyncio/futures.py") + ":387, "
                                   : "") +
                          "Task.task_wakeup()]" + debug_creation_suffix(rt, MadeBy::CreateFuture) +
                          ">";
            }
            extra.push_back("wait_for=" + waiting);
        }
        info.insert(info.begin() + 2, extra.begin(), extra.end());
        std::string text = "<Task";
        for (const std::string& part : info) {
            text += " " + part;
        }
        return text + ">";
    }
    std::string text = future.gathering ? "<_GatheringFuture" : "<Future";
    for (const std::string& part : info) {
        text += " " + part;
    }
    return text + ">";
}

void warn_unretrieved_exception(Runtime& rt, FutureObject& future) {
    std::exception_ptr error = future.core->exception();
    const Value exception = python_exception(rt, error);
    std::string text = future.is_task() ? "Task exception was never retrieved\n"
                                        : "Future exception was never retrieved\n";
    text += "future: " + future_repr(rt, future) + "\n";
    text += exception_report(rt, exception);
    rt.write_stderr(text);
}

namespace {

Value future_result(Runtime& rt, FutureObject& future) {
    if (future.core->cancelled()) {
        future.exception_retrieved = true;
        throw ScriptError{take_cancelled_error(rt, future)};
    }
    if (!future.core->done()) {
        raise_error(rt, *asyncio_state(rt).types.InvalidStateError, "Result is not set.");
    }
    future.exception_retrieved = true;
    if (std::exception_ptr error = future.core->exception()) {
        raise_python(rt, error);
    }
    return future.result_value();
}

Value future_exception(Runtime& rt, FutureObject& future) {
    if (future.core->cancelled()) {
        throw ScriptError{take_cancelled_error(rt, future)};
    }
    if (!future.core->done()) {
        raise_error(rt, *asyncio_state(rt).types.InvalidStateError, "Exception is not set.");
    }
    future.exception_retrieved = true;
    if (std::exception_ptr error = future.core->exception()) {
        return python_exception(rt, error);
    }
    return Value();
}

// A done-callback raised: the loop's exception handler reports it, as CPython's does.
void report_callback_error(Runtime& rt, const Value& callback, const Value& future,
                           const Value& exception) {
    const Value args[] = {future};
    const std::string call = describe_callback(rt, callback, args);
    rt.write_stderr("Exception in callback " + call + "\nhandle: <Handle " + call + ">\n" +
                    exception_report(rt, exception));
}

Value add_done_callback(Runtime& rt, const CallArgs& args) {
    FutureObject& future = self_future(rt, args, "add_done_callback");
    if (args.size() != 2) {
        raise_error(rt, rt.types().TypeError,
                    "add_done_callback() takes exactly 1 positional argument (" +
                        std::to_string(args.size() - 1) + " given)");
    }
    const Value callback = args[1];
    const Value self = args[0];
    if (!future.core->done()) {
        future.check_loop_alive(rt);
    } else if (asyncio_state(rt).loop == nullptr) {
        raise_error(rt, rt.types().RuntimeError, "Event loop is closed");
    }
    Runtime* runtime = &rt;
    const std::uint64_t token = future.core->add_done_callback([runtime, callback, self] {
        try {
            call(*runtime, callback, {self});
        } catch (const ScriptError& error) {
            report_callback_error(*runtime, callback, self, error.exception);
        } catch (...) {
            // The instruction limit or a stop request: asyncio.run ends the script with it.
            const std::exception_ptr error = std::current_exception();
            if (!is_script_abort(error)) {
                throw;
            }
            note_script_abort(*runtime, error);
        }
    });
    future.callbacks.emplace_back(callback, token);
    return Value();
}

Value remove_done_callback(Runtime& rt, const CallArgs& args) {
    FutureObject& future = self_future(rt, args, "remove_done_callback");
    expect_exactly(rt, args, "remove_done_callback", 2);
    std::int64_t removed = 0;
    for (auto it = future.callbacks.begin(); it != future.callbacks.end();) {
        if (equals(rt, it->first, args[1])) {
            future.core->remove_done_callback(it->second);
            it = future.callbacks.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return Value::integer(removed);
}

Value cancel(Runtime& rt, const CallArgs& args) {
    FutureObject& future = self_future(rt, args, "cancel");
    const Value* msg_keyword = find_keyword(args, "msg");
    Value msg = args.size() > 1 ? args[1] : (msg_keyword ? *msg_keyword : Value());
    if (future.core->done()) {
        return Value::boolean(false);
    }
    future.check_loop_alive(rt);
    return Value::boolean(future.core->cancel(message_from(rt, msg)));
}

Value construct_future(Runtime& rt, TypeObject&, const CallArgs& args) {
    (void)args;
    AsyncioState& state = asyncio_state(rt);
    if (state.loop == nullptr) {
        raise_error(rt, rt.types().RuntimeError, "no running event loop");
    }
    Value future = make_future_object(rt, Future<Value>(*state.loop));
    note_creation_site(rt, future, MadeBy::Script);
    return future;
}

std::string repr_slot(Runtime& rt, const Value& self) {
    return future_repr(rt, *self.as<FutureObject>());
}

void add_common_methods(TypeBuilder& builder) {
    builder
        .method("result",
                [](Runtime& rt, const CallArgs& a) {
                    return future_result(rt, self_future(rt, a, "result"));
                })
        .method("exception",
                [](Runtime& rt, const CallArgs& a) {
                    return future_exception(rt, self_future(rt, a, "exception"));
                })
        .method("done",
                [](Runtime& rt, const CallArgs& a) {
                    return Value::boolean(self_future(rt, a, "done").core->done());
                })
        .method("cancelled",
                [](Runtime& rt, const CallArgs& a) {
                    return Value::boolean(self_future(rt, a, "cancelled").core->cancelled());
                })
        .method("cancel", cancel)
        .method("add_done_callback", add_done_callback)
        .method("remove_done_callback", remove_done_callback);
}

}  // namespace

void install_future_types(Runtime& runtime) {
    AsyncioState& state = asyncio_state(runtime);

    TypeBuilder future(runtime, "Future", "asyncio.futures");
    add_common_methods(future);
    future
        .method("set_result",
                [](Runtime& rt, const CallArgs& a) {
                    FutureObject& self = self_future(rt, a, "set_result");
                    expect_exactly(rt, a, "set_result", 2);
                    if (self.core->done()) {
                        raise_error(rt, *asyncio_state(rt).types.InvalidStateError,
                                    "invalid state");
                    }
                    self.check_loop_alive(rt);
                    std::optional<Future<Value>> typed = self.typed();
                    if (!typed) {
                        raise_error(rt, rt.types().RuntimeError,
                                    "this future does not support set_result operation");
                    }
                    typed->set_result(a[1]);
                    return Value();
                })
        .method("set_exception",
                [](Runtime& rt, const CallArgs& a) {
                    FutureObject& self = self_future(rt, a, "set_exception");
                    expect_exactly(rt, a, "set_exception", 2);
                    if (self.core->done()) {
                        raise_error(rt, *asyncio_state(rt).types.InvalidStateError,
                                    "invalid state");
                    }
                    self.check_loop_alive(rt);
                    Value exception = a[1];
                    if (TypeObject* cls = as_type(rt, exception)) {
                        exception = call(rt, exception, {});
                        (void)cls;
                    }
                    if (!is_exception_instance(rt, exception)) {
                        raise_error(rt, rt.types().TypeError,
                                    "exception must be a BaseException instance");
                    }
                    if (is_instance(rt, exception, *rt.types().StopIteration)) {
                        raise_error(rt, rt.types().TypeError,
                                    "StopIteration interacts badly with generators and cannot be "
                                    "raised into a Future");
                    }
                    self.core->set_exception(cpp_exception(rt, exception));
                    return Value();
                })
        .method("get_loop", [](Runtime& rt, const CallArgs& a) {
            self_future(rt, a, "get_loop").check_loop_alive(rt);
            Value loop;
            Value module = rt.import_native("asyncio");
            return call_method(rt, module, "get_running_loop", {});
        });
    future.slots().repr = repr_slot;
    future.slots().construct = construct_future;
    future.slots().host_awaitable = true;
    state.types.Future = future.build();

    TypeBuilder task(runtime, "Task", "_asyncio");
    add_common_methods(task);
    task.method("get_name",
                [](Runtime& rt, const CallArgs& a) {
                    return make_str(rt, self_future(rt, a, "get_name").name());
                })
        .method("set_name",
                [](Runtime& rt, const CallArgs& a) {
                    FutureObject& self = self_future(rt, a, "set_name");
                    expect_exactly(rt, a, "set_name", 2);
                    std::string name = to_str(rt, a[1]);
                    self.set_name(name);
                    if (asyncio_state(rt).loop != nullptr && asyncio_state(rt).runs == self.run) {
                        self.task->set_name(std::move(name));
                    }
                    return Value();
                })
        .method("get_coro",
                [](Runtime& rt, const CallArgs& a) { return self_future(rt, a, "get_coro").coro; })
        .method("cancelling",
                [](Runtime& rt, const CallArgs& a) {
                    return Value::integer(self_future(rt, a, "cancelling").task->cancelling());
                })
        .method("uncancel",
                [](Runtime& rt, const CallArgs& a) {
                    FutureObject& self = self_future(rt, a, "uncancel");
                    self.check_loop_alive(rt);
                    return Value::integer(self.task->uncancel());
                })
        .method("set_result",
                [](Runtime& rt, const CallArgs&) -> Value {
                    raise_error(rt, rt.types().RuntimeError,
                                "Task does not support set_result operation");
                })
        .method("set_exception",
                [](Runtime& rt, const CallArgs&) -> Value {
                    raise_error(rt, rt.types().RuntimeError,
                                "Task does not support set_exception operation");
                })
        .method("get_loop", [](Runtime& rt, const CallArgs& a) {
            self_future(rt, a, "get_loop").check_loop_alive(rt);
            Value module = rt.import_native("asyncio");
            return call_method(rt, module, "get_running_loop", {});
        });
    task.slots().repr = repr_slot;
    task.slots().host_awaitable = true;
    task.slots().construct = [](Runtime& rt, TypeObject&, const CallArgs& a) -> Value {
        raise_error(rt, rt.types().TypeError,
                    "Task() is not supported in Loopscope scripts: use asyncio.create_task()" +
                        std::string(a.size() ? "" : ""));
    };
    state.types.Task = task.build();
}

}  // namespace loopscope::script
