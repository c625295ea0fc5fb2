// Inputs that must never crash the parser or make it slow: deep nesting, long files, binary
// garbage. The expected messages are CPython 3.12's (checked with `python3 file.py`).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "script/syntax/parser.h"

namespace loopscope::script {
namespace {

std::string repeat(std::string_view piece, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        out += piece;
    }
    return out;
}

std::string error_message(std::string_view source) {
    ParseOutcome outcome = parse_module(source, "deep.py");
    if (!outcome.error) {
        return "parsed";
    }
    return outcome.error->type + ": " + outcome.error->message;
}

TEST(ParserLimits, TooManyNestedParentheses) {
    std::string source = "x = " + repeat("(", 3000) + "1" + repeat(")", 3000) + "\n";
    ParseOutcome outcome = parse_module(source, "deep.py");
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->message, "too many nested parentheses");
    EXPECT_EQ(outcome.error->line, 1);
    EXPECT_EQ(outcome.error->offset, 205);
}

TEST(ParserLimits, DeepExpressionsAreCPythonsRecursionError) {
    const std::string too_deep =
        "RecursionError: maximum recursion depth exceeded during compilation";
    // CPython 3.12 compiles 2992 levels and refuses 2993.
    EXPECT_EQ(error_message("x = " + repeat("-", 2992) + "1\n"), "parsed");
    EXPECT_EQ(error_message("x = " + repeat("-", 2993) + "1\n"), too_deep);
    EXPECT_EQ(error_message("x = " + repeat("not ", 5000) + "x\n"), too_deep);
    EXPECT_EQ(error_message("x = 1" + repeat(" + 1", 100000) + "\n"), too_deep);
    EXPECT_EQ(error_message("x = a" + repeat(".b", 10000) + "\n"), too_deep);
    EXPECT_EQ(error_message("x = f" + repeat("()", 10000) + "\n"), too_deep);
    EXPECT_EQ(error_message("x = " + repeat("1 if y else ", 3000) + "1\n"), too_deep);
    EXPECT_EQ(error_message("x = " + repeat("lambda: ", 5000) + "1\n"), too_deep);
    EXPECT_EQ(error_message("x = " + repeat("2 ** ", 5000) + "2\n"), too_deep);
    // Flat chains build flat nodes: no limit.
    EXPECT_EQ(error_message("x = a" + repeat(" and a", 100000) + "\n"), "parsed");
}

TEST(ParserLimits, TooManyLevelsOfIndentation) {
    std::string source;
    for (int i = 0; i < 101; ++i) {
        source += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
    }
    source += std::string(101, ' ') + "pass\n";
    EXPECT_EQ(error_message(source), "IndentationError: too many levels of indentation");
}

TEST(ParserLimits, BinaryGarbageIsAnError) {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
        garbage += static_cast<char>((i * 7919 + 13) % 256);
    }
    ParseOutcome outcome = parse_module(garbage, "garbage.py");
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->type, "SyntaxError");
}

TEST(ParserLimits, NullBytes) {
    EXPECT_EQ(error_message(std::string("x = 1\0\n", 7)),
              "SyntaxError: source code cannot contain null bytes");
}

TEST(ParserLimits, TenThousandLinesParseQuickly) {
    std::string source;
    for (int i = 0; i < 2000; ++i) {
        std::string n = std::to_string(i);
        source += "async def task_" + n + "(queue, delay=0.1):\n";
        source += "    for item in range(" + n + "):\n";
        source += "        await queue.put({'id': item, 'name': f'task {item!r:>4}'})\n";
        source += "    return [x * 2 for x in range(10) if x % 3 == 0]\n";
        source += "\n";
    }
    auto start = std::chrono::steady_clock::now();
    ParseOutcome outcome = parse_module(source, "big.py");
    auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(outcome.module);
    EXPECT_EQ(outcome.module->body.size(), 2000u);
    // About 20 ms optimised (-O2); unoptimised builds are ten times slower, sanitizers more.
#ifdef NDEBUG
    constexpr long kBoundMs = 100;
#else
    constexpr long kBoundMs = 3000;
#endif
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), kBoundMs);
}

}  // namespace
}  // namespace loopscope::script
