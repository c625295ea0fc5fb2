#include <algorithm>
#include <deque>

#include "core/script/objects/dict.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/list.h"
#include "core/script/objects/module.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/sequence_ops.h"
#include "core/script/objects/slice.h"
#include "core/script/objects/stdlib_modules.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"

// `collections`: deque, defaultdict, Counter and namedtuple.

namespace loopscope::script {

namespace {

struct DequeObject : TrackedObject {
    DequeObject(Runtime& rt, TypeObject* deque_type) : TrackedObject(rt, deque_type) {}
    std::deque<Value> items;
    std::int64_t maxlen = -1;  // -1: unbounded
    std::uint64_t mutations = 0;
    void clear_references() override { items.clear(); }
};

struct DefaultDictObject : DictObject {
    explicit DefaultDictObject(Runtime& rt) : DictObject(rt) {}
    Value factory;
    void clear_references() override {
        DictObject::clear_references();
        factory = Value();
    }
};

DequeObject& deque_of(const Value& v) {
    return *v.as<DequeObject>();
}

void push(DequeObject& d, Value v, bool left) {
    ++d.mutations;
    if (d.maxlen == 0) {
        return;
    }
    if (left) {
        d.items.push_front(std::move(v));
        if (d.maxlen > 0 && static_cast<std::int64_t>(d.items.size()) > d.maxlen) {
            d.items.pop_back();
        }
    } else {
        d.items.push_back(std::move(v));
        if (d.maxlen > 0 && static_cast<std::int64_t>(d.items.size()) > d.maxlen) {
            d.items.pop_front();
        }
    }
}

Value pop(Runtime& rt, DequeObject& d, bool left) {
    if (d.items.empty()) {
        raise_error(rt, rt.types().IndexError, "pop from an empty deque");
    }
    ++d.mutations;
    Value v = left ? std::move(d.items.front()) : std::move(d.items.back());
    if (left) {
        d.items.pop_front();
    } else {
        d.items.pop_back();
    }
    return v;
}

std::int64_t deque_index(Runtime& rt, const DequeObject& d, const Value& key) {
    return resolve_index(rt, key, static_cast<std::int64_t>(d.items.size()), "deque");
}

Ref<TypeObject> make_deque_type(Runtime& r) {
    auto method = [](const char* name, NativeFunction f) {
        return std::make_pair(name, std::move(f));
    };
    TypeBuilder builder(r, "deque", "collections");
    for (auto& [name, f] :
         {method("append",
                 [](Runtime&rr, const CallArgs&a) {
                     expect_exactly(rr, a, "deque.append", 2);
                     push(deque_of(a[0]), a[1], false);
                     return Value();
                 }),
          method("appendleft",
                 [](Runtime&rr, const CallArgs&a) {
                     expect_exactly(rr, a, "deque.appendleft", 2);
                     push(deque_of(a[0]), a[1], true);
                     return Value();
                 }),
          method("pop",
                 [](Runtime&rr, const CallArgs&a) { return pop(rr, deque_of(a[0]), false); }),
          method("popleft",
                 [](Runtime&rr, const CallArgs&a) { return pop(rr, deque_of(a[0]), true); }),
          method("extend",
                 [](Runtime&rr, const CallArgs&a) {
                     expect_exactly(rr, a, "deque.extend", 2);
                     for (Value& v : to_vector(rr, a[1])) {
                         push(deque_of(a[0]), std::move(v), false);
                     }
                     return Value();
                 }),
          method("extendleft",
                 [](Runtime&rr, const CallArgs&a) {
                     expect_exactly(rr, a, "deque.extendleft", 2);
                     for (Value& v : to_vector(rr, a[1])) {
                         push(deque_of(a[0]), std::move(v), true);
                     }
                     return Value();
                 }),
          method("clear",
                 [](Runtime&, const CallArgs&a) {
                     std::deque<Value> old = std::move(deque_of(a[0]).items);
                     deque_of(a[0]).items.clear();
                     ++deque_of(a[0]).mutations;
                     return Value();
                 }),
          method("rotate",
                 [](Runtime&rr, const CallArgs&a) {
                     DequeObject& d = deque_of(a[0]);
                     std::int64_t n = a.size() > 1 ? to_index(rr, a[1]) : 1;
                     const auto size = static_cast<std::int64_t>(d.items.size());
                     if (size > 0) {
                         n %= size;
                         if (n < 0) {
                             n += size;
                         }
                         std::rotate(d.items.begin(), d.items.begin() + (size - n), d.items.end());
                         ++d.mutations;
                     }
                     return Value();
                 }),
          method("count",
                 [](Runtime&rr, const CallArgs&a) {
                     std::int64_t n = 0;
                     for (const Value& v : std::vector<Value>(deque_of(a[0]).items.begin(),
                                                              deque_of(a[0]).items.end())) {
                         n += equals(rr, v, a[1]) ? 1 : 0;
                     }
                     return Value::integer(n);
                 }),
          method("remove",
                 [](Runtime&rr, const CallArgs&a) {
                     DequeObject& d = deque_of(a[0]);
                     for (std::size_t i = 0; i < d.items.size(); ++i) {
                         if (equals(rr, Value(d.items[i]), a[1])) {
                             d.items.erase(d.items.begin() + static_cast<std::ptrdiff_t>(i));
                             ++d.mutations;
                             return Value();
                         }
                     }
                     raise_error(rr, rr.types().ValueError, "deque.remove(x): x not in deque");
                 }),
          method("copy", [](Runtime&rr, const CallArgs&a) {
              auto copy = Ref<DequeObject>::make(rr, a[0].as_object()->type);
              copy->items = deque_of(a[0]).items;
              copy->maxlen = deque_of(a[0]).maxlen;
              return Value(std::move(copy));
          })}) {
        builder.method(name, f);
    }
    builder.property("maxlen", [](Runtime&, const Value& self) {
        const std::int64_t m = deque_of(self).maxlen;
        return m < 0 ? Value() : Value::integer(m);
    });
    Ref<TypeObject> type = builder.build();
    TypeSlots& s = type->slots;
    s.hash = nullptr;
    s.construct = [](Runtime& rr, TypeObject& t, const CallArgs& args) {
        auto values = parse_arguments(rr, args, Signature{"deque", {"iterable", "maxlen"}});
        auto d = Ref<DequeObject>::make(rr, &t);
        if (values[1] && !values[1]->is_none()) {
            d->maxlen = to_index(rr, *values[1]);
            if (d->maxlen < 0) {
                raise_error(rr, rr.types().ValueError, "maxlen must be non-negative");
            }
        }
        if (values[0]) {
            for (Value& v : to_vector(rr, *values[0])) {
                push(*d, std::move(v), false);
            }
        }
        return Value(std::move(d));
    };
    s.repr = [](Runtime& rr, const Value& self) {
        DequeObject& d = deque_of(self);
        std::vector<Value> items(d.items.begin(), d.items.end());
        ReprGuard guard(rr, self.as_object());
        std::string body = guard.active() ? sequence_repr(rr, nullptr, items, "[", "]", false)
                                          : std::string("[...]");
        std::string out = "deque(" + body;
        if (d.maxlen >= 0) {
            out += ", maxlen=" + std::to_string(d.maxlen);
        }
        return out + ")";
    };
    s.len = [](Runtime&, const Value& self) {
        return static_cast<std::int64_t>(deque_of(self).items.size());
    };
    s.truthy = [](Runtime&, const Value& self) { return !deque_of(self).items.empty(); };
    // Iterates a snapshot (CPython would raise "deque mutated during iteration").
    s.iter = [](Runtime& rr, const Value& self) {
        DequeObject& d = deque_of(self);
        return get_iter(rr, make_list(rr, std::vector<Value>(d.items.begin(), d.items.end())));
    };
    s.getitem = [](Runtime& rr, const Value& self, const Value& key) {
        DequeObject& d = deque_of(self);
        return d.items[static_cast<std::size_t>(deque_index(rr, d, key))];
    };
    s.setitem = [](Runtime& rr, const Value& self, const Value& key, const Value& value) {
        DequeObject& d = deque_of(self);
        d.items[static_cast<std::size_t>(deque_index(rr, d, key))] = value;
    };
    s.contains = [](Runtime& rr, const Value& self, const Value& item) {
        std::vector<Value> items(deque_of(self).items.begin(), deque_of(self).items.end());
        return std::any_of(items.begin(), items.end(),
                           [&](const Value& v) { return equals(rr, v, item); });
    };
    s.compare = [](Runtime& rr, const Value& self, const Value& other, CompareOp op) {
        if (type_of(rr, other).name != "deque") {
            return rr.not_implemented();
        }
        std::vector<Value> a(deque_of(self).items.begin(), deque_of(self).items.end());
        std::vector<Value> b(deque_of(other).items.begin(), deque_of(other).items.end());
        return sequence_compare(rr, a, b, op);
    };
    return type;
}

Ref<TypeObject> make_defaultdict_type(Runtime& r) {
    Ref<TypeObject> type =
        TypeBuilder(r, "defaultdict", "collections").base(r.types().dict).build();
    TypeSlots& s = type->slots;
    s.construct = [](Runtime& rr, TypeObject& t, const CallArgs& args) {
        auto d = Ref<DefaultDictObject>::make(rr);
        d->type = &t;
        if (args.size() > 0) {
            if (!args[0].is_none() && !is_callable(rr, args[0])) {
                raise_error(rr, rr.types().TypeError, "first argument must be callable or None");
            }
            d->factory = args[0];
        }
        Value self(d.get());
        CallArgs rest = args;
        rest.positional = args.size() > 0 ? args.positional.subspan(1) : args.positional;
        if (rest.size() > 0 || rest.has_keywords()) {
            Value update;
            if (lookup_attr(rr, self, "update", update)) {
                call(rr, update, rest);
            }
        }
        return self;
    };
    s.getitem = [](Runtime& rr, const Value& self, const Value& key) {
        auto* d = self.as<DefaultDictObject>();
        if (Value* v = d->find(rr, key)) {
            return *v;
        }
        if (d->factory.is_none()) {
            raise_value(make_exception(rr, rr.types().KeyError, std::vector<Value>{key}));
        }
        Value value = call(rr, d->factory, {});
        d->set(rr, key, value);
        return value;
    };
    s.repr = [](Runtime& rr, const Value& self) {
        auto* d = self.as<DefaultDictObject>();
        return "defaultdict(" + repr(rr, d->factory) + ", " +
               rr.types().dict->slots.repr(rr, self) + ")";
    };
    define_property(r, *type, "default_factory", [](Runtime&, const Value& self) {
        return self.as<DefaultDictObject>()->factory;
    });
    return type;
}

// --- Counter -------------------------------------------------------------------------------

void count_into(Runtime& rt, DictObject& counts, const Value& source, std::int64_t sign) {
    if (is_dict(rt, source)) {
        std::vector<std::pair<Value, Value>> items;
        dict_of(source).for_each([&](const Value& k, const Value& v) { items.emplace_back(k, v); });
        for (auto& [key, value] : items) {
            Value* current = counts.find(rt, key);
            Value delta = sign > 0 ? value : negative(rt, value);
            counts.set(rt, key, current ? binary_op(rt, NumberOp::Add, *current, delta) : delta);
        }
        return;
    }
    for_each_item(rt, source, [&](const Value& key) {
        Value* current = counts.find(rt, key);
        counts.set(rt, key,
                   current ? binary_op(rt, NumberOp::Add, *current, Value::integer(sign))
                           : Value::integer(sign));
        return true;
    });
}

void count_keywords(Runtime& rt, DictObject& counts, const CallArgs& args, std::int64_t sign) {
    for (std::size_t i = 0; i < args.keyword_names.size(); ++i) {
        Value key = make_str(rt, args.keyword_names[i]);
        Value* current = counts.find(rt, key);
        Value delta = sign > 0 ? args.keyword_values[i] : negative(rt, args.keyword_values[i]);
        counts.set(rt, key, current ? binary_op(rt, NumberOp::Add, *current, delta) : delta);
    }
}

// (key, count) pairs by decreasing count, ties in insertion order.
std::vector<std::pair<Value, Value>> most_common(Runtime& rt, const Value& counter) {
    std::vector<std::pair<Value, Value>> items;
    dict_of(counter).for_each([&](const Value& k, const Value& v) { items.emplace_back(k, v); });
    std::stable_sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
        return compare_bool(rt, a.second, b.second, CompareOp::Gt);
    });
    return items;
}

Ref<TypeObject> make_counter_type(Runtime& r) {
    Ref<TypeObject> type =
        TypeBuilder(r, "Counter", "collections")
            .base(r.types().dict)
            .method("most_common",
                    [](Runtime& rr, const CallArgs& args) {
                        auto items = most_common(rr, args[0]);
                        std::size_t n = items.size();
                        if (args.size() > 1 && !args[1].is_none()) {
                            const std::int64_t wanted = to_index(rr, args[1]);
                            n = wanted < 0 ? 0 : std::min(n, static_cast<std::size_t>(wanted));
                        }
                        std::vector<Value> out;
                        for (std::size_t i = 0; i < n; ++i) {
                            out.push_back(make_tuple(rr, {items[i].first, items[i].second}));
                        }
                        return make_list(rr, std::move(out));
                    })
            .method("update",
                    [](Runtime& rr, const CallArgs& args) {
                        if (args.size() > 1 && !args[1].is_none()) {
                            count_into(rr, dict_of(args[0]), args[1], 1);
                        }
                        count_keywords(rr, dict_of(args[0]), args, 1);
                        return Value();
                    })
            .method("subtract",
                    [](Runtime& rr, const CallArgs& args) {
                        if (args.size() > 1 && !args[1].is_none()) {
                            count_into(rr, dict_of(args[0]), args[1], -1);
                        }
                        count_keywords(rr, dict_of(args[0]), args, -1);
                        return Value();
                    })
            .method("total",
                    [](Runtime& rr, const CallArgs& args) {
                        Value total = Value::integer(0);
                        std::vector<Value> values;
                        dict_of(args[0]).for_each(
                            [&](const Value&, const Value& v) { values.push_back(v); });
                        for (const Value& v : values) {
                            total = binary_op(rr, NumberOp::Add, total, v);
                        }
                        return total;
                    })
            .method("elements",
                    [](Runtime& rr, const CallArgs& args) {
                        std::vector<Value> out;
                        std::vector<std::pair<Value, Value>> items;
                        dict_of(args[0]).for_each(
                            [&](const Value& k, const Value& v) { items.emplace_back(k, v); });
                        for (auto& [key, count] : items) {
                            for (std::int64_t i = 0;
                                 (count.is_int() || count.is_bool()) && i < count.as_int(); ++i) {
                                out.push_back(key);
                            }
                        }
                        return get_iter(rr, make_list(rr, std::move(out)));
                    })
            .build();
    TypeSlots& s = type->slots;
    s.construct = [](Runtime& rr, TypeObject& t, const CallArgs& args) {
        if (args.size() > 1) {
            raise_error(rr, rr.types().TypeError,
                        "expected at most 1 argument, got " + std::to_string(args.size()));
        }
        auto counts = Ref<DictObject>::make(rr);
        counts->type = &t;
        if (args.size() == 1 && !args[0].is_none()) {
            count_into(rr, *counts, args[0], 1);
        }
        count_keywords(rr, *counts, args, 1);
        return Value(std::move(counts));
    };
    s.getitem = [](Runtime& rr, const Value& self, const Value& key) {
        if (Value* v = dict_of(self).find(rr, key)) {
            return *v;
        }
        return Value::integer(0);
    };
    s.repr = [](Runtime& rr, const Value& self) {
        if (dict_of(self).size() == 0) {
            return std::string("Counter()");
        }
        ReprGuard guard(rr, self.as_object());
        if (!guard.active()) {
            return std::string("Counter(...)");
        }
        std::string out = "Counter({";
        bool first = true;
        for (auto& [key, count] : most_common(rr, self)) {
            out += (first ? "" : ", ") + repr(rr, key) + ": " + repr(rr, count);
            first = false;
        }
        return out + "})";
    };
    return type;
}

// --- namedtuple ----------------------------------------------------------------------------

std::vector<std::string> field_names(Runtime& rt, const Value& spec) {
    std::vector<std::string> names;
    if (is_str(rt, spec)) {
        std::string text(str_view(spec));
        for (char& c : text) {
            if (c == ',') {
                c = ' ';
            }
        }
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && text[i] == ' ') {
                ++i;
            }
            std::size_t j = i;
            while (j < text.size() && text[j] != ' ') {
                ++j;
            }
            if (j > i) {
                names.push_back(text.substr(i, j - i));
            }
            i = j;
        }
        return names;
    }
    for (const Value& v : to_vector(rt, spec)) {
        names.emplace_back(expect_str(rt, v, "Type names and field names"));
    }
    return names;
}

Value make_namedtuple_type(Runtime& rt, const CallArgs& args) {
    auto values = parse_arguments(
        rt, args,
        Signature{
            "namedtuple", {"typename", "field_names", "rename", "defaults", "module"}, 2, 0, 2});
    const std::string name(expect_str(rt, *values[0], "Type names and field names"));
    std::vector<std::string> fields = field_names(rt, *values[1]);
    std::vector<Value> defaults;
    if (values[3] && !values[3]->is_none()) {
        defaults = to_vector(rt, *values[3]);
        if (defaults.size() > fields.size()) {
            raise_error(rt, rt.types().TypeError, "Got more default values than field names");
        }
    }
    std::string module = "__main__";
    if (values[4] && is_str(rt, *values[4])) {
        module = std::string(str_view(*values[4]));
    }
    Ref<TypeObject> type = make_native_type(rt, name, rt.types().tuple, module);
    std::vector<Value> field_values;
    for (const std::string& f : fields) {
        field_values.push_back(make_str(rt, f));
    }
    type->dict.set("_fields", make_tuple(rt, field_values));
    Value defaults_dict = make_dict(rt);
    for (std::size_t i = 0; i < defaults.size(); ++i) {
        dict_of(defaults_dict)
            .set(rt, field_values[fields.size() - defaults.size() + i], defaults[i]);
    }
    type->dict.set("_field_defaults", defaults_dict);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        define_property(rt, *type, fields[i],
                        [i](Runtime&, const Value& self) { return tuple_items(self)[i]; });
    }
    type->slots.construct = [](Runtime& rr, TypeObject& t, const CallArgs& call_args) {
        std::vector<std::string> names{"_cls"};
        for (const Value& f : tuple_items(*t.dict.find_slot("_fields"))) {
            names.emplace_back(str_view(f));
        }
        Value field_defaults = *t.dict.find_slot("_field_defaults");
        const std::string function = t.name + ".__new__";
        Signature signature{function, {}, names.size() - dict_of(field_defaults).size()};
        for (const std::string& n : names) {
            signature.names.push_back(n);
        }
        std::vector<Value> positional;
        positional.push_back(type_value(t));
        positional.insert(positional.end(), call_args.positional.begin(),
                          call_args.positional.end());
        CallArgs with_cls = call_args;
        with_cls.positional = positional;
        auto parsed = parse_arguments(rr, with_cls, signature);
        std::vector<Value> items;
        for (std::size_t i = 1; i < parsed.size(); ++i) {
            if (parsed[i]) {
                items.push_back(*parsed[i]);
            } else {
                items.push_back(*dict_of(field_defaults).find_str(rr, names[i]));
            }
        }
        auto tuple = Ref<TupleObject>::make(rr, std::move(items));
        tuple->type = &t;
        return Value(std::move(tuple));
    };
    type->slots.repr = [](Runtime& rr, const Value& self) {
        TypeObject& t = *self.as_object()->type;
        const auto& fields_tuple = tuple_items(*t.dict.find_slot("_fields"));
        const auto& items = tuple_items(self);
        std::string out = t.name + "(";
        for (std::size_t i = 0; i < items.size() && i < fields_tuple.size(); ++i) {
            out +=
                (i ? ", " : "") + std::string(str_view(fields_tuple[i])) + "=" + repr(rr, items[i]);
        }
        return out + ")";
    };
    define_method(rt, *type, "_asdict", [](Runtime& rr, const CallArgs& a) {
        const auto& fields_tuple = tuple_items(*a[0].as_object()->type->dict.find_slot("_fields"));
        Value d = make_dict(rr);
        for (std::size_t i = 0; i < fields_tuple.size(); ++i) {
            dict_of(d).set(rr, fields_tuple[i], tuple_items(a[0])[i]);
        }
        return d;
    });
    define_method(rt, *type, "_replace", [](Runtime& rr, const CallArgs& a) {
        TypeObject& t = *a[0].as_object()->type;
        const auto& fields_tuple = tuple_items(*t.dict.find_slot("_fields"));
        std::vector<Value> items = tuple_items(a[0]);
        for (std::size_t k = 0; k < a.keyword_names.size(); ++k) {
            std::size_t i = 0;
            while (i < fields_tuple.size() && str_view(fields_tuple[i]) != a.keyword_names[k]) {
                ++i;
            }
            if (i == fields_tuple.size()) {
                raise_error(
                    rr, rr.types().ValueError,
                    "Got unexpected field names: ['" + std::string(a.keyword_names[k]) + "']");
            }
            items[i] = a.keyword_values[k];
        }
        auto tuple = Ref<TupleObject>::make(rr, std::move(items));
        tuple->type = &t;
        return Value(std::move(tuple));
    });
    define_class_method(rt, *type, "_make", [](Runtime& rr, const CallArgs& a) {
        CallArgs positional;
        std::vector<Value> items = to_vector(rr, a[1]);
        positional.positional = items;
        return call(rr, a[0], positional);
    });
    return type_value(*type);
}

}  // namespace

void register_collections_module(Runtime& rt) {
    rt.register_native_module("collections", [](Runtime& r) {
        Ref<ModuleObject> module = make_module(r, "collections");
        module->dict.set("deque", type_value(*make_deque_type(r)));
        module->dict.set("defaultdict", type_value(*make_defaultdict_type(r)));
        module->dict.set("Counter", type_value(*make_counter_type(r)));
        module->dict.set("namedtuple", make_native_function(r, "namedtuple", make_namedtuple_type));
        return Value(module);
    });
}

}  // namespace loopscope::script
