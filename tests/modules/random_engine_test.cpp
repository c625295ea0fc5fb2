// The random engine and Lib/random.py's algorithms against sequences CPython 3.12 produced
// (tests/modules/cpython/record_random.py → tests/modules/expected/random.txt).
#include "script/modules/random_engine.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <numeric>
#include <string>
#include <vector>

#include "script/modules/random_algorithms.h"
#include "support/cpython_expected.h"

namespace loopscope::script {
namespace {

const std::map<std::string, std::vector<std::string>>& recorded() {
    static const auto expected = testing::cpython_expected("modules/expected/random.txt");
    return expected;
}

const std::vector<std::string>& scenario(const std::string& name) {
    const auto it = recorded().find(name);
    if (it == recorded().end()) {
        throw std::runtime_error("no recorded scenario " + name);
    }
    return it->second;
}

std::vector<std::uint64_t> as_unsigned(const std::vector<std::string>& tokens) {
    std::vector<std::uint64_t> values;
    for (const std::string& t : tokens) {
        values.push_back(std::stoull(t));
    }
    return values;
}

std::vector<std::int64_t> as_signed(const std::vector<std::string>& tokens) {
    std::vector<std::int64_t> values;
    for (const std::string& t : tokens) {
        values.push_back(std::stoll(t));
    }
    return values;
}

// Indices recorded as Python ints; an empty result is recorded as the word "empty".
std::vector<std::size_t> as_indices(const std::vector<std::string>& tokens) {
    std::vector<std::size_t> values;
    if (tokens.size() == 1 && tokens[0] == "empty") {
        return values;
    }
    for (const std::string& t : tokens) {
        values.push_back(static_cast<std::size_t>(std::stoull(t)));
    }
    return values;
}

std::vector<double> as_doubles(const std::vector<std::string>& tokens) {
    std::vector<double> values;
    for (const std::string& t : tokens) {
        values.push_back(std::strtod(t.c_str(), nullptr));
    }
    return values;
}

// Each algorithm scenario starts from random.seed(2024).
RandomEngine fresh() {
    RandomEngine engine;
    engine.seed_int(2024);
    return engine;
}

const std::int64_t kIntSeeds[] = {0,         1,        42, 12345, -7, 4294967296LL, 1099511627779LL,
                                  INT64_MAX, INT64_MIN};
const char* const kStringSeeds[] = {"",
                                    "a",
                                    "hello",
                                    "Loopscope",
                                    "h\xc3\xa9llo w\xc3\xb6rld",
                                    nullptr /* "x" * 100 */,
                                    "\xe6\x97\xa5\xe6\x9c\xac"};

TEST(RandomEngineTest, IntSeedsGiveCPythonsWords) {
    for (std::int64_t seed : kIntSeeds) {
        RandomEngine engine;
        engine.seed_int(seed);
        std::vector<std::uint64_t> words;
        for (int i = 0; i < 5; ++i) {
            words.push_back(engine.next_uint32());
        }
        EXPECT_EQ(words, as_unsigned(scenario("int_" + std::to_string(seed) + ".uint32")))
            << "seed " << seed;
    }
}

TEST(RandomEngineTest, IntSeedsGiveCPythonsFloats) {
    for (std::int64_t seed : kIntSeeds) {
        RandomEngine engine;
        engine.seed_int(seed);
        std::vector<double> values;
        for (int i = 0; i < 5; ++i) {
            values.push_back(engine.random());
        }
        EXPECT_EQ(values, as_doubles(scenario("int_" + std::to_string(seed) + ".random")))
            << "seed " << seed;
    }
}

TEST(RandomEngineTest, StringSeedsHashWithSha512AsVersion2) {
    for (std::size_t i = 0; i < std::size(kStringSeeds); ++i) {
        const std::string seed = kStringSeeds[i] ? kStringSeeds[i] : std::string(100, 'x');
        RandomEngine engine;
        engine.seed_string(seed);
        std::vector<double> values;
        for (int n = 0; n < 5; ++n) {
            values.push_back(engine.random());
        }
        EXPECT_EQ(values, as_doubles(scenario("str" + std::to_string(i) + ".random")))
            << "seed '" << seed << "'";
    }
}

TEST(RandomEngineTest, DefaultIsSeedZero) {
    RandomEngine engine;
    EXPECT_EQ(engine.random(), as_doubles(scenario("int_0.random"))[0]);
}

TEST(RandomEngineTest, GetrandbitsBuildsWordsLeastSignificantFirst) {
    const int widths[] = {0, 1, 5, 31, 32, 33, 48, 63, 64};
    std::vector<std::uint64_t> each_fresh;
    std::vector<std::uint64_t> in_sequence;
    RandomEngine sequence = fresh();
    for (int k : widths) {
        RandomEngine engine = fresh();
        each_fresh.push_back(engine.getrandbits(k));
        in_sequence.push_back(sequence.getrandbits(k));
    }
    EXPECT_EQ(each_fresh, as_unsigned(scenario("getrandbits")));
    EXPECT_EQ(in_sequence, as_unsigned(scenario("getrandbits.sequence")));
}

TEST(RandomAlgorithmsTest, RandbelowMatchesRandrangeOfOneArgument) {
    const std::int64_t bounds[] = {
        1, 2, 3, 10, 1000, 2147483648LL, 4294967297LL, 4611686018427387904LL, INT64_MAX};
    for (std::int64_t n : bounds) {
        RandomEngine engine = fresh();
        std::vector<std::int64_t> values;
        for (int i = 0; i < 6; ++i) {
            values.push_back(random_range(engine, n));
        }
        EXPECT_EQ(values, as_signed(scenario("randbelow_" + std::to_string(n)))) << "n " << n;
    }
}

TEST(RandomAlgorithmsTest, RandrangeWithStartStopStep) {
    const std::int64_t cases[][3] = {{0, 10, 1},
                                     {5, 50, 5},
                                     {-10, -2, 1},
                                     {100, 0, -7},
                                     {-5, 5, 3},
                                     {10, -10, -1},
                                     {INT64_MIN, INT64_MAX, 1},
                                     {7, 8, 1}};
    for (const auto& c : cases) {
        RandomEngine engine = fresh();
        std::vector<std::int64_t> values;
        for (int i = 0; i < 6; ++i) {
            values.push_back(random_range(engine, c[0], c[1], c[2]));
        }
        const std::string name = "randrange_" + std::to_string(c[0]) + "_" + std::to_string(c[1]) +
                                 "_" + std::to_string(c[2]);
        EXPECT_EQ(values, as_signed(scenario(name))) << name;
    }
}

TEST(RandomAlgorithmsTest, RandintIsRandrangeToBPlusOne) {
    RandomEngine engine = fresh();
    std::vector<std::int64_t> values;
    for (int i = 0; i < 12; ++i) {
        values.push_back(random_range(engine, 1, 7));
    }
    EXPECT_EQ(values, as_signed(scenario("randint_1_6")));
}

TEST(RandomAlgorithmsTest, RandrangeErrorsUseCPythonsWords) {
    RandomEngine engine = fresh();
    auto message = [&](auto&& call) -> std::string {
        try {
            call();
        } catch (const RandomValueError& e) {
            return e.what();
        }
        return "no error";
    };
    EXPECT_EQ(message([&] { random_range(engine, 0); }), "empty range for randrange()");
    EXPECT_EQ(message([&] { random_range(engine, 5, 2); }), "empty range in randrange(5, 2)");
    EXPECT_EQ(message([&] { random_range(engine, 1, 10, 0); }), "zero step for randrange()");
    EXPECT_EQ(message([&] { random_range(engine, 1, 10, -1); }),
              "empty range in randrange(1, 10, -1)");
    EXPECT_EQ(message([&] { random_sample(engine, 2, 3); }),
              "Sample larger than population or is negative");
    EXPECT_EQ(message([&] { random_sample(engine, 2, -1); }),
              "Sample larger than population or is negative");
}

TEST(RandomAlgorithmsTest, ShuffleSwapsAsLibRandom) {
    const std::size_t sizes[] = {0, 1, 2, 5, 20, 52};
    for (std::size_t n : sizes) {
        RandomEngine engine = fresh();
        std::vector<std::size_t> items(n);
        std::iota(items.begin(), items.end(), 0);
        random_shuffle(engine, n,
                       [&](std::size_t i, std::size_t j) { std::swap(items[i], items[j]); });
        EXPECT_EQ(items, as_indices(scenario("shuffle_" + std::to_string(n)))) << "n " << n;
    }
}

TEST(RandomAlgorithmsTest, SampleUsesThePoolOrTheSetBranchAsCPython) {
    const std::size_t cases[][2] = {{10, 3},  {10, 10},   {21, 5},    {22, 5}, {30, 10},
                                    {100, 5}, {10000, 4}, {1000, 50}, {5, 0}};
    for (const auto& c : cases) {
        RandomEngine engine = fresh();
        const std::string name = "sample_" + std::to_string(c[0]) + "_" + std::to_string(c[1]);
        EXPECT_EQ(random_sample(engine, c[0], static_cast<std::int64_t>(c[1])),
                  as_indices(scenario(name)))
            << name;
    }
}

TEST(RandomAlgorithmsTest, ChoicesWithoutWeights) {
    const std::size_t cases[][2] = {{3, 6}, {5, 10}, {1, 3}};
    for (const auto& c : cases) {
        RandomEngine engine = fresh();
        const std::string name = "choices_" + std::to_string(c[0]) + "_" + std::to_string(c[1]);
        EXPECT_EQ(random_choices(engine, c[0], static_cast<std::int64_t>(c[1])),
                  as_indices(scenario(name)))
            << name;
    }
}

TEST(RandomAlgorithmsTest, ChoicesWithWeightsBisectTheCumulativeWeights) {
    {
        RandomEngine engine = fresh();
        const double cumulative[] = {10, 11, 12};
        EXPECT_EQ(random_choices_cumulative(engine, 3, cumulative, 10),
                  as_indices(scenario("choices_weights_10_1_1")));
    }
    {
        RandomEngine engine = fresh();
        const double cumulative[] = {0.5, 0.75, 1.0};
        EXPECT_EQ(random_choices_cumulative(engine, 3, cumulative, 10),
                  as_indices(scenario("choices_weights_0.5_0.25_0.25")));
    }
    {
        RandomEngine engine = fresh();
        const double cumulative[] = {1, 2, 3, 10};
        EXPECT_EQ(random_choices_cumulative(engine, 4, cumulative, 10),
                  as_indices(scenario("choices_cum_1_2_3_10")));
    }
    RandomEngine engine = fresh();
    const double zero[] = {0, 0};
    EXPECT_THROW(random_choices_cumulative(engine, 2, zero, 1), RandomValueError);
    const double one[] = {1};
    EXPECT_THROW(random_choices_cumulative(engine, 2, one, 1), RandomValueError);
}

TEST(RandomAlgorithmsTest, Uniform) {
    for (const auto& [a, b, name] :
         {std::tuple{1.5, 4.5, "uniform_1.5_4.5"}, std::tuple{5.0, -5.0, "uniform_5_-5"}}) {
        RandomEngine engine = fresh();
        std::vector<double> values;
        for (int i = 0; i < 4; ++i) {
            values.push_back(random_uniform(engine, a, b));
        }
        EXPECT_EQ(values, as_doubles(scenario(name))) << name;
    }
}

TEST(RandomAlgorithmsTest, GaussKeepsTheSecondValueForTheNextCall) {
    RandomEngine engine = fresh();
    std::optional<double> gauss_next;
    std::vector<double> values;
    for (int i = 0; i < 3; ++i) {
        values.push_back(random_gauss(engine, gauss_next, 0.0, 1.0));
    }
    for (int i = 0; i < 2; ++i) {
        values.push_back(random_gauss(engine, gauss_next, 10.0, 2.0));
    }
    EXPECT_EQ(values, as_doubles(scenario("gauss")));
}

TEST(RandomAlgorithmsTest, Expovariate) {
    RandomEngine engine = fresh();
    std::vector<double> values;
    for (int i = 0; i < 3; ++i) {
        values.push_back(random_expovariate(engine, 2.0));
    }
    EXPECT_EQ(values, as_doubles(scenario("expovariate_2")));
}

TEST(RandomEngineTest, WordsFromBigEndianDropLeadingZeros) {
    const std::uint8_t bytes[] = {0, 0, 0, 0, 0, 1, 2, 3, 4, 5};
    EXPECT_EQ(words_from_big_endian(bytes), (std::vector<std::uint32_t>{0x02030405U, 0x01U}));
    EXPECT_TRUE(words_from_big_endian(std::span<const std::uint8_t>()).empty());
}

}  // namespace
}  // namespace loopscope::script
