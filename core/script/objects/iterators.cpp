#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/list.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// enumerate, zip, map, filter, reversed and iter(callable, sentinel): lazy iterators.

namespace loopscope::script {

namespace {

struct EnumerateObject : TrackedObject {
    EnumerateObject(Runtime& rt, Value it, std::int64_t start)
        : TrackedObject(rt, rt.types().enumerate.get()), iterator(std::move(it)), next(start) {}
    Value iterator;
    std::int64_t next;
    void clear_references() override { iterator = Value(); }
};

struct ZipObject : TrackedObject {
    ZipObject(Runtime& rt, std::vector<Value> its, bool strict_)
        : TrackedObject(rt, rt.types().zip.get()), iterators(std::move(its)), strict(strict_) {}
    std::vector<Value> iterators;
    bool strict;
    void clear_references() override { iterators.clear(); }
};

struct MapObject : TrackedObject {
    MapObject(Runtime& rt, Value f, std::vector<Value> its)
        : TrackedObject(rt, rt.types().map.get()),
          function(std::move(f)),
          iterators(std::move(its)) {}
    Value function;
    std::vector<Value> iterators;
    void clear_references() override {
        function = Value();
        iterators.clear();
    }
};

struct FilterObject : TrackedObject {
    FilterObject(Runtime& rt, Value f, Value it)
        : TrackedObject(rt, rt.types().filter.get()),
          function(std::move(f)),
          iterator(std::move(it)) {}
    Value function;
    Value iterator;
    void clear_references() override { function = iterator = Value(); }
};

struct ReversedObject : TrackedObject {
    ReversedObject(Runtime& rt, Value seq)
        : TrackedObject(rt, rt.types().reversed.get()), sequence(std::move(seq)) {}
    Value sequence;
    std::int64_t index = -1;
    void clear_references() override { sequence = Value(); }
};

struct CallableIteratorObject : TrackedObject {
    CallableIteratorObject(Runtime& rt, Value f, Value s)
        : TrackedObject(rt, rt.types().callable_iterator.get()),
          function(std::move(f)),
          sentinel(std::move(s)) {}
    Value function;
    Value sentinel;
    bool done = false;
    void clear_references() override { function = sentinel = Value(); }
};

Value self_iter(Runtime&, const Value& self) {
    return self;
}

// iter() of an object with __getitem__ but no __iter__: items 0, 1, 2 ... until IndexError.
struct SequenceIteratorObject : TrackedObject {
    SequenceIteratorObject(Runtime& rt, TypeObject* iterator_type, Value seq)
        : TrackedObject(rt, iterator_type), sequence(std::move(seq)) {}
    Value sequence;
    std::int64_t index = 0;
    void clear_references() override { sequence = Value(); }
};

}  // namespace

void install_iterators(Runtime& rt) {
    BuiltinTypes& t = rt.types();

    t.enumerate->slots.iter = self_iter;
    t.enumerate->slots.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        auto values = parse_arguments(r, args, Signature{"enumerate", {"iterable", "start"}, 1});
        const std::int64_t start = values[1] ? to_index(r, *values[1]) : 0;
        return Value(Ref<EnumerateObject>::make(r, get_iter(r, *values[0]), start));
    };
    t.enumerate->slots.next = [](Runtime& r, const Value& self, Value& out) {
        auto* e = self.as<EnumerateObject>();
        Value item;
        if (e->iterator.is_none() || !iter_next(r, e->iterator, item)) {
            e->iterator = Value();
            return false;
        }
        out = make_tuple(r, {Value::integer(e->next++), item});
        return true;
    };

    t.zip->slots.iter = self_iter;
    t.zip->slots.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        bool strict = false;
        for (std::size_t i = 0; i < args.keyword_names.size(); ++i) {
            if (args.keyword_names[i] != "strict") {
                raise_error(r, r.types().TypeError,
                            "zip() got an unexpected keyword argument '" +
                                std::string(args.keyword_names[i]) + "'");
            }
            strict = truthy(r, args.keyword_values[i]);
        }
        std::vector<Value> iterators;
        for (const Value& iterable : args.positional) {
            iterators.push_back(get_iter(r, iterable));
        }
        return Value(Ref<ZipObject>::make(r, std::move(iterators), strict));
    };
    t.zip->slots.next = [](Runtime& r, const Value& self, Value& out) {
        auto* z = self.as<ZipObject>();
        if (z->iterators.empty()) {
            return false;
        }
        std::vector<Value> items;
        items.reserve(z->iterators.size());
        for (std::size_t i = 0; i < z->iterators.size(); ++i) {
            Value item;
            if (!iter_next(r, z->iterators[i], item)) {
                if (z->strict) {
                    if (i > 0) {
                        const std::string plural = i == 1 ? " " : "s 1-";
                        raise_error(r, r.types().ValueError,
                                    "zip() argument " + std::to_string(i + 1) +
                                        " is shorter than argument" + plural + std::to_string(i));
                    }
                    for (std::size_t k = 1; k < z->iterators.size(); ++k) {
                        Value extra;
                        if (iter_next(r, z->iterators[k], extra)) {
                            const std::string plural = k == 1 ? " " : "s 1-";
                            raise_error(r, r.types().ValueError,
                                        "zip() argument " + std::to_string(k + 1) +
                                            " is longer than argument" + plural +
                                            std::to_string(k));
                        }
                    }
                }
                z->iterators.clear();
                return false;
            }
            items.push_back(std::move(item));
        }
        out = make_tuple(r, std::move(items));
        return true;
    };

    t.map->slots.iter = self_iter;
    t.map->slots.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        reject_keywords(r, args, "map");
        if (args.size() < 2) {
            raise_error(r, r.types().TypeError, "map() must have at least two arguments.");
        }
        std::vector<Value> iterators;
        for (std::size_t i = 1; i < args.size(); ++i) {
            iterators.push_back(get_iter(r, args[i]));
        }
        return Value(Ref<MapObject>::make(r, args[0], std::move(iterators)));
    };
    t.map->slots.next = [](Runtime& r, const Value& self, Value& out) {
        auto* m = self.as<MapObject>();
        if (m->iterators.empty()) {
            return false;
        }
        std::vector<Value> items;
        for (const Value& it : m->iterators) {
            Value item;
            if (!iter_next(r, it, item)) {
                m->iterators.clear();
                return false;
            }
            items.push_back(std::move(item));
        }
        CallArgs call_args;
        call_args.positional = items;
        out = call(r, m->function, call_args);
        return true;
    };

    t.filter->slots.iter = self_iter;
    t.filter->slots.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        reject_keywords(r, args, "filter");
        expect_exactly(r, args, "filter", 2);
        return Value(Ref<FilterObject>::make(r, args[0], get_iter(r, args[1])));
    };
    t.filter->slots.next = [](Runtime& r, const Value& self, Value& out) {
        auto* f = self.as<FilterObject>();
        Value item;
        while (!f->iterator.is_none() && iter_next(r, f->iterator, item)) {
            const bool keep =
                f->function.is_none() ? truthy(r, item) : truthy(r, call(r, f->function, {item}));
            if (keep) {
                out = item;
                return true;
            }
        }
        f->iterator = Value();
        return false;
    };

    t.reversed->slots.iter = self_iter;
    t.reversed->slots.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        reject_keywords(r, args, "reversed");
        expect_exactly(r, args, "reversed", 1);
        Value result;
        if (call_special(r, args[0], "__reversed__", {}, result)) {
            return result;
        }
        TypeObject& type = type_of(r, args[0]);
        if (!type.slots.getitem || !type.slots.len || is_instance(r, args[0], r.types().dict)) {
            raise_error(r, r.types().TypeError, "'" + type.name + "' object is not reversible");
        }
        auto rev = Ref<ReversedObject>::make(r, args[0]);
        rev->index = length(r, args[0]) - 1;
        return Value(std::move(rev));
    };
    t.reversed->slots.next = [](Runtime& r, const Value& self, Value& out) {
        auto* rev = self.as<ReversedObject>();
        if (rev->sequence.is_none() || rev->index < 0) {
            rev->sequence = Value();
            return false;
        }
        out = get_item(r, rev->sequence, Value::integer(rev->index--));
        return true;
    };

    t.sequence_iterator->slots.iter = self_iter;
    t.sequence_iterator->slots.next = [](Runtime& r, const Value& self, Value& out) {
        auto* it = self.as<SequenceIteratorObject>();
        if (it->sequence.is_none()) {
            return false;
        }
        try {
            out = get_item(r, it->sequence, Value::integer(it->index));
        } catch (const ScriptError& error) {
            if (is_instance(r, error.exception, r.types().IndexError) ||
                is_instance(r, error.exception, r.types().StopIteration)) {
                it->sequence = Value();
                return false;
            }
            throw;
        }
        ++it->index;
        return true;
    };

    t.callable_iterator->slots.iter = self_iter;
    t.callable_iterator->slots.next = [](Runtime& r, const Value& self, Value& out) {
        auto* c = self.as<CallableIteratorObject>();
        if (c->done) {
            return false;
        }
        Value v = call(r, c->function, {});
        if (equals(r, v, c->sentinel)) {
            c->done = true;
            return false;
        }
        out = v;
        return true;
    };

    for (TypeObject* type :
         {t.enumerate.get(), t.zip.get(), t.map.get(), t.filter.get(), t.reversed.get()}) {
        rt.builtins().set(type->name, type_value(*type));
    }
}

Value make_sequence_iterator(Runtime& rt, Value sequence) {
    return Value(Ref<SequenceIteratorObject>::make(rt, rt.types().sequence_iterator.get(),
                                                   std::move(sequence)));
}

Value make_callable_iterator(Runtime& rt, Value function, Value sentinel) {
    return Value(Ref<CallableIteratorObject>::make(rt, std::move(function), std::move(sentinel)));
}

}  // namespace loopscope::script
