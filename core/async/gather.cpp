#include "async/gather.h"

namespace loopscope {

GatheringCore::GatheringCore(EventLoop& loop) : FutureCore(loop) {
    set_await_target({AwaitKind::Gather, id()});
}

bool GatheringCore::cancel(std::optional<std::string> message) {
    if (done()) {
        return false;
    }
    bool any_cancelled = false;
    for (std::size_t i = 0; i < child_count(); ++i) {
        if (child_at(i).cancel(message)) {
            any_cancelled = true;
        }
    }
    if (any_cancelled) {
        // Even with return_exceptions, the gather must end in CancelledError (bpo-32684).
        cancel_requested_ = true;
    }
    return any_cancelled;
}

}  // namespace loopscope
