#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <vector>

#include "trace/event.h"
#include "trace/event_log.h"
#include "trace/string_table.h"

namespace loopscope::trace {

// The append-only event log of one run, plus its string table.
//
// The loop thread appends with `record`. Other threads (executor workers) use
// `record_from_thread`; their events wait in an inbox until the loop thread calls
// `merge_from_threads`, so the log itself is only ever touched by one thread.
class Recorder {
public:
    Recorder();

    void record(const Event& event) {
        if (enabled_) {
            events_.push_back(event);
        }
    }
    void record_from_thread(const Event& event);
    void merge_from_threads();

    Label intern(std::string_view text) { return strings_.intern(text); }
    // intern("Task-<number>"), the default name of a task, without writing it out first.
    Label intern_task_name(std::uint32_t number) { return strings_.intern_task_name(number); }
    // May write out a default task name on its first read (StringTable::text): like intern,
    // for one thread at a time.
    std::string_view text(Label label) const { return strings_.text(label); }
    // How many strings the table holds (labels 0 to string_count() - 1).
    std::size_t string_count() const { return strings_.size(); }

    const EventLog& events() const { return events_; }
    std::size_t size() const { return events_.size(); }
    // Forgets the events (a re-run); the strings stay. Each clear starts a new generation, so
    // a reader that saw N events can tell "N more since" from "a new log already past N".
    void clear();
    std::uint64_t generation() const { return generation_; }

    // Recording can be switched off to measure the loop without it.
    void set_enabled(bool enabled) { enabled_ = enabled; }
    bool enabled() const { return enabled_; }

private:
    EventLog events_;
    StringTable strings_;  // label 0 is ""
    bool enabled_ = true;
    std::uint64_t generation_ = 0;

    std::mutex inbox_mutex_;
    std::vector<Event> inbox_;
    // Whether inbox_ holds anything, written under inbox_mutex_: the loop merges every
    // iteration and nearly always finds nothing, which this tells it without the lock.
    std::atomic<bool> inbox_filled_{false};
};

}  // namespace loopscope::trace
