#pragma once

#include <cstdint>

#include "core/script/objects/object.h"

namespace loopscope::script {

// Where `obj.name(...)` last found its method, for one name of a code object: the slot in the
// dict of a class on the MRO. It holds for instances of the class with `type_serial` while no
// dict on its MRO gained or lost a name (TypeObject::mro_version); the slot's value may have
// been replaced meanwhile, so it is read, not copied. Saves hashing and comparing the name on
// every call of a method in a loop.
struct MethodCache {
    std::uint64_t type_serial = 0;  // 0: empty (serials start at 1)
    std::uint64_t mro_version = 0;
    const Value* slot = nullptr;
};

}  // namespace loopscope::script
