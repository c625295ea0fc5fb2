#include "trace/state.h"

#include <algorithm>

#include "async/future.h"

namespace loopscope::trace {

namespace {

// What a running task's step has announced for after it ends.
constexpr std::uint8_t kReadyAfterStep = 1;    // TaskReady during the step (yield, self-await)
constexpr std::uint8_t kWaitingAfterStep = 2;  // TaskWaiting during the step

// Consumed entries at the front of the ready queue are dropped once they are at least this
// many and at least half the vector, so the vector stays within twice the live queue.
constexpr std::size_t kReadyCompactionMin = 32;

template <class T>
std::uint32_t index_of_next(const std::vector<T>& table) {
    return static_cast<std::uint32_t>(table.size());
}

template <class T>
std::size_t bytes_of(const std::vector<T>& table) {
    return table.capacity() * sizeof(T);
}

// Removes table[at] by moving the last entry into its place, and keeps `index` in step.
template <class T, class IdOf>
void swap_remove(std::vector<T>& table, IdMap& index, std::uint32_t at, IdOf id_of) {
    index.erase(id_of(table[at]));
    if (at + 1 != table.size()) {
        table[at] = table.back();
        index.insert_or_assign(id_of(table[at]), at);
    }
    table.pop_back();
}

}  // namespace

std::string_view to_string(TaskStatus status) {
    switch (status) {
        case TaskStatus::Created:
            return "created";
        case TaskStatus::Ready:
            return "ready";
        case TaskStatus::Running:
            return "running";
        case TaskStatus::Waiting:
            return "waiting";
        case TaskStatus::Done:
            return "done";
        case TaskStatus::Cancelled:
            return "cancelled";
        case TaskStatus::Failed:
            return "failed";
    }
    return "unknown";
}

std::string_view to_string(LoopPhase phase) {
    switch (phase) {
        case LoopPhase::NotStarted:
            return "not-started";
        case LoopPhase::IterationStart:
            return "iteration-start";
        case LoopPhase::Polling:
            return "polling";
        case LoopPhase::FiringTimers:
            return "firing-timers";
        case LoopPhase::RunningReady:
            return "running-ready";
        case LoopPhase::Blocked:
            return "blocked";
        case LoopPhase::Stopped:
            return "stopped";
        case LoopPhase::Closed:
            return "closed";
    }
    return "unknown";
}

std::string_view to_string(ReadyOrigin origin) {
    switch (origin) {
        case ReadyOrigin::CallSoon:
            return "call-soon";
        case ReadyOrigin::TaskStep:
            return "task-step";
        case ReadyOrigin::Timer:
            return "timer";
        case ReadyOrigin::Threadsafe:
            return "threadsafe";
        case ReadyOrigin::Fd:
            return "fd";
    }
    return "unknown";
}

std::string_view to_string(JobStatus status) {
    switch (status) {
        case JobStatus::Submitted:
            return "submitted";
        case JobStatus::Running:
            return "running";
        case JobStatus::Finished:
            return "finished";
    }
    return "unknown";
}

// --- folding ------------------------------------------------------------------------------

void State::apply(const Event& event) {
    ++applied_;
    loop_.now = event.time;
    loop_.iteration = event.iteration;
    if (loop_.phase == LoopPhase::Blocked) {
        loop_.phase = loop_.phase_before_block;  // the block was the previous event's news
    }
    // A TaskReady announces the CallbackScheduled right behind it; anything else in between
    // means the announcement had no callback (or came from an emitter that breaks the rule).
    if (event.kind != EventKind::TaskReady && event.kind != EventKind::CallbackScheduled) {
        unscheduled_steps_.clear();
    }
    if (event.kind != EventKind::CallbackScheduled && event.kind != EventKind::FdReady) {
        pending_fd_set_ = false;
    }

    const auto kind = static_cast<std::uint16_t>(event.kind);
    if (kind < static_cast<std::uint16_t>(EventKind::TaskCreated)) {
        apply_loop_event(event);
    } else if (kind < static_cast<std::uint16_t>(EventKind::GatherChild)) {
        apply_task_event(event);
    } else if (kind < static_cast<std::uint16_t>(EventKind::PrimitiveCreated)) {
        apply_composition_event(event);
    } else {
        apply_primitive_event(event);
    }
}

void State::apply_loop_event(const Event& event) {
    switch (event.kind) {
        case EventKind::IterationBegin:
            loop_.phase = LoopPhase::IterationStart;
            loop_.ready_at_iteration_start = static_cast<std::uint32_t>(event.value);
            loop_.snapshot_left = 0;
            break;
        case EventKind::PollBegin:
            loop_.phase = LoopPhase::Polling;
            loop_.poll_timeout = event.value;
            loop_.poll_blocks = event.object != 0;
            break;
        case EventKind::PollEnd:
            loop_.phase = LoopPhase::FiringTimers;
            loop_.poll_waited = event.value;
            loop_.snapshot_left = static_cast<std::uint32_t>(ready_.size() - ready_head_);
            break;
        case EventKind::TimerArmed:
            arm_timer(event);
            break;
        case EventKind::TimerFired: {
            Timer fired{};
            fired.handle = event.subject;
            remove_timer(event.subject, &fired);
            push_ready({fired.handle, fired.label, fired.task, ReadyOrigin::Timer, false});
            ++loop_.snapshot_left;
            break;
        }
        case EventKind::CallbackCancelled:
        case EventKind::TimerCancelled:
            if (!remove_timer(event.subject, nullptr)) {
                // Already fired: it sits in the ready queue and will be skipped.
                for (std::size_t i = ready_head_; i < ready_.size(); ++i) {
                    if (ready_[i].handle == event.subject) {
                        ready_[i].cancelled = true;
                        break;
                    }
                }
            }
            break;
        case EventKind::CallbackScheduled: {
            ReadyCallback callback{event.subject, static_cast<Label>(event.value), 0,
                                   ReadyOrigin::CallSoon, false};
            if (pending_fd_set_) {
                callback.origin = ReadyOrigin::Fd;
                callback.owner = pending_fd_;
                pending_fd_set_ = false;
            } else if (event.object != 0) {
                // The emitter names the task this callback steps: from now on, no guessing.
                steps_named_ = true;
                callback.origin = ReadyOrigin::TaskStep;
                callback.owner = event.object;
                std::erase(unscheduled_steps_, event.object);
                if (Task* task = task_mut(event.object)) {
                    task->ready_handle = callback.handle;
                }
            } else if (!steps_named_ && !unscheduled_steps_.empty()) {
                const std::uint32_t stepped = unscheduled_steps_.front();
                Task* task = task_mut(stepped);
                // A step is scheduled under the task's name (schedule_step) or unlabelled (a
                // done-callback waking it); another label is some other callback. An unlabelled
                // done-callback registered before the task's own wake-up (to_thread's, or
                // run_until_complete's on the main task) is taken for the step: the trace does
                // not tell them apart (see CallbackScheduled's object).
                if (callback.label == 0 || (task != nullptr && task->name == callback.label)) {
                    unscheduled_steps_.erase(unscheduled_steps_.begin());
                    callback.origin = ReadyOrigin::TaskStep;
                    callback.owner = stepped;
                    if (task != nullptr) {
                        task->ready_handle = callback.handle;
                    }
                }
            }
            push_ready(callback);
            break;
        }
        case EventKind::ThreadsafePost:
            for (std::size_t i = ready_.size(); i > ready_head_; --i) {
                if (ready_[i - 1].handle == event.subject) {
                    ready_[i - 1].origin = ReadyOrigin::Threadsafe;
                    break;
                }
            }
            break;
        case EventKind::CallbackBegin:
            pop_ready(event.subject);
            loop_.phase = LoopPhase::RunningReady;
            loop_.running_handle = event.subject;
            loop_.running_label = static_cast<Label>(event.value);
            break;
        case EventKind::CallbackSkipped:
            pop_ready(event.subject);
            loop_.phase = LoopPhase::RunningReady;
            break;
        case EventKind::CallbackEnd:
            loop_.running_handle = 0;
            loop_.running_label = 0;
            break;
        case EventKind::CallbackFailed:
            break;  // the exception handler's report; nothing about the state changes
        case EventKind::JobSubmitted: {
            job_index_.insert_or_assign(event.subject, index_of_next(jobs_));
            Job job{};
            job.id = event.subject;
            job.label = static_cast<Label>(event.value);
            jobs_.push_back(job);
            break;
        }
        case EventKind::JobStarted:
        case EventKind::JobFinished: {
            const std::uint32_t at = job_index_.find(event.subject);
            if (at != IdMap::kMissing) {
                jobs_[at].worker = event.object;
                jobs_[at].status =
                    event.kind == EventKind::JobStarted ? JobStatus::Running : JobStatus::Finished;
            }
            break;
        }
        case EventKind::ReaderAdded:
            set_fd_watch(event.subject, false, true);
            break;
        case EventKind::ReaderRemoved:
            set_fd_watch(event.subject, false, false);
            break;
        case EventKind::WriterAdded:
            set_fd_watch(event.subject, true, true);
            break;
        case EventKind::WriterRemoved:
            set_fd_watch(event.subject, true, false);
            break;
        case EventKind::FdReady:
            pending_fd_ = event.subject;
            pending_fd_set_ = true;
            break;
        case EventKind::LoopBlocked:
            loop_.phase_before_block = loop_.phase;
            loop_.phase = LoopPhase::Blocked;
            loop_.blocked_for = event.value;
            break;
        case EventKind::LoopStopped:
            loop_.phase = LoopPhase::Stopped;
            loop_.running_handle = 0;
            loop_.running_label = 0;
            loop_.snapshot_left = 0;
            break;
        case EventKind::LoopClosed:
            loop_.phase = LoopPhase::Closed;
            loop_.snapshot_left = 0;
            ready_.clear();
            ready_head_ = 0;
            timers_.clear();
            timer_index_.clear();
            fd_watches_.clear();
            break;
        default:
            break;
    }
}

void State::apply_task_event(const Event& event) {
    if (event.kind == EventKind::TaskCreated) {
        task_index_.insert_or_assign(event.subject, index_of_next(tasks_));
        Task task{};
        task.id = event.subject;
        task.parent = event.object;
        task.coroutine = static_cast<Label>(event.value);
        tasks_.push_back(task);
        return;
    }
    if (event.kind == EventKind::FutureDone) {
        future_done(event.subject);
        return;
    }
    if (event.kind == EventKind::TaskReady) {
        mark_task_ready(event);
        return;
    }
    Task* task = task_mut(event.subject);
    if (task == nullptr) {
        return;
    }
    switch (event.kind) {
        case EventKind::TaskRenamed:
            task->name = static_cast<Label>(event.value);
            break;
        case EventKind::TaskStepBegin:
            task->status = TaskStatus::Running;
            ++task->steps;
            task->step_flags = 0;
            task->awaiting = 0;
            task->ready_handle = 0;
            loop_.running_task = task->id;
            break;
        case EventKind::TaskStepEnd:
            if (task->step_flags & kReadyAfterStep) {
                task->status = TaskStatus::Ready;
                task->awaiting = 0;
            } else if (task->step_flags & kWaitingAfterStep) {
                task->status = TaskStatus::Waiting;
            }
            // Neither: the coroutine returned; TaskDone/Cancelled/Failed comes next.
            task->step_flags = 0;
            if (loop_.running_task == task->id) {
                loop_.running_task = 0;
            }
            break;
        case EventKind::TaskWaiting:
            task_waiting(event);
            break;
        case EventKind::TaskDone:
            task_finished(event, TaskStatus::Done);
            break;
        case EventKind::TaskCancelled:
            task_finished(event, TaskStatus::Cancelled);
            break;
        case EventKind::TaskFailed:
            task_finished(event, TaskStatus::Failed);
            break;
        case EventKind::CancelRequested:
            // Recorded even when the task is already done (cancel() then returns false).
            if (!task->finished()) {
                ++task->cancel_requests;
                task->cancel_requested_by = event.object;
                task->cancel_message = static_cast<Label>(event.value);
            }
            break;
        case EventKind::CancelDelivered:
            task->cancel_thrown = true;
            task->cancel_thrown_at = event.object;
            break;
        case EventKind::Uncancelled:
            task->cancel_requests = static_cast<std::int32_t>(event.value);
            break;
        default:
            break;
    }
}

void State::mark_task_ready(const Event& event) {
    unscheduled_steps_.push_back(event.subject);
    Task* task = task_mut(event.subject);
    if (task == nullptr) {
        return;
    }
    task->woken_by = event.object;
    task->wake_reason = static_cast<WakeReason>(static_cast<std::uint8_t>(event.value));
    if (task->status == TaskStatus::Running) {
        task->step_flags |= kReadyAfterStep;
    } else {
        task->status = TaskStatus::Ready;
        task->awaiting = 0;
    }
}

void State::task_waiting(const Event& event) {
    Task& task = *task_mut(event.subject);
    auto kind = static_cast<AwaitKind>(static_cast<std::uint8_t>(event.value));
    if (kind == AwaitKind::Future && task_index_.find(event.object) != IdMap::kMissing) {
        kind = AwaitKind::Task;  // a task is a future; the emitter does not tell them apart
    }
    task.awaiting = event.object;
    task.await_kind = kind;
    if (kind == AwaitKind::Timer) {
        const std::uint32_t at = timer_index_.find(event.object);
        if (at != IdMap::kMissing) {
            timers_[at].task = task.id;
        }
    }
    if (task.status == TaskStatus::Running) {
        task.step_flags |= kWaitingAfterStep;
    } else {
        task.status = TaskStatus::Waiting;
    }
}

void State::task_finished(const Event& event, TaskStatus status) {
    Task& task = *task_mut(event.subject);
    task.status = status;
    task.outcome = static_cast<Label>(event.value);
    task.awaiting = 0;
    task.ready_handle = 0;
    task.step_flags = 0;
}

void State::apply_composition_event(const Event& event) {
    const auto add = [&](CompositeKind kind) -> Composite& {
        std::uint32_t at = composite_index_.find(event.subject);
        if (at == IdMap::kMissing) {
            at = index_of_next(composites_);
            composite_index_.insert_or_assign(event.subject, at);
            Composite composite{};
            composite.id = event.subject;
            composite.kind = kind;
            composites_.push_back(composite);
        }
        return composites_[at];
    };
    switch (event.kind) {
        case EventKind::GatherChild: {
            Composite& gather = add(CompositeKind::Gather);
            ++gather.children;
            gather_edges_.push_back(
                {event.subject, event.object, static_cast<std::uint32_t>(event.value)});
            break;
        }
        case EventKind::TaskGroupEntered:
            add(CompositeKind::TaskGroup).owner = event.object;
            break;
        case EventKind::TaskGroupAborted: {
            Composite& group = add(CompositeKind::TaskGroup);
            group.fired = true;
            group.cause = event.object;
            break;
        }
        case EventKind::TimeoutScheduled: {
            Composite& timeout = add(CompositeKind::Timeout);
            timeout.owner = event.object;
            timeout.deadline = event.value;
            timeout.fired = false;
            break;
        }
        case EventKind::TimeoutExpired: {
            Composite& timeout = add(CompositeKind::Timeout);
            timeout.owner = event.object;
            timeout.fired = true;
            break;
        }
        case EventKind::ShieldCreated:
            add(CompositeKind::Shield).owner = event.object;
            break;
        case EventKind::TaskGroupExited:
        case EventKind::TimeoutExited:
            remove_composite(event.subject);
            break;
        case EventKind::JobFuture: {
            const std::uint32_t at = job_index_.find(event.subject);
            if (at != IdMap::kMissing) {
                jobs_[at].future = event.object;
            }
            break;
        }
        default:
            break;
    }
}

// A gather's or shield's outer future is done: it is over, and so are its edges.
void State::future_done(std::uint32_t future) {
    const std::uint32_t at = composite_index_.find(future);
    if (at == IdMap::kMissing) {
        return;
    }
    const CompositeKind kind = composites_[at].kind;
    if (kind != CompositeKind::Gather && kind != CompositeKind::Shield) {
        return;
    }
    remove_composite(future);
}

void State::remove_composite(std::uint32_t id) {
    const std::uint32_t at = composite_index_.find(id);
    if (at == IdMap::kMissing) {
        return;
    }
    if (composites_[at].kind == CompositeKind::Gather) {
        std::erase_if(gather_edges_, [id](const GatherEdge& edge) { return edge.gather == id; });
    }
    swap_remove(composites_, composite_index_, at, [](const Composite& c) { return c.id; });
}

void State::apply_primitive_event(const Event& event) {
    if (event.kind == EventKind::PrimitiveCreated) {
        primitive_index_.insert_or_assign(event.subject, index_of_next(primitives_));
        Primitive primitive{};
        primitive.id = event.subject;
        primitive.kind = static_cast<AwaitKind>(static_cast<std::uint8_t>(event.value));
        primitive.initial = event.object;
        primitive.value = primitive.kind == AwaitKind::Semaphore ? event.object : 0;
        primitives_.push_back(primitive);
        return;
    }
    Primitive* primitive = primitive_mut(event.subject);
    if (primitive == nullptr) {
        return;
    }
    switch (event.kind) {
        case EventKind::PrimitiveValue:
            primitive->value = event.value;
            break;
        case EventKind::WaiterAdded:
            waiters_.push_back({event.subject, event.object,
                                static_cast<std::uint32_t>(event.value), false,
                                static_cast<trace::WaiterRole>(event.flags)});
            ++primitive->waiters;
            break;
        case EventKind::WaiterRemoved: {
            const auto future = static_cast<std::uint32_t>(event.value);
            const auto it = std::find_if(waiters_.begin(), waiters_.end(), [&](const Waiter& w) {
                return w.primitive == event.subject && w.task == event.object &&
                       (future == 0 || w.future == future);
            });
            if (it != waiters_.end()) {
                waiters_.erase(it);
                --primitive->waiters;
            }
            break;
        }
        case EventKind::WaiterWoken: {
            // A queue's waiter leaves the deque (WaiterRemoved) before it is woken: not found.
            const auto future = static_cast<std::uint32_t>(event.value);
            const auto it = std::find_if(waiters_.begin(), waiters_.end(), [&](const Waiter& w) {
                return w.primitive == event.subject && w.task == event.object && !w.woken &&
                       (future == 0 || w.future == future);
            });
            if (it != waiters_.end()) {
                it->woken = true;
            }
            break;
        }
        case EventKind::LockAcquired:
            // Also a semaphore unit taken; its value comes with PrimitiveValue.
            holders_.push_back({event.subject, event.object});
            ++primitive->holders;
            if (primitive->kind == AwaitKind::Lock) {
                primitive->owner = event.object;
                primitive->value = 1;
            }
            break;
        case EventKind::LockReleased:
            release_holder(*primitive, event.object);
            if (primitive->kind == AwaitKind::Lock) {
                primitive->owner = 0;
                primitive->value = 0;
            }
            break;
        case EventKind::QueuePut:
            primitive->value = event.value;
            ++primitive->unfinished;
            break;
        case EventKind::QueueGot:
            primitive->value = event.value;
            break;
        case EventKind::QueueTaskDone:
            primitive->unfinished = event.value;
            break;
        default:
            break;
    }
}

// --- tables ---------------------------------------------------------------------------------

State::Task* State::task_mut(std::uint32_t id) {
    const std::uint32_t at = task_index_.find(id);
    return at == IdMap::kMissing ? nullptr : &tasks_[at];
}

State::Primitive* State::primitive_mut(std::uint32_t id) {
    const std::uint32_t at = primitive_index_.find(id);
    return at == IdMap::kMissing ? nullptr : &primitives_[at];
}

void State::release_holder(Primitive& primitive, std::uint32_t task) {
    auto it = std::find_if(holders_.begin(), holders_.end(), [&](const Holder& h) {
        return h.primitive == primitive.id && h.task == task;
    });
    if (it == holders_.end()) {
        it = std::find_if(holders_.begin(), holders_.end(),
                          [&](const Holder& h) { return h.primitive == primitive.id; });
    }
    if (it != holders_.end()) {
        holders_.erase(it);
        --primitive.holders;
    }
}

void State::push_ready(const ReadyCallback& callback) {
    ready_.push_back(callback);
}

// The loop runs (or skips) the front of the ready queue; a mismatch means events were lost,
// and the entry is taken from wherever it is.
void State::pop_ready(std::uint32_t handle) {
    if (ready_head_ < ready_.size() && ready_[ready_head_].handle == handle) {
        ++ready_head_;
    } else {
        const auto live = ready_.begin() + static_cast<std::ptrdiff_t>(ready_head_);
        const auto it = std::find_if(
            live, ready_.end(), [handle](const ReadyCallback& c) { return c.handle == handle; });
        if (it != ready_.end()) {
            ready_.erase(it);
        }
    }
    if (loop_.snapshot_left > 0) {
        --loop_.snapshot_left;
    }
    if (ready_head_ == ready_.size()) {
        ready_.clear();
        ready_head_ = 0;
    } else if (ready_head_ >= kReadyCompactionMin && ready_head_ * 2 >= ready_.size()) {
        ready_.erase(ready_.begin(), ready_.begin() + static_cast<std::ptrdiff_t>(ready_head_));
        ready_head_ = 0;
    }
}

void State::arm_timer(const Event& event) {
    Timer timer{};
    timer.deadline = event.value;
    timer.handle = event.subject;
    timer.label = event.object;
    timer_index_.insert_or_assign(timer.handle, index_of_next(timers_));
    timers_.push_back(timer);
}

bool State::remove_timer(std::uint32_t handle, Timer* removed) {
    const std::uint32_t at = timer_index_.find(handle);
    if (at == IdMap::kMissing) {
        return false;
    }
    if (removed != nullptr) {
        *removed = timers_[at];
    }
    swap_remove(timers_, timer_index_, at, [](const Timer& t) { return t.handle; });
    return true;
}

void State::set_fd_watch(std::uint32_t fd, bool writer, bool watched) {
    auto it = std::find_if(fd_watches_.begin(), fd_watches_.end(),
                           [fd](const FdWatch& watch) { return watch.fd == fd; });
    if (it == fd_watches_.end()) {
        if (!watched) {
            return;
        }
        fd_watches_.push_back({fd, false, false});
        it = fd_watches_.end() - 1;
    }
    (writer ? it->writer : it->reader) = watched;
    if (!it->reader && !it->writer) {
        fd_watches_.erase(it);
    }
}

// --- queries --------------------------------------------------------------------------------

void State::timers_by_deadline(std::vector<Timer>& out) const {
    out.assign(timers_.begin(), timers_.end());
    std::sort(out.begin(), out.end(), [](const Timer& a, const Timer& b) {
        return a.deadline != b.deadline ? a.deadline < b.deadline : a.handle < b.handle;
    });
}

std::vector<State::Timer> State::timers_by_deadline() const {
    std::vector<Timer> sorted;
    timers_by_deadline(sorted);
    return sorted;
}

void State::waiters_of(std::uint32_t primitive, std::vector<Waiter>& out) const {
    out.clear();
    for (const Waiter& waiter : waiters_) {
        if (waiter.primitive == primitive) {
            out.push_back(waiter);
        }
    }
}

std::size_t State::memory_bytes() const {
    return bytes_of(tasks_) + task_index_.memory_bytes() + bytes_of(timers_) +
           timer_index_.memory_bytes() + bytes_of(ready_) + bytes_of(unscheduled_steps_) +
           bytes_of(jobs_) + job_index_.memory_bytes() + bytes_of(primitives_) +
           primitive_index_.memory_bytes() + bytes_of(waiters_) + bytes_of(holders_) +
           bytes_of(composites_) + composite_index_.memory_bytes() + bytes_of(gather_edges_) +
           bytes_of(fd_watches_);
}

bool operator==(const State& a, const State& b) {
    const auto sorted_composites = [](const State& s) {
        std::vector<State::Composite> sorted(s.composites_.begin(), s.composites_.end());
        std::sort(sorted.begin(), sorted.end(),
                  [](const auto& x, const auto& y) { return x.id < y.id; });
        return sorted;
    };
    const auto same = [](auto x, auto y) { return std::ranges::equal(x, y); };
    return a.applied_ == b.applied_ && a.loop_ == b.loop_ && same(a.tasks(), b.tasks()) &&
           a.timers_by_deadline() == b.timers_by_deadline() && same(a.ready(), b.ready()) &&
           a.unscheduled_steps_ == b.unscheduled_steps_ && a.steps_named_ == b.steps_named_ &&
           a.pending_fd_ == b.pending_fd_ && a.pending_fd_set_ == b.pending_fd_set_ &&
           same(a.jobs(), b.jobs()) && same(a.primitives(), b.primitives()) &&
           same(a.waiters(), b.waiters()) && same(a.holders(), b.holders()) &&
           sorted_composites(a) == sorted_composites(b) && a.gather_edges_ == b.gather_edges_ &&
           same(a.fd_watches(), b.fd_watches());
}

}  // namespace loopscope::trace
