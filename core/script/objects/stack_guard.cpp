#include "script/objects/stack_guard.h"

#include <pthread.h>

#include <cstdint>
#include <limits>

#include "script/objects/errors.h"
#include "script/objects/runtime.h"

namespace loopscope::script {

namespace {

// The lowest address of this thread's stack, asked once per thread (0 when unknown).
std::uintptr_t stack_low_end() {
    thread_local const std::uintptr_t low = [] {
        pthread_attr_t attributes;
        if (pthread_getattr_np(pthread_self(), &attributes) != 0) {
            return std::uintptr_t{0};
        }
        void* address = nullptr;
        std::size_t size = 0;
        const int status = pthread_attr_getstack(&attributes, &address, &size);
        pthread_attr_destroy(&attributes);
        return status == 0 ? reinterpret_cast<std::uintptr_t>(address) : std::uintptr_t{0};
    }();
    return low;
}

}  // namespace

std::size_t free_native_stack_bytes() {
    const std::uintptr_t low = stack_low_end();
    char marker = 0;
    const auto here = reinterpret_cast<std::uintptr_t>(&marker);
    if (low == 0 || here <= low) {
        return std::numeric_limits<std::size_t>::max();
    }
    return here - low;
}

void check_native_stack(Runtime& rt, const char* message) {
    if (free_native_stack_bytes() < kNativeStackReserve) {
        raise_error(rt, rt.types().RecursionError, message);
    }
}

}  // namespace loopscope::script
