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

EventLog::Coding EventLog::default_coding() {
    return BackgroundCoder::worthwhile() ? Coding::Background : Coding::Inline;
}

EventLog::EventLog(Coding coding) : coding_(coding) {}

EventLog::~EventLog() = default;

void EventLog::seal_tail() {
    if (tail_capacity_ == 0) {
        tail_ = std::make_unique<Event[]>(kBlockEvents);
        tail_capacity_ = kBlockEvents;
        return;
    }
    const std::size_t block = blocks_.size();
    blocks_.push_back(nullptr);
    sealed_ += tail_size_;

    if (coding_ == Coding::Background) {
        if (!coder_) {
            coder_ = std::make_unique<BackgroundCoder>();
        }
        coder_->take_coded(coded_);
        store_coded(coded_);
        if (in_flight_.size() < kBlocksInFlight) {
            std::unique_ptr<std::uint8_t[]> bytes;
            if (spare_bytes_.empty()) {
                bytes = std::make_unique_for_overwrite<std::uint8_t[]>(kBlockBytesAtMost);
            } else {
                bytes = std::move(spare_bytes_.back());
                spare_bytes_.pop_back();
            }
            coder_->submit({block, tail_.get(), tail_size_, std::move(bytes), 0});
            in_flight_.push_back({block, std::move(tail_)});
            tail_ = take_spare_events();
            tail_size_ = 0;
            return;
        }
    }
    code_inline(block);
    tail_size_ = 0;
}

void EventLog::code_inline(std::size_t block) {
    if (!scratch_) {
        scratch_ = std::make_unique<std::uint8_t[]>(kBlockBytesAtMost);
    }
    const std::uint8_t* const coded_end =
        codec().encode(std::span<const Event>(tail_.get(), tail_size_), scratch_.get());
    const auto coded_bytes = static_cast<std::size_t>(coded_end - scratch_.get());
    std::uint8_t* const at = reserve(coded_bytes);
    std::memcpy(at, scratch_.get(), coded_bytes);
    blocks_[block] = at;
    // The block just coded is the likeliest to be read next: it takes the place of a decoded
    // block, whose buffer becomes the new tail.
    tail_ = keep_decoded(block, std::move(tail_));
}

void EventLog::store_coded(std::vector<BackgroundCoder::Job>& jobs) {
    for (BackgroundCoder::Job& job : jobs) {
        std::uint8_t* const at = reserve(job.coded_bytes);
        std::memcpy(at, job.bytes.get(), job.coded_bytes);
        blocks_[job.block] = at;
        spare_bytes_.push_back(std::move(job.bytes));
        // Jobs come back in the order they went, so this is nearly always the first.
        const auto flight =
            std::find_if(in_flight_.begin(), in_flight_.end(),
                         [&](const InFlight& each) { return each.block == job.block; });
        spare_events_.push_back(keep_decoded(job.block, std::move(flight->events)));
        in_flight_.erase(flight);
    }
    jobs.clear();
}

std::unique_ptr<Event[]> EventLog::keep_decoded(std::size_t block,
                                                std::unique_ptr<Event[]> events) {
    DecodedBlock& slot = decoded_[block % kDecodedBlocks];
    slot.block = block;
    std::swap(slot.events, events);
    return events ? std::move(events) : std::make_unique<Event[]>(kBlockEvents);
}

std::unique_ptr<Event[]> EventLog::take_spare_events() {
    if (spare_events_.empty()) {
        return std::make_unique<Event[]>(kBlockEvents);
    }
    std::unique_ptr<Event[]> events = std::move(spare_events_.back());
    spare_events_.pop_back();
    return events;
}

EventCodec& EventLog::codec() const {
    if (!codec_) {
        codec_ = std::make_unique<EventCodec>();
    }
    return *codec_;
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

const Event* EventLog::sealed_block(std::size_t block) const {
    if (blocks_[block] == nullptr) {
        for (const InFlight& flight : in_flight_) {
            if (flight.block == block) {
                return flight.events.get();
            }
        }
    }
    return decoded(block);
}

const Event* EventLog::decoded(std::size_t block) const {
    DecodedBlock& slot = decoded_[block % kDecodedBlocks];
    if (slot.block != block) {
        if (!slot.events) {
            slot.events = std::make_unique<Event[]>(kBlockEvents);
        }
        codec().decode(blocks_[block], std::span<Event>(slot.events.get(), kBlockEvents));
        slot.block = block;
    }
    return slot.events.get();
}

void EventLog::clear() {
    if (coder_) {
        // Their bytes would be stored for nothing, but their buffers are the log's.
        coder_->abandon(coded_);
        for (BackgroundCoder::Job& job : coded_) {
            spare_bytes_.push_back(std::move(job.bytes));
        }
        coded_.clear();
        for (InFlight& flight : in_flight_) {
            spare_events_.push_back(std::move(flight.events));
        }
        in_flight_.clear();
    }
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
    bytes += (in_flight_.size() + spare_events_.size()) * kBlockEvents * sizeof(Event);
    // Every job in flight has a byte buffer besides the spares.
    bytes += (in_flight_.size() + spare_bytes_.size()) * kBlockBytesAtMost;
    if (codec_) {
        bytes += EventCodec::kTableBytes;
    }
    if (scratch_) {
        bytes += kBlockBytesAtMost;
    }
    if (coder_) {
        bytes += EventCodec::kTableBytes;
    }
    return bytes;
}

}  // namespace loopscope::trace
