// The `random` module through the Runtime (no VM): the bound functions give CPython's
// sequences and raise CPython's errors (recorded by tests/modules/cpython/record_random.py).
#include "script/modules/random_module.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "script/objects/errors.h"
#include "script/objects/list.h"
#include "script/objects/ops.h"
#include "script/objects/range.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"
#include "support/cpython_expected.h"

namespace loopscope::script {
namespace {

std::vector<std::string> scenario(const std::string& name) {
    static const auto expected = testing::cpython_expected("modules/expected/random.txt");
    const auto it = expected.find(name);
    if (it == expected.end()) {
        throw std::runtime_error("no recorded scenario " + name);
    }
    return it->second;
}

// Whitespace-normalised, as the recording splits messages into tokens.
std::string joined(const std::vector<std::string>& tokens) {
    std::string text;
    for (const std::string& t : tokens) {
        text += (text.empty() ? "" : " ") + t;
    }
    return text;
}

std::string normalised(const std::string& text) {
    std::istringstream words(text);
    std::vector<std::string> tokens;
    for (std::string w; words >> w;) {
        tokens.push_back(w);
    }
    return joined(tokens);
}

class RandomModuleTest : public ::testing::Test {
protected:
    RandomModuleTest() {
        register_random_module(rt);
        module = rt.import_native("random");
    }

    Value function(const char* name) { return get_attr(rt, module, name); }

    Value call_function(const char* name, std::vector<Value> positional,
                        std::vector<Value> keyword_values = {},
                        std::vector<std::string_view> keyword_names = {}) {
        return call(rt, function(name), CallArgs{positional, keyword_values, keyword_names});
    }

    void seed(std::int64_t n) { call_function("seed", {Value::integer(n)}); }

    // "Type: message" of the error the call raises.
    std::string error_of(const char* name, std::vector<Value> positional,
                         std::vector<Value> keyword_values = {},
                         std::vector<std::string_view> keyword_names = {}) {
        try {
            call_function(name, std::move(positional), std::move(keyword_values),
                          std::move(keyword_names));
        } catch (const ScriptError& e) {
            return normalised(exception_summary(rt, e.exception));
        }
        return "no error";
    }

    std::string reprs(const Value& list) {
        std::string text;
        for (const Value& v : list_items(list)) {
            text += (text.empty() ? "" : " ") + to_str(rt, v);
        }
        return text;
    }

    Value ints(std::initializer_list<std::int64_t> values) {
        std::vector<Value> items;
        for (std::int64_t v : values) {
            items.push_back(Value::integer(v));
        }
        return make_list(rt, std::move(items));
    }

    Runtime rt;
    Value module;
};

TEST_F(RandomModuleTest, SeedWithIntGivesCPythonsFloats) {
    seed(42);
    std::vector<std::string> values;
    for (int i = 0; i < 5; ++i) {
        values.push_back(repr(rt, call_function("random", {})));
    }
    EXPECT_EQ(values, scenario("int_42.random"));
}

TEST_F(RandomModuleTest, SeedWithStrUsesVersion2) {
    call_function("seed", {make_str(rt, "hello")});
    EXPECT_EQ(repr(rt, call_function("random", {})), scenario("str2.random")[0]);
}

TEST_F(RandomModuleTest, RandintAndRandrange) {
    seed(2024);
    std::vector<std::string> values;
    for (int i = 0; i < 12; ++i) {
        values.push_back(
            repr(rt, call_function("randint", {Value::integer(1), Value::integer(6)})));
    }
    EXPECT_EQ(values, scenario("randint_1_6"));
    seed(2024);
    values.clear();
    for (int i = 0; i < 6; ++i) {
        values.push_back(
            repr(rt, call_function("randrange",
                                   {Value::integer(100), Value::integer(0), Value::integer(-7)})));
    }
    EXPECT_EQ(values, scenario("randrange_100_0_-7"));
}

TEST_F(RandomModuleTest, ShuffleAListInPlace) {
    seed(2024);
    std::vector<Value> items;
    for (int i = 0; i < 20; ++i) {
        items.push_back(Value::integer(i));
    }
    const Value list = make_list(rt, items);
    EXPECT_TRUE(call_function("shuffle", {list}).is_none());
    EXPECT_EQ(reprs(list), joined(scenario("shuffle_20")));
}

TEST_F(RandomModuleTest, SampleOfARangeAndOfAStr) {
    seed(2024);
    EXPECT_EQ(reprs(call_function("sample", {make_range(rt, 0, 10000), Value::integer(4)})),
              joined(scenario("sample_10000_4")));
    seed(2024);
    EXPECT_EQ(reprs(call_function("sample", {make_str(rt, "abcde"), Value::integer(3)})),
              joined(scenario("sample_str_5_3")));
    seed(2024);
    const Value population = make_list(rt, {make_str(rt, "a"), make_str(rt, "b")});
    EXPECT_EQ(reprs(call_function("sample", {population}, {ints({3, 2}), Value::integer(4)},
                                  {"counts", "k"})),
              joined(scenario("sample_counts")));
}

TEST_F(RandomModuleTest, ChoicesWithAndWithoutWeights) {
    seed(2024);
    EXPECT_EQ(reprs(call_function("choices", {make_range(rt, 0, 3)}, {Value::integer(6)}, {"k"})),
              joined(scenario("choices_3_6")));
    seed(2024);
    EXPECT_EQ(reprs(call_function("choices", {make_range(rt, 0, 3), ints({10, 1, 1})},
                                  {Value::integer(10)}, {"k"})),
              joined(scenario("choices_weights_10_1_1")));
    seed(2024);
    EXPECT_EQ(reprs(call_function("choices", {make_range(rt, 0, 4)},
                                  {ints({1, 2, 3, 10}), Value::integer(10)}, {"cum_weights", "k"})),
              joined(scenario("choices_cum_1_2_3_10")));
}

TEST_F(RandomModuleTest, ChoiceAndUniform) {
    seed(2024);
    std::vector<std::string> values;
    for (int i = 0; i < 6; ++i) {
        values.push_back(to_str(rt, call_function("choice", {make_str(rt, "abcdefghij")})));
    }
    EXPECT_EQ(values, scenario("choice_str"));
    seed(2024);
    values.clear();
    for (int i = 0; i < 3; ++i) {
        values.push_back(
            repr(rt, call_function("uniform", {Value::integer(1), Value::integer(10)})));
    }
    EXPECT_EQ(values, scenario("uniform_int_1_10"));
}

TEST_F(RandomModuleTest, SeedForgetsTheWaitingGaussValue) {
    seed(2024);
    call_function("gauss", {});
    seed(2024);
    EXPECT_EQ(repr(rt, call_function("gauss", {})), scenario("gauss_after_seed")[0]);
}

TEST_F(RandomModuleTest, RandomClassHasItsOwnGenerator) {
    const Value generator = call(rt, function("Random"), {Value::integer(7)});
    seed(1);  // the module's hidden instance is another generator
    std::vector<std::string> values;
    for (int i = 0; i < 2; ++i) {
        values.push_back(repr(rt, call_method(rt, generator, "random", {})));
    }
    EXPECT_EQ(values, scenario("Random_7"));
}

TEST_F(RandomModuleTest, ErrorsUseCPythonsMessages) {
    auto expected = [](const char* call_text) {
        return joined(scenario(std::string("error.") + call_text));
    };
    EXPECT_EQ(error_of("randint", {Value::integer(5), Value::integer(1)}),
              expected("randint(5,1)"));
    EXPECT_EQ(error_of("randrange", {Value::integer(0)}), expected("randrange(0)"));
    EXPECT_EQ(error_of("randrange", {Value::integer(1), Value::integer(10), Value::integer(0)}),
              expected("randrange(1,10,0)"));
    EXPECT_EQ(error_of("randrange", {Value::integer(10), Value::integer(1), Value::integer(2)}),
              expected("randrange(10,1,2)"));
    EXPECT_EQ(error_of("choice", {make_list(rt, {})}), expected("choice([])"));
    EXPECT_EQ(error_of("sample", {ints({1, 2}), Value::integer(3)}), expected("sample([1,2],3)"));
    EXPECT_EQ(error_of("getrandbits", {Value::integer(-1)}), expected("getrandbits(-1)"));
    EXPECT_EQ(error_of("choices", {ints({1, 2}), ints({0, 0})}), expected("choices([1,2],[0,0])"));
    EXPECT_EQ(error_of("choices", {ints({1, 2}), ints({1})}, {Value::integer(2)}, {"k"}),
              expected("choices([1,2],[1],k=2)"));
    EXPECT_EQ(error_of("choices", {ints({1, 2}), Value::integer(3)}), expected("choices([1,2],3)"));
    EXPECT_EQ(error_of("randrange", {Value::integer(5)}, {Value::integer(2)}, {"step"}),
              expected("randrange(5,step=2)"));
    EXPECT_EQ(error_of("seed", {ints({1})}), expected("seed([1])"));
}

}  // namespace
}  // namespace loopscope::script
