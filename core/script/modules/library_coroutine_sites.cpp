#include "script/modules/library_coroutine_sites.h"

#include <array>

namespace loopscope::script {

namespace {

constexpr std::array kSites{
    LibraryCoroutineSite{"_ContextManagerMixin.__aenter__", "asyncio/locks.py", 13, 14},
    LibraryCoroutineSite{"_ContextManagerMixin.__aexit__", "asyncio/locks.py", 19, 19},
    LibraryCoroutineSite{"Lock.acquire", "asyncio/locks.py", 92, 113},
    LibraryCoroutineSite{"Event.wait", "asyncio/locks.py", 199, 212},
    LibraryCoroutineSite{"Condition.wait", "asyncio/locks.py", 247, 266},
    LibraryCoroutineSite{"Condition.wait_for", "asyncio/locks.py", 284, 293},
    LibraryCoroutineSite{"Semaphore.acquire", "asyncio/locks.py", 363, 386},
    LibraryCoroutineSite{"Queue.put", "asyncio/queues.py", 110, 120},
    LibraryCoroutineSite{"Queue.get", "asyncio/queues.py", 149, 158},
    LibraryCoroutineSite{"Queue.join", "asyncio/queues.py", 206, 215},
    LibraryCoroutineSite{"wait", "asyncio/tasks.py", 435, 464},
    LibraryCoroutineSite{"wait_for", "asyncio/tasks.py", 472, 520},
    LibraryCoroutineSite{"as_completed.<locals>._wait_for_one", "asyncio/tasks.py", 626, 627},
    LibraryCoroutineSite{"sleep", "asyncio/tasks.py", 653, 665, 656},
    LibraryCoroutineSite{"to_thread", "asyncio/threads.py", 12, 25},
    LibraryCoroutineSite{"Timeout.__aenter__", "asyncio/timeouts.py", 85, 85},
    LibraryCoroutineSite{"Timeout.__aexit__", "asyncio/timeouts.py", 97, 97},
    LibraryCoroutineSite{"TaskGroup.__aenter__", "asyncio/taskgroups.py", 54, 54},
    LibraryCoroutineSite{"TaskGroup.__aexit__", "asyncio/taskgroups.py", 68, 110},
};

}  // namespace

const LibraryCoroutineSite* library_coroutine_site(std::string_view qualname) {
    for (const LibraryCoroutineSite& site : kSites) {
        if (site.qualname == qualname) {
            return &site;
        }
    }
    return nullptr;
}

}  // namespace loopscope::script
