#pragma once

#include <cstdint>

#include "sync/semaphore.h"

namespace loopscope {

// asyncio.BoundedSemaphore: a Semaphore whose release() refuses to raise the value above the
// initial one, ValueError('BoundedSemaphore released too many times').
class BoundedSemaphore : public Semaphore {
public:
    explicit BoundedSemaphore(Scheduler& scheduler, std::int64_t value = 1)
        : Semaphore(scheduler, value), bound_(value) {}

    void release() override;
    std::int64_t bound() const { return bound_; }

private:
    std::int64_t bound_;
};

}  // namespace loopscope
