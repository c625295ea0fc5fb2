#pragma once

#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "sync/python_heap.h"
#include "sync/queue.h"

namespace loopscope {

// Lowest first, by `Less`, kept as heapq keeps asyncio.PriorityQueue's list: items that compare
// equal leave in CPython's order (python_heap.h), not in the order they were put.
template <class T, class Less = std::less<T>>
class HeapStorage {
public:
    void push(T item) { python_heap_push(items_, std::move(item), less_); }
    T pop() { return python_heap_pop(items_, less_); }
    std::size_t size() const { return items_.size(); }

private:
    std::vector<T> items_;
    Less less_;
};

// asyncio.PriorityQueue: a Queue that hands out the lowest item first.
template <class T, class Less = std::less<T>>
using PriorityQueue = Queue<T, HeapStorage<T, Less>>;

}  // namespace loopscope
