#pragma once

#include <memory>
#include <optional>
#include <string>

#include "async/coro.h"
#include "async/scheduler.h"

namespace loopscope {

template <class T>
class TaskState final : public TaskCore, public ResultSlot<T> {
public:
    TaskState(Scheduler& scheduler, Coro<T> coroutine, std::string name,
              trace::Label coroutine_name)
        : TaskCore(scheduler, std::move(name), coroutine_name) {
        own_top_frame(coroutine.release());
    }
    TaskState(Scheduler& scheduler, Coro<T> coroutine, TaskNumber number,
              trace::Label coroutine_name)
        : TaskCore(scheduler, number, coroutine_name) {
        own_top_frame(coroutine.release());
    }
    // The frames go while this typed part still exists, as they did when it held the Coro.
    ~TaskState() override { destroy_frames(); }

    void begin() { start(); }

private:
    typename Coro<T>::Handle typed_frame() const {
        return Coro<T>::Handle::from_address(top_frame().address());
    }
    void set_result_from_top_frame() override {
        if constexpr (std::is_void_v<T>) {
            set_result_on<T>(*this, *this);
        } else {
            set_result_on<T>(*this, *this, typed_frame().promise().take());
        }
    }
};

// asyncio.Task: a Future<T> that runs a coroutine. Copies refer to the same task.
template <class T>
class Task : public Future<T> {
public:
    // The task is found from the Future's result slot, which is part of it: reading `state`
    // again after the Future copied it, g++ 12 warns of a use after free it imagines on the
    // reference count's path.
    explicit Task(FutureRef<TaskState<T>> state)
        : Future<T>(std::move(state)), task_(static_cast<TaskState<T>*>(this->slot_)) {}

    bool cancel(std::optional<std::string> message = std::nullopt) {
        return task_->cancel(std::move(message));
    }
    int cancelling() const { return task_->cancelling(); }
    int uncancel() { return task_->uncancel(); }
    std::string name() const { return task_->name(); }
    void set_name(std::string name) { task_->set_name(std::move(name)); }
    TaskCore& core_task() const { return *task_; }

private:
    TaskCore* task_;
};

// asyncio.create_task: the task's first step runs in the next loop iteration.
template <class T>
Task<T> create_task(Scheduler& scheduler, Coro<T> coroutine, std::string name = {},
                    std::string_view coroutine_name = {}) {
    const trace::Label label = scheduler.loop().recorder().intern(coroutine_name);
    FutureRef<TaskState<T>> state;
    if (!name.empty()) {
        state = make_future<TaskState<T>>(scheduler, std::move(coroutine), std::move(name), label);
    } else if (const TaskNumber number = scheduler.next_task_number(); number != 0) {
        state = make_future<TaskState<T>>(scheduler, std::move(coroutine), number, label);
    } else {
        state = make_future<TaskState<T>>(scheduler, std::move(coroutine),
                                          scheduler.next_task_name(), label);
    }
    state->begin();
    return Task<T>(std::move(state));
}

// create_task with the default name "Task-<number>" from a counter of the caller's (a script
// numbers its tasks per interpreter, as CPython does per process). The name is kept as its
// number, as for the scheduler's own Task-N: with recording off it is never written out.
template <class T>
Task<T> create_numbered_task(Scheduler& scheduler, Coro<T> coroutine, TaskNumber number,
                             std::string_view coroutine_name = {}) {
    const trace::Label label = scheduler.loop().recorder().intern(coroutine_name);
    auto state = make_future<TaskState<T>>(scheduler, std::move(coroutine), number, label);
    state->begin();
    return Task<T>(std::move(state));
}

}  // namespace loopscope
