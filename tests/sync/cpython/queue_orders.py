"""The order items leave a Queue, LifoQueue and PriorityQueue. The priority items compare on
their priority only, so equal priorities leave in heapq's order, not insertion order."""
import asyncio
import dataclasses
import sys


@dataclasses.dataclass(order=True)
class Item:
    priority: int
    label: str = dataclasses.field(compare=False)


def drain(queue):
    out = []
    while not queue.empty():
        item = queue.get_nowait()
        out.append(item.label if isinstance(item, Item) else str(item))
    return " ".join(out)


async def main():
    for kind in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        queue = kind()
        for value in (3, 1, 4, 1, 5, 9, 2, 6):
            queue.put_nowait(value)
        print(f"{kind.__name__}: {drain(queue)}")
    queue = asyncio.PriorityQueue()
    for i in range(8):
        queue.put_nowait(Item(0, f"t{i}"))
    print(f"PriorityQueue ties: {drain(queue)}")
    queue = asyncio.PriorityQueue()
    for i in range(12):
        queue.put_nowait(Item(i * 7 % 3, f"m{i}"))
    print(f"PriorityQueue mixed: {drain(queue)}")


if sys.version_info[:3] != (3, 12, 1):
    sys.exit("run this with CPython 3.12.1: PYENV_VERSION=3.12.1 python3 " + sys.argv[0])
asyncio.run(main())
