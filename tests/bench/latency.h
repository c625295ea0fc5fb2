// Measuring latencies: a CLOCK_MONOTONIC read, a sample of measured durations, and the order
// statistics the performance figures quote.
#pragma once

#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace loopscope::bench {

// CLOCK_MONOTONIC in nanoseconds: the clock RealClock follows, so a deadline on a speed-1.0
// RealClock and this reading differ only by a constant offset.
inline std::int64_t monotonic_nanos() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// CPU time of the calling thread in nanoseconds: what a run cost the loop's thread, apart
// from the trace's background coder and from other processes taking turns on the cores.
inline std::int64_t thread_cpu_nanos() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Durations in nanoseconds, kept whole so percentiles are exact order statistics rather than
// histogram estimates.
class LatencySample {
public:
    explicit LatencySample(std::size_t expected_size) { nanos_.reserve(expected_size); }

    void add(std::int64_t nanos) {
        nanos_.push_back(nanos);
        sorted_ = false;
    }
    std::size_t size() const { return nanos_.size(); }

    // Nearest-rank percentile, `percent` in [0, 100]: the smallest sample that at least
    // `percent` % of the samples do not exceed.
    double percentile_micros(double percent) {
        if (nanos_.empty()) {
            return 0.0;
        }
        sort();
        const auto count = static_cast<double>(nanos_.size());
        auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(percent / 100.0 * count)));
        rank = std::min(rank, nanos_.size());
        return to_micros(nanos_[rank - 1]);
    }

    double mean_micros() const {
        if (nanos_.empty()) {
            return 0.0;
        }
        const double total = std::accumulate(
            nanos_.begin(), nanos_.end(), 0.0,
            [](double sum, std::int64_t nanos) { return sum + static_cast<double>(nanos); });
        return total / static_cast<double>(nanos_.size()) / 1000.0;
    }

    double max_micros() {
        sort();
        return nanos_.empty() ? 0.0 : to_micros(nanos_.back());
    }

    // Publishes p50, p99, max and mean (microseconds) and the sample size as counters named
    // `<prefix>_p50_us` and so on; the runner turns counters into table rows.
    void report(benchmark::State& state, const std::string& prefix) {
        state.counters[prefix + "_p50_us"] = percentile_micros(50);
        state.counters[prefix + "_p99_us"] = percentile_micros(99);
        state.counters[prefix + "_max_us"] = max_micros();
        state.counters[prefix + "_mean_us"] = mean_micros();
        state.counters["samples"] = static_cast<double>(size());
    }

private:
    static double to_micros(std::int64_t nanos) { return static_cast<double>(nanos) / 1000.0; }

    void sort() {
        if (!sorted_) {
            std::sort(nanos_.begin(), nanos_.end());
            sorted_ = true;
        }
    }

    std::vector<std::int64_t> nanos_;
    bool sorted_ = true;
};

}  // namespace loopscope::bench
