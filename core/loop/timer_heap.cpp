#include "loop/timer_heap.h"

namespace loopscope {

void TimerHeap::push(TimerEntry entry) {
    heap_.push_back(entry);
    sift_down(0, heap_.size() - 1);
}

TimerEntry TimerHeap::pop() {
    const TimerEntry last = heap_.back();
    heap_.pop_back();
    if (heap_.empty()) {
        return last;
    }
    const TimerEntry first = heap_.front();
    heap_.front() = last;
    sift_up(0);
    return first;
}

void TimerHeap::heapify() {
    for (std::size_t i = heap_.size() / 2; i-- > 0;) {
        sift_up(i);
    }
}

// Move the item at `pos` towards `start` while it is strictly smaller than its parent.
void TimerHeap::sift_down(std::size_t start, std::size_t pos) {
    const TimerEntry item = heap_[pos];
    while (pos > start) {
        const std::size_t parent = (pos - 1) / 2;
        if (!(item.when < heap_[parent].when)) {
            break;
        }
        heap_[pos] = heap_[parent];
        pos = parent;
    }
    heap_[pos] = item;
}

// Bubble the smaller child up until `pos` is a leaf, then put the item there and sift it
// back down; on equal children the right one moves up (heapq's `not left < right`).
void TimerHeap::sift_up(std::size_t pos) {
    const std::size_t end = heap_.size();
    const std::size_t start = pos;
    const TimerEntry item = heap_[pos];
    std::size_t child = 2 * pos + 1;
    while (child < end) {
        const std::size_t right = child + 1;
        if (right < end && !(heap_[child].when < heap_[right].when)) {
            child = right;
        }
        heap_[pos] = heap_[child];
        pos = child;
        child = 2 * pos + 1;
    }
    heap_[pos] = item;
    sift_down(start, pos);
}

}  // namespace loopscope
