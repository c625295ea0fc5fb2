#pragma once

#include <QString>

namespace loopscope {
class EventLoop;
}

namespace loopscope::app {

// A small scenario that gives the placeholder window a real trace to show. It uses each way
// of scheduling a callback so three rules of asyncio's loop become visible:
//   - a callback scheduled while the loop runs waits for the next iteration;
//   - with nothing ready, the (virtual) clock jumps straight to the earliest deadline;
//   - eight call_at with one deadline fire together, in heapq order rather than FIFO.
// Every callback is labelled in the trace; the last one stops the loop.
void schedule_demo(EventLoop& loop);

// The same scenario as the Python a learner would write, for display next to the trace.
QString demo_python_source();

}  // namespace loopscope::app
