#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

// Stops a fuzzed script that runs too long in real time, the way the app's Stop button does:
// by setting the Runtime's stop flag, which the VM polls between instructions. The instruction
// budget bounds the script's own work; this bounds the native operations between them.
namespace loopscope::fuzz {

// Watches from construction to destruction, one run at a time. The watching thread is made
// once per process: starting and joining one per input cost more than a short input's run
// on a loaded machine.
class RunWatchdog {
public:
    // Sets `stop` once `wall_time` has passed, unless destroyed before.
    RunWatchdog(std::atomic<bool>& stop, std::chrono::milliseconds wall_time);
    ~RunWatchdog();
    RunWatchdog(const RunWatchdog&) = delete;
    RunWatchdog& operator=(const RunWatchdog&) = delete;
};

}  // namespace loopscope::fuzz
