#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace loopscope::testing {

// Reads an expectations file recorded from CPython by a script under tests/*/cpython/:
// one `name: token token ...` line per scenario. Tests compare against these, never against
// orderings typed by hand.
inline std::map<std::string, std::vector<std::string>> cpython_expected(
    const std::string& relative_path) {
    const std::string path = std::string(LOOPSCOPE_TEST_DATA) + "/" + relative_path;
    std::ifstream file(path);
    if (!file) {
        throw std::runtime_error("missing CPython recording: " + path);
    }
    std::map<std::string, std::vector<std::string>> expected;
    std::string line;
    while (std::getline(file, line)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            continue;
        }
        std::istringstream tokens(line.substr(colon + 1));
        std::vector<std::string>& scenario = expected[line.substr(0, colon)];
        for (std::string token; tokens >> token;) {
            scenario.push_back(token);
        }
    }
    return expected;
}

}  // namespace loopscope::testing
