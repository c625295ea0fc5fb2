#include "trace/string_table.h"

#include <functional>

namespace loopscope::trace {

namespace {

std::uint64_t hash_of(std::string_view text) {
    return std::hash<std::string_view>{}(text);
}

}  // namespace

StringTable::StringTable() : slots_(64, kEmpty) {}

Label StringTable::intern(std::string_view text) {
    const std::uint64_t hash = hash_of(text);
    const std::size_t slot = find_slot(text, hash);
    if (slots_[slot] != kEmpty) {
        return label_of(slots_[slot]);
    }
    const auto label = static_cast<Label>(strings_.size());
    strings_.emplace_back(text);
    slots_[slot] = slot_value(hash, label);
    if (strings_.size() * 2 > slots_.size()) {
        grow();
    }
    return label;
}

std::size_t StringTable::find_slot(std::string_view text, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t upper = slot_value(hash, 0);
    for (std::size_t slot = home_of(upper) & mask;; slot = (slot + 1) & mask) {
        const std::uint64_t value = slots_[slot];
        if (value == kEmpty ||
            (slot_value(value, 0) == upper && strings_[label_of(value)] == text)) {
            return slot;
        }
    }
}

void StringTable::grow() {
    // Each slot carries the hash bits that place it, so growing reads no string.
    std::vector<std::uint64_t> old(slots_.size() * 2, kEmpty);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const std::uint64_t value : old) {
        if (value == kEmpty) {
            continue;
        }
        std::size_t slot = home_of(value) & mask;
        while (slots_[slot] != kEmpty) {
            slot = (slot + 1) & mask;
        }
        slots_[slot] = value;
    }
}

}  // namespace loopscope::trace
