#pragma once

#include <ostream>
#include <string>
#include <unordered_map>

#include "trace/event.h"
#include "trace/recorder.h"

namespace loopscope::exporters {

// The text event log of `loopscope-run --events`: one line per event,
//
//   t=0.000000 it=2 task-waiting task #3 'Task-2' on timer #7
//
// time (loop seconds), iteration, kind (trace::to_string), subject, then what the kind relates
// it to (object and value, with interned labels and task names resolved). Free of CLI
// concerns so the app can reuse it.
class EventLogPrinter {
public:
    explicit EventLogPrinter(const trace::Recorder& recorder) : recorder_(recorder) {}

    // One event as one line, without the newline. Events must be passed in trace order (task
    // names are learnt from TaskRenamed as they go by).
    std::string line(const trace::Event& event);
    // Every event of the recorder, one per line.
    void print_all(std::ostream& out);

private:
    std::string task(std::uint32_t id) const;
    std::string label(std::int64_t value) const;

    const trace::Recorder& recorder_;
    std::unordered_map<std::uint32_t, trace::Label> task_names_;
};

}  // namespace loopscope::exporters
