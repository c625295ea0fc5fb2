#pragma once

#include <cstddef>
#include <ostream>

#include "trace/recorder.h"

namespace loopscope::exporters {

// The `loopscope-run --timeline` swimlanes: a lane per task, a column per loop iteration (or
// per bucket of consecutive iterations when there are more than `max_columns`), one character
// per cell for the strongest state the task was in during that column:
//
//   iterations 1..6, 1 per column
//   Task-1 main()     #-----#o
//   Task-2 worker()    +#-#o
//   # running  + ready  - waiting  o done  x failed  c cancelled
//
// Free of CLI concerns so the app can reuse it.
void print_ascii_timeline(const trace::Recorder& recorder, std::ostream& out,
                          std::size_t max_columns = 100);

}  // namespace loopscope::exporters
