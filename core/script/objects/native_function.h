#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/script/objects/object.h"
#include "core/script/objects/tracked_object.h"
#include "core/script/objects/type_object.h"

namespace loopscope::script {

// A function written in C++: builtins, module functions, methods of native types. Methods get
// `self` as positional[0].
using NativeFunction = std::function<Value(Runtime&, const CallArgs&)>;

struct NativeFunctionObject : TrackedObject {
    NativeFunctionObject(Runtime& rt, TypeObject* function_type, std::string name_,
                         NativeFunction function_);
    std::string name;   // "print", "append"
    std::string owner;  // "list" for methods: repr <method 'append' of 'list' objects>
    NativeFunction function;
    void clear_references() override;
};

// A builtin function (`builtin_function_or_method`): never binds.
Value make_native_function(Runtime& rt, std::string name, NativeFunction function);
// A method for a class dict (`method_descriptor`): reading it through an instance binds the
// instance as positional[0]. `owner` is the class name for reprs.
Value make_native_method(Runtime& rt, std::string owner, std::string name, NativeFunction function);

// Adds to an existing type's dict (used for builtin types and by TypeBuilder): a method taking
// self as positional[0]; a class method taking the class; a static function; a property.
void define_method(Runtime& rt, TypeObject& type, std::string name, NativeFunction function);
void define_class_method(Runtime& rt, TypeObject& type, std::string name, NativeFunction function);
void define_static_method(Runtime& rt, TypeObject& type, std::string name, NativeFunction function);
void define_property(
    Runtime& rt, TypeObject& type, std::string name,
    std::function<Value(Runtime&, const Value& self)> getter,
    std::function<void(Runtime&, const Value& self, const Value& value)> setter = nullptr);

// --- argument checking with CPython's messages ---------------------------------------------

// "len() takes no keyword arguments"
void reject_keywords(Runtime& rt, const CallArgs& args, std::string_view function);
// Positional count checks. `function` is the name as CPython prints it ("len", "list.append").
// exactly(1): "len() takes exactly one argument (2 given)"
void expect_exactly(Runtime& rt, const CallArgs& args, std::string_view function,
                    std::size_t count);
// "pop expected at most 1 argument, got 2" / "expected at least 1 argument, got 0"
void expect_between(Runtime& rt, const CallArgs& args, std::string_view function, std::size_t min,
                    std::size_t max);

// A signature parsed like CPython's Argument Clinic does for builtins and Python functions:
// names in order; the first `positional_only` can't be passed by keyword; the ones from
// `keyword_only_from` can't be passed positionally. Missing optional arguments stay nullopt.
struct Signature {
    std::string_view function;  // name used in messages: "sorted"
    std::vector<std::string_view> names;
    std::size_t required = 0;                  // the first `required` names are required
    std::size_t positional_only = 0;           // count of positional-only names
    std::size_t keyword_only_from = SIZE_MAX;  // index of the first keyword-only name
};
// Messages: "f() missing 1 required positional argument: 'x'", "f() takes 2 positional
// arguments but 3 were given", "f() got an unexpected keyword argument 'z'", "f() got multiple
// values for argument 'a'".
std::vector<std::optional<Value>> parse_arguments(Runtime& rt, const CallArgs& args,
                                                  const Signature& signature);
// The keyword argument `name`, or null.
const Value* find_keyword(const CallArgs& args, std::string_view name);

// --- native classes ----------------------------------------------------------------------

// Builds a native class (asyncio's Task, Future, Lock, Queue ...):
//   auto type = TypeBuilder(rt, "Lock", "asyncio.locks")
//       .method("locked", [](Runtime& rt, const CallArgs& a) { ... a[0] is self ... })
//       .property("name", getter, setter)
//       .build();
// and sets C++ behaviour through slots() (repr, construct, host_awaitable ...). Instances are
// any C++ struct deriving from Object (or TrackedObject) whose `type` is the built type.
class TypeBuilder {
public:
    TypeBuilder(Runtime& rt, std::string name, std::string module = "builtins");
    TypeBuilder& base(TypeObject& base_type);
    // self is positional[0].
    TypeBuilder& method(std::string name, NativeFunction function);
    // Called on the class: positional[0] is the class (classmethod).
    TypeBuilder& class_method(std::string name, NativeFunction function);
    TypeBuilder& static_method(std::string name, NativeFunction function);
    using Getter = std::function<Value(Runtime&, const Value& self)>;
    using Setter = std::function<void(Runtime&, const Value& self, const Value& value)>;
    TypeBuilder& property(std::string name, Getter getter, Setter setter = nullptr);
    TypeBuilder& attribute(std::string name, Value value);  // a class attribute
    TypeSlots& slots();
    // Instances carry an attribute dict (they derive from InstanceObject).
    TypeBuilder& instance_dict();
    Ref<TypeObject> build();

private:
    Runtime& rt_;
    Ref<TypeObject> type_;
};

}  // namespace loopscope::script
