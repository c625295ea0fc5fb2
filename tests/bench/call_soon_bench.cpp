// call_soon throughput: how many callbacks a second the loop schedules and runs.
//
// Three shapes, because they cost different things:
//   - a batch scheduled at once and run in one iteration: the per-callback cost alone (handle
//     slot, ready queue, std::function, three trace events);
//   - the same, a million callbacks into a fresh loop: the trace buffer grows from empty, so its
//     reallocations and page faults are included;
//   - one callback re-scheduling itself: one callback per iteration, so each one also pays for
//     an iteration (an epoll_wait with a zero timeout and three trace events).
#include <benchmark/benchmark.h>

#include <cstdint>

#include "loop/event_loop.h"

namespace loopscope::bench {
namespace {

// A trace kept for the whole benchmark would grow by gigabytes; clearing it every batch keeps
// its capacity, so the batch benchmark measures appending events, not growing the buffer.
void BM_CallSoonBatch(benchmark::State& state) {
    const std::int64_t batch = state.range(0);
    EventLoop loop;
    loop.recorder().set_enabled(state.range(1) != 0);
    std::int64_t ran = 0;
    for (auto _ : state) {
        for (std::int64_t i = 0; i < batch; ++i) {
            loop.call_soon([&ran] { ++ran; });
        }
        loop.run_once();
        loop.recorder().clear();
    }
    if (ran != batch * state.iterations()) {
        state.SkipWithError("not every scheduled callback ran");
    }
    state.counters["callbacks_per_second"] =
        benchmark::Counter(static_cast<double>(ran), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CallSoonBatch)
    ->ArgNames({"batch", "recording"})
    ->Args({1000, 1})
    ->Args({1000, 0})
    ->UseRealTime();

// A fresh loop per benchmark iteration: loop construction and destruction are outside the
// timing, the trace's growth (3 million events, 96 MB) is inside it.
void BM_CallSoonMillionFreshTrace(benchmark::State& state) {
    constexpr std::int64_t kCallbacks = 1'000'000;
    constexpr std::int64_t kBatch = 1000;
    std::int64_t ran = 0;
    for (auto _ : state) {
        state.PauseTiming();
        {
            EventLoop loop;
            loop.recorder().set_enabled(state.range(0) != 0);
            state.ResumeTiming();
            for (std::int64_t done = 0; done < kCallbacks; done += kBatch) {
                for (std::int64_t i = 0; i < kBatch; ++i) {
                    loop.call_soon([&ran] { ++ran; });
                }
                loop.run_once();
            }
            state.PauseTiming();
        }
        state.ResumeTiming();
    }
    if (ran != kCallbacks * state.iterations()) {
        state.SkipWithError("not every scheduled callback ran");
    }
    state.counters["callbacks_per_second"] =
        benchmark::Counter(static_cast<double>(ran), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CallSoonMillionFreshTrace)
    ->ArgName("recording")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// A callback that re-schedules itself. The lambda captures one pointer, so std::function
// stores it inline and re-scheduling allocates nothing.
struct Relay {
    EventLoop* loop;
    std::int64_t hops = 0;

    void hop() {
        ++hops;
        loop->call_soon([this] { hop(); });
    }
};

// Each run_once runs exactly one callback, which schedules the next.
void BM_CallSoonSelfRescheduling(benchmark::State& state) {
    EventLoop loop;
    loop.recorder().set_enabled(state.range(0) != 0);
    Relay relay{&loop};
    loop.call_soon([&relay] { relay.hop(); });
    constexpr std::int64_t kIterationsPerTraceClear = 4096;
    std::int64_t iterations_since_clear = 0;
    for (auto _ : state) {
        loop.run_once();
        if (++iterations_since_clear == kIterationsPerTraceClear) {
            loop.recorder().clear();
            iterations_since_clear = 0;
        }
    }
    if (relay.hops != state.iterations()) {
        state.SkipWithError("the relay did not run once per iteration");
    }
    state.counters["callbacks_per_second"] =
        benchmark::Counter(static_cast<double>(relay.hops), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CallSoonSelfRescheduling)->ArgName("recording")->Arg(1)->Arg(0)->UseRealTime();

}  // namespace
}  // namespace loopscope::bench
