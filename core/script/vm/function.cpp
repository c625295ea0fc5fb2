#include "script/vm/function.h"

#include <cstdio>

#include "script/objects/errors.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"
#include "script/vm/vm.h"

namespace loopscope::script::vm {

namespace {

Value function_get(Runtime& rt, const Value& self, const Value& instance, TypeObject&) {
    if (instance.is_none())
        return self;
    return make_bound_method(rt, self, instance);
}

std::string address_of(const void* p) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%p", p);
    return buffer;
}

std::string function_repr(Runtime&, const Value& self) {
    auto* f = self.as<FunctionObject>();
    return "<function " + f->qualname + " at " + address_of(f) + ">";
}

bool function_getattr(Runtime& rt, const Value& self, std::string_view name, Value& out) {
    auto* f = self.as<FunctionObject>();
    if (f->dict.get(name, out))
        return true;
    if (name == "__name__") {
        out = make_str(rt, f->name);
        return true;
    }
    if (name == "__qualname__") {
        out = make_str(rt, f->qualname);
        return true;
    }
    if (name == "__module__") {
        if (!f->module->dict.get("__name__", out))
            out = Value();
        return true;
    }
    if (name == "__doc__") {
        out = f->code->docstring ? make_str(rt, *f->code->docstring) : Value();
        return true;
    }
    if (name == "__defaults__") {
        out = f->defaults.empty() ? Value() : make_tuple(rt, f->defaults);
        return true;
    }
    if (name == "__dict__") {
        return false;
    }
    if (const Value* d = self.as_object()->type->lookup(name)) {
        Value descr = *d;
        TypeObject& dt = type_of(rt, descr);
        out = dt.slots.get ? dt.slots.get(rt, descr, self, *self.as_object()->type) : descr;
        return true;
    }
    return false;
}

void function_setattr(Runtime& rt, const Value& self, std::string_view name, const Value& value) {
    auto* f = self.as<FunctionObject>();
    if (name == "__name__") {
        f->name = std::string(expect_str(rt, value, "__name__"));
        return;
    }
    if (name == "__qualname__") {
        f->qualname = std::string(expect_str(rt, value, "__qualname__"));
        return;
    }
    f->dict.set(name, value);
}

std::string cell_repr(Runtime& rt, const Value& self) {
    auto* c = self.as<CellObject>();
    if (is_unbound(c->contents))
        return "<cell at " + address_of(c) + ": empty>";
    return "<cell at " + address_of(c) + ": " + std::string(type_name(rt, c->contents)) +
           " object at " + address_of(c->contents.is_object() ? c->contents.as_object() : c) + ">";
}

}  // namespace

CellObject::CellObject(Runtime& rt, Value contents_)
    : TrackedObject(rt, vm_state(rt).cell_type.get()), contents(std::move(contents_)) {}

void CellObject::clear_references() {
    contents = Value();
}

FunctionObject::FunctionObject(Runtime& rt, std::shared_ptr<CodeObject> code_,
                               Ref<ModuleObject> module_)
    : TrackedObject(rt, vm_state(rt).function_type.get()),
      code(std::move(code_)),
      module(std::move(module_)) {
    name = code->name;
    qualname = code->qualname;
}

void FunctionObject::clear_references() {
    module = nullptr;
    defaults.clear();
    kw_defaults.clear();
    closure.clear();
    dict.clear();
}

Value function_call_slot(Runtime& rt, const Value& self, const CallArgs& args) {
    return call_function(rt, *self.as<FunctionObject>(), args);
}

void install_function_types(VmState& vm) {
    vm.function_type = make_native_type(vm.rt, "function", nullptr);
    TypeSlots& s = vm.function_type->slots;
    s.call = &function_call_slot;
    s.get = &function_get;
    s.repr = &function_repr;
    s.getattr = &function_getattr;
    s.setattr = &function_setattr;
    s.binds_as_method = true;
    vm.cell_type = make_native_type(vm.rt, "cell", nullptr);
    vm.cell_type->slots.repr = &cell_repr;
}

}  // namespace loopscope::script::vm
