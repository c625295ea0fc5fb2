#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "trace/event.h"

namespace loopscope::trace {

// The trace's strings, each stored once and named by a Label (its index, in order of arrival).
//
// Every task interns its name ("Task-N") and most events name a coroutine or a callback, so
// this is on the path of every create_task: an open-addressing table of labels (4 bytes a slot,
// at most half full) instead of a node per string, which cost a sixth of a script's
// create-and-gather workload in cache misses and rehashing.
class StringTable {
public:
    StringTable();

    Label intern(std::string_view text);
    std::string_view text(Label label) const { return strings_[label]; }
    std::size_t size() const { return strings_.size(); }

private:
    static constexpr Label kEmpty = ~Label{0};

    // The slot holding `text`, or the empty slot where it belongs.
    std::size_t find_slot(std::string_view text, std::size_t hash) const;
    void grow();

    std::deque<std::string> strings_;  // a deque, so a string never moves once interned
    std::vector<Label> slots_;         // kEmpty or a label; size is a power of two
};

}  // namespace loopscope::trace
