// Finding events in a recorded trace, to check the State at chosen points of it.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "trace/recorder.h"
#include "trace/state.h"
#include "trace/state_text.h"

namespace loopscope::trace::testing {

// The index of the first event at or after `from` of `kind` about `subject` (any subject if
// nullopt).
inline std::size_t find_event(const Recorder& recorder, EventKind kind,
                              std::optional<std::uint32_t> subject = std::nullopt,
                              std::size_t from = 0) {
    const EventLog& events = recorder.events();
    for (std::size_t i = from; i < events.size(); ++i) {
        if (events[i].kind == kind && (!subject || events[i].subject == *subject)) {
            return i;
        }
    }
    ADD_FAILURE() << "no " << to_string(kind) << " event"
                  << (subject ? " about " + std::to_string(*subject) : std::string())
                  << " from index " << from;
    return events.size() - 1;
}

// The state after events 0..index, folded from scratch.
inline State fold_until(const Recorder& recorder, std::size_t index) {
    State state;
    for (std::size_t i = 0; i <= index; ++i) {
        state.apply(recorder.events()[i]);
    }
    return state;
}

inline const State::Task& task_of(const State& state, std::uint32_t id) {
    const State::Task* task = state.task(id);
    if (task == nullptr) {
        ADD_FAILURE() << "no task " << id;
        static const State::Task none{};
        return none;
    }
    return *task;
}

}  // namespace loopscope::trace::testing
