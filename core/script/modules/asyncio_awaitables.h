#pragma once

#include <optional>
#include <string>

#include "async/coro.h"
#include "async/future.h"
#include "script/modules/host_awaitable.h"

namespace loopscope::script {

struct FutureObject;

// An awaitable whose wait is a C++ coroutine made when the awaitable was made (lock.acquire(),
// queue.get(), wait_for(...), a TaskGroup's __aexit__ ...): CPython's coroutine object of the
// corresponding `async def`. It can be awaited once, like a coroutine.
struct OperationObject : HostAwaitable {
    OperationObject(Runtime& rt, TypeObject* cls, Coro<Value> operation_, std::string name_);
    ~OperationObject() override;
    std::optional<Coro<Value>> operation;
    std::string name;  // "sleep", "Lock.acquire": its repr is <coroutine object Lock.acquire>
    // CPython's coroutine objects say "coroutine 'sleep' was never awaited" when they go
    // unawaited; the awaitables of __aenter__/__aexit__ are always awaited, and stay quiet.
    bool warn_if_never_awaited = true;
    Runtime* runtime;

    Coro<Value> start(Runtime& rt, const Value& self) override;
    void clear_references() override;
};

// A coroutine-like awaitable performing `operation` in the awaiting task.
Value make_operation(Runtime& rt, Coro<Value> operation, std::string name);
// An awaitable that completes at once with `value` (an `async def` that never suspends:
// __aenter__ of a timeout, __aexit__ of a lock).
Value make_ready(Runtime& rt, Value value, std::string name);

// asyncio.sleep(delay, result) as an awaitable.
Value make_sleep(Runtime& rt, double delay, Value result);

// The Future<Value> behind a Future/Task object, for the C++ compositions. A future whose
// result is not a Value (a gather) gets a bridge future that follows it one iteration later.
Future<Value> value_future(Runtime& rt, FutureObject& future);

// Installs the Sleep/Operation types (called from the module factory).
void install_awaitable_types(Runtime& rt);

}  // namespace loopscope::script
