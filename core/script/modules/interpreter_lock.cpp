#include "script/modules/interpreter_lock.h"

namespace loopscope::script {

void InterpreterLock::acquire() {
    const std::thread::id self = std::this_thread::get_id();
    if (owner_.load() == self) {
        return;
    }
    std::unique_lock guard(mutex_);
    free_.wait(guard, [this] { return owner_.load() == std::thread::id(); });
    owner_.store(self);
}

void InterpreterLock::release() {
    if (owner_.load() != std::this_thread::get_id()) {
        return;
    }
    {
        std::lock_guard guard(mutex_);
        owner_.store(std::thread::id());
    }
    free_.notify_one();
}

}  // namespace loopscope::script
