#pragma once

#include <functional>
#include <memory>
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
    bool pending() const { return operation_ || direct_kind_ != DirectWait::Kind::None; }
    void drop();
    // The direct wait (asyncio.sleep's timer wait, a ready value ...) until it is taken.
    DirectWait::Kind direct_kind() const { return direct_kind_; }
    DirectWait take_direct();
    // The operation's coroutine, once: null when it has none or it was taken.
    std::optional<Coro<Value>> take_operation();

    Value value;  // what the direct wait returns
    // "sleep", "Lock.acquire": its repr is <coroutine object Lock.acquire>. A literal.
    const char* name;
    Runtime* runtime;

private:
    // Laid out for size (96 bytes): an asyncio.sleep() is one of these per sleeping task. The
    // operation is a bare frame handle (a Coro without the optional around it) and the direct
    // wait is kept as its two fields, which share a word with the flag below.
    Coro<Value>::Handle operation_;
    Nanos direct_delay_ = 0;
    DirectWait::Kind direct_kind_ = DirectWait::Kind::None;

public:
    // CPython's coroutine objects say "coroutine 'sleep' was never awaited" when they go
    // unawaited; make_ready's (a Timeout's __aenter__ ...) stay quiet.
    bool warn_if_never_awaited = true;

    Coro<Value> start(Runtime& rt, const Value& self) override;
    DirectWait start_direct(Runtime& rt) override;
    Value direct_result() override { return value; }
    void note_awaited() override { warn_if_never_awaited = false; }
    bool finishes_at_once() const override { return direct_kind_ == DirectWait::Kind::Ready; }
    void clear_references() override;

private:
    // "coroutine 'sleep' was never awaited", when it goes unawaited.
    void warn_if_never_awaited_now() const;
};

// An awaitable whose wait is a C++ coroutine of the scheduler awaited by the task's host
// directly (DirectWait::Kind::Frame): lock.acquire(), `async with semaphore:`, queue.get() ...
// The coroutine works on `owner` (the Lock, the Queue), which this keeps alive; `read` makes the
// Python result from the finished coroutine and `value` (acquire() returns True).
struct FrameObject final : OperationObject {
    using ReadResult = Value (*)(ErasedFrame& finished, const Value& value);
    FrameObject(Runtime& rt, TypeObject* cls, std::shared_ptr<void> owner_, ErasedFrame frame_,
                ReadResult read_, Value value_, const char* name_);
    Coro<Value> start(Runtime& rt, const Value& self) override;
    ErasedFrame start_frame() override;
    Value frame_result(ErasedFrame& finished) override { return read(finished, value); }
    void clear_references() override;

    std::shared_ptr<void> owner;
    std::optional<ErasedFrame> frame;  // until the host takes it
    ReadResult read;
};

// A FrameObject: performs `frame` (working on `owner`), then returns read(frame, value).
Value make_frame_operation(Runtime& rt, std::shared_ptr<void> owner, ErasedFrame frame,
                           FrameObject::ReadResult read, Value value, const char* name);
// The reader of a coroutine whose own result is not wanted: the result is `value`.
Value result_is_value(ErasedFrame& finished, const Value& value);

// A coroutine-like awaitable performing `operation` in the awaiting task.
Value make_operation(Runtime& rt, Coro<Value> operation, const char* name);
// An awaitable that completes at once with `value` (an `async def` that never suspends:
// __aenter__ of a timeout).
Value make_ready(Runtime& rt, Value value, const char* name);
// An `async def` that never suspends but does its work, `perform(owner)`, when it runs: a
// lock's __aexit__ releases the lock then, not when __aexit__ is called, so an error of the
// release (an unlocked lock) is raised at the `await`, as in CPython. The await returns None.
// Like an `async def`'s coroutine it warns when it goes unawaited.
using PerformOnAwait = void (*)(Runtime& rt, const Value& owner);
Value make_ready_after(Runtime& rt, Value owner, PerformOnAwait perform, const char* name);

// An awaitable whose wait is made only when it first runs, by `make` (which returns another
// host awaitable, or raises). CPython's coroutine functions (asyncio.sleep, lock.acquire ...)
// need no loop when called and check nothing until the coroutine runs: this is their coroutine
// object when called outside asyncio.run, or with arguments CPython rejects only at the await.
Value make_deferred(Runtime& rt, std::function<Value(Runtime&)> make, const char* name);

// A coroutine method that needs the running loop (lock.acquire(), q.get() ...), called outside
// asyncio.run: legal in CPython, whose coroutine binds the loop only when it runs. This is the
// coroutine that looks `method` up on args[0] and calls it with the same arguments then.
Value defer_method(Runtime& rt, const CallArgs& args, const char* method, const char* name);
// No asyncio.run in progress: a coroutine method defers itself (defer_method).
bool no_running_loop(Runtime& rt);

// A coroutine object in asyncio.iscoroutine's sense: a VM coroutine or a builtin one
// (asyncio.sleep(1), q.get() ...).
bool is_builtin_coroutine(Runtime& rt, const Value& v);
bool is_any_coroutine(Runtime& rt, const Value& v);

// asyncio.sleep(delay, result) as an awaitable.
Value make_sleep(Runtime& rt, double delay, Value result);

// The Future<Value> behind a Future/Task object, for the C++ compositions. A future whose
// result is not a Value (a gather) gets a bridge future that follows it one iteration later.
Future<Value> value_future(Runtime& rt, FutureObject& future);

// Installs the Sleep/Operation types (called from the module factory).
void install_awaitable_types(Runtime& rt);

}  // namespace loopscope::script
