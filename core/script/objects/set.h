#pragma once

#include <cstdint>
#include <vector>

#include "core/script/objects/object.h"
#include "core/script/objects/tracked_object.h"

namespace loopscope::script {

// A Python set or frozenset. The table follows CPython's setobject.c (sizes, linear probes,
// perturbation, resize rule) so that iteration order is CPython's: {3, 1, 2} prints {1, 2, 3}
// because hash(n) == n for small ints. Keys are never arbitrary mutable containers.
struct SetObject : TrackedObject {
    // 24 bytes: the state is kept in the hash, which the table needs anyway.
    struct Slot {
        enum class State : std::uint8_t { Empty, Used, Dummy };
        // A hash no key has (hash() gives -2 for -1, as CPython does).
        static constexpr std::int64_t kNoKey = -1;

        Value key;
        // The key's hash; kNoKey in a slot without a key, whose `key` then tells a slot never
        // used (None) from the dummy a removal leaves behind (True).
        std::int64_t hash = kNoKey;

        State state() const {
            if (hash != kNoKey) {
                return State::Used;
            }
            return key.is_none() ? State::Empty : State::Dummy;
        }
        void make_dummy() {
            key = Value::boolean(true);
            hash = kNoKey;
        }
    };
    static_assert(sizeof(Slot) == 24);

    SetObject(Runtime& rt, TypeObject* set_type);  // set or frozenset

    bool contains(Runtime& rt, const Value& key);
    bool add(Runtime& rt, const Value& key);  // false when already present
    bool discard(Runtime& rt, const Value& key);
    void clear();
    // set_merge / set_update_dict of CPython: the bulk insertions whose pre-sizing decides the
    // iteration order of set(a_set), a | b, set(a_dict) ...
    void merge(Runtime& rt, const SetObject& other);
    void merge_dict_keys(Runtime& rt, const std::vector<std::pair<Value, std::int64_t>>& keys);
    // set -= other: discards, then compacts the table when dummies exceed a quarter of it.
    void difference_update(Runtime& rt, const std::vector<Value>& keys);
    // set ^= other (CPython's set_symmetric_difference_update order).
    void symmetric_difference_update(Runtime& rt, const std::vector<Value>& keys);
    // Exchanges the tables (CPython's set_swap_bodies, used by intersection_update).
    void swap_table(SetObject& other);
    std::size_t size() const { return used_; }

    template <class F>
    void for_each(F&& f) const {
        for (const Slot& s : table) {
            if (s.state() == Slot::State::Used) {
                f(s.key);
            }
        }
    }
    std::vector<Slot> table;
    std::uint64_t mutations = 0;

    void clear_references() override;

private:
    std::int64_t find_slot(Runtime& rt, const Value& key, std::int64_t hash, bool for_insert);
    void resize(std::size_t min_used);
    void insert_clean(Value key, std::int64_t hash);
    bool add_with_hash(Runtime& rt, const Value& key, std::int64_t hash);
    std::size_t used_ = 0;
    std::size_t fill_ = 0;  // used + dummy
};

Value make_set(Runtime& rt, const std::vector<Value>& items = {});
// A set display whose elements are all constants ({3, 1, 2} with 3 or more items): CPython
// compiles it as a frozenset constant merged into a new set, which orders the elements
// differently from adding them one by one. The VM calls this for such displays.
Value make_set_from_constants(Runtime& rt, const std::vector<Value>& items);
Value make_frozenset(Runtime& rt, const std::vector<Value>& items = {});
bool is_set(Runtime& rt, const Value& v);  // set or frozenset (or subclasses)
bool is_frozenset(Runtime& rt, const Value& v);
inline SetObject& set_of(const Value& v) {
    return *v.as<SetObject>();
}

}  // namespace loopscope::script
