// asyncio.get_running_loop() / get_event_loop() and the loop's methods scripts use: time,
// call_soon, call_later, call_at, create_future, create_task, run_in_executor.
#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_parts.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/exception_bridge.h"
#include "script/modules/exception_text.h"
#include "script/modules/future_object.h"
#include "script/modules/script_repr.h"
#include "script/modules/task_host.h"
#include "script/objects/errors.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/vm/coroutine.h"
#include "script/vm/traceback.h"
#include "script/vm/vm.h"

namespace loopscope::script {

Value run_in_executor_future(Runtime& rt, const Value& function, std::vector<Value> positional);

namespace {

struct LoopObject : TrackedObject {
    LoopObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    int run = 0;
    // A loop made outside asyncio.run (get_event_loop(), new_event_loop()): its
    // run_until_complete runs a coroutine as asyncio.run does.
    bool idle = false;
    bool closed = false;
    void clear_references() override {}
};

struct HandleObject : TrackedObject {
    HandleObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    Handle handle;
    int run = 0;
    bool cancelled = false;
    bool timer = false;
    std::string description;  // "cb(1, 2)"
    void clear_references() override {}
};

EventLoop& loop_of(Runtime& rt, const Value& self) {
    AsyncioState& state = asyncio_state(rt);
    auto* object = self.as<LoopObject>();
    if (object->idle && !object->closed && state.loop != nullptr) {
        return *state.loop;  // inside its run_until_complete
    }
    if (object->idle && !object->closed) {
        raise_error(rt, rt.types().RuntimeError, "no running event loop");
    }
    if (state.loop == nullptr || object->run != state.runs) {
        raise_error(rt, rt.types().RuntimeError, "Event loop is closed");
    }
    return *state.loop;
}

std::string callable_name(Runtime& rt, const Value& callback) {
    Value name;
    if (lookup_attr(rt, callback, "__qualname__", name)) {
        return to_str(rt, name);
    }
    return repr(rt, callback);
}

// The callback of call_soon/call_later/call_at: calls `callback(*args)`; an exception goes to
// the loop's exception handler, as in CPython ("Exception in callback cb(1)").
Callback python_callback(Runtime& rt, Value callback, std::vector<Value> args,
                         std::string description) {
    Runtime* runtime = &rt;
    return [runtime, callback = std::move(callback), args = std::move(args),
            description = std::move(description)] {
        try {
            call(*runtime, callback, CallArgs{std::span<const Value>(args), {}, {}});
        } catch (const ScriptError& error) {
            runtime->write_stderr("Exception in callback " + description + "\nhandle: <Handle " +
                                  description + ">\n" +
                                  exception_report(*runtime, error.exception));
        } catch (...) {
            // The instruction limit or a stop request: asyncio.run ends the script with it.
            const std::exception_ptr error = std::current_exception();
            if (!is_script_abort(error)) {
                throw;
            }
            note_script_abort(*runtime, error);
        }
    };
}

Value make_handle(Runtime& rt, Handle handle, std::string description, bool timer) {
    AsyncioState& state = asyncio_state(rt);
    auto object = Ref<HandleObject>::make(
        rt, timer ? state.types.TimerHandle.get() : state.types.Handle.get());
    object->handle = handle;
    object->run = state.runs;
    object->timer = timer;
    object->description = std::move(description);
    return Value(object);
}

Value schedule(Runtime& rt, const CallArgs& args, const char* method, bool timed, bool absolute) {
    EventLoop& loop = loop_of(rt, args[0]);
    const std::size_t first = timed ? 2 : 1;
    if (args.size() < first + 1) {
        raise_error(rt, rt.types().TypeError,
                    std::string(method) + "() missing required argument: 'callback'");
    }
    const Value callback = args[first];
    if (!is_callable(rt, callback)) {
        raise_error(rt, rt.types().TypeError,
                    std::string("a callable object was expected by ") + method + "(), got " +
                        repr(rt, callback));
    }
    std::span<const Value> rest = args.positional.subspan(first + 1);
    std::string description = describe_callback(rt, callback, rest);
    const trace::Label label = loop.recorder().intern(callable_name(rt, callback));
    Callback function =
        python_callback(rt, callback, std::vector<Value>(rest.begin(), rest.end()), description);
    if (!timed) {
        return make_handle(rt, loop.call_soon(std::move(function), label), description, false);
    }
    const double seconds = to_double(rt, args[1]);
    Handle handle = absolute
                        ? loop.call_at(seconds_to_nanos(seconds), std::move(function), label)
                        : loop.call_later(seconds_to_nanos(seconds), std::move(function), label);
    return make_handle(rt, handle, description, true);
}

Value loop_object(Runtime& rt) {
    AsyncioState& state = asyncio_state(rt);
    if (state.loop == nullptr) {
        raise_error(rt, rt.types().RuntimeError, "no running event loop");
    }
    if (!state.loop_object.is_none() && state.loop_object.as<LoopObject>()->run == state.runs) {
        return state.loop_object;
    }
    auto object = Ref<LoopObject>::make(rt, state.types.EventLoop.get());
    object->run = state.runs;
    state.loop_object = Value(object);
    return state.loop_object;
}

Value make_idle_loop(Runtime& rt) {
    auto object = Ref<LoopObject>::make(rt, asyncio_state(rt).types.EventLoop.get());
    object->idle = true;
    return Value(object);
}

// get_event_loop() outside asyncio.run: CPython 3.12 makes a loop, once, and warns.
Value idle_event_loop(Runtime& rt) {
    AsyncioState& state = asyncio_state(rt);
    if (!state.idle_loop.is_none()) {
        return state.idle_loop;
    }
    const std::string file = vm::current_filename(rt);
    if (!file.empty()) {
        const int line = vm::current_line(rt);
        std::string text = file + ":" + std::to_string(line) +
                           ": DeprecationWarning: There is no current event loop\n";
        const std::string source = vm::source_line(rt, file, line);
        if (!source.empty()) {
            text += "  " + source + "\n";
        }
        rt.write_stderr(text);
    }
    state.idle_loop = make_idle_loop(rt);
    return state.idle_loop;
}

void install_handle_types(Runtime& rt) {
    AsyncioState& state = asyncio_state(rt);
    for (bool timer : {false, true}) {
        TypeBuilder builder(rt, timer ? "TimerHandle" : "Handle", "asyncio.events");
        if (timer) {
            builder.base(*state.types.Handle);
        }
        builder
            .method("cancel",
                    [](Runtime& r, const CallArgs& a) {
                        auto* self = a[0].as<HandleObject>();
                        if (!self->cancelled && asyncio_state(r).loop != nullptr &&
                            asyncio_state(r).runs == self->run) {
                            self->handle.cancel();
                        }
                        self->cancelled = true;
                        return Value();
                    })
            .method("cancelled", [](Runtime&, const CallArgs& a) {
                return Value::boolean(a[0].as<HandleObject>()->cancelled);
            });
        if (timer) {
            builder.method("when", [](Runtime&, const CallArgs& a) {
                return Value::floating(nanos_to_seconds(a[0].as<HandleObject>()->handle.when()));
            });
        }
        builder.slots().repr = [](Runtime&, const Value& self) {
            auto* handle = self.as<HandleObject>();
            std::string text = handle->timer ? "<TimerHandle " : "<Handle ";
            if (handle->cancelled) {
                text += "cancelled ";
            }
            if (handle->timer) {
                text += "when=" + std::to_string(nanos_to_seconds(handle->handle.when())) + " ";
            }
            return text + handle->description + ">";
        };
        (timer ? state.types.TimerHandle : state.types.Handle) = builder.build();
    }
}

}  // namespace

void install_loop_object(Runtime& rt, ModuleObject& module) {
    AsyncioState& state = asyncio_state(rt);
    install_handle_types(rt);
    TypeBuilder builder(rt, "_UnixSelectorEventLoop", "asyncio.unix_events");
    builder
        .method("time",
                [](Runtime& r, const CallArgs& a) {
                    return Value::floating(loop_of(r, a[0]).time_seconds());
                })
        .method(
            "call_soon",
            [](Runtime& r, const CallArgs& a) { return schedule(r, a, "call_soon", false, false); })
        .method("call_soon_threadsafe",
                [](Runtime& r, const CallArgs& a) {
                    return schedule(r, a, "call_soon_threadsafe", false, false);
                })
        .method(
            "call_later",
            [](Runtime& r, const CallArgs& a) { return schedule(r, a, "call_later", true, false); })
        .method("call_at",
                [](Runtime& r, const CallArgs& a) { return schedule(r, a, "call_at", true, true); })
        .method("create_future",
                [](Runtime& r, const CallArgs& a) {
                    Value future = make_future_object(r, Future<Value>(loop_of(r, a[0])));
                    note_creation_site(r, future, MadeBy::CreateFuture);
                    return future;
                })
        .method("create_task",
                [](Runtime& r, const CallArgs& a) {
                    static const Signature signature{
                        "create_task", {"self", "coro", "name", "context"}, 2, 0, 2};
                    auto parsed = parse_arguments(r, a, signature);
                    loop_of(r, a[0]);
                    std::optional<std::string> name;
                    if (parsed[2] && !parsed[2]->is_none()) {
                        name = to_str(r, *parsed[2]);
                    }
                    Value task =
                        create_script_task(r, *parsed[1], name, nullptr, NameGiven::AtCreation);
                    note_creation_site(r, task, MadeBy::Script);
                    return task;
                })
        .method("run_in_executor",
                [](Runtime& r, const CallArgs& a) {
                    loop_of(r, a[0]);
                    if (a.size() < 3) {
                        raise_error(r, r.types().TypeError,
                                    "run_in_executor() missing required argument: 'func'");
                    }
                    if (!a[1].is_none()) {
                        raise_error(r, r.types().NotImplementedError,
                                    "run_in_executor() in Loopscope takes None (the default "
                                    "executor) only");
                    }
                    return run_in_executor_future(
                        r, a[2], std::vector<Value>(a.positional.begin() + 3, a.positional.end()));
                })
        .method("is_running",
                [](Runtime& r, const CallArgs& a) {
                    const AsyncioState& s = asyncio_state(r);
                    auto* self = a[0].as<LoopObject>();
                    return Value::boolean(s.loop != nullptr && (self->idle || self->run == s.runs));
                })
        .method("is_closed",
                [](Runtime& r, const CallArgs& a) {
                    const AsyncioState& s = asyncio_state(r);
                    auto* self = a[0].as<LoopObject>();
                    if (self->idle) {
                        return Value::boolean(self->closed);
                    }
                    return Value::boolean(s.loop == nullptr || self->run != s.runs);
                })
        .method("run_until_complete",
                [](Runtime& r, const CallArgs& a) {
                    expect_exactly(r, a, "run_until_complete", 2);
                    auto* self = a[0].as<LoopObject>();
                    if (!self->idle || self->closed) {
                        raise_error(r, r.types().RuntimeError,
                                    self->closed ? "Event loop is closed"
                                                 : "This event loop is already running");
                    }
                    if (!is_any_coroutine(r, a[1])) {
                        raise_error(r, r.types().TypeError,
                                    "An asyncio.Future, a coroutine or an awaitable is required");
                    }
                    return run_on_new_loop(r, a[1], false, false);
                })
        .method("close", [](Runtime& r, const CallArgs& a) {
            auto* self = a[0].as<LoopObject>();
            if (!self->idle) {
                raise_error(r, r.types().RuntimeError, "Cannot close a running event loop");
            }
            self->closed = true;
            return Value();
        });
    builder.slots().repr = [](Runtime& r, const Value& self) {
        const AsyncioState& s = asyncio_state(r);
        auto* loop = self.as<LoopObject>();
        const bool running = s.loop != nullptr && (loop->idle || loop->run == s.runs);
        const bool closed = loop->idle ? loop->closed : !running;
        return std::string("<_UnixSelectorEventLoop running=") + (running ? "True" : "False") +
               " closed=" + (closed ? "True" : "False") + " debug=" + (s.debug ? "True" : "False") +
               ">";
    };
    state.types.EventLoop = builder.build();

    module.dict.set("get_running_loop",
                    make_native_function(rt, "get_running_loop", [](Runtime& r, const CallArgs& a) {
                        expect_exactly(r, a, "get_running_loop", 0);
                        return loop_object(r);
                    }));
    module.dict.set("get_event_loop",
                    make_native_function(rt, "get_event_loop", [](Runtime& r, const CallArgs& a) {
                        expect_exactly(r, a, "get_event_loop", 0);
                        if (asyncio_state(r).loop == nullptr) {
                            return idle_event_loop(r);
                        }
                        return loop_object(r);
                    }));
    module.dict.set("new_event_loop",
                    make_native_function(rt, "new_event_loop", [](Runtime& r, const CallArgs& a) {
                        expect_exactly(r, a, "new_event_loop", 0);
                        return make_idle_loop(r);
                    }));
    module.dict.set("set_event_loop",
                    make_native_function(rt, "set_event_loop", [](Runtime& r, const CallArgs& a) {
                        expect_exactly(r, a, "set_event_loop", 1);
                        asyncio_state(r).idle_loop = a[0];
                        return Value();
                    }));
}

}  // namespace loopscope::script
