#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "lesson/checkpoint.h"
#include "trace/recorder.h"

namespace loopscope::lesson {

// What a trace says about one checkpoint.
struct TraceAnswer {
    bool decided = false;
    std::string answer;  // when decided: in the same form as a checkpoint's `answer:`
    std::string reason;  // when not: why (the pause never happens, no such task...)
    // Where playback pauses: how many events come before the pause point (the stage shows the
    // fold of events [0, pause_events)). Meaningful once the pause was found.
    std::size_t pause_events = 0;
};

// How many events of the trace come before the checkpoint's pause point, or nullopt if the
// run never reaches it. `source_file` names the lesson for `pause: line` (task-line events
// are matched on its file name; empty matches any file).
std::optional<std::size_t> find_pause(const Pause& pause, const trace::Recorder& recorder,
                                      std::string_view source_file = {});

// Decides the checkpoint's answer from a recorded run (lessons/README.md defines each check
// in terms of trace events).
TraceAnswer decide_answer(const Checkpoint& checkpoint, const trace::Recorder& recorder,
                          std::string_view source_file = {});

// Whether the learner's (or the author's) answer is the one the trace decided.
bool is_correct(const Checkpoint& checkpoint, const TraceAnswer& decided, std::string_view given);

}  // namespace loopscope::lesson
