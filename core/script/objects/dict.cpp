#include "core/script/objects/dict.h"

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/list.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/sequence_ops.h"
#include "core/script/objects/set.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

namespace loopscope::script {

DictObject::DictObject(Runtime& rt) : TrackedObject(rt, rt.types().dict.get()) {}

void DictObject::clear_references() {
    entries.clear();
    index_.clear();
    live_ = 0;
}

namespace {

constexpr std::size_t kLinearLimit = 8;

bool same_key(Runtime& rt, const Value& a, const Value& b) {
    if (identical(a, b)) {
        return true;
    }
    if (a.is_int() && b.is_int()) {
        return false;
    }
    return equals(rt, a, b);
}

}  // namespace

std::int64_t DictObject::find_index(Runtime& rt, const Value& key, std::int64_t h) {
    if (index_.empty()) {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].live() && entries[i].hash == h && same_key(rt, entries[i].key, key)) {
                return static_cast<std::int64_t>(i);
            }
        }
        return -1;
    }
    const std::size_t mask = index_.size() - 1;
    for (std::size_t slot = static_cast<std::size_t>(h) & mask;; slot = (slot + 1) & mask) {
        const std::int32_t at = index_[slot];
        if (at == -1) {
            return -1;
        }
        const Entry& e = entries[static_cast<std::size_t>(at)];
        if (e.live() && e.hash == h) {
            Value candidate = e.key;
            if (same_key(rt, candidate, key)) {
                return at;
            }
        }
    }
}

Value* DictObject::find(Runtime& rt, const Value& key) {
    const std::int64_t i = find_index(rt, key, hash(rt, key));
    return i < 0 ? nullptr : &entries[static_cast<std::size_t>(i)].value;
}

Value* DictObject::find_str(Runtime& rt, std::string_view key) {
    for (Entry& e : entries) {
        if (e.live() && is_str(rt, e.key) && str_view(e.key) == key) {
            return &e.value;
        }
    }
    return nullptr;
}

void DictObject::rebuild_index() {
    if (entries.size() > 2 * live_ + 8) {
        std::vector<Entry> kept;
        kept.reserve(live_);
        for (Entry& e : entries) {
            if (e.live()) {
                kept.push_back(std::move(e));
            }
        }
        entries = std::move(kept);
    }
    if (entries.size() <= kLinearLimit) {
        index_.clear();
        return;
    }
    // At least three slots an entry: the index, kept at most half full, can take half as many
    // entries again before the next rebuild, and holds two to six slots (8 to 24 bytes) an
    // entry; a large dict's index is most of its memory after the entries.
    std::size_t size = 16;
    while (size < 3 * entries.size()) {
        size *= 2;
    }
    index_.assign(size, -1);
    const std::size_t mask = size - 1;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!entries[i].live()) {
            continue;
        }
        std::size_t slot = static_cast<std::size_t>(entries[i].hash) & mask;
        while (index_[slot] != -1) {
            slot = (slot + 1) & mask;
        }
        index_[slot] = static_cast<std::int32_t>(i);
    }
}

void DictObject::set(Runtime& rt, const Value& key, Value value) {
    const std::int64_t h = hash(rt, key);
    const std::int64_t i = find_index(rt, key, h);
    if (i >= 0) {
        entries[static_cast<std::size_t>(i)].value = std::move(value);
        return;
    }
    entries.push_back(Entry{key, std::move(value), h});
    ++live_;
    ++mutations;
    if (entries.size() > 2 * live_ + 8 || entries.size() > kLinearLimit) {
        if (!index_.empty() && index_.size() >= 2 * entries.size() &&
            entries.size() <= 2 * live_ + 8) {
            const std::size_t mask = index_.size() - 1;
            std::size_t slot = static_cast<std::size_t>(h) & mask;
            while (index_[slot] != -1) {
                slot = (slot + 1) & mask;
            }
            index_[slot] = static_cast<std::int32_t>(entries.size() - 1);
        } else {
            rebuild_index();
        }
    }
}

bool DictObject::remove(Runtime& rt, const Value& key, Value* removed) {
    const std::int64_t i = find_index(rt, key, hash(rt, key));
    if (i < 0) {
        return false;
    }
    Entry& e = entries[static_cast<std::size_t>(i)];
    e.hash = Entry::kRemoved;
    Value old_key = std::move(e.key);
    Value old_value = std::move(e.value);
    e.key = Value();
    e.value = Value();
    --live_;
    ++mutations;
    if (removed) {
        *removed = std::move(old_value);
    }
    return true;
}

void DictObject::clear() {
    std::vector<Entry> old = std::move(entries);
    entries.clear();
    index_.clear();
    live_ = 0;
    ++mutations;
}

Value make_dict(Runtime& rt) {
    return Value(Ref<DictObject>::make(rt));
}

bool is_dict(Runtime& rt, const Value& v) {
    return v.is_object() && (v.as_object()->type == rt.types().dict.get() ||
                             v.as_object()->type->is_subtype_of(rt.types().dict));
}

namespace {

[[noreturn]] void raise_key_error(Runtime& rt, const Value& key) {
    raise_value(make_exception(rt, rt.types().KeyError, std::vector<Value>{key}));
}

enum class ViewKind { Keys, Values, Items };

struct DictViewObject : TrackedObject {
    DictViewObject(Runtime& rt, TypeObject* view_type, Value dict_, ViewKind kind_)
        : TrackedObject(rt, view_type), dict(std::move(dict_)), kind(kind_) {}
    Value dict;
    ViewKind kind;
    void clear_references() override { dict = Value(); }
};

struct DictIteratorObject : TrackedObject {
    DictIteratorObject(Runtime& rt, TypeObject* iterator_type_, Value dict_, ViewKind kind_)
        : TrackedObject(rt, iterator_type_), dict(std::move(dict_)), kind(kind_) {
        mutations = dict_of(dict).mutations;
        size = dict_of(dict).size();
    }
    Value dict;
    ViewKind kind;
    std::size_t position = 0;
    std::uint64_t mutations;
    std::size_t size;
    void clear_references() override { dict = Value(); }
};

TypeObject* iterator_type(Runtime& rt, ViewKind kind) {
    switch (kind) {
        case ViewKind::Keys:
            return rt.types().dict_keyiterator;
        case ViewKind::Values:
            return rt.types().dict_valueiterator;
        case ViewKind::Items:
            return rt.types().dict_itemiterator;
    }
    return nullptr;
}

bool dict_iter_next(Runtime& rt, const Value& self, Value& out) {
    auto* it = self.as<DictIteratorObject>();
    if (it->dict.is_none()) {
        return false;
    }
    DictObject& d = dict_of(it->dict);
    if (d.size() != it->size) {
        it->size = static_cast<std::size_t>(-1);
        raise_error(rt, rt.types().RuntimeError, "dictionary changed size during iteration");
    }
    while (it->position < d.entries.size() && !d.entries[it->position].live()) {
        ++it->position;
    }
    if (it->position >= d.entries.size()) {
        it->dict = Value();
        return false;
    }
    if (d.mutations != it->mutations) {
        raise_error(rt, rt.types().RuntimeError, "dictionary keys changed during iteration");
    }
    const DictObject::Entry& e = d.entries[it->position++];
    switch (it->kind) {
        case ViewKind::Keys:
            out = e.key;
            break;
        case ViewKind::Values:
            out = e.value;
            break;
        case ViewKind::Items:
            out = make_tuple(rt, {e.key, e.value});
            break;
    }
    return true;
}

std::string dict_repr(Runtime& rt, const Value& self) {
    DictObject& d = dict_of(self);
    if (d.size() == 0) {
        return "{}";
    }
    ReprGuard guard(rt, self.as_object());
    if (!guard.active()) {
        return "{...}";
    }
    std::string out = "{";
    bool first = true;
    // Copy the entries: a __repr__ may mutate the dict.
    std::vector<DictObject::Entry> entries = d.entries;
    for (const auto& e : entries) {
        if (!e.live()) {
            continue;
        }
        if (!first) {
            out += ", ";
        }
        first = false;
        out += repr(rt, e.key) + ": " + repr(rt, e.value);
    }
    return out + "}";
}

void update_from(Runtime& rt, DictObject& target, const Value& source) {
    if (is_dict(rt, source)) {
        std::vector<DictObject::Entry> entries = dict_of(source).entries;
        for (const auto& e : entries) {
            if (e.live()) {
                target.set(rt, e.key, e.value);
            }
        }
        return;
    }
    Value keys_method;
    if (source.is_object() && !is_list(rt, source) && !is_tuple(rt, source) &&
        lookup_attr(rt, source, "keys", keys_method)) {
        for (const Value& key : to_vector(rt, call(rt, keys_method, {}))) {
            target.set(rt, key, get_item(rt, source, key));
        }
        return;
    }
    std::size_t index = 0;
    for_each_item(rt, source, [&](const Value& item) {
        std::vector<Value> pair;
        if (!type_of(rt, item).slots.iter) {
            raise_error(rt, rt.types().TypeError,
                        "cannot convert dictionary update sequence element #" +
                            std::to_string(index) + " to a sequence");
        }
        pair = to_vector(rt, item);
        if (pair.size() != 2) {
            raise_error(rt, rt.types().ValueError,
                        "dictionary update sequence element #" + std::to_string(index) +
                            " has length " + std::to_string(pair.size()) + "; 2 is required");
        }
        target.set(rt, pair[0], pair[1]);
        ++index;
        return true;
    });
}

void update_keywords(Runtime& rt, DictObject& target, const CallArgs& args) {
    for (std::size_t i = 0; i < args.keyword_names.size(); ++i) {
        target.set(rt, make_str(rt, args.keyword_names[i]), args.keyword_values[i]);
    }
}

Value make_view(Runtime& rt, const Value& dict, ViewKind kind) {
    TypeObject* type = kind == ViewKind::Keys     ? rt.types().dict_keys.get()
                       : kind == ViewKind::Values ? rt.types().dict_values.get()
                                                  : rt.types().dict_items.get();
    return Value(Ref<DictViewObject>::make(rt, type, dict, kind));
}

std::vector<Value> view_items(Runtime& rt, const DictViewObject& view) {
    std::vector<Value> out;
    dict_of(view.dict).for_each([&](const Value& k, const Value& v) {
        switch (view.kind) {
            case ViewKind::Keys:
                out.push_back(k);
                break;
            case ViewKind::Values:
                out.push_back(v);
                break;
            case ViewKind::Items:
                out.push_back(make_tuple(rt, {k, v}));
                break;
        }
    });
    return out;
}

void install_views(Runtime& rt) {
    BuiltinTypes& t = rt.types();
    for (TypeObject* type : {t.dict_keys.get(), t.dict_values.get(), t.dict_items.get()}) {
        TypeSlots& s = type->slots;
        s.len = [](Runtime&, const Value& self) {
            return static_cast<std::int64_t>(dict_of(self.as<DictViewObject>()->dict).size());
        };
        s.iter = [](Runtime& r, const Value& self) {
            auto* view = self.as<DictViewObject>();
            return Value(Ref<DictIteratorObject>::make(r, iterator_type(r, view->kind), view->dict,
                                                       view->kind));
        };
        s.repr = [](Runtime& r, const Value& self) {
            auto* view = self.as<DictViewObject>();
            return type_of(r, self).name +
                   sequence_repr(r, self.as_object(), view_items(r, *view), "([", "])", false);
        };
        s.contains = [](Runtime& r, const Value& self, const Value& item) {
            auto* view = self.as<DictViewObject>();
            DictObject& d = dict_of(view->dict);
            switch (view->kind) {
                case ViewKind::Keys:
                    return d.find(r, item) != nullptr;
                case ViewKind::Items: {
                    if (!is_tuple(r, item) || tuple_items(item).size() != 2) {
                        return false;
                    }
                    Value* v = d.find(r, tuple_items(item)[0]);
                    return v && equals(r, *v, tuple_items(item)[1]);
                }
                case ViewKind::Values:
                    break;
            }
            bool found = false;
            for (const Value& v : view_items(r, *view)) {
                found = found || equals(r, v, item);
            }
            return found;
        };
        if (type != t.dict_values.get()) {
            // Keys and items views are set-like.
            s.compare = [](Runtime& r, const Value& self, const Value& other, CompareOp op) {
                Value a = make_set(r, view_items(r, *self.as<DictViewObject>()));
                Value b = other;
                if (type_of(r, other).name == "dict_keys" ||
                    type_of(r, other).name == "dict_items") {
                    b = make_set(r, view_items(r, *other.as<DictViewObject>()));
                } else if (!is_set(r, other)) {
                    return r.not_implemented();
                }
                return compare(r, a, b, op);
            };
            s.number[static_cast<int>(NumberOp::And)] = [](Runtime& r, const Value& a,
                                                           const Value& b) {
                Value sa = make_set(r, to_vector(r, a));
                return binary_op(r, NumberOp::And, sa, make_set(r, to_vector(r, b)));
            };
            s.number[static_cast<int>(NumberOp::Or)] = [](Runtime& r, const Value& a,
                                                          const Value& b) {
                Value sa = make_set(r, to_vector(r, a));
                return binary_op(r, NumberOp::Or, sa, make_set(r, to_vector(r, b)));
            };
            s.number[static_cast<int>(NumberOp::Sub)] = [](Runtime& r, const Value& a,
                                                           const Value& b) {
                Value sa = make_set(r, to_vector(r, a));
                return binary_op(r, NumberOp::Sub, sa, make_set(r, to_vector(r, b)));
            };
            s.number[static_cast<int>(NumberOp::Xor)] = [](Runtime& r, const Value& a,
                                                           const Value& b) {
                Value sa = make_set(r, to_vector(r, a));
                return binary_op(r, NumberOp::Xor, sa, make_set(r, to_vector(r, b)));
            };
        }
    }
    for (TypeObject* type :
         {t.dict_keyiterator.get(), t.dict_valueiterator.get(), t.dict_itemiterator.get()}) {
        type->slots.iter = [](Runtime&, const Value& self) { return self; };
        type->slots.next = dict_iter_next;
    }
}

Value dict_construct(Runtime& rt, TypeObject&, const CallArgs& args) {
    expect_between(rt, CallArgs{args.positional, {}, {}}, "dict", 0, 1);
    Value d = make_dict(rt);
    if (args.size() == 1) {
        update_from(rt, dict_of(d), args[0]);
    }
    update_keywords(rt, dict_of(d), args);
    return d;
}

}  // namespace

bool dict_inplace(Runtime& rt, NumberOp op, const Value& a, const Value& b, Value& out) {
    if (op != NumberOp::Or) {
        return false;
    }
    update_from(rt, dict_of(a), b);
    out = a;
    return true;
}

void install_dict(Runtime& rt) {
    TypeObject& type = rt.types().dict;
    TypeSlots& s = type.slots;
    s.repr = dict_repr;
    s.len = [](Runtime&, const Value& self) {
        return static_cast<std::int64_t>(dict_of(self).size());
    };
    s.contains = [](Runtime& r, const Value& self, const Value& key) {
        return dict_of(self).find(r, key) != nullptr;
    };
    s.getitem = [](Runtime& r, const Value& self, const Value& key) {
        if (Value* v = dict_of(self).find(r, key)) {
            return *v;
        }
        // dict subclasses may define __missing__ (as collections.Counter does).
        Value result;
        if (type_of(r, self).is_user_class && call_special(r, self, "__missing__", {key}, result)) {
            return result;
        }
        raise_key_error(r, key);
    };
    s.setitem = [](Runtime& r, const Value& self, const Value& key, const Value& value) {
        dict_of(self).set(r, key, value);
    };
    s.delitem = [](Runtime& r, const Value& self, const Value& key) {
        if (!dict_of(self).remove(r, key)) {
            raise_key_error(r, key);
        }
    };
    s.iter = [](Runtime& r, const Value& self) {
        return Value(Ref<DictIteratorObject>::make(r, r.types().dict_keyiterator.get(), self,
                                                   ViewKind::Keys));
    };
    s.compare = [](Runtime& r, const Value& self, const Value& other, CompareOp op) {
        if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_dict(r, other)) {
            return r.not_implemented();
        }
        DictObject& a = dict_of(self);
        DictObject& b = dict_of(other);
        bool same = a.size() == b.size();
        if (same) {
            std::vector<DictObject::Entry> entries = a.entries;
            for (const auto& e : entries) {
                if (!e.live()) {
                    continue;
                }
                Value* v = b.find(r, e.key);
                if (!v || !equals(r, e.value, Value(*v))) {
                    same = false;
                    break;
                }
            }
        }
        return Value::boolean(op == CompareOp::Eq ? same : !same);
    };
    s.number[static_cast<int>(NumberOp::Or)] = [](Runtime& r, const Value& a, const Value& b) {
        if (!is_dict(r, a) || !is_dict(r, b)) {
            return r.not_implemented();
        }
        Value d = make_dict(r);
        update_from(r, dict_of(d), a);
        update_from(r, dict_of(d), b);
        return d;
    };
    s.construct = dict_construct;
    s.hash = nullptr;

    define_method(rt, type, "__init__", [](Runtime& r, const CallArgs& args) {
        if (args.size() > 2) {
            raise_error(r, r.types().TypeError,
                        "dict expected at most 1 argument, got " + std::to_string(args.size() - 1));
        }
        if (args.size() == 2) {
            update_from(r, dict_of(args[0]), args[1]);
        }
        update_keywords(r, dict_of(args[0]), args);
        return Value();
    });
    define_method(rt, type, "get", [](Runtime& r, const CallArgs& args) {
        reject_keywords(r, args, "dict.get");
        if (args.size() < 2 || args.size() > 3) {
            raise_error(r, r.types().TypeError,
                        std::string("get expected ") +
                            (args.size() < 2
                                 ? "at least 1 argument, got 0"
                                 : "at most 2 arguments, got " + std::to_string(args.size() - 1)));
        }
        if (Value* v = dict_of(args[0]).find(r, args[1])) {
            return *v;
        }
        return args.size() == 3 ? args[2] : Value();
    });
    define_method(rt, type, "setdefault", [](Runtime& r, const CallArgs& args) {
        expect_between(r, CallArgs{args.positional.subspan(1), {}, {}}, "setdefault", 1, 2);
        if (Value* v = dict_of(args[0]).find(r, args[1])) {
            return *v;
        }
        Value value = args.size() == 3 ? args[2] : Value();
        dict_of(args[0]).set(r, args[1], value);
        return value;
    });
    define_method(rt, type, "pop", [](Runtime& r, const CallArgs& args) {
        expect_between(r, CallArgs{args.positional.subspan(1), {}, {}}, "pop", 1, 2);
        Value removed;
        if (dict_of(args[0]).remove(r, args[1], &removed)) {
            return removed;
        }
        if (args.size() == 3) {
            return args[2];
        }
        raise_key_error(r, args[1]);
    });
    define_method(rt, type, "popitem", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "dict.popitem", 1);
        DictObject& d = dict_of(args[0]);
        for (auto it = d.entries.rbegin(); it != d.entries.rend(); ++it) {
            if (it->live()) {
                Value key = it->key;
                Value value = it->value;
                d.remove(r, key);
                return make_tuple(r, {key, value});
            }
        }
        raise_error(r, r.types().KeyError, "popitem(): dictionary is empty");
    });
    define_method(rt, type, "update", [](Runtime& r, const CallArgs& args) {
        if (args.size() > 2) {
            raise_error(
                r, r.types().TypeError,
                "update expected at most 1 argument, got " + std::to_string(args.size() - 1));
        }
        if (args.size() == 2) {
            update_from(r, dict_of(args[0]), args[1]);
        }
        update_keywords(r, dict_of(args[0]), args);
        return Value();
    });
    define_method(rt, type, "keys", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "dict.keys", 1);
        return make_view(r, args[0], ViewKind::Keys);
    });
    define_method(rt, type, "values", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "dict.values", 1);
        return make_view(r, args[0], ViewKind::Values);
    });
    define_method(rt, type, "items", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "dict.items", 1);
        return make_view(r, args[0], ViewKind::Items);
    });
    define_method(rt, type, "copy", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "dict.copy", 1);
        Value d = make_dict(r);
        update_from(r, dict_of(d), args[0]);
        return d;
    });
    define_method(rt, type, "clear", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "dict.clear", 1);
        dict_of(args[0]).clear();
        return Value();
    });
    define_method(rt, type, "__reversed__", [](Runtime& r, const CallArgs& args) {
        std::vector<Value> keys;
        dict_of(args[0]).for_each([&](const Value& k, const Value&) { keys.push_back(k); });
        std::reverse(keys.begin(), keys.end());
        return get_iter(r, make_list(r, std::move(keys)));
    });
    define_class_method(rt, type, "fromkeys", [](Runtime& r, const CallArgs& args) {
        expect_between(r, CallArgs{args.positional.subspan(1), {}, {}}, "fromkeys", 1, 2);
        Value d = make_dict(r);
        const Value value = args.size() == 3 ? args[2] : Value();
        for_each_item(r, args[1], [&](const Value& key) {
            dict_of(d).set(r, key, value);
            return true;
        });
        return d;
    });
    rt.builtins().set("dict", type_value(type));
    install_views(rt);
}

}  // namespace loopscope::script
