#pragma once

#include <cstdint>
#include <vector>

#include "loop/time.h"

namespace loopscope {

// Packed to 4-byte alignment: 12 bytes instead of 16, one per armed timer (a sleeping task).
struct __attribute__((packed, aligned(4))) TimerEntry {
    Nanos when;
    std::uint32_t slot;  // index into the HandleTable
};
static_assert(sizeof(TimerEntry) == 12);

// A binary min-heap on `when` alone that reproduces Python's heapq step for step: push sifts
// down, pop moves the last item to the root and sifts it to a leaf (taking the right child on
// ties) before sifting it back, heapify sifts from the middle. Timers with equal deadlines
// therefore fire in exactly CPython's order ([0, 2, 6, 5, 7, 1, 3, 4] for eight call_at).
class TimerHeap {
public:
    void push(TimerEntry entry);
    TimerEntry pop();
    const TimerEntry& top() const { return heap_.front(); }
    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    void clear() { heap_.clear(); }

    // Keep only the entries `keep` accepts, in list order, then heapify: CPython's compaction.
    template <class Predicate>
    void rebuild_keeping(Predicate keep) {
        std::vector<TimerEntry> kept;
        kept.reserve(heap_.size());
        for (const TimerEntry& entry : heap_) {
            if (keep(entry)) {
                kept.push_back(entry);
            }
        }
        heap_.swap(kept);
        heapify();
    }

    const std::vector<TimerEntry>& entries() const { return heap_; }

private:
    void heapify();
    void sift_down(std::size_t start, std::size_t pos);  // heapq._siftdown
    void sift_up(std::size_t pos);                       // heapq._siftup

    std::vector<TimerEntry> heap_;
};

}  // namespace loopscope
