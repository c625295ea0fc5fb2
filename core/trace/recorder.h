#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "trace/event.h"
#include "trace/event_log.h"

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

    Label intern(std::string_view text);
    std::string_view text(Label label) const { return strings_[label]; }

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
    // Each string is stored once, in a deque so it never moves; the map's keys view it.
    std::deque<std::string> strings_;
    std::unordered_map<std::string_view, Label> string_ids_;
    bool enabled_ = true;
    std::uint64_t generation_ = 0;

    std::mutex inbox_mutex_;
    std::vector<Event> inbox_;
};

}  // namespace loopscope::trace
