#pragma once

#include <cstdint>

#include "core/script/objects/object.h"

namespace loopscope::script {

struct RangeObject : Object {
    RangeObject(TypeObject* range_type, std::int64_t start_, std::int64_t stop_,
                std::int64_t step_);
    const std::int64_t start, stop, step;
    std::int64_t length() const;
};
Value make_range(Runtime& rt, std::int64_t start, std::int64_t stop, std::int64_t step = 1);

// The iterator the VM's `for i in range(...)` can fast-path: `next` until `remaining` is 0.
struct RangeIteratorObject : Object {
    RangeIteratorObject(TypeObject* iterator_type, std::int64_t next_, std::int64_t step_,
                        std::int64_t remaining_);
    std::int64_t next, step, remaining;
};

}  // namespace loopscope::script
