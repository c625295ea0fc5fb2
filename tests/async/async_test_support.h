#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "async/run.h"

namespace loopscope::testing {

// A loop, its scheduler and a log of `what@iteration` notes, joined with spaces the way the
// scripts in tests/async/cpython/ print them, so that an expectation is a line CPython printed.
struct AsyncTest : ::testing::Test {
    EventLoop loop;
    Scheduler scheduler{loop};
    std::vector<std::string> log;

    void note(const std::string& what) {
        log.push_back(what + "@" + std::to_string(loop.iteration()));
    }
    std::string notes() const {
        std::string joined;
        for (const std::string& entry : log) {
            joined += (joined.empty() ? "" : " ") + entry;
        }
        return joined;
    }
};

}  // namespace loopscope::testing
