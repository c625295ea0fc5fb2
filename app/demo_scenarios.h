#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace loopscope {
class EventLoop;
class Scheduler;
}  // namespace loopscope

namespace loopscope::app {

// A scenario written in C++ over core/async and core/sync, standing in for a learner's script
// until the interpreter runs .py files. Each one is the C++ twin of the Python shown next to
// it, so the trace is the one that Python would produce.
struct DemoScenario {
    std::string_view id;      // for --scenario and the scenario menu
    std::string_view title;   // what a learner reads in the menu
    std::string_view python;  // the asyncio program it mirrors, for the code pane
    // Runs the scenario to its end on `scheduler`'s loop (the caller owns both).
    std::function<void(Scheduler& scheduler)> run;
};

// Every built-in scenario, in menu order.
std::span<const DemoScenario> demo_scenarios();
// The scenario called `id`, or null.
const DemoScenario* find_demo_scenario(std::string_view id);

// print() for a C++ scenario: what the Python's print would write, recorded as ScriptOutput of
// the running task so the console can show it at its place in the trace.
void print_line(Scheduler& scheduler, std::string_view text);

// Where the running task's coroutine is about to suspend, as a TaskLine event (the line of the
// scenario's Python), so the code pane can mark it. Call it just before each co_await.
void at_line(Scheduler& scheduler, int line);

}  // namespace loopscope::app
