#pragma once

#include <string>
#include <string_view>

#include "trace/recorder.h"
#include "trace/state.h"

namespace loopscope::trace {

// "timer", "lock", ...: how the trace text names what a task waits on.
std::string_view await_kind_name(AwaitKind kind);

// The State as lines of text, names resolved through the Recorder that recorded the trace:
// for test failures, the CLI and bug reports.
//
//   after 25 events · iteration 2 · t=0.000000 s · running-ready (1 left in this iteration)
//   running: h2 'Task-2' (step of #2)
//   ready: h3 task-step #3 'Task-3' |
//   timers:
//   task #1 'Task-1' main(): waiting on task #2
//   task #2 'Task-2' child(): running
//   task #3 'Task-3' child(): ready
std::string describe(const State& state, const Recorder& recorder);

}  // namespace loopscope::trace
