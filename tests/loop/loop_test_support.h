#pragma once

#include <map>
#include <string>
#include <vector>

#include "loop/event_loop.h"
#include "support/cpython_expected.h"

namespace loopscope::testing {

// Runs the loop until `duration` of loop time has passed.
inline void run_for(EventLoop& loop, Nanos duration) {
    loop.call_later(duration, [&loop] { loop.stop(); });
    loop.run_forever();
}

// The callback orders recorded from CPython by tests/loop/cpython/record_loop_orders.py.
inline std::map<std::string, std::vector<int>> cpython_loop_orders() {
    std::map<std::string, std::vector<int>> orders;
    for (const auto& [scenario, tokens] : cpython_expected("loop/expected/loop_orders.txt")) {
        std::vector<int>& order = orders[scenario];
        for (const std::string& token : tokens) {
            order.push_back(std::stoi(token));
        }
    }
    return orders;
}

}  // namespace loopscope::testing
