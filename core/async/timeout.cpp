#include "async/timeout.h"

#include <cmath>
#include <cstdio>

#include "async/cancellation.h"
#include "async/scheduler.h"

namespace loopscope {

namespace {

enum class TimeoutState : std::uint8_t { Created, Entered, Expiring, Expired, Exited };

const char* to_string(TimeoutState state) {
    switch (state) {
        case TimeoutState::Created:
            return "created";
        case TimeoutState::Entered:
            return "active";
        case TimeoutState::Expiring:
            return "expiring";
        case TimeoutState::Expired:
            return "expired";
        case TimeoutState::Exited:
            return "finished";
    }
    return "?";
}

// Python's repr(round(seconds, 3)): "1.5", "10.0", "0.001".
std::string format_seconds(Nanos when) {
    const double rounded = std::round(nanos_to_seconds(when) * 1000.0) / 1000.0;
    char text[64];
    std::snprintf(text, sizeof text, "%.3f", rounded);
    std::string result = text;
    while (result.size() > 1 && result.back() == '0' && result[result.size() - 2] != '.') {
        result.pop_back();
    }
    return result;
}

}  // namespace

struct TimeoutScope::State : std::enable_shared_from_this<State> {
    Scheduler* scheduler;
    std::uint32_t id;
    std::optional<Nanos> when;
    TimeoutState state = TimeoutState::Created;
    Handle timeout_handler;
    // The task the scope cancels. Weak: a task frame destroyed without leaving the scope must
    // not be kept alive (or cancelled) by its timer.
    WeakFutureRef<TaskCore> task;
    std::uint32_t task_id = 0;
    int cancelling_on_entry = 0;

    State(Scheduler& owner, std::optional<Nanos> deadline)
        : scheduler(&owner), id(owner.loop().next_object_id()), when(deadline) {}

    EventLoop& loop() const { return scheduler->loop(); }

    void reschedule(std::optional<Nanos> deadline) {
        if (state != TimeoutState::Entered) {
            if (state == TimeoutState::Created) {
                throw RuntimeError("Timeout has not been entered");
            }
            throw RuntimeError(std::string("Cannot change state of ") + to_string(state) +
                               " Timeout");
        }
        when = deadline;
        timeout_handler.cancel();
        if (!deadline) {
            timeout_handler = Handle{};
            return;
        }
        const std::weak_ptr<State> weak = weak_from_this();
        auto on_timeout = [weak] {
            if (const auto alive = weak.lock()) {
                alive->on_timeout();
            }
        };
        if (*deadline <= loop().time()) {
            timeout_handler = loop().call_soon(std::move(on_timeout));
        } else {
            timeout_handler = loop().call_at(*deadline, std::move(on_timeout));
        }
        loop().record(trace::EventKind::TimeoutScheduled, id, task_id, *deadline);
    }

    // _on_timeout: cancel the task; leaving the scope decides what that becomes.
    void on_timeout() {
        loop().record(trace::EventKind::TimeoutExpired, id, task_id, when.value_or(0));
        if (const auto target = task.lock()) {
            target->cancel();
        }
        state = TimeoutState::Expiring;
        timeout_handler = Handle{};
    }
};

TimeoutScope::TimeoutScope(Scheduler& scheduler, std::optional<Nanos> when)
    : state_(std::make_shared<State>(scheduler, when)) {}

std::optional<Nanos> TimeoutScope::when() const {
    return state_->when;
}

void TimeoutScope::reschedule(std::optional<Nanos> when) {
    state_->reschedule(when);
}

bool TimeoutScope::expired() const {
    return state_->state == TimeoutState::Expiring || state_->state == TimeoutState::Expired;
}

std::uint32_t TimeoutScope::id() const {
    return state_->id;
}

std::string TimeoutScope::repr() const {
    std::string info;
    if (state_->state == TimeoutState::Entered) {
        info = " when=" + (state_->when ? format_seconds(*state_->when) : std::string("None"));
    }
    return std::string("<Timeout [") + to_string(state_->state) + "]" + info + ">";
}

void TimeoutScope::enter() {
    State& scope = *state_;
    if (scope.state != TimeoutState::Created) {
        throw RuntimeError("Timeout has already been entered");
    }
    TaskCore* task = scope.scheduler->current_task();
    if (task == nullptr) {
        throw RuntimeError("Timeout should be used inside a task");
    }
    scope.state = TimeoutState::Entered;
    scope.task = static_future_cast<TaskCore>(task->ref());
    scope.task_id = task->id();
    scope.cancelling_on_entry = task->cancelling();
    scope.reschedule(scope.when);
}

void TimeoutScope::exit(std::exception_ptr error) {
    State& scope = *state_;
    if (scope.state != TimeoutState::Entered && scope.state != TimeoutState::Expiring) {
        throw RuntimeError("Timeout exited while " + std::string(to_string(scope.state)));
    }
    scope.timeout_handler.cancel();
    scope.timeout_handler = Handle{};
    scope.loop().record(trace::EventKind::TimeoutExited, scope.id, scope.task_id,
                        scope.state == TimeoutState::Expiring ? 1 : 0);
    if (scope.state == TimeoutState::Expiring) {
        scope.state = TimeoutState::Expired;
        const auto task = scope.task.lock();
        // Only when no newer cancel request is outstanding is the CancelledError ours.
        if (task && task->uncancel() <= scope.cancelling_on_entry && is_cancellation(error)) {
            throw TimeoutError({}, error);
        }
    } else {
        scope.state = TimeoutState::Exited;
    }
    if (error) {
        std::rethrow_exception(error);
    }
}

TimeoutScope timeout(Scheduler& scheduler, std::optional<Nanos> delay) {
    if (!delay) {
        return TimeoutScope(scheduler, std::nullopt);
    }
    return TimeoutScope(scheduler, scheduler.loop().time() + *delay);
}

TimeoutScope timeout_at(Scheduler& scheduler, std::optional<Nanos> when) {
    return TimeoutScope(scheduler, when);
}

}  // namespace loopscope
