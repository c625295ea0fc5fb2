#pragma once

namespace loopscope::script {

class Runtime;

// The Runtime's constructor builds the builtin world in this order; each function fills the
// slots and the methods of its types (created beforehand, so they can refer to each other) or
// adds functions to rt.builtins(). Internal to objects/.
void install_object_and_type(Runtime& rt);
void install_none_and_singletons(Runtime& rt);
void install_numbers(Runtime& rt);  // bool, int, float
void install_str(Runtime& rt);
void install_str_methods(Runtime& rt);
void install_tuple(Runtime& rt);
void install_list(Runtime& rt);
void install_dict(Runtime& rt);
void install_set(Runtime& rt);
void install_range_and_slice(Runtime& rt);
void install_descriptors(Runtime& rt);       // method, property, staticmethod, classmethod, super
void install_native_functions(Runtime& rt);  // builtin_function_or_method
void install_module_type(Runtime& rt);
void install_exceptions(Runtime& rt);
void install_iterators(Runtime& rt);   // enumerate, zip, map, filter, reversed
void install_io(Runtime& rt);          // stdout / stderr objects
void install_union_type(Runtime& rt);  // int | None
void install_builtin_functions(Runtime& rt);
void install_slot_wrappers(Runtime& rt);  // last: dunder methods for the slots

}  // namespace loopscope::script
