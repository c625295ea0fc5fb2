"""Runs a scenario on CPython 3.12.1 and prints its `what@iteration` notes, one line.

Iteration 1 is the loop iteration that runs main's first step, as in the C++ tests
(EventLoop::iteration()). Each script in this folder is the CPython side of one C++ test in
tests/sync/; the C++ test expects exactly what its script prints.
"""
import asyncio
import sys

iteration = 0


class CountingLoop(asyncio.SelectorEventLoop):
    def _run_once(self):
        global iteration
        iteration += 1
        super()._run_once()


def run(scenario):
    if sys.version_info[:3] != (3, 12, 1):
        sys.exit("run this with CPython 3.12.1: PYENV_VERSION=3.12.1 python3 " + sys.argv[0])
    global iteration
    iteration = 0
    log = []

    def note(what):
        log.append(f"{what}@{iteration}")

    with asyncio.Runner(loop_factory=CountingLoop) as runner:
        runner.run(scenario(note))
    print(" ".join(log))
