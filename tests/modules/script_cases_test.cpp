// Runs every script in tests/modules/cases/ (asyncio, time, sys) through the Interpreter on the
// virtual clock and compares its stdout, the last line of its stderr and its exit code with what
// CPython 3.12 printed (tests/modules/expected/, recorded by
// tests/modules/cpython/record_expected.py). The cases directory's path is written <cases>.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "script/modules/asyncio_state.h"
#include "script/modules/script_modules.h"
#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"

namespace loopscope::script {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(LOOPSCOPE_TEST_DATA) / "modules" / "cases";
const fs::path kExpected = fs::path(LOOPSCOPE_TEST_DATA) / "modules" / "expected";

// Cases whose whole stderr must match, not just its last line.
const std::vector<std::string> kWholeStderr = {"asyncio_unretrieved", "asyncio_never_awaited",
                                               "asyncio_never_awaited_builtin",
                                               "asyncio_lock_context_methods"};
// Cases whose whole stderr must match but for the durations of debug mode's reports ("took
// 0.151 seconds": CPython's real clock overshoots the time.sleep() a little, ours does not).
const std::vector<std::string> kWholeStderrButDurations = {"asyncio_debug_slow_steps"};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string last_line(const std::string& text) {
    std::string t = text;
    while (!t.empty() && t.back() == '\n') {
        t.pop_back();
    }
    const std::size_t nl = t.rfind('\n');
    return nl == std::string::npos ? t : t.substr(nl + 1);
}

// "took 0.151 seconds" → "took <t> seconds".
std::string without_durations(const std::string& text) {
    static const std::regex duration("took [0-9]+\\.[0-9]+ seconds");
    return std::regex_replace(text, duration, "took <t> seconds");
}

std::string with_placeholder(std::string text) {
    const std::string dir = kCases.string();
    for (std::size_t at = text.find(dir); at != std::string::npos; at = text.find(dir, at)) {
        text.replace(at, dir.size(), "<cases>");
    }
    return text;
}

struct RunResult {
    std::string out;
    std::string err;
    int code = 0;
};

RunResult run_script(const fs::path& path) {
    RunResult r;
    Runtime rt;
    rt.set_stdout_sink([&](std::string_view s) { r.out += s; });
    rt.set_stderr_sink([&](std::string_view s) { r.err += s; });
    register_script_modules(rt);
    Interpreter interpreter(rt);
    r.code = interpreter.run_file(path.string());
    r.out = with_placeholder(r.out);
    r.err = with_placeholder(r.err);
    return r;
}

std::vector<std::string> case_names() {
    std::vector<std::string> names;
    if (!fs::exists(kCases)) {
        return names;
    }
    for (const auto& e : fs::directory_iterator(kCases)) {
        if (e.path().extension() == ".py") {
            names.push_back(e.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

class ModuleScriptCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ModuleScriptCase, MatchesCPython) {
    const std::string name = GetParam();
    const fs::path expected_out = kExpected / (name + ".stdout");
    if (!fs::exists(expected_out)) {
        GTEST_SKIP() << "no recording for " << name;
    }
    const RunResult r = run_script(kCases / (name + ".py"));
    EXPECT_EQ(r.out, read_file(expected_out)) << "stderr:\n" << r.err;
    const std::string expected_err = read_file(kExpected / (name + ".stderr"));
    const auto listed = [&name](const std::vector<std::string>& names) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    if (listed(kWholeStderr)) {
        EXPECT_EQ(r.err, expected_err);
    } else if (listed(kWholeStderrButDurations)) {
        EXPECT_EQ(without_durations(r.err), without_durations(expected_err));
    } else {
        EXPECT_EQ(last_line(r.err), last_line(expected_err)) << "full stderr:\n" << r.err;
    }
    EXPECT_EQ(r.code, std::stoi(read_file(kExpected / (name + ".code"))));
}

INSTANTIATE_TEST_SUITE_P(Cases, ModuleScriptCase, ::testing::ValuesIn(case_names()),
                         [](const auto& test_info) { return test_info.param; });

// A developer aid: LOOPSCOPE_MODULES_SCRIPT=path runs one script and shows what it printed.
TEST(ModuleScriptRunner, RunsTheScriptNamedInTheEnvironment) {
    const char* path = std::getenv("LOOPSCOPE_MODULES_SCRIPT");
    if (path == nullptr) {
        GTEST_SKIP();
    }
    const RunResult r = run_script(path);
    std::cout << r.out << "---- stderr ----\n" << r.err << "---- exit " << r.code << "\n";
}

}  // namespace
}  // namespace loopscope::script
