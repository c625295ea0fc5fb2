// Memory: bytes per suspended task, and bytes per trace event.
//
// Bytes per suspended task is the growth of the heap (glibc's mallinfo2: bytes in use in the
// arenas plus mmapped blocks) from just before 100,000 tasks are created to when every one of
// them has run its first step and is suspended, divided by 100,000. Recording is off, so the
// trace does not count; everything else does: the task, its coroutine frame, what it awaits,
// the loop's callback and timer entries, the scheduler's table, growth of the loop's pooled
// tables (including their spare capacity). Two variants:
//   - on a sleep (the figure with the target): each task awaits sleep(1 s), so it also holds a
//     timer (a slot in the loop's handle table) and a timer heap entry;
//   - on a gate: every task awaits one shared, never-set Future<void>, which leaves the task
//     itself and its waiter entry on the gate.
// The task handles are kept in a vector reserved before the first measurement, so the handles
// themselves are not counted (a gather would keep its children the same way).
//
// Bytes per trace event: sizeof(trace::Event); the measured capacity_bytes()/size() of a big
// run's log is the `trace_bytes_per_event` counter of scheduler_bench.cpp's workloads.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdint>
#include <vector>

#include "async/run.h"
#include "async/sleep.h"

namespace loopscope::bench {
namespace {

constexpr std::int64_t kTasks = 100'000;

std::size_t heap_bytes_in_use() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

struct Measurement {
    std::size_t before = 0;
    std::size_t suspended = 0;
    bool all_waiting = true;
};

// Creates kTasks tasks running `child()`, lets each run its first step (they are created before
// main yields, so their first steps run in the next iteration ahead of main's), measures, then
// calls `release()` and awaits them all.
template <class Child, class Release>
Coro<void> create_and_suspend(Scheduler& scheduler, Measurement& measured, Child child,
                              Release release) {
    std::vector<Task<void>> tasks;
    tasks.reserve(kTasks);
    measured.before = heap_bytes_in_use();
    for (std::int64_t i = 0; i < kTasks; ++i) {
        tasks.push_back(create_task(scheduler, child(), {}, "child"));
    }
    co_await sleep(0);
    measured.suspended = heap_bytes_in_use();
    // Suspended: not done, and no step of theirs is queued.
    measured.all_waiting = scheduler.loop().ready_count() == 0;
    for (const Task<void>& task : tasks) {
        measured.all_waiting = measured.all_waiting && !task.done();
    }
    release();
    for (const Task<void>& task : tasks) {
        co_await task;
    }
}

void publish(benchmark::State& state, const Measurement& measured) {
    if (!measured.all_waiting) {
        state.SkipWithError("a task was not suspended when the heap was measured");
        return;
    }
    state.counters["bytes_per_task"] =
        (static_cast<double>(measured.suspended) - static_cast<double>(measured.before)) /
        static_cast<double>(kTasks);
}

Coro<void> sleep_one_second() {
    co_await sleep(seconds(1));
}

void BM_SuspendedTaskMemory_Sleep(benchmark::State& state) {
    Measurement measured;
    for (auto _ : state) {
        EventLoop loop;
        loop.recorder().set_enabled(false);
        Scheduler scheduler{loop};
        run(scheduler, create_and_suspend(scheduler, measured, sleep_one_second, [] {}));
    }
    publish(state, measured);
}
BENCHMARK(BM_SuspendedTaskMemory_Sleep)->Iterations(1)->Unit(benchmark::kMillisecond);

Coro<void> await_gate(Future<void> gate) {
    co_await gate;
}

void BM_SuspendedTaskMemory_Gate(benchmark::State& state) {
    Measurement measured;
    for (auto _ : state) {
        EventLoop loop;
        loop.recorder().set_enabled(false);
        Scheduler scheduler{loop};
        Future<void> gate(loop);
        run(scheduler, create_and_suspend(
                           scheduler, measured, [&gate] { return await_gate(gate); },
                           [&gate] { gate.set_result(); }));
    }
    publish(state, measured);
}
BENCHMARK(BM_SuspendedTaskMemory_Gate)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_TraceEventSize(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(sizeof(trace::Event));
    }
    state.counters["bytes_per_event"] = sizeof(trace::Event);
}
BENCHMARK(BM_TraceEventSize)->Iterations(1);

}  // namespace
}  // namespace loopscope::bench

BENCHMARK_MAIN();
