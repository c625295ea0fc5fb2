#pragma once

#include <string_view>

namespace loopscope::script {

// Where a coroutine of CPython 3.12.1's asyncio stands, for the library coroutines Loopscope
// implements natively (OperationObject): its file under the library, the line of its `def`
// (a coroutine not started yet, and one done, report that line) and the line of the `await` it
// suspends at. A Task made from one names them in its repr, as CPython's does:
//   <Task pending name='Task-2' coro=<Lock.acquire() running at .../asyncio/locks.py:113> ...>
// The lines were read from CPython 3.12.1; tests/modules/cases/asyncio_library_coroutine_tasks.py,
// whose expected output is recorded from CPython, checks every one.
struct LibraryCoroutineSite {
    std::string_view qualname;  // "Lock.acquire", "_ContextManagerMixin.__aenter__"
    std::string_view file;      // "asyncio/locks.py"
    int defined_at;
    int waits_at;
    // sleep(0) yields at a line of its own, with nothing to wait for (0: the coroutine never
    // yields bare).
    int yields_at = 0;
};

// The site of the library coroutine of that qualname, or null for one not in the table.
const LibraryCoroutineSite* library_coroutine_site(std::string_view qualname);

}  // namespace loopscope::script
