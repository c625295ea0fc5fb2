#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "trace/event.h"
#include "trace/id_map.h"
#include "trace/state.h"

namespace loopscope::app {

// One lane per task for the timeline: the task's status over the trace, as sorted segments.
// Each segment starts where the task's status changed and lasts until the next one starts (the
// last one until the end of the trace). Built incrementally as events arrive, by folding a
// State of its own and noting every status change of the tasks an event names.
//
// Beside the segments: marks (a cancel requested, CancelledError delivered, an exception) and
// links between two lanes at one event (a task awaiting another, a task's step waking another,
// a task cancelling another), so the timeline can draw the causes, not only the states.
class TaskLanes {
public:
    // Event indices are 32-bit: a run stops at Engine::kEventLimit (2M) events. Times are not
    // stored: the event's own time is one lookup away (TraceStore::event), and leaving them out
    // keeps a lane at 8 bytes a status change (docs/PERFORMANCE.md, trace bytes per event).
    struct Segment {
        std::uint32_t begin_event = 0;  // the event that put the task in `status`
        trace::TaskStatus status = trace::TaskStatus::Created;
    };
    enum class MarkKind : std::uint8_t {
        CancelRequested,  // cancel() reached the task (CancelRequested)
        CancelDelivered,  // CancelledError was thrown into it (CancelDelivered)
        Failed,           // it ended with an exception (TaskFailed)
    };
    // A moment worth a mark on the lane.
    struct Mark {
        std::uint32_t event = 0;
        MarkKind kind = MarkKind::CancelRequested;
    };
    enum class LinkKind : std::uint8_t {
        Await,   // `from` started waiting on `to` (a task, or a gather/shield holding it)
        Wake,    // `from`'s step (or its end) made `to` ready
        Cancel,  // `from` called cancel() on `to`
    };
    // A cause between two lanes at one event; `from` and `to` are lane indices.
    struct Link {
        std::uint32_t event = 0;
        std::uint32_t from = 0;
        std::uint32_t to = 0;
        LinkKind kind = LinkKind::Await;
    };
    struct Lane {
        std::uint32_t task = 0;
        std::size_t created_event = 0;
        std::vector<Segment> segments;     // sorted by begin_event
        std::vector<Mark> marks;           // sorted by event
        std::vector<std::uint32_t> links;  // indices into links() that start or end here, sorted
    };

    void clear();
    // Folds the event at index `event_index` (events must come in order, each once).
    void add(std::size_t event_index, const trace::Event& event);

    // Lanes in task creation order.
    const std::vector<Lane>& lanes() const { return lanes_; }
    // Every link, sorted by event.
    const std::vector<Link>& links() const { return links_; }
    // The index of the first segment of `lane` that is still going at `event_index` or starts
    // after it (binary search): where drawing a visible range starts.
    static std::size_t segment_at(const Lane& lane, std::size_t event_index);
    // The fold of every event added so far.
    const trace::State& state() const { return state_; }
    // What the lanes hold on the heap, in bytes (capacities), for the memory figures.
    std::size_t memory_bytes() const;

private:
    void note(std::uint32_t task, std::uint32_t event_index);
    void add_mark(std::uint32_t task, std::uint32_t event_index, MarkKind kind);
    void add_link(std::uint32_t from_task, std::uint32_t to_task, std::uint32_t event_index,
                  LinkKind kind);
    void note_await(std::uint32_t waiter, std::uint32_t awaited, std::uint32_t event_index);

    trace::State state_;
    std::vector<Lane> lanes_;
    std::vector<Link> links_;
    trace::IdMap lane_index_;
    // The futures that stand for tasks: a gather's outer future -> its children, a shield's
    // outer future -> its inner one.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> holds_;
    // The task whose callback is running (from its step's begin to the callback's end): what a
    // future completed after the step itself ended still belongs to it.
    std::uint32_t stepping_task_ = 0;
};

}  // namespace loopscope::app
