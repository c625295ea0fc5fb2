// Python scripts under cases/ run through the Interpreter; their stdout and exit code must be
// what CPython 3.12 printed (cpython/record_cases.py → expected/<name>.out).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/script/objects/runtime.h"
#include "core/script/vm/interpreter.h"

namespace loopscope::script {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

std::filesystem::path objects_dir() {
    return std::filesystem::path(LOOPSCOPE_TEST_DATA) / "objects";
}

class ScriptCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ScriptCase, MatchesCPython) {
    const std::string name = GetParam();
    const std::filesystem::path script = objects_dir() / "cases" / (name + ".py");
    const std::string expected = read_file(objects_dir() / "expected" / (name + ".out"));
    Runtime rt;
    std::string out, err;
    rt.set_stdout_sink([&](std::string_view text) { out += text; });
    rt.set_stderr_sink([&](std::string_view text) { err += text; });
    Interpreter interpreter(rt);
    const int code = interpreter.run_file(script.string());
    out += "exit " + std::to_string(code) + "\n";
    // Compare line by line for readable failures.
    std::istringstream want(expected), got(out);
    std::string want_line, got_line;
    int line = 1;
    int failures = 0;
    while (failures < 10) {
        const bool more_want = static_cast<bool>(std::getline(want, want_line));
        const bool more_got = static_cast<bool>(std::getline(got, got_line));
        if (!more_want && !more_got) {
            break;
        }
        if (want_line != got_line) {
            ++failures;
            ADD_FAILURE() << name << ".py output line " << line << "\n  CPython:   " << want_line
                          << "\n  Loopscope: " << got_line << "\nstderr:\n"
                          << err;
        }
        ++line;
    }
}

std::vector<std::string> case_names() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(objects_dir() / "cases")) {
        if (entry.path().extension() == ".py") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, ScriptCase, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                             return param_info.param;
                         });

}  // namespace
}  // namespace loopscope::script
