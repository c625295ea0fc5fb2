#include "trace/state_text.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "async/future.h"

namespace loopscope::trace {

std::string_view await_kind_name(AwaitKind kind) {
    switch (kind) {
        case AwaitKind::Future:
            return "future";
        case AwaitKind::Timer:
            return "timer";
        case AwaitKind::Task:
            return "task";
        case AwaitKind::Gather:
            return "gather";
        case AwaitKind::TaskGroup:
            return "task-group";
        case AwaitKind::Lock:
            return "lock";
        case AwaitKind::Semaphore:
            return "semaphore";
        case AwaitKind::Event:
            return "event";
        case AwaitKind::Condition:
            return "condition";
        case AwaitKind::Queue:
            return "queue";
        case AwaitKind::ExecutorJob:
            return "executor-job";
        case AwaitKind::Shield:
            return "shield";
        case AwaitKind::Wait:
            return "wait";
    }
    return "unknown";
}

namespace {

// Appends pieces to one string. (Chains of operator+ on temporaries trip g++ 12's -Wrestrict
// false positive at -O3, GCC bug 105329.)
class Text {
public:
    explicit Text(const Recorder& recorder) : recorder_(recorder) {}

    Text& operator<<(std::string_view piece) {
        text_.append(piece);
        return *this;
    }
    Text& operator<<(std::uint64_t number) {
        return *this << std::string_view(std::to_string(number));
    }
    Text& operator<<(std::int64_t number) {
        return *this << std::string_view(std::to_string(number));
    }
    Text& operator<<(std::uint32_t number) { return *this << static_cast<std::uint64_t>(number); }
    Text& operator<<(std::int32_t number) { return *this << static_cast<std::int64_t>(number); }
    Text& seconds(Nanos nanos) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.6f s", nanos_to_seconds(nanos));
        return *this << std::string_view(buffer);
    }
    Text& quoted(Label label) { return *this << "'" << recorder_.text(label) << "'"; }

    std::string take() { return std::move(text_); }

private:
    const Recorder& recorder_;
    std::string text_;
};

}  // namespace

std::string describe(const State& state, const Recorder& recorder) {
    const State::Loop& loop = state.loop();
    Text text(recorder);
    text << "after " << static_cast<std::uint64_t>(state.applied()) << " events · iteration "
         << loop.iteration << " · t=";
    text.seconds(loop.now) << " · " << to_string(loop.phase);
    if (loop.phase == LoopPhase::Polling) {
        if (loop.poll_timeout < 0) {
            text << " (no timeout)";
        } else {
            text.seconds(loop.poll_timeout) << " (timeout)";
        }
    }
    if (loop.phase == LoopPhase::RunningReady || loop.phase == LoopPhase::FiringTimers) {
        text << " (" << loop.snapshot_left << " left in this iteration)";
    }
    if (loop.phase == LoopPhase::Blocked) {
        text << " (for ";
        text.seconds(loop.blocked_for) << ")";
    }
    text << "\n";
    if (loop.running_handle != 0) {
        text << "running: h" << loop.running_handle << " ";
        text.quoted(loop.running_label);
        if (loop.running_task != 0) {
            text << " (step of #" << loop.running_task << ")";
        }
        text << "\n";
    }

    text << "ready:";
    for (const State::ReadyCallback& callback : state.ready()) {
        text << " h" << callback.handle << " " << to_string(callback.origin);
        if (callback.owner != 0) {
            text << " #" << callback.owner;
        }
        if (callback.label != 0) {
            text << " ";
            text.quoted(callback.label);
        }
        if (callback.cancelled) {
            text << " (cancelled)";
        }
        text << " |";
    }
    text << "\ntimers:";
    for (const State::Timer& timer : state.timers_by_deadline()) {
        text << " h" << timer.handle << " @";
        text.seconds(timer.deadline);
        if (timer.task != 0) {
            text << " (#" << timer.task << ")";
        }
        text << " |";
    }
    text << "\n";

    for (const State::Task& task : state.tasks()) {
        text << "task #" << task.id << " ";
        text.quoted(task.name) << " " << recorder.text(task.coroutine)
                               << "(): " << to_string(task.status);
        if (task.status == TaskStatus::Waiting) {
            text << " on " << await_kind_name(task.await_kind) << " #" << task.awaiting;
        }
        if (task.status == TaskStatus::Ready && task.woken_by != 0) {
            text << " (woken by #" << task.woken_by << ")";
        }
        if (task.outcome != 0) {
            text << " ";
            text.quoted(task.outcome);
        }
        if (task.cancel_requests != 0) {
            text << ", " << task.cancel_requests << " cancel requests";
        }
        text << "\n";
    }

    std::vector<State::Waiter> waiters;
    for (const State::Primitive& primitive : state.primitives()) {
        text << await_kind_name(primitive.kind) << " #" << primitive.id << ": value "
             << primitive.value;
        if (primitive.owner != 0) {
            text << ", held by #" << primitive.owner;
        }
        state.waiters_of(primitive.id, waiters);
        if (!waiters.empty()) {
            text << ", waiters";
            for (const State::Waiter& waiter : waiters) {
                text << " #" << waiter.task << (waiter.woken ? "(woken)" : "");
            }
        }
        text << "\n";
    }

    for (const State::Job& job : state.jobs()) {
        text << "job " << job.id << " ";
        text.quoted(job.label) << ": " << to_string(job.status);
        if (job.status != JobStatus::Submitted) {
            text << " on worker " << job.worker;
        }
        text << "\n";
    }
    return text.take();
}

}  // namespace loopscope::trace
