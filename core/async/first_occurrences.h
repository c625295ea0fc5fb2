#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace loopscope {

// The positions, in order, of the first occurrence of each distinct non-null pointer among
// `keys(0) .. keys(count - 1)`: how gather counts a future passed twice as one child.
//
// An open-addressing set of pointers, at most half full, in one allocation: gather sets up
// 100,000 children at a time, and a node-based set cost a tenth of that workload.
template <class KeyAt>
std::vector<std::size_t> first_occurrences(std::size_t count, KeyAt key_at) {
    std::vector<std::size_t> firsts;
    firsts.reserve(count);
    const std::size_t capacity = std::bit_ceil(2 * count + 2);
    const int shift = 64 - std::countr_zero(capacity);
    const std::size_t mask = capacity - 1;
    std::vector<const void*> slots(capacity, nullptr);
    for (std::size_t i = 0; i < count; ++i) {
        const void* key = key_at(i);
        // Fibonacci hashing: the multiply spreads the pointer's bits, the top ones index.
        const std::uint64_t mixed =
            static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(key)) *
            0x9E37'79B9'7F4A'7C15ULL;
        std::size_t slot = static_cast<std::size_t>(mixed >> shift) & mask;
        while (slots[slot] != nullptr && slots[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (slots[slot] == nullptr) {
            slots[slot] = key;
            firsts.push_back(i);
        }
    }
    return firsts;
}

}  // namespace loopscope
