#include <array>
#include <span>

#include "core/script/objects/dict.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/list.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// make_class: a `class` statement's type, whose C++ slots call the dunder methods its body (or a
// user base) defines. Each trampoline finds the method along the MRO at call time, so methods
// assigned to the class later still work.

namespace loopscope::script {

namespace {

// Instances of subclasses of list and dict: the builtin's C++ object (so its slots and methods
// work unchanged) plus an attribute dict, and a reference keeping the class alive.
struct ListInstanceObject : ListObject {
    ListInstanceObject(Runtime& rt, Ref<TypeObject> cls_)
        : ListObject(rt, {}), cls(std::move(cls_)) {
        type = cls.get();
    }
    Ref<TypeObject> cls;
    Attributes dict;
    void clear_references() override {
        ListObject::clear_references();
        dict.clear();
    }
    Attributes* attributes() override { return &dict; }
};

struct DictInstanceObject : DictObject {
    DictInstanceObject(Runtime& rt, Ref<TypeObject> cls_) : DictObject(rt), cls(std::move(cls_)) {
        type = cls.get();
    }
    Ref<TypeObject> cls;
    Attributes dict;
    void clear_references() override {
        DictObject::clear_references();
        dict.clear();
    }
    Attributes* attributes() override { return &dict; }
};

// The method `name` found on self's type and called with self prepended.
Value call_dunder(Runtime& rt, const Value& self, std::string_view name,
                  std::initializer_list<Value> args) {
    Value result;
    if (!call_special(rt, self, name, args, result)) {
        raise_attribute_error(rt, self, name);
    }
    return result;
}

std::string user_repr(Runtime& rt, const Value& self) {
    Value r = call_dunder(rt, self, "__repr__", {});
    if (!is_str(rt, r)) {
        raise_error(rt, rt.types().TypeError,
                    "__repr__ returned non-string (type " + std::string(type_name(rt, r)) + ")");
    }
    return std::string(str_view(r));
}

std::string user_str(Runtime& rt, const Value& self) {
    Value r = call_dunder(rt, self, "__str__", {});
    if (!is_str(rt, r)) {
        raise_error(rt, rt.types().TypeError,
                    "__str__ returned non-string (type " + std::string(type_name(rt, r)) + ")");
    }
    return std::string(str_view(r));
}

std::int64_t user_hash(Runtime& rt, const Value& self) {
    Value r = call_dunder(rt, self, "__hash__", {});
    if (!r.is_int() && !r.is_bool()) {
        raise_error(rt, rt.types().TypeError, "__hash__ method should return an integer");
    }
    return hash_int(r.as_int());
}

std::int64_t unhashable(Runtime& rt, const Value& self) {
    raise_error(rt, rt.types().TypeError,
                "unhashable type: '" + std::string(type_name(rt, self)) + "'");
}

constexpr std::array<const char*, 6> kCompareNames = {"__lt__", "__le__", "__eq__",
                                                      "__ne__", "__gt__", "__ge__"};

Value user_compare(Runtime& rt, const Value& self, const Value& other, CompareOp op) {
    Value result;
    if (call_special(rt, self, kCompareNames[static_cast<std::size_t>(op)], {other}, result)) {
        return result;
    }
    return rt.not_implemented();
}

constexpr std::array<const char*, 13> kBinaryNames = {
    "__add__", "__sub__",    "__mul__",    "__matmul__", "__truediv__", "__floordiv__", "__mod__",
    "__pow__", "__lshift__", "__rshift__", "__and__",    "__or__",      "__xor__"};
constexpr std::array<const char*, 13> kReflectedNames = {
    "__radd__",      "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__",
    "__rfloordiv__", "__rmod__", "__rpow__", "__rlshift__", "__rrshift__",
    "__rand__",      "__ror__",  "__rxor__"};

template <int I>
Value user_binary(Runtime& rt, const Value& a, const Value& b) {
    TypeObject& ta = type_of(rt, a);
    TypeObject& tb = type_of(rt, b);
    Value r;
    if (ta.slots.number[I] == &user_binary<I> && call_special(rt, a, kBinaryNames[I], {b}, r) &&
        !rt.is_not_implemented(r)) {
        return r;
    }
    if (tb.slots.number[I] == &user_binary<I> && &ta != &tb &&
        call_special(rt, b, kReflectedNames[I], {a}, r) && !rt.is_not_implemented(r)) {
        return r;
    }
    return rt.not_implemented();
}

template <int... I>
constexpr auto binary_trampolines(std::integer_sequence<int, I...>) {
    return std::array<Value (*)(Runtime&, const Value&, const Value&), sizeof...(I)>{
        &user_binary<I>...};
}
constexpr auto kBinaryTrampolines = binary_trampolines(std::make_integer_sequence<int, 13>{});

Value user_negative(Runtime& rt, const Value& self) {
    return call_dunder(rt, self, "__neg__", {});
}
Value user_positive(Runtime& rt, const Value& self) {
    return call_dunder(rt, self, "__pos__", {});
}
Value user_invert(Runtime& rt, const Value& self) {
    return call_dunder(rt, self, "__invert__", {});
}

std::int64_t user_len(Runtime& rt, const Value& self) {
    Value r = call_dunder(rt, self, "__len__", {});
    const std::int64_t n = to_index(rt, r);
    if (n < 0) {
        raise_error(rt, rt.types().ValueError, "__len__() should return >= 0");
    }
    return n;
}

bool user_truthy(Runtime& rt, const Value& self) {
    Value r;
    if (call_special(rt, self, "__bool__", {}, r)) {
        if (!r.is_bool()) {
            raise_error(rt, rt.types().TypeError,
                        "__bool__ should return bool, returned " + std::string(type_name(rt, r)));
        }
        return r.as_bool();
    }
    if (call_special(rt, self, "__len__", {}, r)) {
        return to_index(rt, r) != 0;
    }
    return true;
}

Value user_call(Runtime& rt, const Value& self, const CallArgs& args) {
    Value callable;
    bool prepend = false;
    if (!lookup_special(rt, self, "__call__", callable, prepend)) {
        raise_error(rt, rt.types().TypeError,
                    "'" + std::string(type_name(rt, self)) + "' object is not callable");
    }
    if (!prepend) {
        return call(rt, callable, args);
    }
    std::vector<Value> positional;
    positional.reserve(args.size() + 1);
    positional.push_back(self);
    positional.insert(positional.end(), args.positional.begin(), args.positional.end());
    CallArgs with_self = args;
    with_self.positional = positional;
    return call(rt, callable, with_self);
}

bool user_getattr(Runtime& rt, const Value& self, std::string_view name, Value& out) {
    Value r;
    if (!call_special(rt, self, "__getattr__", {make_str(rt, name)}, r)) {
        return false;
    }
    out = r;
    return true;
}

void user_setattr(Runtime& rt, const Value& self, std::string_view name, const Value& value) {
    call_dunder(rt, self, "__setattr__", {make_str(rt, name), value});
}

Value user_iter(Runtime& rt, const Value& self) {
    Value r = call_dunder(rt, self, "__iter__", {});
    if (!type_of(rt, r).slots.next) {
        raise_error(rt, rt.types().TypeError,
                    "iter() returned non-iterator of type '" + std::string(type_name(rt, r)) + "'");
    }
    return r;
}

bool user_next(Runtime& rt, const Value& self, Value& out) {
    try {
        out = call_dunder(rt, self, "__next__", {});
        return true;
    } catch (const ScriptError& error) {
        if (is_instance(rt, error.exception, rt.types().StopIteration)) {
            return false;
        }
        throw;
    }
}

Value user_getitem(Runtime& rt, const Value& self, const Value& key) {
    return call_dunder(rt, self, "__getitem__", {key});
}
void user_setitem(Runtime& rt, const Value& self, const Value& key, const Value& value) {
    call_dunder(rt, self, "__setitem__", {key, value});
}
void user_delitem(Runtime& rt, const Value& self, const Value& key) {
    call_dunder(rt, self, "__delitem__", {key});
}
bool user_contains(Runtime& rt, const Value& self, const Value& item) {
    Value r;
    if (call_special(rt, self, "__contains__", {item}, r)) {
        return truthy(rt, r);
    }
    bool found = false;
    for_each_item(rt, self, [&](const Value& v) {
        found = equals(rt, v, item);
        return !found;
    });
    return found;
}

Value user_get(Runtime& rt, const Value& self, const Value& instance, TypeObject& owner) {
    return call_dunder(rt, self, "__get__", {instance, type_value(owner)});
}
void user_set(Runtime& rt, const Value& self, const Value& instance, const Value* value) {
    if (value) {
        call_dunder(rt, self, "__set__", {instance, *value});
    } else {
        call_dunder(rt, self, "__delete__", {instance});
    }
}

// The first builtin class on the MRO: it decides what C++ object an instance is.
TypeObject& solid_base(TypeObject& type) {
    for (TypeObject* t : type.mro) {
        if (!t->is_user_class) {
            return *t;
        }
    }
    return type;
}

// The first definition of `name` along the MRO, when it comes from a user class.
Value user_definition(const TypeObject& type, std::string_view name) {
    for (const TypeObject* t : type.mro) {
        if (const Value* v = t->dict.find_slot(name)) {
            return t->is_user_class ? *v : Value();
        }
    }
    return Value();
}

const TypeObject::ConstructCache& construct_cache(Runtime& rt, TypeObject& type) {
    TypeObject::ConstructCache& cache = type.construct_cache;
    if (cache.epoch != rt.type_epoch) {
        cache.init = user_definition(type, "__init__");
        cache.user_new = user_definition(type, "__new__");
        if (cache.user_new.is_object() &&
            cache.user_new.as_object()->type == rt.types().staticmethod.get()) {
            cache.user_new = cache.user_new.as<MethodWrapperObject>()->callable;
        }
        cache.epoch = rt.type_epoch;
    }
    return cache;
}

// Calls f(first, *args, **kwargs) without allocating for short argument lists.
Value call_with_first(Runtime& rt, const Value& f, const Value& first, const CallArgs& args) {
    constexpr std::size_t kInline = 8;
    std::array<Value, kInline> inline_storage;
    std::vector<Value> heap_storage;
    std::span<Value> positional;
    if (args.size() + 1 <= kInline) {
        positional = std::span<Value>(inline_storage.data(), args.size() + 1);
    } else {
        heap_storage.resize(args.size() + 1);
        positional = heap_storage;
    }
    positional[0] = first;
    for (std::size_t i = 0; i < args.size(); ++i) {
        positional[i + 1] = args[i];
    }
    CallArgs with_first = args;
    with_first.positional = positional;
    return call(rt, f, with_first);
}

Value user_construct(Runtime& rt, TypeObject& type, const CallArgs& args) {
    const TypeObject::ConstructCache& cache = construct_cache(rt, type);
    // Copies: the call below may run code that changes the class.
    const Value init = cache.init;
    const Value user_new = cache.user_new;
    Value instance;
    if (!user_new.is_none()) {
        instance = call_with_first(rt, user_new, type_value(type), args);
        if (!is_instance(rt, instance, type)) {
            return instance;
        }
    } else if (type.is_exception) {
        auto e = Ref<ExceptionObject>::make(rt, Ref<TypeObject>(&type));
        CallArgs positional_only;
        positional_only.positional = args.positional;
        initialize_exception_args(rt, *e, positional_only);
        instance = Value(std::move(e));
    } else if (type.is_subtype_of(rt.types().list)) {
        instance = Value(Ref<ListInstanceObject>::make(rt, Ref<TypeObject>(&type)));
    } else if (type.is_subtype_of(rt.types().dict)) {
        instance = Value(Ref<DictInstanceObject>::make(rt, Ref<TypeObject>(&type)));
    } else {
        instance = Value(Ref<InstanceObject>::make(rt, Ref<TypeObject>(&type)));
    }
    if (init.is_none() &&
        (type.is_subtype_of(rt.types().list) || type.is_subtype_of(rt.types().dict))) {
        // The builtin's own __init__ fills the container: Stack([1, 2]).
        const Value* builtin_init = type.lookup("__init__");
        return builtin_init ? (call_with_first(rt, *builtin_init, instance, args), instance)
                            : instance;
    }
    if (!init.is_none()) {
        Value r = call_with_first(rt, init, instance, args);
        if (!r.is_none()) {
            raise_error(
                rt, rt.types().TypeError,
                "__init__() should return None, not '" + std::string(type_name(rt, r)) + "'");
        }
    } else if (!type.is_exception && user_new.is_none() &&
               (args.size() > 0 || args.has_keywords())) {
        raise_error(rt, rt.types().TypeError, type.name + "() takes no arguments");
    } else if (type.is_exception && args.has_keywords() && user_new.is_none()) {
        raise_error(rt, rt.types().TypeError, type.name + "() takes no keyword arguments");
    }
    return instance;
}

// Whether `name` is defined by a user class on the MRO before any builtin class.
bool user_defines(const TypeObject& type, std::string_view name) {
    for (const TypeObject* t : type.mro) {
        if (t->dict.contains(name)) {
            return t->is_user_class;
        }
    }
    return false;
}

void fill_slots(TypeObject& type) {
    TypeSlots& s = type.slots;
    s = solid_base(type).slots;
    s.construct = user_construct;
    if (user_defines(type, "__repr__")) {
        s.repr = user_repr;
    }
    if (user_defines(type, "__str__")) {
        s.str = user_str;
    }
    for (const char* name : kCompareNames) {
        if (user_defines(type, name)) {
            s.compare = user_compare;
        }
    }
    if (const Value* h = type.lookup("__hash__"); h && h->is_none()) {
        s.hash = unhashable;
    } else if (user_defines(type, "__hash__")) {
        s.hash = user_hash;
    }
    for (std::size_t i = 0; i < kBinaryNames.size(); ++i) {
        if (user_defines(type, kBinaryNames[i]) || user_defines(type, kReflectedNames[i])) {
            s.number[i] = kBinaryTrampolines[i];
        }
    }
    if (user_defines(type, "__neg__")) {
        s.negative = user_negative;
    }
    if (user_defines(type, "__pos__")) {
        s.positive = user_positive;
    }
    if (user_defines(type, "__invert__")) {
        s.invert = user_invert;
    }
    if (user_defines(type, "__bool__") || user_defines(type, "__len__")) {
        s.truthy = user_truthy;
    }
    if (user_defines(type, "__len__")) {
        s.len = user_len;
    }
    if (user_defines(type, "__call__")) {
        s.call = user_call;
    }
    if (user_defines(type, "__getattr__")) {
        s.getattr = user_getattr;
    }
    if (user_defines(type, "__setattr__")) {
        s.setattr = user_setattr;
    }
    if (user_defines(type, "__iter__")) {
        s.iter = user_iter;
    }
    if (user_defines(type, "__next__")) {
        s.next = user_next;
    }
    if (user_defines(type, "__getitem__")) {
        s.getitem = user_getitem;
    }
    if (user_defines(type, "__setitem__")) {
        s.setitem = user_setitem;
    }
    if (user_defines(type, "__delitem__")) {
        s.delitem = user_delitem;
    }
    if (user_defines(type, "__contains__")) {
        s.contains = user_contains;
    }
    if (user_defines(type, "__get__")) {
        s.get = user_get;
    }
    if (user_defines(type, "__set__") || user_defines(type, "__delete__")) {
        s.set = user_set;
    }
}

}  // namespace

Ref<TypeObject> make_class(Runtime& rt, std::string name, std::vector<Ref<TypeObject>> bases,
                           Attributes namespace_) {
    if (bases.empty()) {
        bases.push_back(Ref<TypeObject>(rt.types().object.get()));
    }
    for (const Ref<TypeObject>& base : bases) {
        if (base->is_final) {
            raise_error(rt, rt.types().TypeError,
                        "type '" + base->name + "' is not an acceptable base type");
        }
        if (!base->is_user_class && base.get() != rt.types().object.get() && !base->is_exception &&
            base->slots.construct == nullptr) {
            raise_error(rt, rt.types().TypeError,
                        "type '" + base->name + "' is not an acceptable base type");
        }
    }
    std::string module = "__main__";
    if (const Value* m = namespace_.find_slot("__module__"); m && is_str(rt, *m)) {
        module = std::string(str_view(*m));
    }
    auto type = Ref<TypeObject>::make(rt, rt.types().type.get(), name, module);
    if (const Value* q = namespace_.find_slot("__qualname__"); q && is_str(rt, *q)) {
        type->qualname = std::string(str_view(*q));
        namespace_.remove("__qualname__");
    }
    type->bases = std::move(bases);
    type->is_user_class = true;
    compute_mro(rt, *type);
    TypeObject& solid = solid_base(*type);
    if (&solid != rt.types().object.get() && !solid.is_exception &&
        &solid != rt.types().list.get() && &solid != rt.types().dict.get()) {
        raise_error(rt, rt.types().NotImplementedError,
                    "subclassing '" + solid.name + "' is not supported in Loopscope scripts");
    }
    // A class that defines __eq__ without __hash__ is unhashable, as in CPython.
    if (namespace_.contains("__eq__") && !namespace_.contains("__hash__")) {
        namespace_.set("__hash__", Value());
    }
    if (!namespace_.contains("__doc__")) {
        namespace_.set("__doc__", Value());
    }
    // __init_subclass__ and __class_getitem__ are implicitly class methods (and __new__ a
    // static method, which user_construct handles).
    for (const char* implicit : {"__init_subclass__", "__class_getitem__"}) {
        if (Value* f = namespace_.find_slot(implicit);
            f && f->is_object() && f->as_object()->type->slots.binds_as_method) {
            *f = Value(Ref<MethodWrapperObject>::make(rt, rt.types().classmethod.get(), *f));
        }
    }
    type->dict = std::move(namespace_);
    type->is_user_class = true;
    type->has_instance_dict = true;
    for (const Ref<TypeObject>& base : type->bases) {
        type->is_exception = type->is_exception || base->is_exception;
    }
    fill_slots(*type);
    // Descriptors that want to know their attribute name (PEP 487 __set_name__).
    std::vector<std::pair<std::string, Value>> attributes;
    type->dict.for_each(
        [&](const std::string& n, const Value& v) { attributes.emplace_back(n, v); });
    for (auto& [attribute_name, value] : attributes) {
        if (value.is_object() && type_of(rt, value).is_user_class) {
            Value ignored;
            call_special(rt, value, "__set_name__",
                         {type_value(*type), make_str(rt, attribute_name)}, ignored);
        }
    }
    // The parent's __init_subclass__ (PEP 487), found after the new class on its MRO.
    for (std::size_t i = 1; i < type->mro.size(); ++i) {
        if (const Value* hook = type->mro[i]->dict.find_slot("__init_subclass__")) {
            Value bound;
            TypeObject& hook_type = type_of(rt, *hook);
            bound = hook_type.slots.get ? hook_type.slots.get(rt, *hook, Value(), *type) : *hook;
            call(rt, bound, {});
            break;
        }
    }
    return type;
}

}  // namespace loopscope::script
