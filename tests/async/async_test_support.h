#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "async/run.h"
#include "support/cpython_expected.h"

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

// An AsyncTest whose expectations were recorded from CPython into a file by a script in
// tests/async/cpython/ (`scenario: note note ...` lines), rather than written into the test.
struct RecordedOrdersTest : AsyncTest {
    explicit RecordedOrdersTest(const std::string& recording = "async/expected/task_orders.txt")
        : expected(cpython_expected(recording)) {}

    const std::vector<std::string>& cpython(const std::string& scenario) const {
        return expected.at(scenario);
    }

    std::map<std::string, std::vector<std::string>> expected;
};

}  // namespace loopscope::testing
