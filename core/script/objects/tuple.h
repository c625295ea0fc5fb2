#pragma once

#include <vector>

#include "core/script/objects/object.h"
#include "core/script/objects/tracked_object.h"

namespace loopscope::script {

struct TupleObject : TrackedObject {
    TupleObject(Runtime& rt, std::vector<Value> items_);
    std::vector<Value> items;  // never changed after construction (except teardown)
    void clear_references() override;
};

Value make_tuple(Runtime& rt, std::vector<Value> items);
Value make_tuple(Runtime& rt, std::initializer_list<Value> items);
bool is_tuple(Runtime& rt, const Value& v);  // tuple or a subclass (namedtuple)
inline const std::vector<Value>& tuple_items(const Value& v) {
    return v.as<TupleObject>()->items;
}

}  // namespace loopscope::script
