#include "trace/background_coder.h"

#include <span>
#include <utility>

namespace loopscope::trace {

BackgroundCoder::BackgroundCoder() : thread_([this] { run(); }) {}

BackgroundCoder::~BackgroundCoder() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    submitted_.notify_one();
    thread_.join();
}

bool BackgroundCoder::worthwhile() {
    return std::thread::hardware_concurrency() > 1;
}

void BackgroundCoder::submit(Job job) {
    bool wake = false;
    {
        const std::lock_guard lock(mutex_);
        queued_.push_back(std::move(job));
        wake = std::exchange(sleeping_, false);
    }
    // A busy coder finds the job when it finishes the one at hand; waking it anyway would be
    // a system call every block.
    if (wake) {
        submitted_.notify_one();
    }
}

void BackgroundCoder::take_coded(std::vector<Job>& out) {
    const std::lock_guard lock(mutex_);
    for (Job& job : coded_) {
        out.push_back(std::move(job));
    }
    coded_.clear();
}

void BackgroundCoder::finish(std::vector<Job>& out) {
    {
        std::unique_lock lock(mutex_);
        drained_.wait(lock, [this] { return queued_.empty() && !coding_; });
    }
    take_coded(out);
}

void BackgroundCoder::abandon(std::vector<Job>& out) {
    {
        std::unique_lock lock(mutex_);
        for (Job& job : queued_) {
            out.push_back(std::move(job));
        }
        queued_.clear();
        drained_.wait(lock, [this] { return !coding_; });
    }
    take_coded(out);
}

void BackgroundCoder::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        if (queued_.empty()) {
            drained_.notify_all();
            sleeping_ = true;
            submitted_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
            sleeping_ = false;
        }
        if (stopping_) {
            return;
        }
        Job job = std::move(queued_.front());
        queued_.pop_front();
        coding_ = true;
        lock.unlock();

        const std::uint8_t* const end =
            codec_.encode(std::span<const Event>(job.events, job.count), job.bytes.get());
        job.coded_bytes = static_cast<std::size_t>(end - job.bytes.get());

        lock.lock();
        coding_ = false;
        coded_.push_back(std::move(job));
    }
}

}  // namespace loopscope::trace
