#include "loop/virtual_clock.h"

namespace loopscope {

int VirtualClock::poll_timeout_ms(const PollRequest& request) {
    // Nothing on the clock can end the wait: only another thread can, so block for real
    // exactly as CPython would (forever when no timer and no job is pending).
    if (!request.timeout) {
        return -1;
    }
    // A worker thread is running real work: wait for it for real, with virtual time standing
    // still, so its completion lands at a deterministic point in loop time.
    if (*request.timeout > 0 && request.external_work_pending) {
        return -1;
    }
    return 0;
}

void VirtualClock::after_poll(const PollRequest& request, bool had_io) {
    if (had_io || !request.timeout || *request.timeout <= 0) {
        return;
    }
    advance(round_up_to_millis(*request.timeout));
}

}  // namespace loopscope
