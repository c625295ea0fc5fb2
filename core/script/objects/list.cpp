#include "core/script/objects/list.h"

#include <algorithm>
#include <numeric>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/sequence_ops.h"
#include "core/script/objects/slice.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

namespace loopscope::script {

ListObject::ListObject(Runtime& rt, std::vector<Value> items_)
    : TrackedObject(rt, rt.types().list.get()), items(std::move(items_)) {}

void ListObject::clear_references() {
    items.clear();
}

Value make_list(Runtime& rt, std::vector<Value> items) {
    return Value(Ref<ListObject>::make(rt, std::move(items)));
}

bool is_list(Runtime& rt, const Value& v) {
    return v.is_object() && (v.as_object()->type == rt.types().list.get() ||
                             v.as_object()->type->is_subtype_of(rt.types().list));
}

ListIteratorObject::ListIteratorObject(Runtime& rt, Value list_)
    : TrackedObject(rt, rt.types().list_iterator.get()), list(std::move(list_)) {}

void ListIteratorObject::clear_references() {
    list = Value();
}

void sort_values(Runtime& rt, std::vector<Value>& items, const Value& key, bool reverse) {
    std::vector<Value> keys;
    if (!key.is_none()) {
        keys.reserve(items.size());
        for (const Value& item : items) {
            keys.push_back(call(rt, key, {item}));
        }
    }
    const std::vector<Value>& sort_keys = key.is_none() ? items : keys;
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    // Sort positions, not values: a comparison that raises leaves the list as it was.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Value& x = sort_keys[reverse ? b : a];
        const Value& y = sort_keys[reverse ? a : b];
        if (x.is_int() && y.is_int()) {
            return x.as_int() < y.as_int();
        }
        return compare_bool(rt, x, y, CompareOp::Lt);
    });
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (std::size_t i : order) {
        sorted.push_back(items[i]);
    }
    items = std::move(sorted);
}

namespace {

struct ListReverseIteratorObject : TrackedObject {
    ListReverseIteratorObject(Runtime& rt, Value list_)
        : TrackedObject(rt, rt.types().list_reverseiterator.get()), list(std::move(list_)) {
        index = static_cast<std::int64_t>(list_items(list).size()) - 1;
    }
    Value list;
    std::int64_t index;
    void clear_references() override { list = Value(); }
};

std::vector<Value>& items_of(const Value& self) {
    return self.as<ListObject>()->items;
}

Value list_getitem(Runtime& rt, const Value& self, const Value& key) {
    auto& items = items_of(self);
    if (key.is_int()) {
        std::int64_t i = key.as_int();
        const auto n = static_cast<std::int64_t>(items.size());
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            raise_error(rt, rt.types().IndexError, "list index out of range");
        }
        return items[static_cast<std::size_t>(i)];
    }
    if (is_slice(rt, key)) {
        return make_list(rt, slice_items(rt, items, key));
    }
    if (!key.is_bool() && !type_of(rt, key).lookup("__index__")) {
        raise_error(
            rt, rt.types().TypeError,
            "list indices must be integers or slices, not " + std::string(type_name(rt, key)));
    }
    return items[static_cast<std::size_t>(
        resolve_index(rt, key, static_cast<std::int64_t>(items.size()), "list"))];
}

void assign_slice(Runtime& rt, std::vector<Value>& items, const SliceObject& slice,
                  std::vector<Value> values) {
    SliceBounds b = resolve_slice(rt, slice, static_cast<std::int64_t>(items.size()));
    if (b.step == 1) {
        const std::int64_t stop = std::max(b.start, b.stop);
        items.erase(items.begin() + b.start, items.begin() + stop);
        items.insert(items.begin() + b.start, values.begin(), values.end());
        return;
    }
    if (static_cast<std::int64_t>(values.size()) != b.length) {
        raise_error(rt, rt.types().ValueError,
                    "attempt to assign sequence of size " + std::to_string(values.size()) +
                        " to extended slice of size " + std::to_string(b.length));
    }
    for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) {
        items[static_cast<std::size_t>(i)] = values[static_cast<std::size_t>(k)];
    }
}

void list_setitem(Runtime& rt, const Value& self, const Value& key, const Value& value) {
    auto& items = items_of(self);
    if (is_slice(rt, key)) {
        if (!type_of(rt, value).slots.iter) {
            raise_error(rt, rt.types().TypeError, "must assign iterable to extended slice");
        }
        assign_slice(rt, items, *key.as<SliceObject>(), to_vector(rt, value));
        return;
    }
    if (!(key.is_int() || key.is_bool()) && !type_of(rt, key).lookup("__index__")) {
        raise_error(
            rt, rt.types().TypeError,
            "list indices must be integers or slices, not " + std::string(type_name(rt, key)));
    }
    const std::int64_t i =
        resolve_index(rt, key, static_cast<std::int64_t>(items.size()), "list assignment");
    items[static_cast<std::size_t>(i)] = value;
}

void list_delitem(Runtime& rt, const Value& self, const Value& key) {
    auto& items = items_of(self);
    if (is_slice(rt, key)) {
        SliceBounds b =
            resolve_slice(rt, *key.as<SliceObject>(), static_cast<std::int64_t>(items.size()));
        std::vector<bool> remove(items.size(), false);
        for (std::int64_t k = 0, i = b.start; k < b.length; ++k, i += b.step) {
            remove[static_cast<std::size_t>(i)] = true;
        }
        std::vector<Value> kept;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!remove[i]) {
                kept.push_back(std::move(items[i]));
            }
        }
        items = std::move(kept);
        return;
    }
    const std::int64_t i =
        resolve_index(rt, key, static_cast<std::int64_t>(items.size()), "list assignment");
    items.erase(items.begin() + i);
}

}  // namespace

bool list_inplace(Runtime& rt, NumberOp op, const Value& a, const Value& b, Value& out) {
    if (op == NumberOp::Add) {
        std::vector<Value> extra = to_vector(rt, b);
        auto& items = items_of(a);
        items.insert(items.end(), extra.begin(), extra.end());
        out = a;
        return true;
    }
    if (op == NumberOp::Mul && (b.is_int() || b.is_bool())) {
        auto& items = items_of(a);
        items = repeat_items(rt, items, b.as_int());
        out = a;
        return true;
    }
    return false;
}

void install_list(Runtime& rt) {
    TypeObject& type = rt.types().list;
    TypeSlots& s = type.slots;
    s.repr = [](Runtime& r, const Value& self) {
        return sequence_repr(r, self.as_object(), items_of(self), "[", "]", false);
    };
    s.compare = [](Runtime& r, const Value& self, const Value& other, CompareOp op) {
        if (!is_list(r, other)) {
            return r.not_implemented();
        }
        return sequence_compare(r, items_of(self), items_of(other), op);
    };
    s.len = [](Runtime&, const Value& self) {
        return static_cast<std::int64_t>(items_of(self).size());
    };
    s.contains = [](Runtime& r, const Value& self, const Value& item) {
        const auto& items = items_of(self);
        return find_item(r, items, item, 0, static_cast<std::int64_t>(items.size())) >= 0;
    };
    s.getitem = list_getitem;
    s.setitem = list_setitem;
    s.delitem = list_delitem;
    s.iter = [](Runtime& r, const Value& self) {
        return Value(Ref<ListIteratorObject>::make(r, self));
    };
    s.number[static_cast<int>(NumberOp::Add)] = [](Runtime& r, const Value& a, const Value& b) {
        if (!is_list(r, a) || !is_list(r, b)) {
            return r.not_implemented();
        }
        std::vector<Value> items = items_of(a);
        items.insert(items.end(), items_of(b).begin(), items_of(b).end());
        return make_list(r, std::move(items));
    };
    s.number[static_cast<int>(NumberOp::Mul)] = [](Runtime& r, const Value& a, const Value& b) {
        const bool a_list = is_list(r, a);
        const Value& n = a_list ? b : a;
        if (!(n.is_int() || n.is_bool())) {
            return r.not_implemented();
        }
        return make_list(r, repeat_items(r, items_of(a_list ? a : b), n.as_int()));
    };
    s.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        reject_keywords(r, args, "list");
        expect_between(r, args, "list", 0, 1);
        return make_list(r, args.size() == 0 ? std::vector<Value>{} : to_vector(r, args[0]));
    };
    s.hash = nullptr;

    define_method(rt, type, "__init__", [](Runtime& r, const CallArgs& args) {
        if (args.size() > 2) {
            raise_error(r, r.types().TypeError,
                        "list expected at most 1 argument, got " + std::to_string(args.size() - 1));
        }
        std::vector<Value> items = args.size() == 2 ? to_vector(r, args[1]) : std::vector<Value>{};
        items_of(args[0]) = std::move(items);
        return Value();
    });
    define_method(rt, type, "append", [](Runtime& r, const CallArgs& args) {
        reject_keywords(r, args, "list.append");
        if (args.size() != 2) {
            raise_error(r, r.types().TypeError,
                        "list.append() takes exactly one argument (" +
                            std::to_string(args.size() - 1) + " given)");
        }
        items_of(args[0]).push_back(args[1]);
        return Value();
    });
    define_method(rt, type, "extend", [](Runtime& r, const CallArgs& args) {
        if (args.size() != 2) {
            raise_error(r, r.types().TypeError,
                        "list.extend() takes exactly one argument (" +
                            std::to_string(args.size() - 1) + " given)");
        }
        std::vector<Value> extra = to_vector(r, args[1]);
        auto& items = items_of(args[0]);
        items.insert(items.end(), extra.begin(), extra.end());
        return Value();
    });
    define_method(rt, type, "insert", [](Runtime& r, const CallArgs& args) {
        if (args.size() != 3) {
            raise_error(r, r.types().TypeError,
                        "insert expected 2 arguments, got " + std::to_string(args.size() - 1));
        }
        auto& items = items_of(args[0]);
        const auto n = static_cast<std::int64_t>(items.size());
        std::int64_t i = to_index(r, args[1]);
        if (i < 0) {
            i = std::max<std::int64_t>(0, i + n);
        }
        i = std::min(i, n);
        items.insert(items.begin() + i, args[2]);
        return Value();
    });
    define_method(rt, type, "pop", [](Runtime& r, const CallArgs& args) {
        if (args.size() > 2) {
            raise_error(r, r.types().TypeError,
                        "pop expected at most 1 argument, got " + std::to_string(args.size() - 1));
        }
        auto& items = items_of(args[0]);
        if (items.empty()) {
            raise_error(r, r.types().IndexError, "pop from empty list");
        }
        const auto n = static_cast<std::int64_t>(items.size());
        std::int64_t i = args.size() == 2 ? to_index(r, args[1]) : n - 1;
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            raise_error(r, r.types().IndexError, "pop index out of range");
        }
        Value v = std::move(items[static_cast<std::size_t>(i)]);
        items.erase(items.begin() + i);
        return v;
    });
    define_method(rt, type, "remove", [](Runtime& r, const CallArgs& args) {
        if (args.size() != 2) {
            raise_error(r, r.types().TypeError,
                        "list.remove() takes exactly one argument (" +
                            std::to_string(args.size() - 1) + " given)");
        }
        auto& items = items_of(args[0]);
        const std::int64_t i =
            find_item(r, items, args[1], 0, static_cast<std::int64_t>(items.size()));
        if (i < 0) {
            raise_error(r, r.types().ValueError, "list.remove(x): x not in list");
        }
        items_of(args[0]).erase(items_of(args[0]).begin() + i);
        return Value();
    });
    define_method(rt, type, "index", [](Runtime& r, const CallArgs& args) {
        if (args.size() < 2 || args.size() > 4) {
            expect_between(r, CallArgs{args.positional.subspan(1), {}, {}}, "index", 1, 3);
        }
        const auto& items = items_of(args[0]);
        std::int64_t start, stop;
        index_bounds(r, args, 2, static_cast<std::int64_t>(items.size()), start, stop);
        const std::int64_t i = find_item(r, items, args[1], start, stop);
        if (i < 0) {
            raise_error(r, r.types().ValueError, repr(r, args[1]) + " is not in list");
        }
        return Value::integer(i);
    });
    define_method(rt, type, "count", [](Runtime& r, const CallArgs& args) {
        if (args.size() != 2) {
            raise_error(r, r.types().TypeError,
                        "list.count() takes exactly one argument (" +
                            std::to_string(args.size() - 1) + " given)");
        }
        std::int64_t n = 0;
        const std::vector<Value> items = items_of(args[0]);
        for (const Value& item : items) {
            n += equals(r, item, args[1]) ? 1 : 0;
        }
        return Value::integer(n);
    });
    define_method(rt, type, "sort", [](Runtime& r, const CallArgs& args) {
        if (args.size() > 1) {
            raise_error(r, r.types().TypeError, "sort() takes no positional arguments");
        }
        CallArgs keywords = args;
        keywords.positional = {};
        auto values = parse_arguments(r, keywords, Signature{"sort", {"key", "reverse"}, 0, 0, 0});
        const Value key = values[0].value_or(Value());
        const bool reverse = values[1] ? truthy(r, *values[1]) : false;
        // Sort a copy: a key or comparison error leaves the list unchanged.
        std::vector<Value> items = items_of(args[0]);
        sort_values(r, items, key, reverse);
        items_of(args[0]) = std::move(items);
        return Value();
    });
    define_method(rt, type, "reverse", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "list.reverse", 1);
        std::reverse(items_of(args[0]).begin(), items_of(args[0]).end());
        return Value();
    });
    define_method(rt, type, "clear", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "list.clear", 1);
        std::vector<Value> old = std::move(items_of(args[0]));
        items_of(args[0]).clear();
        return Value();
    });
    define_method(rt, type, "copy", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "list.copy", 1);
        return make_list(r, items_of(args[0]));
    });
    define_method(rt, type, "__reversed__", [](Runtime& r, const CallArgs& args) {
        return Value(Ref<ListReverseIteratorObject>::make(r, args[0]));
    });
    rt.builtins().set("list", type_value(type));

    TypeSlots& it = rt.types().list_iterator->slots;
    it.iter = [](Runtime&, const Value& self) { return self; };
    it.next = [](Runtime&, const Value& self, Value& out) {
        auto* iterator = self.as<ListIteratorObject>();
        if (iterator->list.is_none()) {
            return false;
        }
        const auto& items = list_items(iterator->list);
        if (iterator->index >= items.size()) {
            iterator->list = Value();
            return false;
        }
        out = items[iterator->index++];
        return true;
    };
    TypeSlots& rit = rt.types().list_reverseiterator->slots;
    rit.iter = [](Runtime&, const Value& self) { return self; };
    rit.next = [](Runtime&, const Value& self, Value& out) {
        auto* iterator = self.as<ListReverseIteratorObject>();
        if (iterator->list.is_none()) {
            return false;
        }
        const auto& items = list_items(iterator->list);
        if (iterator->index < 0 || iterator->index >= static_cast<std::int64_t>(items.size())) {
            iterator->list = Value();
            return false;
        }
        out = items[static_cast<std::size_t>(iterator->index--)];
        return true;
    };
}

}  // namespace loopscope::script
