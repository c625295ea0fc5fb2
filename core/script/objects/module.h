#pragma once

#include <string>

#include "core/script/objects/attributes.h"
#include "core/script/objects/tracked_object.h"

namespace loopscope::script {

// A module: its globals are `dict` (the VM runs a .py module's code with them as globals).
struct ModuleObject : TrackedObject {
    ModuleObject(Runtime& rt, std::string name_);
    std::string name;
    std::string file;  // empty for native modules: repr <module 'asyncio' (built-in)>
    Attributes dict;
    void clear_references() override;
};

// A new module with __name__ set (and __file__ when file is not empty).
Ref<ModuleObject> make_module(Runtime& rt, std::string name, std::string file = {});
bool is_module(Runtime& rt, const Value& v);

}  // namespace loopscope::script
