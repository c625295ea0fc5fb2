#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace loopscope {

// Python's heapq.heappush / heappop on a vector, step for step, comparing with `less` only (as
// heapq uses `<` only). Items that compare equal therefore leave in exactly CPython's order,
// which std::push_heap / std::pop_heap do not promise: eight equal items pushed 0..7 pop as
// 0 2 6 5 7 4 1 3.

namespace python_heap_detail {

// heapq._siftdown: moves the item at `pos` up towards `start` while it is less than its parent.
template <class T, class Less>
void sift_down(std::vector<T>& heap, std::size_t start, std::size_t pos, Less& less) {
    T item = std::move(heap[pos]);
    while (pos > start) {
        const std::size_t parent = (pos - 1) / 2;
        if (!less(item, heap[parent])) {
            break;
        }
        heap[pos] = std::move(heap[parent]);
        pos = parent;
    }
    heap[pos] = std::move(item);
}

// heapq._siftup: bubbles the smaller child up until `pos` is a leaf (the right child on ties:
// `not left < right`), puts the item there and sifts it back down.
template <class T, class Less>
void sift_up(std::vector<T>& heap, std::size_t pos, Less& less) {
    const std::size_t end = heap.size();
    const std::size_t start = pos;
    T item = std::move(heap[pos]);
    std::size_t child = 2 * pos + 1;
    while (child < end) {
        const std::size_t right = child + 1;
        if (right < end && !less(heap[child], heap[right])) {
            child = right;
        }
        heap[pos] = std::move(heap[child]);
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = std::move(item);
    sift_down(heap, start, pos, less);
}

}  // namespace python_heap_detail

template <class T, class Less>
void python_heap_push(std::vector<T>& heap, T item, Less& less) {
    heap.push_back(std::move(item));
    python_heap_detail::sift_down(heap, 0, heap.size() - 1, less);
}

// Precondition: `heap` is not empty.
template <class T, class Less>
T python_heap_pop(std::vector<T>& heap, Less& less) {
    T last = std::move(heap.back());
    heap.pop_back();
    if (heap.empty()) {
        return last;
    }
    T first = std::exchange(heap.front(), std::move(last));
    python_heap_detail::sift_up(heap, 0, less);
    return first;
}

}  // namespace loopscope
