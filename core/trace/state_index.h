#pragma once

#include <cstddef>
#include <vector>

#include "trace/recorder.h"
#include "trace/state.h"

namespace loopscope::trace {

// Random access to the State as of any event of a growing trace: a playhead seek.
//
// The index folds the trace once, as it arrives (`update`), and keeps a copy of the State
// every so many events (a checkpoint). `at(i)` starts from the last checkpoint at or before
// event i and folds the events after it, so a seek costs one State copy plus at most one
// checkpoint interval of folding, wherever i is.
//
// Checkpoint spacing adapts to the State's size so that memory stays bounded: a checkpoint
// is taken once at least `min_spacing` events have passed since the last one and the State
// is no larger than `checkpoint_bytes_per_event` times those events, or once `max_spacing`
// events have passed whatever its size. So checkpoints hold at most
// max(checkpoint_bytes_per_event, State bytes / max_spacing) bytes per event of the trace,
// a small State is checkpointed every `min_spacing` events, and no seek folds more than
// `max_spacing` events. Folding runs at ~20 ns an event, half of it decoding the compact log
// (release build, 2,000 tasks), so the defaults bound a seek's fold at ~2.6 ms even for a
// State of many megabytes; with the ~280 KB State of 2,000 tasks, checkpoints come every
// ~17,000 events (15 MB per million, where the log itself takes ~8).
//
// Not thread-safe: update() reads the Recorder's log, so call it on the thread that appends
// to it (or while nothing does); at() and seek() must not run concurrently with update().
class StateIndex {
public:
    struct Options {
        std::size_t min_spacing = 4096;
        std::size_t max_spacing = std::size_t{1} << 17;
        std::size_t checkpoint_bytes_per_event = 16;
    };

    explicit StateIndex(const Recorder& recorder) : StateIndex(recorder, Options{}) {}
    StateIndex(const Recorder& recorder, Options options);

    // Folds the events recorded since the last call. If the Recorder was cleared (a re-run),
    // the index starts over.
    void update();

    // Events indexed so far; at() accepts indices below this.
    std::size_t size() const { return latest_.applied(); }
    // The state after event `event_index` (events 0..event_index folded).
    // Throws std::out_of_range past size().
    State at(std::size_t event_index) const;
    // The same into `state`, reusing its storage. If `state` already holds an earlier point
    // of this trace at or after the nearest checkpoint (stepping or playing forward), it is
    // folded forward from there instead of copied from the checkpoint.
    void seek(std::size_t event_index, State& state) const;
    // The state after every indexed event.
    const State& latest() const { return latest_; }

    std::size_t checkpoint_count() const { return checkpoints_.size(); }
    // How many events the i-th checkpoint's State has folded.
    std::size_t checkpoint_position(std::size_t i) const { return checkpoints_[i].applied(); }
    const Options& options() const { return options_; }
    // Heap bytes held by the checkpoints and the latest state.
    std::size_t memory_bytes() const;

private:
    const State& checkpoint_before(std::size_t applied) const;
    void fold(State& state, std::size_t until) const;

    const Recorder* recorder_;
    std::uint64_t generation_;  // of the Recorder's log that latest_ and checkpoints_ fold
    Options options_;
    State latest_;
    std::vector<State> checkpoints_;  // by position; the empty State before event 0 is implicit
    State empty_;
};

}  // namespace loopscope::trace
