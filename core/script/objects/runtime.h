#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/script/objects/attributes.h"
#include "core/script/objects/object.h"
#include "core/script/objects/tracked_object.h"

namespace loopscope::script {

// A builtin type as the Runtime holds it: converts to TypeObject& and TypeObject* so that both
// `raise_error(rt, rt.types().ValueError, ...)` and `is_instance(rt, v, rt.types().int_)` read
// naturally.
class TypePtr {
public:
    TypePtr() = default;
    TypePtr(TypeObject* p) : p_(p) {}
    operator TypeObject&() const { return *p_; }
    operator TypeObject*() const { return p_; }
    TypeObject* operator->() const { return p_; }
    TypeObject& operator*() const { return *p_; }
    TypeObject* get() const { return p_; }
    Value value() const;  // the type as a Python value

private:
    TypeObject* p_ = nullptr;
};

// Every builtin type. Names follow Python; C++ keywords get a trailing underscore.
struct BuiltinTypes {
    TypePtr object, type, NoneType, NotImplementedType, ellipsis;
    TypePtr bool_, int_, float_, str, list, tuple, dict, set, frozenset, range, slice;
    TypePtr module;
    TypePtr builtin_function;   // builtin_function_or_method: native functions
    TypePtr method_descriptor;  // native methods in class dicts (bind like functions)
    TypePtr method;             // bound methods
    TypePtr property, staticmethod, classmethod, super;
    // Iterators and views.
    TypePtr list_iterator, list_reverseiterator, tuple_iterator, str_iterator, range_iterator,
        dict_keys, dict_values, dict_items, dict_keyiterator, dict_valueiterator, dict_itemiterator,
        set_iterator, enumerate, zip, map, filter, reversed, callable_iterator, sequence_iterator;
    TypePtr TextIOWrapper;  // sys.stdout / sys.stderr
    TypePtr UnionType;      // int | None
    // Exceptions.
    TypePtr BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError,
        AssertionError, AttributeError, ImportError, ModuleNotFoundError, LookupError, IndexError,
        KeyError, NameError, UnboundLocalError, RuntimeError, RecursionError, NotImplementedError,
        StopIteration, StopAsyncIteration, SyntaxError, IndentationError, TypeError, ValueError,
        UnicodeError, OSError, TimeoutError, KeyboardInterrupt, SystemExit, GeneratorExit,
        BaseExceptionGroup, ExceptionGroup, Warning, RuntimeWarning, DeprecationWarning,
        UserWarning, MemoryError, EOFError, ConnectionError, FileNotFoundError, PermissionError;
};

// The world of one script run: builtin types and functions, output streams, native modules,
// limits. One thread uses it at a time (see object.h). Destroying it frees every object,
// cycles included (TrackedObject).
class Runtime {
public:
    struct Limits {
        int recursion = 1000;
        std::int64_t instructions = 0;  // 0: no limit
        std::int64_t tasks = 0;         // 0: no limit
        std::int64_t memory_bytes = 0;  // 0: no limit
        std::int64_t trace_events = 0;  // events one asyncio.run may record; 0: no limit
    };
    using OutputSink = std::function<void(std::string_view)>;
    using ModuleFactory = std::function<Value(Runtime&)>;

    Runtime();
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    BuiltinTypes& types() { return types_; }
    Value not_implemented() const { return not_implemented_; }
    Value ellipsis() const { return ellipsis_; }
    bool is_not_implemented(const Value& v) const {
        return v.is_object() && v.as_object() == not_implemented_.as_object();
    }
    // The `builtins` namespace: print, len, ValueError ... The VM looks names up here last.
    Attributes& builtins() { return builtins_; }
    // The cached empty tuple and a few small strings (avoid allocating in hot paths).
    Value empty_tuple() const { return empty_tuple_; }
    Value empty_str() const { return empty_str_; }
    // Cached one-character ASCII strings (iterating and indexing text allocate nothing).
    const Value& ascii_char(unsigned char c) const { return ascii_chars_[c & 0x7F]; }

    // Output: defaults write to the process's stdout/stderr; the CLI and the app capture by
    // setting sinks. print() and sys.stdout.write() go through these.
    void write_stdout(std::string_view text);
    void write_stderr(std::string_view text);
    void set_stdout_sink(OutputSink sink) { stdout_sink_ = std::move(sink); }
    void set_stderr_sink(OutputSink sink) { stderr_sink_ = std::move(sink); }
    // File-like objects (write, flush) for print(file=...) and sys.stdout / sys.stderr.
    Value stdout_object() const { return stdout_object_; }
    Value stderr_object() const { return stderr_object_; }

    // Native modules (asyncio, time, sys, random, math): registered by the layers that build
    // them, instantiated on first import and cached.
    void register_native_module(std::string name, ModuleFactory factory);
    // The cached module object, or a null Value (None) when no such native module exists.
    Value import_native(std::string_view name);
    bool has_native_module(std::string_view name) const;
    // Modules imported so far by name (native and .py), for the VM's import cache and sys.modules.
    std::map<std::string, Value, std::less<>>& modules() { return modules_; }

    Limits limits;
    // How many events the running asyncio.run has recorded (set by it while it runs), for
    // limits.trace_events.
    std::function<std::size_t()> trace_events_recorded;
    std::atomic<bool> stop_requested{false};
    // `await x` of an object whose type is host-awaitable (asyncio's): asked by the VM before it
    // suspends the coroutine to hand `x` to its host. True when the await was over at once,
    // inside the running step, with its value in `result`; false to suspend as usual. Set by
    // the asyncio module (task_host.cpp); null: always suspend.
    using AwaitAtOnce = bool (*)(Runtime& rt, const Value& awaitable, Value& result);
    AwaitAtOnce await_at_once = nullptr;
    // Opaque per-runtime state owned by other layers; they free it through the deleters (run
    // before the objects are torn down).
    void* vm_state = nullptr;
    void* asyncio_state = nullptr;
    std::function<void()> vm_state_deleter;
    std::function<void()> asyncio_state_deleter;

    // True while the destructor tears objects down: destructors with side effects (warnings)
    // must stay silent then.
    bool tearing_down() const { return tearing_down_; }

    // Objects whose repr is in progress (list, dict, instances): "[...]" for recursive ones.
    std::vector<const Object*>& repr_stack() { return repr_stack_; }
    // Changes whenever a class dict is modified after creation (construct caches, see
    // TypeObject::ConstructCache).
    std::uint64_t type_epoch = 0;
    // Native → Python call depth (sorted's key, __repr__ ...), added to the VM's frame depth.
    int native_call_depth = 0;

    TrackedLinks& tracked_objects() { return tracked_; }
    // Keeps a runtime-created type alive until teardown (make_native_type, TypeBuilder).
    void keep_type(Ref<TypeObject> type);
    // Used once by the installers while the Runtime is built.
    void set_singletons(Value not_implemented, Value ellipsis);
    void set_std_streams(Value out, Value err);

private:
    void install_builtins();

    BuiltinTypes types_;
    std::vector<Ref<TypeObject>> owned_types_;
    Value not_implemented_;
    Value ellipsis_;
    Value empty_tuple_;
    Value empty_str_;
    std::array<Value, 128> ascii_chars_;
    Attributes builtins_;
    OutputSink stdout_sink_;
    OutputSink stderr_sink_;
    Value stdout_object_;
    Value stderr_object_;
    std::map<std::string, ModuleFactory, std::less<>> module_factories_;
    std::map<std::string, Value, std::less<>> modules_;
    std::vector<const Object*> repr_stack_;
    TrackedLinks tracked_;
    bool tearing_down_ = false;
};

}  // namespace loopscope::script
