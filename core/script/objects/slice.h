#pragma once

#include <cstdint>

#include "core/script/objects/object.h"
#include "core/script/objects/tracked_object.h"

namespace loopscope::script {

struct SliceObject : TrackedObject {
    SliceObject(Runtime& rt, Value start_, Value stop_, Value step_);
    Value start, stop, step;  // None when omitted
    void clear_references() override;
};
Value make_slice(Runtime& rt, Value start, Value stop, Value step);
bool is_slice(Runtime& rt, const Value& v);

// A slice resolved against a sequence length (CPython's PySlice_Unpack + AdjustIndices).
struct SliceBounds {
    std::int64_t start, stop, step, length;
};
SliceBounds resolve_slice(Runtime& rt, const SliceObject& slice, std::int64_t length);
// The index for seq[i]: negative counts from the end; IndexError "<what> index out of range".
std::int64_t resolve_index(Runtime& rt, const Value& index, std::int64_t length, const char* what);

}  // namespace loopscope::script
