#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
//
// Default task names get a path of their own: a task's "Task-N" is looked up by N in an array
// (Task-1, Task-2, ... arrive in order), never hashed or probed, and its text is written out
// only when read; hashing, probing and writing them cost a tenth of a create-and-gather
// workload with recording on. Any text of that form goes there, whoever interns it (a
// set_name("Task-3"), a saved trace loaded again), so each text still has one label and
// labels still count up in order of arrival, exactly as if every name had been hashed.
class StringTable {
public:
    StringTable();

    Label intern(std::string_view text);
    // intern("Task-<number>"), without writing the text out to find it.
    Label intern_task_name(std::uint32_t number);
    // A default task name is written out the first time it is read (most never are), so
    // text() may write: like intern(), it belongs to one thread at a time.
    std::string_view text(Label label) const {
        const std::string& stored = strings_[label];
        if (stored.empty() && label != empty_label_) [[unlikely]] {
            return write_task_name(label);
        }
        return stored;
    }
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

    // Task names by number: pages of labels, allocated as numbers reach them, so a stray
    // set_name("Task-9999999") costs one page and not an array up to it. Numbers from
    // kTaskNumbersIndexed on (no run creates that many tasks) are hashed like any text.
    static constexpr std::size_t kTaskNamePageBits = 12;
    static constexpr std::uint32_t kTaskNumbersIndexed = 1u << 24;
    using TaskNamePage = std::array<Label, std::size_t{1} << kTaskNamePageBits>;  // 0: none yet

    // N when `text` is "Task-N" as a default name spells it (no sign, no leading zero) and N
    // is below kTaskNumbersIndexed, so such a text is found where intern_task_name puts it.
    static std::optional<std::uint32_t> indexed_task_number(std::string_view text);
    Label intern_indexed_task_name(std::uint32_t number);
    Label intern_hashed(std::string_view text);
    // Writes out the task name `label` stands for, as intern_task_name kept it unwritten.
    std::string_view write_task_name(Label label) const;
    // The slot holding `text`, or the empty slot where it belongs.
    std::size_t find_slot(std::string_view text, std::uint64_t hash) const;
    void grow();

    // A deque, so a string never moves once interned. An empty string at any label but
    // empty_label_ is a task name not written out yet: its number is in task_name_numbers_.
    mutable std::deque<std::string> strings_;
    std::vector<std::uint64_t> slots_;  // size is a power of two
    std::size_t hashed_ = 0;            // strings in slots_ (not those found by task number)
    std::vector<std::unique_ptr<TaskNamePage>> task_name_pages_;
    // (label, N) of each task name interned by number, in order of label.
    std::vector<std::pair<Label, std::uint32_t>> task_name_numbers_;
    Label empty_label_ = ~Label{0};  // the label of "", once interned
    // The text interned last through the hash table and its label: the same coroutine name
    // comes again and again (a loop of create_task(child())), and comparing it once is cheaper
    // than hashing and probing, even with recording off, when nothing else is interned.
    std::string_view last_text_;
    Label last_label_ = 0;
    bool has_last_ = false;
};

}  // namespace loopscope::trace
