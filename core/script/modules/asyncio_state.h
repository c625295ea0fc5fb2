#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "async/scheduler.h"
#include "async/task_core.h"
#include "loop/clock.h"
#include "loop/event_loop.h"
#include "script/modules/interpreter_lock.h"
#include "script/objects/object.h"
#include "script/objects/runtime.h"
#include "script/objects/type_object.h"

namespace loopscope::script {

struct FutureObject;

// An executor thread in time.sleep() on the virtual clock, waiting for a loop timer.
struct VirtualSleeper {
    std::mutex mutex;
    std::condition_variable woken;
    bool done = false;
    void wake() {
        {
            std::lock_guard guard(mutex);
            done = true;
        }
        woken.notify_one();
    }
};

// How asyncio.run builds its loop; set by whoever runs the script (loopscope-run, the app)
// before the script starts.
struct AsyncioOptions {
    ClockKind clock = ClockKind::Virtual;
    double speed = 1.0;                          // real clock only, clamped to [0.1, 10]
    std::vector<std::string> argv{"script.py"};  // sys.argv
};

// Hooks for the runner: the CLI exports each run's trace, the app shows it live.
struct AsyncioObserver {
    // The loop of a new asyncio.run, before the main task is created.
    std::function<void(EventLoop&)> run_started;
    // After each iteration (run_once) of asyncio.run's loop, on its thread. Returning true stops
    // the script: Runtime::stop_requested is set and asyncio.run raises KeyboardInterrupt.
    std::function<bool(EventLoop&)> iteration_done;
    // Wraps the virtual or real clock of each new loop (the app's PollHookClock); the script
    // layer's own wrapper (script_loop_clock.h) goes around the result.
    std::function<std::unique_ptr<Clock>(std::unique_ptr<Clock>)> wrap_clock;
    // After the main task and the leftovers are done (or the run was cut short), before the
    // loop is destroyed: its recorder holds the whole trace. `run` counts from 1.
    std::function<void(EventLoop&, int run)> run_finished;
};

// The asyncio module's per-Runtime state (Runtime::asyncio_state): options, the running loop,
// the native types, and the Python Task object of every unfinished task.
struct AsyncioState {
    AsyncioOptions options;
    AsyncioObserver observer;
    InterpreterLock lock;

    // The loop and scheduler of the asyncio.run in progress, or null.
    EventLoop* loop = nullptr;
    Scheduler* scheduler = nullptr;
    std::thread::id loop_thread;
    int runs = 0;
    bool debug = false;
    // A debug run's "FILE:LINE" of each Future and Task made in it (note_creation_site), and
    // the step that held the loop 0.1 s or more, reported when it has ended (task_host.cpp).
    std::unordered_map<const FutureObject*, std::string> creation_sites;
    struct SlowStep {
        Value task;
        Nanos took = 0;
    };
    std::optional<SlowStep> slow_step;
    // Output written for a task between its steps (debug mode's report of its slow step):
    // traced as that task's, as the step's own output is.
    const TaskCore* output_for = nullptr;
    Value loop_object;  // what get_running_loop() returns during this run
    Value idle_loop;    // get_event_loop() outside asyncio.run: made once, as by CPython's policy
    std::int64_t tasks_created = 0;  // for Runtime::Limits::tasks
    // The N of Task-N, for the whole Runtime as CPython's counter is for the process.
    std::uint64_t task_name_counter = 0;

    // Executor jobs running Python (to_thread, run_in_executor) not finished yet, and how many
    // of them are in a time.sleep() on the virtual clock: while every one of them sleeps, the
    // loop may move virtual time on (script_loop_clock.h).
    std::atomic<int> python_jobs{0};
    std::atomic<int> python_jobs_sleeping{0};
    // Woken when the run ends, so that the executor can finish them.
    std::mutex sleepers_mutex;
    std::vector<std::weak_ptr<VirtualSleeper>> sleepers;
    // Set (under sleepers_mutex) while the ending run's executor finishes its jobs: a queued job
    // that sleeps then would wait for a timer of a loop that no longer runs, so it does not wait.
    bool sleepers_released = false;

    // time.monotonic() across runs: the loop time of every finished run, plus time.sleep()
    // outside any run on the virtual clock. Keeps the clock going forward from run to run.
    Nanos time_base = 0;

    // A SystemExit or KeyboardInterrupt raised in a task: asyncio.run re-raises it at once,
    // as CPython's loop lets these escape run_forever.
    std::optional<Value> escaping;
    // The first vm::InstructionLimitExceeded or vm::ScriptStopped thrown inside the loop: it ends
    // the whole script, not one task, so asyncio.run rethrows it unchanged once the step ends.
    std::exception_ptr aborting;
    // Compiled once: the coroutine of the tasks that close abandoned async generators
    // (asyncio_run.cpp, aclose_helper).
    Value aclose_helper;

    // Native types, made when the module is first imported.
    struct Types {
        Ref<TypeObject> Future, Task, Sleep, Operation, Timeout, TaskGroup, Lock, Event, Condition,
            Semaphore, BoundedSemaphore, Queue, LifoQueue, PriorityQueue, EventLoop, Handle,
            TimerHandle, AsCompleted;
        Ref<TypeObject> CancelledError, InvalidStateError, QueueEmpty, QueueFull;
    } types;
};

// Records what the script wrote (print, sys.stdout.write) as a ScriptOutput event of the running
// loop, so the console can seek to it; nothing outside asyncio.run. `stream`: 1 stdout, 2
// stderr. Any thread (executor jobs print too).
void record_script_output(Runtime& rt, int stream, std::string_view text);

// Makes the state of `rt` (on first use).
AsyncioState& make_asyncio_state(Runtime& rt);

// The state of `rt`, made on first use. Inline: a task's every step asks for it.
inline AsyncioState& asyncio_state(Runtime& rt) {
    if (rt.asyncio_state != nullptr) [[likely]] {
        return *static_cast<AsyncioState*>(rt.asyncio_state);
    }
    return make_asyncio_state(rt);
}

// The running loop's scheduler; RuntimeError "no running event loop" outside asyncio.run.
Scheduler& running_scheduler(Runtime& rt);

}  // namespace loopscope::script
