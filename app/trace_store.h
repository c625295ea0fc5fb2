#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "task_lanes.h"
#include "trace/recorder.h"
#include "trace/state_index.h"
#include "trace_batch.h"

namespace loopscope::app {

// The GUI thread's copy of one run's trace, growing batch by batch: the events and strings
// (a Recorder of its own, so the core's StateIndex can seek in it), the index for seeking,
// and the digests the views and the player need without refolding (loop iterations, task
// steps, timer arming times, console lines, the timeline's lanes).
class TraceStore {
public:
    // One line of output. Writes without a newline wait for the rest of their line (print
    // may write its text and its end separately); the line belongs to the first write's event.
    struct ConsoleLine {
        std::size_t event = 0;  // the ScriptOutput event, so the console can seek there
        std::uint32_t task = 0;
        std::string text;    // without its newline
        bool error = false;  // stderr
    };

    TraceStore();

    // Forgets the run: the next batch starts a new trace with a new string table.
    void reset();
    void append(TraceBatch&& batch);

    // What a script wrote outside any traced loop (before its asyncio.run, after it, or with no
    // loop at all): console lines with no event of their own, placed at the event before them
    // (0 when there is none). `stream`: 1 stdout, 2 stderr. Written after `after_events` events
    // of the run (at most size()): the line belongs to the last of them.
    void add_untraced_output(std::size_t after_events, int stream, std::string_view text);
    // everything add_untraced_output was given, in order (a recording keeps it).
    struct UntracedOutput {
        std::size_t after_events = 0;
        int stream = 1;
        std::string text;
    };
    const std::vector<UntracedOutput>& untraced_output() const { return untraced_; }

    std::size_t size() const { return recorder_->size(); }
    trace::Event event(std::size_t index) const { return recorder_->events()[index]; }
    std::string_view text(trace::Label label) const { return recorder_->text(label); }
    const trace::Recorder& recorder() const { return *recorder_; }
    const trace::StateIndex& index() const { return *index_; }
    // The state after `applied` events (0: before the first).
    void seek(std::size_t applied, trace::State& state) const;

    // Event indices of every IterationBegin, in order.
    const std::vector<std::size_t>& iteration_starts() const { return iteration_starts_; }
    // Event indices of every TaskStepEnd, in order: where one send() into a coroutine is over.
    const std::vector<std::size_t>& step_ends() const { return step_ends_; }
    // Complete lines, then the unfinished one (if any) last.
    const std::vector<ConsoleLine>& console() const { return console_; }
    // The line the task's coroutine stood at after `applied` events (its last TaskLine before
    // them), 0 if none.
    int line_of(std::uint32_t task, std::size_t applied) const;
    const TaskLanes& lanes() const { return lanes_; }
    // When the timer with this handle was armed (for a countdown's full length).
    std::optional<Nanos> timer_armed_at(std::uint32_t handle) const;
    // The last event's time (0 for an empty trace).
    Nanos end_time() const { return size() == 0 ? 0 : event(size() - 1).time; }
    // The index of the first event at or after loop time `time` (size() if none).
    std::size_t first_event_at(Nanos time) const;

private:
    void digest(std::size_t index, const trace::Event& event);
    void add_output(std::size_t index, const trace::Event& event);
    void add_output_text(std::size_t index, std::uint32_t task, bool error, std::string_view text);

    std::unique_ptr<trace::Recorder> recorder_;
    std::unique_ptr<trace::StateIndex> index_;
    std::vector<std::size_t> iteration_starts_;
    std::vector<std::size_t> step_ends_;
    std::vector<ConsoleLine> console_;
    bool console_line_open_[2] = {false, false};  // stdout, stderr: console_ ends unfinished
    std::size_t open_line_[2] = {0, 0};           // where in console_ each unfinished line is
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::size_t, int>>> task_lines_;
    std::unordered_map<std::uint32_t, Nanos> timer_armed_at_;
    TaskLanes lanes_;
    std::vector<UntracedOutput> untraced_;  // for recordings
};

}  // namespace loopscope::app
