#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "script/modules/random_engine.h"

namespace loopscope::script {

// The algorithms of CPython's Lib/random.py over RandomEngine, step for step, so that they
// consume the same random bits and pick the same items. Sequences are handled by index: the
// binding maps indices back to the script's objects.

// A bad argument, with CPython's message; the binding raises it as a ValueError.
struct RandomValueError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};
// An index out of range, with CPython's message; raised as an IndexError.
struct RandomIndexError : std::out_of_range {
    using std::out_of_range::out_of_range;
};

// _randbelow_with_getrandbits: uniform in [0, n), n > 0.
std::uint64_t random_below(RandomEngine& engine, std::uint64_t n);

// randrange(start, stop, step) (stop given); throws RandomValueError ("empty range in
// randrange(5, 2)", "zero step for randrange()").
std::int64_t random_range(RandomEngine& engine, std::int64_t start, std::int64_t stop,
                          std::int64_t step = 1);
// randrange(stop).
std::int64_t random_range(RandomEngine& engine, std::int64_t stop);

// shuffle(x): the swaps (i, j) in the order Lib/random.py makes them, for a sequence of n.
template <class Swap>
void random_shuffle(RandomEngine& engine, std::size_t n, Swap&& swap) {
    for (std::size_t i = n > 0 ? n - 1 : 0; i >= 1; --i) {
        const auto j = static_cast<std::size_t>(random_below(engine, i + 1));
        swap(i, j);
    }
}

// sample(population, k) for a population of n: the chosen indices in selection order (the pool
// branch or the set branch, as CPython picks). Throws RandomValueError when k > n.
std::vector<std::size_t> random_sample(RandomEngine& engine, std::size_t n, std::int64_t k);

// choices(population, k=k) without weights.
std::vector<std::size_t> random_choices(RandomEngine& engine, std::size_t n, std::int64_t k);
// choices with cumulative weights (the binding accumulates `weights`). Throws RandomValueError
// for a length mismatch, a total <= 0 or a non-finite total, RandomIndexError when n == 0.
std::vector<std::size_t> random_choices_cumulative(RandomEngine& engine, std::size_t n,
                                                   std::span<const double> cum_weights,
                                                   std::int64_t k);

// uniform(a, b) = a + (b - a) * random().
double random_uniform(RandomEngine& engine, double a, double b);

// gauss(mu, sigma): Box-Muller, which makes two values at a time; the second waits in
// `gauss_next` (per Random instance, cleared by seed()).
double random_gauss(RandomEngine& engine, std::optional<double>& gauss_next, double mu,
                    double sigma);

// expovariate(lambd) = -log(1 - random()) / lambd.
double random_expovariate(RandomEngine& engine, double lambd);

}  // namespace loopscope::script
