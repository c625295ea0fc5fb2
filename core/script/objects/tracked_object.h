#pragma once

#include "core/script/objects/attributes.h"
#include "core/script/objects/object.h"

namespace loopscope::script {

// Links of the Runtime's list of container objects (see TrackedObject).
struct TrackedLinks {
    TrackedLinks* tracked_prev = nullptr;
    TrackedLinks* tracked_next = nullptr;
};

// An object that can hold references to other objects (list, dict, instance, class, function,
// cell ...). Reference counting cannot free cycles, so every container links itself into its
// Runtime's list; the Runtime's destructor pins them all, calls clear_references() on each
// (which breaks every cycle) and then lets the counts drop to zero. During a run cycles are
// kept, as a CPython run without gc.collect() would keep them until exit.
struct TrackedObject : Object, TrackedLinks {
    TrackedObject(Runtime& rt, TypeObject* object_type);
    ~TrackedObject() override;

    // Drops every reference to other objects (sets Values to None, clears vectors). Called once,
    // at Runtime teardown; the object is still destroyed normally afterwards.
    virtual void clear_references() = 0;

    // The instance attribute dict of objects whose type has_instance_dict (instances of user
    // classes, including those of list and dict subclasses); null otherwise.
    virtual Attributes* attributes() { return nullptr; }
};

// The attribute dict of an object whose type has_instance_dict.
inline Attributes& instance_attributes(const Value& v) {
    return *static_cast<TrackedObject*>(v.as_object())->attributes();
}

}  // namespace loopscope::script
