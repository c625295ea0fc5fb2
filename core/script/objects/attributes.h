#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/script/objects/object.h"

namespace loopscope::script {

// An insertion-ordered table from names to values: class dicts, instance dicts and module
// globals. Lookups take a string_view and never allocate. Deleting keeps the order of the others
// and re-inserting a deleted name puts it last, as CPython's dict does.
//
// `version()` changes whenever a name is added or removed (not when a value is replaced), so the
// VM can cache `find_slot` pointers and entry indexes for global and attribute lookups.
class Attributes {
public:
    struct Entry {
        std::string name;
        Value value;
        std::uint64_t hash = 0;
        bool live = true;
    };

    Attributes() = default;

    // The value's slot, or null. The pointer stays valid until the next insertion or removal.
    Value* find_slot(std::string_view name);
    const Value* find_slot(std::string_view name) const;
    bool contains(std::string_view name) const { return find_slot(name) != nullptr; }
    // Copies the value into `out` when found.
    bool get(std::string_view name, Value& out) const;
    void set(std::string_view name, Value value);
    // False when the name was absent.
    bool remove(std::string_view name);
    void clear();

    std::size_t size() const { return live_; }
    bool empty() const { return live_ == 0; }
    std::uint64_t version() const { return version_; }

    // Iterates live entries in insertion order: for (auto& e : attrs) if (e.live) ...
    // (use for_each to skip dead ones).
    template <class F>
    void for_each(F&& f) const {
        for (const Entry& e : entries_) {
            if (e.live) {
                f(e.name, e.value);
            }
        }
    }
    // Entries, including dead ones (live == false), in insertion order.
    const std::vector<Entry>& entries() const { return entries_; }
    std::vector<Entry>& entries() { return entries_; }

    static std::uint64_t hash_name(std::string_view name);

private:
    std::int64_t find_index(std::string_view name, std::uint64_t hash) const;
    void rebuild_index();
    void compact();
    void insert_in_index(std::size_t entry);

    std::vector<Entry> entries_;
    std::vector<std::int32_t> index_;  // open addressing; -1 empty; entry indexes otherwise
    std::size_t live_ = 0;
    std::uint64_t version_ = 0;
};

}  // namespace loopscope::script
