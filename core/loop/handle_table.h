#pragma once

#include <cstdint>
#include <vector>

#include "loop/callback.h"
#include "loop/time.h"
#include "trace/event.h"

namespace loopscope {

// A scheduled callback: CPython's Handle / TimerHandle state.
struct HandleSlot {
    Callback callback;
    Nanos when = 0;                // deadline, for timers
    std::uint32_t generation = 0;  // bumped on release, so stale Handles cannot touch a reused slot
    std::uint32_t id = 0;          // unique per loop, for the trace
    trace::Label label = 0;
    bool cancelled = false;
    bool timer = false;
    bool in_heap = false;  // CPython's TimerHandle._scheduled
};

// Pooled storage for scheduled callbacks: a slot is reused after its callback ran or was
// dropped, so scheduling allocates nothing in steady state.
class HandleTable {
public:
    std::uint32_t allocate() {
        if (free_.empty()) {
            slots_.emplace_back();
            return static_cast<std::uint32_t>(slots_.size() - 1);
        }
        const std::uint32_t index = free_.back();
        free_.pop_back();
        return index;
    }

    void release(std::uint32_t index) {
        HandleSlot& slot = slots_[index];
        slot.callback = nullptr;
        slot.cancelled = false;
        slot.timer = false;
        slot.in_heap = false;
        ++slot.generation;
        free_.push_back(index);
    }

    HandleSlot& operator[](std::uint32_t index) { return slots_[index]; }
    const HandleSlot& operator[](std::uint32_t index) const { return slots_[index]; }

    bool is_live(std::uint32_t index, std::uint32_t generation) const {
        return index < slots_.size() && slots_[index].generation == generation;
    }

    void clear() {
        for (std::uint32_t i = 0; i < slots_.size(); ++i) {
            if (slots_[i].callback) {
                release(i);
            }
        }
    }

private:
    std::vector<HandleSlot> slots_;
    std::vector<std::uint32_t> free_;
};

}  // namespace loopscope
