#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "trace/event.h"
#include "trace/event_codec.h"

namespace loopscope::trace {

// Codes an EventLog's full blocks on a thread of its own, so that the thread recording them
// (the loop's) does not.
//
// Coding is most of what recording costs: about 70 instructions an event, against about 45 for
// making and storing the event, so a trace-heavy run like 200,000 queue round trips spends a
// third of its time in EventCodec::encode. Every block is coded on its own (EventCodec starts
// each from empty contexts), so blocks can be coded anywhere, in any order, and the bytes are
// the same as the recording thread would have made.
//
// A job travels both ways: the log hands over a block's events (which it keeps, unchanged and
// readable, until the job comes back) and a buffer for the bytes, both allocated by the log,
// so the coder's thread never allocates; the job comes back with the bytes written.
class BackgroundCoder {
public:
    struct Job {
        std::size_t block = 0;
        const Event* events = nullptr;
        std::size_t count = 0;
        // Room for count * EventCodec::kMaxEventBytes; holds `coded_bytes` once coded.
        std::unique_ptr<std::uint8_t[]> bytes;
        std::size_t coded_bytes = 0;
    };

    // Starts the thread.
    BackgroundCoder();
    // Stops the thread once it has finished the job at hand; jobs not started are dropped.
    ~BackgroundCoder();
    BackgroundCoder(const BackgroundCoder&) = delete;
    BackgroundCoder& operator=(const BackgroundCoder&) = delete;

    void submit(Job job);
    // Moves the jobs coded so far to the end of `out`, in the order they were submitted.
    void take_coded(std::vector<Job>& out);
    // Waits until every job submitted is coded, then moves them all to the end of `out`.
    void finish(std::vector<Job>& out);
    // Gives every job back at once, coded or not, but for the one being coded, which it waits
    // for: the log is cleared, and what is coded no longer matters, only whose buffers they are.
    void abandon(std::vector<Job>& out);

    // Whether a machine has a core to spare for coding: with one, the thread would only take
    // turns with the loop's.
    static bool worthwhile();

private:
    void run();

    std::mutex mutex_;
    std::condition_variable submitted_;  // a job was submitted, or the coder is stopping
    std::condition_variable drained_;    // nothing is queued or being coded
    std::deque<Job> queued_;
    std::vector<Job> coded_;
    bool coding_ = false;    // the thread holds a job, outside the lock
    bool sleeping_ = false;  // the thread waits for a job: a submit has to wake it
    bool stopping_ = false;

    EventCodec codec_;    // the thread's alone
    std::thread thread_;  // last: started once everything it uses exists
};

}  // namespace loopscope::trace
