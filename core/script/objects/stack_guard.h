#pragma once

#include <cstddef>

namespace loopscope::script {

class Runtime;

// The C stack under the interpreter's native recursion. Python-to-Python calls use the VM's own
// frames, but a native function calling back into Python (repr() of an object whose __repr__
// calls repr(), a list nested 100,000 deep) nests C++ frames, and sys.setrecursionlimit(10**6)
// lets that go until the thread's stack overflows. CPython 3.12 has a separate C recursion
// limit for this; we measure the stack itself, so the guard fits any thread and build (an
// AddressSanitizer frame is several times larger).

// Bytes of this thread's stack still free below the caller (the stack grows down).
std::size_t free_native_stack_bytes();

// Raises RecursionError(message) when less than kNativeStackReserve bytes are left.
void check_native_stack(Runtime& rt, const char* message = "maximum recursion depth exceeded");

// Enough for raising the error and unwinding through handlers that format it.
inline constexpr std::size_t kNativeStackReserve = std::size_t{512} << 10;

}  // namespace loopscope::script
