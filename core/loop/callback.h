#pragma once

#include <functional>

namespace loopscope {

// What the loop runs. Lambdas capturing up to two pointers are stored inline.
using Callback = std::function<void()>;

// A callback as a function and its argument, 16 bytes: what the scheduler schedules for a
// task's steps (the argument is the task). The loop keeps it in the handle's own
// slot, where a Callback goes to a pool beside the slots (HandleTable).
struct PlainCallback {
    void (*function)(void*);
    void* argument;
};

}  // namespace loopscope
