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

// `collections`: deque and defaultdict.

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

}  // namespace

void register_collections_module(Runtime& rt) {
    rt.register_native_module("collections", [](Runtime& r) {
        Ref<ModuleObject> module = make_module(r, "collections");
        module->dict.set("deque", type_value(*make_deque_type(r)));
        module->dict.set("defaultdict", type_value(*make_defaultdict_type(r)));
        return Value(module);
    });
}

}  // namespace loopscope::script
