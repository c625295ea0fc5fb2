#pragma once

#include <memory>
#include <optional>
#include <utility>

#include "async/ensure_future.h"
#include "async/timeout.h"

namespace loopscope {

namespace detail {

// _cancel_and_wait: cancels `future` and waits until it is really done, on a separate waiter
// future so that this wait stays cancellable itself.
Coro<void> cancel_and_wait(FutureRef<FutureCore> future);

template <class T>
Coro<T> await_future(Future<T> future) {
    co_return co_await future;
}

}  // namespace detail

// asyncio.wait_for(future, timeout) as of Python 3.12: `async with timeout(t): return await f`.
// Past the deadline the awaited future (or task) is cancelled and TimeoutError raised. A
// timeout <= 0 cancels at once and waits for the cancellation to finish; none waits forever.
template <class T>
Coro<T> wait_for(Future<T> future, std::optional<Nanos> timeout) {
    if (timeout && *timeout <= 0) {
        if (future.done()) {
            co_return future.result();
        }
        co_await detail::cancel_and_wait(future.core());
        try {
            co_return future.result();
        } catch (const CancelledError&) {
            throw TimeoutError({}, std::current_exception());
        }
    }
    TaskCore& task = co_await this_task();
    co_return co_await with_timeout(loopscope::timeout(task.scheduler(), timeout),
                                    detail::await_future(std::move(future)));
}

// wait_for(coroutine, timeout): the coroutine runs inline in the calling task, inside the
// timeout scope. With a timeout <= 0 it becomes a task that is cancelled before its first
// step, so its body never runs.
template <class T>
Coro<T> wait_for(Coro<T> coroutine, std::optional<Nanos> timeout) {
    TaskCore& task = co_await this_task();
    if (timeout && *timeout <= 0) {
        co_return co_await wait_for(ensure_future(task.scheduler(), std::move(coroutine)), timeout);
    }
    co_return co_await with_timeout(loopscope::timeout(task.scheduler(), timeout),
                                    std::move(coroutine));
}

}  // namespace loopscope
