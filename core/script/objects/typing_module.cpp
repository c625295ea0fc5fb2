#include "core/script/objects/errors.h"
#include "core/script/objects/module.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/stdlib_modules.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"

// `typing`: annotations evaluate these names (List[int], Optional[str] ...); they carry no
// checks, so each is an object that subscripts to itself.

namespace loopscope::script {

namespace {

struct SpecialForm : Object {
    SpecialForm(TypeObject* form_type, std::string text_)
        : Object(form_type), text(std::move(text_)) {}
    std::string text;  // the repr: "typing.List", "~T"
};

}  // namespace

void register_typing_module(Runtime& rt) {
    rt.register_native_module("typing", [](Runtime& r) {
        Ref<TypeObject> form_type = TypeBuilder(r, "_SpecialForm", "typing").build();
        form_type->slots.repr = [](Runtime&, const Value& self) {
            return self.as<SpecialForm>()->text;
        };
        form_type->slots.getitem = [](Runtime&, const Value& self, const Value&) { return self; };
        form_type->slots.call = [](Runtime& rr, const Value& self, const CallArgs&) -> Value {
            raise_error(rr, rr.types().TypeError,
                        "Cannot instantiate " + self.as<SpecialForm>()->text);
        };
        form_type->slots.number[static_cast<int>(NumberOp::Or)] = [](Runtime&, const Value& a,
                                                                     const Value&) { return a; };
        TypeObject* form = form_type.get();
        Ref<ModuleObject> module = make_module(r, "typing");
        for (const char* name :
             {"Any",           "Optional",       "Union",     "List",        "Dict",
              "Set",           "FrozenSet",      "Tuple",     "Type",        "Callable",
              "Awaitable",     "Coroutine",      "Iterable",  "Iterator",    "AsyncIterable",
              "AsyncIterator", "AsyncGenerator", "Generator", "Sequence",    "MutableSequence",
              "Mapping",       "MutableMapping", "Deque",     "DefaultDict", "Final",
              "ClassVar",      "Literal",        "NoReturn",  "Never",       "Self",
              "Annotated"}) {
            module->dict.set(name,
                             Value(Ref<SpecialForm>::make(form, std::string("typing.") + name)));
        }
        module->dict.set("TYPE_CHECKING", Value::boolean(false));
        module->dict.set(
            "TypeVar",
            make_native_function(r, "TypeVar", [form](Runtime& rr, const CallArgs& args) {
                if (args.size() < 1 || !is_str(rr, args[0])) {
                    raise_error(rr, rr.types().TypeError,
                                "TypeVar() missing required argument 'name'");
                }
                return Value(Ref<SpecialForm>::make(form, "~" + std::string(str_view(args[0]))));
            }));
        module->dict.set("cast",
                         make_native_function(r, "cast", [](Runtime& rr, const CallArgs& args) {
                             expect_exactly(rr, args, "cast", 2);
                             return args[1];
                         }));
        module->dict.set("overload",
                         make_native_function(r, "overload", [](Runtime& rr, const CallArgs& args) {
                             expect_exactly(rr, args, "overload", 1);
                             return args[0];
                         }));
        // Generic[T] and Protocol are used as bases: an empty class whose subscript is itself.
        Ref<TypeObject> generic = make_class(r, "Generic", {}, [&] {
            Attributes ns;
            ns.set("__module__", make_str(r, "typing"));
            return ns;
        }());
        generic->slots.getitem = nullptr;
        generic->dict.set(
            "__class_getitem__",
            Value(Ref<MethodWrapperObject>::make(
                r, r.types().classmethod.get(),
                make_native_function(r, "__class_getitem__",
                                     [](Runtime&, const CallArgs& args) { return args[0]; }))));
        module->dict.set("Generic", type_value(*generic));
        module->dict.set("Protocol", type_value(*generic));
        return Value(module);
    });
}

}  // namespace loopscope::script
