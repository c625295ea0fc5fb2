#pragma once

#include <string>
#include <string_view>

namespace loopscope::script {

// The Python call this executor thread is making (asyncio.to_thread, loop.run_in_executor),
// named as the THREADS row names its job ("compress_archive"), so that what the thread does
// elsewhere can be tied to it: a time.sleep() in it arms a loop timer on the virtual clock,
// and the TIMERS row calls that timer "compress_archive's time.sleep(2)".
// Per thread: a job runs on one worker thread from start to end.
class RunningExecutorJob {
public:
    explicit RunningExecutorJob(const std::string& label) : outer_(current_) { current_ = &label; }
    RunningExecutorJob(const RunningExecutorJob&) = delete;
    RunningExecutorJob& operator=(const RunningExecutorJob&) = delete;
    ~RunningExecutorJob() { current_ = outer_; }

    // The running job's label; empty on a thread that runs no job (the loop's).
    static std::string_view label() {
        return current_ != nullptr ? std::string_view(*current_) : std::string_view();
    }

private:
    static inline thread_local const std::string* current_ = nullptr;
    const std::string* outer_;
};

}  // namespace loopscope::script
