#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "async/scheduler.h"
#include "script/modules/asyncio_state.h"

namespace loopscope::script {

// A core/sync primitive behind a Python object. Python lets scripts make a Lock or Queue before
// any loop runs (at module level) and binds it to the loop on first use; the C++ primitives
// need their scheduler when they are made. So the primitive is made on first use inside
// asyncio.run, and made afresh when a later asyncio.run uses the object again.
template <class P>
class Bound {
public:
    // The primitive, made by `make(scheduler)` when there is none for the running loop yet.
    // RuntimeError "no running event loop" outside asyncio.run.
    template <class Make>
    P& get(Runtime& rt, const Value&, Make make) {
        AsyncioState& state = asyncio_state(rt);
        if (!bound(rt)) {
            primitive_ = make(running_scheduler(rt));
            run_ = state.runs;
        }
        return *primitive_;
    }
    // Made for the running loop.
    bool bound(Runtime& rt) const {
        const AsyncioState& state = asyncio_state(rt);
        return primitive_ && state.loop != nullptr && run_ == state.runs;
    }
    const std::shared_ptr<P>& shared() const { return primitive_; }
    // Lets go of an earlier run's primitive (its state was moved elsewhere).
    void forget() { primitive_.reset(); }

    bool remembered_flag = false;  // Event.set() called before any loop ran

private:
    std::shared_ptr<P> primitive_;
    int run_ = 0;
};

// "<asyncio.locks.Lock object at 0x7f3b1c1d2e50": object.__repr__ without its closing '>'.
inline std::string object_repr_prefix(const Value& self, std::string_view qualified_name) {
    char address[32];
    std::snprintf(
        address, sizeof address, "%#llx",
        static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(self.as_object())));
    // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on the operator+ chain.
    std::string text = "<";
    text.append(qualified_name).append(" object at ").append(address);
    return text;
}

}  // namespace loopscope::script
