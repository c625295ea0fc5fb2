// A million timers on the virtual clock: schedule them all with varied deadlines, then run the
// loop until every one has fired.
//
// Deadlines are uniform over one minute at nanosecond granularity, so nearly every deadline is
// distinct and the heap does real work; the virtual clock jumps from one millisecond window to
// the next, about 60,000 loop iterations in all. A fixed seed makes every run fire the same
// sequence.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "latency.h"
#include "loop/event_loop.h"

namespace loopscope::bench {
namespace {

constexpr std::int64_t kTimers = 1'000'000;
constexpr Nanos kDeadlineSpread = seconds(60);

std::vector<Nanos> random_delays(std::int64_t count) {
    std::mt19937_64 generator(20261121);
    std::uniform_int_distribution<Nanos> delay(0, kDeadlineSpread);
    std::vector<Nanos> delays(static_cast<std::size_t>(count));
    for (Nanos& each : delays) {
        each = delay(generator);
    }
    return delays;
}

struct FiredCount {
    EventLoop* loop;
    std::int64_t fired = 0;

    void on_fire() {
        if (++fired == kTimers) {
            loop->stop();
        }
    }
};

// Manual time: only scheduling and firing count. Building the delays, constructing the loop and
// destroying it (a million handle slots and, with recording on, 4 million trace events) do not.
void BM_MillionTimers(benchmark::State& state) {
    const std::vector<Nanos> delays = random_delays(kTimers);
    double schedule_seconds = 0;
    double fire_seconds = 0;
    std::uint32_t loop_iterations = 0;
    for (auto _ : state) {
        EventLoop loop;
        loop.recorder().set_enabled(state.range(0) != 0);
        FiredCount count{&loop};

        const std::int64_t start = monotonic_nanos();
        for (const Nanos delay : delays) {
            loop.call_later(delay, [&count] { count.on_fire(); });
        }
        const std::int64_t scheduled = monotonic_nanos();
        loop.run_forever();
        const std::int64_t finished = monotonic_nanos();

        if (count.fired != kTimers || loop.timer_count() != 0) {
            state.SkipWithError("not every timer fired");
            break;
        }
        schedule_seconds += static_cast<double>(scheduled - start) / 1e9;
        fire_seconds += static_cast<double>(finished - scheduled) / 1e9;
        state.SetIterationTime(static_cast<double>(finished - start) / 1e9);
        loop_iterations = loop.iteration();
    }
    const auto runs = static_cast<double>(state.iterations());
    state.counters["schedule_seconds"] = schedule_seconds / runs;
    state.counters["fire_seconds"] = fire_seconds / runs;
    state.counters["total_seconds"] = (schedule_seconds + fire_seconds) / runs;
    state.counters["loop_iterations"] = loop_iterations;
}
BENCHMARK(BM_MillionTimers)
    ->ArgName("recording")
    ->Arg(1)
    ->Arg(0)
    ->Iterations(5)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loopscope::bench
