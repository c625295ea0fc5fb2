#pragma once

#include <cstddef>

// The fuzzed script's memory limit. This library replaces the global operator new and delete
// with ones that count the bytes live and, while a cap is set, throw std::bad_alloc for an
// allocation that would exceed it: the interpreter then sees what an out-of-memory process
// sees. loopscope-run caps the address space instead (--max-memory), which AddressSanitizer's
// shadow memory rules out, and the sanitizer's own allocator aborts rather than throw. The VM's
// stop flag cannot serve either: one instruction can double a string, and the VM looks at the
// flag every few thousand instructions.
namespace loopscope::fuzz {

// Sets the cap to the bytes live now plus `bytes` until destroyed.
class AllocationCap {
public:
    explicit AllocationCap(std::size_t bytes);
    ~AllocationCap();
    AllocationCap(const AllocationCap&) = delete;
    AllocationCap& operator=(const AllocationCap&) = delete;
};

// Bytes allocated through operator new and not yet deleted.
std::size_t live_allocated_bytes();

}  // namespace loopscope::fuzz
