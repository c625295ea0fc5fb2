#include "trace_batch.h"

#include <algorithm>
#include <iterator>

#include "trace/event_fields.h"
#include "trace/recorder.h"

namespace loopscope::app {

namespace {

using trace::EventKind;

}  // namespace

void TraceBatch::append(TraceBatch&& more) {
    if (events.empty() && strings.empty()) {
        *this = std::move(more);
        return;
    }
    events.insert(events.end(), more.events.begin(), more.events.end());
    strings.insert(strings.end(), std::make_move_iterator(more.strings.begin()),
                   std::make_move_iterator(more.strings.end()));
}

int label_field(EventKind kind) {
    // Which field holds a label does not depend on the event's values.
    trace::Event event;
    event.kind = kind;
    const trace::FieldRoles roles = trace::field_roles(event);
    return roles.object == trace::FieldRole::Text  ? 1
           : roles.value == trace::FieldRole::Text ? 2
                                                   : 0;
}

trace::Label label_of(const trace::Event& event) {
    switch (label_field(event.kind)) {
        case 1:
            return event.object;
        case 2:
            return event.value > 0 ? static_cast<trace::Label>(event.value) : 0;
        default:
            return 0;
    }
}

void TraceStreamer::follow(const trace::Recorder& recorder) {
    // A log shorter than what was taken from it is another log (a recorder made at the same
    // address, or cleared by someone else).
    const bool same_log = &recorder == recorder_ && recorder.generation() == generation_ &&
                          recorder.size() >= next_event_;
    if (same_log) {
        return;
    }
    if (&recorder == recorder_ && recorder.size() < next_event_ &&
        recorder.generation() == generation_) {
        recorder_ = nullptr;  // not the same table either
    }
    if (&recorder != recorder_) {
        label_map_.clear();  // another table: its labels mean other strings
    }
    recorder_ = &recorder;
    generation_ = recorder.generation();
    next_event_ = 0;
}

trace::Label TraceStreamer::translate(const trace::Recorder& recorder, trace::Label label,
                                      TraceBatch& batch) {
    if (label == 0) {
        return 0;
    }
    if (label >= label_map_.size()) {
        label_map_.resize(label + 1, 0);
    }
    trace::Label& mapped = label_map_[label];
    if (mapped == 0) {
        std::string text(recorder.text(label));
        const auto [found, added] =
            texts_.emplace(text, static_cast<trace::Label>(texts_.size() + 1));
        if (added) {
            batch.strings.push_back(std::move(text));
        }
        mapped = found->second;
    }
    return mapped;
}

void TraceStreamer::take(const trace::Recorder& recorder, TraceBatch& batch,
                         std::size_t max_events) {
    follow(recorder);
    const trace::EventLog& log = recorder.events();
    const std::size_t end =
        log.size() - next_event_ > max_events ? next_event_ + max_events : log.size();
    batch.events.reserve(batch.events.size() + (end - next_event_));
    for (; next_event_ < end; ++next_event_) {
        trace::Event event = log[next_event_];
        trace::continue_event(event, continuation_);
        taken_.ids = std::max(taken_.ids, trace::largest_id(event));
        taken_.iterations = std::max(taken_.iterations, event.iteration);
        taken_.time = std::max(taken_.time, event.time);
        switch (label_field(event.kind)) {
            case 1:
                event.object = translate(recorder, event.object, batch);
                break;
            case 2:
                event.value = translate(recorder, label_of(event), batch);
                break;
            default:
                break;
        }
        batch.events.push_back(event);
    }
}

void TraceStreamer::continue_with_next_trace() {
    continuation_ = taken_;
}

void TraceStreamer::take_and_clear(trace::Recorder& recorder, TraceBatch& batch) {
    take(recorder, batch);
    recorder.clear();
    generation_ = recorder.generation();
    next_event_ = 0;
}

}  // namespace loopscope::app
