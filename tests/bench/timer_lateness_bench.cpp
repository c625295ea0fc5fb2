// How late a 1 ms timer fires on the real clock at speed 1.0.
//
// A chain of timers: each one, when it fires, reads CLOCK_MONOTONIC first thing, then arms the
// next with call_later(1 ms). Lateness is that reading minus the timer's deadline, with the
// deadline translated from loop time to CLOCK_MONOTONIC. It therefore covers everything between
// the deadline and the callback: timerfd expiry, the wake-up from epoll_wait, and the loop's own
// work (trace events, moving the timer to the ready queue) before it calls back.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>

#include "latency.h"
#include "loop/event_loop.h"
#include "loop/real_clock.h"

namespace loopscope::bench {
namespace {

constexpr std::size_t kSamples = 2000;
constexpr Nanos kPeriod = milliseconds(1);

// At speed 1.0, loop time = CLOCK_MONOTONIC - a constant. Read the loop time between two
// monotonic reads and take the midpoint: the error is half the gap, tens of nanoseconds.
Nanos loop_time_to_monotonic_offset(EventLoop& loop) {
    const std::int64_t before = monotonic_nanos();
    const Nanos loop_time = loop.time();
    const std::int64_t after = monotonic_nanos();
    return before + (after - before) / 2 - loop_time;
}

struct LatenessProbe {
    EventLoop* loop;
    Nanos loop_to_monotonic;
    LatencySample lateness{kSamples};
    Nanos deadline = 0;  // loop time of the pending timer

    void arm() {
        deadline = loop->call_later(kPeriod, [this] { on_fire(); }).when();
    }

    void on_fire() {
        lateness.add(monotonic_nanos() - (deadline + loop_to_monotonic));
        if (lateness.size() == kSamples) {
            loop->stop();
        } else {
            arm();
        }
    }
};

void BM_RealClockTimerLateness(benchmark::State& state) {
    for (auto _ : state) {
        EventLoop loop(EventLoopOptions{.clock = std::make_unique<RealClock>(1.0)});
        LatenessProbe probe{&loop, loop_time_to_monotonic_offset(loop)};
        probe.arm();
        loop.run_forever();
        probe.lateness.report(state, "lateness");
    }
}
// One run of 2000 samples takes 2 s of real time; repeating it would add nothing.
BENCHMARK(BM_RealClockTimerLateness)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace loopscope::bench
