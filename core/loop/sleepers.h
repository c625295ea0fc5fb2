#pragma once

#include <cstdint>

#include "trace/event.h"

namespace loopscope {

// What sleeps on the loop's timers without a handle slot: the tasks of the layer above
// (core/async), each sleeping on at most one timer at a time (asyncio.sleep). Such a timer
// is one heap entry that names the sleeper by a number and the timer by its id; its state
// (pending, in the heap) is kept by the sleeper, and the loop asks for it here. A task in
// sleep() costs no 32-byte handle slot: its entry is all the loop keeps of it.
//
// To the trace and in every ordering such a timer is a call_at timer like any other: armed,
// fired into the ready queue in heap order, run or skipped there, cancelled.
class Sleepers {
public:
    // Whether timer `id` of sleeper `sleeper` is still to run: neither cancelled nor run, and
    // armed by the sleeper that has this number now (numbers are reused).
    virtual bool timer_pending(std::uint32_t sleeper, std::uint32_t id) const = 0;
    // The pending timer left the heap for the ready queue.
    virtual void timer_fired(std::uint32_t sleeper) = 0;
    // The label of the timer's callback in the trace.
    virtual trace::Label timer_label(std::uint32_t sleeper) = 0;
    // Runs the pending timer's callback; the timer is no longer pending.
    virtual void run_timer(std::uint32_t sleeper) = 0;
    // The timer is about to run: fetch what it will touch into the cache. `near` false fetches
    // only the sleeper's own entry, true also what that entry names (read from it, so it
    // should have been fetched already).
    virtual void prefetch(std::uint32_t sleeper, bool near) const = 0;

protected:
    ~Sleepers() = default;
};

}  // namespace loopscope
