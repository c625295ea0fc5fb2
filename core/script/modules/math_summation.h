#pragma once

#include <span>
#include <stdexcept>

namespace loopscope::script {

// The two accurate summations of CPython's Modules/mathmodule.c, step for step, so that
// math.fsum and math.hypot return CPython's exact bits. Independent of the object model.

// math.fsum: Shewchuk's exactly rounded sum of the partials, with CPython's final half-even
// correction. Throws std::overflow_error("intermediate overflow in fsum") and
// std::domain_error("-inf + inf in fsum") with CPython's messages.
double exact_sum(std::span<const double> values);

// math.hypot: the Euclidean norm of the coordinates (any signs), computed as CPython 3.12's
// vector_norm does: scaled to avoid overflow, squared and summed without loss, then a
// differential correction of the square root. inf wins over nan, as in CPython.
double euclidean_norm(std::span<const double> coordinates);

}  // namespace loopscope::script
