#include "trace/recorder.h"

#include <algorithm>

namespace loopscope::trace {

Recorder::Recorder() {
    intern("");
}

void Recorder::record_from_thread(const Event& event) {
    std::lock_guard lock(inbox_mutex_);
    inbox_.push_back(event);
    inbox_filled_.store(true, std::memory_order_release);
}

void Recorder::merge_from_threads() {
    if (!inbox_filled_.load(std::memory_order_acquire)) {
        return;  // an event recorded after this look is merged next time
    }
    std::vector<Event> arrived;
    {
        std::lock_guard lock(inbox_mutex_);
        arrived.swap(inbox_);
        inbox_filled_.store(false, std::memory_order_relaxed);
    }
    // Workers stamped their events with loop time; keep the log ordered by it per merge.
    std::stable_sort(arrived.begin(), arrived.end(),
                     [](const Event& a, const Event& b) { return a.time < b.time; });
    if (enabled_) {
        for (const Event& event : arrived) {
            events_.push_back(event);
        }
    }
}

void Recorder::clear() {
    ++generation_;
    events_.clear();
    std::lock_guard lock(inbox_mutex_);
    inbox_.clear();
    inbox_filled_.store(false, std::memory_order_relaxed);
}

}  // namespace loopscope::trace
