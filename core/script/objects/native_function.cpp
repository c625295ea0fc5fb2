#include "core/script/objects/native_function.h"

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"

namespace loopscope::script {

NativeFunctionObject::NativeFunctionObject(Runtime& rt, TypeObject* function_type,
                                           std::string name_, NativeFunction function_)
    : TrackedObject(rt, function_type), name(std::move(name_)), function(std::move(function_)) {}

void NativeFunctionObject::clear_references() {
    function = nullptr;
}

Value make_native_function(Runtime& rt, std::string name, NativeFunction function) {
    return Value(Ref<NativeFunctionObject>::make(rt, rt.types().builtin_function.get(),
                                                 std::move(name), std::move(function)));
}

Value make_native_method(Runtime& rt, std::string owner, std::string name,
                         NativeFunction function) {
    auto f = Ref<NativeFunctionObject>::make(rt, rt.types().method_descriptor.get(),
                                             std::move(name), std::move(function));
    f->owner = std::move(owner);
    return Value(std::move(f));
}

void define_method(Runtime& rt, TypeObject& type, std::string name, NativeFunction function) {
    Value method = make_native_method(rt, type.name, name, std::move(function));
    type.dict.set(name, std::move(method));
}

void define_class_method(Runtime& rt, TypeObject& type, std::string name, NativeFunction function) {
    Value f = make_native_function(rt, name, std::move(function));
    type.dict.set(name, Value(Ref<MethodWrapperObject>::make(rt, rt.types().classmethod.get(),
                                                             std::move(f))));
}

void define_static_method(Runtime& rt, TypeObject& type, std::string name,
                          NativeFunction function) {
    Value f = make_native_function(rt, name, std::move(function));
    type.dict.set(name, Value(Ref<MethodWrapperObject>::make(rt, rt.types().staticmethod.get(),
                                                             std::move(f))));
}

void define_property(Runtime& rt, TypeObject& type, std::string name,
                     std::function<Value(Runtime&, const Value& self)> getter,
                     std::function<void(Runtime&, const Value& self, const Value& value)> setter) {
    auto property = Ref<PropertyObject>::make(rt);
    property->native_name = name;
    property->getter = make_native_function(
        rt, name, [getter](Runtime& r, const CallArgs& args) { return getter(r, args[0]); });
    if (setter) {
        property->setter =
            make_native_function(rt, name, [setter](Runtime& r, const CallArgs& args) {
                setter(r, args[0], args[1]);
                return Value();
            });
    }
    type.dict.set(name, Value(std::move(property)));
}

// --- argument checking ---------------------------------------------------------------------

const Value* find_keyword(const CallArgs& args, std::string_view name) {
    for (std::size_t i = 0; i < args.keyword_names.size(); ++i) {
        if (args.keyword_names[i] == name) {
            return &args.keyword_values[i];
        }
    }
    return nullptr;
}

void reject_keywords(Runtime& rt, const CallArgs& args, std::string_view function) {
    if (args.has_keywords()) {
        raise_error(rt, rt.types().TypeError,
                    std::string(function) + "() takes no keyword arguments");
    }
}

namespace {

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void expect_exactly(Runtime& rt, const CallArgs& args, std::string_view function,
                    std::size_t count) {
    if (args.size() == count) {
        return;
    }
    if (count == 0) {
        raise_error(rt, rt.types().TypeError,
                    std::string(function) + "() takes no arguments (" +
                        std::to_string(args.size()) + " given)");
    }
    if (count == 1) {
        raise_error(rt, rt.types().TypeError,
                    std::string(function) + "() takes exactly one argument (" +
                        std::to_string(args.size()) + " given)");
    }
    raise_error(rt, rt.types().TypeError,
                std::string(function) + " expected " + plural(count, "argument") + ", got " +
                    std::to_string(args.size()));
}

void expect_between(Runtime& rt, const CallArgs& args, std::string_view function, std::size_t min,
                    std::size_t max) {
    if (args.size() < min) {
        raise_error(rt, rt.types().TypeError,
                    std::string(function) + " expected at least " + plural(min, "argument") +
                        ", got " + std::to_string(args.size()));
    }
    if (args.size() > max) {
        raise_error(rt, rt.types().TypeError,
                    std::string(function) + " expected at most " + plural(max, "argument") +
                        ", got " + std::to_string(args.size()));
    }
}

namespace {

std::string quoted_list(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        }
        out += "'" + std::string(names[i]) + "'";
    }
    return out;
}

}  // namespace

std::vector<std::optional<Value>> parse_arguments(Runtime& rt, const CallArgs& args,
                                                  const Signature& signature) {
    const std::size_t n = signature.names.size();
    const std::size_t max_positional = std::min(signature.keyword_only_from, n);
    const std::string fn(signature.function);
    std::vector<std::optional<Value>> out(n);
    if (args.size() > max_positional) {
        const std::size_t required_positional = std::min(signature.required, max_positional);
        std::string takes = required_positional == max_positional
                                ? plural(max_positional, "positional argument")
                                : "from " + std::to_string(required_positional) + " to " +
                                      std::to_string(max_positional) + " positional arguments";
        raise_error(rt, rt.types().TypeError,
                    fn + "() takes " + takes + " but " + std::to_string(args.size()) +
                        (args.size() == 1 ? " was" : " were") + " given");
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        out[i] = args[i];
    }
    for (std::size_t k = 0; k < args.keyword_names.size(); ++k) {
        const std::string_view name = args.keyword_names[k];
        std::size_t j = 0;
        while (j < n && signature.names[j] != name) {
            ++j;
        }
        if (j == n) {
            raise_error(rt, rt.types().TypeError,
                        fn + "() got an unexpected keyword argument '" + std::string(name) + "'");
        }
        if (j < signature.positional_only) {
            raise_error(rt, rt.types().TypeError,
                        fn +
                            "() got some positional-only arguments passed as keyword "
                            "arguments: '" +
                            std::string(name) + "'");
        }
        if (out[j]) {
            raise_error(rt, rt.types().TypeError,
                        fn + "() got multiple values for argument '" + std::string(name) + "'");
        }
        out[j] = args.keyword_values[k];
    }
    std::vector<std::string_view> missing_positional;
    std::vector<std::string_view> missing_keyword;
    for (std::size_t i = 0; i < signature.required && i < n; ++i) {
        if (!out[i]) {
            (i < signature.keyword_only_from ? missing_positional : missing_keyword)
                .push_back(signature.names[i]);
        }
    }
    if (!missing_positional.empty()) {
        raise_error(rt, rt.types().TypeError,
                    fn + "() missing " +
                        plural(missing_positional.size(), "required positional argument") + ": " +
                        quoted_list(missing_positional));
    }
    if (!missing_keyword.empty()) {
        raise_error(rt, rt.types().TypeError,
                    fn + "() missing " +
                        plural(missing_keyword.size(), "required keyword-only argument") + ": " +
                        quoted_list(missing_keyword));
    }
    return out;
}

// --- the types -----------------------------------------------------------------------------

namespace {

Value native_call(Runtime& rt, const Value& self, const CallArgs& args) {
    auto* f = self.as<NativeFunctionObject>();
    // Keep the function alive while it runs (it may drop its last other reference).
    Value keep = self;
    return f->function(rt, args);
}

Value method_descriptor_call(Runtime& rt, const Value& self, const CallArgs& args) {
    auto* f = self.as<NativeFunctionObject>();
    if (args.size() == 0) {
        raise_error(rt, rt.types().TypeError,
                    "unbound method " + f->owner + "." + f->name + "() needs an argument");
    }
    Value keep = self;
    return f->function(rt, args);
}

Value method_descriptor_get(Runtime& rt, const Value& self, const Value& instance, TypeObject&) {
    if (instance.is_none()) {
        return self;
    }
    return make_bound_method(rt, self, instance);
}

}  // namespace

void install_native_functions(Runtime& rt) {
    TypeSlots& f = rt.types().builtin_function->slots;
    f.call = native_call;
    f.repr = [](Runtime&, const Value& self) {
        return "<built-in function " + self.as<NativeFunctionObject>()->name + ">";
    };
    f.hash = [](Runtime&, const Value& self) {
        return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(self.as_object()) >> 4);
    };
    TypeSlots& m = rt.types().method_descriptor->slots;
    m = f;
    m.call = method_descriptor_call;
    m.get = method_descriptor_get;
    m.binds_as_method = true;
    m.repr = [](Runtime&, const Value& self) {
        auto* fn = self.as<NativeFunctionObject>();
        return "<method '" + fn->name + "' of '" + fn->owner + "' objects>";
    };
    define_property(rt, rt.types().builtin_function, "__name__", [](Runtime& r, const Value& self) {
        return make_str(r, self.as<NativeFunctionObject>()->name);
    });
    define_property(rt, rt.types().builtin_function, "__qualname__",
                    [](Runtime& r, const Value& self) {
                        return make_str(r, self.as<NativeFunctionObject>()->name);
                    });
    define_property(rt, rt.types().method_descriptor, "__name__",
                    [](Runtime& r, const Value& self) {
                        return make_str(r, self.as<NativeFunctionObject>()->name);
                    });
    define_property(rt, rt.types().method_descriptor, "__qualname__",
                    [](Runtime& r, const Value& self) {
                        auto* fn = self.as<NativeFunctionObject>();
                        return make_str(r, fn->owner + "." + fn->name);
                    });
}

// --- TypeBuilder ---------------------------------------------------------------------------

TypeBuilder::TypeBuilder(Runtime& rt, std::string name, std::string module)
    : rt_(rt),
      type_(Ref<TypeObject>::make(rt, rt.types().type.get(), std::move(name), std::move(module))) {
    type_->bases.push_back(Ref<TypeObject>(rt.types().object.get()));
    type_->slots = rt.types().object->slots;
    type_->slots.construct = nullptr;
}

TypeBuilder& TypeBuilder::base(TypeObject& base_type) {
    type_->bases.clear();
    type_->bases.push_back(Ref<TypeObject>(&base_type));
    type_->slots = base_type.slots;
    type_->slots.construct = nullptr;
    type_->is_exception = base_type.is_exception;
    type_->has_instance_dict = base_type.has_instance_dict;
    return *this;
}

TypeBuilder& TypeBuilder::method(std::string name, NativeFunction function) {
    define_method(rt_, *type_, std::move(name), std::move(function));
    return *this;
}

TypeBuilder& TypeBuilder::class_method(std::string name, NativeFunction function) {
    define_class_method(rt_, *type_, std::move(name), std::move(function));
    return *this;
}

TypeBuilder& TypeBuilder::static_method(std::string name, NativeFunction function) {
    define_static_method(rt_, *type_, std::move(name), std::move(function));
    return *this;
}

TypeBuilder& TypeBuilder::property(std::string name, Getter getter, Setter setter) {
    define_property(rt_, *type_, std::move(name), std::move(getter), std::move(setter));
    return *this;
}

TypeBuilder& TypeBuilder::attribute(std::string name, Value value) {
    type_->dict.set(name, std::move(value));
    return *this;
}

TypeSlots& TypeBuilder::slots() {
    return type_->slots;
}

TypeBuilder& TypeBuilder::instance_dict() {
    type_->has_instance_dict = true;
    return *this;
}

Ref<TypeObject> TypeBuilder::build() {
    compute_mro(rt_, *type_);
    rt_.keep_type(type_);
    return type_;
}

}  // namespace loopscope::script
