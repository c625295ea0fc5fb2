#include "core/script/objects/tracked_object.h"

#include "core/script/objects/runtime.h"

namespace loopscope::script {

TrackedObject::TrackedObject(Runtime& rt, TypeObject* object_type) : Object(object_type) {
    TrackedLinks& head = rt.tracked_objects();
    tracked_prev = &head;
    tracked_next = head.tracked_next;
    head.tracked_next->tracked_prev = this;
    head.tracked_next = this;
}

TrackedObject::~TrackedObject() {
    tracked_prev->tracked_next = tracked_next;
    tracked_next->tracked_prev = tracked_prev;
}

}  // namespace loopscope::script
