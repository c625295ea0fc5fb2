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
        : TaskCore(scheduler, std::move(name), coroutine_name), coroutine_(std::move(coroutine)) {}

    void begin() {
        coroutine_.frame().promise().task = this;
        start(coroutine_.frame());
    }

private:
    std::exception_ptr top_frame_exception() override {
        return coroutine_.frame().promise().exception;
    }
    void set_result_from_top_frame() override {
        if constexpr (std::is_void_v<T>) {
            set_result_on<T>(*this, *this);
        } else {
            set_result_on<T>(*this, *this, coroutine_.frame().promise().take());
        }
    }
    // Moving the frames out into a local destroys them here, releasing what they hold.
    void destroy_frames() override { Coro<T> finished = std::move(coroutine_); }

    Coro<T> coroutine_;
};

// asyncio.Task: a Future<T> that runs a coroutine. Copies refer to the same task.
template <class T>
class Task : public Future<T> {
public:
    explicit Task(std::shared_ptr<TaskState<T>> state) : Future<T>(state), task_(state.get()) {}

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
    auto state = std::make_shared<TaskState<T>>(
        scheduler, std::move(coroutine),
        name.empty() ? scheduler.next_task_name() : std::move(name), label);
    state->begin();
    return Task<T>(std::move(state));
}

}  // namespace loopscope
