#pragma once

#include <gtest/gtest.h>

#include <string>

#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"

namespace loopscope {

// A loop and scheduler to run primitives on, and a log of `what@iteration` notes in the format
// the CPython scripts in tests/sync/cpython/ print, so a test compares its notes() with the
// line its script printed.
struct SyncTest : ::testing::Test {
    EventLoop loop;
    Scheduler scheduler{loop};
    std::string log;

    void note(const std::string& what) {
        append_word(log, what + "@" + std::to_string(loop.iteration()));
    }
    const std::string& notes() const { return log; }

    static std::string python_bool(bool value) { return value ? "True" : "False"; }
    // "w" + std::to_string(i) trips g++ 12's -Wrestrict false positive at -O3 (GCC PR 105329).
    static std::string numbered(const char* prefix, int number) {
        std::string name(prefix);
        name += std::to_string(number);
        return name;
    }
    // Appends `word` to a space-separated line.
    static void append_word(std::string& line, const std::string& word) {
        if (!line.empty()) {
            line += ' ';
        }
        line += word;
    }
};

}  // namespace loopscope
