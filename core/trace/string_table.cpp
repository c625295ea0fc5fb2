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
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const std::uint64_t value = slots_[slot];
        if (value == kEmpty ||
            (slot_value(value, 0) == upper && strings_[label_of(value)] == text)) {
            return slot;
        }
    }
}

void StringTable::grow() {
    slots_.assign(slots_.size() * 2, kEmpty);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t label = 0; label < strings_.size(); ++label) {
        const std::uint64_t hash = hash_of(strings_[label]);
        std::size_t slot = hash & mask;
        while (slots_[slot] != kEmpty) {
            slot = (slot + 1) & mask;
        }
        slots_[slot] = slot_value(hash, static_cast<Label>(label));
    }
}

}  // namespace loopscope::trace
