#include "trace/event.h"

namespace loopscope::trace {

std::string_view to_string(EventKind kind) {
    switch (kind) {
        case EventKind::IterationBegin:
            return "iteration";
        case EventKind::PollBegin:
            return "poll-begin";
        case EventKind::PollEnd:
            return "poll-end";
        case EventKind::TimerArmed:
            return "timer-armed";
        case EventKind::TimerFired:
            return "timer-fired";
        case EventKind::TimerCancelled:
            return "timer-cancelled";
        case EventKind::CallbackScheduled:
            return "callback-scheduled";
        case EventKind::CallbackBegin:
            return "callback-begin";
        case EventKind::CallbackEnd:
            return "callback-end";
        case EventKind::CallbackSkipped:
            return "callback-skipped";
        case EventKind::CallbackFailed:
            return "callback-failed";
        case EventKind::ThreadsafePost:
            return "threadsafe-post";
        case EventKind::JobSubmitted:
            return "job-submitted";
        case EventKind::JobStarted:
            return "job-started";
        case EventKind::JobFinished:
            return "job-finished";
        case EventKind::ReaderAdded:
            return "reader-added";
        case EventKind::ReaderRemoved:
            return "reader-removed";
        case EventKind::WriterAdded:
            return "writer-added";
        case EventKind::WriterRemoved:
            return "writer-removed";
        case EventKind::FdReady:
            return "fd-ready";
        case EventKind::LoopBlocked:
            return "loop-blocked";
        case EventKind::LoopStopped:
            return "loop-stopped";
        case EventKind::LoopClosed:
            return "loop-closed";
        case EventKind::FirstSchedulerKind:
            break;
    }
    return "unknown";
}

}  // namespace loopscope::trace
