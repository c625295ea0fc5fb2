#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "loop/event_loop.h"

namespace loopscope::testing {

// Runs the loop until `duration` of loop time has passed.
inline void run_for(EventLoop& loop, Nanos duration) {
    loop.call_later(duration, [&loop] { loop.stop(); });
    loop.run_forever();
}

// The callback orders recorded from CPython by tests/loop/cpython/record_loop_orders.py.
inline std::map<std::string, std::vector<int>> cpython_loop_orders() {
    std::ifstream file(std::string(LOOPSCOPE_TEST_DATA) + "/loop/expected/loop_orders.txt");
    std::map<std::string, std::vector<int>> orders;
    std::string line;
    while (std::getline(file, line)) {
        const auto colon = line.find(':');
        std::istringstream numbers(line.substr(colon + 1));
        std::vector<int>& order = orders[line.substr(0, colon)];
        for (int n = 0; numbers >> n;) {
            order.push_back(n);
        }
    }
    return orders;
}

}  // namespace loopscope::testing
