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
//
// asyncio.sleep and the awaitables that complete at once (make_ready) hold no coroutine: a task
// awaiting one sleeps or takes the value itself (HostAwaitable::start_direct), which spares a
// coroutine frame per await; start() makes the coroutine for anyone else.
struct OperationObject : HostAwaitable {
    OperationObject(Runtime& rt, TypeObject* cls, Coro<Value> operation_, const char* name_);
    OperationObject(Runtime& rt, TypeObject* cls, DirectWait direct_, Value value_,
                    const char* name_);
    ~OperationObject() override;

    // Not awaited yet: it holds its operation, or its direct wait was not taken.
    bool pending() const { return operation.has_value() || direct.kind != DirectWait::Kind::None; }
    void drop() {
        operation.reset();
        direct = DirectWait{};
    }

    std::optional<Coro<Value>> operation;
    DirectWait direct;  // asyncio.sleep's timer wait or a ready value, until taken
    Value value;        // what the direct wait returns
    // "sleep", "Lock.acquire": its repr is <coroutine object Lock.acquire>. A literal.
    const char* name;
    // CPython's coroutine objects say "coroutine 'sleep' was never awaited" when they go
    // unawaited; the awaitables of __aenter__/__aexit__ are always awaited, and stay quiet.
    bool warn_if_never_awaited = true;
    Runtime* runtime;

    Coro<Value> start(Runtime& rt, const Value& self) override;
    DirectWait start_direct(Runtime& rt) override;
    Value direct_result() override { return value; }
    void clear_references() override;
};

// A coroutine-like awaitable performing `operation` in the awaiting task.
Value make_operation(Runtime& rt, Coro<Value> operation, const char* name);
// An awaitable that completes at once with `value` (an `async def` that never suspends:
// __aenter__ of a timeout, __aexit__ of a lock).
Value make_ready(Runtime& rt, Value value, const char* name);

// asyncio.sleep(delay, result) as an awaitable.
Value make_sleep(Runtime& rt, double delay, Value result);

// The Future<Value> behind a Future/Task object, for the C++ compositions. A future whose
// result is not a Value (a gather) gets a bridge future that follows it one iteration later.
Future<Value> value_future(Runtime& rt, FutureObject& future);

// Installs the Sleep/Operation types (called from the module factory).
void install_awaitable_types(Runtime& rt);

}  // namespace loopscope::script
