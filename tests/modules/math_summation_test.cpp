// math.fsum and math.hypot's algorithms against results CPython 3.12 produced
// (tests/modules/cpython/record_math.py → tests/modules/expected/math.txt).
#include "script/modules/math_summation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/cpython_expected.h"

namespace loopscope::script {
namespace {

double recorded(const std::string& name) {
    static const auto expected = testing::cpython_expected("modules/expected/math.txt");
    const auto it = expected.find(name);
    if (it == expected.end() || it->second.size() != 1) {
        throw std::runtime_error("no recorded value " + name);
    }
    return std::strtod(it->second[0].c_str(), nullptr);
}

// Bit-exact, nan equal to nan.
void expect_same(double actual, double expected, const std::string& name) {
    if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(actual)) << name << ": " << actual;
    } else {
        EXPECT_EQ(actual, expected) << name;
    }
}

constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNan = std::nan("");

TEST(MathSummationTest, ExactSumMatchesCPythonsFsum) {
    std::vector<double> sevenths;
    for (int i = 0; i < 20; ++i) {
        sevenths.push_back(static_cast<double>(i) / 7);
    }
    const std::vector<std::vector<double>> cases = {
        std::vector<double>(10, 0.1),
        {1e-16, 1.0, 1e16},
        {1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50},
        {},
        sevenths,
        {9007199254740992.0, -0.5, -std::ldexp(1.0, -54)},
        {1.0, 1e-300, -1.0},
        {kInf, 1.0},
        {-kInf, -1.0, kNan},
        {0.3, -0.1, -0.1, -0.1},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::string name = "fsum." + std::to_string(i);
        expect_same(exact_sum(cases[i]), recorded(name), name);
    }
}

TEST(MathSummationTest, ExactSumErrorsUseCPythonsMessages) {
    const double overflowing[] = {1.5e308, 1.5e308};
    EXPECT_THROW(exact_sum(overflowing), std::overflow_error);
    const double opposite_infinities[] = {kInf, -kInf};
    try {
        exact_sum(opposite_infinities);
        FAIL() << "no error";
    } catch (const std::domain_error& e) {
        EXPECT_STREQ(e.what(), "-inf + inf in fsum");
    }
}

TEST(MathSummationTest, EuclideanNormMatchesCPythonsHypot) {
    const std::vector<std::vector<double>> cases = {
        {3.0, 4.0},
        {1.0, 1.0, 1.0},
        {1e-320, 1e-320},
        {1e308, 1e308},
        {0.1, 0.2, 0.3},
        {},
        {-5.0},
        {kInf, kNan},
        {kNan, 1.0},
        {1.2345, 6.789, 0.001},
        {-3.0, -4.0, 12.0},
        {0.0, 0.0},
        {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::string name = "hypot." + std::to_string(i);
        expect_same(euclidean_norm(cases[i]), recorded(name), name);
    }
}

}  // namespace
}  // namespace loopscope::script
