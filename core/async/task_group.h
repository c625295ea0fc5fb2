#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "async/ensure_future.h"
#include "async/outcome.h"

namespace loopscope {

namespace detail {
struct TaskGroupState;
}

// asyncio.TaskGroup: tasks that live and die together inside one scope. The first child to
// fail cancels every unfinished sibling and the body (its done-callback runs one iteration
// after the failure; they get CancelledError the iteration after). Leaving the scope waits for
// every child and then raises ExceptionGroup("unhandled errors in a TaskGroup", [...]) with
// each child's error (and the body's, if it failed with something other than cancellation).
//
// C++ has no `async with`, so the scope is entered and left explicitly, from inside a task:
//
//     TaskGroup group(scheduler);
//     group.enter();                                    // __aenter__
//     std::exception_ptr error;
//     try {
//         group.create_task(fetch(1));
//         co_await something();
//     } catch (...) {
//         error = std::current_exception();             // no co_await inside a handler
//     }
//     co_await group.exit(error);                       // __aexit__, then `async with`'s rethrow
//
// or `co_await with_task_group(scheduler, [&](TaskGroup& group) -> Coro<void> {...})`.
class TaskGroup {
public:
    explicit TaskGroup(Scheduler& scheduler);
    TaskGroup(const TaskGroup&) = delete;
    TaskGroup& operator=(const TaskGroup&) = delete;
    ~TaskGroup();

    // __aenter__: the current task becomes the group's parent.
    void enter();
    // __aexit__ followed by what `async with` does: waits for every child; throws the
    // ExceptionGroup, or a CancelledError that must go on, or `error` itself; returns only when
    // the body and all children ended well. A coroutine: it waits for the children.
    Coro<void> exit(std::exception_ptr error);

    // TaskGroup.create_task: a RuntimeError once the group is finished or shutting down.
    template <class T>
    Task<T> create_task(Coro<T> coroutine, std::string name = {},
                        std::string_view coroutine_name = {}) {
        check_open();
        // Like CPython, the task takes a Task-N name first and is renamed after.
        Task<T> task =
            loopscope::create_task(scheduler(), std::move(coroutine), {}, coroutine_name);
        if (!name.empty()) {
            task.set_name(std::move(name));
        }
        adopt(static_future_cast<TaskCore>(task.core()));
        return task;
    }

    std::uint32_t id() const;
    // "<TaskGroup tasks=2 errors=1 cancelling>" and the like, as repr() prints it.
    std::string repr() const;

private:
    Scheduler& scheduler() const;
    void check_open() const;
    void adopt(FutureRef<TaskCore> task);

    std::shared_ptr<detail::TaskGroupState> state_;
};

// `async with TaskGroup() as group: return await body(group)`.
template <class Body>
auto with_task_group(Scheduler& scheduler, Body body)
    -> Coro<AwaitableResultOf<std::invoke_result_t<Body&, TaskGroup&>>> {
    using T = AwaitableResultOf<std::invoke_result_t<Body&, TaskGroup&>>;
    TaskGroup group(scheduler);
    group.enter();
    std::exception_ptr error;
    std::optional<ResultValue<T>> value;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await body(group);
        } else {
            value.emplace(co_await body(group));
        }
    } catch (...) {
        error = std::current_exception();
    }
    co_await group.exit(error);
    if constexpr (!std::is_void_v<T>) {
        co_return std::move(*value);
    }
}

}  // namespace loopscope
