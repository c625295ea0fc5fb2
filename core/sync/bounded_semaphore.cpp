#include "sync/bounded_semaphore.h"

namespace loopscope {

void BoundedSemaphore::release() {
    if (value() >= bound_) {
        throw ValueError("BoundedSemaphore released too many times");
    }
    Semaphore::release();
}

}  // namespace loopscope
