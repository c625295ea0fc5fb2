#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "async/coro.h"
#include "async/outcome.h"

namespace loopscope {

// loop.run_in_executor(None, work): runs `work` on the loop's thread pool and returns a future
// that completes on the loop thread, in the callback the worker posts back with
// call_soon_threadsafe (futures.wrap_future + _chain_future). A task awaiting it resumes in the
// iteration after that callback runs. The trace ties the job to the future (JobFuture), and a
// task waiting on it waits on the job (AwaitKind::ExecutorJob).
//
// Cancelling the future does not stop the job: CPython can withdraw a job that has not started
// yet, our executor cannot; either way a running job runs to its end and its result is dropped.
template <class F>
Future<std::invoke_result_t<F&>> run_in_executor(EventLoop& loop, F work,
                                                 std::string_view label = {}) {
    using T = std::invoke_result_t<F&>;
    Future<T> future(loop);
    // Written by the worker, read on the loop thread after the post that follows it.
    auto produced = std::make_shared<std::optional<ResultValue<T>>>();
    auto job = [work = std::make_shared<F>(std::move(work)), produced] {
        if constexpr (std::is_void_v<T>) {
            (*work)();
            produced->emplace();
        } else {
            produced->emplace((*work)());
        }
    };
    auto finished = [future, produced](std::exception_ptr error) mutable {
        // _copy_future_state: a cancelled future keeps its cancellation.
        if (future.cancelled()) {
            return;
        }
        if (error) {
            future.set_exception(error);
        } else if constexpr (std::is_void_v<T>) {
            future.set_result();
        } else {
            future.set_result(std::move(**produced));
        }
    };
    const std::uint32_t id =
        loop.run_in_executor(std::move(job), std::move(finished), loop.recorder().intern(label));
    future.core()->set_await_target({AwaitKind::ExecutorJob, id});
    loop.record(trace::EventKind::JobFuture, id, future.id());
    // _chain_future's _call_check_cancel: a done-callback that would withdraw a cancelled job.
    // It stays, so the ready queue holds what CPython's holds when the future completes.
    future.add_done_callback([] {});
    return future;
}

// asyncio.to_thread(work): `await loop.run_in_executor(None, work)` from the current task.
template <class F>
Coro<std::invoke_result_t<F&>> to_thread(F work, std::string label = {}) {
    TaskCore& task = co_await this_task();
    co_return co_await run_in_executor(task.loop(), std::move(work), label);
}

}  // namespace loopscope
