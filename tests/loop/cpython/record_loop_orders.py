"""Records, from CPython, the callback orders the event-loop tests expect.

Run with CPython 3.12 (`PYENV_VERSION=3.12.1 python3 tests/loop/cpython/record_loop_orders.py`);
it rewrites tests/loop/expected/loop_orders.txt. Each line is `name: i j k ...`, the order in
which callbacks ran. The scenarios must stay in step with tests/loop/timer_order_test.cpp.
"""
import asyncio
import pathlib
import sys


def scenarios():
    # Eight call_at with one deadline.
    def ties8(loop, when, out):
        for i in range(8):
            loop.call_at(when, out.append, i)

    # Twenty ties; two cancelled, one of them at the heap top.
    def ties20_cancel(loop, when, out):
        handles = [loop.call_at(when, out.append, i) for i in range(20)]
        handles[3].cancel()
        handles[0].cancel()

    # 150 ties, every third kept: more than 100 timers, more than half cancelled, so the
    # next iteration rebuilds the heap (heapify) before firing.
    def compaction(loop, when, out):
        handles = [loop.call_at(when, out.append, i) for i in range(150)]
        for i, handle in enumerate(handles):
            if i % 3 != 0:
                handle.cancel()

    # 40 timers on 5 distinct deadlines, scheduled in a scrambled order.
    def mixed(loop, when, out):
        for i in range(40):
            loop.call_at(when + (i * 7 % 5) * 0.001, out.append, i)

    return {"ties8": ties8, "ties20_cancel": ties20_cancel, "compaction": compaction, "mixed": mixed}


async def record(setup):
    loop = asyncio.get_running_loop()
    out = []
    setup(loop, loop.time() + 0.05, out)
    await asyncio.sleep(0.2)
    return out


def main():
    if sys.version_info[:2] != (3, 12):
        sys.exit("run this with CPython 3.12: PYENV_VERSION=3.12.1 python3 " + sys.argv[0])
    lines = []
    for name, setup in scenarios().items():
        order = asyncio.run(record(setup))
        lines.append(f"{name}: {' '.join(map(str, order))}")
    target = pathlib.Path(__file__).resolve().parent.parent / "expected" / "loop_orders.txt"
    if "--print" in sys.argv:  # for tests/support/check_cpython_recordings.py
        print("\n".join(lines))
        return
    target.write_text("\n".join(lines) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
