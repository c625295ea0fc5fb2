// The `math` module through the Runtime (no VM): results and error messages as CPython 3.12
// (recorded by tests/modules/cpython/record_math.py as `call.EXPR: result` lines).
#include "script/modules/math_module.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "script/objects/errors.h"
#include "script/objects/list.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "support/cpython_expected.h"

namespace loopscope::script {
namespace {

std::string recorded(const std::string& call_text) {
    static const auto expected = testing::cpython_expected("modules/expected/math.txt");
    const auto it = expected.find("call." + call_text);
    if (it == expected.end()) {
        throw std::runtime_error("no recorded call " + call_text);
    }
    std::string text;
    for (const std::string& t : it->second) {
        text += (text.empty() ? "" : " ") + t;
    }
    return text;
}

struct MathCall {
    const char* text;  // as recorded: the expression after "math."
    const char* function;
    std::vector<Value> positional;
    std::vector<Value> keyword_values = {};
    std::vector<std::string_view> keyword_names = {};
};

class MathModuleTest : public ::testing::Test {
protected:
    MathModuleTest() {
        register_math_module(rt);
        module = rt.import_native("math");
    }

    // repr of the result, or "Type: message".
    std::string outcome(const MathCall& c) {
        try {
            const Value f = get_attr(rt, module, c.function);
            return repr(rt, call(rt, f, CallArgs{c.positional, c.keyword_values, c.keyword_names}));
        } catch (const ScriptError& e) {
            return exception_summary(rt, e.exception);
        }
    }

    Runtime rt;
    Value module;
};

Value i(std::int64_t v) {
    return Value::integer(v);
}
Value f(double v) {
    return Value::floating(v);
}
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST_F(MathModuleTest, ResultsAndErrorsMatchCPython) {
    const std::vector<MathCall> calls = {
        {"sqrt(2)", "sqrt", {i(2)}},
        {"sqrt(-1)", "sqrt", {i(-1)}},
        {"floor(-2.5)", "floor", {f(-2.5)}},
        {"floor(7)", "floor", {i(7)}},
        {"ceil(2.1)", "ceil", {f(2.1)}},
        {"trunc(-3.9)", "trunc", {f(-3.9)}},
        {"fabs(-4)", "fabs", {i(-4)}},
        {"pow(2,10)", "pow", {i(2), i(10)}},
        {"pow(0,-1)", "pow", {i(0), i(-1)}},
        {"pow(-8,1/3)", "pow", {i(-8), f(1.0 / 3)}},
        {"pow(10,400)", "pow", {i(10), i(400)}},
        {"exp(1000)", "exp", {i(1000)}},
        {"exp(-1000)", "exp", {i(-1000)}},
        {"log(100,10)", "log", {i(100), i(10)}},
        {"log(0)", "log", {i(0)}},
        {"log(-1.5)", "log", {f(-1.5)}},
        {"log(1,1)", "log", {i(1), i(1)}},
        {"log2(1024)", "log2", {i(1024)}},
        {"log10(0.001)", "log10", {f(0.001)}},
        {"sin(1)", "sin", {i(1)}},
        {"cos(math.inf)", "cos", {f(kInf)}},
        {"atan2(-1,-1)", "atan2", {i(-1), i(-1)}},
        {"hypot(3,4)", "hypot", {i(3), i(4)}},
        {"isclose(1,1.05,rel_tol=0.1)", "isclose", {i(1), f(1.05)}, {f(0.1)}, {"rel_tol"}},
        {"isclose(1,2,abs_tol=-1)", "isclose", {i(1), i(2)}, {i(-1)}, {"abs_tol"}},
        {"isfinite(math.nan)", "isfinite", {f(std::nan(""))}},
        {"isinf(-math.inf)", "isinf", {f(-kInf)}},
        {"isnan(1)", "isnan", {i(1)}},
        {"gcd(12,18,8)", "gcd", {i(12), i(18), i(8)}},
        {"gcd()", "gcd", {}},
        {"gcd(1.5,2)", "gcd", {f(1.5), i(2)}},
        {"factorial(20)", "factorial", {i(20)}},
        {"factorial(-1)", "factorial", {i(-1)}},
        {"factorial(21)", "factorial", {i(21)}},
        {"floor(math.inf)", "floor", {f(kInf)}},
        {"floor(math.nan)", "floor", {f(std::nan(""))}},
        {"degrees(math.pi)", "degrees", {f(3.141592653589793)}},
        {"radians(180)", "radians", {i(180)}},
        {"copysign(3,-0.0)", "copysign", {i(3), f(-0.0)}},
        {"fmod(7,-3)", "fmod", {i(7), i(-3)}},
        {"fmod(math.inf,1)", "fmod", {f(kInf), i(1)}},
    };
    for (const MathCall& c : calls) {
        EXPECT_EQ(outcome(c), recorded(c.text)) << "math." << c.text;
    }
}

TEST_F(MathModuleTest, IntegerFunctionsAndTheRest) {
    auto list = [&](std::vector<Value> items) { return make_list(rt, std::move(items)); };
    const std::vector<MathCall> calls = {
        {"isqrt(99)", "isqrt", {i(99)}},
        {"isqrt(-1)", "isqrt", {i(-1)}},
        {"isqrt(9223372036854775807)", "isqrt", {i(INT64_MAX)}},
        {"comb(10,3)", "comb", {i(10), i(3)}},
        {"comb(3,5)", "comb", {i(3), i(5)}},
        {"comb(-1,2)", "comb", {i(-1), i(2)}},
        {"comb(5,-1)", "comb", {i(5), i(-1)}},
        {"comb(62,31)", "comb", {i(62), i(31)}},
        {"comb(100,50)", "comb", {i(100), i(50)}},
        {"perm(5)", "perm", {i(5)}},
        {"perm(5,2)", "perm", {i(5), i(2)}},
        {"perm(-1)", "perm", {i(-1)}},
        {"perm(21,21)", "perm", {i(21), i(21)}},
        {"lcm(4,6,10)", "lcm", {i(4), i(6), i(10)}},
        {"lcm()", "lcm", {}},
        {"lcm(0,5)", "lcm", {i(0), i(5)}},
        {"prod([1,2,3,4])", "prod", {list({i(1), i(2), i(3), i(4)})}},
        {"prod([1.5,2],start=3)", "prod", {list({f(1.5), i(2)})}, {i(3)}, {"start"}},
        {"prod([])", "prod", {list({})}},
        {"modf(-3.25)", "modf", {f(-3.25)}},
        {"modf(math.inf)", "modf", {f(kInf)}},
        {"frexp(12.5)", "frexp", {f(12.5)}},
        {"frexp(0.0)", "frexp", {f(0.0)}},
        {"ldexp(0.75,3)", "ldexp", {f(0.75), i(3)}},
        {"ldexp(1.0,2000)", "ldexp", {f(1.0), i(2000)}},
        {"dist([1,2],[4,6])", "dist", {list({i(1), i(2)}), list({i(4), i(6)})}},
        {"dist([1],[1,2])", "dist", {list({i(1)}), list({i(1), i(2)})}},
        {"sinh(1)", "sinh", {i(1)}},
        {"sinh(1000)", "sinh", {i(1000)}},
        {"cosh(0.5)", "cosh", {f(0.5)}},
        {"tanh(-2)", "tanh", {i(-2)}},
        {"asinh(1)", "asinh", {i(1)}},
        {"acosh(0)", "acosh", {i(0)}},
        {"atanh(1)", "atanh", {i(1)}},
        {"atanh(0.5)", "atanh", {f(0.5)}},
        {"expm1(1e-10)", "expm1", {f(1e-10)}},
        {"log1p(-1)", "log1p", {i(-1)}},
        {"exp2(10)", "exp2", {i(10)}},
        {"exp2(2000)", "exp2", {i(2000)}},
    };
    for (const MathCall& c : calls) {
        EXPECT_EQ(outcome(c), recorded(c.text)) << "math." << c.text;
    }
}

TEST_F(MathModuleTest, StringArgumentsAreTypeErrors) {
    EXPECT_EQ(outcome({"sqrt('x')", "sqrt", {make_str(rt, "x")}}), recorded("sqrt('x')"));
    EXPECT_EQ(outcome({"trunc('x')", "trunc", {make_str(rt, "x")}}), recorded("trunc('x')"));
}

TEST_F(MathModuleTest, FsumOfAList) {
    const Value tenths = make_list(rt, std::vector<Value>(10, f(0.1)));
    EXPECT_EQ(outcome({"fsum([0.1]*10)", "fsum", {tenths}}), recorded("fsum([0.1]*10)"));
}

TEST_F(MathModuleTest, Constants) {
    EXPECT_EQ(get_attr(rt, module, "pi").as_float(), 3.141592653589793);
    EXPECT_EQ(get_attr(rt, module, "tau").as_float(), 6.283185307179586);
    EXPECT_EQ(get_attr(rt, module, "e").as_float(), 2.718281828459045);
    EXPECT_TRUE(std::isinf(get_attr(rt, module, "inf").as_float()));
    EXPECT_TRUE(std::isnan(get_attr(rt, module, "nan").as_float()));
}

}  // namespace
}  // namespace loopscope::script
