#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopscope::script {

// The object model of the script VM (docs/SCRIPTS.md): the contract between the compiler and VM,
// the builtin types and the modules.
//
// - A Value is a small tagged union: None, bool, int (64-bit) and float live inline; everything
//   else is a reference-counted Object. Counting is deterministic, as in CPython, because
//   asyncio's warnings ("coroutine 'f' was never awaited", "Task exception was never
//   retrieved") are printed when the last reference goes. Cycles are freed with the Runtime.
// - Every object has a TypeObject. Builtin types and user classes are both TypeObjects: a
//   table of C++ slots (repr, call, getattr, binary operators, ...) plus an attribute dict
//   searched along the MRO. A user class that defines `__repr__` gets a slot that calls it.
// - Errors are Python exceptions thrown as C++ exceptions (ScriptError carrying the exception
//   object). The fast paths never throw, so this costs nothing until a script raises.
// - Refcounts are not atomic: one thread runs the VM at a time (the Runtime's lock, like
//   CPython's GIL, is held while bytecode runs and released by blocking calls such as
//   time.sleep, so to_thread jobs run Python code on executor threads).

class Runtime;
struct TypeObject;

struct Object {
    std::uint32_t refcount = 0;
    TypeObject* type;

    explicit Object(TypeObject* t) : type(t) {}
    virtual ~Object() = default;
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
};

// Deletes an object whose count reached zero. Deleting a long chain (a linked list of 100000
// nodes) would recurse once per link in C++; past a depth the deletions are queued and run
// iteratively by the outermost one (CPython's "trashcan").
void destroy_object(Object* o) noexcept;

inline void incref(Object* o) noexcept {
    ++o->refcount;
}
inline void decref(Object* o) noexcept {
    if (--o->refcount == 0) {
        destroy_object(o);
    }
}

// An owning pointer to an object (intrusive count). Ref<T>::make constructs one.
template <class T>
class Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) {}
    explicit Ref(T* p) : p_(p) {
        if (p_)
            incref(p_);
    }
    Ref(const Ref& o) : Ref(o.p_) {}
    Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
    template <class U>
    Ref(const Ref<U>& o) : Ref(static_cast<T*>(o.get())) {}
    template <class U>
    Ref(Ref<U>&& o) noexcept : p_(o.release()) {}
    ~Ref() {
        if (p_)
            decref(p_);
    }
    Ref& operator=(Ref o) noexcept {
        std::swap(p_, o.p_);
        return *this;
    }
    template <class... Args>
    static Ref make(Args&&... args) {
        return Ref(new T(std::forward<Args>(args)...));
    }

    T* get() const { return p_; }
    T* operator->() const { return p_; }
    T& operator*() const { return *p_; }
    explicit operator bool() const { return p_ != nullptr; }
    T* release() { return std::exchange(p_, nullptr); }
    friend bool operator==(const Ref& a, const Ref& b) { return a.p_ == b.p_; }

private:
    T* p_ = nullptr;
};

class Value {
public:
    enum class Tag : std::uint8_t { None, Bool, Int, Float, Object };

    Value() = default;  // None
    static Value none() { return Value(); }
    static Value boolean(bool b) {
        Value v;
        v.tag_ = Tag::Bool;
        v.int_ = b ? 1 : 0;
        return v;
    }
    static Value integer(std::int64_t i) {
        Value v;
        v.tag_ = Tag::Int;
        v.int_ = i;
        return v;
    }
    static Value floating(double d) {
        Value v;
        v.tag_ = Tag::Float;
        v.float_ = d;
        return v;
    }
    template <class T>
    Value(const Ref<T>& o) : Value(static_cast<Object*>(o.get())) {}
    template <class T>
    Value(Ref<T>&& o) noexcept {
        Object* p = o.release();
        if (p) {
            tag_ = Tag::Object;
            object_ = p;
        }
    }
    explicit Value(Object* o) {
        if (o) {
            tag_ = Tag::Object;
            object_ = o;
            incref(o);
        }
    }

    Value(const Value& o) : tag_(o.tag_), int_(o.int_) {
        if (tag_ == Tag::Object)
            incref(object_);
    }
    Value(Value&& o) noexcept : tag_(std::exchange(o.tag_, Tag::None)), int_(o.int_) {}
    Value& operator=(const Value& o) {
        Value copy(o);
        swap(copy);
        return *this;
    }
    Value& operator=(Value&& o) noexcept {
        Value moved(std::move(o));
        swap(moved);
        return *this;
    }
    ~Value() {
        if (tag_ == Tag::Object)
            decref(object_);
    }
    void swap(Value& o) noexcept {
        std::swap(tag_, o.tag_);
        std::swap(int_, o.int_);
    }

    Tag tag() const { return tag_; }
    bool is_none() const { return tag_ == Tag::None; }
    bool is_bool() const { return tag_ == Tag::Bool; }
    bool is_int() const { return tag_ == Tag::Int; }  // not bool: check is_bool() too
    bool is_float() const { return tag_ == Tag::Float; }
    bool is_object() const { return tag_ == Tag::Object; }

    bool as_bool() const { return int_ != 0; }
    std::int64_t as_int() const { return int_; }  // also a bool's 0/1
    double as_float() const { return float_; }
    Object* as_object() const { return object_; }
    // The object as its C++ class; the caller has checked the type.
    template <class T>
    T* as() const {
        return static_cast<T*>(object_);
    }

    // `is`: the same object, or the same inline value of the same tag.
    friend bool identical(const Value& a, const Value& b) {
        return a.tag_ == b.tag_ && (a.tag_ == Tag::None || a.int_ == b.int_);
    }

private:
    Tag tag_ = Tag::None;
    union {
        std::int64_t int_ = 0;
        double float_;
        Object* object_;
    };
};

// A Python exception in flight: thrown by native code and the VM, caught by `try` in scripts.
// `exception` is an instance of BaseException or a subclass (an ExceptionObject).
struct ScriptError {
    Value exception;
};

// The arguments of a call: positional values, then keyword values named by `keyword_names`
// (CPython's vectorcall layout). Views into the caller's stack; valid during the call only.
struct CallArgs {
    std::span<const Value> positional;
    std::span<const Value> keyword_values;
    std::span<const std::string_view> keyword_names;

    std::size_t size() const { return positional.size(); }
    const Value& operator[](std::size_t i) const { return positional[i]; }
    bool has_keywords() const { return !keyword_names.empty(); }
};

enum class CompareOp : std::uint8_t { Lt, Le, Eq, Ne, Gt, Ge };  // CPython's Py_LT ... Py_GE
enum class NumberOp : std::uint8_t {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    Count,
};

// The C++ behaviour of a type. A null slot means "the type does not support it"; the generic
// operations in ops.h then raise CPython's TypeError. Slots receive the runtime and `self`.
struct TypeSlots {
    std::string (*repr)(Runtime&, const Value& self) = nullptr;
    std::string (*str)(Runtime&, const Value& self) = nullptr;  // null: use repr
    std::int64_t (*hash)(Runtime&, const Value& self) = nullptr;
    // Returns NotImplemented (runtime.not_implemented()) when it does not know `other`.
    Value (*compare)(Runtime&, const Value& self, const Value& other, CompareOp) = nullptr;
    // Binary operators, also used reflected: `left` or `right` is self; NotImplemented if unknown.
    Value (*number[static_cast<int>(NumberOp::Count)])(Runtime&, const Value& left,
                                                       const Value& right) = {};
    Value (*negative)(Runtime&, const Value& self) = nullptr;
    Value (*positive)(Runtime&, const Value& self) = nullptr;
    Value (*invert)(Runtime&, const Value& self) = nullptr;
    bool (*truthy)(Runtime&, const Value& self) = nullptr;  // null: len, else true
    std::int64_t (*len)(Runtime&, const Value& self) = nullptr;
    Value (*call)(Runtime&, const Value& self, const CallArgs&) = nullptr;
    // Attribute access beyond the generic lookup (instance dict, then the MRO's dicts).
    // Returns false when the name is not found there.
    bool (*getattr)(Runtime&, const Value& self, std::string_view name, Value& out) = nullptr;
    void (*setattr)(Runtime&, const Value& self, std::string_view name,
                    const Value& value) = nullptr;
    Value (*iter)(Runtime&, const Value& self) = nullptr;
    // The next item; false when exhausted (no StopIteration object on the fast path).
    bool (*next)(Runtime&, const Value& self, Value& out) = nullptr;
    Value (*getitem)(Runtime&, const Value& self, const Value& key) = nullptr;
    void (*setitem)(Runtime&, const Value& self, const Value& key, const Value& value) = nullptr;
    void (*delitem)(Runtime&, const Value& self, const Value& key) = nullptr;
    bool (*contains)(Runtime&, const Value& self, const Value& item) = nullptr;
    // type(...) on this type: makes an instance (new + __init__).
    Value (*construct)(Runtime&, TypeObject& type, const CallArgs&) = nullptr;
    // Descriptors (functions in a class dict bind to the instance): __get__. `instance` is None
    // when the attribute is read on the class itself.
    Value (*get)(Runtime&, const Value& self, const Value& instance, TypeObject& owner) = nullptr;
    // Data descriptors (property): __set__ / __delete__ (value is null for delete). A type with
    // this slot wins over the instance dict, as in CPython.
    void (*set)(Runtime&, const Value& self, const Value& instance, const Value* value) = nullptr;
    // Plain functions and native methods: reading them through an instance binds the instance as
    // the first argument. ops.h's get_method uses this to call `obj.m(x)` without making a
    // bound-method object (CPython's LOAD_ATTR method form).
    bool binds_as_method = false;
    // Awaiting an object of this type suspends the coroutine and hands the object to its task's
    // host coroutine (modules/asyncio), which performs the wait on the scheduler: what
    // asyncio.sleep(), futures, tasks, Lock.acquire(), Queue.get() ... return.
    bool host_awaitable = false;
};

}  // namespace loopscope::script
