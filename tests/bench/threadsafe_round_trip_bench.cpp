// Cross-thread round trip: a thread posts a callback with call_soon_threadsafe to a loop that is
// blocked in epoll_wait on another thread; the callback answers back through an atomic. The
// round trip is post -> eventfd wake-up -> loop iteration -> callback -> the poster sees the
// answer.
//
// The poster waits for the answer in one of two ways:
//   - futex: it sleeps in std::atomic::wait and the callback wakes it, as a GUI thread waiting
//     for the loop would; both directions pay a thread wake-up;
//   - spin: it busy-waits on the atomic, which leaves only the loop's side of the trip (on two
//     cores the spinner has one to itself).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

#include "latency.h"
#include "loop/event_loop.h"
#include "loop/real_clock.h"

namespace loopscope::bench {
namespace {

constexpr std::int64_t kRoundTrips = 20'000;

enum class AnswerWait : std::int64_t { Spin = 0, Futex = 1 };

struct Answer {
    std::atomic<std::uint32_t> sequence{0};
    bool wake_poster = false;

    void give(std::uint32_t to) {
        sequence.store(to, std::memory_order_release);
        if (wake_poster) {
            sequence.notify_one();
        }
    }

    void await(std::uint32_t expected) {
        for (;;) {
            const std::uint32_t seen = sequence.load(std::memory_order_acquire);
            if (seen == expected) {
                return;
            }
            if (wake_poster) {
                sequence.wait(seen, std::memory_order_acquire);
            }
        }
    }
};

void BM_ThreadsafeRoundTrip(benchmark::State& state) {
    EventLoop loop(EventLoopOptions{.clock = std::make_unique<RealClock>(1.0)});
    Answer answer;
    answer.wake_poster = static_cast<AnswerWait>(state.range(0)) == AnswerWait::Futex;
    std::thread loop_thread([&loop] { loop.run_forever(); });

    std::uint32_t sequence = 0;
    auto round_trip = [&] {
        const std::uint32_t expected = ++sequence;
        loop.call_soon_threadsafe([&answer, expected] { answer.give(expected); });
        answer.await(expected);
    };
    round_trip();  // warm-up: the loop thread has started and is blocked in epoll_wait

    LatencySample round_trips(kRoundTrips);
    for (auto _ : state) {
        const std::int64_t start = monotonic_nanos();
        round_trip();
        const std::int64_t elapsed = monotonic_nanos() - start;
        round_trips.add(elapsed);
        state.SetIterationTime(static_cast<double>(elapsed) / 1e9);
    }

    loop.call_soon_threadsafe([&loop] { loop.stop(); });
    loop_thread.join();
    round_trips.report(state, "round_trip");
}
BENCHMARK(BM_ThreadsafeRoundTrip)
    ->ArgName("answer_by_futex")
    ->Arg(static_cast<std::int64_t>(AnswerWait::Futex))
    ->Arg(static_cast<std::int64_t>(AnswerWait::Spin))
    ->Iterations(kRoundTrips)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace loopscope::bench
