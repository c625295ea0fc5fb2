// The trace's benchmarks; each concept has its own file:
//   state_seek_bench.cpp  the State as of any event of a million-event trace (a playhead seek)
// tests/bench/run builds and runs them and turns their counters into the figures table.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
