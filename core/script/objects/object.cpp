#include "core/script/objects/object.h"

#include <vector>

namespace loopscope::script {

namespace {

// Nested deletions allowed before queueing: well below what the C++ stack takes.
constexpr int kMaxNestedDeletions = 200;

struct DeletionState {
    int depth = 0;
    std::vector<Object*> pending;
};

thread_local DeletionState deletions;

}  // namespace

void destroy_object(Object* o) noexcept {
    DeletionState& state = deletions;
    if (state.depth >= kMaxNestedDeletions) {
        state.pending.push_back(o);
        return;
    }
    ++state.depth;
    delete o;
    --state.depth;
    if (state.depth == 0) {
        while (!state.pending.empty()) {
            Object* next = state.pending.back();
            state.pending.pop_back();
            ++state.depth;
            delete next;
            --state.depth;
        }
    }
}

}  // namespace loopscope::script
