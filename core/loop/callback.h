#pragma once

#include <functional>

namespace loopscope {

// What the loop runs. Lambdas capturing up to two pointers are stored inline.
using Callback = std::function<void()>;

}  // namespace loopscope
