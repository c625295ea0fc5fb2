#include "core/script/objects/dict.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/module.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/stdlib_modules.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"

// `functools`: partial, reduce, wraps / update_wrapper.

namespace loopscope::script {

namespace {

struct PartialObject : TrackedObject {
    PartialObject(Runtime& rt, TypeObject* partial_type, Value f, std::vector<Value> a,
                  std::vector<std::pair<std::string, Value>> k)
        : TrackedObject(rt, partial_type),
          function(std::move(f)),
          args(std::move(a)),
          keywords(std::move(k)) {}
    Value function;
    std::vector<Value> args;
    std::vector<std::pair<std::string, Value>> keywords;
    void clear_references() override {
        function = Value();
        args.clear();
        keywords.clear();
    }
};

Value partial_call(Runtime& rt, const Value& self, const CallArgs& call_args) {
    auto* p = self.as<PartialObject>();
    Value keep = self;
    std::vector<Value> positional = p->args;
    positional.insert(positional.end(), call_args.positional.begin(), call_args.positional.end());
    std::vector<std::string_view> names;
    std::vector<Value> values;
    for (const auto& [name, value] : p->keywords) {
        if (!find_keyword(call_args, name)) {
            names.push_back(name);
            values.push_back(value);
        }
    }
    for (std::size_t i = 0; i < call_args.keyword_names.size(); ++i) {
        names.push_back(call_args.keyword_names[i]);
        values.push_back(call_args.keyword_values[i]);
    }
    CallArgs all;
    all.positional = positional;
    all.keyword_names = names;
    all.keyword_values = values;
    return call(rt, p->function, all);
}

std::string partial_repr(Runtime& rt, const Value& self) {
    auto* p = self.as<PartialObject>();
    std::string out = "functools.partial(" + repr(rt, p->function);
    for (const Value& a : p->args) {
        out += ", " + repr(rt, a);
    }
    for (const auto& [name, value] : p->keywords) {
        out += ", " + name + "=" + repr(rt, value);
    }
    return out + ")";
}

void copy_wrapper_attributes(Runtime& rt, const Value& wrapper, const Value& wrapped) {
    for (const char* name : {"__module__", "__name__", "__qualname__", "__doc__"}) {
        Value v;
        if (lookup_attr(rt, wrapped, name, v)) {
            try {
                set_attr(rt, wrapper, name, v);
            } catch (const ScriptError&) {
                // Objects whose attributes cannot be set keep their own.
            }
        }
    }
    try {
        set_attr(rt, wrapper, "__wrapped__", wrapped);
    } catch (const ScriptError&) {
    }
}

}  // namespace

void register_functools_module(Runtime& rt) {
    rt.register_native_module("functools", [](Runtime& r) {
        Ref<ModuleObject> module = make_module(r, "functools");
        Ref<TypeObject> partial_type =
            TypeBuilder(r, "partial", "functools")
                .property(
                    "func",
                    [](Runtime&, const Value& self) { return self.as<PartialObject>()->function; })
                .property("args",
                          [](Runtime& rr, const Value& self) {
                              return make_tuple(rr, self.as<PartialObject>()->args);
                          })
                .property("keywords",
                          [](Runtime& rr, const Value& self) {
                              Value d = make_dict(rr);
                              for (const auto& [name, value] : self.as<PartialObject>()->keywords) {
                                  dict_of(d).set(rr, make_str(rr, name), value);
                              }
                              return d;
                          })
                .build();
        partial_type->slots.call = partial_call;
        partial_type->slots.repr = partial_repr;
        partial_type->slots.construct = [](Runtime& rr, TypeObject& type, const CallArgs& args) {
            if (args.size() == 0) {
                raise_error(rr, rr.types().TypeError, "type 'partial' takes at least one argument");
            }
            if (!is_callable(rr, args[0])) {
                raise_error(rr, rr.types().TypeError, "the first argument must be callable");
            }
            std::vector<std::pair<std::string, Value>> keywords;
            for (std::size_t i = 0; i < args.keyword_names.size(); ++i) {
                keywords.emplace_back(std::string(args.keyword_names[i]), args.keyword_values[i]);
            }
            return Value(Ref<PartialObject>::make(
                rr, &type, args[0],
                std::vector<Value>(args.positional.begin() + 1, args.positional.end()),
                std::move(keywords)));
        };
        module->dict.set("partial", type_value(*partial_type));
        module->dict.set("reduce",
                         make_native_function(r, "reduce", [](Runtime& rr, const CallArgs& args) {
                             reject_keywords(rr, args, "reduce");
                             expect_between(rr, args, "reduce", 2, 3);
                             Value it = get_iter(rr, args[1]);
                             Value accumulator;
                             if (args.size() == 3) {
                                 accumulator = args[2];
                             } else if (!iter_next(rr, it, accumulator)) {
                                 raise_error(rr, rr.types().TypeError,
                                             "reduce() of empty iterable with no initial value");
                             }
                             Value item;
                             while (iter_next(rr, it, item)) {
                                 accumulator = call(rr, args[0], {accumulator, item});
                             }
                             return accumulator;
                         }));
        module->dict.set(
            "update_wrapper",
            make_native_function(r, "update_wrapper", [](Runtime& rr, const CallArgs& args) {
                expect_exactly(rr, args, "update_wrapper", 2);
                copy_wrapper_attributes(rr, args[0], args[1]);
                return args[0];
            }));
        module->dict.set("wraps",
                         make_native_function(r, "wraps", [](Runtime& rr, const CallArgs& args) {
                             expect_exactly(rr, args, "wraps", 1);
                             Value wrapped = args[0];
                             return make_native_function(
                                 rr, "decorator", [wrapped](Runtime& r3, const CallArgs& inner) {
                                     expect_exactly(r3, inner, "decorator", 1);
                                     copy_wrapper_attributes(r3, inner[0], wrapped);
                                     return inner[0];
                                 });
                         }));
        return Value(module);
    });
}

}  // namespace loopscope::script
