#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/range.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/slice.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// range, its iterator, and slices.

namespace loopscope::script {

RangeObject::RangeObject(TypeObject* range_type, std::int64_t start_, std::int64_t stop_,
                         std::int64_t step_)
    : Object(range_type), start(start_), stop(stop_), step(step_) {}

std::int64_t RangeObject::length() const {
    if (step > 0 && start < stop) {
        return static_cast<std::int64_t>(
            (static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start) - 1) /
                static_cast<std::uint64_t>(step) +
            1);
    }
    if (step < 0 && start > stop) {
        return static_cast<std::int64_t>(
            (static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(stop) - 1) /
                (0 - static_cast<std::uint64_t>(step)) +
            1);
    }
    return 0;
}

Value make_range(Runtime& rt, std::int64_t start, std::int64_t stop, std::int64_t step) {
    return Value(Ref<RangeObject>::make(rt.types().range.get(), start, stop, step));
}

RangeIteratorObject::RangeIteratorObject(TypeObject* iterator_type, std::int64_t next_,
                                         std::int64_t step_, std::int64_t remaining_)
    : Object(iterator_type), next(next_), step(step_), remaining(remaining_) {}

SliceObject::SliceObject(Runtime& rt, Value start_, Value stop_, Value step_)
    : TrackedObject(rt, rt.types().slice.get()),
      start(std::move(start_)),
      stop(std::move(stop_)),
      step(std::move(step_)) {}

void SliceObject::clear_references() {
    start = stop = step = Value();
}

Value make_slice(Runtime& rt, Value start, Value stop, Value step) {
    return Value(Ref<SliceObject>::make(rt, std::move(start), std::move(stop), std::move(step)));
}

bool is_slice(Runtime& rt, const Value& v) {
    return v.is_object() && v.as_object()->type == rt.types().slice.get();
}

namespace {

std::int64_t slice_index(Runtime& rt, const Value& v) {
    if (v.is_int() || v.is_bool()) {
        return v.as_int();
    }
    Value r;
    if (v.is_object() && call_special(rt, v, "__index__", {}, r) && (r.is_int() || r.is_bool())) {
        return r.as_int();
    }
    raise_error(rt, rt.types().TypeError,
                "slice indices must be integers or None or have an __index__ method");
}

}  // namespace

SliceBounds resolve_slice(Runtime& rt, const SliceObject& slice, std::int64_t length) {
    std::int64_t step = slice.step.is_none() ? 1 : slice_index(rt, slice.step);
    if (step == 0) {
        raise_error(rt, rt.types().ValueError, "slice step cannot be zero");
    }
    std::int64_t start, stop;
    if (slice.start.is_none()) {
        start = step < 0 ? length - 1 : 0;
    } else {
        start = slice_index(rt, slice.start);
        if (start < 0) {
            start += length;
            if (start < 0) {
                start = step < 0 ? -1 : 0;
            }
        } else if (start >= length) {
            start = step < 0 ? length - 1 : length;
        }
    }
    if (slice.stop.is_none()) {
        stop = step < 0 ? -1 : length;
    } else {
        stop = slice_index(rt, slice.stop);
        if (stop < 0) {
            stop += length;
            if (stop < 0) {
                stop = step < 0 ? -1 : 0;
            }
        } else if (stop >= length) {
            stop = step < 0 ? length - 1 : length;
        }
    }
    std::int64_t count = 0;
    if (step < 0) {
        if (stop < start) {
            count = (start - stop - 1) / (-step) + 1;
        }
    } else if (start < stop) {
        count = (stop - start - 1) / step + 1;
    }
    return {start, stop, step, count};
}

std::int64_t resolve_index(Runtime& rt, const Value& index, std::int64_t length, const char* what) {
    std::int64_t i = to_index(rt, index);
    if (i < 0) {
        i += length;
    }
    if (i < 0 || i >= length) {
        raise_error(rt, rt.types().IndexError, std::string(what) + " index out of range");
    }
    return i;
}

namespace {

std::int64_t range_item(const RangeObject& r, std::int64_t i) {
    return r.start + i * r.step;
}

std::int64_t range_arg(Runtime& rt, const Value& v) {
    if (v.is_float()) {
        raise_error(rt, rt.types().TypeError, "'float' object cannot be interpreted as an integer");
    }
    return to_index(rt, v);
}

Value range_construct(Runtime& rt, TypeObject&, const CallArgs& args) {
    reject_keywords(rt, args, "range");
    expect_between(rt, args, "range", 1, 3);
    std::int64_t start = 0, stop, step = 1;
    if (args.size() == 1) {
        stop = range_arg(rt, args[0]);
    } else {
        start = range_arg(rt, args[0]);
        stop = range_arg(rt, args[1]);
        if (args.size() == 3) {
            step = range_arg(rt, args[2]);
            if (step == 0) {
                raise_error(rt, rt.types().ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return make_range(rt, start, stop, step);
}

bool range_contains_int(const RangeObject& r, std::int64_t v) {
    if (r.step > 0 ? (v < r.start || v >= r.stop) : (v > r.start || v <= r.stop)) {
        return false;
    }
    return (v - r.start) % r.step == 0;
}

}  // namespace

void install_range_and_slice(Runtime& rt) {
    BuiltinTypes& t = rt.types();
    TypeSlots& r = t.range->slots;
    t.range->is_final = true;
    r.construct = range_construct;
    r.repr = [](Runtime&, const Value& self) {
        auto* range = self.as<RangeObject>();
        std::string out =
            "range(" + std::to_string(range->start) + ", " + std::to_string(range->stop);
        if (range->step != 1) {
            out += ", " + std::to_string(range->step);
        }
        return out + ")";
    };
    r.len = [](Runtime&, const Value& self) { return self.as<RangeObject>()->length(); };
    r.truthy = [](Runtime&, const Value& self) { return self.as<RangeObject>()->length() != 0; };
    r.iter = [](Runtime& rt_, const Value& self) {
        auto* range = self.as<RangeObject>();
        return Value(Ref<RangeIteratorObject>::make(rt_.types().range_iterator.get(), range->start,
                                                    range->step, range->length()));
    };
    r.contains = [](Runtime& rt_, const Value& self, const Value& item) {
        auto* range = self.as<RangeObject>();
        if (item.is_int() || item.is_bool()) {
            return range_contains_int(*range, item.as_int());
        }
        bool found = false;
        for (std::int64_t i = 0, n = range->length(); i < n && !found; ++i) {
            found = equals(rt_, Value::integer(range_item(*range, i)), item);
        }
        return found;
    };
    r.getitem = [](Runtime& rt_, const Value& self, const Value& key) {
        auto* range = self.as<RangeObject>();
        if (is_slice(rt_, key)) {
            SliceBounds b = resolve_slice(rt_, *key.as<SliceObject>(), range->length());
            const std::int64_t start = range_item(*range, b.start);
            const std::int64_t step = range->step * b.step;
            return make_range(rt_, start, start + b.length * step, step);
        }
        const std::int64_t i = resolve_index(rt_, key, range->length(), "range object");
        return Value::integer(range_item(*range, i));
    };
    r.compare = [](Runtime& rt_, const Value& self, const Value& other, CompareOp op) {
        if ((op != CompareOp::Eq && op != CompareOp::Ne) ||
            !(other.is_object() && other.as_object()->type == rt_.types().range.get())) {
            return rt_.not_implemented();
        }
        auto* a = self.as<RangeObject>();
        auto* b = other.as<RangeObject>();
        const std::int64_t n = a->length();
        bool same = n == b->length() &&
                    (n == 0 || (a->start == b->start && (n == 1 || a->step == b->step)));
        return Value::boolean(op == CompareOp::Eq ? same : !same);
    };
    r.hash = [](Runtime&, const Value& self) {
        auto* a = self.as<RangeObject>();
        return hash_int(a->start * 31 + a->length() * 17 + a->step);
    };
    define_property(rt, t.range, "start", [](Runtime&, const Value& self) {
        return Value::integer(self.as<RangeObject>()->start);
    });
    define_property(rt, t.range, "stop", [](Runtime&, const Value& self) {
        return Value::integer(self.as<RangeObject>()->stop);
    });
    define_property(rt, t.range, "step", [](Runtime&, const Value& self) {
        return Value::integer(self.as<RangeObject>()->step);
    });
    define_method(rt, t.range, "index", [](Runtime& rt_, const CallArgs& args) {
        expect_exactly(rt_, args, "range.index", 2);
        auto* range = args[0].as<RangeObject>();
        if ((args[1].is_int() || args[1].is_bool()) &&
            range_contains_int(*range, args[1].as_int())) {
            return Value::integer((args[1].as_int() - range->start) / range->step);
        }
        raise_error(rt_, rt_.types().ValueError, repr(rt_, args[1]) + " is not in range");
    });
    define_method(rt, t.range, "count", [](Runtime& rt_, const CallArgs& args) {
        expect_exactly(rt_, args, "range.count", 2);
        auto* range = args[0].as<RangeObject>();
        return Value::integer((args[1].is_int() || args[1].is_bool()) &&
                                      range_contains_int(*range, args[1].as_int())
                                  ? 1
                                  : 0);
    });
    rt.builtins().set("range", t.range.value());

    TypeSlots& it = t.range_iterator->slots;
    it.iter = [](Runtime&, const Value& self) { return self; };
    it.next = [](Runtime&, const Value& self, Value& out) {
        auto* iterator = self.as<RangeIteratorObject>();
        if (iterator->remaining <= 0) {
            return false;
        }
        out = Value::integer(iterator->next);
        iterator->next += iterator->step;
        --iterator->remaining;
        return true;
    };
    it.len = [](Runtime&, const Value& self) { return self.as<RangeIteratorObject>()->remaining; };

    TypeSlots& s = t.slice->slots;
    t.slice->is_final = true;
    s.construct = [](Runtime& rt_, TypeObject&, const CallArgs& args) {
        reject_keywords(rt_, args, "slice");
        expect_between(rt_, args, "slice", 1, 3);
        if (args.size() == 1) {
            return make_slice(rt_, Value(), args[0], Value());
        }
        return make_slice(rt_, args[0], args[1], args.size() == 3 ? args[2] : Value());
    };
    s.repr = [](Runtime& rt_, const Value& self) {
        auto* slice = self.as<SliceObject>();
        return "slice(" + repr(rt_, slice->start) + ", " + repr(rt_, slice->stop) + ", " +
               repr(rt_, slice->step) + ")";
    };
    s.compare = [](Runtime& rt_, const Value& self, const Value& other, CompareOp op) {
        if (!is_slice(rt_, other)) {
            return rt_.not_implemented();
        }
        auto* a = self.as<SliceObject>();
        auto* b = other.as<SliceObject>();
        Value ta = make_tuple(rt_, {a->start, a->stop, a->step});
        Value tb = make_tuple(rt_, {b->start, b->stop, b->step});
        return compare(rt_, ta, tb, op);
    };
    define_property(rt, t.slice, "start",
                    [](Runtime&, const Value& self) { return self.as<SliceObject>()->start; });
    define_property(rt, t.slice, "stop",
                    [](Runtime&, const Value& self) { return self.as<SliceObject>()->stop; });
    define_property(rt, t.slice, "step",
                    [](Runtime&, const Value& self) { return self.as<SliceObject>()->step; });
    define_method(rt, t.slice, "indices", [](Runtime& rt_, const CallArgs& args) {
        expect_exactly(rt_, args, "slice.indices", 2);
        SliceBounds b = resolve_slice(rt_, *args[0].as<SliceObject>(), to_index(rt_, args[1]));
        return make_tuple(
            rt_, {Value::integer(b.start), Value::integer(b.stop), Value::integer(b.step)});
    });
    rt.builtins().set("slice", t.slice.value());
}

}  // namespace loopscope::script
