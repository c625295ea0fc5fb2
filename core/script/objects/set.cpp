#include "core/script/objects/set.h"

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/dict.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/sequence_ops.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// Sets follow CPython's setobject.c table layout so that iteration order matches.

namespace loopscope::script {

namespace {

constexpr std::size_t kMinSize = 8;
constexpr std::size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

using State = SetObject::Slot::State;

}  // namespace

SetObject::SetObject(Runtime& rt, TypeObject* set_type) : TrackedObject(rt, set_type) {
    table.resize(kMinSize);
}

void SetObject::clear_references() {
    table.clear();
    table.resize(kMinSize);
    used_ = fill_ = 0;
}

std::int64_t SetObject::find_slot(Runtime& rt, const Value& key, std::int64_t hash,
                                  bool for_insert) {
    const std::size_t mask = table.size() - 1;
    auto perturb = static_cast<std::size_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::int64_t free_slot = -1;
    while (true) {
        std::size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        std::size_t j = i;
        while (true) {
            Slot& s = table[j];
            if (s.state() == State::Empty) {
                if (for_insert && free_slot >= 0) {
                    return free_slot;
                }
                return for_insert ? static_cast<std::int64_t>(j)
                                  : -1 - static_cast<std::int64_t>(j);
            }
            if (s.state() == State::Used && s.hash == hash) {
                if (identical(s.key, key)) {
                    return static_cast<std::int64_t>(j) | (std::int64_t{1} << 62);
                }
                if (!(s.key.is_int() && key.is_int())) {
                    // A copy: __eq__ may run code that changes the table.
                    Value candidate = s.key;
                    if (equals(rt, candidate, key)) {
                        return static_cast<std::int64_t>(j) | (std::int64_t{1} << 62);
                    }
                }
            } else if (s.state() == State::Dummy) {
                // CPython 3.12's set_add_entry reuses the last dummy it passed, not the first.
                free_slot = static_cast<std::int64_t>(j);
            }
            if (probes-- == 0) {
                break;
            }
            ++j;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool SetObject::contains(Runtime& rt, const Value& key) {
    const std::int64_t r = find_slot(rt, key, script::hash(rt, key), false);
    return r >= 0 && (r & (std::int64_t{1} << 62));
}

bool SetObject::add(Runtime& rt, const Value& key) {
    return add_with_hash(rt, key, script::hash(rt, key));
}

bool SetObject::add_with_hash(Runtime& rt, const Value& key, std::int64_t h) {
    const std::int64_t r = find_slot(rt, key, h, true);
    if (r & (std::int64_t{1} << 62)) {
        return false;
    }
    Slot& s = table[static_cast<std::size_t>(r)];
    const bool was_empty = s.state() == State::Empty;
    s.key = key;
    s.hash = h;
    ++used_;
    ++mutations;
    if (was_empty) {
        ++fill_;
        if (fill_ * 5 >= (table.size() - 1) * 3) {
            resize(used_ > 50000 ? used_ * 2 : used_ * 4);
        }
    }
    return true;
}

void SetObject::insert_clean(Value key, std::int64_t h) {
    const std::size_t mask = table.size() - 1;
    auto perturb = static_cast<std::size_t>(h);
    std::size_t i = static_cast<std::size_t>(h) & mask;
    while (true) {
        std::size_t found = SIZE_MAX;
        if (table[i].state() == State::Empty) {
            found = i;
        } else if (i + kLinearProbes <= mask) {
            for (std::size_t j = 1; j <= kLinearProbes; ++j) {
                if (table[i + j].state() == State::Empty) {
                    found = i + j;
                    break;
                }
            }
        }
        if (found != SIZE_MAX) {
            table[found].key = std::move(key);
            table[found].hash = h;
            return;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void SetObject::merge(Runtime& rt, const SetObject& other) {
    if (&other == this || other.used_ == 0) {
        return;
    }
    if ((fill_ + other.used_) * 5 >= (table.size() - 1) * 3) {
        resize((used_ + other.used_) * 2);
    }
    ++mutations;
    if (fill_ == 0 && table.size() == other.table.size() && other.fill_ == other.used_) {
        for (std::size_t i = 0; i < table.size(); ++i) {
            if (other.table[i].state() == State::Used) {
                table[i] = other.table[i];
            }
        }
        fill_ = used_ = other.used_;
        return;
    }
    if (fill_ == 0) {
        fill_ = used_ = other.used_;
        for (const Slot& slot : other.table) {
            if (slot.state() == State::Used) {
                insert_clean(slot.key, slot.hash);
            }
        }
        return;
    }
    std::vector<Slot> snapshot = other.table;
    for (const Slot& slot : snapshot) {
        if (slot.state() == State::Used) {
            add_with_hash(rt, slot.key, slot.hash);
        }
    }
}

void SetObject::difference_update(Runtime& rt, const std::vector<Value>& keys) {
    for (const Value& k : keys) {
        discard(rt, k);
    }
    if (fill_ - used_ > (table.size() - 1) / 4) {
        resize(used_ > 50000 ? used_ * 2 : used_ * 4);
    }
}

void SetObject::symmetric_difference_update(Runtime& rt, const std::vector<Value>& keys) {
    for (const Value& k : keys) {
        if (!discard(rt, k)) {
            add(rt, k);
        }
    }
}

void SetObject::swap_table(SetObject& other) {
    std::swap(table, other.table);
    std::swap(used_, other.used_);
    std::swap(fill_, other.fill_);
    ++mutations;
    ++other.mutations;
}

void SetObject::merge_dict_keys(Runtime& rt,
                                const std::vector<std::pair<Value, std::int64_t>>& keys) {
    if ((fill_ + keys.size()) * 5 >= (table.size() - 1) * 3) {
        resize((used_ + keys.size()) * 2);
    }
    for (const auto& [key, h] : keys) {
        add_with_hash(rt, key, h);
    }
}

bool SetObject::discard(Runtime& rt, const Value& key) {
    const std::int64_t r = find_slot(rt, key, script::hash(rt, key), false);
    if (r < 0 || !(r & (std::int64_t{1} << 62))) {
        return false;
    }
    Slot& s = table[static_cast<std::size_t>(r & ~(std::int64_t{1} << 62))];
    Value old = std::move(s.key);
    s.make_dummy();
    --used_;
    ++mutations;
    return true;
}

void SetObject::resize(std::size_t min_used) {
    std::size_t size = kMinSize;
    while (size <= min_used) {
        size <<= 1;
    }
    std::vector<Slot> old = std::move(table);
    table.clear();
    table.resize(size);
    fill_ = used_;
    for (Slot& s : old) {
        if (s.state() == State::Used) {
            insert_clean(std::move(s.key), s.hash);
        }
    }
}

void SetObject::clear() {
    std::vector<Slot> old = std::move(table);
    table.clear();
    table.resize(kMinSize);
    used_ = fill_ = 0;
    ++mutations;
}

namespace {

Value new_set(Runtime& rt, TypeObject* type) {
    return Value(Ref<SetObject>::make(rt, type));
}

// set.update(iterable) with CPython's pre-sizing for sets and dicts.
void update_set(Runtime& rt, SetObject& target, const Value& other) {
    if (is_set(rt, other)) {
        target.merge(rt, set_of(other));
        return;
    }
    if (is_dict(rt, other)) {
        std::vector<std::pair<Value, std::int64_t>> keys;
        for (const auto& e : dict_of(other).entries) {
            if (e.live()) {
                keys.emplace_back(e.key, e.hash);
            }
        }
        target.merge_dict_keys(rt, keys);
        return;
    }
    for_each_item(rt, other, [&](const Value& item) {
        target.add(rt, item);
        return true;
    });
}

}  // namespace

Value make_set(Runtime& rt, const std::vector<Value>& items) {
    Value s = new_set(rt, rt.types().set);
    for (const Value& item : items) {
        set_of(s).add(rt, item);
    }
    return s;
}

Value make_frozenset(Runtime& rt, const std::vector<Value>& items) {
    Value s = new_set(rt, rt.types().frozenset);
    for (const Value& item : items) {
        set_of(s).add(rt, item);
    }
    return s;
}

bool is_set(Runtime& rt, const Value& v) {
    return v.is_object() && (v.as_object()->type == rt.types().set.get() ||
                             v.as_object()->type == rt.types().frozenset.get());
}

bool is_frozenset(Runtime& rt, const Value& v) {
    return v.is_object() && v.as_object()->type == rt.types().frozenset.get();
}

namespace {

struct SetIteratorObject : TrackedObject {
    SetIteratorObject(Runtime& rt, Value set_)
        : TrackedObject(rt, rt.types().set_iterator.get()), set(std::move(set_)) {
        size = set_of(set).size();
    }
    Value set;
    std::size_t position = 0;
    std::size_t size;
    void clear_references() override { set = Value(); }
};

std::vector<Value> keys_of(const SetObject& s) {
    std::vector<Value> keys;
    s.for_each([&](const Value& k) { keys.push_back(k); });
    return keys;
}

// The other operand of a set operator must be a set; methods accept any iterable.
Value as_set_operand(Runtime& rt, const Value& v) {
    if (is_set(rt, v)) {
        return v;
    }
    Value s = make_set(rt);
    update_set(rt, set_of(s), v);
    return s;
}

Value copy_as(Runtime& rt, const Value& source, TypeObject* type) {
    Value s = new_set(rt, type);
    update_set(rt, set_of(s), source);
    return s;
}

Value set_union(Runtime& rt, const Value& a, const Value& b) {
    Value result =
        copy_as(rt, a,
                type_of(rt, a).is_subtype_of(rt.types().frozenset) ? rt.types().frozenset.get()
                                                                   : rt.types().set.get());
    update_set(rt, set_of(result), b);
    return result;
}

Value set_intersection(Runtime& rt, const Value& a, const Value& b_any) {
    Value b = as_set_operand(rt, b_any);
    TypeObject* type = is_frozenset(rt, a) ? rt.types().frozenset.get() : rt.types().set.get();
    Value result = new_set(rt, type);
    const Value* small = &b;
    const Value* large = &a;
    if (set_of(b).size() > set_of(a).size()) {
        small = &a;
        large = &b;
    }
    for (const Value& k : keys_of(set_of(*small))) {
        if (set_of(*large).contains(rt, k)) {
            set_of(result).add(rt, k);
        }
    }
    return result;
}

Value set_difference(Runtime& rt, const Value& a, const Value& b_any) {
    Value b = as_set_operand(rt, b_any);
    TypeObject* type = is_frozenset(rt, a) ? rt.types().frozenset.get() : rt.types().set.get();
    // CPython copies and discards when the left set is much larger than the right one.
    if ((set_of(a).size() >> 2) > set_of(b).size()) {
        Value result = copy_as(rt, a, type);
        set_of(result).difference_update(rt, keys_of(set_of(b)));
        return result;
    }
    Value result = new_set(rt, type);
    for (const Value& k : keys_of(set_of(a))) {
        if (!set_of(b).contains(rt, k)) {
            set_of(result).add(rt, k);
        }
    }
    return result;
}

// CPython builds a ^ b as a copy of b updated with a.
Value set_symmetric_difference(Runtime& rt, const Value& a, const Value& b_any) {
    TypeObject* type = is_frozenset(rt, a) ? rt.types().frozenset.get() : rt.types().set.get();
    Value result = copy_as(rt, b_any, type);
    set_of(result).symmetric_difference_update(rt, keys_of(set_of(a)));
    return result;
}

bool is_subset(Runtime& rt, const Value& a, const Value& b) {
    if (set_of(a).size() > set_of(b).size()) {
        return false;
    }
    for (const Value& k : keys_of(set_of(a))) {
        if (!set_of(b).contains(rt, k)) {
            return false;
        }
    }
    return true;
}

std::string set_repr(Runtime& rt, const Value& self) {
    const bool frozen = is_frozenset(rt, self);
    const std::string name = type_of(rt, self).name;
    std::vector<Value> keys = keys_of(set_of(self));
    if (keys.empty()) {
        return name + "()";
    }
    ReprGuard guard(rt, self.as_object());
    if (!guard.active()) {
        return name + "(...)";
    }
    std::string body = "{";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) {
            body += ", ";
        }
        body += repr(rt, keys[i]);
    }
    body += "}";
    return frozen ? name + "(" + body + ")" : body;
}

template <Value (*Operation)(Runtime&, const Value&, const Value&)>
Value set_operator(Runtime& rt, const Value& a, const Value& b) {
    if (!is_set(rt, a) || !is_set(rt, b)) {
        return rt.not_implemented();
    }
    return Operation(rt, a, b);
}

Value set_construct(Runtime& rt, TypeObject& type, const CallArgs& args) {
    reject_keywords(rt, args, type.name);
    expect_between(rt, args, type.name, 0, 1);
    Value s = new_set(rt, &type);
    if (args.size() == 1) {
        if (&type == rt.types().frozenset.get() && is_frozenset(rt, args[0])) {
            return args[0];
        }
        update_set(rt, set_of(s), args[0]);
    }
    return s;
}

}  // namespace

Value make_set_from_constants(Runtime& rt, const std::vector<Value>& items) {
    // CPython folds the display into a frozenset, then its constant merging rebuilds that
    // frozenset from its own iteration order; BUILD_SET + SET_UPDATE copy it into a new set.
    Value folded = make_frozenset(rt, items);
    Value constant = make_frozenset(rt, keys_of(set_of(folded)));
    Value s = new_set(rt, rt.types().set);
    set_of(s).merge(rt, set_of(constant));
    return s;
}

bool set_inplace(Runtime& rt, NumberOp op, const Value& a, const Value& b, Value& out) {
    if (!is_set(rt, b)) {
        return false;
    }
    SetObject& target = set_of(a);
    switch (op) {
        case NumberOp::Or:
            update_set(rt, target, b);
            break;
        case NumberOp::And: {
            Value kept = set_intersection(rt, a, b);
            target.swap_table(set_of(kept));
            break;
        }
        case NumberOp::Sub:
            target.difference_update(rt, keys_of(set_of(b)));
            break;
        case NumberOp::Xor:
            target.symmetric_difference_update(rt, keys_of(set_of(b)));
            break;
        default:
            return false;
    }
    out = a;
    return true;
}

void install_set(Runtime& rt) {
    BuiltinTypes& t = rt.types();
    for (TypeObject* type : {t.set.get(), t.frozenset.get()}) {
        TypeSlots& s = type->slots;
        s.repr = set_repr;
        s.len = [](Runtime&, const Value& self) {
            return static_cast<std::int64_t>(set_of(self).size());
        };
        s.contains = [](Runtime& r, const Value& self, const Value& item) {
            if (is_set(r, item) && !is_frozenset(r, item)) {
                // A set key is looked up as the equal frozenset.
                return set_of(self).contains(r, copy_as(r, item, r.types().frozenset));
            }
            return set_of(self).contains(r, item);
        };
        s.iter = [](Runtime& r, const Value& self) {
            return Value(Ref<SetIteratorObject>::make(r, self));
        };
        s.compare = [](Runtime& r, const Value& self, const Value& other, CompareOp op) {
            if (!is_set(r, other)) {
                return r.not_implemented();
            }
            const std::size_t na = set_of(self).size(), nb = set_of(other).size();
            switch (op) {
                case CompareOp::Eq:
                    return Value::boolean(na == nb && is_subset(r, self, other));
                case CompareOp::Ne:
                    return Value::boolean(!(na == nb && is_subset(r, self, other)));
                case CompareOp::Le:
                    return Value::boolean(is_subset(r, self, other));
                case CompareOp::Lt:
                    return Value::boolean(na < nb && is_subset(r, self, other));
                case CompareOp::Ge:
                    return Value::boolean(is_subset(r, other, self));
                case CompareOp::Gt:
                    return Value::boolean(na > nb && is_subset(r, other, self));
            }
            return r.not_implemented();
        };
        s.number[static_cast<int>(NumberOp::Or)] = set_operator<set_union>;
        s.number[static_cast<int>(NumberOp::And)] = set_operator<set_intersection>;
        s.number[static_cast<int>(NumberOp::Sub)] = set_operator<set_difference>;
        s.number[static_cast<int>(NumberOp::Xor)] = set_operator<set_symmetric_difference>;
        s.construct = set_construct;

        auto method_on_iterables = [&](const char* name,
                                       Value (*operation)(Runtime&, const Value&, const Value&)) {
            define_method(rt, *type, name, [operation](Runtime& r, const CallArgs& args) {
                reject_keywords(r, args, "set");
                Value result = copy_as(r, args[0],
                                       type_of(r, args[0]).is_subtype_of(r.types().frozenset)
                                           ? r.types().frozenset.get()
                                           : r.types().set.get());
                for (std::size_t i = 1; i < args.size(); ++i) {
                    result = operation(r, result, as_set_operand(r, args[i]));
                }
                return result;
            });
        };
        method_on_iterables("union", set_union);
        method_on_iterables("intersection", set_intersection);
        method_on_iterables("difference", set_difference);
        define_method(rt, *type, "symmetric_difference", [](Runtime& r, const CallArgs& args) {
            expect_exactly(r, args, "symmetric_difference", 2);
            return set_symmetric_difference(r, args[0], args[1]);
        });
        define_method(rt, *type, "issubset", [](Runtime& r, const CallArgs& args) {
            expect_exactly(r, args, "issubset", 2);
            return Value::boolean(is_subset(r, args[0], as_set_operand(r, args[1])));
        });
        define_method(rt, *type, "issuperset", [](Runtime& r, const CallArgs& args) {
            expect_exactly(r, args, "issuperset", 2);
            return Value::boolean(is_subset(r, as_set_operand(r, args[1]), args[0]));
        });
        define_method(rt, *type, "isdisjoint", [](Runtime& r, const CallArgs& args) {
            expect_exactly(r, args, "isdisjoint", 2);
            Value other = as_set_operand(r, args[1]);
            for (const Value& k : keys_of(set_of(args[0]))) {
                if (set_of(other).contains(r, k)) {
                    return Value::boolean(false);
                }
            }
            return Value::boolean(true);
        });
        define_method(rt, *type, "copy", [](Runtime& r, const CallArgs& args) {
            expect_exactly(r, args, "set.copy", 1);
            if (is_frozenset(r, args[0])) {
                return args[0];
            }
            return copy_as(r, args[0], r.types().set);
        });
    }
    t.frozenset->slots.hash = [](Runtime& r, const Value& self) {
        // CPython's frozenset hash: order-independent mixing of the element hashes.
        std::uint64_t h = 0;
        set_of(self).for_each([&](const Value& k) {
            const auto x = static_cast<std::uint64_t>(hash(r, k));
            h ^= ((x ^ 89869747UL) ^ (x << 16)) * 3644798167UL;
        });
        h ^= (set_of(self).size() + 1) * 1927868237UL;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069U + 907133923UL;
        auto v = static_cast<std::int64_t>(h);
        return v == -1 ? std::int64_t{590923713} : v;
    };

    TypeObject& set = t.set;
    define_method(rt, set, "add", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "set.add", 2);
        set_of(args[0]).add(r, args[1]);
        return Value();
    });
    define_method(rt, set, "discard", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "set.discard", 2);
        set_of(args[0]).discard(r, args[1]);
        return Value();
    });
    define_method(rt, set, "remove", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "set.remove", 2);
        if (!set_of(args[0]).discard(r, args[1])) {
            raise_value(make_exception(r, r.types().KeyError, std::vector<Value>{args[1]}));
        }
        return Value();
    });
    define_method(rt, set, "pop", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "set.pop", 1);
        SetObject& s = set_of(args[0]);
        for (const auto& slot : s.table) {
            if (slot.state() == State::Used) {
                Value key = slot.key;
                s.discard(r, key);
                return key;
            }
        }
        raise_error(r, r.types().KeyError, "pop from an empty set");
    });
    define_method(rt, set, "clear", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "set.clear", 1);
        set_of(args[0]).clear();
        return Value();
    });
    define_method(rt, set, "update", [](Runtime& r, const CallArgs& args) {
        for (std::size_t i = 1; i < args.size(); ++i) {
            update_set(r, set_of(args[0]), args[i]);
        }
        return Value();
    });
    define_method(rt, set, "intersection_update", [](Runtime& r, const CallArgs& args) {
        for (std::size_t i = 1; i < args.size(); ++i) {
            Value kept = set_intersection(r, args[0], as_set_operand(r, args[i]));
            set_of(args[0]).swap_table(set_of(kept));
        }
        return Value();
    });
    define_method(rt, set, "difference_update", [](Runtime& r, const CallArgs& args) {
        for (std::size_t i = 1; i < args.size(); ++i) {
            set_of(args[0]).difference_update(r, keys_of(set_of(as_set_operand(r, args[i]))));
        }
        return Value();
    });
    define_method(rt, set, "symmetric_difference_update", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "symmetric_difference_update", 2);
        Value other = as_set_operand(r, args[1]);
        set_of(args[0]).symmetric_difference_update(r, keys_of(set_of(other)));
        return Value();
    });
    rt.builtins().set("set", t.set.value());
    rt.builtins().set("frozenset", t.frozenset.value());

    TypeSlots& it = t.set_iterator->slots;
    it.iter = [](Runtime&, const Value& self) { return self; };
    it.next = [](Runtime& r, const Value& self, Value& out) {
        auto* iterator = self.as<SetIteratorObject>();
        if (iterator->set.is_none()) {
            return false;
        }
        SetObject& s = set_of(iterator->set);
        if (s.size() != iterator->size) {
            iterator->size = static_cast<std::size_t>(-1);
            raise_error(r, r.types().RuntimeError, "Set changed size during iteration");
        }
        while (iterator->position < s.table.size() &&
               s.table[iterator->position].state() != State::Used) {
            ++iterator->position;
        }
        if (iterator->position >= s.table.size()) {
            iterator->set = Value();
            return false;
        }
        out = s.table[iterator->position++].key;
        return true;
    };
}

}  // namespace loopscope::script
