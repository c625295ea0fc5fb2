#include <cinttypes>
#include <cstdio>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/type_object.h"

// Bound methods, property, staticmethod, classmethod and super.

namespace loopscope::script {

namespace {

std::string address_of(const Object* o) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "0x%" PRIxPTR, reinterpret_cast<std::uintptr_t>(o));
    return buffer;
}

Value bound_method_call(Runtime& rt, const Value& self, const CallArgs& args) {
    auto* m = self.as<BoundMethodObject>();
    Value keep = self;
    std::vector<Value> positional;
    positional.reserve(args.size() + 1);
    positional.push_back(m->self);
    positional.insert(positional.end(), args.positional.begin(), args.positional.end());
    CallArgs with_self = args;
    with_self.positional = positional;
    return call(rt, m->function, with_self);
}

std::string bound_method_repr(Runtime& rt, const Value& self) {
    auto* m = self.as<BoundMethodObject>();
    if (type_of(rt, m->function).slots.call && m->function.is_object() &&
        m->function.as_object()->type == rt.types().method_descriptor.get()) {
        auto* f = m->function.as<NativeFunctionObject>();
        return "<built-in method " + f->name + " of " + std::string(type_name(rt, m->self)) +
               " object at " + address_of(m->self.is_object() ? m->self.as_object() : nullptr) +
               ">";
    }
    Value qualname;
    std::string name = "?";
    if (lookup_attr(rt, m->function, "__qualname__", qualname) && is_str(rt, qualname)) {
        name = std::string(str_view(qualname));
    }
    return "<bound method " + name + " of " + repr(rt, m->self) + ">";
}

std::string property_name(Runtime& rt, const PropertyObject& p) {
    Value name;
    if (!p.getter.is_none() && lookup_attr(rt, p.getter, "__name__", name) && is_str(rt, name)) {
        return std::string(str_view(name));
    }
    if (!p.setter.is_none() && lookup_attr(rt, p.setter, "__name__", name) && is_str(rt, name)) {
        return std::string(str_view(name));
    }
    return "?";
}

Value property_get(Runtime& rt, const Value& self, const Value& instance, TypeObject&) {
    if (instance.is_none()) {
        return self;
    }
    auto* p = self.as<PropertyObject>();
    if (p->getter.is_none()) {
        raise_error(rt, rt.types().AttributeError,
                    "property '" + property_name(rt, *p) + "' of '" +
                        std::string(type_name(rt, instance)) + "' object has no getter");
    }
    return call(rt, p->getter, {instance});
}

void property_set(Runtime& rt, const Value& self, const Value& instance, const Value* value) {
    auto* p = self.as<PropertyObject>();
    const Value& f = value ? p->setter : p->deleter;
    if (f.is_none() && !p->native_name.empty()) {
        raise_error(rt, rt.types().AttributeError,
                    "attribute '" + p->native_name + "' of '" +
                        qualified_type_name(type_of(rt, instance)) + "' objects is not writable");
    }
    if (f.is_none()) {
        raise_error(rt, rt.types().AttributeError,
                    "property '" + property_name(rt, *p) + "' of '" +
                        std::string(type_name(rt, instance)) + "' object has no " +
                        (value ? "setter" : "deleter"));
    }
    if (value) {
        call(rt, f, {instance, *value});
    } else {
        call(rt, f, {instance});
    }
}

Value copy_property(Runtime& rt, const PropertyObject& p) {
    auto copy = Ref<PropertyObject>::make(rt);
    copy->getter = p.getter;
    copy->setter = p.setter;
    copy->deleter = p.deleter;
    copy->doc = p.doc;
    return Value(std::move(copy));
}

}  // namespace

bool super_getattr(Runtime& rt, const Value& self, std::string_view name, Value& out) {
    auto* s = self.as<SuperObject>();
    TypeObject* instance_type = as_type(rt, s->instance);
    TypeObject& lookup_type = instance_type ? *instance_type : type_of(rt, s->instance);
    const auto& mro = lookup_type.mro;
    std::size_t i = 0;
    while (i < mro.size() && mro[i] != s->start.get()) {
        ++i;
    }
    for (++i; i < mro.size(); ++i) {
        if (const Value* found = mro[i]->dict.find_slot(name)) {
            Value attr = *found;
            TypeObject& at = type_of(rt, attr);
            if (at.slots.get) {
                out = at.slots.get(rt, attr, instance_type ? Value() : s->instance, lookup_type);
            } else {
                out = attr;
            }
            return true;
        }
    }
    if (name == "__class__") {
        out = type_value(type_of(rt, self));
        return true;
    }
    return false;
}

void install_descriptors(Runtime& rt) {
    BuiltinTypes& t = rt.types();

    TypeSlots& m = t.method->slots;
    m.call = bound_method_call;
    m.repr = bound_method_repr;
    m.compare = [](Runtime& r, const Value& self, const Value& other, CompareOp op) {
        if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(r, other).name != "method") {
            return r.not_implemented();
        }
        auto* a = self.as<BoundMethodObject>();
        auto* b = other.as<BoundMethodObject>();
        const bool same = identical(a->function, b->function) && identical(a->self, b->self);
        return Value::boolean(op == CompareOp::Eq ? same : !same);
    };
    m.hash = [](Runtime& r, const Value& self) {
        auto* a = self.as<BoundMethodObject>();
        return hash(r, a->function) ^
               static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(a->self.as_object()));
    };
    m.getattr = [](Runtime& r, const Value& self, std::string_view name, Value& out) {
        return lookup_attr(r, self.as<BoundMethodObject>()->function, name, out);
    };
    define_property(rt, t.method, "__self__",
                    [](Runtime&, const Value& self) { return self.as<BoundMethodObject>()->self; });
    define_property(rt, t.method, "__func__", [](Runtime&, const Value& self) {
        return self.as<BoundMethodObject>()->function;
    });

    TypeSlots& p = t.property->slots;
    p.get = property_get;
    p.set = property_set;
    p.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        auto values =
            parse_arguments(r, args, Signature{"property", {"fget", "fset", "fdel", "doc"}});
        auto prop = Ref<PropertyObject>::make(r);
        prop->getter = values[0].value_or(Value());
        prop->setter = values[1].value_or(Value());
        prop->deleter = values[2].value_or(Value());
        prop->doc = values[3].value_or(Value());
        return Value(std::move(prop));
    };
    define_method(rt, t.property, "setter", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "property.setter", 2);
        Value copy = copy_property(r, *args[0].as<PropertyObject>());
        copy.as<PropertyObject>()->setter = args[1];
        return copy;
    });
    define_method(rt, t.property, "getter", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "property.getter", 2);
        Value copy = copy_property(r, *args[0].as<PropertyObject>());
        copy.as<PropertyObject>()->getter = args[1];
        return copy;
    });
    define_method(rt, t.property, "deleter", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "property.deleter", 2);
        Value copy = copy_property(r, *args[0].as<PropertyObject>());
        copy.as<PropertyObject>()->deleter = args[1];
        return copy;
    });
    define_property(rt, t.property, "__doc__", [](Runtime& r, const Value& self) {
        auto* prop = self.as<PropertyObject>();
        Value doc = prop->doc;
        if (doc.is_none() && !prop->getter.is_none()) {
            lookup_attr(r, prop->getter, "__doc__", doc);
        }
        return doc;
    });
    define_property(rt, t.property, "fget",
                    [](Runtime&, const Value& self) { return self.as<PropertyObject>()->getter; });
    define_property(rt, t.property, "fset",
                    [](Runtime&, const Value& self) { return self.as<PropertyObject>()->setter; });
    define_property(rt, t.property, "fdel",
                    [](Runtime&, const Value& self) { return self.as<PropertyObject>()->deleter; });
    rt.builtins().set("property", t.property.value());

    TypeSlots& sm = t.staticmethod->slots;
    sm.get = [](Runtime&, const Value& self, const Value&, TypeObject&) {
        return self.as<MethodWrapperObject>()->callable;
    };
    sm.call = [](Runtime& r, const Value& self, const CallArgs& args) {
        return call(r, self.as<MethodWrapperObject>()->callable, args);
    };
    sm.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        expect_exactly(r, args, "staticmethod", 1);
        return Value(Ref<MethodWrapperObject>::make(r, r.types().staticmethod.get(), args[0]));
    };
    TypeSlots& cm = t.classmethod->slots;
    cm.get = [](Runtime& r, const Value& self, const Value&, TypeObject& owner) {
        return make_bound_method(r, self.as<MethodWrapperObject>()->callable, type_value(owner));
    };
    cm.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        expect_exactly(r, args, "classmethod", 1);
        return Value(Ref<MethodWrapperObject>::make(r, r.types().classmethod.get(), args[0]));
    };
    for (TypeObject* wrapper : {t.staticmethod.get(), t.classmethod.get()}) {
        define_property(rt, *wrapper, "__func__", [](Runtime&, const Value& self) {
            return self.as<MethodWrapperObject>()->callable;
        });
        wrapper->slots.getattr = [](Runtime& r, const Value& self, std::string_view name,
                                    Value& out) {
            return lookup_attr(r, self.as<MethodWrapperObject>()->callable, name, out);
        };
    }
    rt.builtins().set("staticmethod", t.staticmethod.value());
    rt.builtins().set("classmethod", t.classmethod.value());

    TypeSlots& su = t.super->slots;
    su.getattr = super_getattr;
    su.repr = [](Runtime& r, const Value& self) {
        auto* s = self.as<SuperObject>();
        return "<super: <class '" + s->start->name + "'>, <" +
               std::string(type_name(r, s->instance)) + " object>>";
    };
    su.construct = [](Runtime& r, TypeObject&, const CallArgs& args) {
        if (args.size() == 0) {
            raise_error(r, r.types().RuntimeError, "super(): no arguments");
        }
        TypeObject* start = as_type(r, args[0]);
        if (!start) {
            raise_error(
                r, r.types().TypeError,
                "super() argument 1 must be a type, not " + std::string(type_name(r, args[0])));
        }
        if (args.size() == 1) {
            raise_error(r, r.types().RuntimeError, "super(type) unbound form is not supported");
        }
        return make_super(r, *start, args[1]);
    };
    rt.builtins().set("super", t.super.value());
}

}  // namespace loopscope::script
