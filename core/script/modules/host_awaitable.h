#pragma once

#include <cstdint>
#include <memory>

#include "async/coro.h"
#include "async/future.h"
#include "loop/time.h"
#include "script/modules/erased_frame.h"
#include "script/objects/object.h"
#include "script/objects/tracked_object.h"

namespace loopscope::script {

// A wait that needs no coroutine of its own (see HostAwaitable::start_direct).
struct DirectWait {
    // Ready: send direct_result() at once. Sleep: co_await loopscope::sleep(delay) first.
    // Frame: co_await start_frame() (a C++ coroutine of the scheduler: a lock's acquire(), a
    // queue's get()), then send frame_result() of it. Future: co_await the waiter future of
    // start_waiter() (a semaphore's), then send waiter_result(); none: send direct_result().
    enum class Kind : std::uint8_t { None, Ready, Sleep, Frame, Future } kind = Kind::None;
    Nanos delay = 0;  // Sleep: 0 is a bare yield
};

// What `await` hands to a task's host coroutine (docs/SCRIPTS.md, "Coroutines and the
// scheduler"): every object whose type has `slots.host_awaitable` is one of these. The host
// asks it for the C++ operation that performs the wait (co_await sleep(d), a future, a lock's
// acquire(), a queue's get() ...) and co_awaits that in the task, so the scheduler records the
// same edges as it does for C++ code. The result is sent back into the Python coroutine; an
// exception is thrown into it.
struct HostAwaitable : TrackedObject {
    using TrackedObject::TrackedObject;

    // The wait, as a lazy C++ coroutine started by the host's co_await. Called on the loop
    // thread inside the awaiting task's step. `self` is this object as a Value (keep it alive
    // in the coroutine if the wait needs the object).
    virtual Coro<Value> start(Runtime& rt, const Value& self) = 0;

    // A wait the host can do itself, with no C++ coroutine frame: asyncio.sleep's timer, or a
    // value ready at once (`async def __aexit__` that never suspends). Like start(), it takes
    // the awaitable (a second await fails); Kind::None when the wait is something else or was
    // taken already, and then the host calls start(). When the direct wait is over the host
    // sends `direct_result()` into the coroutine.
    virtual DirectWait start_direct(Runtime&) { return {}; }
    virtual Value direct_result() { return Value(); }
    // Kind::Frame's coroutine, once start_direct took the awaitable; the host owns it while it
    // runs, and the awaitable keeps what it works on alive.
    virtual ErasedFrame start_frame();
    virtual Value frame_result(ErasedFrame& finished);
    // Kind::Future, once start_direct took the awaitable: the operation begins, and either is
    // over at once (null: the host sends direct_result()) or returns the future to wait on.
    // When that await returns the host sends waiter_result(waiter); when it throws, the host
    // calls waiter_failed(waiter, cancelled) (cancelled: the error is a CancelledError) before
    // throwing the error in. The host keeps the waiter, the awaitable need not. A coroutine
    // frame per wait less than Kind::Frame, for operations around one waiter future.
    virtual FutureRef<FutureCore> start_waiter();
    // After the await of `waiter` returned, before waiter_result(): a new waiter when the
    // operation must wait again (a getter woken to a queue another task emptied first), which
    // the host awaits in its place; null when it is over.
    virtual FutureRef<FutureCore> waiter_again(FutureCore& /*waiter*/) { return nullptr; }
    virtual Value waiter_result(FutureCore& /*waiter*/) { return Value(); }
    virtual void waiter_failed(FutureCore& /*waiter*/, bool /*cancelled*/) {}

    // True when an await would be over at once, with nothing to wait for: the direct wait is
    // untaken and Kind::Ready, or the operation it starts completes then (a queue with room, a
    // semaphore with a free unit). Takes nothing. Such an await is done inside the coroutine's
    // step by finish_at_once(), as CPython's coroutines do it, without suspending to the host.
    virtual bool finishes_at_once() const { return false; }
    // Once finishes_at_once() said so: takes the awaitable and performs it as the host would
    // (start_direct(), and start_waiter() for Kind::Future), and returns the await's value.
    Value finish_at_once(Runtime& rt);

    // An `await` reached it. CPython's coroutine is started by the await, so it never warns
    // "was never awaited" after that, even if nobody takes it from the coroutine that yielded it
    // (a coroutine closed outside any task's step, at a deadlock's end, awaits its `async
    // with`'s __aexit__ and is dropped).
    virtual void note_awaited() {}
};

// The awaitable held by a Value whose type is host-awaitable; null otherwise.
HostAwaitable* as_host_awaitable(const Value& v);

}  // namespace loopscope::script
