#include "script/modules/asyncio_awaitables.h"

#include <cstdio>
#include <span>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "async/sleep.h"
#include "async/task.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/future_object.h"
#include "script/modules/task_host.h"
#include "script/objects/errors.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/vm/coroutine.h"
#include "script/vm/traceback.h"
#include "script/vm/vm.h"

namespace loopscope::script {

namespace {

Coro<Value> ready_value(Value value) {
    co_return value;
}

Coro<Value> sleep_then(Nanos delay, Value result) {
    Sleep sleeping = loopscope::sleep(delay);
    co_await sleeping;
    co_return result;
}

// A FrameObject awaited by someone else than a task's host (create_task(queue.get()),
// wait_for(lock.acquire(), 1)): a coroutine around its frame, holding the owner while it runs.
Coro<Value> await_frame(std::shared_ptr<void> owner, ErasedFrame frame,
                        FrameObject::ReadResult read, Value value) {
    const std::shared_ptr<void> held = std::move(owner);
    co_await frame;
    co_return read(frame, value);
}

// The body of a deferred awaitable: makes the real one now that a loop runs, and awaits it.
Coro<Value> run_deferred(Runtime& rt, std::function<Value(Runtime&)> make) {
    Value made = make(rt);
    if (as_host_awaitable(made) == nullptr && !is_coroutine(made)) {
        co_return made;  // `make` already did the work (a value, not a wait)
    }
    // Builtin (host awaitable) or, from a subclass's `async def` override, a VM coroutine.
    Coro<Value> operation = drive_coroutine(rt, std::move(made));
    co_return co_await operation;
}

// A make_ready_after() awaited by someone else than a task's host (create_task(lock.__aexit__(
// None, None, None))): the work is done when the coroutine first runs.
Coro<Value> perform_then_none(Runtime& rt, Value owner, PerformOnAwait perform) {
    perform(rt, owner);
    co_return Value();
}

// See make_ready_after(). A ready direct wait, so a task's host (or the awaiting step itself,
// HostAwaitable::finish_at_once) takes it without a coroutine frame; taking it performs the
// work, and what the work raises goes to the await that took it.
struct ReadyAfterObject final : OperationObject {
    ReadyAfterObject(Runtime& rt, TypeObject* cls, Value owner_, PerformOnAwait perform_,
                     const char* name_)
        : OperationObject(rt, cls, DirectWait{DirectWait::Kind::Ready, 0}, Value(), name_),
          owner(std::move(owner_)),
          perform(perform_) {}

    DirectWait start_direct(Runtime& rt) override {
        const DirectWait taken = take_direct();
        if (taken.kind == DirectWait::Kind::Ready) {
            perform(rt, owner);
        }
        return taken;
    }
    Coro<Value> start(Runtime& rt, const Value& self) override {
        if (direct_kind() != DirectWait::Kind::Ready) {
            return OperationObject::start(rt, self);  // taken already: "cannot reuse"
        }
        take_direct();
        return perform_then_none(rt, owner, perform);
    }
    void clear_references() override {
        OperationObject::clear_references();
        owner = Value();
    }

    Value owner;
    PerformOnAwait perform;
};

// "<coroutine object Lock.acquire at 0x7f3b1c1d2e50>", as a VM coroutine's repr.
std::string operation_repr(Runtime&, const Value& self) {
    char address[32];
    std::snprintf(address, sizeof address, "%p", static_cast<const void*>(self.as_object()));
    return "<coroutine object " + std::string(self.as<OperationObject>()->name) + " at " + address +
           ">";
}

// An awaitable that was never awaited says so when it goes, as a coroutine object does.
// (CPython's text names the coroutine's own file and line; Loopscope has none for them.)

}  // namespace

OperationObject::OperationObject(Runtime& rt, TypeObject* cls, Coro<Value> operation_frame,
                                 const char* name_)
    : HostAwaitable(rt, cls), name(name_), runtime(&rt), operation_(operation_frame.release()) {}

OperationObject::OperationObject(Runtime& rt, TypeObject* cls, DirectWait direct_, Value value_,
                                 const char* name_)
    : HostAwaitable(rt, cls),
      value(std::move(value_)),
      name(name_),
      runtime(&rt),
      direct_delay_(direct_.delay),
      direct_kind_(direct_.kind) {}

void OperationObject::drop() {
    if (operation_) {
        std::exchange(operation_, {}).destroy();
    }
    direct_kind_ = DirectWait::Kind::None;
    direct_delay_ = 0;
}

DirectWait OperationObject::take_direct() {
    const DirectWait taken{direct_kind_, direct_delay_};
    direct_kind_ = DirectWait::Kind::None;
    direct_delay_ = 0;
    return taken;
}

std::optional<Coro<Value>> OperationObject::take_operation() {
    if (!operation_) {
        return std::nullopt;
    }
    return std::exchange(operation_, {}).promise().get_return_object();
}

OperationObject::~OperationObject() {
    warn_if_never_awaited_now();
    drop();
}

void OperationObject::warn_if_never_awaited_now() const {
    Runtime& rt = *runtime;
    if (!pending() || !warn_if_never_awaited || rt.tearing_down()) {
        return;
    }
    // As the VM does for its own coroutines, with the line that is running when it goes.
    const std::string file = vm::current_filename(rt);
    std::string text;
    if (!file.empty()) {
        const int line = vm::current_line(rt);
        text = file + ":" + std::to_string(line) + ": RuntimeWarning: coroutine '" +
               std::string(name) + "' was never awaited\n";
        const std::string source = vm::source_line(rt, file, line);
        if (!source.empty()) {
            text += "  " + source + "\n";
        }
        text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    } else {
        // No Python code running: the interpreter is finishing, and CPython's warnings can no
        // longer point to tracemalloc then.
        text = "sys:1: RuntimeWarning: coroutine '" + std::string(name) + "' was never awaited\n";
    }
    rt.write_stderr(text);
}

ErasedFrame HostAwaitable::start_frame() {
    throw std::logic_error("start_frame() of an awaitable whose direct wait is no frame");
}

Value HostAwaitable::frame_result(ErasedFrame&) {
    return Value();
}

FutureRef<FutureCore> HostAwaitable::start_waiter() {
    throw std::logic_error("start_waiter() of an awaitable whose direct wait is no future");
}

Value HostAwaitable::finish_at_once(Runtime& rt) {
    const DirectWait direct = start_direct(rt);
    if (direct.kind == DirectWait::Kind::Future && start_waiter() != nullptr) {
        throw std::logic_error("an awaitable that finishes at once queued a waiter");
    }
    if (direct.kind != DirectWait::Kind::Ready && direct.kind != DirectWait::Kind::Future) {
        throw std::logic_error("an awaitable that finishes at once has a wait");
    }
    return direct_result();
}

Coro<Value> OperationObject::start(Runtime& rt, const Value&) {
    if (!pending()) {
        raise_error(rt, rt.types().RuntimeError, "cannot reuse already awaited coroutine");
    }
    if (std::optional<Coro<Value>> operation = take_operation()) {
        return std::move(*operation);
    }
    const DirectWait taken = take_direct();
    if (taken.kind == DirectWait::Kind::Sleep) {
        return sleep_then(taken.delay, value);
    }
    return ready_value(value);
}

DirectWait OperationObject::start_direct(Runtime&) {
    return take_direct();
}

FrameObject::FrameObject(Runtime& rt, TypeObject* cls, std::shared_ptr<void> owner_,
                         ErasedFrame frame_, ReadResult read_, Value value_, const char* name_)
    : OperationObject(rt, cls, DirectWait{DirectWait::Kind::Frame, 0}, std::move(value_), name_),
      owner(std::move(owner_)),
      frame(std::move(frame_)),
      read(read_) {}

Coro<Value> FrameObject::start(Runtime& rt, const Value& self) {
    if (direct_kind() != DirectWait::Kind::Frame) {
        return OperationObject::start(rt, self);  // taken already: "cannot reuse"
    }
    take_direct();
    return await_frame(owner, start_frame(), read, value);
}

ErasedFrame FrameObject::start_frame() {
    ErasedFrame taken = std::move(*frame);
    frame.reset();
    return taken;
}

void FrameObject::clear_references() {
    OperationObject::clear_references();
    frame.reset();
}

Value make_frame_operation(Runtime& rt, std::shared_ptr<void> owner, ErasedFrame frame,
                           FrameObject::ReadResult read, Value value, const char* name) {
    AsyncioState& state = asyncio_state(rt);
    return Value(Ref<FrameObject>::make(rt, state.types.Operation.get(), std::move(owner),
                                        std::move(frame), read, std::move(value), name));
}

Value result_is_value(ErasedFrame&, const Value& value) {
    return value;
}

void OperationObject::clear_references() {
    drop();
    value = Value();
}

Value make_operation(Runtime& rt, Coro<Value> operation, const char* name) {
    AsyncioState& state = asyncio_state(rt);
    return Value(
        Ref<OperationObject>::make(rt, state.types.Operation.get(), std::move(operation), name));
}

Value make_ready(Runtime& rt, Value value, const char* name) {
    AsyncioState& state = asyncio_state(rt);
    Value ready(Ref<OperationObject>::make(rt, state.types.Operation.get(),
                                           DirectWait{DirectWait::Kind::Ready, 0}, std::move(value),
                                           name));
    ready.as<OperationObject>()->warn_if_never_awaited = false;
    return ready;
}

Value make_ready_after(Runtime& rt, Value owner, PerformOnAwait perform, const char* name) {
    AsyncioState& state = asyncio_state(rt);
    return Value(Ref<ReadyAfterObject>::make(rt, state.types.Operation.get(), std::move(owner),
                                             perform, name));
}

Value make_deferred(Runtime& rt, std::function<Value(Runtime&)> make, const char* name) {
    return make_operation(rt, run_deferred(rt, std::move(make)), name);
}

Value defer_method(Runtime& rt, const CallArgs& args, const char* method, const char* name) {
    std::vector<Value> positional(args.positional.begin(), args.positional.end());
    std::vector<Value> keyword_values(args.keyword_values.begin(), args.keyword_values.end());
    std::vector<std::string> keyword_names(args.keyword_names.begin(), args.keyword_names.end());
    return make_deferred(
        rt,
        [method, positional = std::move(positional), keyword_values = std::move(keyword_values),
         keyword_names = std::move(keyword_names)](Runtime& r) {
            const Value bound = get_attr(r, positional.front(), method);
            const std::vector<std::string_view> names(keyword_names.begin(), keyword_names.end());
            return call(r, bound,
                        CallArgs{std::span<const Value>(positional).subspan(1), keyword_values,
                                 std::span<const std::string_view>(names)});
        },
        name);
}

bool no_running_loop(Runtime& rt) {
    return asyncio_state(rt).scheduler == nullptr;
}

bool is_builtin_coroutine(Runtime& rt, const Value& v) {
    return v.is_object() && v.as_object()->type == asyncio_state(rt).types.Operation.get();
}

bool is_any_coroutine(Runtime& rt, const Value& v) {
    return is_coroutine(v) || is_builtin_coroutine(rt, v);
}

Value make_sleep(Runtime& rt, double delay, Value result) {
    const Nanos nanos = delay <= 0 ? 0 : seconds_to_nanos(delay);
    AsyncioState& state = asyncio_state(rt);
    return Value(Ref<OperationObject>::make(rt, state.types.Operation.get(),
                                            DirectWait{DirectWait::Kind::Sleep, nanos},
                                            std::move(result), "sleep"));
}

Future<Value> value_future(Runtime& rt, FutureObject& future) {
    if (std::optional<Future<Value>> typed = future.typed()) {
        return *typed;
    }
    AsyncioState& state = asyncio_state(rt);
    if (state.loop == nullptr) {
        raise_error(rt, rt.types().RuntimeError, "no running event loop");
    }
    Future<Value> bridge(*state.loop);
    FutureRef<FutureCore> core = future.core;
    std::function<Value()> read = future.read_result->read;
    core->add_done_callback([bridge, core, read]() mutable {
        if (bridge.done()) {
            return;
        }
        if (core->cancelled()) {
            bridge.cancel(core->cancel_message());
        } else if (std::exception_ptr error = core->exception()) {
            bridge.set_exception(error);
        } else {
            bridge.set_result(read());
        }
    });
    future.read_result->bridge = bridge;
    return bridge;
}

void install_awaitable_types(Runtime& rt) {
    AsyncioState& state = asyncio_state(rt);
    TypeBuilder operation(rt, "coroutine", "builtins");
    operation.slots().repr = operation_repr;
    operation.slots().host_awaitable = true;
    operation.method("close", [](Runtime&, const CallArgs& a) {
        a[0].as<OperationObject>()->drop();
        return Value();
    });
    state.types.Operation = operation.build();
}

}  // namespace loopscope::script
