// The scheduler against CPython 3.12: four asyncio workloads, each also written as a Python
// script in tests/bench/cpython/ that tests/bench/run times on CPython in the same run.
//
//   gather_sleep0.py     (a) create and gather 100,000 tasks that each sleep(0) once
//   queue_ping_pong.py   (b) 200,000 round trips through two queues
//   random_sleeps.py     (c) 100,000 tasks sleeping a random 0-100 ms
//   semaphore.py         (d) 100,000 tasks through Semaphore(10)
//
// (a), (c) and (d) gather the tasks they create, as the scripts do; (b) gathers its two
// coroutines. Each benchmark times run(scheduler, main()) on a fresh loop with the virtual
// clock (the default), five times, and publishes `seconds`, the median run, and
// `loop_thread_cpu_seconds`, the median CPU time of the thread running the loop (the trace's
// background coder works on another; on a loaded machine this is the steadier figure);
// constructing and destroying the loop (and with it the trace) is untimed. Recording is on
// unless the argument says 0.
// Memory per suspended task and per trace event: task_memory_bench.cpp.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "async/gather.h"
#include "async/run.h"
#include "async/sleep.h"
#include "latency.h"
#include "sync/queue.h"
#include "sync/semaphore.h"

namespace loopscope::bench {
namespace {

constexpr std::int64_t kTasks = 100'000;
constexpr Nanos kMaxSleep = milliseconds(100);

// What a run leaves besides its time: its trace and how many loop iterations it took.
struct Outcome {
    std::size_t events = 0;
    std::size_t trace_bytes = 0;
    std::uint32_t loop_iterations = 0;
};

// Runs `workload(scheduler, completed)` as asyncio.run would, `state.iterations()` times.
// The workload counts what it finished in `completed`; `expected` says how many it must.
template <class Workload>
void run_workload(benchmark::State& state, std::int64_t expected, Workload workload) {
    std::vector<double> run_seconds;
    std::vector<double> loop_thread_seconds;
    Outcome last;
    for (auto _ : state) {
        EventLoop loop;
        loop.recorder().set_enabled(state.range(0) != 0);
        Scheduler scheduler{loop};
        std::int64_t completed = 0;

        const std::int64_t start = monotonic_nanos();
        const std::int64_t start_cpu = thread_cpu_nanos();
        run(scheduler, workload(scheduler, completed));
        const std::int64_t finished_cpu = thread_cpu_nanos();
        const std::int64_t finished = monotonic_nanos();

        if (completed != expected || !scheduler.all_tasks().empty()) {
            state.SkipWithError("the workload did not finish all its work");
            return;
        }
        const double elapsed = static_cast<double>(finished - start) / 1e9;
        run_seconds.push_back(elapsed);
        loop_thread_seconds.push_back(static_cast<double>(finished_cpu - start_cpu) / 1e9);
        state.SetIterationTime(elapsed);
        last = {loop.recorder().size(), loop.recorder().events().capacity_bytes(),
                loop.iteration()};
    }
    // The median run: other processes on these two cores slow single runs down by up to half.
    std::sort(run_seconds.begin(), run_seconds.end());
    std::sort(loop_thread_seconds.begin(), loop_thread_seconds.end());
    state.counters["seconds"] = run_seconds[run_seconds.size() / 2];
    state.counters["loop_thread_cpu_seconds"] = loop_thread_seconds[run_seconds.size() / 2];
    state.counters["trace_events"] = static_cast<double>(last.events);
    state.counters["loop_iterations"] = last.loop_iterations;
    if (last.events > 0) {
        state.counters["trace_bytes_per_event"] =
            static_cast<double>(last.trace_bytes) / static_cast<double>(last.events);
    }
}

// Every workload runs with recording on and off, five times each.
void workload_arguments(benchmark::internal::Benchmark* benchmark) {
    benchmark->ArgName("recording")
        ->Arg(1)
        ->Arg(0)
        ->Iterations(5)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
}

// --- (a) create and gather 100,000 tasks that each sleep(0) once ----------------------------

Coro<void> sleep_zero_once(std::int64_t& completed) {
    co_await sleep(0);
    ++completed;
}

Coro<void> gather_sleep_zero(Scheduler& scheduler, std::int64_t& completed) {
    std::vector<Future<void>> tasks;
    tasks.reserve(kTasks);
    for (std::int64_t i = 0; i < kTasks; ++i) {
        tasks.push_back(create_task(scheduler, sleep_zero_once(completed), {}, "child"));
    }
    co_await gather(std::move(tasks));
}

void BM_GatherSleepZero(benchmark::State& state) {
    run_workload(state, kTasks, gather_sleep_zero);
}
BENCHMARK(BM_GatherSleepZero)->Apply(workload_arguments);

// --- (b) 200,000 ping-pong round trips through two queues ----------------------------------

constexpr std::int64_t kRoundTrips = 200'000;

// Puts a number on `ping` and waits for it to come back on `pong`: one round trip.
Coro<void> pinger(Queue<std::int64_t>& ping, Queue<std::int64_t>& pong, std::int64_t& completed) {
    for (std::int64_t i = 0; i < kRoundTrips; ++i) {
        co_await ping.put(i);
        if (co_await pong.get() == i) {
            ++completed;
        }
    }
}

Coro<void> ponger(Queue<std::int64_t>& ping, Queue<std::int64_t>& pong) {
    for (std::int64_t i = 0; i < kRoundTrips; ++i) {
        co_await pong.put(co_await ping.get());
    }
}

Coro<void> queue_ping_pong(Scheduler& scheduler, std::int64_t& completed) {
    Queue<std::int64_t> ping(scheduler);
    Queue<std::int64_t> pong(scheduler);
    co_await gather(scheduler, pinger(ping, pong, completed), ponger(ping, pong));
}

void BM_QueuePingPong(benchmark::State& state) {
    run_workload(state, kRoundTrips, queue_ping_pong);
}
BENCHMARK(BM_QueuePingPong)->Apply(workload_arguments);

// --- (c) 100,000 tasks sleeping a random 0-100 ms ------------------------------------------

std::vector<Nanos> random_delays() {
    std::mt19937_64 generator(20261121);
    std::uniform_int_distribution<Nanos> delay(0, kMaxSleep);
    std::vector<Nanos> delays(static_cast<std::size_t>(kTasks));
    for (Nanos& each : delays) {
        each = delay(generator);
    }
    return delays;
}

Coro<void> sleep_for(Nanos delay, std::int64_t& completed) {
    co_await sleep(delay);
    ++completed;
}

Coro<void> random_sleeps(Scheduler& scheduler, const std::vector<Nanos>& delays,
                         std::int64_t& completed) {
    std::vector<Future<void>> tasks;
    tasks.reserve(delays.size());
    for (const Nanos delay : delays) {
        tasks.push_back(create_task(scheduler, sleep_for(delay, completed), {}, "sleeper"));
    }
    co_await gather(std::move(tasks));
}

void BM_RandomSleeps(benchmark::State& state) {
    const std::vector<Nanos> delays = random_delays();
    run_workload(state, kTasks, [&delays](Scheduler& scheduler, std::int64_t& completed) {
        return random_sleeps(scheduler, delays, completed);
    });
}
BENCHMARK(BM_RandomSleeps)->Apply(workload_arguments);

// --- (d) 100,000 tasks through Semaphore(10) -----------------------------------------------

// `async with semaphore: await asyncio.sleep(0)`.
Coro<void> hold_semaphore_over_a_yield(Semaphore& semaphore, std::int64_t& completed) {
    co_await semaphore.acquire();
    co_await sleep(0);
    semaphore.release();
    ++completed;
}

Coro<void> semaphore_tasks(Scheduler& scheduler, std::int64_t& completed) {
    Semaphore semaphore(scheduler, 10);
    std::vector<Future<void>> tasks;
    tasks.reserve(kTasks);
    for (std::int64_t i = 0; i < kTasks; ++i) {
        tasks.push_back(create_task(scheduler, hold_semaphore_over_a_yield(semaphore, completed),
                                    {}, "worker"));
    }
    co_await gather(std::move(tasks));
}

void BM_SemaphoreTasks(benchmark::State& state) {
    run_workload(state, kTasks, semaphore_tasks);
}
BENCHMARK(BM_SemaphoreTasks)->Apply(workload_arguments);

}  // namespace
}  // namespace loopscope::bench

BENCHMARK_MAIN();
