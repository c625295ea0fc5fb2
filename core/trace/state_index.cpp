#include "trace/state_index.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace loopscope::trace {

StateIndex::StateIndex(const Recorder& recorder, Options options)
    : recorder_(&recorder), generation_(recorder.generation()), options_(options) {
    options_.min_spacing = std::max<std::size_t>(options_.min_spacing, 1);
    options_.max_spacing = std::max(options_.max_spacing, options_.min_spacing);
}

void StateIndex::update() {
    const EventLog& events = recorder_->events();
    if (recorder_->generation() != generation_) {
        generation_ = recorder_->generation();
        latest_ = State{};
        checkpoints_.clear();
    }
    std::size_t last_checkpoint = checkpoints_.empty() ? 0 : checkpoints_.back().applied();
    for (std::size_t i = latest_.applied(); i < events.size(); ++i) {
        latest_.apply(events[i]);
        const std::size_t since = latest_.applied() - last_checkpoint;
        // memory_bytes() is a sum of a dozen capacities: cheap, and asked only past min_spacing.
        if (since >= options_.max_spacing ||
            (since >= options_.min_spacing &&
             latest_.memory_bytes() <= since * options_.checkpoint_bytes_per_event)) {
            checkpoints_.push_back(latest_);
            last_checkpoint = latest_.applied();
        }
    }
}

const State& StateIndex::checkpoint_before(std::size_t applied) const {
    const auto after = std::upper_bound(
        checkpoints_.begin(), checkpoints_.end(), applied,
        [](std::size_t wanted, const State& checkpoint) { return wanted < checkpoint.applied(); });
    return after == checkpoints_.begin() ? empty_ : *(after - 1);
}

void StateIndex::fold(State& state, std::size_t until) const {
    const EventLog& events = recorder_->events();
    for (std::size_t i = state.applied(); i < until; ++i) {
        state.apply(events[i]);
    }
}

State StateIndex::at(std::size_t event_index) const {
    State state;
    seek(event_index, state);
    return state;
}

void StateIndex::seek(std::size_t event_index, State& state) const {
    if (event_index >= size()) {
        throw std::out_of_range("StateIndex::seek: event " + std::to_string(event_index) + " of " +
                                std::to_string(size()));
    }
    const std::size_t wanted = event_index + 1;
    if (wanted == latest_.applied()) {
        state = latest_;
        return;
    }
    const State& start = checkpoint_before(wanted);
    if (state.applied() < start.applied() || state.applied() > wanted) {
        state = start;
    }
    fold(state, wanted);
}

std::size_t StateIndex::memory_bytes() const {
    std::size_t bytes = latest_.memory_bytes() + checkpoints_.capacity() * sizeof(State);
    for (const State& checkpoint : checkpoints_) {
        bytes += checkpoint.memory_bytes();
    }
    return bytes;
}

}  // namespace loopscope::trace
