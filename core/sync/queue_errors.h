#pragma once

#include <exception>

namespace loopscope {

// asyncio.QueueEmpty / asyncio.QueueFull, raised by get_nowait() and put_nowait(). CPython
// raises them without arguments, so their text (str(), what()) is empty.
class QueueEmpty : public std::exception {
public:
    const char* what() const noexcept override { return ""; }
};

class QueueFull : public std::exception {
public:
    const char* what() const noexcept override { return ""; }
};

}  // namespace loopscope
