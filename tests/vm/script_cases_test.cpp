// Runs every script in tests/vm/cases/ through the Interpreter and compares its stdout, the last
// line of its stderr and its exit code with what CPython 3.12 printed (tests/vm/expected/,
// recorded by tests/vm/cpython/record_expected.py).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "script/modules/math_module.h"
#include "script/modules/random_module.h"
#include "script/modules/script_modules.h"
#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"

namespace loopscope::script {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(LOOPSCOPE_TEST_DATA) / "vm" / "cases";
const fs::path kExpected = fs::path(LOOPSCOPE_TEST_DATA) / "vm" / "expected";

// Recordings name the cases' folder `<cases>` (record_expected.py), so that they hold in any
// checkout; a run's output gets the same treatment before it is compared.
std::string with_cases_placeholder(std::string text) {
    const std::string folder = fs::weakly_canonical(kCases).string();
    for (std::size_t at = text.find(folder); at != std::string::npos; at = text.find(folder, at)) {
        text.replace(at, folder.size(), "<cases>");
    }
    return text;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string last_line(const std::string& text) {
    std::string t = text;
    while (!t.empty() && t.back() == '\n')
        t.pop_back();
    std::size_t nl = t.rfind('\n');
    return nl == std::string::npos ? t : t.substr(nl + 1);
}

struct RunResult {
    std::string out;
    std::string err;
    int code = 0;
};

RunResult run_script(const fs::path& path, std::int64_t instruction_limit = 0,
                     bool with_modules = false) {
    RunResult r;
    Runtime rt;
    if (with_modules) {
        register_script_modules(rt);
        register_math_module(rt);
        register_random_module(rt);
    }
    rt.limits.instructions = instruction_limit;
    rt.set_stdout_sink([&](std::string_view s) { r.out += s; });
    rt.set_stderr_sink([&](std::string_view s) { r.err += s; });
    Interpreter interpreter(rt);
    r.code = interpreter.run_file(path.string());
    return r;
}

std::vector<std::string> case_names() {
    std::vector<std::string> names;
    if (!fs::exists(kCases))
        return names;
    for (const auto& e : fs::directory_iterator(kCases))
        if (e.path().extension() == ".py")
            names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

class ScriptCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ScriptCase, MatchesCPython) {
    const std::string name = GetParam();
    fs::path expected_out = kExpected / (name + ".stdout");
    if (!fs::exists(expected_out))
        GTEST_SKIP() << "no recording for " << name;
    RunResult r = run_script(kCases / (name + ".py"));
    EXPECT_EQ(r.out, read_file(expected_out)) << "stderr:\n" << r.err;
    EXPECT_EQ(last_line(with_cases_placeholder(r.err)),
              last_line(read_file(kExpected / (name + ".stderr"))))
        << "full stderr:\n"
        << r.err;
    EXPECT_EQ(r.code, std::stoi(read_file(kExpected / (name + ".code"))));
}

INSTANTIATE_TEST_SUITE_P(Cases, ScriptCase, ::testing::ValuesIn(case_names()),
                         [](const auto& param_info) { return param_info.param; });

// A developer aid: LOOPSCOPE_VM_SCRIPT=path runs one script and shows what it printed.
TEST(ScriptRunner, RunsTheScriptNamedInTheEnvironment) {
    const char* path = std::getenv("LOOPSCOPE_VM_SCRIPT");
    if (!path)
        GTEST_SKIP();
    const char* limit = std::getenv("LOOPSCOPE_VM_MAX_INSTRUCTIONS");
    RunResult r = run_script(path, limit ? std::stoll(limit) : 0,
                             std::getenv("LOOPSCOPE_VM_MODULES") != nullptr);
    std::cout << r.out << "---- stderr ----\n" << r.err << "---- exit " << r.code << "\n";
}

}  // namespace
}  // namespace loopscope::script
