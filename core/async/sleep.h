#pragma once

#include "async/coro.h"
#include "loop/time.h"

namespace loopscope {

// asyncio.sleep: 0 (or less) is a bare yield, one loop iteration; otherwise a future resolved
// by a call_later timer, which the task waits on (the trace shows the edge task → timer).
Coro<void> sleep(Nanos delay);

}  // namespace loopscope
