#pragma once

#include <type_traits>
#include <utility>

#include "async/task.h"

namespace loopscope {

// asyncio.ensure_future: a future stays itself; a coroutine becomes a task (its first step runs
// in the next loop iteration), as when gather, shield or wait_for are handed a coroutine.
template <class T>
Future<T> ensure_future(Scheduler& scheduler, Coro<T> coroutine) {
    return create_task(scheduler, std::move(coroutine));
}
template <class T>
Future<T> ensure_future(Scheduler& /*scheduler*/, Future<T> future) {
    return future;
}

// The result type of what ensure_future accepts: T for a Coro<T>, a Future<T> or a Task<T>.
template <class A>
struct AwaitableResult;
template <class T>
struct AwaitableResult<Coro<T>> {
    using type = T;
};
template <class T>
struct AwaitableResult<Future<T>> {
    using type = T;
};
template <class T>
struct AwaitableResult<Task<T>> {
    using type = T;
};
template <class A>
using AwaitableResultOf = typename AwaitableResult<std::remove_cvref_t<A>>::type;

}  // namespace loopscope
