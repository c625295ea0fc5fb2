# asyncio's coroutine functions need no running loop when called, only when the coroutine runs
# (CPython 3.12: they are `async def`). And what they check, they check when they run.
import asyncio


async def five():
    return 5


print(asyncio.run(asyncio.sleep(0.01, "sleep as main")))
print(asyncio.run(asyncio.wait_for(five(), 1)))
asyncio.run(asyncio.to_thread(print, "to_thread as main"))

made_early = asyncio.sleep(0.01, "made before asyncio.run")
print(asyncio.iscoroutine(made_early))


async def await_it(awaitable):
    return await awaitable


print(asyncio.run(await_it(made_early)))

# Primitives made at module level, and their coroutines made before any loop runs.
queue = asyncio.Queue()
lock = asyncio.Lock()
event = asyncio.Event()
semaphore = asyncio.Semaphore(1)
condition = asyncio.Condition()
get = queue.get()
put = queue.put("put early")
acquire = lock.acquire()
wait = event.wait()
sem_acquire = semaphore.acquire()
cond_acquire = condition.acquire()


async def main():
    await put
    print("got:", await get)
    print("acquired:", await acquire, lock.locked())
    lock.release()
    asyncio.get_running_loop().call_later(0.01, event.set)
    print("event:", await wait)
    print("semaphore:", await sem_acquire, semaphore.locked())
    print("condition:", await cond_acquire, condition.locked())
    condition.release()
    to_thread = asyncio.to_thread(sum, [1, 2, 3])
    print("to_thread:", await to_thread)


asyncio.run(main())


# Errors come at the await, not at the call.
async def errors():
    bad_sleep = asyncio.sleep("soon")
    print("sleep made")
    try:
        await bad_sleep
    except TypeError as e:
        print("TypeError:", e)
    task = asyncio.create_task(asyncio.sleep(0))
    bad_wait_for = asyncio.wait_for(task, "soon")
    print("wait_for made")
    try:
        await bad_wait_for
    except TypeError as e:
        print("TypeError:", e)
    await task
    empty = asyncio.wait([])
    print("wait made")
    try:
        await empty
    except ValueError as e:
        print("ValueError:", e)
    not_a_list = asyncio.wait(task)
    try:
        await not_a_list
    except TypeError as e:
        print("TypeError:", e)
    bad_when = asyncio.wait([task], return_when="SOMETIME")
    try:
        await bad_when
    except ValueError as e:
        print("ValueError:", e)
    cond = asyncio.Condition()
    unlocked_wait = cond.wait()
    try:
        await unlocked_wait
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(errors())
outside = asyncio.wait([])
print(asyncio.iscoroutine(outside))
outside.close()
