#include "core/script/objects/runtime.h"

#include <cstdio>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/stdlib_modules.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

namespace loopscope::script {

Value TypePtr::value() const {
    return Value(static_cast<Object*>(p_));
}

namespace {

TypePtr new_type(Runtime& rt, std::vector<Ref<TypeObject>>& owned, const char* name,
                 TypeObject* base, const char* module = "builtins") {
    auto type = Ref<TypeObject>::make(rt, rt.types().type.get(), name, module);
    if (base) {
        type->bases.push_back(Ref<TypeObject>(base));
        compute_mro(rt, *type);
        type->is_exception = base->is_exception;
    }
    owned.push_back(type);
    return type.get();
}

}  // namespace

Runtime::Runtime() {
    tracked_.tracked_prev = tracked_.tracked_next = &tracked_;
    BuiltinTypes& t = types_;
    auto& owned = owned_types_;

    // `type` is its own type; `object` is the root of every MRO.
    auto type_type = Ref<TypeObject>::make(*this, nullptr, "type", "builtins");
    type_type->type = type_type.get();
    t.type = type_type.get();
    owned.push_back(type_type);
    t.object = new_type(*this, owned, "object", nullptr);
    t.type->bases.push_back(Ref<TypeObject>(t.object.get()));
    compute_mro(*this, *t.type);

    TypeObject* obj = t.object;
    t.NoneType = new_type(*this, owned, "NoneType", obj);
    t.NotImplementedType = new_type(*this, owned, "NotImplementedType", obj);
    t.ellipsis = new_type(*this, owned, "ellipsis", obj);
    t.int_ = new_type(*this, owned, "int", obj);
    t.bool_ = new_type(*this, owned, "bool", t.int_);
    t.float_ = new_type(*this, owned, "float", obj);
    t.str = new_type(*this, owned, "str", obj);
    t.list = new_type(*this, owned, "list", obj);
    t.tuple = new_type(*this, owned, "tuple", obj);
    t.dict = new_type(*this, owned, "dict", obj);
    t.set = new_type(*this, owned, "set", obj);
    t.frozenset = new_type(*this, owned, "frozenset", obj);
    t.range = new_type(*this, owned, "range", obj);
    t.slice = new_type(*this, owned, "slice", obj);
    t.module = new_type(*this, owned, "module", obj);
    t.builtin_function = new_type(*this, owned, "builtin_function_or_method", obj);
    t.method_descriptor = new_type(*this, owned, "method_descriptor", obj);
    t.method = new_type(*this, owned, "method", obj);
    t.property = new_type(*this, owned, "property", obj);
    t.staticmethod = new_type(*this, owned, "staticmethod", obj);
    t.classmethod = new_type(*this, owned, "classmethod", obj);
    t.super = new_type(*this, owned, "super", obj);
    t.list_iterator = new_type(*this, owned, "list_iterator", obj);
    t.list_reverseiterator = new_type(*this, owned, "list_reverseiterator", obj);
    t.tuple_iterator = new_type(*this, owned, "tuple_iterator", obj);
    t.str_iterator = new_type(*this, owned, "str_ascii_iterator", obj);
    t.range_iterator = new_type(*this, owned, "range_iterator", obj);
    t.dict_keys = new_type(*this, owned, "dict_keys", obj);
    t.dict_values = new_type(*this, owned, "dict_values", obj);
    t.dict_items = new_type(*this, owned, "dict_items", obj);
    t.dict_keyiterator = new_type(*this, owned, "dict_keyiterator", obj);
    t.dict_valueiterator = new_type(*this, owned, "dict_valueiterator", obj);
    t.dict_itemiterator = new_type(*this, owned, "dict_itemiterator", obj);
    t.set_iterator = new_type(*this, owned, "set_iterator", obj);
    t.enumerate = new_type(*this, owned, "enumerate", obj);
    t.zip = new_type(*this, owned, "zip", obj);
    t.map = new_type(*this, owned, "map", obj);
    t.filter = new_type(*this, owned, "filter", obj);
    t.reversed = new_type(*this, owned, "reversed", obj);
    t.callable_iterator = new_type(*this, owned, "callable_iterator", obj);
    t.sequence_iterator = new_type(*this, owned, "iterator", obj);
    t.TextIOWrapper = new_type(*this, owned, "TextIOWrapper", obj, "_io");
    t.UnionType = new_type(*this, owned, "UnionType", obj, "types");

    t.BaseException = new_type(*this, owned, "BaseException", obj);
    t.BaseException->is_exception = true;
    auto exc = [&](const char* name, TypeObject* base) {
        return new_type(*this, owned, name, base);
    };
    t.Exception = exc("Exception", t.BaseException);
    t.ArithmeticError = exc("ArithmeticError", t.Exception);
    t.ZeroDivisionError = exc("ZeroDivisionError", t.ArithmeticError);
    t.OverflowError = exc("OverflowError", t.ArithmeticError);
    t.AssertionError = exc("AssertionError", t.Exception);
    t.AttributeError = exc("AttributeError", t.Exception);
    t.ImportError = exc("ImportError", t.Exception);
    t.ModuleNotFoundError = exc("ModuleNotFoundError", t.ImportError);
    t.LookupError = exc("LookupError", t.Exception);
    t.IndexError = exc("IndexError", t.LookupError);
    t.KeyError = exc("KeyError", t.LookupError);
    t.NameError = exc("NameError", t.Exception);
    t.UnboundLocalError = exc("UnboundLocalError", t.NameError);
    t.RuntimeError = exc("RuntimeError", t.Exception);
    t.RecursionError = exc("RecursionError", t.RuntimeError);
    t.NotImplementedError = exc("NotImplementedError", t.RuntimeError);
    t.StopIteration = exc("StopIteration", t.Exception);
    t.StopAsyncIteration = exc("StopAsyncIteration", t.Exception);
    t.SyntaxError = exc("SyntaxError", t.Exception);
    t.IndentationError = exc("IndentationError", t.SyntaxError);
    t.TypeError = exc("TypeError", t.Exception);
    t.ValueError = exc("ValueError", t.Exception);
    t.UnicodeError = exc("UnicodeError", t.ValueError);
    t.OSError = exc("OSError", t.Exception);
    t.TimeoutError = exc("TimeoutError", t.OSError);
    t.ConnectionError = exc("ConnectionError", t.OSError);
    t.FileNotFoundError = exc("FileNotFoundError", t.OSError);
    t.PermissionError = exc("PermissionError", t.OSError);
    t.KeyboardInterrupt = exc("KeyboardInterrupt", t.BaseException);
    t.SystemExit = exc("SystemExit", t.BaseException);
    t.GeneratorExit = exc("GeneratorExit", t.BaseException);
    t.BaseExceptionGroup = exc("BaseExceptionGroup", t.BaseException);
    t.ExceptionGroup = exc("ExceptionGroup", t.BaseExceptionGroup);
    t.ExceptionGroup->bases.push_back(Ref<TypeObject>(t.Exception.get()));
    compute_mro(*this, *t.ExceptionGroup);
    t.Warning = exc("Warning", t.Exception);
    t.RuntimeWarning = exc("RuntimeWarning", t.Warning);
    t.DeprecationWarning = exc("DeprecationWarning", t.Warning);
    t.UserWarning = exc("UserWarning", t.Warning);
    t.MemoryError = exc("MemoryError", t.Exception);
    t.EOFError = exc("EOFError", t.Exception);

    empty_str_ = Value(Ref<StrObject>::make(t.str.get(), std::string()));
    for (std::size_t c = 0; c < ascii_chars_.size(); ++c) {
        ascii_chars_[c] =
            Value(Ref<StrObject>::make(t.str.get(), std::string(1, static_cast<char>(c))));
    }
    empty_tuple_ = Value(Ref<TupleObject>::make(*this, std::vector<Value>{}));

    install_object_and_type(*this);
    install_none_and_singletons(*this);
    install_numbers(*this);
    install_str(*this);
    install_str_methods(*this);
    install_tuple(*this);
    install_list(*this);
    install_dict(*this);
    install_set(*this);
    install_range_and_slice(*this);
    install_descriptors(*this);
    install_native_functions(*this);
    install_module_type(*this);
    install_exceptions(*this);
    install_iterators(*this);
    install_io(*this);
    install_union_type(*this);
    install_builtins();
}

void Runtime::install_builtins() {
    install_builtin_functions(*this);
    install_slot_wrappers(*this);
    register_typing_module(*this);
    register_functools_module(*this);
    register_collections_module(*this);
}

void Runtime::set_singletons(Value not_implemented, Value ellipsis) {
    not_implemented_ = std::move(not_implemented);
    ellipsis_ = std::move(ellipsis);
}

void Runtime::set_std_streams(Value out, Value err) {
    stdout_object_ = std::move(out);
    stderr_object_ = std::move(err);
}

Runtime::~Runtime() {
    tearing_down_ = true;
    if (asyncio_state_deleter) {
        asyncio_state_deleter();
    }
    if (vm_state_deleter) {
        vm_state_deleter();
    }
    modules_.clear();
    module_factories_.clear();
    builtins_.clear();
    // Break every cycle: pin all containers, empty them, then release them.
    std::vector<TrackedObject*> pinned;
    for (TrackedLinks* l = tracked_.tracked_next; l != &tracked_; l = l->tracked_next) {
        auto* o = static_cast<TrackedObject*>(l);
        incref(o);
        pinned.push_back(o);
    }
    for (TrackedObject* o : pinned) {
        o->clear_references();
    }
    not_implemented_ = ellipsis_ = empty_tuple_ = empty_str_ = Value();
    ascii_chars_.fill(Value());
    stdout_object_ = stderr_object_ = Value();
    for (TrackedObject* o : pinned) {
        decref(o);
    }
    owned_types_.clear();
}

void Runtime::write_stdout(std::string_view text) {
    if (stdout_sink_) {
        stdout_sink_(text);
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
}

void Runtime::write_stderr(std::string_view text) {
    if (stderr_sink_) {
        stderr_sink_(text);
    } else {
        std::fflush(stdout);
        std::fwrite(text.data(), 1, text.size(), stderr);
    }
}

void Runtime::register_native_module(std::string name, ModuleFactory factory) {
    module_factories_[std::move(name)] = std::move(factory);
}

bool Runtime::has_native_module(std::string_view name) const {
    return module_factories_.find(name) != module_factories_.end();
}

Value Runtime::import_native(std::string_view name) {
    if (auto it = modules_.find(name); it != modules_.end()) {
        return it->second;
    }
    auto factory = module_factories_.find(name);
    if (factory == module_factories_.end()) {
        return Value();
    }
    Value module = factory->second(*this);
    modules_.emplace(std::string(name), module);
    return module;
}

void Runtime::keep_type(Ref<TypeObject> type) {
    owned_types_.push_back(std::move(type));
}

}  // namespace loopscope::script
