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
// this is on the path of every create_task: an open-addressing table (8 bytes a slot, at most
// half full) instead of a node per string, which cost a sixth of a script's create-and-gather
// workload in cache misses and rehashing. Each slot keeps the upper half of its string's hash
// beside the label, so probing past other strings rarely has to read them, and probing starts
// from those same bits, so growing never reads a string.
class StringTable {
public:
    StringTable();

    Label intern(std::string_view text);
    std::string_view text(Label label) const { return strings_[label]; }
    std::size_t size() const { return strings_.size(); }

private:
    // A slot: the hash's upper 32 bits, then the label; kEmpty when free.
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
    static std::uint64_t slot_value(std::uint64_t hash, Label label) {
        return (hash & 0xffff'ffff'0000'0000) | label;
    }
    static Label label_of(std::uint64_t slot) { return static_cast<Label>(slot); }
    // Where probing for a slot value (or a hash) starts, before masking: its upper half, the
    // part the slot keeps, so the table can grow without hashing its strings again.
    static std::size_t home_of(std::uint64_t value) {
        return static_cast<std::size_t>(value >> 32);
    }

    // The slot holding `text`, or the empty slot where it belongs.
    std::size_t find_slot(std::string_view text, std::uint64_t hash) const;
    void grow();

    std::deque<std::string> strings_;   // a deque, so a string never moves once interned
    std::vector<std::uint64_t> slots_;  // size is a power of two
};

}  // namespace loopscope::trace
