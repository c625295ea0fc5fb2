#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "trace/event.h"
#include "trace/id_map.h"
#include "trace/state.h"

namespace loopscope::app {

// One lane per task for the timeline: the task's status over the trace, as sorted segments.
// Each segment starts where the task's status changed and lasts until the next one starts (the
// last one until the end of the trace). Built incrementally as events arrive, by folding a
// State of its own and noting every status change of the tasks an event names.
class TaskLanes {
public:
    struct Segment {
        std::size_t begin_event = 0;  // the event that put the task in `status`
        Nanos begin_time = 0;
        trace::TaskStatus status = trace::TaskStatus::Created;
    };
    // A moment worth a mark on the lane: a cancel request reaching the task.
    struct Mark {
        std::size_t event = 0;
        Nanos time = 0;
    };
    struct Lane {
        std::uint32_t task = 0;
        std::size_t created_event = 0;
        std::vector<Segment> segments;   // sorted by begin_event
        std::vector<Mark> cancel_marks;  // sorted by event
    };

    void clear();
    // Folds the event at index `event_index` (events must come in order, each once).
    void add(std::size_t event_index, const trace::Event& event);

    // Lanes in task creation order.
    const std::vector<Lane>& lanes() const { return lanes_; }
    // The index of the first segment of `lane` that is still going at `event_index` or starts
    // after it (binary search): where drawing a visible range starts.
    static std::size_t segment_at(const Lane& lane, std::size_t event_index);
    // The fold of every event added so far.
    const trace::State& state() const { return state_; }

private:
    void note(std::uint32_t task, std::size_t event_index, Nanos time);

    trace::State state_;
    std::vector<Lane> lanes_;
    trace::IdMap lane_index_;
};

}  // namespace loopscope::app
