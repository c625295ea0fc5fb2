#include "event_log_printer.h"

#include <cstdio>

#include "async/future.h"
#include "trace/state.h"
#include "trace/state_text.h"

namespace loopscope::exporters {

using trace::EventKind;

namespace {

std::string_view wake_reason_name(std::int64_t value) {
    switch (static_cast<trace::WakeReason>(value)) {
        case trace::WakeReason::Created:
            return "created";
        case trace::WakeReason::Yielded:
            return "yielded";
        case trace::WakeReason::FutureDone:
            return "future-done";
        case trace::WakeReason::Error:
            return "error";
    }
    return "?";
}

std::string await_target(std::int64_t kind, std::uint32_t object) {
    std::string text(trace::await_kind_name(static_cast<AwaitKind>(kind)));
    text += " #";
    text += std::to_string(object);
    return text;
}

std::string quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\'') {
            out += "\\'";
        } else {
            out += c;
        }
    }
    out += "'";
    return out;
}

}  // namespace

std::string EventLogPrinter::task(std::uint32_t id) const {
    std::string text = "task #" + std::to_string(id);
    if (auto found = task_names_.find(id); found != task_names_.end()) {
        text += " " + quoted(recorder_.text(found->second));
    }
    return text;
}

std::string EventLogPrinter::label(std::int64_t value) const {
    return quoted(recorder_.text(static_cast<trace::Label>(value)));
}

std::string EventLogPrinter::line(const trace::Event& event) {
    char head[80];
    std::snprintf(head, sizeof head, "t=%.6f it=%u ", nanos_to_seconds(event.time),
                  event.iteration);
    std::string text = head;
    text += trace::to_string(event.kind);
    text += " ";
    const std::string subject_number = "#" + std::to_string(event.subject);
    switch (event.kind) {
        case EventKind::TaskCreated:
            text += task(event.subject) + " " + label(event.value) + "()";
            if (event.object != 0) {
                text += " by " + task(event.object);
            }
            break;
        case EventKind::TaskRenamed:
            task_names_[event.subject] = static_cast<trace::Label>(event.value);
            text += task(event.subject);
            break;
        case EventKind::TaskReady:
            text += task(event.subject) + " (" + std::string(wake_reason_name(event.value)) + ")";
            if (event.object != 0) {
                text += " woken by #" + std::to_string(event.object);
            }
            break;
        case EventKind::TaskWaiting:
            text += task(event.subject) + " on " + await_target(event.value, event.object);
            break;
        case EventKind::TaskDone:
        case EventKind::TaskCancelled:
        case EventKind::TaskFailed:
            text += task(event.subject);
            if (event.value != 0) {
                text += " " + label(event.value);
            }
            break;
        case EventKind::CancelRequested:
            text += task(event.subject);
            text += event.object != 0 ? " by " + task(event.object) : " outside tasks";
            if (event.value != 0) {
                text += " msg " + label(event.value);
            }
            break;
        case EventKind::CancelDelivered:
            text += task(event.subject) + " at " + await_target(event.value, event.object);
            break;
        case EventKind::TaskStepBegin:
        case EventKind::TaskStepEnd:
            text += task(event.subject);
            break;
        case EventKind::Uncancelled:
            text += task(event.subject) + " cancelling=" + std::to_string(event.value);
            break;
        case EventKind::CallbackScheduled:
            text += "h" + std::to_string(event.subject) + " " + label(event.value);
            if (event.object != 0) {
                text += " for " + task(event.object);
            }
            break;
        case EventKind::CallbackBegin:
        case EventKind::CallbackEnd:
        case EventKind::CallbackFailed:
            text += "h" + std::to_string(event.subject) + " " + label(event.value);
            break;
        case EventKind::TimerArmed:
            text += "h" + std::to_string(event.subject) + " " + label(event.object) + " at " +
                    std::to_string(nanos_to_seconds(event.value));
            break;
        case EventKind::TimerFired:
        case EventKind::TimerCancelled:
        case EventKind::CallbackSkipped:
        case EventKind::CallbackCancelled:
        case EventKind::ThreadsafePost:
            text += "h" + std::to_string(event.subject);
            break;
        case EventKind::PrimitiveCreated:
            text += std::string(trace::await_kind_name(static_cast<AwaitKind>(event.value))) + " " +
                    subject_number + " param=" + std::to_string(event.object);
            break;
        case EventKind::PrimitiveValue:
            text += subject_number + " value=" + std::to_string(event.value);
            break;
        case EventKind::WaiterAdded:
        case EventKind::WaiterRemoved:
        case EventKind::WaiterWoken:
        case EventKind::LockAcquired:
        case EventKind::LockReleased:
            text += subject_number;
            if (event.object != 0) {
                text += " " + task(event.object);
            }
            break;
        case EventKind::QueuePut:
        case EventKind::QueueGot:
            text += subject_number + " size=" + std::to_string(event.value);
            if (event.object != 0) {
                text += " " + task(event.object);
            }
            break;
        case EventKind::QueueTaskDone:
            text += subject_number + " unfinished=" + std::to_string(event.value);
            break;
        case EventKind::ScriptOutput:
            text += (event.value == 2 ? "stderr " : "stdout ") + label(event.object);
            if (event.subject != 0) {
                text += " from " + task(event.subject);
            }
            break;
        case EventKind::TaskLine:
            text += task(event.subject) + " at " + std::string(recorder_.text(event.object)) + ":" +
                    std::to_string(event.value);
            break;
        case EventKind::LoopBlocked:
            text += "for " + std::to_string(nanos_to_seconds(event.value)) + " s";
            break;
        case EventKind::IterationBegin:
            text += "ready=" + std::to_string(event.value);
            break;
        default:
            text += subject_number + " object=#" + std::to_string(event.object) +
                    " value=" + std::to_string(event.value);
            break;
    }
    while (!text.empty() && text.back() == ' ') {
        text.pop_back();
    }
    return text;
}

void EventLogPrinter::print_all(std::ostream& out) {
    for (const trace::Event& event : recorder_.events()) {
        out << line(event) << '\n';
    }
}

}  // namespace loopscope::exporters
