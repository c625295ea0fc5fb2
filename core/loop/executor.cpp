#include "loop/executor.h"

#include "errors.h"

namespace loopscope {

Executor::Executor(std::size_t max_workers, ExecutorHooks hooks)
    : max_workers_(max_workers == 0 ? 1 : max_workers), hooks_(std::move(hooks)) {}

Executor::~Executor() {
    shutdown();
}

void Executor::submit(ExecutorJob job) {
    std::lock_guard lock(mutex_);
    if (shutting_down_) {
        throw RuntimeError("cannot schedule new futures after shutdown");
    }
    queue_.push_back(std::move(job));
    // Each idle worker will take one queued job; a job beyond them needs a new worker (as
    // CPython's ThreadPoolExecutor reserves an idle thread per submit). Comparing with
    // `idle_ == 0` instead would leave the second of two quick submits queued behind the
    // first whenever the one idle worker had not woken up yet in between.
    if (queue_.size() > idle_ && threads_started_ < max_workers_) {
        const auto worker = static_cast<std::uint32_t>(threads_started_++);
        threads_.emplace_back([this, worker] { work(worker); });
    } else {
        job_available_.notify_one();
    }
}

void Executor::work(std::uint32_t worker) {
    std::unique_lock lock(mutex_);
    for (;;) {
        ++idle_;
        job_available_.wait(lock, [this] { return shutting_down_ || !queue_.empty(); });
        --idle_;
        if (queue_.empty()) {
            return;  // shutting down and nothing left to do
        }
        ExecutorJob job = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();

        if (hooks_.job_started) {
            hooks_.job_started(job.id, worker);
        }
        std::exception_ptr error;
        try {
            job.work();
        } catch (...) {
            error = std::current_exception();
        }
        if (hooks_.job_finished) {
            hooks_.job_finished(job.id, worker);
        }
        if (job.finished && hooks_.post_to_loop) {
            // The error moves to the loop thread: a copy kept here would be released by this
            // thread after the loop thread is done with the exception, and the count that
            // orders the two is inside libstdc++, where ThreadSanitizer cannot see it.
            hooks_.post_to_loop([finished = std::move(job.finished), error = std::move(error)] {
                finished(error);
            });
        }
        lock.lock();
    }
}

void Executor::shutdown() {
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        shutting_down_ = true;
        threads.swap(threads_);
    }
    job_available_.notify_all();
    for (std::thread& thread : threads) {
        thread.join();
    }
}

std::size_t Executor::threads_started() const {
    std::lock_guard lock(mutex_);
    return threads_started_;
}

}  // namespace loopscope
