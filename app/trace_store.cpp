#include "trace_store.h"

#include <algorithm>

namespace loopscope::app {

using trace::EventKind;

TraceStore::TraceStore() {
    reset();
}

void TraceStore::reset() {
    // The index points at the recorder: it goes first.
    index_.reset();
    recorder_ = std::make_unique<trace::Recorder>();
    index_ = std::make_unique<trace::StateIndex>(*recorder_);
    iteration_starts_.clear();
    step_ends_.clear();
    console_.clear();
    console_line_open_[0] = console_line_open_[1] = false;
    task_lines_.clear();
    timer_armed_at_.clear();
    lanes_.clear();
    untraced_.clear();
}

void TraceStore::append(TraceBatch&& batch) {
    // The worker's table and ours grow in the same order, so interning in order gives each
    // string the label it had there.
    for (const std::string& text : batch.strings) {
        recorder_->intern(text);
    }
    for (const trace::Event& event : batch.events) {
        const std::size_t index = recorder_->size();
        recorder_->record(event);
        digest(index, event);
    }
    index_->update();
}

void TraceStore::digest(std::size_t index, const trace::Event& event) {
    switch (event.kind) {
        case EventKind::IterationBegin:
            iteration_starts_.push_back(index);
            break;
        case EventKind::TaskStepEnd:
            step_ends_.push_back(index);
            break;
        case EventKind::TimerArmed:
            timer_armed_at_[event.subject] = event.time;
            break;
        case EventKind::ScriptOutput:
            add_output(index, event);
            break;
        case EventKind::TaskLine:
            task_lines_[event.subject].emplace_back(index, static_cast<int>(event.value));
            break;
        default:
            break;
    }
    lanes_.add(index, event);
}

void TraceStore::seek(std::size_t applied, trace::State& state) const {
    if (applied == 0 || size() == 0) {
        state = trace::State{};
        return;
    }
    index_->seek(std::min(applied, size()) - 1, state);
}

void TraceStore::add_output(std::size_t index, const trace::Event& event) {
    add_output_text(index, event.subject, event.value == 2, recorder_->text(event.object));
}

void TraceStore::add_untraced_output(std::size_t after_events, int stream, std::string_view text) {
    untraced_.push_back({after_events, stream, std::string(text)});
    const std::size_t events = std::min(after_events, size());
    add_output_text(events == 0 ? 0 : events - 1, 0, stream == 2, text);
}

void TraceStore::add_output_text(std::size_t index, std::uint32_t task, bool error,
                                 std::string_view text) {
    const std::size_t stream = error ? 1 : 0;
    while (!text.empty()) {
        if (!console_line_open_[stream]) {
            open_line_[stream] = console_.size();
            console_.push_back(ConsoleLine{index, task, {}, error});
            console_line_open_[stream] = true;
        }
        const std::size_t newline = text.find('\n');
        console_[open_line_[stream]].text.append(text.substr(0, newline));
        if (newline == std::string_view::npos) {
            break;
        }
        console_line_open_[stream] = false;
        text.remove_prefix(newline + 1);
    }
}

int TraceStore::line_of(std::uint32_t task, std::size_t applied) const {
    const auto found = task_lines_.find(task);
    if (found == task_lines_.end()) {
        return 0;
    }
    const auto& lines = found->second;
    const auto after = std::lower_bound(
        lines.begin(), lines.end(), applied,
        [](const std::pair<std::size_t, int>& line, std::size_t at) { return line.first < at; });
    return after == lines.begin() ? 0 : std::prev(after)->second;
}

std::optional<Nanos> TraceStore::timer_armed_at(std::uint32_t handle) const {
    const auto found = timer_armed_at_.find(handle);
    if (found == timer_armed_at_.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::size_t TraceStore::first_event_at(Nanos time) const {
    const trace::EventLog& log = recorder_->events();
    const auto found =
        std::lower_bound(log.begin(), log.end(), time,
                         [](const trace::Event& event, Nanos when) { return event.time < when; });
    return static_cast<std::size_t>(found - log.begin());
}

}  // namespace loopscope::app
