#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "loop/callback.h"
#include "loop/time.h"
#include "trace/event.h"

namespace loopscope {

enum class CallbackKind : std::uint8_t { None, Plain, General };

// A scheduled callback: CPython's Handle / TimerHandle state. 32 bytes: a plain callback is
// kept inline, a std::function (32 bytes by itself) in the table's pool, so the slot of a
// task's step costs 32 bytes instead of 48.
struct HandleSlot {
    union {
        PlainCallback plain{};  // kind Plain
        std::uint32_t general;  // kind General: its index in HandleTable's pool
    };
    std::uint32_t generation = 0;  // bumped on release, so stale Handles cannot touch a reused slot
    std::uint32_t id = 0;          // unique per loop, for the trace
    trace::Label label = 0;
    CallbackKind kind = CallbackKind::None;  // None: released, cancelled or taken to run
    bool cancelled = false;
    bool timer = false;
    bool in_heap = false;  // CPython's TimerHandle._scheduled
    // (a timer's deadline lives in its heap entry and its Handle)
};
static_assert(sizeof(HandleSlot) == 32);

// Pooled storage for scheduled callbacks: a slot is reused after its callback ran or was
// dropped, so scheduling allocates nothing in steady state. The slots live in fixed blocks
// rather than one vector: a vector doubling leaves up to half its slots spare (a third on
// average, ~10 bytes a slot), a block at most one block's worth, and
// a slot never moves once made. The std::functions of general callbacks are pooled the same
// way, in a vector (they are few at a time: the ready ones, and the armed timers).
class HandleTable {
public:
    std::uint32_t allocate() {
        if (free_.empty()) {
            if (size_ % kBlockSlots == 0) {
                blocks_.push_back(std::make_unique<HandleSlot[]>(kBlockSlots));
                for (std::uint32_t i = 0; i < kBlockSlots; ++i) {
                    blocks_.back()[i].generation = first_generation_;
                }
            }
            return size_++;
        }
        const std::uint32_t index = free_.back();
        free_.pop_back();
        return index;
    }

    void release(std::uint32_t index) {
        HandleSlot& slot = (*this)[index];
        drop_callback(slot);
        slot.cancelled = false;
        slot.timer = false;
        slot.in_heap = false;
        ++slot.generation;
        free_.push_back(index);
        if (free_.size() == size_ && size_ > kBlockSlots) [[unlikely]] {
            shrink();
        }
    }

    void set_callback(HandleSlot& slot, PlainCallback callback) {
        slot.plain = callback;
        slot.kind = CallbackKind::Plain;
    }
    void set_callback(HandleSlot& slot, Callback callback) {
        std::uint32_t index = 0;
        if (general_free_.empty()) {
            index = static_cast<std::uint32_t>(general_.size());
            general_.push_back(std::move(callback));
        } else {
            index = general_free_.back();
            general_free_.pop_back();
            general_[index] = std::move(callback);
        }
        slot.general = index;
        slot.kind = CallbackKind::General;
    }
    // Releases what the callback captured (CPython drops a cancelled handle's _callback).
    void drop_callback(HandleSlot& slot) {
        if (slot.kind == CallbackKind::General) {
            general_[slot.general] = nullptr;
            general_free_.push_back(slot.general);
        }
        slot.kind = CallbackKind::None;
    }
    // The general callback of `slot`, moved out of the pool; the slot keeps no callback.
    Callback take_general(HandleSlot& slot) {
        Callback callback = std::move(general_[slot.general]);
        drop_callback(slot);
        return callback;
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
            if ((*this)[i].kind != CallbackKind::None) {
                release(i);
            }
        }
    }

private:
    static constexpr std::uint32_t kBlockSlots = 1024;  // 32 KiB a block

    // Once a burst is over (every slot free, more than one block of them: 100,000 tasks' first
    // steps have run), the table goes back to one block, so that what the burst took does not
    // stay with the loop. Slots made from then on start past every generation handed out, so
    // a Handle kept from before can still never touch them.
    [[gnu::noinline]] void shrink() {
        std::uint32_t last_generation = first_generation_;
        for (std::uint32_t i = 0; i < size_; ++i) {
            last_generation = std::max(last_generation, (*this)[i].generation);
        }
        blocks_.resize(1);
        size_ = 0;
        free_ = std::vector<std::uint32_t>();  // with its capacity
        first_generation_ = last_generation + 1;
        for (std::uint32_t i = 0; i < kBlockSlots; ++i) {
            blocks_.front()[i].generation = first_generation_;
        }
    }

    std::vector<std::unique_ptr<HandleSlot[]>> blocks_;
    std::uint32_t size_ = 0;  // slots made so far, free or not
    std::vector<std::uint32_t> free_;
    std::uint32_t first_generation_ = 0;  // of slots made from now on
    std::vector<Callback> general_;
    std::vector<std::uint32_t> general_free_;
};

}  // namespace loopscope
