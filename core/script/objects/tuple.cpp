#include "core/script/objects/tuple.h"

#include <algorithm>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/list.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/sequence_ops.h"
#include "core/script/objects/slice.h"
#include "core/script/objects/stack_guard.h"
#include "core/script/objects/type_object.h"

namespace loopscope::script {

TupleObject::TupleObject(Runtime& rt, std::vector<Value> items_)
    : TrackedObject(rt, rt.types().tuple.get()), items(std::move(items_)) {}

void TupleObject::clear_references() {
    items.clear();
}

Value make_tuple(Runtime& rt, std::vector<Value> items) {
    if (items.empty()) {
        return rt.empty_tuple();
    }
    return Value(Ref<TupleObject>::make(rt, std::move(items)));
}

Value make_tuple(Runtime& rt, std::initializer_list<Value> items) {
    return make_tuple(rt, std::vector<Value>(items));
}

bool is_tuple(Runtime& rt, const Value& v) {
    return v.is_object() && (v.as_object()->type == rt.types().tuple.get() ||
                             v.as_object()->type->is_subtype_of(rt.types().tuple));
}

// --- shared sequence helpers ---------------------------------------------------------------

ReprGuard::ReprGuard(Runtime& rt, const Object* self) : rt_(rt) {
    auto& stack = rt.repr_stack();
    if (static_cast<int>(stack.size()) >= rt.limits.recursion) {
        raise_error(rt, rt.types().RecursionError,
                    "maximum recursion depth exceeded while getting the repr of an object");
    }
    // A list nested 100,000 deep under a raised recursion limit: stop before the C stack ends.
    check_native_stack(rt, "maximum recursion depth exceeded while getting the repr of an object");
    active_ = std::find(stack.begin(), stack.end(), self) == stack.end();
    if (active_) {
        stack.push_back(self);
    }
}

ReprGuard::~ReprGuard() {
    if (active_) {
        rt_.repr_stack().pop_back();
    }
}

std::string sequence_repr(Runtime& rt, const Object* self, const std::vector<Value>& items,
                          const char* open, const char* close, bool single_comma) {
    if (items.empty()) {
        return std::string(open) + close;
    }
    ReprGuard guard(rt, self);
    if (!guard.active()) {
        return std::string(open) + "..." + close;
    }
    std::string out = open;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += ", ";
        }
        out += repr(rt, items[i]);
    }
    if (single_comma && items.size() == 1) {
        out += ",";
    }
    return out + close;
}

Value sequence_compare(Runtime& rt, const std::vector<Value>& a, const std::vector<Value>& b,
                       CompareOp op) {
    if ((op == CompareOp::Eq || op == CompareOp::Ne) && a.size() != b.size()) {
        return Value::boolean(op == CompareOp::Ne);
    }
    std::size_t i = 0;
    for (; i < a.size() && i < b.size(); ++i) {
        // Copies: a user __eq__ may mutate the containers.
        Value x = a[i], y = b[i];
        if (!equals(rt, x, y)) {
            break;
        }
    }
    if (i >= a.size() || i >= b.size()) {
        const std::size_t na = a.size(), nb = b.size();
        bool r = false;
        switch (op) {
            case CompareOp::Lt:
                r = na < nb;
                break;
            case CompareOp::Le:
                r = na <= nb;
                break;
            case CompareOp::Eq:
                r = na == nb;
                break;
            case CompareOp::Ne:
                r = na != nb;
                break;
            case CompareOp::Gt:
                r = na > nb;
                break;
            case CompareOp::Ge:
                r = na >= nb;
                break;
        }
        return Value::boolean(r);
    }
    if (op == CompareOp::Eq) {
        return Value::boolean(false);
    }
    if (op == CompareOp::Ne) {
        return Value::boolean(true);
    }
    Value x = a[i], y = b[i];
    return compare(rt, x, y, op);
}

std::vector<Value> repeat_items(Runtime& rt, const std::vector<Value>& items, std::int64_t n) {
    std::vector<Value> out;
    if (n <= 0 || items.empty()) {
        return out;
    }
    if (static_cast<std::uint64_t>(n) * items.size() > (std::uint64_t{1} << 28)) {
        raise_error(rt, rt.types().MemoryError, "");
    }
    out.reserve(items.size() * static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n; ++k) {
        out.insert(out.end(), items.begin(), items.end());
    }
    return out;
}

std::int64_t find_item(Runtime& rt, const std::vector<Value>& items, const Value& x,
                       std::int64_t start, std::int64_t stop) {
    for (std::int64_t i = start; i < stop && i < static_cast<std::int64_t>(items.size()); ++i) {
        Value item = items[static_cast<std::size_t>(i)];
        if (equals(rt, item, x)) {
            return i;
        }
    }
    return -1;
}

void index_bounds(Runtime& rt, const CallArgs& args, std::size_t first, std::int64_t length,
                  std::int64_t& start, std::int64_t& stop) {
    auto clamp = [&](const Value& v) {
        std::int64_t i = to_index(rt, v);
        if (i < 0) {
            i += length;
            if (i < 0) {
                i = 0;
            }
        }
        return i;
    };
    start = args.size() > first ? clamp(args[first]) : 0;
    stop = args.size() > first + 1 ? clamp(args[first + 1]) : length;
}

std::vector<Value> slice_items(Runtime& rt, const std::vector<Value>& items, const Value& slice) {
    SliceBounds b =
        resolve_slice(rt, *slice.as<SliceObject>(), static_cast<std::int64_t>(items.size()));
    std::vector<Value> out;
    out.reserve(static_cast<std::size_t>(b.length));
    for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) {
        out.push_back(items[static_cast<std::size_t>(i)]);
    }
    return out;
}

// --- tuple ---------------------------------------------------------------------------------

namespace {

struct TupleIteratorObject : TrackedObject {
    TupleIteratorObject(Runtime& rt, Value tuple_)
        : TrackedObject(rt, rt.types().tuple_iterator.get()), tuple(std::move(tuple_)) {}
    Value tuple;
    std::size_t index = 0;
    void clear_references() override { tuple = Value(); }
};

std::int64_t tuple_hash(Runtime& rt, const Value& self) {
    constexpr std::uint64_t prime1 = 11400714785074694791ULL;
    constexpr std::uint64_t prime2 = 14029467366897019727ULL;
    constexpr std::uint64_t prime5 = 2870177450012600261ULL;
    const auto& items = tuple_items(self);
    std::uint64_t acc = prime5;
    for (const Value& item : items) {
        const auto lane = static_cast<std::uint64_t>(hash(rt, item));
        acc += lane * prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= prime1;
    }
    acc += items.size() ^ (prime5 ^ 3527539UL);
    if (acc == static_cast<std::uint64_t>(-1)) {
        return 1546275796;
    }
    return static_cast<std::int64_t>(acc);
}

}  // namespace

void install_tuple(Runtime& rt) {
    TypeObject& type = rt.types().tuple;
    TypeSlots& s = type.slots;
    s.repr = [](Runtime& r, const Value& self) {
        return sequence_repr(r, self.as_object(), tuple_items(self), "(", ")", true);
    };
    s.hash = tuple_hash;
    s.compare = [](Runtime& r, const Value& self, const Value& other, CompareOp op) {
        if (!is_tuple(r, other)) {
            return r.not_implemented();
        }
        return sequence_compare(r, tuple_items(self), tuple_items(other), op);
    };
    s.len = [](Runtime&, const Value& self) {
        return static_cast<std::int64_t>(tuple_items(self).size());
    };
    s.contains = [](Runtime& r, const Value& self, const Value& item) {
        const auto& items = tuple_items(self);
        return find_item(r, items, item, 0, static_cast<std::int64_t>(items.size())) >= 0;
    };
    s.getitem = [](Runtime& r, const Value& self, const Value& key) {
        const auto& items = tuple_items(self);
        if (is_slice(r, key)) {
            return make_tuple(r, slice_items(r, items, key));
        }
        if (!(key.is_int() || key.is_bool()) && !type_of(r, key).lookup("__index__")) {
            raise_error(
                r, r.types().TypeError,
                "tuple indices must be integers or slices, not " + std::string(type_name(r, key)));
        }
        return items[static_cast<std::size_t>(
            resolve_index(r, key, static_cast<std::int64_t>(items.size()), "tuple"))];
    };
    s.iter = [](Runtime& r, const Value& self) {
        return Value(Ref<TupleIteratorObject>::make(r, self));
    };
    s.number[static_cast<int>(NumberOp::Add)] = [](Runtime& r, const Value& a, const Value& b) {
        if (!is_tuple(r, a) || !is_tuple(r, b)) {
            return r.not_implemented();
        }
        std::vector<Value> items = tuple_items(a);
        items.insert(items.end(), tuple_items(b).begin(), tuple_items(b).end());
        return make_tuple(r, std::move(items));
    };
    s.number[static_cast<int>(NumberOp::Mul)] = [](Runtime& r, const Value& a, const Value& b) {
        const bool a_tuple = is_tuple(r, a);
        const Value& n = a_tuple ? b : a;
        if (!(n.is_int() || n.is_bool())) {
            return r.not_implemented();
        }
        return make_tuple(r, repeat_items(r, tuple_items(a_tuple ? a : b), n.as_int()));
    };
    s.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        reject_keywords(r, args, "tuple");
        expect_between(r, args, "tuple", 0, 1);
        if (args.size() == 0) {
            return r.empty_tuple();
        }
        if (args[0].is_object() && args[0].as_object()->type == r.types().tuple.get()) {
            return args[0];
        }
        return make_tuple(r, to_vector(r, args[0]));
    };
    define_method(rt, type, "index", [](Runtime& r, const CallArgs& args) {
        expect_between(r, args, "index", 2, 4);
        const auto& items = tuple_items(args[0]);
        std::int64_t start, stop;
        index_bounds(r, args, 2, static_cast<std::int64_t>(items.size()), start, stop);
        const std::int64_t i = find_item(r, items, args[1], start, stop);
        if (i < 0) {
            raise_error(r, r.types().ValueError, "tuple.index(x): x not in tuple");
        }
        return Value::integer(i);
    });
    define_method(rt, type, "count", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "tuple.count", 2);
        std::int64_t n = 0;
        for (const Value& item : tuple_items(args[0])) {
            n += equals(r, item, args[1]) ? 1 : 0;
        }
        return Value::integer(n);
    });
    rt.builtins().set("tuple", type_value(type));

    TypeSlots& it = rt.types().tuple_iterator->slots;
    it.iter = [](Runtime&, const Value& self) { return self; };
    it.next = [](Runtime&, const Value& self, Value& out) {
        auto* iterator = self.as<TupleIteratorObject>();
        if (iterator->tuple.is_none()) {
            return false;
        }
        const auto& items = tuple_items(iterator->tuple);
        if (iterator->index >= items.size()) {
            iterator->tuple = Value();
            return false;
        }
        out = items[iterator->index++];
        return true;
    };
}

}  // namespace loopscope::script
