#include "loop/event_loop.h"

#include <algorithm>
#include <array>
#include <iostream>

#include "loop/virtual_clock.h"

namespace loopscope {

using trace::EventKind;

namespace {

// CPython's thresholds for rebuilding the timer heap (base_events.py).
constexpr std::size_t kMinScheduledTimersForCompaction = 100;
constexpr double kMinCancelledFractionForCompaction = 0.5;

// CLOCK_MONOTONIC's resolution on Linux: a timer is due when `when < now + resolution`.
constexpr Nanos kClockResolution = 1;

thread_local EventLoop* running_on_this_thread = nullptr;

}  // namespace

bool Handle::cancel() {
    return loop_ != nullptr && loop_->cancel_handle(slot_, generation_);
}

EventLoop::EventLoop() : EventLoop(EventLoopOptions{}) {}

EventLoop::EventLoop(EventLoopOptions options)
    : clock_(options.clock ? std::move(options.clock) : std::make_unique<VirtualClock>()),
      executor_(
          options.executor_workers,
          ExecutorHooks{
              // Not call_soon_threadsafe: a job finishing while the loop closes must not throw.
              .post_to_loop =
                  [this](Callback callback) {
                      inbox_.post(PostedCallback{std::move(callback), 0,
                                                 std::make_shared<std::atomic<bool>>(false)});
                  },
              .job_started =
                  [this](std::uint32_t job, std::uint32_t worker) {
                      recorder_.record_from_thread(
                          {trace_time(), iteration(), EventKind::JobStarted, 0, job, worker, 0});
                  },
              .job_finished =
                  [this](std::uint32_t job, std::uint32_t worker) {
                      recorder_.record_from_thread(
                          {trace_time(), iteration(), EventKind::JobFinished, 0, job, worker, 0});
                  },
          }) {
    poller_.watch(inbox_.descriptor(), EPOLLIN, false);
    if (clock_->descriptor() >= 0) {
        poller_.watch(clock_->descriptor(), EPOLLIN, false);
    }
    clock_->set_waker([this] { inbox_.wake(); });
}

EventLoop::~EventLoop() {
    if (!closed_ && !running_) {
        close();
    }
    executor_.shutdown();
    clock_->set_waker(nullptr);
}

EventLoop* EventLoop::running_loop() {
    return running_on_this_thread;
}

void EventLoop::check_closed() const {
    if (closed_) {
        throw RuntimeError("Event loop is closed");
    }
}

// --- scheduling -------------------------------------------------------------------------

template <class AnyCallback>
std::uint32_t EventLoop::schedule_ready(AnyCallback callback, trace::Label label,
                                        std::uint32_t owner) {
    const std::uint32_t slot = handles_.allocate();
    HandleSlot& handle = handles_[slot];
    handles_.set_callback(handle, std::move(callback));
    handle.id = next_object_id();
    handle.label = label;
    ready_.push_back(slot);
    record(EventKind::CallbackScheduled, handle.id, owner, label);
    return slot;
}

template <class AnyCallback>
Handle EventLoop::schedule_soon(AnyCallback callback, trace::Label label, std::uint32_t owner) {
    check_closed();
    const std::uint32_t slot = schedule_ready(std::move(callback), label, owner);
    const HandleSlot& handle = handles_[slot];
    return Handle(this, slot, handle.generation, handle.id, 0);
}

template <class AnyCallback>
Handle EventLoop::schedule_at(Nanos when, AnyCallback callback, trace::Label label) {
    check_closed();
    const std::uint32_t slot = handles_.allocate();
    HandleSlot& handle = handles_[slot];
    handles_.set_callback(handle, std::move(callback));
    handle.id = next_object_id();
    handle.label = label;
    handle.timer = true;
    handle.in_heap = true;
    timers_.push({when, slot});
    record(EventKind::TimerArmed, handle.id, label, when);
    return Handle(this, slot, handle.generation, handle.id, when);
}

Handle EventLoop::call_soon(Callback callback, trace::Label label, std::uint32_t owner) {
    return schedule_soon(std::move(callback), label, owner);
}
Handle EventLoop::call_soon(PlainCallback callback, trace::Label label, std::uint32_t owner) {
    return schedule_soon(callback, label, owner);
}

Handle EventLoop::call_later(Nanos delay, Callback callback, trace::Label label) {
    return call_at(time() + delay, std::move(callback), label);
}
Handle EventLoop::call_later(Nanos delay, PlainCallback callback, trace::Label label) {
    return call_at(time() + delay, callback, label);
}

Handle EventLoop::call_at(Nanos when, Callback callback, trace::Label label) {
    return schedule_at(when, std::move(callback), label);
}
Handle EventLoop::call_at(Nanos when, PlainCallback callback, trace::Label label) {
    return schedule_at(when, callback, label);
}

std::uint32_t EventLoop::arm_sleeper_timer(Nanos when, std::uint32_t sleeper, trace::Label label) {
    check_closed();
    const std::uint32_t id = next_object_id();
    timers_.push({when, kSleeperTimer | sleeper, id});
    record(EventKind::TimerArmed, id, label, when);
    return id;
}

void EventLoop::sleeper_timer_cancelled(std::uint32_t id, bool in_heap) {
    if (in_heap) {
        ++timer_cancelled_count_;
    }
    record(EventKind::TimerCancelled, id);
}

ThreadsafeHandle EventLoop::call_soon_threadsafe(Callback callback, trace::Label label) {
    check_closed();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    inbox_.post(PostedCallback{std::move(callback), label, cancelled});
    return ThreadsafeHandle(std::move(cancelled));
}

bool EventLoop::cancel_handle(std::uint32_t slot, std::uint32_t generation) {
    if (!handles_.is_live(slot, generation)) {
        return false;  // already ran or was dropped
    }
    HandleSlot& handle = handles_[slot];
    if (handle.cancelled) {
        return false;
    }
    handle.cancelled = true;
    handles_.drop_callback(handle);  // release what it captured now, as CPython drops _callback
    if (handle.timer) {
        if (handle.in_heap) {
            ++timer_cancelled_count_;
        }
        record(EventKind::TimerCancelled, handle.id);
    } else {
        record(EventKind::CallbackCancelled, handle.id);
    }
    return true;
}

// --- file descriptors -------------------------------------------------------------------

void EventLoop::update_watch(int fd, bool had_watch) {
    auto it = watches_.find(fd);
    std::uint32_t events = 0;
    if (it != watches_.end()) {
        events = (it->second.reader ? EPOLLIN : 0u) | (it->second.writer ? EPOLLOUT : 0u);
    }
    if (events != 0 || had_watch) {
        poller_.watch(fd, events, had_watch);
    }
    if (events == 0 && it != watches_.end()) {
        watches_.erase(it);
    }
}

void EventLoop::add_reader(int fd, Callback callback) {
    check_closed();
    FdWatch& watch = watches_[fd];
    const bool had_watch = watch.reader || watch.writer;
    watch.reader = std::move(callback);
    ++watch.reader_generation;
    update_watch(fd, had_watch);
    record(EventKind::ReaderAdded, static_cast<std::uint32_t>(fd));
}

void EventLoop::add_writer(int fd, Callback callback) {
    check_closed();
    FdWatch& watch = watches_[fd];
    const bool had_watch = watch.reader || watch.writer;
    watch.writer = std::move(callback);
    ++watch.writer_generation;
    update_watch(fd, had_watch);
    record(EventKind::WriterAdded, static_cast<std::uint32_t>(fd));
}

bool EventLoop::remove_reader(int fd) {
    auto it = watches_.find(fd);
    if (closed_ || it == watches_.end() || !it->second.reader) {
        return false;
    }
    it->second.reader = nullptr;
    ++it->second.reader_generation;  // a queued readiness callback must not run
    update_watch(fd, true);
    record(EventKind::ReaderRemoved, static_cast<std::uint32_t>(fd));
    return true;
}

bool EventLoop::remove_writer(int fd) {
    auto it = watches_.find(fd);
    if (closed_ || it == watches_.end() || !it->second.writer) {
        return false;
    }
    it->second.writer = nullptr;
    ++it->second.writer_generation;
    update_watch(fd, true);
    record(EventKind::WriterRemoved, static_cast<std::uint32_t>(fd));
    return true;
}

// A ready fd queues one run of its callback; if the callback is removed or replaced before
// that run, the run does nothing (CPython cancels the old handle).
void EventLoop::queue_fd_callback(int fd, bool writer) {
    const FdWatch& watch = watches_.at(fd);
    const std::uint32_t generation = writer ? watch.writer_generation : watch.reader_generation;
    record(EventKind::FdReady, static_cast<std::uint32_t>(fd), 0, writer ? 2 : 1);
    schedule_ready(
        [this, fd, writer, generation] {
            auto it = watches_.find(fd);
            if (it == watches_.end()) {
                return;
            }
            FdWatch& current = it->second;
            if ((writer ? current.writer_generation : current.reader_generation) != generation) {
                return;
            }
            // Copy: the callback may remove or replace itself.
            Callback callback = writer ? current.writer : current.reader;
            callback();
        },
        0, 0);
}

// --- executor ---------------------------------------------------------------------------

std::uint32_t EventLoop::run_in_executor(std::function<void()> work,
                                         std::function<void(std::exception_ptr)> finished,
                                         trace::Label label) {
    check_closed();
    const std::uint32_t job = next_object_id();
    jobs_in_flight_.fetch_add(1, std::memory_order_relaxed);
    record(EventKind::JobSubmitted, job, 0, label);
    executor_.submit(ExecutorJob{job, std::move(work),
                                 [this, finished = std::move(finished)](std::exception_ptr error) {
                                     jobs_in_flight_.fetch_sub(1, std::memory_order_relaxed);
                                     if (finished) {
                                         finished(error);
                                     }
                                 }});
    return job;
}

// --- one iteration ----------------------------------------------------------------------

void EventLoop::run_forever() {
    check_closed();
    if (running_) {
        throw RuntimeError("This event loop is already running");
    }
    if (running_on_this_thread != nullptr) {
        throw RuntimeError("Cannot run the event loop while another loop is running");
    }
    running_ = true;
    running_on_this_thread = this;
    struct Reset {
        EventLoop& loop;
        ~Reset() {
            loop.stopping_ = false;
            loop.running_ = false;
            running_on_this_thread = nullptr;
        }
    } reset{*this};
    for (;;) {
        run_once();
        if (stopping_) {
            break;
        }
    }
    record(EventKind::LoopStopped);
}

void EventLoop::run_once() {
    iteration_.fetch_add(1, std::memory_order_relaxed);
    record(EventKind::IterationBegin, 0, 0, static_cast<std::int64_t>(ready_.size()));
    drop_cancelled_timers();
    poll_for_io(poll_timeout());
    move_expired_timers_to_ready();
    run_ready_snapshot();
}

void EventLoop::drop_cancelled_timers() {
    const std::size_t scheduled = timers_.size();
    if (scheduled > kMinScheduledTimersForCompaction &&
        static_cast<double>(timer_cancelled_count_) / static_cast<double>(scheduled) >
            kMinCancelledFractionForCompaction) {
        timers_.rebuild_keeping([this](const TimerEntry& entry) {
            if (!timer_cancelled(entry)) {
                return true;
            }
            if (!entry.sleeper()) {
                handles_.release(entry.slot);
            }
            return false;
        });
        timer_cancelled_count_ = 0;
        return;
    }
    while (!timers_.empty() && timer_cancelled(timers_.top())) {
        if (timer_cancelled_count_ > 0) {  // a sleeper gone without cancelling is not counted
            --timer_cancelled_count_;
        }
        const TimerEntry entry = timers_.pop();
        if (!entry.sleeper()) {
            handles_.release(entry.slot);
        }
    }
}

bool EventLoop::timer_cancelled(const TimerEntry& entry) const {
    if (entry.sleeper()) {
        return sleepers_ == nullptr || !sleepers_->timer_pending(entry.sleeper_number(), entry.id);
    }
    return handles_[entry.slot].cancelled;
}

std::optional<Nanos> EventLoop::poll_timeout() {
    if (!ready_.empty() || stopping_) {
        return Nanos{0};
    }
    if (!timers_.empty()) {
        return std::clamp<Nanos>(timers_.top().when - time(), 0, kMaxPollTimeout);
    }
    return std::nullopt;
}

void EventLoop::poll_for_io(std::optional<Nanos> timeout) {
    PollRequest request{timeout, std::nullopt, jobs_in_flight_.load(std::memory_order_relaxed) > 0};
    if (!timers_.empty()) {
        request.earliest_deadline = timers_.top().when;
    }
    std::array<epoll_event, 64> ready;
    do {
        const int timeout_ms = clock_->poll_timeout_ms(request);
        record(EventKind::PollBegin, 0, timeout_ms != 0 ? 1 : 0, timeout ? *timeout : -1);
        const Nanos before = clock_->peek();
        // A poll that may not wait, with no descriptor of the user's and no post pending, can
        // find nothing: skip the system call (most iterations of a busy virtual-clock run).
        const bool nothing_to_find = timeout_ms == 0 && watches_.empty() && !inbox_.signalled();
        const int count = nothing_to_find ? 0 : poller_.wait(ready, timeout_ms);

        std::size_t queued = 0;
        for (int i = 0; i < count; ++i) {
            const int fd = ready[static_cast<std::size_t>(i)].data.fd;
            if (fd == inbox_.descriptor()) {
                inbox_.on_descriptor_ready();
            } else if (fd == clock_->descriptor()) {
                clock_->on_descriptor_ready();
            }
        }
        // Workers' events (job started/finished) happened before the posts they made.
        recorder_.merge_from_threads();
        // Posts first: CPython appends them to the ready queue when they are made, before
        // the poll that their wake-up ends.
        queued += take_threadsafe_posts();
        for (int i = 0; i < count; ++i) {
            const int fd = ready[static_cast<std::size_t>(i)].data.fd;
            const std::uint32_t events = ready[static_cast<std::size_t>(i)].events;
            if (fd == inbox_.descriptor() || fd == clock_->descriptor()) {
                continue;
            }
            const auto watch = watches_.find(fd);
            if (watch == watches_.end()) {
                continue;
            }
            // Errors and hang-ups wake both sides, as selectors' EpollSelector does.
            if ((events & (EPOLLIN | EPOLLERR | EPOLLHUP)) && watch->second.reader) {
                queue_fd_callback(fd, false);
                ++queued;
            }
            if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) && watch->second.writer) {
                queue_fd_callback(fd, true);
                ++queued;
            }
        }
        clock_->after_poll(request, queued > 0);
        record(EventKind::PollEnd, 0, static_cast<std::uint32_t>(queued), clock_->peek() - before);
        if (queued > 0) {
            request.timeout = 0;  // anything polled while paused runs once resumed
        }
    } while (clock_->holds_loop());
}

std::size_t EventLoop::take_threadsafe_posts() {
    std::vector<PostedCallback> posts = inbox_.take_all();
    for (PostedCallback& posted : posts) {
        const std::uint32_t slot = schedule_ready(
            [callback = std::move(posted.callback), cancelled = std::move(posted.cancelled)] {
                if (!cancelled->load()) {
                    callback();
                }
            },
            posted.label, 0);
        record(EventKind::ThreadsafePost, handles_[slot].id, 0, posted.label);
    }
    return posts.size();
}

void EventLoop::move_expired_timers_to_ready() {
    const Nanos now = time();
    const Nanos end_time = now + kClockResolution;
    while (!timers_.empty() && timers_.top().when < end_time) {
        const TimerEntry entry = timers_.pop();
        if (entry.sleeper()) {
            // A cancelled one goes to the ready queue too, to be skipped there, as a handle's.
            if (!timer_cancelled(entry)) {
                sleepers_->timer_fired(entry.sleeper_number());
            }
            ready_.push_back(entry.slot);
            ready_sleeper_timers_.push_back(entry.id);
            record(EventKind::TimerFired, entry.id, 0, now - entry.when);
            continue;
        }
        HandleSlot& handle = handles_[entry.slot];
        handle.in_heap = false;
        ready_.push_back(entry.slot);
        record(EventKind::TimerFired, handle.id, 0, now - entry.when);
    }
}

void EventLoop::run_ready_snapshot() {
    // Only what is ready now runs in this iteration; callbacks it schedules wait for the next.
    const std::size_t ntodo = ready_.size();
    for (std::size_t i = 0; i < ntodo; ++i) {
        if (i + kPrefetchFar < ntodo) {
            prefetch_ready(ready_[kPrefetchFar], false);
        }
        if (i + kPrefetchNear < ntodo) {
            prefetch_ready(ready_[kPrefetchNear], true);
        }
        const std::uint32_t slot = ready_.front();
        ready_.pop_front();
        if ((slot & kSleeperTimer) != 0) [[unlikely]] {
            const std::uint32_t id = ready_sleeper_timers_.front();
            ready_sleeper_timers_.pop_front();
            run_sleeper_timer(slot & ~kSleeperTimer, id);
        } else {
            run_handle(slot);
        }
    }
}

void EventLoop::prefetch_ready(std::uint32_t slot, bool near) const {
    if ((slot & kSleeperTimer) != 0) {
        if (sleepers_ != nullptr) {
            sleepers_->prefetch(slot & ~kSleeperTimer, near);
        }
        return;
    }
    const HandleSlot& handle = handles_[slot];
    if (!near) {
        __builtin_prefetch(&handle);
    } else if (handle.kind == CallbackKind::Plain) {
        __builtin_prefetch(handle.plain.argument);
        __builtin_prefetch(static_cast<const char*>(handle.plain.argument) + 64);
    }
}

void EventLoop::run_sleeper_timer(std::uint32_t sleeper, std::uint32_t id) {
    if (sleepers_ == nullptr || !sleepers_->timer_pending(sleeper, id)) {
        record(EventKind::CallbackSkipped, id);
        return;
    }
    const trace::Label label = sleepers_->timer_label(sleeper);
    record(EventKind::CallbackBegin, id, 0, label);
    try {
        sleepers_->run_timer(sleeper);
    } catch (...) {
        callback_failed(id, label);
    }
    record(EventKind::CallbackEnd, id, 0, label);
}

void EventLoop::run_handle(std::uint32_t slot) {
    HandleSlot& handle = handles_[slot];
    const std::uint32_t id = handle.id;
    const trace::Label label = handle.label;
    if (handle.cancelled) {
        handles_.release(slot);
        record(EventKind::CallbackSkipped, id);
        return;
    }
    // Taken out before the slot is released: the callback may schedule more, reusing slots.
    const PlainCallback plain = handle.kind == CallbackKind::Plain ? handle.plain : PlainCallback{};
    Callback general =
        handle.kind == CallbackKind::General ? handles_.take_general(handle) : nullptr;
    handles_.release(slot);
    record(EventKind::CallbackBegin, id, 0, label);
    try {
        if (plain.function != nullptr) {
            plain.function(plain.argument);
        } else if (general) {
            general();
        }
    } catch (...) {
        callback_failed(id, label);
    }
    record(EventKind::CallbackEnd, id, 0, label);
}

void EventLoop::callback_failed(std::uint32_t id, trace::Label label) {
    const std::string name = describe(label);
    record(EventKind::CallbackFailed, id, 0, label);
    call_exception_handler(ExceptionContext{"Exception in callback " + name,
                                            "<Handle " + name + ">", std::current_exception()});
}

std::string EventLoop::describe(trace::Label label) const {
    return label == 0 ? std::string("<callback>") : std::string(recorder_.text(label));
}

// --- errors, blocking, stop and close ---------------------------------------------------

void EventLoop::call_exception_handler(const ExceptionContext& context) {
    if (!exception_handler_) {
        default_exception_handler(context);
        return;
    }
    try {
        exception_handler_(context);
    } catch (...) {
        // CPython: an exception in the handler is reported by the default handler.
        default_exception_handler(ExceptionContext{"Unhandled error in exception handler",
                                                   context.handle, std::current_exception()});
    }
}

void EventLoop::default_exception_handler(const ExceptionContext& context) {
    std::string text = context.message + "\n";
    if (!context.handle.empty()) {
        text += "handle: " + context.handle + "\n";
    }
    if (context.exception) {
        try {
            std::rethrow_exception(context.exception);
        } catch (const std::exception& error) {
            text += error.what();
            text += "\n";
        } catch (...) {
            text += "unknown exception\n";
        }
    }
    std::cerr << text << std::flush;
}

void EventLoop::block(Nanos duration) {
    // Recorded first: from this event's time, for `duration`, the loop thread is stuck.
    record(EventKind::LoopBlocked, 0, 0, duration);
    clock_->block_for(duration);
}

void EventLoop::stop() {
    stopping_ = true;
}

void EventLoop::close() {
    if (running_) {
        throw RuntimeError("Cannot close a running event loop");
    }
    if (closed_) {
        return;
    }
    closed_ = true;
    ready_.clear();
    ready_sleeper_timers_.clear();
    timers_.clear();
    handles_.clear();
    watches_.clear();
    executor_.shutdown();
    (void)inbox_.take_all();  // completions posted during shutdown have nowhere to run
    record(EventKind::LoopClosed);
}

}  // namespace loopscope
