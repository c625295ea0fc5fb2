#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "trace/event.h"
#include "trace/id_map.h"

namespace loopscope {
// Defined in async/future.h; the state only stores it. Include that header to name its values.
enum class AwaitKind : std::uint8_t;
}  // namespace loopscope

namespace loopscope::trace {

enum class TaskStatus : std::uint8_t {
    Created,  // TaskCreated seen, its first step not yet scheduled
    Ready,    // a step is scheduled (in the ready queue, or about to be)
    Running,  // inside one of its steps
    Waiting,  // suspended on `awaiting`
    Done,
    Cancelled,
    Failed,
};

enum class LoopPhase : std::uint8_t {
    NotStarted,
    IterationStart,  // IterationBegin seen: dropping cancelled timers, computing the timeout
    Polling,         // inside the poll (PollBegin): `poll_timeout`, `poll_blocks`
    FiringTimers,    // poll over: due timers move to the ready queue
    RunningReady,    // running this iteration's snapshot of the ready queue
    Blocked,         // a blocking call on the loop thread just ended (LoopBlocked)
    Stopped,
    Closed,
};

// How a callback got into the ready queue.
enum class ReadyOrigin : std::uint8_t {
    CallSoon,
    TaskStep,    // the step of `owner`, a task
    Timer,       // a fired timer; `owner` is the task sleeping on it, if any
    Threadsafe,  // call_soon_threadsafe (executor completions among them)
    Fd,          // readiness of the fd `owner`
};

enum class JobStatus : std::uint8_t { Submitted, Running, Finished };

std::string_view to_string(TaskStatus status);
std::string_view to_string(LoopPhase phase);
std::string_view to_string(ReadyOrigin origin);
std::string_view to_string(JobStatus status);

// The whole scheduler as of one event of a trace: the fold of every event up to it.
//
// Everything lives in flat vectors (with IdMap indexes by trace id), so a copy for a
// checkpoint is a handful of memcpys, and folding an event allocates nothing once the vectors
// have grown to the run's working set. Labels stay interned: resolve them with the Recorder
// that recorded the trace (Recorder::text).
//
// Where an emitter leaves a fact implicit, the fold derives it and says so at the field.
class State {
public:
    struct Task {
        std::uint32_t id = 0;
        std::uint32_t parent = 0;  // the task that created it, 0 at top level
        Label name = 0;
        Label coroutine = 0;
        // While Waiting: what it waits on. A future that is a known task is reported as
        // AwaitKind::Task (TaskWaiting itself says Future for it).
        std::uint32_t awaiting = 0;
        // What made it ready last (TaskReady's object and value): the future that completed;
        // for a sleep, its timer's handle id (a handle id, not an object id).
        std::uint32_t woken_by = 0;
        // While Ready: the ready-queue handle that will step it, 0 if not known.
        std::uint32_t ready_handle = 0;
        std::uint32_t steps = 0;                // TaskStepBegin count
        std::int32_t cancel_requests = 0;       // outstanding, as Task.cancelling() counts them
        std::uint32_t cancel_requested_by = 0;  // the last requesting task (0: outside tasks)
        Label cancel_message = 0;               // of the last request
        // Where CancelledError was last thrown into it: the awaited object, 0 at a yield.
        std::uint32_t cancel_thrown_at = 0;
        Label outcome = 0;  // Done: result text; Cancelled: message; Failed: exception text
        TaskStatus status = TaskStatus::Created;
        AwaitKind await_kind{};
        WakeReason wake_reason{};
        std::uint8_t step_flags = 0;  // what the running step has done so far (State-internal)
        bool cancel_thrown = false;   // CancelDelivered seen

        bool finished() const {
            return status == TaskStatus::Done || status == TaskStatus::Cancelled ||
                   status == TaskStatus::Failed;
        }
        friend bool operator==(const Task&, const Task&) = default;
    };

    struct Timer {
        Nanos deadline = 0;
        std::uint32_t handle = 0;
        Label label = 0;         // TimerArmed's object, when the emitter provides one
        std::uint32_t task = 0;  // the task waiting on it (TaskWaiting with AwaitKind::Timer)
        friend bool operator==(const Timer&, const Timer&) = default;
    };

    struct ReadyCallback {
        std::uint32_t handle = 0;
        Label label = 0;
        std::uint32_t owner = 0;  // the task (TaskStep, Timer) or fd (Fd); see ReadyOrigin
        ReadyOrigin origin = ReadyOrigin::CallSoon;
        bool cancelled = false;  // a fired timer cancelled before it ran: it will be skipped
        friend bool operator==(const ReadyCallback&, const ReadyCallback&) = default;
    };

    struct Loop {
        Nanos now = 0;  // time of the last event folded
        std::uint32_t iteration = 0;
        LoopPhase phase = LoopPhase::NotStarted;
        LoopPhase phase_before_block = LoopPhase::NotStarted;
        bool poll_blocks = false;       // the current/last poll really blocks (real clock)
        std::int64_t poll_timeout = 0;  // ns, -1: none (blocks until something happens)
        Nanos poll_waited = 0;          // loop time that passed in the last poll
        Nanos blocked_for = 0;          // the last blocking call on the loop thread
        std::uint32_t ready_at_iteration_start = 0;
        // How many callbacks at the front of the ready queue run in this iteration; those
        // behind them wait for the next one (CPython's snapshot of `_ready`).
        std::uint32_t snapshot_left = 0;
        std::uint32_t running_handle = 0;  // the callback running now, 0 between callbacks
        Label running_label = 0;
        std::uint32_t running_task = 0;  // the task whose step is running, 0 if none
        friend bool operator==(const Loop&, const Loop&) = default;
    };

    struct Job {
        std::uint32_t id = 0;
        Label label = 0;
        std::uint32_t worker = 0;  // worker thread index once started
        std::uint32_t future = 0;  // the future it completes (JobFuture), 0 if none
        JobStatus status = JobStatus::Submitted;
        friend bool operator==(const Job&, const Job&) = default;
    };

    struct Primitive {
        std::uint32_t id = 0;
        std::uint32_t owner = 0;  // lock: the task holding it (0: unlocked, or held outside tasks)
        std::int64_t value = 0;   // semaphore value, lock/event 0/1, queue size
        std::int64_t unfinished = 0;  // queue: items put and not yet task_done()
        // PrimitiveCreated's object: initial value (semaphore), maxsize (queue), the lock's id
        // (condition).
        std::uint32_t initial = 0;
        std::uint32_t waiters = 0;  // how many of `State::waiters()` are its
        std::uint32_t holders = 0;  // how many of `State::holders()` are its
        AwaitKind kind{};
        friend bool operator==(const Primitive&, const Primitive&) = default;
    };

    // One entry of a primitive's waiters deque, in FIFO order across all primitives.
    struct Waiter {
        std::uint32_t primitive = 0;
        std::uint32_t task = 0;
        std::uint32_t future = 0;
        bool woken = false;  // its future is resolved; it stays queued until WaiterRemoved
        trace::WaiterRole role = trace::WaiterRole::Waiter;  // a queue's getter, putter, joiner
        friend bool operator==(const Waiter&, const Waiter&) = default;
    };

    // A task inside a lock or holding a semaphore unit (LockAcquired, until LockReleased).
    struct Holder {
        std::uint32_t primitive = 0;
        std::uint32_t task = 0;
        friend bool operator==(const Holder&, const Holder&) = default;
    };

    enum class CompositeKind : std::uint8_t { Gather, TaskGroup, Timeout, Shield };
    // gather / TaskGroup / timeout / shield: what a task may be waiting behind.
    struct Composite {
        std::uint32_t id = 0;
        // TaskGroup: its parent task; Timeout: the task it cancels; Shield: the inner
        // future/task; Gather: 0.
        std::uint32_t owner = 0;
        std::uint32_t cause = 0;     // TaskGroup aborted: the child that failed, 0 the body
        Nanos deadline = 0;          // Timeout
        std::uint32_t children = 0;  // Gather: how many GatherChild edges
        CompositeKind kind = CompositeKind::Gather;
        bool fired = false;  // TaskGroup aborted / Timeout expired
        friend bool operator==(const Composite&, const Composite&) = default;
    };
    struct GatherEdge {
        std::uint32_t gather = 0;
        std::uint32_t child = 0;
        std::uint32_t index = 0;
        friend bool operator==(const GatherEdge&, const GatherEdge&) = default;
    };

    struct FdWatch {
        std::uint32_t fd = 0;
        bool reader = false;
        bool writer = false;
        friend bool operator==(const FdWatch&, const FdWatch&) = default;
    };

    // Folds one event in. Events must come in trace order, each exactly once.
    void apply(const Event& event);

    std::size_t applied() const { return applied_; }  // events folded so far
    const Loop& loop() const { return loop_; }

    // Every task ever created, in creation order (done ones included).
    std::span<const Task> tasks() const { return tasks_; }
    const Task* task(std::uint32_t id) const { return find(tasks_, task_index_, id); }

    // Armed timers in no particular order; timers_by_deadline for the sorted view.
    std::span<const Timer> timers() const { return timers_; }
    // Sorted by deadline, ties by handle id (the order they were armed in).
    void timers_by_deadline(std::vector<Timer>& out) const;
    std::vector<Timer> timers_by_deadline() const;
    const Timer* timer(std::uint32_t handle) const { return find(timers_, timer_index_, handle); }

    // The ready queue, front first.
    std::span<const ReadyCallback> ready() const {
        return std::span<const ReadyCallback>(ready_).subspan(ready_head_);
    }

    // Every job submitted, in submission order.
    std::span<const Job> jobs() const { return jobs_; }
    const Job* job(std::uint32_t id) const { return find(jobs_, job_index_, id); }

    std::span<const Primitive> primitives() const { return primitives_; }
    const Primitive* primitive(std::uint32_t id) const {
        return find(primitives_, primitive_index_, id);
    }
    // All waiters, each primitive's in FIFO order; waiters_of picks one primitive's.
    std::span<const Waiter> waiters() const { return waiters_; }
    void waiters_of(std::uint32_t primitive, std::vector<Waiter>& out) const;
    // Who holds locks and semaphore units, in acquisition order. A semaphore may be released
    // by a task that did not acquire it (or outside tasks): the release then ends the oldest
    // holding, as the value alone cannot say whose unit came back.
    std::span<const Holder> holders() const { return holders_; }

    // Gathers and shields until their outer future is done; task groups and timeouts from
    // their first event on, for good (the trace records no exit for them).
    std::span<const Composite> composites() const { return composites_; }
    const Composite* composite(std::uint32_t id) const {
        return find(composites_, composite_index_, id);
    }
    std::span<const GatherEdge> gather_edges() const { return gather_edges_; }

    std::span<const FdWatch> fd_watches() const { return fd_watches_; }

    // Heap bytes held (capacity, not size).
    std::size_t memory_bytes() const;

    // Same scheduler state (the order of unordered tables aside).
    friend bool operator==(const State& a, const State& b);

private:
    template <class T>
    static const T* find(const std::vector<T>& table, const IdMap& index, std::uint32_t id) {
        const std::uint32_t at = index.find(id);
        return at == IdMap::kMissing ? nullptr : &table[at];
    }
    Task* task_mut(std::uint32_t id);
    Primitive* primitive_mut(std::uint32_t id);

    void apply_loop_event(const Event& event);
    void apply_task_event(const Event& event);
    void apply_composition_event(const Event& event);
    void apply_primitive_event(const Event& event);

    void push_ready(const ReadyCallback& callback);
    void pop_ready(std::uint32_t handle);
    void arm_timer(const Event& event);
    bool remove_timer(std::uint32_t handle, Timer* removed);
    void mark_task_ready(const Event& event);
    void task_waiting(const Event& event);
    void task_finished(const Event& event, TaskStatus status);
    void set_fd_watch(std::uint32_t fd, bool writer, bool watched);
    void release_holder(Primitive& primitive, std::uint32_t task);
    void future_done(std::uint32_t future);
    // A gather, task group, timeout scope or shield is over: it leaves the state with its edges.
    void remove_composite(std::uint32_t id);

    std::size_t applied_ = 0;
    Loop loop_;

    std::vector<Task> tasks_;
    IdMap task_index_;

    std::vector<Timer> timers_;  // swap-removed
    IdMap timer_index_;

    std::vector<ReadyCallback> ready_;  // live entries from ready_head_ on
    std::size_t ready_head_ = 0;
    // Tasks marked ready whose step callback is not scheduled yet: the next CallbackScheduled
    // events are theirs (TaskReady precedes the call_soon of the step it announces), unless a
    // CallbackScheduled names its task in `object` (which the loop does not record yet).
    std::vector<std::uint32_t> unscheduled_steps_;
    bool steps_named_ = false;      // a CallbackScheduled named its task: trust only those
    std::uint32_t pending_fd_ = 0;  // FdReady seen: the next CallbackScheduled is this fd's
    bool pending_fd_set_ = false;

    std::vector<Job> jobs_;
    IdMap job_index_;

    std::vector<Primitive> primitives_;
    IdMap primitive_index_;
    std::vector<Waiter> waiters_;
    std::vector<Holder> holders_;

    std::vector<Composite> composites_;  // swap-removed
    IdMap composite_index_;
    std::vector<GatherEdge> gather_edges_;

    std::vector<FdWatch> fd_watches_;
};

}  // namespace loopscope::trace
