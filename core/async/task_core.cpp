#include "async/task_core.h"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <typeinfo>

#include "async/cancellation.h"
#include "async/scheduler.h"

namespace loopscope {

using trace::EventKind;
using trace::WakeReason;

namespace {

// The class name of the exception being handled, without its namespace, as Python prints it.
std::string handled_exception_type() {
    const std::type_info* info = abi::__cxa_current_exception_type();
    if (info == nullptr) {
        return "exception";
    }
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> demangled(
        abi::__cxa_demangle(info->name(), nullptr, nullptr, &status), std::free);
    const std::string name = status == 0 ? demangled.get() : info->name();
    const auto colon = name.rfind(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
}

// "ValueError: lost", or just "QueueEmpty" when there is no text.
std::string describe(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (...) {
        const std::string type = handled_exception_type();
        try {
            throw;
        } catch (const std::exception& e) {
            const std::string text = e.what();
            return text.empty() ? type : type + ": " + text;
        } catch (...) {
            return type;
        }
    }
}

}  // namespace

TaskCore::TaskCore(Scheduler& scheduler, std::string name, trace::Label coroutine)
    : FutureCore(scheduler.loop()), name_(scheduler.loop().recorder().intern(name)) {
    const TaskCore* parent = scheduler.current_task();
    record(EventKind::TaskCreated, parent != nullptr ? parent->id() : 0, coroutine);
    record(EventKind::TaskRenamed, 0, name_);
}

TaskCore::TaskCore(Scheduler& scheduler, TaskNumber number, trace::Label coroutine)
    : FutureCore(scheduler.loop()), name_is_number_(true), name_(number) {
    const TaskCore* parent = scheduler.current_task();
    record(EventKind::TaskCreated, parent != nullptr ? parent->id() : 0, coroutine);
    if (loop().recorder().enabled()) {
        // The trace names the task as before, through the interned text.
        record(EventKind::TaskRenamed, 0, name_label());
    }
}

TaskCore::~TaskCore() {
    destroy_frames();
}

void TaskCore::destroy_frames() {
    // Destroying the top frame destroys the frames it awaits, and what they all hold.
    if (const std::coroutine_handle<> top = std::exchange(top_, {})) {
        top.destroy();
    }
}

void TaskCore::record(EventKind kind, std::uint32_t object, std::int64_t value) {
    loop().record(kind, id(), object, value);
}

std::string TaskCore::repr() const {
    const char* state = done() ? (cancelled() ? "cancelled" : "finished") : "pending";
    return "<Task " + std::string(state) + " name='" + name() + "'>";
}

std::string TaskCore::name() const {
    if (name_is_number_) {
        return "Task-" + std::to_string(name_);
    }
    return std::string(loop().recorder().text(name_));
}

void TaskCore::set_name(std::string name) {
    name_ = loop().recorder().intern(name);
    name_is_number_ = false;
    record(EventKind::TaskRenamed, 0, name_);
}

trace::Label TaskCore::name_label() {
    // With recording off nothing reads the label (0 then); a task alive when recording is
    // switched on interns its name on its next step. By number: the table writes the text out
    // only if someone reads it.
    if (name_is_number_) {
        if (!loop().recorder().enabled()) {
            return 0;
        }
        name_ = loop().recorder().intern_task_name(name_);
        name_is_number_ = false;
    }
    return name_;
}

AwaitTarget TaskCore::current_await_target() const {
    if (sleeping_) {
        return {AwaitKind::Timer, sleep_timer_};
    }
    if (waiting_on_) {
        return waiting_on_->await_target();
    }
    return {AwaitKind::Future, 0};
}

void TaskCore::start() {
    resume_point_ = top_;
    scheduler().track(self());
    schedule_step(nullptr, WakeReason::Created, 0);
}

void TaskCore::schedule_step(std::exception_ptr exception, WakeReason reason, std::uint32_t cause) {
    record(EventKind::TaskReady, cause, static_cast<std::int64_t>(reason));
    // std::function keeps only trivially copyable callables in its own buffer: a FutureRef
    // capture costs an allocation per step. Most steps have no exception to throw, and those
    // take the task by plain pointer, as the wake-up and timer callbacks do: the Scheduler
    // holds every unfinished task, at most one step of a task is queued at a time, and only a
    // step finishes the task (a task finished by set_result stays in the Scheduler's table).
    if (!exception) {
        loop().call_soon(PlainCallback{&TaskCore::step_without_exception, this}, name_label(),
                         id());
    } else {
        loop().call_soon([task = self(), exception] { task->step(exception); }, name_label(), id());
    }
}

void TaskCore::wait_on(FutureCore& future, std::coroutine_handle<> resume_at) {
    resume_point_ = resume_at;
    if (&future == this) {
        schedule_step(
            std::make_exception_ptr(RuntimeError("Task cannot await on itself: " + repr())),
            WakeReason::Error, 0);
        return;
    }
    waiting_on_ = future.ref();
    // A raw pointer keeps the callback inside std::function's own buffer. The task outlives it:
    // the Scheduler holds every unfinished task, and only this wake-up can finish this one.
    future.add_done_callback([task = this] { task->wakeup(); }, id());
    future.add_waiting_task(id());
    const AwaitTarget target = future.await_target();
    record(EventKind::TaskWaiting, target.object, static_cast<std::int64_t>(target.kind));
    if (must_cancel_ && waiting_on_->cancel(pending_cancel_option())) {
        must_cancel_ = false;
    }
}

void TaskCore::yield(std::coroutine_handle<> resume_at) {
    resume_point_ = resume_at;
    schedule_step(nullptr, WakeReason::Yielded, 0);
}

void TaskCore::wakeup() {
    if (!waiting_on_) {
        return;  // abandoned
    }
    std::exception_ptr error;
    try {
        waiting_on_->throw_unless_value();
    } catch (...) {
        error = std::current_exception();
    }
    step(error);
}

void TaskCore::sleep_for(Nanos delay, std::coroutine_handle<> resume_at) {
    resume_point_ = resume_at;
    sleeping_ = true;
    sleep_step_scheduled_ = false;
    sleep_timer_ = loop().arm_sleeper_timer(loop().time() + delay, alive_index_, name_label());
    sleep_timer_pending_ = true;
    sleep_timer_in_heap_ = true;
    record(EventKind::TaskWaiting, sleep_timer_, static_cast<std::int64_t>(AwaitKind::Timer));
    if (must_cancel_) {
        // As CPython cancels the sleep's fresh future at once.
        must_cancel_ = false;
        sleep_step_scheduled_ = true;
        schedule_step(std::make_exception_ptr(CancelledError(pending_cancel_text())),
                      WakeReason::FutureDone, sleep_timer_);
    }
}

void TaskCore::step_without_exception(void* task) {
    static_cast<TaskCore*>(task)->step(nullptr);
}

void TaskCore::sleep_timer_ran() {
    sleep_timer_pending_ = false;
    if (sleep_step_scheduled_) {
        return;  // cancelled first: the future would have been done already
    }
    sleep_step_scheduled_ = true;
    schedule_step(nullptr, WakeReason::FutureDone, sleep_timer_);
}

void TaskCore::end_sleep() {
    // As sleep's `finally: h.cancel()`, which does nothing to a timer that ran.
    if (sleep_timer_pending_) {
        sleep_timer_pending_ = false;
        loop().sleeper_timer_cancelled(sleep_timer_, sleep_timer_in_heap_);
    }
    sleep_timer_ = 0;
}

void TaskCore::step(std::exception_ptr exception) {
    if (done()) {
        throw InvalidStateError("_step(): already done: " + repr());
    }
    if (must_cancel_) {
        if (!is_cancellation(exception)) {
            exception = std::make_exception_ptr(CancelledError(pending_cancel_text()));
        }
        must_cancel_ = false;
    }
    if (is_cancellation(exception)) {
        const AwaitTarget target = current_await_target();
        record(EventKind::CancelDelivered, target.object, static_cast<std::int64_t>(target.kind));
    }
    waiting_on_.reset();
    sleeping_ = false;

    scheduler().enter_task(*this);
    record(EventKind::TaskStepBegin);
    scheduler().set_step_exception(std::move(exception));
    std::coroutine_handle<> frame = std::exchange(resume_point_, {});
    while (frame) {
        frame.resume();
        frame = scheduler().take_next_frame();
    }
    scheduler().set_step_exception(nullptr);
    record(EventKind::TaskStepEnd);
    scheduler().leave_task(*this);

    if (top_ && top_.done()) {
        if (scheduler().watches_steps()) {
            // Untracked as it finishes: this may be the last reference but for the one held here.
            const FutureRef<FutureCore> alive = ref();
            finish_from_top_frame();
            scheduler().step_ended(*this);
            return;
        }
        finish_from_top_frame();
        return;
    }
    scheduler().step_ended(*this);
}

void TaskCore::finish_from_top_frame() {
    const std::exception_ptr error = scheduler().take_frame_exception();
    if (!error) {
        if (must_cancel_) {
            // Cancelled right before the coroutine returned.
            must_cancel_ = false;
            FutureCore::cancel(pending_cancel_option());
            record(EventKind::TaskCancelled);
        } else {
            set_result_from_top_frame();
            record(EventKind::TaskDone);
        }
    } else {
        try {
            std::rethrow_exception(error);
        } catch (const CancelledError& cancelled_error) {
            cancel_with(cancelled_error);
            record(EventKind::TaskCancelled, 0,
                   loop().recorder().intern(cancelled_error.message()));
        } catch (...) {
            set_exception(error);
            record(EventKind::TaskFailed, 0, loop().recorder().intern(describe(error)));
        }
    }
    destroy_frames();
    scheduler().untrack(*this);
}

bool TaskCore::cancel(std::optional<std::string> message) {
    const TaskCore* requester = scheduler().current_task();
    record(EventKind::CancelRequested, requester != nullptr ? requester->id() : 0,
           message ? loop().recorder().intern(*message) : 0);
    if (done()) {
        return false;
    }
    ++cancel_requests_;
    if (waiting_on_ && waiting_on_->cancel(message)) {
        // Keep waiting_on_: a task that swallows the cancellation may need cancelling again.
        return true;
    }
    if (sleeping_ && !sleep_step_scheduled_) {
        // What cancelling the sleep's future would do: wake the task with CancelledError.
        sleep_step_scheduled_ = true;
        schedule_step(std::make_exception_ptr(CancelledError(message.value_or(""))),
                      WakeReason::FutureDone, sleep_timer_);
        return true;
    }
    // The next step is already scheduled (or running): it throws CancelledError.
    must_cancel_ = true;
    set_pending_cancel_message(std::move(message));
    return true;
}

int TaskCore::uncancel() {
    if (cancel_requests_ > 0) {
        --cancel_requests_;
    }
    record(EventKind::Uncancelled, 0, cancel_requests_);
    return cancel_requests_;
}

void TaskCore::abandon() {
    destroy_frames();
    waiting_on_.reset();
    sleep_step_scheduled_ = true;  // a timer still in the loop must not step a dead frame
    sleep_timer_pending_ = false;
}

}  // namespace loopscope
