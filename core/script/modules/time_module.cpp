// The time module: sleep blocks the loop (the trace shows it), and every clock reads the loop's.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "script/modules/asyncio_state.h"
#include "script/modules/running_executor_job.h"
#include "script/objects/errors.h"
#include "script/objects/module.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"

namespace loopscope::script {

namespace {

// Seconds since the epoch when the first clock was read: time.time() is this plus loop time,
// so a virtual run reads a plausible wall clock that moves only with virtual time.
double epoch_at_start() {
    static const double epoch =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    return epoch;
}

Nanos real_monotonic() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Monotonic time as the script sees it.
Nanos script_now(Runtime& rt) {
    AsyncioState& state = asyncio_state(rt);
    if (state.loop != nullptr) {
        // now(), not peek(): like loop.time(), each read moves the virtual clock 1 ns on.
        return state.time_base + state.loop->clock().now();
    }
    if (state.options.clock == ClockKind::Real) {
        static const Nanos start = real_monotonic();
        return state.time_base + (real_monotonic() - start);
    }
    // The virtual clock outside any run: it moves 1 ns per read (as the loop's virtual clock
    // does), so two reads around time.sleep(d) are at least d apart, as on a real clock.
    return ++state.time_base;
}

// What the stage's TIMERS row calls the loop timer of a thread's time.sleep(): the job the
// thread runs, as its THREADS row names it, and the call as the script wrote it, like a task's
// "Task-2's sleep" beside it: "compress_archive's time.sleep(2)". The timer has no task
// waiting on it, so without this nothing would say what it is.
std::string virtual_sleep_label(Runtime& rt, const Value& seconds) {
    const std::string_view job = RunningExecutorJob::label();
    const std::string owner = job.empty() ? std::string("worker thread") : std::string(job);
    return owner + "'s time.sleep(" + repr(rt, seconds) + ")";
}

// time.sleep() in an executor thread on the virtual clock: the thread waits for a timer of the
// loop, so virtual time decides when it wakes, as real time would in CPython. While every
// Python job sleeps so, the loop may jump to its next timer (ScriptLoopClock).
void sleep_on_virtual_clock(AsyncioState& state, Nanos duration, std::string label) {
    auto wake = std::make_shared<VirtualSleeper>();
    {
        std::lock_guard guard(state.sleepers_mutex);
        if (state.sleepers_released) {
            return;  // a job still queued when its run ended (AsyncioState::sleepers_released)
        }
        std::erase_if(state.sleepers, [](const auto& weak) { return weak.expired(); });
        state.sleepers.push_back(wake);
    }
    EventLoop* loop = state.loop;
    const Nanos deadline = loop->clock().peek() + duration;
    std::atomic<int>* sleeping = &state.python_jobs_sleeping;
    ++*sleeping;
    // The label is interned on the loop thread: the trace's string table is the loop's.
    loop->call_soon_threadsafe([loop, deadline, wake, sleeping, label = std::move(label)] {
        loop->call_at(
            deadline,
            [wake, sleeping] {
                --*sleeping;  // running again from now on: the loop must wait for it
                wake->wake();
            },
            loop->recorder().intern(label));
    });
    InterpreterLock::Release release(state.lock);
    std::unique_lock guard(wake->mutex);
    wake->woken.wait(guard, [&] { return wake->done; });
}

Value sleep(Runtime& rt, const CallArgs& args) {
    expect_exactly(rt, args, "sleep", 1);
    const double seconds = to_double(rt, args[0]);
    if (seconds < 0) {
        raise_error(rt, rt.types().ValueError, "sleep length must be non-negative");
    }
    const Nanos duration = seconds_to_nanos(seconds);
    AsyncioState& state = asyncio_state(rt);
    if (state.loop != nullptr && std::this_thread::get_id() == state.loop_thread) {
        // On the loop thread: the whole loop stalls, and the trace says so (LoopBlocked).
        state.loop->block(duration);
        return Value();
    }
    if (state.loop == nullptr && state.options.clock == ClockKind::Virtual) {
        state.time_base += duration;
        return Value();
    }
    if (state.loop != nullptr && state.options.clock == ClockKind::Virtual) {
        sleep_on_virtual_clock(state, duration, virtual_sleep_label(rt, args[0]));
        return Value();
    }
    // An executor thread (to_thread), or a real clock outside any run: really sleep, letting
    // other threads run Python meanwhile.
    const double speed = state.options.clock == ClockKind::Real && state.loop != nullptr
                             ? std::max(state.options.speed, 0.1)
                             : 1.0;
    InterpreterLock::Release release(state.lock);
    std::this_thread::sleep_for(
        std::chrono::nanoseconds(static_cast<Nanos>(static_cast<double>(duration) / speed)));
    return Value();
}

double seconds_of(Nanos nanos) {
    return nanos_to_seconds(nanos);
}

}  // namespace

Value make_time_module(Runtime& rt) {
    Ref<ModuleObject> module = make_module(rt, "time");
    auto& dict = module->dict;
    dict.set("sleep", make_native_function(rt, "sleep", sleep));
    dict.set("time", make_native_function(rt, "time", [](Runtime& r, const CallArgs& a) {
                 expect_exactly(r, a, "time", 0);
                 return Value::floating(epoch_at_start() + seconds_of(script_now(r)));
             }));
    dict.set("time_ns", make_native_function(rt, "time_ns", [](Runtime& r, const CallArgs& a) {
                 expect_exactly(r, a, "time_ns", 0);
                 return Value::integer(static_cast<std::int64_t>(epoch_at_start() * 1e9) +
                                       script_now(r));
             }));
    for (const char* name : {"monotonic", "perf_counter", "process_time", "thread_time"}) {
        dict.set(name, make_native_function(rt, name, [](Runtime& r, const CallArgs& a) {
                     expect_exactly(r, a, "monotonic", 0);
                     return Value::floating(seconds_of(script_now(r)));
                 }));
    }
    for (const char* name : {"monotonic_ns", "perf_counter_ns"}) {
        dict.set(name, make_native_function(rt, name, [](Runtime& r, const CallArgs& a) {
                     expect_exactly(r, a, "monotonic_ns", 0);
                     return Value::integer(script_now(r));
                 }));
    }
    return Value(module);
}

}  // namespace loopscope::script
