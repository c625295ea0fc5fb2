#include "trace/event_log.h"

#include <algorithm>
#include <cstring>
#include <span>
#include <utility>

namespace loopscope::trace {

namespace {

// Storage for coded bytes grows by chunks, doubling from 64 KB (a lesson's whole trace) to
// 2 MB, so that a short trace holds little and a long one allocates rarely.
constexpr std::size_t kFirstChunkBytes = std::size_t{64} << 10;
constexpr std::size_t kLargestChunkBytes = std::size_t{2} << 20;
constexpr std::size_t kBlockBytesAtMost = EventLog::kBlockEvents * EventCodec::kMaxEventBytes;

}  // namespace

EventLog::EventLog() = default;

EventLog::~EventLog() = default;

void EventLog::seal_tail() {
    if (tail_capacity_ == 0) {
        tail_ = std::make_unique<Event[]>(kBlockEvents);
        tail_capacity_ = kBlockEvents;
        return;
    }
    if (!codec_) {
        codec_ = std::make_unique<EventCodec>();
        scratch_ = std::make_unique<std::uint8_t[]>(kBlockBytesAtMost);
    }
    const std::uint8_t* const coded_end =
        codec_->encode(std::span<const Event>(tail_.get(), tail_size_), scratch_.get());
    const auto coded_bytes = static_cast<std::size_t>(coded_end - scratch_.get());
    std::uint8_t* const at = reserve(coded_bytes);
    std::memcpy(at, scratch_.get(), coded_bytes);
    const std::size_t block = blocks_.size();
    blocks_.push_back(at);
    sealed_ += tail_size_;
    tail_size_ = 0;

    // The block just coded is the likeliest to be read next: it takes the place of a decoded
    // block, whose buffer becomes the new tail.
    DecodedBlock& slot = decoded_[block % kDecodedBlocks];
    if (!slot.events) {
        slot.events = std::make_unique<Event[]>(kBlockEvents);
    }
    std::swap(slot.events, tail_);
    slot.block = block;
}

std::uint8_t* EventLog::reserve(std::size_t bytes) {
    if (static_cast<std::size_t>(write_end_ - write_) < bytes) {
        if (chunks_in_use_ == chunks_.size()) {
            const std::size_t size = chunks_.empty()
                                         ? kFirstChunkBytes
                                         : std::min(chunks_.back().size * 2, kLargestChunkBytes);
            // A block never spans chunks, so a chunk holds at least one of any size.
            const std::size_t room = std::max(size, bytes);
            chunks_.push_back({std::make_unique_for_overwrite<std::uint8_t[]>(room), room});
        }
        Chunk& chunk = chunks_[chunks_in_use_++];
        write_ = chunk.bytes.get();
        write_end_ = write_ + chunk.size;
    }
    std::uint8_t* const at = write_;
    write_ += bytes;
    return at;
}

const Event* EventLog::decoded(std::size_t block) const {
    DecodedBlock& slot = decoded_[block % kDecodedBlocks];
    if (slot.block != block) {
        if (!slot.events) {
            slot.events = std::make_unique<Event[]>(kBlockEvents);
        }
        codec_->decode(blocks_[block], std::span<Event>(slot.events.get(), kBlockEvents));
        slot.block = block;
    }
    return slot.events.get();
}

void EventLog::clear() {
    tail_size_ = 0;
    sealed_ = 0;
    size_ = 0;
    blocks_.clear();
    chunks_in_use_ = 0;
    write_ = nullptr;
    write_end_ = nullptr;
    for (DecodedBlock& slot : decoded_) {
        slot.block = SIZE_MAX;
    }
}

std::size_t EventLog::capacity_bytes() const {
    std::size_t bytes = tail_capacity_ * sizeof(Event) + blocks_.capacity() * sizeof(void*);
    for (const Chunk& chunk : chunks_) {
        bytes += chunk.size;
    }
    for (const DecodedBlock& slot : decoded_) {
        bytes += slot.events ? kBlockEvents * sizeof(Event) : 0;
    }
    if (codec_) {
        bytes += kBlockBytesAtMost + EventCodec::kTableBytes;
    }
    return bytes;
}

}  // namespace loopscope::trace
