#include "allocation_cap.h"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <new>

namespace loopscope::fuzz {

namespace {

std::atomic<std::size_t> live_bytes{0};
// The most bytes that may be live; the maximum when no cap is set.
std::atomic<std::size_t> cap_bytes{std::numeric_limits<std::size_t>::max()};

void* allocate(std::size_t size, std::size_t alignment) {
    if (size == 0) {
        size = 1;
    }
    const std::size_t cap = cap_bytes.load(std::memory_order_relaxed);
    const std::size_t live = live_bytes.load(std::memory_order_relaxed);
    if (size > cap - std::min(live, cap)) {
        return nullptr;
    }
    void* memory = nullptr;
    if (alignment <= alignof(std::max_align_t)) {
        memory = std::malloc(size);
    } else if (::posix_memalign(&memory, alignment, size) != 0) {
        memory = nullptr;
    }
    if (memory != nullptr) {
        live_bytes.fetch_add(::malloc_usable_size(memory), std::memory_order_relaxed);
    }
    return memory;
}

void* allocate_or_throw(std::size_t size, std::size_t alignment) {
    void* memory = allocate(size, alignment);
    if (memory == nullptr) {
        throw std::bad_alloc();
    }
    return memory;
}

void release(void* memory) noexcept {
    if (memory != nullptr) {
        live_bytes.fetch_sub(::malloc_usable_size(memory), std::memory_order_relaxed);
        std::free(memory);
    }
}

std::size_t alignment_of(std::align_val_t alignment) {
    return static_cast<std::size_t>(alignment);
}

}  // namespace

AllocationCap::AllocationCap(std::size_t bytes) {
    cap_bytes.store(live_bytes.load() + bytes);
}

AllocationCap::~AllocationCap() {
    cap_bytes.store(std::numeric_limits<std::size_t>::max());
}

std::size_t live_allocated_bytes() {
    return live_bytes.load();
}

}  // namespace loopscope::fuzz

// The replaceable allocation functions ([new.delete]); all of them, so that no other definition
// (the sanitizer runtime's) is linked beside these.

namespace fuzz = loopscope::fuzz;

void* operator new(std::size_t size) {
    return fuzz::allocate_or_throw(size, 0);
}
void* operator new[](std::size_t size) {
    return fuzz::allocate_or_throw(size, 0);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return fuzz::allocate(size, 0);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return fuzz::allocate(size, 0);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
    return fuzz::allocate_or_throw(size, fuzz::alignment_of(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
    return fuzz::allocate_or_throw(size, fuzz::alignment_of(alignment));
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return fuzz::allocate(size, fuzz::alignment_of(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return fuzz::allocate(size, fuzz::alignment_of(alignment));
}

void operator delete(void* memory) noexcept {
    fuzz::release(memory);
}
void operator delete[](void* memory) noexcept {
    fuzz::release(memory);
}
void operator delete(void* memory, std::size_t) noexcept {
    fuzz::release(memory);
}
void operator delete[](void* memory, std::size_t) noexcept {
    fuzz::release(memory);
}
void operator delete(void* memory, const std::nothrow_t&) noexcept {
    fuzz::release(memory);
}
void operator delete[](void* memory, const std::nothrow_t&) noexcept {
    fuzz::release(memory);
}
void operator delete(void* memory, std::align_val_t) noexcept {
    fuzz::release(memory);
}
void operator delete[](void* memory, std::align_val_t) noexcept {
    fuzz::release(memory);
}
void operator delete(void* memory, std::size_t, std::align_val_t) noexcept {
    fuzz::release(memory);
}
void operator delete[](void* memory, std::size_t, std::align_val_t) noexcept {
    fuzz::release(memory);
}
void operator delete(void* memory, std::align_val_t, const std::nothrow_t&) noexcept {
    fuzz::release(memory);
}
void operator delete[](void* memory, std::align_val_t, const std::nothrow_t&) noexcept {
    fuzz::release(memory);
}
