#include "demo_scenarios.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "async/gather.h"
#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "async/task_core.h"
#include "async/to_thread.h"
#include "errors.h"
#include "loop/event_loop.h"
#include "sync/queue.h"
#include "sync/semaphore.h"

namespace loopscope::app {

namespace {

using trace::EventKind;

// --- hello: one task, one sleep ---------------------------------------------------------

Coro<void> hello_main(Scheduler& scheduler) {
    print_line(scheduler, "hello");
    at_line(scheduler, 5);
    co_await sleep(seconds(1));
    print_line(scheduler, "world");
}

// --- gather of three --------------------------------------------------------------------

Coro<int> fetch(Scheduler& scheduler, std::string url, Nanos delay) {
    print_line(scheduler, "start " + url);
    at_line(scheduler, 5);
    co_await sleep(delay);
    print_line(scheduler, "done " + url);
    co_return static_cast<int>(url.size());
}

Coro<void> gather_main(Scheduler& scheduler) {
    const std::array<std::pair<const char*, Nanos>, 3> urls{{
        {"a", seconds(1)},
        {"b", seconds(2)},
        {"c", milliseconds(500)},
    }};
    std::vector<Future<int>> children;
    for (const auto& [url, delay] : urls) {
        children.push_back(create_task(scheduler, fetch(scheduler, url, delay), {},
                                       std::string("fetch('") + url + "')"));
    }
    at_line(scheduler, 10);
    co_await gather(std::move(children));
    print_line(scheduler, "all fetched");
}

// --- semaphore-limited fetches ------------------------------------------------------------

Coro<void> limited_fetch(Scheduler& scheduler, Semaphore& limit, int number) {
    at_line(scheduler, 4);
    co_await limit.acquire();
    print_line(scheduler, "fetching " + std::to_string(number));
    at_line(scheduler, 6);
    co_await sleep(milliseconds(300 + 200 * (number % 3)));
    limit.release();
}

Coro<void> semaphore_main(Scheduler& scheduler) {
    Semaphore limit(scheduler, 2);
    std::vector<Task<void>> tasks;
    for (int number = 0; number < 5; ++number) {
        tasks.push_back(create_task(scheduler, limited_fetch(scheduler, limit, number), {},
                                    "fetch(" + std::to_string(number) + ")"));
    }
    for (Task<void>& task : tasks) {
        at_line(scheduler, 12);
        co_await task;
    }
    print_line(scheduler, "all fetched");
}

// --- producer / consumer ------------------------------------------------------------------

Coro<void> producer(Scheduler& scheduler, Queue<int>& queue) {
    for (int item = 0; item < 5; ++item) {
        at_line(scheduler, 5);
        co_await sleep(milliseconds(200));
        at_line(scheduler, 6);
        co_await queue.put(item);
        print_line(scheduler, "put " + std::to_string(item));
    }
    at_line(scheduler, 8);
    co_await queue.put(-1);
}

Coro<void> consumer(Scheduler& scheduler, Queue<int>& queue) {
    for (;;) {
        at_line(scheduler, 11);
        const int item = co_await queue.get();
        if (item < 0) {
            co_return;
        }
        print_line(scheduler, "got " + std::to_string(item));
        at_line(scheduler, 13);
        co_await sleep(milliseconds(500));
    }
}

Coro<void> queue_main(Scheduler& scheduler) {
    Queue<int> queue(scheduler, 2);
    Task<void> producing =
        create_task(scheduler, producer(scheduler, queue), {}, "producer(queue)");
    Task<void> consuming =
        create_task(scheduler, consumer(scheduler, queue), {}, "consumer(queue)");
    at_line(scheduler, 19);
    co_await producing;
    at_line(scheduler, 20);
    co_await consuming;
}

// --- a cancellation chain -----------------------------------------------------------------

Coro<void> innermost(Scheduler& scheduler) {
    try {
        at_line(scheduler, 5);
        co_await sleep(seconds(10));
    } catch (const CancelledError&) {
        print_line(scheduler, "inner: cancelled while sleeping");
        throw;
    }
}

Coro<void> middle(Scheduler& scheduler) {
    Task<void> inner = create_task(scheduler, innermost(scheduler), {}, "inner()");
    at_line(scheduler, 11);
    co_await inner;
}

Coro<void> cancel_main(Scheduler& scheduler) {
    Task<void> outer = create_task(scheduler, middle(scheduler), {}, "outer()");
    at_line(scheduler, 15);
    co_await sleep(seconds(1));
    outer.cancel();
    try {
        at_line(scheduler, 18);
        co_await outer;
    } catch (const CancelledError&) {
        print_line(scheduler, "main: outer was cancelled");
    }
}

// --- a blocking time.sleep on the loop thread -----------------------------------------------

Coro<void> ticker(Scheduler& scheduler, std::string name, Nanos period) {
    for (int tick = 0; tick < 3; ++tick) {
        at_line(scheduler, 6);
        co_await sleep(period);
        print_line(scheduler, name + " tick " + std::to_string(tick));
    }
}

Coro<void> blocker(Scheduler& scheduler) {
    at_line(scheduler, 10);
    co_await sleep(milliseconds(250));
    print_line(scheduler, "blocking the loop for 1 s");
    scheduler.loop().block(seconds(1));
    print_line(scheduler, "unblocked");
}

Coro<void> blocking_main(Scheduler& scheduler) {
    Task<void> fast =
        create_task(scheduler, ticker(scheduler, "fast", milliseconds(200)), {}, "ticker('fast')");
    Task<void> slow =
        create_task(scheduler, ticker(scheduler, "slow", milliseconds(450)), {}, "ticker('slow')");
    Task<void> stuck = create_task(scheduler, blocker(scheduler), {}, "blocker()");
    at_line(scheduler, 19);
    co_await fast;
    at_line(scheduler, 20);
    co_await slow;
    at_line(scheduler, 21);
    co_await stuck;
}

// --- blocking work on a worker thread ---------------------------------------------------------

Coro<void> threads_main(Scheduler& scheduler) {
    Task<void> ticking =
        create_task(scheduler, ticker(scheduler, "tick", milliseconds(100)), {}, "ticker('tick')");
    at_line(scheduler, 15);
    const std::string data = co_await to_thread(
        [] {
            // Real blocking work: virtual time stands still until the worker is done.
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
            return std::string("data");
        },
        "read_file()");
    print_line(scheduler, "read " + data);
    at_line(scheduler, 17);
    co_await ticking;
}

// --- a crowd: more tasks than the stage shows ---------------------------------------------------

Coro<void> crowd_worker(Scheduler& scheduler, Semaphore& limit, int number) {
    at_line(scheduler, 4);
    co_await limit.acquire();
    at_line(scheduler, 5);
    co_await sleep(milliseconds(100 + 100 * (number % 7)));
    limit.release();
}

Coro<void> crowd_main(Scheduler& scheduler) {
    Semaphore limit(scheduler, 10);
    std::vector<Future<void>> workers;
    for (int number = 0; number < 300; ++number) {
        workers.push_back(create_task(scheduler, crowd_worker(scheduler, limit, number), {},
                                      "worker(limit, " + std::to_string(number) + ")"));
    }
    at_line(scheduler, 9);
    co_await gather(std::move(workers));
}

// --- a run that never ends, until stopped ----------------------------------------------------

Coro<void> forever_main(Scheduler& scheduler) {
    for (;;) {
        at_line(scheduler, 5);
        co_await sleep(milliseconds(100));
        print_line(scheduler, "tick");
    }
}

template <Coro<void> (*Main)(Scheduler&)>
void run_main(Scheduler& scheduler) {
    run(scheduler, Main(scheduler), "main()");
}

const std::array<DemoScenario, 9> kScenarios{{
    {"hello", "Hello, sleep",
     "import asyncio\n"
     "\n"
     "async def main():\n"
     "    print('hello')\n"
     "    await asyncio.sleep(1)\n"
     "    print('world')\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<hello_main>},
    {"gather", "Gather of three",
     "import asyncio\n"
     "\n"
     "async def fetch(url, delay):\n"
     "    print('start', url)\n"
     "    await asyncio.sleep(delay)\n"
     "    print('done', url)\n"
     "    return len(url)\n"
     "\n"
     "async def main():\n"
     "    await asyncio.gather(fetch('a', 1), fetch('b', 2), fetch('c', 0.5))\n"
     "    print('all fetched')\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<gather_main>},
    {"semaphore", "Semaphore-limited fetches",
     "import asyncio\n"
     "\n"
     "async def fetch(limit, n):\n"
     "    async with limit:\n"
     "        print('fetching', n)\n"
     "        await asyncio.sleep(0.3 + 0.2 * (n % 3))\n"
     "\n"
     "async def main():\n"
     "    limit = asyncio.Semaphore(2)\n"
     "    tasks = [asyncio.create_task(fetch(limit, n)) for n in range(5)]\n"
     "    for task in tasks:\n"
     "        await task\n"
     "    print('all fetched')\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<semaphore_main>},
    {"queue", "Producer / consumer queue",
     "import asyncio\n"
     "\n"
     "async def producer(queue):\n"
     "    for item in range(5):\n"
     "        await asyncio.sleep(0.2)\n"
     "        await queue.put(item)\n"
     "        print('put', item)\n"
     "    await queue.put(-1)\n"
     "\n"
     "async def consumer(queue):\n"
     "    while (item := await queue.get()) >= 0:\n"
     "        print('got', item)\n"
     "        await asyncio.sleep(0.5)\n"
     "\n"
     "async def main():\n"
     "    queue = asyncio.Queue(maxsize=2)\n"
     "    producing = asyncio.create_task(producer(queue))\n"
     "    consuming = asyncio.create_task(consumer(queue))\n"
     "    await producing\n"
     "    await consuming\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<queue_main>},
    {"cancel", "A cancellation chain",
     "import asyncio\n"
     "\n"
     "async def inner():\n"
     "    try:\n"
     "        await asyncio.sleep(10)\n"
     "    except asyncio.CancelledError:\n"
     "        print('inner: cancelled while sleeping')\n"
     "        raise\n"
     "\n"
     "async def outer():\n"
     "    await asyncio.create_task(inner())\n"
     "\n"
     "async def main():\n"
     "    task = asyncio.create_task(outer())\n"
     "    await asyncio.sleep(1)\n"
     "    task.cancel()\n"
     "    try:\n"
     "        await task\n"
     "    except asyncio.CancelledError:\n"
     "        print('main: outer was cancelled')\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<cancel_main>},
    {"blocking", "A blocking time.sleep",
     "import asyncio\n"
     "import time\n"
     "\n"
     "async def ticker(name, period):\n"
     "    for tick in range(3):\n"
     "        await asyncio.sleep(period)\n"
     "        print(name, 'tick', tick)\n"
     "\n"
     "async def blocker():\n"
     "    await asyncio.sleep(0.25)\n"
     "    print('blocking the loop for 1 s')\n"
     "    time.sleep(1)  # the whole loop stops here\n"
     "    print('unblocked')\n"
     "\n"
     "async def main():\n"
     "    fast = asyncio.create_task(ticker('fast', 0.2))\n"
     "    slow = asyncio.create_task(ticker('slow', 0.45))\n"
     "    stuck = asyncio.create_task(blocker())\n"
     "    await fast\n"
     "    await slow\n"
     "    await stuck\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<blocking_main>},
    {"threads", "Blocking work in a thread",
     "import asyncio\n"
     "import time\n"
     "\n"
     "async def ticker(name, period):\n"
     "    for tick in range(3):\n"
     "        await asyncio.sleep(period)\n"
     "        print(name, 'tick', tick)\n"
     "\n"
     "def read_file():\n"
     "    time.sleep(0.03)  # blocks a worker thread, not the loop\n"
     "    return 'data'\n"
     "\n"
     "async def main():\n"
     "    ticking = asyncio.create_task(ticker('tick', 0.1))\n"
     "    data = await asyncio.to_thread(read_file)\n"
     "    print('read', data)\n"
     "    await ticking\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<threads_main>},
    {"crowd", "A crowd of 300 tasks",
     "import asyncio\n"
     "\n"
     "async def worker(limit, n):\n"
     "    async with limit:\n"
     "        await asyncio.sleep(0.1 + 0.1 * (n % 7))\n"
     "\n"
     "async def main():\n"
     "    limit = asyncio.Semaphore(10)\n"
     "    await asyncio.gather(*(worker(limit, n) for n in range(300)))\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<crowd_main>},
    {"forever", "A loop that never ends (stop it)",
     "import asyncio\n"
     "\n"
     "async def main():\n"
     "    while True:\n"
     "        await asyncio.sleep(0.1)\n"
     "        print('tick')\n"
     "\n"
     "asyncio.run(main())\n",
     run_main<forever_main>},
}};

}  // namespace

std::span<const DemoScenario> demo_scenarios() {
    return kScenarios;
}

const DemoScenario* find_demo_scenario(std::string_view id) {
    const auto found =
        std::find_if(kScenarios.begin(), kScenarios.end(),
                     [id](const DemoScenario& scenario) { return scenario.id == id; });
    return found == kScenarios.end() ? nullptr : &*found;
}

void at_line(Scheduler& scheduler, int line) {
    EventLoop& loop = scheduler.loop();
    const TaskCore* task = scheduler.current_task();
    if (task == nullptr) {
        return;
    }
    loop.record(EventKind::TaskLine, task->id(), loop.recorder().intern("scenario.py"), line);
}

void print_line(Scheduler& scheduler, std::string_view text) {
    EventLoop& loop = scheduler.loop();
    const TaskCore* task = scheduler.current_task();
    const trace::Label label = loop.recorder().intern(std::string(text) + "\n");
    loop.record(EventKind::ScriptOutput, task != nullptr ? task->id() : 0, label, 1);
}

}  // namespace loopscope::app
