#include "trace/string_table.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <functional>

namespace loopscope::trace {

namespace {

constexpr std::string_view kTaskNamePrefix = "Task-";

std::uint64_t hash_of(std::string_view text) {
    return std::hash<std::string_view>{}(text);
}

}  // namespace

StringTable::StringTable() : slots_(64, kEmpty) {}

Label StringTable::intern(std::string_view text) {
    if (has_last_ && text == last_text_) {
        return last_label_;
    }
    if (const std::optional<std::uint32_t> number = indexed_task_number(text)) {
        return intern_indexed_task_name(*number);
    }
    return intern_hashed(text);
}

Label StringTable::intern_task_name(std::uint32_t number) {
    if (number < kTaskNumbersIndexed) {
        return intern_indexed_task_name(number);
    }
    return intern_hashed(std::string(kTaskNamePrefix) + std::to_string(number));
}

std::optional<std::uint32_t> StringTable::indexed_task_number(std::string_view text) {
    if (!text.starts_with(kTaskNamePrefix)) {
        return std::nullopt;
    }
    const std::string_view digits = text.substr(kTaskNamePrefix.size());
    // from_chars would also read "Task-007", which no default name is: it is hashed instead.
    if (digits.empty() || digits[0] < '0' || digits[0] > '9' ||
        (digits[0] == '0' && digits.size() > 1)) {
        return std::nullopt;
    }
    std::uint32_t number = 0;
    const char* end = digits.data() + digits.size();
    const auto [stop, error] = std::from_chars(digits.data(), end, number);
    if (error != std::errc() || stop != end || number >= kTaskNumbersIndexed) {
        return std::nullopt;
    }
    return number;
}

Label StringTable::intern_indexed_task_name(std::uint32_t number) {
    const std::size_t page = number >> kTaskNamePageBits;
    if (page >= task_name_pages_.size()) {
        task_name_pages_.resize(page + 1);
    }
    if (!task_name_pages_[page]) {
        task_name_pages_[page] = std::make_unique<TaskNamePage>();  // value-initialised: all 0
    }
    // The page keeps label + 1, so that 0 (a fresh page) means "not interned yet".
    Label& entry = (*task_name_pages_[page])[number & ((1u << kTaskNamePageBits) - 1)];
    if (entry != 0) {
        return entry - 1;
    }
    const auto label = static_cast<Label>(strings_.size());
    strings_.emplace_back();  // written out by text(), if anyone asks
    task_name_numbers_.emplace_back(label, number);
    entry = label + 1;
    return label;
}

std::string_view StringTable::write_task_name(Label label) const {
    const auto found = std::lower_bound(
        task_name_numbers_.begin(), task_name_numbers_.end(), label,
        [](const std::pair<Label, std::uint32_t>& entry, Label l) { return entry.first < l; });
    std::string& text = strings_[label];
    if (found == task_name_numbers_.end() || found->first != label) {
        return text;  // not reached: only "" and unwritten task names are empty
    }
    // As std::to_string writes it. At most 15 characters, so it stays inside the string.
    char buffer[kTaskNamePrefix.size() + 10];
    std::memcpy(buffer, kTaskNamePrefix.data(), kTaskNamePrefix.size());
    const char* end =
        std::to_chars(buffer + kTaskNamePrefix.size(), buffer + sizeof buffer, found->second).ptr;
    text.assign(buffer, static_cast<std::size_t>(end - buffer));
    return text;
}

Label StringTable::intern_hashed(std::string_view text) {
    const std::uint64_t hash = hash_of(text);
    const std::size_t slot = find_slot(text, hash);
    Label label;
    if (slots_[slot] != kEmpty) {
        label = label_of(slots_[slot]);
    } else {
        label = static_cast<Label>(strings_.size());
        strings_.emplace_back(text);
        if (text.empty()) {
            empty_label_ = label;
        }
        slots_[slot] = slot_value(hash, label);
        if (++hashed_ * 2 > slots_.size()) {
            grow();
        }
    }
    last_text_ = strings_[label];
    last_label_ = label;
    has_last_ = true;
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
