// Seeking the playhead: the State as of a random event of a million-event trace.
//
// The trace comes from a real run, not synthetic events: 2,000 tasks each sleep 1–100 ms (fixed
// seed) in a loop until the trace holds a million events, so at any point ~2,000 tasks and
// ~2,000 armed timers make up the state. The run is recorded once per process, untimed.
//
//   BM_StateIndexBuild  folding the whole trace into a StateIndex (what update() costs as
//                       events arrive), with its checkpoints' memory.
//   BM_StateSeek        at(i) for 2,000 random i (fixed seed): a fresh State each time, as a
//                       seek from the timeline would get it. p50 / p99 / max.
//   BM_StateSeekReused  the same seeks into one State the caller keeps (StateIndex::seek).
//   BM_StateSeekWorst   at(i) just before every checkpoint: the longest replay there is.
// `bytes_per_event` is StateIndex::Options::checkpoint_bytes_per_event, the checkpoint memory
// budget that sets the spacing; 16 is the default.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "latency.h"
#include "trace/state_index.h"

namespace loopscope::bench {
namespace {

constexpr std::size_t kEvents = 1'000'000;
constexpr int kTasks = 2000;
constexpr int kSeeks = 2000;

Coro<void> sleep_until_the_trace_is_full(EventLoop& loop, std::mt19937& random) {
    while (loop.recorder().size() < kEvents) {
        co_await sleep(milliseconds(1 + static_cast<std::int64_t>(random() % 100)));
    }
}

Coro<void> sleepers(Scheduler& scheduler, std::mt19937& random) {
    std::vector<Task<void>> tasks;
    tasks.reserve(kTasks);
    for (int i = 0; i < kTasks; ++i) {
        tasks.push_back(create_task(
            scheduler, sleep_until_the_trace_is_full(scheduler.loop(), random), {}, "sleeper"));
    }
    for (Task<void>& task : tasks) {
        co_await task;
    }
}

// The recorded run, shared by every benchmark of the process.
struct MillionEventTrace {
    EventLoop loop;
    Scheduler scheduler{loop};

    MillionEventTrace() {
        std::mt19937 random(20261121);
        run(scheduler, sleepers(scheduler, random));
    }
    const trace::Recorder& recorder() { return loop.recorder(); }

    static MillionEventTrace& get() {
        static MillionEventTrace trace;
        return trace;
    }
};

trace::StateIndex::Options options_for(const benchmark::State& state) {
    return {.min_spacing = 4096,
            .checkpoint_bytes_per_event = static_cast<std::size_t>(state.range(0))};
}

void report_index(benchmark::State& state, const trace::StateIndex& index) {
    state.counters["events"] = static_cast<double>(index.size());
    state.counters["checkpoints"] = static_cast<double>(index.checkpoint_count());
    state.counters["mean_spacing"] =
        static_cast<double>(index.size()) / static_cast<double>(index.checkpoint_count() + 1);
    state.counters["index_mb"] = static_cast<double>(index.memory_bytes()) / 1e6;
    state.counters["state_kb"] = static_cast<double>(index.latest().memory_bytes()) / 1e3;
}

void BM_StateIndexBuild(benchmark::State& state) {
    MillionEventTrace& trace = MillionEventTrace::get();
    std::unique_ptr<trace::StateIndex> index;
    for (auto _ : state) {
        index = std::make_unique<trace::StateIndex>(trace.recorder(), options_for(state));
        index->update();
        benchmark::DoNotOptimize(index->size());
    }
    report_index(state, *index);
    state.counters["trace_mb"] =
        static_cast<double>(trace.recorder().events().capacity_bytes()) / 1e6;
    state.counters["events_per_second"] = benchmark::Counter(
        static_cast<double>(index->size()) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StateIndexBuild)
    ->ArgName("bytes_per_event")
    ->Arg(16)
    ->Arg(2)
    ->Arg(32)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

void BM_StateSeek(benchmark::State& state) {
    MillionEventTrace& trace = MillionEventTrace::get();
    trace::StateIndex index(trace.recorder(), options_for(state));
    index.update();
    std::mt19937_64 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, index.size() - 1);
    LatencySample sample(kSeeks);
    for (auto _ : state) {
        for (int i = 0; i < kSeeks; ++i) {
            const std::size_t event = pick(random);
            const std::int64_t start = monotonic_nanos();
            trace::State seeked = index.at(event);
            benchmark::DoNotOptimize(seeked.tasks().data());
            sample.add(monotonic_nanos() - start);
            if (seeked.applied() != event + 1) {
                state.SkipWithError("seek landed elsewhere");
            }
        }
    }
    sample.report(state, "seek");
    report_index(state, index);
}
BENCHMARK(BM_StateSeek)
    ->ArgName("bytes_per_event")
    ->Arg(16)
    ->Arg(2)
    ->Arg(32)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// The same seeks into one State kept by the caller (StateIndex::seek), as a playhead model
// would hold it: its vectors are reused instead of allocated for every seek.
void BM_StateSeekReused(benchmark::State& state) {
    MillionEventTrace& trace = MillionEventTrace::get();
    trace::StateIndex index(trace.recorder(), options_for(state));
    index.update();
    std::mt19937_64 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, index.size() - 1);
    LatencySample sample(kSeeks);
    trace::State seeked;
    for (auto _ : state) {
        for (int i = 0; i < kSeeks; ++i) {
            const std::size_t event = pick(random);
            const std::int64_t start = monotonic_nanos();
            index.seek(event, seeked);
            benchmark::DoNotOptimize(seeked.tasks().data());
            sample.add(monotonic_nanos() - start);
        }
    }
    sample.report(state, "seek");
}
BENCHMARK(BM_StateSeekReused)
    ->ArgName("bytes_per_event")
    ->Arg(16)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

void BM_StateSeekWorst(benchmark::State& state) {
    MillionEventTrace& trace = MillionEventTrace::get();
    trace::StateIndex index(trace.recorder(), options_for(state));
    index.update();
    std::vector<std::size_t> targets;  // the last event before each checkpoint, and the end
    for (std::size_t i = 0; i < index.checkpoint_count(); ++i) {
        targets.push_back(index.checkpoint_position(i) - 2);
    }
    targets.push_back(index.size() - 2);
    LatencySample sample(targets.size());
    for (auto _ : state) {
        for (const std::size_t event : targets) {
            const std::int64_t start = monotonic_nanos();
            trace::State seeked = index.at(event);
            benchmark::DoNotOptimize(seeked.tasks().data());
            sample.add(monotonic_nanos() - start);
        }
    }
    sample.report(state, "seek");
}
BENCHMARK(BM_StateSeekWorst)
    ->ArgName("bytes_per_event")
    ->Arg(16)
    ->Arg(2)
    ->Arg(32)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loopscope::bench
