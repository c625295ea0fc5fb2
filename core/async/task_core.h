#pragma once

#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "async/future.h"
#include "async/scheduler.h"
#include "loop/handle.h"
#include "trace/event.h"

namespace loopscope {

// g++ turns a returned coroutine handle into a tail call only when optimising; at -O0 and under
// sanitizers each symmetric transfer is a real call, and a deep chain of synchronous co_awaits
// overflows the stack. There the hand-off goes through the scheduler's trampoline instead: the
// awaiter stores the next frame and suspends, and TaskCore::step resumes it from a loop.
#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
inline constexpr bool kSymmetricTransferIsTailCall = true;
#else
inline constexpr bool kSymmetricTransferIsTailCall = false;
#endif

// asyncio.Task without its result type: the step/wakeup machine, cancellation requests, name.
//
// A task runs its coroutine one step at a time. A step resumes the innermost suspended frame
// (with an exception to throw there, if any) and ends when the coroutine awaits a pending
// future (the task waits: the future's done-callback wakes it), yields (sleep(0): the next step
// is scheduled at once), or returns (the task is done). Frames awaited directly run inside the
// same step, as `await coro()` does in Python.
class TaskCore : public FutureCore {
public:
    TaskCore(Scheduler& scheduler, std::string name, trace::Label coroutine);
    // A task with the default name "Task-<number>" (Scheduler::next_task_number()).
    TaskCore(Scheduler& scheduler, TaskNumber number, trace::Label coroutine);
    ~TaskCore() override;

    // Task.cancel(msg): asks the task to stop. If it waits on a future, that future is cancelled
    // now (recursing down a chain of awaited tasks); otherwise its next step throws
    // CancelledError. False if the task is done.
    bool cancel(std::optional<std::string> message = std::nullopt) override;
    int cancelling() const { return cancel_requests_; }
    int uncancel();

    // The name, as Task.get_name() returns it. A default name is kept as its number and only
    // written out when someone asks: most tasks are never asked, and the text cost 70-120
    // bytes a task. With recording on it is interned by that number (intern_task_name).
    std::string name() const;
    void set_name(std::string name);
    Scheduler& scheduler() const { return *loop().scheduler(); }
    // The future this task waits on, or null while it is ready or running.
    FutureCore* waiting_on() const { return waiting_on_.get(); }
    // Suspended on a future or a sleep's timer, from the await until its next step begins
    // (CPython's _fut_waiter is set).
    bool is_waiting() const { return waiting_on_ || sleeping_; }

    // --- for awaiters ---------------------------------------------------------------------
    // The awaiting frame suspends until `future` is done.
    void wait_on(FutureCore& future, std::coroutine_handle<> resume_at);
    // The frame suspends for one loop iteration (a bare yield).
    void yield(std::coroutine_handle<> resume_at);
    // The frame suspends for `delay` of loop time (asyncio.sleep with d > 0). CPython sleeps on a
    // future that a call_later timer resolves; the task here waits on the timer itself, which
    // keeps every iteration the same and saves the future: the timer's callback schedules the
    // step as the future's done-callback would, and cancelling the task schedules a step that
    // throws CancelledError as cancelling the future would. `end_sleep` is sleep's `finally`.
    void sleep_for(Nanos delay, std::coroutine_handle<> resume_at);
    void end_sleep();
    // What the step must throw into the frame it resumes (CancelledError, an awaited error).
    // Only the running task's frames ask, so the Scheduler keeps it for whichever task steps.
    std::exception_ptr take_exception_to_throw() { return scheduler().take_step_exception(); }

    // Breaks the reference cycles of a task that will never finish (its frame holds futures
    // whose callbacks hold the task). Called by the Scheduler when it goes away.
    void abandon();

    // "<Task pending name='Task-2'>", as far as C++ knows it.
    std::string repr() const;

    // The object that stands for this task in an embedding interpreter (a script's Task
    // object), so the interpreter reaches it from the task without a table lookup. The
    // scheduler never reads it; whoever sets it clears it before the object goes away.
    void* binding() const { return binding_; }
    void set_binding(void* binding) { binding_ = binding; }

protected:
    // The derived, typed task: the top frame. The task owns it from `own_top_frame` on (the
    // typed task gives up its Coro, saving a second copy of the handle), and destroys it when
    // it finishes, when it is abandoned, or with `destroy_frames` from the typed destructor.
    void own_top_frame(std::coroutine_handle<> top) { top_ = top; }
    std::coroutine_handle<> top_frame() const { return top_; }
    void start();
    void destroy_frames();
    virtual void set_result_from_top_frame() = 0;

private:
    FutureRef<TaskCore> self() { return FutureRef<TaskCore>::to(this); }
    void schedule_step(std::exception_ptr exception, trace::WakeReason reason, std::uint32_t cause);
    void step(std::exception_ptr exception);
    void wakeup();
    // The loop's plain callback (PlainCallback) of a step without an exception to throw; its
    // argument is the task.
    static void step_without_exception(void* task);
    // The callback of the sleep's timer, which the loop runs through the Scheduler (Sleepers).
    void sleep_timer_ran();
    AwaitTarget current_await_target() const;
    // The label naming this task's callbacks in the trace: its name, interned on first need.
    trace::Label name_label();
    void finish_from_top_frame();
    // The pending cancel's message (kept by FutureCore with its rare fields): as an optional
    // for cancel(msg), as the text of a CancelledError ("" for None).
    std::optional<std::string> pending_cancel_option() const {
        const std::string* message = pending_cancel_message();
        return message != nullptr ? std::optional<std::string>(*message) : std::nullopt;
    }
    std::string pending_cancel_text() const {
        const std::string* message = pending_cancel_message();
        return message != nullptr ? *message : std::string();
    }
    void record(trace::EventKind kind, std::uint32_t object = 0, std::int64_t value = 0);

    friend class Scheduler;

    // Laid out for size: there may be a hundred thousand of these. The flags come first, as
    // bit-fields, so they fit in the padding at the end of FutureCore.
    // must_cancel_: the next step throws CancelledError. sleeping_: suspended in sleep_for.
    // sleep_step_scheduled_: its timer fired or it was cancelled, a step is queued.
    // sleep_timer_pending_: sleep_timer_ has neither run nor been cancelled; and
    // sleep_timer_in_heap_: nor left the loop's timer heap.
    // name_is_number_: name_ is the N of "Task-N", not interned yet.
    bool must_cancel_ : 1 = false;
    bool sleeping_ : 1 = false;
    bool sleep_step_scheduled_ : 1 = false;
    bool name_is_number_ : 1 = false;
    bool sleep_timer_pending_ : 1 = false;
    bool sleep_timer_in_heap_ : 1 = false;
    FutureRef<FutureCore> waiting_on_;  // CPython's _fut_waiter
    std::coroutine_handle<> top_;
    std::coroutine_handle<> resume_point_;  // the innermost suspended frame
    void* binding_ = nullptr;
    // The id of the timer of a sleep in progress (EventLoop::arm_sleeper_timer): the loop keeps
    // its heap entry alone, naming this task by alive_index_, and asks the Scheduler about it.
    std::uint32_t sleep_timer_ = 0;
    // Position in the Scheduler's table of live tasks, the same from start to finish.
    std::uint32_t alive_index_ = 0;
    // The name: its label in the recorder's string table, or, while name_is_number_, the N
    // of a default name "Task-N" that nobody needed as text yet.
    std::uint32_t name_ = 0;
    int cancel_requests_ = 0;
};

}  // namespace loopscope
