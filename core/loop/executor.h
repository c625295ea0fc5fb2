#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "loop/callback.h"

namespace loopscope {

struct ExecutorJob {
    std::uint32_t id = 0;
    std::function<void()> work;  // runs on a worker thread
    // Runs on the loop thread, posted there with call_soon_threadsafe; the exception is the
    // one `work` threw, if any.
    std::function<void(std::exception_ptr)> finished;
};

// How the executor talks back to its loop without knowing it.
struct ExecutorHooks {
    std::function<void(Callback)> post_to_loop;  // call_soon_threadsafe
    std::function<void(std::uint32_t job, std::uint32_t worker)> job_started;
    std::function<void(std::uint32_t job, std::uint32_t worker)> job_finished;
};

// A fixed-size pool of worker threads, like CPython's default ThreadPoolExecutor: a thread is
// started only when a job arrives and no idle worker is left to take it, up to `max_workers`;
// jobs run in submission order.
class Executor {
public:
    Executor(std::size_t max_workers, ExecutorHooks hooks);
    ~Executor();
    Executor(const Executor&) = delete;
    Executor& operator=(const Executor&) = delete;

    void submit(ExecutorJob job);
    // Runs every queued job to completion, then joins the workers. Idempotent.
    void shutdown();

    std::size_t max_workers() const { return max_workers_; }
    std::size_t threads_started() const;

private:
    void work(std::uint32_t worker);

    const std::size_t max_workers_;
    ExecutorHooks hooks_;
    mutable std::mutex mutex_;
    std::condition_variable job_available_;
    std::deque<ExecutorJob> queue_;
    std::vector<std::thread> threads_;
    std::size_t threads_started_ = 0;
    std::size_t idle_ = 0;
    bool shutting_down_ = false;
};

}  // namespace loopscope
