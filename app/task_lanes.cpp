#include "task_lanes.h"

#include <algorithm>

namespace loopscope::app {

namespace {

using trace::EventKind;

// Nested gathers and shields are followed this deep, no further (a cycle cannot hang us).
constexpr int kMaxHoldDepth = 4;

}  // namespace

void TaskLanes::clear() {
    state_ = trace::State{};
    lanes_.clear();
    links_.clear();
    lane_index_ = trace::IdMap{};
    holds_.clear();
    stepping_task_ = 0;
}

void TaskLanes::add(std::size_t index, const trace::Event& event) {
    const auto event_index = static_cast<std::uint32_t>(index);
    state_.apply(event);
    // An event changes the status of the task it is about, and at most of the one it names
    // in `object` (a task woken, a cancel requester): checking both catches every change.
    note(event.subject, event_index);
    if (event.object != event.subject) {
        note(event.object, event_index);
    }
    // A step's callback running makes its task Running without naming it in the event.
    if (const std::uint32_t running = state_.loop().running_task; running != 0) {
        note(running, event_index);
    }
    switch (event.kind) {
        case EventKind::TaskStepBegin:
            stepping_task_ = event.subject;
            break;
        case EventKind::CallbackEnd:
            stepping_task_ = 0;
            break;
        case EventKind::CancelRequested:
            add_mark(event.subject, event_index, MarkKind::CancelRequested);
            add_link(event.object, event.subject, event_index, LinkKind::Cancel);
            break;
        case EventKind::CancelDelivered:
            add_mark(event.subject, event_index, MarkKind::CancelDelivered);
            break;
        case EventKind::TaskFailed:
            add_mark(event.subject, event_index, MarkKind::Failed);
            break;
        case EventKind::GatherChild:
        case EventKind::ShieldCreated:
            holds_[event.subject].push_back(event.object);
            break;
        case EventKind::TaskWaiting:
            note_await(event.subject, event.object, event_index);
            break;
        case EventKind::TaskReady:
            if (event.value == static_cast<std::int64_t>(trace::WakeReason::FutureDone)) {
                // Woken by a task finishing (the future is the task), else by whatever task's
                // callback completed the future or released the primitive; a timer or a
                // callback outside any task wakes it with no lane to draw from.
                const std::uint32_t waker = lane_index_.find(event.object) != trace::IdMap::kMissing
                                                ? event.object
                                                : stepping_task_;
                if (waker != event.subject) {
                    add_link(waker, event.subject, event_index, LinkKind::Wake);
                }
            }
            break;
        default:
            break;
    }
}

void TaskLanes::note(std::uint32_t task_id, std::uint32_t event_index) {
    const trace::State::Task* task = state_.task(task_id);
    if (task == nullptr) {
        return;
    }
    std::uint32_t at = lane_index_.find(task_id);
    if (at == trace::IdMap::kMissing) {
        at = static_cast<std::uint32_t>(lanes_.size());
        lane_index_.insert_or_assign(task_id, at);
        lanes_.push_back(Lane{task_id, event_index, {}, {}, {}});
    }
    Lane& lane = lanes_[at];
    if (lane.segments.empty() || lane.segments.back().status != task->status) {
        lane.segments.push_back(Segment{event_index, task->status});
    }
}

void TaskLanes::add_mark(std::uint32_t task, std::uint32_t event_index, MarkKind kind) {
    if (const std::uint32_t at = lane_index_.find(task); at != trace::IdMap::kMissing) {
        lanes_[at].marks.push_back(Mark{event_index, kind});
    }
}

void TaskLanes::add_link(std::uint32_t from_task, std::uint32_t to_task, std::uint32_t event_index,
                         LinkKind kind) {
    const std::uint32_t from = lane_index_.find(from_task);
    const std::uint32_t to = lane_index_.find(to_task);
    if (from == trace::IdMap::kMissing || to == trace::IdMap::kMissing || from == to) {
        return;
    }
    const auto index = static_cast<std::uint32_t>(links_.size());
    links_.push_back(Link{event_index, from, to, kind});
    lanes_[from].links.push_back(index);
    lanes_[to].links.push_back(index);
}

void TaskLanes::note_await(std::uint32_t waiter, std::uint32_t awaited, std::uint32_t event_index) {
    // Breadth-first through gathers and shields down to the tasks they hold.
    std::vector<std::uint32_t> frontier{awaited};
    for (int depth = 0; depth <= kMaxHoldDepth && !frontier.empty(); ++depth) {
        std::vector<std::uint32_t> next;
        for (const std::uint32_t id : frontier) {
            if (lane_index_.find(id) != trace::IdMap::kMissing) {
                add_link(waiter, id, event_index, LinkKind::Await);
            } else if (const auto held = holds_.find(id); held != holds_.end()) {
                next.insert(next.end(), held->second.begin(), held->second.end());
            }
        }
        frontier = std::move(next);
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

std::size_t TaskLanes::memory_bytes() const {
    std::size_t bytes = lanes_.capacity() * sizeof(Lane) + links_.capacity() * sizeof(Link);
    for (const Lane& lane : lanes_) {
        bytes += lane.segments.capacity() * sizeof(Segment) + lane.marks.capacity() * sizeof(Mark) +
                 lane.links.capacity() * sizeof(std::uint32_t);
    }
    return bytes;
}

}  // namespace loopscope::app
