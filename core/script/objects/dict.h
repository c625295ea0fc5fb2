#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/script/objects/object.h"
#include "core/script/objects/tracked_object.h"

namespace loopscope::script {

// A Python dict: insertion-ordered entries plus an open-addressing index of entry positions.
// Keys are compared with identity first, then equals (which may run user __eq__).
struct DictObject : TrackedObject {
    // 40 bytes: a removed entry is told by its hash, which the index needs anyway.
    struct Entry {
        // A hash no key has (hash() gives -2 for -1, as CPython does).
        static constexpr std::int64_t kRemoved = -1;

        Value key;
        Value value;
        std::int64_t hash = 0;  // kRemoved once the entry is removed

        bool live() const { return hash != kRemoved; }
    };
    static_assert(sizeof(Entry) == 40);

    explicit DictObject(Runtime& rt);

    // The value slot for `key`, or null. Raises TypeError for unhashable keys. The pointer is
    // valid until the next insertion or removal.
    Value* find(Runtime& rt, const Value& key);
    Value* find_str(Runtime& rt, std::string_view key);
    void set(Runtime& rt, const Value& key, Value value);
    // False when absent; the removed value goes to `removed` when given.
    bool remove(Runtime& rt, const Value& key, Value* removed = nullptr);
    void clear();
    std::size_t size() const { return live_; }

    // Live entries in insertion order. `mutations` changes on every insertion/removal, so
    // iterators raise "dictionary changed size during iteration".
    template <class F>
    void for_each(F&& f) const {
        for (const Entry& e : entries) {
            if (e.live()) {
                f(e.key, e.value);
            }
        }
    }
    std::vector<Entry> entries;  // including removed ones (live() is false)
    std::uint64_t mutations = 0;

    void clear_references() override;

private:
    std::int64_t find_index(Runtime& rt, const Value& key, std::int64_t hash);
    void rebuild_index();
    std::vector<std::int32_t> index_;
    std::size_t live_ = 0;
};

Value make_dict(Runtime& rt);
bool is_dict(Runtime& rt, const Value& v);  // dict or a subclass
inline DictObject& dict_of(const Value& v) {
    return *v.as<DictObject>();
}

}  // namespace loopscope::script
