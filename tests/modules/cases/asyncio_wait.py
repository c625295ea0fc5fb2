import asyncio


async def job(delay, value, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(value)
    return value


async def main():
    tasks = [asyncio.create_task(job(d, f"v{d}")) for d in (0.03, 0.01, 0.02)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.015)
    print(len(done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))

    order = []
    for next_done in asyncio.as_completed([job(0.02, "slow"), job(0.01, "fast"), job(0.03, "slowest")]):
        order.append(await next_done)
    print(order)

    inner = asyncio.create_task(job(0.02, "shielded"))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled?", inner.cancelled())
    print(await inner)

    results = await asyncio.gather(job(0.01, "boom", fail=True), job(0.02, "fine"),
                                   return_exceptions=True)
    print(results)
    try:
        await asyncio.gather(job(0.01, "first failure", fail=True), job(0.02, "later"))
    except RuntimeError as e:
        print("gather raised", e)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
