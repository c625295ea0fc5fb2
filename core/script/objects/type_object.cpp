#include "core/script/objects/type_object.h"

#include <algorithm>
#include <atomic>

#include "core/script/objects/errors.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"

namespace loopscope::script {

namespace {

std::uint64_t next_serial() {
    static std::atomic<std::uint64_t> serials{0};
    return serials.fetch_add(1, std::memory_order_relaxed) + 1;
}

}  // namespace

TypeObject::TypeObject(Runtime& rt, TypeObject* metatype, std::string name_, std::string module_)
    : TrackedObject(rt, metatype),
      name(name_),
      qualname(std::move(name_)),
      module(std::move(module_)),
      serial(next_serial()) {
    mro.push_back(this);
}

const Value* TypeObject::lookup(std::string_view attribute) const {
    for (const TypeObject* t : mro) {
        if (const Value* v = t->dict.find_slot(attribute)) {
            return v;
        }
    }
    return nullptr;
}

bool TypeObject::is_subtype_of(const TypeObject& other) const {
    if (this == &other) {
        return true;
    }
    for (const TypeObject* t : mro) {
        if (t == &other) {
            return true;
        }
    }
    return false;
}

void TypeObject::clear_references() {
    construct_cache = ConstructCache{};
    dict.clear();
    mro.clear();
    bases.clear();
}

void compute_mro(Runtime& rt, TypeObject& type) {
    // C3: merge the bases' MROs and the list of bases, always taking the first head that is in
    // no other list's tail.
    std::vector<std::vector<TypeObject*>> sequences;
    for (const Ref<TypeObject>& base : type.bases) {
        sequences.push_back(base->mro);
    }
    std::vector<TypeObject*> base_list;
    for (const Ref<TypeObject>& base : type.bases) {
        base_list.push_back(base.get());
    }
    sequences.push_back(base_list);
    std::vector<TypeObject*> result{&type};
    while (true) {
        bool any = false;
        for (const auto& s : sequences) {
            any = any || !s.empty();
        }
        if (!any) {
            break;
        }
        TypeObject* chosen = nullptr;
        for (const auto& s : sequences) {
            if (s.empty()) {
                continue;
            }
            TypeObject* head = s.front();
            bool in_tail = false;
            for (const auto& other : sequences) {
                if (std::find(other.begin() + (other.empty() ? 0 : 1), other.end(), head) !=
                    other.end()) {
                    in_tail = true;
                    break;
                }
            }
            if (!in_tail) {
                chosen = head;
                break;
            }
        }
        if (!chosen) {
            std::string names;
            for (const Ref<TypeObject>& base : type.bases) {
                names += (names.empty() ? "" : ", ") + base->name;
            }
            raise_error(
                rt, rt.types().TypeError,
                "Cannot create a consistent method resolution order (MRO) for bases " + names);
        }
        result.push_back(chosen);
        for (auto& s : sequences) {
            if (!s.empty() && s.front() == chosen) {
                s.erase(s.begin());
            }
        }
    }
    type.mro = std::move(result);
}

InstanceObject::InstanceObject(Runtime& rt, Ref<TypeObject> cls_)
    : TrackedObject(rt, cls_.get()), cls(std::move(cls_)) {}

void InstanceObject::clear_references() {
    dict.clear();
}

Ref<TypeObject> make_native_type(Runtime& rt, std::string name, TypeObject* base,
                                 std::string module) {
    TypeObject* parent = base ? base : rt.types().object.get();
    auto type =
        Ref<TypeObject>::make(rt, rt.types().type.get(), std::move(name), std::move(module));
    type->bases.push_back(Ref<TypeObject>(parent));
    compute_mro(rt, *type);
    type->slots = parent->slots;
    type->slots.construct = nullptr;  // a native type makes its own instances
    type->is_exception = parent->is_exception;
    type->has_instance_dict = parent->has_instance_dict;
    rt.keep_type(type);
    return type;
}

BoundMethodObject::BoundMethodObject(Runtime& rt, Value function_, Value self_)
    : TrackedObject(rt, rt.types().method.get()),
      function(std::move(function_)),
      self(std::move(self_)) {}

void BoundMethodObject::clear_references() {
    function = Value();
    self = Value();
}

Value make_bound_method(Runtime& rt, Value function, Value self) {
    return Value(Ref<BoundMethodObject>::make(rt, std::move(function), std::move(self)));
}

PropertyObject::PropertyObject(Runtime& rt) : TrackedObject(rt, rt.types().property.get()) {}

void PropertyObject::clear_references() {
    getter = setter = deleter = doc = Value();
}

MethodWrapperObject::MethodWrapperObject(Runtime& rt, TypeObject* wrapper_type, Value callable_)
    : TrackedObject(rt, wrapper_type), callable(std::move(callable_)) {}

void MethodWrapperObject::clear_references() {
    callable = Value();
}

SuperObject::SuperObject(Runtime& rt, Ref<TypeObject> start_, Value instance_)
    : TrackedObject(rt, rt.types().super.get()),
      start(std::move(start_)),
      instance(std::move(instance_)) {}

void SuperObject::clear_references() {
    instance = Value();
}

Value make_super(Runtime& rt, TypeObject& type, const Value& instance) {
    TypeObject* instance_type = as_type(rt, instance);
    if (!(instance_type && instance_type->is_subtype_of(type)) &&
        !is_instance(rt, instance, type)) {
        raise_error(rt, rt.types().TypeError,
                    "super(type, obj): obj must be an instance or subtype of type");
    }
    return Value(Ref<SuperObject>::make(rt, Ref<TypeObject>(&type), instance));
}

}  // namespace loopscope::script
