#pragma once

#include <coroutine>
#include <exception>

#include "async/coro.h"
#include "loop/time.h"

namespace loopscope {

// `co_await sleep(d)`: asyncio.sleep. A delay of 0 (or less) is a bare yield, one loop
// iteration; otherwise the task waits on a call_later timer (the trace shows the edge
// task → timer) and resumes one iteration after it fires. An awaitable rather than a Coro:
// sleeping costs no coroutine frame.
class [[nodiscard]] Sleep {
public:
    explicit Sleep(Nanos delay) : delay_(delay) {}

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> frame) {
        const Nanos delay = delay_;
        task_ = &detail::stepping_task();
        if (delay <= 0) {
            task_->yield(frame);
        } else {
            task_->sleep_for(delay, frame);
        }
    }
    void await_resume() const {
        // After a bare yield there is no timer: end_sleep() then does nothing.
        task_->end_sleep();
        if (auto error = task_->take_exception_to_throw()) {
            std::rethrow_exception(error);
        }
    }

private:
    // The delay until the frame suspends, then the task: one word of the frame instead of two
    // (every sleeping coroutine's frame holds this awaiter while it sleeps).
    union {
        Nanos delay_;
        TaskCore* task_;
    };
};

inline Sleep sleep(Nanos delay) {
    return Sleep(delay);
}

}  // namespace loopscope
