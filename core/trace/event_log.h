#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

#include "trace/background_coder.h"
#include "trace/event.h"
#include "trace/event_codec.h"

namespace loopscope::trace {

// Append-only storage for events, kept compact: blocks of 1024 events, each encoded by
// EventCodec into a few bytes an event as soon as it is full.
//
// A trace is most of a run's memory when kept as 32-byte structs: 200,000 round trips through
// two queues leave 7.2 million events, 230 MB, where the same events coded take 11 MB. Coding
// costs about what the kernel's zeroing of those 230 MB of fresh pages did (5 ns an event
// predicted exactly, several times that for one that is not), so on a machine with a core to
// spare full blocks are coded by a BackgroundCoder; a block waiting for it is read as it is.
// The recording thread codes a block itself only when the coder is kBlocksInFlight behind.
//
// Reading decodes a whole block and keeps the last few decoded, so reading in order, or
// around one place, decodes each block once. Events are returned by value. Reading is not
// thread-safe even among readers (the decoded blocks are shared): one thread reads and
// writes a log, as the Recorder's does.
class EventLog {
public:
    static constexpr std::size_t kBlockEvents = 1024;
    // How many full blocks may wait for the background coder (32 KB of events each).
    static constexpr std::size_t kBlocksInFlight = 8;

    // Who codes full blocks: the thread that appends, or a thread of the log's own.
    enum class Coding { Inline, Background };
    // Background where the machine has a core to spare.
    static Coding default_coding();

    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Event;
        using difference_type = std::ptrdiff_t;
        using reference = Event;  // by value: a decoded copy
        struct pointer {
            Event event;
            const Event* operator->() const { return &event; }
        };

        const_iterator() = default;
        const_iterator(const EventLog* log, std::size_t index) : log_(log), index_(index) {}

        Event operator*() const { return (*log_)[index_]; }
        pointer operator->() const { return {(*log_)[index_]}; }
        Event operator[](difference_type n) const { return *(*this + n); }
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

    explicit EventLog(Coding coding = default_coding());
    ~EventLog();
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    void push_back(const Event& event) {
        if (tail_size_ == tail_capacity_) {
            seal_tail();
        }
        tail_[tail_size_++] = event;
        ++size_;
    }

    Event operator[](std::size_t index) const {
        if (index >= sealed_) {
            return tail_[index - sealed_];
        }
        return sealed_block(index / kBlockEvents)[index % kBlockEvents];
    }
    Event back() const { return (*this)[size_ - 1]; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size_}; }

    // Forgets every event but keeps the memory for reuse.
    void clear();
    // Bytes held, used or not: the coded blocks' storage, the block being filled, the decoded
    // blocks kept for reading and the codec's tables.
    std::size_t capacity_bytes() const;

private:
    // Codes the full tail block, or hands it to the background coder, and starts a new one
    // (the first call only allocates it).
    void seal_tail();
    void code_inline(std::size_t block);
    // Stores the blocks the background coder has finished.
    void store_coded(std::vector<BackgroundCoder::Job>& jobs);
    // Where coded bytes go: room for `bytes` more, in the current storage chunk or a new one.
    std::uint8_t* reserve(std::size_t bytes);
    // The events of a sealed block: as they were written while it waits to be coded, else
    // decoded.
    const Event* sealed_block(std::size_t block) const;
    const Event* decoded(std::size_t block) const;
    // Makes `events` the decoded copy of `block` (it is: the block was coded from them); the
    // buffer it replaces is returned.
    std::unique_ptr<Event[]> keep_decoded(std::size_t block, std::unique_ptr<Event[]> events);
    EventCodec& codec() const;
    std::unique_ptr<Event[]> take_spare_events();

    struct Chunk {
        std::unique_ptr<std::uint8_t[]> bytes;
        std::size_t size = 0;
    };
    struct DecodedBlock {
        std::size_t block = SIZE_MAX;
        std::unique_ptr<Event[]> events;
    };
    static constexpr std::size_t kDecodedBlocks = 4;

    std::unique_ptr<Event[]> tail_;  // the block being filled, not yet coded
    std::size_t tail_size_ = 0;
    std::size_t tail_capacity_ = 0;
    std::size_t sealed_ = 0;  // events in coded blocks, before the tail
    std::size_t size_ = 0;

    // Where each coded block starts; null while it waits for the background coder.
    std::vector<const std::uint8_t*> blocks_;
    std::vector<Chunk> chunks_;  // the coded bytes; kept across clear()
    std::size_t chunks_in_use_ = 0;
    std::uint8_t* write_ = nullptr;
    std::uint8_t* write_end_ = nullptr;
    std::unique_ptr<std::uint8_t[]> scratch_;  // one block coded, before it is copied

    mutable std::unique_ptr<EventCodec> codec_;  // allocated when first needed
    mutable std::array<DecodedBlock, kDecodedBlocks> decoded_;

    // Blocks handed to the background coder and not back yet, oldest first, with their events.
    struct InFlight {
        std::size_t block = 0;
        std::unique_ptr<Event[]> events;
    };
    std::vector<InFlight> in_flight_;
    std::vector<std::unique_ptr<Event[]>> spare_events_;        // tails to be
    std::vector<std::unique_ptr<std::uint8_t[]>> spare_bytes_;  // jobs' byte buffers to be
    std::vector<BackgroundCoder::Job> coded_;  // reused by store_coded, to spare allocations
    Coding coding_;
    // Last, so that it stops before what its thread reads goes: started with the first full
    // block when coding_ is Background.
    std::unique_ptr<BackgroundCoder> coder_;
};

}  // namespace loopscope::trace
