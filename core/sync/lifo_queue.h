#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "sync/queue.h"

namespace loopscope {

// Last in, first out (asyncio.LifoQueue's list).
template <class T>
class LifoStorage {
public:
    void push(T item) { items_.push_back(std::move(item)); }
    T pop() {
        T item = std::move(items_.back());
        items_.pop_back();
        return item;
    }
    std::size_t size() const { return items_.size(); }

private:
    std::vector<T> items_;
};

// asyncio.LifoQueue: a Queue that hands out the most recently put item first.
template <class T>
using LifoQueue = Queue<T, LifoStorage<T>>;

}  // namespace loopscope
