#include "trace/event_log.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace loopscope::trace {

EventLog::~EventLog() {
    for (Event* chunk : chunks_) {
        std::free(chunk);
    }
}

void EventLog::next_chunk() {
    if (chunks_in_use_ == chunks_.size()) {
        void* memory = std::aligned_alloc(kChunkBytes, kChunkBytes);
        if (memory == nullptr) {
            throw std::bad_alloc();
        }
        // One huge page instead of 512 small ones: 512 times fewer page faults while the log
        // grows. Only a hint; without transparent huge pages it changes nothing.
        madvise(memory, kChunkBytes, MADV_HUGEPAGE);
        chunks_.push_back(static_cast<Event*>(memory));
    }
    tail_ = chunks_[chunks_in_use_++];
    chunk_end_ = tail_ + kEventsPerChunk;
}

void EventLog::clear() {
    chunks_in_use_ = 0;
    tail_ = nullptr;
    chunk_end_ = nullptr;
    size_ = 0;
}

}  // namespace loopscope::trace
