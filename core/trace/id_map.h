#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace loopscope::trace {

// Trace id → index, for the State's tables: open addressing with linear probing in one flat
// array, so that copying a State into a checkpoint is a memcpy per table, not a node per entry.
//
// Ids are never 0 (every id counter of the loop starts at 1), so key 0 marks an empty slot.
// The table stays at most half full, which keeps probe runs short for the sequential ids the
// loop hands out (Fibonacci hashing spreads them).
class IdMap {
public:
    static constexpr std::uint32_t kMissing = UINT32_MAX;

    // The value stored for `id`, or kMissing.
    std::uint32_t find(std::uint32_t id) const {
        if (size_ == 0 || id == 0) {
            return kMissing;
        }
        for (std::size_t i = home(id);; i = (i + 1) & mask()) {
            const Slot& slot = slots_[i];
            if (slot.key == id) {
                return slot.value;
            }
            if (slot.key == 0) {
                return kMissing;
            }
        }
    }

    void insert_or_assign(std::uint32_t id, std::uint32_t value) {
        if ((size_ + 1) * 2 > slots_.size()) {
            grow();
        }
        for (std::size_t i = home(id);; i = (i + 1) & mask()) {
            Slot& slot = slots_[i];
            if (slot.key == id) {
                slot.value = value;
                return;
            }
            if (slot.key == 0) {
                slot = Slot{id, value};
                ++size_;
                return;
            }
        }
    }

    // Backward-shift deletion: later entries of the probe run move up, so no tombstones pile
    // up in a table whose timers come and go millions of times.
    bool erase(std::uint32_t id) {
        if (size_ == 0 || id == 0) {
            return false;
        }
        std::size_t hole = home(id);
        while (slots_[hole].key != id) {
            if (slots_[hole].key == 0) {
                return false;
            }
            hole = (hole + 1) & mask();
        }
        for (std::size_t next = (hole + 1) & mask(); slots_[next].key != 0;
             next = (next + 1) & mask()) {
            const std::size_t wanted = home(slots_[next].key);
            // The entry at `next` may fill the hole unless its home lies cyclically in
            // (hole, next].
            const bool home_after_hole = hole <= next ? (wanted > hole && wanted <= next)
                                                      : (wanted > hole || wanted <= next);
            if (!home_after_hole) {
                slots_[hole] = slots_[next];
                hole = next;
            }
        }
        slots_[hole] = Slot{};
        --size_;
        return true;
    }

    std::size_t size() const { return size_; }
    void clear() {
        slots_.assign(slots_.size(), Slot{});
        size_ = 0;
    }
    std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

private:
    struct Slot {
        std::uint32_t key = 0;
        std::uint32_t value = 0;
    };

    std::size_t mask() const { return slots_.size() - 1; }
    std::size_t home(std::uint32_t id) const {
        return static_cast<std::size_t>((id * 2654435769u) >> shift_);
    }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        const std::size_t capacity = old.empty() ? 16 : old.size() * 2;
        slots_.assign(capacity, Slot{});
        shift_ = 32;
        for (std::size_t c = capacity; c > 1; c /= 2) {
            --shift_;
        }
        size_ = 0;
        for (const Slot& slot : old) {
            if (slot.key != 0) {
                insert_or_assign(slot.key, slot.value);
            }
        }
    }

    std::vector<Slot> slots_;  // empty, or a power of two
    std::size_t size_ = 0;
    unsigned shift_ = 32;  // 32 - log2(slots_.size())
};

}  // namespace loopscope::trace
