#include <cinttypes>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/dict.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/list.h"
#include "core/script/objects/module.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// `object`, `type`, None, NotImplemented, Ellipsis and modules.

namespace loopscope::script {

namespace {

struct SingletonObject : Object {
    using Object::Object;
};

std::int64_t identity_hash(Runtime&, const Value& self) {
    return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(self.as_object()) >> 4);
}

Value object_compare(Runtime& rt, const Value& self, const Value& other, CompareOp op) {
    if (op == CompareOp::Eq) {
        return identical(self, other) ? Value::boolean(true) : rt.not_implemented();
    }
    if (op == CompareOp::Ne) {
        // object.__ne__ inverts __eq__ (which a subclass may define).
        TypeObject& t = type_of(rt, self);
        Value eq = t.slots.compare && t.slots.compare != object_compare
                       ? t.slots.compare(rt, self, other, CompareOp::Eq)
                       : (identical(self, other) ? Value::boolean(true) : rt.not_implemented());
        if (rt.is_not_implemented(eq)) {
            return eq;
        }
        return Value::boolean(!truthy(rt, eq));
    }
    return rt.not_implemented();
}

Value object_construct(Runtime& rt, TypeObject& type, const CallArgs& args) {
    if (args.size() > 0 || args.has_keywords()) {
        raise_error(rt, rt.types().TypeError, "object() takes no arguments");
    }
    return Value(Ref<InstanceObject>::make(rt, Ref<TypeObject>(&type)));
}

std::string type_repr(Runtime&, const Value& self) {
    auto* t = self.as<TypeObject>();
    return "<class '" + qualified_type_name(*t) + "'>";
}

Value type_call(Runtime& rt, const Value& self, const CallArgs& args) {
    auto* cls = self.as<TypeObject>();
    if (cls == rt.types().type.get()) {
        if (args.size() == 1 && !args.has_keywords()) {
            return type_value(type_of(rt, args[0]));
        }
        if (args.size() == 3) {
            std::string name(expect_str(rt, args[0], "type.__new__() argument 1"));
            std::vector<Ref<TypeObject>> bases;
            for (const Value& b : to_vector(rt, args[1])) {
                TypeObject* bt = as_type(rt, b);
                if (!bt) {
                    raise_error(rt, rt.types().TypeError, "bases must be types");
                }
                bases.push_back(Ref<TypeObject>(bt));
            }
            Attributes ns;
            if (!is_dict(rt, args[2])) {
                raise_error(rt, rt.types().TypeError,
                            "type.__new__() argument 3 must be dict, not " +
                                std::string(type_name(rt, args[2])));
            }
            dict_of(args[2]).for_each(
                [&](const Value& k, const Value& v) { ns.set(to_str(rt, k), v); });
            if (!ns.contains("__module__")) {
                ns.set("__module__", make_str(rt, "__main__"));
            }
            return Value(make_class(rt, std::move(name), std::move(bases), std::move(ns)));
        }
        raise_error(rt, rt.types().TypeError, "type() takes 1 or 3 arguments");
    }
    if (!cls->slots.construct) {
        raise_error(rt, rt.types().TypeError,
                    "cannot create '" + qualified_type_name(*cls) + "' instances");
    }
    return cls->slots.construct(rt, *cls, args);
}

Value bases_tuple(Runtime& rt, const TypeObject& t) {
    std::vector<Value> items;
    for (const Ref<TypeObject>& b : t.bases) {
        items.push_back(type_value(*b));
    }
    return make_tuple(rt, std::move(items));
}

Value attributes_to_dict(Runtime& rt, const Attributes& attrs) {
    Value d = make_dict(rt);
    attrs.for_each(
        [&](const std::string& k, const Value& v) { dict_of(d).set(rt, make_str(rt, k), v); });
    return d;
}

}  // namespace

void install_object_and_type(Runtime& rt) {
    TypeObject& object = rt.types().object;
    object.slots.hash = identity_hash;
    object.slots.compare = object_compare;
    object.slots.construct = object_construct;
    rt.builtins().set("object", type_value(object));

    define_method(rt, object, "__init__", [](Runtime&, const CallArgs&) { return Value(); });
    define_method(rt, object, "__repr__", [](Runtime& r, const CallArgs& args) {
        return make_str(r, default_object_repr(r, args[0]));
    });
    define_method(rt, object, "__str__",
                  [](Runtime& r, const CallArgs& args) { return make_str(r, repr(r, args[0])); });
    define_method(rt, object, "__hash__", [](Runtime& r, const CallArgs& args) {
        return Value::integer(identity_hash(r, args[0]));
    });
    define_method(rt, object, "__format__", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "object.__format__", 2);
        std::string_view spec = expect_str(r, args[1], "format_spec");
        if (!spec.empty()) {
            raise_error(r, r.types().TypeError,
                        "unsupported format string passed to " +
                            std::string(type_name(r, args[0])) + ".__format__");
        }
        return make_str(r, to_str(r, args[0]));
    });
    static constexpr std::array<std::pair<const char*, CompareOp>, 6> comparisons = {
        {{"__lt__", CompareOp::Lt},
         {"__le__", CompareOp::Le},
         {"__eq__", CompareOp::Eq},
         {"__ne__", CompareOp::Ne},
         {"__gt__", CompareOp::Gt},
         {"__ge__", CompareOp::Ge}}};
    for (const auto& [name, op] : comparisons) {
        const CompareOp which = op;
        define_method(rt, object, name, [which](Runtime& r, const CallArgs& args) {
            expect_exactly(r, args, "object.__eq__", 2);
            return object_compare(r, args[0], args[1], which);
        });
    }
    define_method(rt, object, "__setattr__", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "object.__setattr__", 3);
        generic_setattr(r, args[0], expect_str(r, args[1], "attribute name"), &args[2]);
        return Value();
    });
    define_method(rt, object, "__delattr__", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "object.__delattr__", 2);
        generic_setattr(r, args[0], expect_str(r, args[1], "attribute name"), nullptr);
        return Value();
    });
    define_method(rt, object, "__getattribute__", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "object.__getattribute__", 2);
        const std::string_view name = expect_str(r, args[1], "attribute name");
        Value out;
        if (!generic_getattr(r, args[0], name, out)) {
            raise_attribute_error(r, args[0], name);
        }
        return out;
    });
    define_static_method(rt, object, "__new__", [](Runtime& r, const CallArgs& args) {
        if (args.size() == 0) {
            raise_error(r, r.types().TypeError, "object.__new__(): not enough arguments");
        }
        TypeObject* cls = as_type(r, args[0]);
        if (!cls) {
            raise_error(r, r.types().TypeError,
                        "object.__new__(X): X is not a type object (" +
                            std::string(type_name(r, args[0])) + ")");
        }
        if (cls->is_exception) {
            auto e = Ref<ExceptionObject>::make(r, Ref<TypeObject>(cls));
            CallArgs rest;
            rest.positional = args.positional.subspan(1);
            initialize_exception_args(r, *e, rest);
            return Value(std::move(e));
        }
        return Value(Ref<InstanceObject>::make(r, Ref<TypeObject>(cls)));
    });
    define_class_method(rt, object, "__init_subclass__",
                        [](Runtime&, const CallArgs&) { return Value(); });
    define_property(rt, object, "__class__",
                    [](Runtime& r, const Value& self) { return type_value(type_of(r, self)); });
    define_property(rt, object, "__dict__", [](Runtime& r, const Value& self) {
        if (!type_of(r, self).has_instance_dict) {
            raise_attribute_error(r, self, "__dict__");
        }
        return attributes_to_dict(r, instance_attributes(self));
    });

    TypeObject& type = rt.types().type;
    type.slots = object.slots;
    type.slots.repr = type_repr;
    type.slots.call = type_call;
    type.slots.construct = nullptr;
    type.slots.number[static_cast<int>(NumberOp::Or)] = union_or;
    rt.builtins().set("type", type_value(type));
    define_property(rt, type, "__name__", [](Runtime& r, const Value& self) {
        return make_str(r, self.as<TypeObject>()->name);
    });
    define_property(rt, type, "__qualname__", [](Runtime& r, const Value& self) {
        return make_str(r, self.as<TypeObject>()->qualname);
    });
    define_property(rt, type, "__module__", [](Runtime& r, const Value& self) {
        return make_str(r, self.as<TypeObject>()->module);
    });
    define_property(rt, type, "__bases__", [](Runtime& r, const Value& self) {
        return bases_tuple(r, *self.as<TypeObject>());
    });
    define_property(rt, type, "__base__", [](Runtime&, const Value& self) {
        auto* t = self.as<TypeObject>();
        return t->bases.empty() ? Value() : type_value(*t->bases[0]);
    });
    define_property(rt, type, "__mro__", [](Runtime& r, const Value& self) {
        std::vector<Value> items;
        for (TypeObject* t : self.as<TypeObject>()->mro) {
            items.push_back(type_value(*t));
        }
        return make_tuple(r, std::move(items));
    });
    define_property(rt, type, "__dict__", [](Runtime& r, const Value& self) {
        return attributes_to_dict(r, self.as<TypeObject>()->dict);
    });
    define_property(rt, type, "__doc__", [](Runtime&, const Value& self) {
        Value doc;
        self.as<TypeObject>()->dict.get("__doc__", doc);
        return doc;
    });
    define_method(rt, type, "mro", [](Runtime& r, const CallArgs& args) {
        std::vector<Value> items;
        for (TypeObject* t : args[0].as<TypeObject>()->mro) {
            items.push_back(type_value(*t));
        }
        return make_list(r, std::move(items));
    });
}

void install_none_and_singletons(Runtime& rt) {
    BuiltinTypes& t = rt.types();
    t.NoneType->is_final = true;
    t.NoneType->slots.repr = [](Runtime&, const Value&) { return std::string("None"); };
    t.NoneType->slots.truthy = [](Runtime&, const Value&) { return false; };
    t.NoneType->slots.hash = [](Runtime&, const Value&) { return std::int64_t{0x5f3759df}; };
    t.NoneType->slots.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        if (args.size() > 0 || args.has_keywords()) {
            raise_error(r, r.types().TypeError, "NoneType takes no arguments");
        }
        return Value();
    };
    t.NotImplementedType->is_final = true;
    t.NotImplementedType->slots.repr = [](Runtime&, const Value&) {
        return std::string("NotImplemented");
    };
    t.ellipsis->is_final = true;
    t.ellipsis->slots.repr = [](Runtime&, const Value&) { return std::string("Ellipsis"); };
    Value not_implemented(Ref<SingletonObject>::make(t.NotImplementedType.get()));
    Value ellipsis(Ref<SingletonObject>::make(t.ellipsis.get()));
    rt.set_singletons(not_implemented, ellipsis);
    rt.builtins().set("None", Value());
    rt.builtins().set("True", Value::boolean(true));
    rt.builtins().set("False", Value::boolean(false));
    rt.builtins().set("NotImplemented", not_implemented);
    rt.builtins().set("Ellipsis", ellipsis);
}

// --- modules -------------------------------------------------------------------------------

ModuleObject::ModuleObject(Runtime& rt, std::string name_)
    : TrackedObject(rt, rt.types().module.get()), name(std::move(name_)) {}

void ModuleObject::clear_references() {
    dict.clear();
}

Ref<ModuleObject> make_module(Runtime& rt, std::string name, std::string file) {
    auto module = Ref<ModuleObject>::make(rt, name);
    module->dict.set("__name__", make_str(rt, name));
    module->dict.set("__doc__", Value());
    if (!file.empty()) {
        module->dict.set("__file__", make_str(rt, file));
    }
    module->file = std::move(file);
    return module;
}

bool is_module(Runtime& rt, const Value& v) {
    return v.is_object() && v.as_object()->type == rt.types().module.get();
}

void install_module_type(Runtime& rt) {
    TypeSlots& s = rt.types().module->slots;
    s.repr = [](Runtime&, const Value& self) {
        auto* m = self.as<ModuleObject>();
        if (m->file.empty()) {
            return "<module '" + m->name + "' (built-in)>";
        }
        return "<module '" + m->name + "' from '" + m->file + "'>";
    };
    s.getattr = [](Runtime&, const Value& self, std::string_view name, Value& out) {
        return self.as<ModuleObject>()->dict.get(name, out);
    };
    define_property(rt, rt.types().module, "__dict__", [](Runtime& r, const Value& self) {
        return attributes_to_dict(r, self.as<ModuleObject>()->dict);
    });
}

}  // namespace loopscope::script
