#pragma once

#include <cstdint>

namespace loopscope::script {

// The limits loopscope-run and the app apply when the user sets none, so that a runaway script
// (an infinite loop, ten million tasks, a list that grows forever) ends with a message naming
// the limit instead of hanging or eating the machine's memory. CPython has no such limits; a
// script that hits one would hang or be killed there. docs/LIMITS.md lists them all.
struct DefaultLimits {
    // Two to twenty seconds of work (the VM runs 100 million to a billion instructions a
    // second): long enough that the app's Stop button is what ends a runaway the learner
    // watches, short enough that loopscope-run never hangs. The longest lesson needs a
    // thousandth of it.
    static constexpr std::int64_t kInstructions = 2'000'000'000;
    // The lessons create at most a few hundred tasks, the benchmarks 100,000; a million tasks
    // take about 1 GB.
    static constexpr std::int64_t kTasks = 1'000'000;
    // loopscope-run's address-space budget for the script's objects and the trace, above what
    // a million tasks need, so that ten million tasks meet the task limit first (the app shares
    // its process with Qt and has no memory limit: its trace stops at kEventLimit).
    static constexpr std::int64_t kMemoryMegabytes = 2048;
    // Events one asyncio.run may record (loopscope-run; the app stops at its own 2 million): a
    // loop that runs callbacks or sleep(0) steps forever runs few instructions a step, so the
    // instruction budget would take minutes to stop it, and its trace (1 to 4 bytes an event)
    // grows too slowly for the memory limit. 20 million is a few seconds of such a loop; the
    // largest benchmark records 8 million.
    static constexpr std::int64_t kTraceEvents = 20'000'000;
    // CPython's own default (sys.getrecursionlimit()).
    static constexpr int kRecursion = 1000;
};

}  // namespace loopscope::script
