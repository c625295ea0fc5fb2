#pragma once

#include <algorithm>
#include <atomic>
#include <memory>

#include "loop/clock.h"
#include "script/modules/interpreter_lock.h"

namespace loopscope::script {

// The clock asyncio.run gives its loop: the virtual or real clock, plus two things the script
// layer needs at the moment the loop would wait.
//   - The interpreter lock is released while the loop really blocks (epoll_wait) and during
//     a blocking call (time.sleep), so executor threads running Python (to_thread) progress.
//   - A poll that could only end by itself never does: nothing is ready, no timer is armed, no
//     executor job is in flight (scripts watch no descriptors). CPython would hang forever;
//     this clock makes that poll instant instead and says the loop is stalled, which
//     asyncio.run reports as a deadlock.
class ScriptLoopClock final : public Clock {
public:
    // `executor_workers`: how many jobs the loop's executor runs at once; the others queue.
    ScriptLoopClock(std::unique_ptr<Clock> inner, InterpreterLock& lock,
                    const std::atomic<int>& python_jobs, const std::atomic<int>& jobs_sleeping,
                    int executor_workers)
        : inner_(std::move(inner)),
          lock_(lock),
          python_jobs_(python_jobs),
          jobs_sleeping_(jobs_sleeping),
          executor_workers_(executor_workers) {
        // The real clock wakes its loop when paused, resumed or sped up from another thread;
        // the loop only knows this wrapper, so the wake-up goes through it.
        inner_->set_waker([this] { wake_loop(); });
    }
    ~ScriptLoopClock() override { inner_->set_waker(nullptr); }
    ScriptLoopClock(const ScriptLoopClock&) = delete;
    ScriptLoopClock& operator=(const ScriptLoopClock&) = delete;

    ClockKind kind() const override { return inner_->kind(); }
    Nanos now() override { return inner_->now(); }
    Nanos peek() const override { return inner_->peek(); }
    const std::atomic<Nanos>* time_word() const override { return inner_->time_word(); }

    int poll_timeout_ms(const PollRequest& given) override {
        PollRequest request = adjusted(given);
        if (!request.timeout && !request.external_work_pending) {
            stalled_ = true;
            return 0;
        }
        const int timeout_ms = inner_->poll_timeout_ms(request);
        if (timeout_ms != 0 && lock_.held_by_this_thread()) {
            lock_.release();
            released_ = true;
        }
        return timeout_ms;
    }
    void after_poll(const PollRequest& given, bool had_io) override {
        if (released_) {
            lock_.acquire();
            released_ = false;
        }
        inner_->after_poll(adjusted(given), had_io);
    }
    int descriptor() const override { return inner_->descriptor(); }
    void on_descriptor_ready() override { inner_->on_descriptor_ready(); }
    bool holds_loop() const override { return inner_->holds_loop(); }
    void block_for(Nanos duration) override {
        InterpreterLock::Release release(lock_);
        inner_->block_for(duration);
    }

    // True once a poll found the loop with nothing that could ever wake it.
    bool stalled() const { return stalled_; }
    void clear_stalled() { stalled_ = false; }
    // The virtual or real clock inside: the app pauses and speeds up a RealClock through it.
    Clock& inner() { return *inner_; }

    // The clock a script's loop really runs on (`loop.clock()` is this wrapper).
    static Clock& underlying(Clock& clock) {
        auto* wrapper = dynamic_cast<ScriptLoopClock*>(&clock);
        return wrapper != nullptr ? wrapper->inner() : clock;
    }

private:
    // Executor jobs that are all asleep in a virtual time.sleep() are no work in progress: the
    // virtual clock may then jump to the next timer, one of which wakes them. Jobs beyond the
    // executor's workers wait in its queue until a worker is free, which only a timer can
    // make happen: when every worker sleeps, time moves on.
    PollRequest adjusted(PollRequest request) const {
        if (request.external_work_pending && inner_->kind() == ClockKind::Virtual) {
            const int jobs = python_jobs_.load();
            if (jobs > 0 && jobs_sleeping_.load() >= std::min(jobs, executor_workers_)) {
                request.external_work_pending = false;
            }
        }
        return request;
    }

    std::unique_ptr<Clock> inner_;
    InterpreterLock& lock_;
    const std::atomic<int>& python_jobs_;
    const std::atomic<int>& jobs_sleeping_;
    const int executor_workers_;
    bool released_ = false;
    bool stalled_ = false;
};

}  // namespace loopscope::script
