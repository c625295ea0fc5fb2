#pragma once

#include <coroutine>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "async/future_ref.h"
#include "loop/event_loop.h"

namespace loopscope {

class TaskCore;

// The N of a default task name "Task-N".
using TaskNumber = std::uint32_t;

// The tasks of one event loop: which one is running, which are alive, what they are called.
// asyncio keeps this in module-level tables keyed by loop; here it is an object beside the loop.
//
// Task names come from one counter per scheduler (Task-1, Task-2, ...), so re-running a script
// names its tasks the same way each time; asyncio.run's main task is Task-1 as in a fresh CPython.
class Scheduler final : private Sleepers {
public:
    explicit Scheduler(EventLoop& loop);  // out of line: alive_ needs TaskCore complete
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    EventLoop& loop() const { return loop_; }

    // asyncio.current_task(): the task whose step is running, or null between steps.
    TaskCore* current_task() const { return current_; }
    // asyncio.all_tasks(): the tasks not yet done, oldest first.
    std::vector<FutureRef<TaskCore>> all_tasks() const;
    std::string next_task_name() { return "Task-" + std::to_string(++task_counter_); }
    // The next default name as its number alone, 0 once the counter no longer fits (then
    // next_task_name() gives the text).
    TaskNumber next_task_number() {
        return task_counter_ < std::numeric_limits<TaskNumber>::max()
                   ? static_cast<TaskNumber>(++task_counter_)
                   : 0;
    }

    // For TaskCore.
    void enter_task(TaskCore& task);
    void leave_task(TaskCore& task);
    void track(FutureRef<TaskCore> task);
    void untrack(TaskCore& task);
    // What the running step must throw into the frame it resumes (CancelledError, an awaited
    // error): one at a time, since one task steps at a time.
    void set_step_exception(std::exception_ptr exception) {
        step_exception_ = std::move(exception);
    }
    std::exception_ptr take_step_exception() { return std::exchange(step_exception_, nullptr); }
    // What a frame that just finished let escape, for whoever resumes after it: the frame
    // awaiting it, or the step of a task whose top frame it was (detail::FrameBase).
    void set_frame_exception(std::exception_ptr exception) {
        frame_exception_ = std::move(exception);
    }
    std::exception_ptr take_frame_exception() { return std::exchange(frame_exception_, nullptr); }
    // The trampoline of builds where a symmetric transfer is not a tail call (detail::hand_off):
    // the frame to resume next in the running step. Kept here rather than in every task.
    void set_next_frame(std::coroutine_handle<> frame) { next_frame_ = frame; }
    std::coroutine_handle<> take_next_frame() { return std::exchange(next_frame_, {}); }

    // The scheduler whose task is stepping on this thread, or null: a frame that starts asks it
    // for the exception to throw (FrameBase::StartAwaiter).
    static Scheduler* stepping() { return stepping_; }

    // Called after every step of a task, once the step's outcome is in: a task that finished in
    // it is done, and kept alive until the call returns. CPython's debug mode reports a slow
    // step then, after the handle ran (asyncio.run(debug=True) in the interpreter). Null: none.
    using StepEnded = void (*)(void* context, TaskCore& task);
    void on_step_ended(StepEnded callback, void* context) {
        step_ended_ = callback;
        step_ended_context_ = context;
    }
    bool watches_steps() const { return step_ended_ != nullptr; }
    void step_ended(TaskCore& task) const {
        if (step_ended_ != nullptr) {
            step_ended_(step_ended_context_, task);
        }
    }

private:
    EventLoop& loop_;
    TaskCore* current_ = nullptr;
    // Sleepers: a sleeping task's timer names it by its index in alive_.
    bool timer_pending(std::uint32_t sleeper, std::uint32_t id) const override;
    void prefetch(std::uint32_t sleeper, bool near) const override;
    void timer_fired(std::uint32_t sleeper) override;
    trace::Label timer_label(std::uint32_t sleeper) override;
    void run_timer(std::uint32_t sleeper) override;

    // Each task keeps its index from start to finish (a sleeper's number); a finished task's
    // entry is emptied and its index reused.
    std::vector<FutureRef<TaskCore>> alive_;
    std::vector<std::uint32_t> free_alive_indices_;
    std::size_t alive_count_ = 0;  // the entries of alive_ that hold a task
    std::uint64_t task_counter_ = 0;
    std::exception_ptr step_exception_;
    std::exception_ptr frame_exception_;
    std::coroutine_handle<> next_frame_;
    Scheduler* outer_stepping_ = nullptr;  // stepping() when this one's step began
    StepEnded step_ended_ = nullptr;
    void* step_ended_context_ = nullptr;

    static inline thread_local constinit Scheduler* stepping_ = nullptr;
};

}  // namespace loopscope
