// The event loop's benchmarks; each concept has its own file:
//   call_soon_bench.cpp              callbacks scheduled and run per second
//   timer_bench.cpp                  a million timers on the virtual clock
//   timer_lateness_bench.cpp         lateness of 1 ms timers on the real clock
//   threadsafe_round_trip_bench.cpp  call_soon_threadsafe round trips between threads
// tests/bench/run builds and runs them and turns their counters into the figures table.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
