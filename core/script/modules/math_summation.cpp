#include "script/modules/math_summation.h"

#include <cfloat>
#include <cmath>
#include <vector>

namespace loopscope::script {

namespace {

// A double-length value hi + lo (an unevaluated sum).
struct DoubleLength {
    double hi;
    double lo;
};

// Two-sum when |a| >= |b|: hi + lo == a + b exactly.
DoubleLength fast_two_sum(double a, double b) {
    const double hi = a + b;
    return {hi, (a - hi) + b};
}

// The exact product: hi + lo == x * y (the fused multiply-add recovers the rounding error).
DoubleLength two_product(double x, double y) {
    const double hi = x * y;
    return {hi, std::fma(x, y, -hi)};
}

// Coordinates are non-negative and finite, max is the largest.
double scaled_norm(std::vector<double>& coordinates, double max) {
    if (max == 0.0 || coordinates.size() <= 1) {
        return max;
    }
    int max_exponent = 0;
    std::frexp(max, &max_exponent);
    if (max_exponent < -1023) {
        // ldexp(1.0, -max_exponent) would overflow: make subnormals normal first.
        for (double& x : coordinates) {
            x /= DBL_MIN;
        }
        return DBL_MIN * scaled_norm(coordinates, max / DBL_MIN);
    }
    const double scale = std::ldexp(1.0, -max_exponent);
    double sum = 1.0;  // starts at 1.0 so that adding squares < 1 never loses leading digits
    double product_errors = 0.0;
    double sum_errors = 0.0;
    for (double x : coordinates) {
        x *= scale;  // exact: a power of two
        const DoubleLength square = two_product(x, x);
        const DoubleLength added = fast_two_sum(sum, square.hi);
        sum = added.hi;
        product_errors += square.lo;
        sum_errors += added.lo;
    }
    double h = std::sqrt(sum - 1.0 + (product_errors + sum_errors));
    const DoubleLength square = two_product(-h, h);
    const DoubleLength added = fast_two_sum(sum, square.hi);
    sum = added.hi;
    product_errors += square.lo;
    sum_errors += added.lo;
    const double residual = sum - 1.0 + (product_errors + sum_errors);
    h += residual / (2.0 * h);  // one Newton step on the square root
    return h / scale;
}

}  // namespace

double euclidean_norm(std::span<const double> coordinates) {
    std::vector<double> magnitudes;
    magnitudes.reserve(coordinates.size());
    double max = 0.0;
    bool found_nan = false;
    for (double x : coordinates) {
        x = std::fabs(x);
        magnitudes.push_back(x);
        found_nan = found_nan || std::isnan(x);
        if (x > max) {
            max = x;
        }
    }
    if (std::isinf(max)) {
        return max;
    }
    if (found_nan) {
        return std::nan("");
    }
    return scaled_norm(magnitudes, max);
}

double exact_sum(std::span<const double> values) {
    // Invariant: the partials are non-overlapping, increasing in magnitude, and sum exactly to
    // the values seen so far.
    std::vector<double> partials;
    double special_sum = 0.0;  // the sum of the infinities and nans seen
    double inf_sum = 0.0;
    for (const double value : values) {
        double x = value;
        std::size_t kept = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) {
                std::swap(x, y);
            }
            const double hi = x + y;
            const double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[kept++] = lo;
            }
            x = hi;
        }
        partials.resize(kept);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                // Either an inf or nan summand, or an intermediate overflow.
                if (std::isfinite(value)) {
                    throw std::overflow_error("intermediate overflow in fsum");
                }
                if (std::isinf(value)) {
                    inf_sum += value;
                }
                special_sum += value;
                partials.clear();
            } else {
                partials.push_back(x);
            }
        }
    }
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum)) {
            throw std::domain_error("-inf + inf in fsum");
        }
        return special_sum;
    }
    double hi = 0.0;
    std::size_t n = partials.size();
    if (n > 0) {
        hi = partials[--n];
        double lo = 0.0;
        // Add from the top while the sum stays exact.
        while (n > 0) {
            const double x = hi;
            const double y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) {
                break;
            }
        }
        // Half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up, as CPython.
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            const double y = lo * 2.0;
            const double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
    }
    return hi;
}

}  // namespace loopscope::script
