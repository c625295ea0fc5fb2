#pragma once

#include <cstdint>
#include <vector>

#include "loop/time.h"

namespace loopscope {

// A sleeper's timer (Sleepers) has `slot` kSleeperTimer | the sleeper's number.
inline constexpr std::uint32_t kSleeperTimer = 0x8000'0000u;

// One per armed timer: a call_at's, or a sleeping task's (which has no handle slot).
struct TimerEntry {
    Nanos when;
    std::uint32_t slot;    // index into the HandleTable, or kSleeperTimer | a sleeper
    std::uint32_t id = 0;  // a sleeper's timer: its id, its noun in the trace
    bool sleeper() const { return (slot & kSleeperTimer) != 0; }
    std::uint32_t sleeper_number() const { return slot & ~kSleeperTimer; }
};
static_assert(sizeof(TimerEntry) == 16);

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
