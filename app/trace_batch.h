#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "trace/event.h"
#include "trace/event_fields.h"

namespace loopscope::trace {
class Recorder;
}

namespace loopscope::app {

// Events and the strings they name, moved from the engine's worker thread to the GUI thread
// in one piece. Labels in `events` are the stream's own: `strings` continue the stream's string
// table where the previous batch left it, so the receiver interns them in order and every
// label means the same on both sides.
struct TraceBatch {
    std::vector<trace::Event> events;
    std::vector<std::string> strings;

    bool empty() const { return events.empty() && strings.empty(); }
    void append(TraceBatch&& more);
};

// Takes the events a Recorder records, batch by batch, translating their labels into one
// string table of its own. Several recorders may feed one stream in turn (a script that calls
// asyncio.run twice makes two loops, each with its own table); each string travels once, with
// the first event that names it.
class TraceStreamer {
public:
    static constexpr std::size_t kAll = std::numeric_limits<std::size_t>::max();

    // Moves the events `recorder` recorded since the last take (at most `max_events`) into
    // `batch`, with the strings they name that were not sent before.
    void take(const trace::Recorder& recorder, TraceBatch& batch, std::size_t max_events = kAll);
    // The same, then clears the recorder's log: a run whose recorder nobody else reads need
    // not hold the trace twice.
    void take_and_clear(trace::Recorder& recorder, TraceBatch& batch);

    std::size_t strings_sent() const { return texts_.size(); }

    // What comes next is another trace (another asyncio.run's loop, numbering its objects and
    // iterations from 1 and its time from 0): its events are moved to after everything taken
    // so far (trace::continue_event), so that one stream holds both runs without clashes.
    void continue_with_next_trace();

private:
    void follow(const trace::Recorder& recorder);
    trace::Label translate(const trace::Recorder& recorder, trace::Label label, TraceBatch& batch);

    const trace::Recorder* recorder_ = nullptr;
    std::uint64_t generation_ = 0;
    std::size_t next_event_ = 0;           // of the recorder's log, the first not taken yet
    std::vector<trace::Label> label_map_;  // the recorder's label -> the stream's (0: not yet)
    std::unordered_map<std::string, trace::Label> texts_;  // the stream's table, label 0 aside
    trace::TraceContinuation continuation_;                // applied to every event taken
    trace::TraceContinuation taken_;  // the largest id, iteration and time taken so far
};

// Which field of an event of this kind holds a label (TRACE.md): 0 none, 1 `object`, 2 `value`.
int label_field(trace::EventKind kind);
// The label an event names (0 if none).
trace::Label label_of(const trace::Event& event);

}  // namespace loopscope::app
