"""CPython's side of tests/sync/primitive_trace_test.cpp: when each primitive's trace events
happen, per scenario, one line per primitive.

The primitives are CPython's own, instrumented without changing what they do: their waiter
deques log append/remove/popleft (WaiterAdded / WaiterRemoved), the loop's futures log
set_result on a waiter (WaiterWoken), value attributes log each change (PrimitiveValue),
acquire() logs as it returns (LockAcquired), release() as it begins (LockReleased), and a
queue's _put/_get log QueuePut/QueueGot with the size after. Tokens are `kind:task#waiter@iter`,
where #n numbers a primitive's waiter futures in the order they were added.
Run: PYENV_VERSION=3.12.1 python3 tests/sync/cpython/primitive_traces.py
"""
import asyncio
import collections
import sys

import counted_loop

owners = {}  # waiter future -> (log, name of the task that waits on it)


def task_name():
    task = asyncio.current_task()
    return task.get_name() if task is not None else "none"


class Log:
    def __init__(self):
        self.entries = []
        self.ordinals = {}

    def add(self, token):
        self.entries.append(f"{token}@{counted_loop.iteration}")

    def waiter(self, future):
        _, name = owners[future]
        number = self.ordinals.setdefault(future, len(self.ordinals) + 1)
        return f"{name}#{number}"

    def line(self):
        return " ".join(self.entries)


class LoggingDeque(collections.deque):
    def __init__(self, log):
        super().__init__()
        self.log = log

    def append(self, future):
        super().append(future)
        owners[future] = (self.log, task_name())
        self.log.add(f"added:{self.log.waiter(future)}")

    def remove(self, future):
        super().remove(future)  # ValueError when absent: nothing removed, nothing logged
        self.log.add(f"removed:{self.log.waiter(future)}")

    def popleft(self):
        future = super().popleft()
        self.log.add(f"removed:{self.log.waiter(future)}")
        return future


class LoggedFuture(asyncio.Future):
    def set_result(self, result):
        if self in owners:
            log, _ = owners[self]
            log.add(f"woken:{log.waiter(self)}")
        super().set_result(result)


class TracingLoop(counted_loop.CountingLoop):
    def create_future(self):
        return LoggedFuture(loop=self)


def logged_value(attribute, every_assignment=False):
    """A property that logs `value=N` when the traced attribute changes (after __init__)."""
    slot = "_traced" + attribute

    def get(self):
        return getattr(self, slot)

    def set(self, value):
        old = getattr(self, slot, None)
        setattr(self, slot, value)
        if hasattr(self, "_log") and (every_assignment or old != value):
            self._log.add(f"value={int(value)}")

    return property(get, set)


class TracedLock(asyncio.Lock):
    _locked = logged_value("_locked")

    def __init__(self, log):
        super().__init__()
        self._log = log
        self._waiters = LoggingDeque(log)

    async def acquire(self):
        result = await super().acquire()
        self._log.add(f"acquired:{task_name()}")
        return result

    def release(self):
        if self._locked:
            self._log.add(f"released:{task_name()}")
        super().release()


class TracedSemaphore(asyncio.Semaphore):
    _value = logged_value("_value", every_assignment=True)

    def __init__(self, log, value):
        super().__init__(value)
        self._log = log
        self._waiters = LoggingDeque(log)

    async def acquire(self):
        result = await super().acquire()
        self._log.add(f"acquired:{task_name()}")
        return result

    def release(self):
        self._log.add(f"released:{task_name()}")
        super().release()


class TracedEvent(asyncio.Event):
    _value = logged_value("_value")

    def __init__(self, log):
        super().__init__()
        self._log = log
        self._waiters = LoggingDeque(log)


class TracedCondition(asyncio.Condition):
    def __init__(self, log, lock):
        super().__init__(lock)
        self._waiters = LoggingDeque(log)


class TracedQueue(asyncio.Queue):
    def __init__(self, log, maxsize):
        super().__init__(maxsize)
        self._log = log
        self._getters = LoggingDeque(log)
        self._putters = LoggingDeque(log)
        self._finished._waiters = LoggingDeque(log)  # join() waits on this Event

    def _put(self, item):
        super()._put(item)
        self._log.add(f"put:{task_name()}={self.qsize()}")
        self._log.add(f"value={self.qsize()}")

    def _get(self):
        item = super()._get()
        self._log.add(f"got:{task_name()}={self.qsize()}")
        self._log.add(f"value={self.qsize()}")
        return item


async def lock_hand_off(logs):
    lock = TracedLock(logs["lock"])

    async def worker():
        await lock.acquire()
        lock.release()

    await lock.acquire()
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(0)
    lock.release()
    await task


async def lock_released_by_a_callback(logs):
    lock = TracedLock(logs["lock"])
    await lock.acquire()
    asyncio.get_running_loop().call_soon(lock.release)
    await asyncio.sleep(0)


async def event_set_and_cleared(logs):
    event = TracedEvent(logs["event"])

    async def waiter():
        await event.wait()

    task = asyncio.create_task(waiter(), name="waiter")
    await asyncio.sleep(0)
    event.set()
    event.set()
    await task
    event.clear()


async def condition_then_lock(logs):
    lock = TracedLock(logs["lock"])
    condition = TracedCondition(logs["condition"], lock)

    async def waiter():
        await condition.acquire()
        await condition.wait()
        condition.release()

    task = asyncio.create_task(waiter(), name="waiter")
    await asyncio.sleep(0)
    await condition.acquire()
    condition.notify()
    await asyncio.sleep(0)
    condition.release()
    await task


async def semaphore_hand_off(logs):
    semaphore = TracedSemaphore(logs["semaphore"], 1)

    async def worker():
        await semaphore.acquire()

    await semaphore.acquire()
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(0)
    semaphore.release()
    await task


async def queue_get_and_join(logs):
    queue = TracedQueue(logs["queue"], 1)

    async def getter():
        await queue.get()
        queue.task_done()

    task = asyncio.create_task(getter(), name="getter")
    await asyncio.sleep(0)
    queue.put_nowait(7)
    await queue.join()
    await task


SCENARIOS = [
    (lock_hand_off, ["lock"]),
    (lock_released_by_a_callback, ["lock"]),
    (event_set_and_cleared, ["event"]),
    (condition_then_lock, ["condition", "lock"]),
    (semaphore_hand_off, ["semaphore"]),
    (queue_get_and_join, ["queue"]),
]


async def named_main(scenario, logs):
    asyncio.current_task().set_name("main")
    await scenario(logs)


def main():
    if sys.version_info[:3] != (3, 12, 1):
        sys.exit("run this with CPython 3.12.1: PYENV_VERSION=3.12.1 python3 " + sys.argv[0])
    for scenario, names in SCENARIOS:
        logs = {name: Log() for name in names}
        counted_loop.iteration = 0
        owners.clear()
        with asyncio.Runner(loop_factory=TracingLoop) as runner:
            runner.run(named_main(scenario, logs))
        for name in names:
            print(f"{scenario.__name__} {name}: {logs[name].line()}")


if __name__ == "__main__":
    main()
