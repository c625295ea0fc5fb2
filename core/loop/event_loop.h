#pragma once

#include <atomic>
#include <concepts>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "errors.h"
#include "loop/callback.h"
#include "loop/clock.h"
#include "loop/executor.h"
#include "loop/handle.h"
#include "loop/handle_table.h"
#include "loop/poller.h"
#include "loop/sleepers.h"
#include "loop/threadsafe_inbox.h"
#include "loop/timer_heap.h"
#include "trace/recorder.h"

namespace loopscope {

class Scheduler;  // core/async: runs tasks on a loop

// What the exception handler is told about an exception that escaped a callback.
struct ExceptionContext {
    std::string message;  // "Exception in callback fetch()"
    std::string handle;   // "<Handle fetch()>"
    std::exception_ptr exception;
};
using ExceptionHandler = std::function<void(const ExceptionContext&)>;

// The future-like types run_until_complete accepts (Future<T> and Task<T> of async/).
template <class F>
concept LoopFuture = requires(F& future, Callback callback, std::uint64_t token) {
    { future.done() } -> std::convertible_to<bool>;
    { future.add_done_callback(callback) } -> std::convertible_to<std::uint64_t>;
    future.remove_done_callback(token);
    future.result();
};

struct EventLoopOptions {
    std::unique_ptr<Clock> clock;      // default: a VirtualClock starting at 0
    std::size_t executor_workers = 6;  // CPython's default: min(32, cpu_count + 4) on 2 cores
};

// asyncio's event loop on epoll, one timerfd (real clock) and one eventfd.
//
// One iteration (`run_once`) is CPython's BaseEventLoop._run_once:
//   1. drop cancelled timers from the heap top (or compact the heap when >100 timers and more
//      than half are cancelled);
//   2. poll timeout: 0 if anything is ready or the loop is stopping, else time to the earliest
//      timer clamped to [0, one day], else none;
//   3. poll: each ready fd's callback and each thread-safe post joins the ready queue;
//   4. every timer due before now + resolution moves to the ready queue in heap order;
//   5. run exactly as many callbacks as were ready at this point, skipping cancelled ones;
//      whatever they schedule runs next iteration.
// All methods except call_soon_threadsafe belong to the loop's thread.
class EventLoop {
public:
    EventLoop();
    explicit EventLoop(EventLoopOptions options);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    // Scheduling. `label` names the callback in the trace and in error reports; `owner` is the
    // task whose step or wake-up the callback is, when it is one (the trace names it).
    Handle call_soon(Callback callback, trace::Label label = 0, std::uint32_t owner = 0);
    Handle call_later(Nanos delay, Callback callback, trace::Label label = 0);
    Handle call_at(Nanos when, Callback callback, trace::Label label = 0);
    // The same with a plain function and argument, kept in the handle's slot itself (no pool
    // entry): the scheduler's steps and sleeps.
    Handle call_soon(PlainCallback callback, trace::Label label = 0, std::uint32_t owner = 0);
    Handle call_later(Nanos delay, PlainCallback callback, trace::Label label = 0);
    Handle call_at(Nanos when, PlainCallback callback, trace::Label label = 0);

    // A timer at `when` for sleeper `sleeper` of the registered Sleepers (set_sleepers), kept
    // as its heap entry alone. Returns its id. When it fires it runs Sleepers::run_timer.
    std::uint32_t arm_sleeper_timer(Nanos when, std::uint32_t sleeper, trace::Label label);
    // The sleeper cancelled its pending timer `id`; `in_heap`: it had not fired yet.
    void sleeper_timer_cancelled(std::uint32_t id, bool in_heap);
    // Whose timers arm_sleeper_timer arms (the Scheduler), or null: their timers are then
    // dropped as cancelled ones are.
    void set_sleepers(Sleepers* sleepers) { sleepers_ = sleepers; }
    ThreadsafeHandle call_soon_threadsafe(Callback callback, trace::Label label = 0);  // any thread

    // File descriptors, level-triggered. Adding replaces the previous callback for that fd.
    void add_reader(int fd, Callback callback);
    void add_writer(int fd, Callback callback);
    bool remove_reader(int fd);
    bool remove_writer(int fd);

    // Work on the loop's thread pool; `finished` runs on the loop thread (through
    // call_soon_threadsafe) with what `work` threw, if anything. Returns the job id.
    std::uint32_t run_in_executor(std::function<void()> work,
                                  std::function<void(std::exception_ptr)> finished,
                                  trace::Label label = 0);

    Nanos time() { return clock_->now(); }
    double time_seconds() { return nanos_to_seconds(time()); }

    void run_forever();
    void run_once();  // one iteration; public for tests and for stepping
    void stop();
    void close();
    bool is_running() const { return running_; }
    bool is_closed() const { return closed_.load(); }

    // Runs until `future` is done and returns its result (or throws its exception).
    template <LoopFuture F>
    decltype(auto) run_until_complete(F& future);

    // A blocking call on the loop thread (time.sleep): nothing else runs meanwhile.
    void block(Nanos duration);

    void set_exception_handler(ExceptionHandler handler) {
        exception_handler_ = std::move(handler);
    }
    void call_exception_handler(const ExceptionContext& context);
    static void default_exception_handler(const ExceptionContext& context);

    Clock& clock() { return *clock_; }
    trace::Recorder& recorder() { return recorder_; }
    Executor& executor() { return executor_; }
    std::uint32_t iteration() const { return iteration_.load(std::memory_order_relaxed); }
    std::size_t ready_count() const { return ready_.size(); }
    std::size_t timer_count() const { return timers_.size(); }
    std::uint64_t wakeup_writes() const { return inbox_.writes(); }  // eventfd writes so far

    // Records an event stamped with the current loop time and iteration (loop thread).
    void record(trace::EventKind kind, std::uint32_t subject = 0, std::uint32_t object = 0,
                std::int64_t value = 0, std::uint16_t flags = 0) {
        recorder_.record(
            trace::Event{trace_time(), iteration(), kind, flags, subject, object, value});
    }
    // The loop time a trace event is stamped with: clock().peek(), without the virtual call
    // where the clock allows.
    Nanos trace_time() const {
        return clock_time_word_ != nullptr ? clock_time_word_->load(std::memory_order_relaxed)
                                           : clock_->peek();
    }

    // A fresh id for a traced object (handle, job, future, task, primitive): the trace's nouns
    // share one space, so an id names one thing whatever field it appears in.
    std::uint32_t next_object_id() { return next_object_id_++; }

    // The loop running on this thread, if any (asyncio.get_running_loop()).
    static EventLoop* running_loop();

    // The Scheduler whose tasks run on this loop, if any; the loop only keeps the pointer. A
    // task reaches its scheduler through the loop it knows anyway, which saves a pointer in
    // each of a hundred thousand tasks.
    Scheduler* scheduler() const { return scheduler_; }
    void set_scheduler(Scheduler* scheduler) { scheduler_ = scheduler; }

private:
    friend class Handle;
    struct FdWatch {
        Callback reader;
        Callback writer;
        std::uint32_t reader_generation = 0;
        std::uint32_t writer_generation = 0;
    };

    void check_closed() const;
    template <class AnyCallback>
    std::uint32_t schedule_ready(AnyCallback callback, trace::Label label, std::uint32_t owner);
    template <class AnyCallback>
    Handle schedule_soon(AnyCallback callback, trace::Label label, std::uint32_t owner);
    template <class AnyCallback>
    Handle schedule_at(Nanos when, AnyCallback callback, trace::Label label);
    bool cancel_handle(std::uint32_t slot, std::uint32_t generation);
    void drop_cancelled_timers();
    std::optional<Nanos> poll_timeout();
    void poll_for_io(std::optional<Nanos> timeout);
    std::size_t take_threadsafe_posts();
    void queue_fd_callback(int fd, bool writer);
    void move_expired_timers_to_ready();
    void run_ready_snapshot();
    void run_handle(std::uint32_t slot);
    void run_sleeper_timer(std::uint32_t sleeper, std::uint32_t id);
    // Callbacks run in random memory order (timers fire by deadline, tasks wake in whatever
    // order their futures finish), so each one's first touch of its task is a cache miss.
    // While one runs, the entry kPrefetchFar places ahead in the ready queue is fetched, and
    // the task of the one kPrefetchNear ahead (read from that entry, fetched by then).
    static constexpr std::size_t kPrefetchFar = 8;
    static constexpr std::size_t kPrefetchNear = 4;
    void prefetch_ready(std::uint32_t slot, bool near) const;
    // In the handler of what callback `id` threw: traces it and tells the exception handler.
    void callback_failed(std::uint32_t id, trace::Label label);
    // Whether a heap entry's timer will not run: a cancelled handle, or a sleeper's timer
    // no longer pending.
    bool timer_cancelled(const TimerEntry& entry) const;
    void update_watch(int fd, bool had_watch);
    std::string describe(trace::Label label) const;

    std::unique_ptr<Clock> clock_;
    const std::atomic<Nanos>* clock_time_word_ = clock_->time_word();  // after clock_
    trace::Recorder recorder_;
    HandleTable handles_;
    // The ready queue: handle slots, and fired sleeper timers (kSleeperTimer | the sleeper),
    // whose ids wait in the same order beside it.
    std::deque<std::uint32_t> ready_;
    std::deque<std::uint32_t> ready_sleeper_timers_;
    TimerHeap timers_;
    std::size_t timer_cancelled_count_ = 0;
    Poller poller_;
    ThreadsafeInbox inbox_;
    std::unordered_map<int, FdWatch> watches_;
    Executor executor_;
    std::atomic<std::uint32_t> jobs_in_flight_{0};
    ExceptionHandler exception_handler_;
    Scheduler* scheduler_ = nullptr;
    Sleepers* sleepers_ = nullptr;

    std::uint32_t next_object_id_ = 1;
    std::atomic<std::uint32_t> iteration_{0};
    bool running_ = false;
    bool stopping_ = false;
    std::atomic<bool> closed_{false};  // read by call_soon_threadsafe on other threads
};

template <LoopFuture F>
decltype(auto) EventLoop::run_until_complete(F& future) {
    check_closed();
    const auto token = future.add_done_callback([this] { stop(); });
    try {
        run_forever();
    } catch (...) {
        future.remove_done_callback(token);
        throw;
    }
    future.remove_done_callback(token);
    if (!future.done()) {
        throw RuntimeError("Event loop stopped before Future completed.");
    }
    return future.result();
}

}  // namespace loopscope
