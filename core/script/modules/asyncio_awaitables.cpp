#include "script/modules/asyncio_awaitables.h"

#include <utility>

#include "async/sleep.h"
#include "async/task.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/future_object.h"
#include "script/objects/errors.h"
#include "script/objects/native_function.h"
#include "script/objects/runtime.h"
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

std::string operation_repr(Runtime&, const Value& self) {
    return "<coroutine object " + std::string(self.as<OperationObject>()->name) + ">";
}

// An awaitable that was never awaited says so when it goes, as a coroutine object does.
// (CPython's text names the coroutine's own file and line; Loopscope has none for them.)

}  // namespace

OperationObject::OperationObject(Runtime& rt, TypeObject* cls, Coro<Value> operation_,
                                 const char* name_)
    : HostAwaitable(rt, cls), operation(std::move(operation_)), name(name_), runtime(&rt) {}

OperationObject::OperationObject(Runtime& rt, TypeObject* cls, DirectWait direct_, Value value_,
                                 const char* name_)
    : HostAwaitable(rt, cls),
      direct(direct_),
      value(std::move(value_)),
      name(name_),
      runtime(&rt) {}

OperationObject::~OperationObject() {
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
    } else {
        text = "sys:1: RuntimeWarning: coroutine '" + std::string(name) + "' was never awaited\n";
    }
    text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    rt.write_stderr(text);
}

Coro<Value> OperationObject::start(Runtime& rt, const Value&) {
    if (!pending()) {
        raise_error(rt, rt.types().RuntimeError, "cannot reuse already awaited coroutine");
    }
    if (operation) {
        Coro<Value> taken = std::move(*operation);
        operation.reset();
        return taken;
    }
    const DirectWait taken = std::exchange(direct, DirectWait{});
    if (taken.kind == DirectWait::Kind::Sleep) {
        return sleep_then(taken.delay, value);
    }
    return ready_value(value);
}

DirectWait OperationObject::start_direct(Runtime&) {
    return std::exchange(direct, DirectWait{});
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

Value make_sleep(Runtime& rt, double delay, Value result) {
    const Nanos nanos = delay <= 0 ? 0 : seconds_to_nanos(delay);
    AsyncioState& state = asyncio_state(rt);
    return Value(Ref<OperationObject>::make(rt, state.types.Operation.get(),
                                            DirectWait{DirectWait::Kind::Sleep, nanos},
                                            std::move(result), "sleep"));
}

Future<Value> value_future(Runtime& rt, FutureObject& future) {
    if (future.typed) {
        return *future.typed;
    }
    AsyncioState& state = asyncio_state(rt);
    if (state.loop == nullptr) {
        raise_error(rt, rt.types().RuntimeError, "no running event loop");
    }
    Future<Value> bridge(*state.loop);
    std::shared_ptr<FutureCore> core = future.core;
    std::function<Value()> read = future.read_result;
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
    future.typed = bridge;
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
