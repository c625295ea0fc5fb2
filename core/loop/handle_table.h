#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "loop/callback.h"
#include "loop/time.h"
#include "trace/event.h"

namespace loopscope {

// A scheduled callback: CPython's Handle / TimerHandle state.
struct HandleSlot {
    Callback callback;             // (a timer's deadline lives in its heap entry and its Handle)
    std::uint32_t generation = 0;  // bumped on release, so stale Handles cannot touch a reused slot
    std::uint32_t id = 0;          // unique per loop, for the trace
    trace::Label label = 0;
    bool cancelled = false;
    bool timer = false;
    bool in_heap = false;  // CPython's TimerHandle._scheduled
};

// Pooled storage for scheduled callbacks: a slot is reused after its callback ran or was
// dropped, so scheduling allocates nothing in steady state. The slots live in fixed blocks
// rather than one vector: a vector doubling leaves up to half its slots spare (a third on
// average, ~18 bytes per suspended sleeping task), a block at most one block's worth, and
// a slot never moves once made.
class HandleTable {
public:
    std::uint32_t allocate() {
        if (free_.empty()) {
            if (size_ % kBlockSlots == 0) {
                blocks_.push_back(std::make_unique<HandleSlot[]>(kBlockSlots));
            }
            return size_++;
        }
        const std::uint32_t index = free_.back();
        free_.pop_back();
        return index;
    }

    void release(std::uint32_t index) {
        HandleSlot& slot = (*this)[index];
        slot.callback = nullptr;
        slot.cancelled = false;
        slot.timer = false;
        slot.in_heap = false;
        ++slot.generation;
        free_.push_back(index);
    }

    HandleSlot& operator[](std::uint32_t index) {
        return blocks_[index / kBlockSlots][index % kBlockSlots];
    }
    const HandleSlot& operator[](std::uint32_t index) const {
        return blocks_[index / kBlockSlots][index % kBlockSlots];
    }

    bool is_live(std::uint32_t index, std::uint32_t generation) const {
        return index < size_ && (*this)[index].generation == generation;
    }

    void clear() {
        for (std::uint32_t i = 0; i < size_; ++i) {
            if ((*this)[i].callback) {
                release(i);
            }
        }
    }

private:
    static constexpr std::uint32_t kBlockSlots = 1024;  // 56 KiB a block

    std::vector<std::unique_ptr<HandleSlot[]>> blocks_;
    std::uint32_t size_ = 0;  // slots made so far, free or not
    std::vector<std::uint32_t> free_;
};

}  // namespace loopscope
