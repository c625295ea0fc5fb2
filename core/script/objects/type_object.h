#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/script/objects/attributes.h"
#include "core/script/objects/object.h"
#include "core/script/objects/tracked_object.h"

namespace loopscope::script {

// A Python class: builtin types (int, list, ValueError, asyncio's Task ...) and user classes
// alike. Attribute lookup on instances searches `mro`'s dicts; the C++ behaviour is in `slots`
// (user classes get slots that call their dunder methods, see make_class).
struct TypeObject : TrackedObject {
    TypeObject(Runtime& rt, TypeObject* metatype, std::string name_, std::string module_);

    std::string name;      // "ValueError"
    std::string qualname;  // "Outer.Inner" for nested classes; defaults to name
    std::string module;    // "builtins" for builtins: repr is <class 'int'> then
    std::vector<Ref<TypeObject>> bases;
    // C3 linearisation, starting with this type itself (not counted: raw pointers to `this`
    // and to the bases, which `bases` keeps alive).
    std::vector<TypeObject*> mro;
    Attributes dict;
    // Names this class among every class the process ever made, never reused (a class at the
    // address of a freed one has another serial): what the VM's method caches are keyed by.
    const std::uint64_t serial;
    TypeSlots slots;
    bool is_exception = false;   // BaseException or a subclass: instances are ExceptionObject
    bool is_user_class = false;  // made by a class statement (make_class)
    bool is_final = false;       // bool, NoneType ...: "type 'bool' is not an acceptable base type"
    // Instances have an attribute dict (InstanceObject and subclasses).
    bool has_instance_dict = false;
    // A user class whose MRO holds only user classes and `object`, none defining a data
    // descriptor (property ...): `obj.name` for a non-dunder name may read the instance dict
    // first. Kept up to date by make_class and by setting attributes on classes.
    bool plain_instance_attributes = false;
    std::uint64_t plain_attributes_epoch = UINT64_MAX;

    // What construction needs, found once per class (recomputed when a class dict changes:
    // Runtime::type_epoch).
    struct ConstructCache {
        std::uint64_t epoch = UINT64_MAX;
        Value init;      // the user __init__, or None when object's (or a builtin's)
        Value user_new;  // the user __new__ (a plain function), or None
    } construct_cache;

    // The attribute along the MRO, or null. The pointer is valid until a dict on the MRO changes.
    const Value* lookup(std::string_view attribute) const;
    // Changes whenever a dict on the MRO gains or loses a name: the sum of their versions,
    // each of which only grows. While it stays the same, lookup() finds the same slot.
    std::uint64_t mro_version() const {
        std::uint64_t version = 0;
        for (const TypeObject* t : mro) {
            version += t->dict.version();
        }
        return version;
    }
    bool is_subtype_of(const TypeObject& other) const;
    void clear_references() override;
};

// A class as a Python value.
inline Value type_value(TypeObject& type) {
    return Value(static_cast<Object*>(&type));
}

// Computes type.mro from type.bases (C3); raises TypeError "Cannot create a consistent method
// resolution order (MRO) for bases A, B" when impossible.
void compute_mro(Runtime& rt, TypeObject& type);

// An instance of a user class (or of `object`): its attributes live in `dict`.
struct InstanceObject : TrackedObject {
    InstanceObject(Runtime& rt, Ref<TypeObject> cls);

    Ref<TypeObject> cls;  // keeps the class alive as long as its instances (Object::type is raw)
    Attributes dict;
    void clear_references() override;
    Attributes* attributes() override { return &dict; }
};

// Builds the class of a `class` statement from its evaluated body. `namespace_` holds the body's
// names (the VM puts __module__ and __qualname__ there). Bases may be user classes, `object`,
// and BaseException or its subclasses; an empty list means (object,). The result's slots call
// the dunder methods the class or its user bases define (__init__, __repr__, __str__, __eq__,
// __lt__ ..., __hash__, __len__, __bool__, __iter__, __next__, __getitem__, __setitem__,
// __delitem__, __contains__, __call__, __add__/__radd__ ..., __neg__, __getattr__); a class with
// __eq__ and no __hash__ is unhashable. Functions are stored as they are: their type's `get`
// slot binds them. Dunders the VM needs by name (__enter__, __aenter__, __await__ ...) are
// found with lookup().
Ref<TypeObject> make_class(Runtime& rt, std::string name, std::vector<Ref<TypeObject>> bases,
                           Attributes namespace_);

// A native type created at run time (the VM's function, generator and coroutine types, asyncio's
// types): `base` null means object. The Runtime keeps it alive. Prefer TypeBuilder
// (native_function.h) which also adds methods and properties.
Ref<TypeObject> make_native_type(Runtime& rt, std::string name, TypeObject* base,
                                 std::string module = "builtins");

// `function.__get__` result: the callable with `self` bound as its first argument.
struct BoundMethodObject : TrackedObject {
    BoundMethodObject(Runtime& rt, Value function_, Value self_);
    Value function;
    Value self;
    void clear_references() override;
};
Value make_bound_method(Runtime& rt, Value function, Value self);

// property(fget, fset, fdel, doc) with .setter/.getter/.deleter decorators.
struct PropertyObject : TrackedObject {
    PropertyObject(Runtime& rt);
    Value getter;
    Value setter;
    Value deleter;
    Value doc;
    // Set for attributes of native types (define_property): CPython's getset descriptors, whose
    // errors read "attribute 'real' of 'int' objects is not writable".
    std::string native_name;
    void clear_references() override;
};

// staticmethod(f) / classmethod(f): `callable` is the wrapped function.
struct MethodWrapperObject : TrackedObject {
    MethodWrapperObject(Runtime& rt, TypeObject* wrapper_type, Value callable_);
    Value callable;
    void clear_references() override;
};

// super(type, instance): attribute lookups start after `start` in the MRO of the instance's
// type. The VM passes the class from the method's __class__ cell and the first argument for the
// zero-argument form. `instance` may be a class (in classmethods).
struct SuperObject : TrackedObject {
    SuperObject(Runtime& rt, Ref<TypeObject> start_, Value instance_);
    Ref<TypeObject> start;
    Value instance;
    void clear_references() override;
};
Value make_super(Runtime& rt, TypeObject& type, const Value& instance);

}  // namespace loopscope::script
