#include "script/modules/random_algorithms.h"

#include <bit>
#include <cmath>
#include <numbers>
#include <unordered_set>
#include <utility>

namespace loopscope::script {

std::uint64_t random_below(RandomEngine& engine, std::uint64_t n) {
    // k = n.bit_length(), not (n - 1)'s: CPython draws one bit more than needed when n is a
    // power of two, and so must we to stay on its sequence.
    const int k = static_cast<int>(std::bit_width(n));
    std::uint64_t r = engine.getrandbits(k);
    while (r >= n) {
        r = engine.getrandbits(k);
    }
    return r;
}

std::int64_t random_range(RandomEngine& engine, std::int64_t stop) {
    if (stop > 0) {
        return static_cast<std::int64_t>(random_below(engine, static_cast<std::uint64_t>(stop)));
    }
    throw RandomValueError("empty range for randrange()");
}

std::int64_t random_range(RandomEngine& engine, std::int64_t start, std::int64_t stop,
                          std::int64_t step) {
    // The width and the offsets are computed modulo 2^64: the true values are within
    // [0, 2^64) whenever the range is non-empty, and the result lies in [start, stop).
    const auto ustart = static_cast<std::uint64_t>(start);
    const auto ustop = static_cast<std::uint64_t>(stop);
    if (step == 1) {
        if (stop > start) {
            return static_cast<std::int64_t>(ustart + random_below(engine, ustop - ustart));
        }
        throw RandomValueError("empty range in randrange(" + std::to_string(start) + ", " +
                               std::to_string(stop) + ")");
    }
    if (step == 0) {
        throw RandomValueError("zero step for randrange()");
    }
    std::uint64_t count = 0;  // Lib/random.py's n, when positive
    if (step > 0 && stop > start) {
        const std::uint64_t width = ustop - ustart;
        const auto ustep = static_cast<std::uint64_t>(step);
        count = width / ustep + (width % ustep != 0 ? 1 : 0);
    } else if (step < 0 && stop < start) {
        const std::uint64_t width = ustart - ustop;
        const std::uint64_t ustep = ~static_cast<std::uint64_t>(step) + 1;
        count = width / ustep + (width % ustep != 0 ? 1 : 0);
    }
    if (count == 0) {
        throw RandomValueError("empty range in randrange(" + std::to_string(start) + ", " +
                               std::to_string(stop) + ", " + std::to_string(step) + ")");
    }
    const std::uint64_t offset = static_cast<std::uint64_t>(step) * random_below(engine, count);
    return static_cast<std::int64_t>(ustart + offset);
}

std::vector<std::size_t> random_sample(RandomEngine& engine, std::size_t n, std::int64_t k) {
    if (k < 0 || static_cast<std::uint64_t>(k) > n) {
        throw RandomValueError("Sample larger than population or is negative");
    }
    const auto count = static_cast<std::size_t>(k);
    std::vector<std::size_t> result(count);
    // The same memory heuristic as Lib/random.py decides between the two branches, and the
    // branches consume random numbers differently.
    double set_size = 21;
    if (count > 5) {
        set_size +=
            std::pow(4.0, std::ceil(std::log(static_cast<double>(count * 3)) / std::log(4.0)));
    }
    if (static_cast<double>(n) <= set_size) {
        std::vector<std::size_t> pool(n);
        for (std::size_t i = 0; i < n; ++i) {
            pool[i] = i;
        }
        for (std::size_t i = 0; i < count; ++i) {
            const auto j = static_cast<std::size_t>(random_below(engine, n - i));
            result[i] = pool[j];
            pool[j] = pool[n - i - 1];
        }
    } else {
        std::unordered_set<std::size_t> selected;
        for (std::size_t i = 0; i < count; ++i) {
            auto j = static_cast<std::size_t>(random_below(engine, n));
            while (selected.contains(j)) {
                j = static_cast<std::size_t>(random_below(engine, n));
            }
            selected.insert(j);
            result[i] = j;
        }
    }
    return result;
}

std::vector<std::size_t> random_choices(RandomEngine& engine, std::size_t n, std::int64_t k) {
    std::vector<std::size_t> result;
    const auto size = static_cast<double>(n);
    for (std::int64_t i = 0; i < k; ++i) {
        result.push_back(static_cast<std::size_t>(std::floor(engine.random() * size)));
    }
    return result;
}

std::vector<std::size_t> random_choices_cumulative(RandomEngine& engine, std::size_t n,
                                                   std::span<const double> cum_weights,
                                                   std::int64_t k) {
    if (cum_weights.size() != n) {
        throw RandomValueError("The number of weights does not match the population");
    }
    if (n == 0) {
        throw RandomIndexError("list index out of range");  // cum_weights[-1]
    }
    const double total = cum_weights.back() + 0.0;
    if (total <= 0.0) {
        throw RandomValueError("Total of weights must be greater than zero");
    }
    if (!std::isfinite(total)) {
        throw RandomValueError("Total of weights must be finite");
    }
    std::vector<std::size_t> result;
    const std::size_t hi = n - 1;
    for (std::int64_t i = 0; i < k; ++i) {
        // bisect.bisect_right(cum_weights, x, 0, hi)
        const double x = engine.random() * total;
        std::size_t lo = 0;
        std::size_t high = hi;
        while (lo < high) {
            const std::size_t mid = (lo + high) / 2;
            if (x < cum_weights[mid]) {
                high = mid;
            } else {
                lo = mid + 1;
            }
        }
        result.push_back(lo);
    }
    return result;
}

double random_uniform(RandomEngine& engine, double a, double b) {
    return a + (b - a) * engine.random();
}

double random_gauss(RandomEngine& engine, std::optional<double>& gauss_next, double mu,
                    double sigma) {
    std::optional<double> z = std::exchange(gauss_next, std::nullopt);
    if (!z) {
        const double angle = engine.random() * (2.0 * std::numbers::pi);
        const double radius = std::sqrt(-2.0 * std::log(1.0 - engine.random()));
        z = std::cos(angle) * radius;
        gauss_next = std::sin(angle) * radius;
    }
    return mu + *z * sigma;
}

double random_expovariate(RandomEngine& engine, double lambd) {
    return -std::log(1.0 - engine.random()) / lambd;
}

}  // namespace loopscope::script
