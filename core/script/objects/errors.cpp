#include "core/script/objects/errors.h"

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/list.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"

namespace loopscope::script {

ExceptionObject::ExceptionObject(Runtime& rt, Ref<TypeObject> cls_)
    : InstanceObject(rt, std::move(cls_)) {
    args = rt.empty_tuple();
}

void ExceptionObject::clear_references() {
    InstanceObject::clear_references();
    args = traceback = cause = context = notes = held = Value();
}

void raise_value(const Value& exception) {
    throw ScriptError{exception};
}

void raise_error(Runtime& rt, TypeObject& type, std::string message) {
    raise_value(make_exception(rt, type, std::move(message)));
}

bool is_exception_instance(Runtime& rt, const Value& v) {
    return v.is_object() && type_of(rt, v).is_exception && !as_type(rt, v);
}

ExceptionObject* as_exception(Runtime& rt, const Value& v) {
    return is_exception_instance(rt, v) ? v.as<ExceptionObject>() : nullptr;
}

namespace {

bool is_group_type(Runtime& rt, const TypeObject& type) {
    return type.is_subtype_of(rt.types().BaseExceptionGroup);
}

Value group_exceptions(Runtime& rt, ExceptionObject& e) {
    Value v;
    e.dict.get("exceptions", v);
    if (!is_tuple(rt, v)) {
        return rt.empty_tuple();
    }
    return v;
}

// Validates ExceptionGroup(message, exceptions) and stores message / exceptions.
void initialize_group(Runtime& rt, ExceptionObject& e, const std::vector<Value>& args) {
    const std::string name = e.cls->name;
    if (args.size() != 2) {
        raise_error(rt, rt.types().TypeError,
                    "BaseExceptionGroup.__new__() takes exactly 2 arguments (" +
                        std::to_string(args.size()) + " given)");
    }
    if (!is_str(rt, args[0])) {
        raise_error(rt, rt.types().TypeError,
                    "BaseExceptionGroup.__new__() argument 1 must be str, not " +
                        std::string(type_name(rt, args[0])));
    }
    if (!is_list(rt, args[1]) && !is_tuple(rt, args[1])) {
        raise_error(rt, rt.types().TypeError, "second argument (exceptions) must be a sequence");
    }
    std::vector<Value> items = to_vector(rt, args[1]);
    if (items.empty()) {
        raise_error(rt, rt.types().ValueError,
                    "second argument (exceptions) must be a non-empty sequence");
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!is_exception_instance(rt, items[i])) {
            raise_error(rt, rt.types().ValueError,
                        "Item " + std::to_string(i) +
                            " of second argument (exceptions) is not an exception");
        }
        if (e.cls->is_subtype_of(rt.types().Exception) &&
            !is_instance(rt, items[i], rt.types().Exception)) {
            raise_error(rt, rt.types().TypeError,
                        "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    }
    e.dict.set("message", args[0]);
    e.dict.set("exceptions", make_tuple(rt, std::move(items)));
}

// Sets the attributes particular exception classes derive from their arguments.
void initialize_exception(Runtime& rt, ExceptionObject& e, const std::vector<Value>& args,
                          const CallArgs* keywords) {
    e.args = make_tuple(rt, args);
    TypeObject& t = *e.cls;
    BuiltinTypes& types = rt.types();
    if (t.is_subtype_of(types.StopIteration)) {
        e.dict.set("value", args.empty() ? Value() : args[0]);
    } else if (t.is_subtype_of(types.SystemExit)) {
        e.dict.set("code", args.empty() ? Value() : args.size() == 1 ? args[0] : e.args);
    } else if (t.is_subtype_of(types.ImportError)) {
        const Value* name = keywords ? find_keyword(*keywords, "name") : nullptr;
        const Value* path = keywords ? find_keyword(*keywords, "path") : nullptr;
        e.dict.set("name", name ? *name : Value());
        e.dict.set("path", path ? *path : Value());
        e.dict.set("name_from", Value());
        e.dict.set("msg", args.size() == 1 ? args[0] : Value());
    } else if (t.is_subtype_of(types.NameError) || t.is_subtype_of(types.AttributeError)) {
        const Value* name = keywords ? find_keyword(*keywords, "name") : nullptr;
        e.dict.set("name", name ? *name : Value());
    } else if (t.is_subtype_of(types.SyntaxError)) {
        e.dict.set("msg", args.empty() ? Value() : args[0]);
        Value filename, lineno, offset, text, end_lineno, end_offset;
        if (args.size() == 2 && is_tuple(rt, args[1])) {
            const auto& details = tuple_items(args[1]);
            Value* fields[] = {&filename, &lineno, &offset, &text, &end_lineno, &end_offset};
            for (std::size_t i = 0; i < details.size() && i < 6; ++i) {
                *fields[i] = details[i];
            }
        }
        e.dict.set("filename", filename);
        e.dict.set("lineno", lineno);
        e.dict.set("offset", offset);
        e.dict.set("text", text);
        e.dict.set("end_lineno", end_lineno);
        e.dict.set("end_offset", end_offset);
    } else if (t.is_subtype_of(types.OSError)) {
        e.dict.set("errno", args.size() >= 2 ? args[0] : Value());
        e.dict.set("strerror", args.size() >= 2 ? args[1] : Value());
    }
    if (is_group_type(rt, t)) {
        initialize_group(rt, e, args);
    }
}

Value new_exception(Runtime& rt, TypeObject& type, std::vector<Value> args,
                    const CallArgs* keywords) {
    auto e = Ref<ExceptionObject>::make(rt, Ref<TypeObject>(&type));
    initialize_exception(rt, *e, args, keywords);
    return Value(std::move(e));
}

bool all_are_exceptions(Runtime& rt, const Value& sequence) {
    for (const Value& item : to_vector(rt, sequence)) {
        if (!is_instance(rt, item, rt.types().Exception)) {
            return false;
        }
    }
    return true;
}

// type(...) for builtin exception classes.
Value construct_exception(Runtime& rt, TypeObject& type, const CallArgs& args) {
    TypeObject* target = &type;
    if (&type == rt.types().BaseExceptionGroup.get() && args.size() == 2 &&
        (is_list(rt, args[1]) || is_tuple(rt, args[1])) && all_are_exceptions(rt, args[1])) {
        target = rt.types().ExceptionGroup.get();
    }
    const bool takes_keywords = type.is_subtype_of(rt.types().ImportError) ||
                                type.is_subtype_of(rt.types().NameError) ||
                                type.is_subtype_of(rt.types().AttributeError);
    if (args.has_keywords() && !takes_keywords) {
        raise_error(rt, rt.types().TypeError, type.name + "() takes no keyword arguments");
    }
    return new_exception(rt, *target,
                         std::vector<Value>(args.positional.begin(), args.positional.end()), &args);
}

}  // namespace

Value make_exception(Runtime& rt, TypeObject& type, std::vector<Value> args) {
    if (type.is_user_class) {
        CallArgs call_args;
        call_args.positional = args;
        return call(rt, Value(static_cast<Object*>(&type)), call_args);
    }
    return new_exception(rt, type, std::move(args), nullptr);
}

Value make_exception(Runtime& rt, TypeObject& type, std::string message) {
    std::vector<Value> args;
    args.push_back(make_str(rt, std::move(message)));
    return make_exception(rt, type, std::move(args));
}

Value exception_from_raise_operand(Runtime& rt, const Value& operand) {
    if (is_exception_instance(rt, operand)) {
        return operand;
    }
    if (TypeObject* type = as_type(rt, operand); type && type->is_exception) {
        Value exc = call(rt, operand, {});
        if (!is_exception_instance(rt, exc)) {
            raise_error(rt, rt.types().TypeError,
                        "calling " + repr(rt, operand) +
                            " should have returned an instance of BaseException, not " +
                            std::string(type_name(rt, exc)));
        }
        return exc;
    }
    raise_error(rt, rt.types().TypeError, "exceptions must derive from BaseException");
}

Ref<TypeObject> make_exception_type(Runtime& rt, std::string name, TypeObject& base,
                                    std::string module) {
    Ref<TypeObject> type = make_native_type(rt, std::move(name), &base, std::move(module));
    type->slots.construct = construct_exception;
    type->has_instance_dict = true;
    return type;
}

// --- text ----------------------------------------------------------------------------------

std::string exception_str(Runtime& rt, const Value& exception) {
    return to_str(rt, exception);
}

std::string exception_repr(Runtime& rt, const Value& exception) {
    return repr(rt, exception);
}

std::string exception_summary(Runtime& rt, const Value& exception) {
    TypeObject& type = type_of(rt, exception);
    std::string name = type.module == "builtins" || type.module == "__main__"
                           ? type.qualname
                           : type.module + "." + type.qualname;
    std::string text;
    try {
        text = to_str(rt, exception);
    } catch (const ScriptError&) {
        text = "<exception str() failed>";
    }
    return text.empty() ? name : name + ": " + text;
}

namespace {

std::string base_exception_str(Runtime& rt, const Value& self) {
    auto* e = self.as<ExceptionObject>();
    const auto& args = tuple_items(e->args);
    TypeObject& t = *e->cls;
    if (is_group_type(rt, t)) {
        Value message;
        e->dict.get("message", message);
        const auto count = tuple_items(group_exceptions(rt, *e)).size();
        return to_str(rt, message) + " (" + std::to_string(count) + " sub-exception" +
               (count == 1 ? "" : "s") + ")";
    }
    if (t.is_subtype_of(rt.types().SyntaxError)) {
        Value msg, filename, lineno;
        e->dict.get("msg", msg);
        e->dict.get("filename", filename);
        e->dict.get("lineno", lineno);
        std::string text = msg.is_none() ? std::string() : to_str(rt, msg);
        if (is_str(rt, filename) && lineno.is_int()) {
            std::string file(str_view(filename));
            if (auto slash = file.rfind('/'); slash != std::string::npos) {
                file = file.substr(slash + 1);
            }
            return text + " (" + file + ", line " + std::to_string(lineno.as_int()) + ")";
        }
        if (lineno.is_int()) {
            return text + " (line " + std::to_string(lineno.as_int()) + ")";
        }
        return text;
    }
    if (t.is_subtype_of(rt.types().KeyError) && args.size() == 1) {
        return repr(rt, args[0]);
    }
    if (t.is_subtype_of(rt.types().OSError) && args.size() >= 2 && args[0].is_int()) {
        return "[Errno " + std::to_string(args[0].as_int()) + "] " + to_str(rt, args[1]);
    }
    if (args.empty()) {
        return "";
    }
    if (args.size() == 1) {
        return to_str(rt, args[0]);
    }
    return repr(rt, e->args);
}

std::string base_exception_repr(Runtime& rt, const Value& self) {
    auto* e = self.as<ExceptionObject>();
    const auto& args = tuple_items(e->args);
    const std::string& name = e->cls->name;
    if (args.size() == 1) {
        return name + "(" + repr(rt, args[0]) + ")";
    }
    return name + repr(rt, e->args);
}

// The part of an exception group matching `matcher`, built as CPython's _PyExc_split.
bool matches_whole(Runtime& rt, const Value& exception, const Value& matcher) {
    if (as_type(rt, matcher) || is_tuple(rt, matcher)) {
        return exception_matches(rt, exception, matcher);
    }
    return truthy(rt, call(rt, matcher, {exception}));
}

Value derive_group(Runtime& rt, ExceptionObject& original, std::vector<Value> exceptions) {
    Value message;
    original.dict.get("message", message);
    // CPython's default derive() makes a plain (Base)ExceptionGroup, also for subclasses.
    Value group = make_exception_group(rt, message.is_none() ? std::string() : to_str(rt, message),
                                       std::move(exceptions));
    if (auto* g = as_exception(rt, group)) {
        g->traceback = original.traceback;
        g->cause = original.cause;
        g->context = original.context;
        g->suppress_context = original.suppress_context;
        if (is_list(rt, original.notes)) {
            g->notes = make_list(rt, list_items(original.notes));
        }
    }
    return group;
}

}  // namespace

bool exception_matches(Runtime& rt, const Value& exception, const Value& matcher) {
    if (is_tuple(rt, matcher)) {
        for (const Value& m : tuple_items(matcher)) {
            if (exception_matches(rt, exception, m)) {
                return true;
            }
        }
        return false;
    }
    TypeObject* type = as_type(rt, matcher);
    if (!type || !type->is_exception) {
        raise_error(rt, rt.types().TypeError,
                    "catching classes that do not inherit from BaseException is not allowed");
    }
    return is_instance(rt, exception, *type);
}

ExceptionSplit split_exception_group(Runtime& rt, const Value& exception, const Value& matcher) {
    if (matches_whole(rt, exception, matcher)) {
        return {exception, Value()};
    }
    ExceptionObject* e = as_exception(rt, exception);
    if (!e || !is_group_type(rt, *e->cls)) {
        return {Value(), exception};
    }
    std::vector<Value> matched, rest;
    for (const Value& sub : tuple_items(group_exceptions(rt, *e))) {
        ExceptionSplit part = split_exception_group(rt, sub, matcher);
        if (!part.match.is_none()) {
            matched.push_back(part.match);
        }
        if (!part.rest.is_none()) {
            rest.push_back(part.rest);
        }
    }
    ExceptionSplit result;
    if (!matched.empty()) {
        result.match = derive_group(rt, *e, std::move(matched));
    }
    if (!rest.empty()) {
        result.rest = derive_group(rt, *e, std::move(rest));
    }
    return result;
}

Value make_exception_group(Runtime& rt, std::string message, std::vector<Value> exceptions) {
    bool all_exceptions = true;
    for (const Value& e : exceptions) {
        all_exceptions = all_exceptions && is_instance(rt, e, rt.types().Exception);
    }
    TypeObject& type = all_exceptions ? *rt.types().ExceptionGroup : *rt.types().BaseExceptionGroup;
    std::vector<Value> args;
    args.push_back(make_str(rt, std::move(message)));
    args.push_back(make_list(rt, std::move(exceptions)));
    return new_exception(rt, type, std::move(args), nullptr);
}

// --- the types -----------------------------------------------------------------------------

void initialize_exception_args(Runtime& rt, ExceptionObject& e, const CallArgs& args) {
    initialize_exception(rt, e, std::vector<Value>(args.positional.begin(), args.positional.end()),
                         &args);
}

void install_exceptions(Runtime& rt) {
    BuiltinTypes& t = rt.types();
    TypeObject& base = t.BaseException;
    base.has_instance_dict = true;
    base.slots.construct = construct_exception;
    base.slots.str = base_exception_str;
    base.slots.repr = base_exception_repr;
    // Every builtin exception class shares BaseException's slots.
    for (TypeObject* type : {t.Exception.get(),         t.ArithmeticError.get(),
                             t.ZeroDivisionError.get(), t.OverflowError.get(),
                             t.AssertionError.get(),    t.AttributeError.get(),
                             t.ImportError.get(),       t.ModuleNotFoundError.get(),
                             t.LookupError.get(),       t.IndexError.get(),
                             t.KeyError.get(),          t.NameError.get(),
                             t.UnboundLocalError.get(), t.RuntimeError.get(),
                             t.RecursionError.get(),    t.NotImplementedError.get(),
                             t.StopIteration.get(),     t.StopAsyncIteration.get(),
                             t.SyntaxError.get(),       t.IndentationError.get(),
                             t.TypeError.get(),         t.ValueError.get(),
                             t.UnicodeError.get(),      t.OSError.get(),
                             t.TimeoutError.get(),      t.ConnectionError.get(),
                             t.FileNotFoundError.get(), t.PermissionError.get(),
                             t.KeyboardInterrupt.get(), t.SystemExit.get(),
                             t.GeneratorExit.get(),     t.BaseExceptionGroup.get(),
                             t.ExceptionGroup.get(),    t.Warning.get(),
                             t.RuntimeWarning.get(),    t.DeprecationWarning.get(),
                             t.UserWarning.get(),       t.MemoryError.get(),
                             t.EOFError.get()}) {
        type->slots = base.slots;
        type->has_instance_dict = true;
        type->is_exception = true;
    }

    define_method(rt, base, "__init__", [](Runtime& r, const CallArgs& args) {
        auto* e = as_exception(r, args[0]);
        if (!e) {
            raise_error(r, r.types().TypeError,
                        "descriptor '__init__' requires a 'BaseException' object");
        }
        CallArgs rest = args;
        rest.positional = args.positional.subspan(1);
        initialize_exception_args(r, *e, rest);
        return Value();
    });
    define_method(rt, base, "__str__", [](Runtime& r, const CallArgs& args) {
        return make_str(r, base_exception_str(r, args[0]));
    });
    define_method(rt, base, "__repr__", [](Runtime& r, const CallArgs& args) {
        return make_str(r, base_exception_repr(r, args[0]));
    });
    define_method(rt, base, "with_traceback", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "BaseException.with_traceback", 2);
        args[0].as<ExceptionObject>()->traceback = args[1];
        return args[0];
    });
    define_method(rt, base, "add_note", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "BaseException.add_note", 2);
        if (!is_str(r, args[1])) {
            raise_error(r, r.types().TypeError,
                        "note must be a str, not '" + std::string(type_name(r, args[1])) + "'");
        }
        auto* e = args[0].as<ExceptionObject>();
        if (!is_list(r, e->notes)) {
            e->notes = make_list(r);
        }
        list_items(e->notes).push_back(args[1]);
        return Value();
    });
    define_property(
        rt, base, "args",
        [](Runtime&, const Value& self) { return self.as<ExceptionObject>()->args; },
        [](Runtime& r, const Value& self, const Value& v) {
            self.as<ExceptionObject>()->args = make_tuple(r, to_vector(r, v));
        });
    define_property(
        rt, base, "__traceback__",
        [](Runtime&, const Value& self) { return self.as<ExceptionObject>()->traceback; },
        [](Runtime&, const Value& self, const Value& v) {
            self.as<ExceptionObject>()->traceback = v;
        });
    define_property(
        rt, base, "__cause__",
        [](Runtime&, const Value& self) { return self.as<ExceptionObject>()->cause; },
        [](Runtime&, const Value& self, const Value& v) {
            auto* e = self.as<ExceptionObject>();
            e->cause = v;
            e->suppress_context = true;
        });
    define_property(
        rt, base, "__context__",
        [](Runtime&, const Value& self) { return self.as<ExceptionObject>()->context; },
        [](Runtime&, const Value& self, const Value& v) {
            self.as<ExceptionObject>()->context = v;
        });
    define_property(
        rt, base, "__suppress_context__",
        [](Runtime&, const Value& self) {
            return Value::boolean(self.as<ExceptionObject>()->suppress_context);
        },
        [](Runtime& r, const Value& self, const Value& v) {
            self.as<ExceptionObject>()->suppress_context = truthy(r, v);
        });
    define_property(rt, base, "__notes__", [](Runtime& r, const Value& self) {
        auto* e = self.as<ExceptionObject>();
        if (e->notes.is_none()) {
            raise_attribute_error(r, self, "__notes__");
        }
        return e->notes;
    });

    TypeObject& group = t.BaseExceptionGroup;
    define_method(rt, group, "split", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "BaseExceptionGroup.split", 2);
        ExceptionSplit parts = split_exception_group(r, args[0], args[1]);
        return make_tuple(r, {parts.match, parts.rest});
    });
    define_method(rt, group, "subgroup", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "BaseExceptionGroup.subgroup", 2);
        return split_exception_group(r, args[0], args[1]).match;
    });
    define_method(rt, group, "derive", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "BaseExceptionGroup.derive", 2);
        Value message;
        args[0].as<ExceptionObject>()->dict.get("message", message);
        return make_exception_group(r, to_str(r, message), to_vector(r, args[1]));
    });

    for (TypeObject* type : {t.BaseException.get(),
                             t.Exception.get(),
                             t.ArithmeticError.get(),
                             t.ZeroDivisionError.get(),
                             t.OverflowError.get(),
                             t.AssertionError.get(),
                             t.AttributeError.get(),
                             t.ImportError.get(),
                             t.ModuleNotFoundError.get(),
                             t.LookupError.get(),
                             t.IndexError.get(),
                             t.KeyError.get(),
                             t.NameError.get(),
                             t.UnboundLocalError.get(),
                             t.RuntimeError.get(),
                             t.RecursionError.get(),
                             t.NotImplementedError.get(),
                             t.StopIteration.get(),
                             t.StopAsyncIteration.get(),
                             t.SyntaxError.get(),
                             t.IndentationError.get(),
                             t.TypeError.get(),
                             t.ValueError.get(),
                             t.UnicodeError.get(),
                             t.OSError.get(),
                             t.TimeoutError.get(),
                             t.ConnectionError.get(),
                             t.FileNotFoundError.get(),
                             t.PermissionError.get(),
                             t.KeyboardInterrupt.get(),
                             t.SystemExit.get(),
                             t.GeneratorExit.get(),
                             t.BaseExceptionGroup.get(),
                             t.ExceptionGroup.get(),
                             t.Warning.get(),
                             t.RuntimeWarning.get(),
                             t.DeprecationWarning.get(),
                             t.UserWarning.get(),
                             t.MemoryError.get(),
                             t.EOFError.get()}) {
        rt.builtins().set(type->name, type_value(*type));
    }
    rt.builtins().set("IOError", t.OSError.value());
    rt.builtins().set("EnvironmentError", t.OSError.value());
}

}  // namespace loopscope::script
