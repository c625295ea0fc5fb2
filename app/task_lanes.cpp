#include "task_lanes.h"

#include <algorithm>

namespace loopscope::app {

void TaskLanes::clear() {
    state_ = trace::State{};
    lanes_.clear();
    lane_index_ = trace::IdMap{};
}

void TaskLanes::add(std::size_t event_index, const trace::Event& event) {
    state_.apply(event);
    // An event changes the status of the task it is about, and at most of the one it names
    // in `object` (a task woken, a cancel requester): checking both catches every change.
    note(event.subject, event_index, event.time);
    if (event.object != event.subject) {
        note(event.object, event_index, event.time);
    }
    // A step's callback running makes its task Running without naming it in the event.
    if (const std::uint32_t running = state_.loop().running_task; running != 0) {
        note(running, event_index, event.time);
    }
    if (event.kind == trace::EventKind::CancelRequested) {
        if (const std::uint32_t at = lane_index_.find(event.subject);
            at != trace::IdMap::kMissing) {
            lanes_[at].cancel_marks.push_back(Mark{event_index, event.time});
        }
    }
}

void TaskLanes::note(std::uint32_t task_id, std::size_t event_index, Nanos time) {
    const trace::State::Task* task = state_.task(task_id);
    if (task == nullptr) {
        return;
    }
    std::uint32_t at = lane_index_.find(task_id);
    if (at == trace::IdMap::kMissing) {
        at = static_cast<std::uint32_t>(lanes_.size());
        lane_index_.insert_or_assign(task_id, at);
        lanes_.push_back(Lane{task_id, event_index, {}, {}});
    }
    Lane& lane = lanes_[at];
    if (lane.segments.empty() || lane.segments.back().status != task->status) {
        lane.segments.push_back(Segment{event_index, time, task->status});
    }
}

std::size_t TaskLanes::segment_at(const Lane& lane, std::size_t event_index) {
    const auto after = std::upper_bound(
        lane.segments.begin(), lane.segments.end(), event_index,
        [](std::size_t index, const Segment& segment) { return index < segment.begin_event; });
    if (after == lane.segments.begin()) {
        return 0;
    }
    return static_cast<std::size_t>(after - lane.segments.begin()) - 1;
}

}  // namespace loopscope::app
