#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "trace/event.h"

namespace loopscope::trace {

// Append-only storage for events, in 2 MiB chunks that are never moved.
//
// A growing std::vector copies the whole log at every doubling and touches twice the memory
// it keeps; on a million-event run those page faults cost more than the loop itself. Chunks
// are allocated once, aligned for transparent huge pages, and kept across clear() so that a
// re-run reuses them.
class EventLog {
public:
    static constexpr std::size_t kChunkBytes = std::size_t{2} << 20;
    static constexpr std::size_t kEventsPerChunk = kChunkBytes / sizeof(Event);
    static_assert((kEventsPerChunk & (kEventsPerChunk - 1)) == 0,
                  "index split needs a power of two");

    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Event;
        using difference_type = std::ptrdiff_t;
        using pointer = const Event*;
        using reference = const Event&;

        const_iterator() = default;
        const_iterator(const EventLog* log, std::size_t index) : log_(log), index_(index) {}

        reference operator*() const { return (*log_)[index_]; }
        pointer operator->() const { return &(*log_)[index_]; }
        reference operator[](difference_type n) const { return *(*this + n); }
        const_iterator& operator++() { return ++index_, *this; }
        const_iterator operator++(int) { return {log_, index_++}; }
        const_iterator& operator--() { return --index_, *this; }
        const_iterator operator--(int) { return {log_, index_--}; }
        const_iterator& operator+=(difference_type n) {
            index_ = static_cast<std::size_t>(static_cast<difference_type>(index_) + n);
            return *this;
        }
        const_iterator& operator-=(difference_type n) { return *this += -n; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
            return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) {
            return a.index_ == b.index_;
        }
        friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
            return a.index_ <=> b.index_;
        }

    private:
        const EventLog* log_ = nullptr;
        std::size_t index_ = 0;
    };

    EventLog() = default;
    ~EventLog();
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    void push_back(const Event& event) {
        if (tail_ == chunk_end_) {
            next_chunk();
        }
        *tail_++ = event;
        ++size_;
    }

    const Event& operator[](std::size_t index) const {
        return chunks_[index / kEventsPerChunk][index % kEventsPerChunk];
    }
    const Event& back() const { return (*this)[size_ - 1]; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size_}; }

    // Forgets every event but keeps the chunks for reuse.
    void clear();
    // Bytes held, used or not.
    std::size_t capacity_bytes() const { return chunks_.size() * kChunkBytes; }

private:
    void next_chunk();

    std::vector<Event*> chunks_;  // owned; freed by the destructor
    std::size_t chunks_in_use_ = 0;
    Event* tail_ = nullptr;
    Event* chunk_end_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace loopscope::trace
