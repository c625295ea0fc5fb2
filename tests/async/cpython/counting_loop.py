"""Shared by the scripts in this folder: runs a scenario and prints its `what@iteration` notes.

Iteration 1 is the one that runs main's first step, as `loop.iteration()` counts in the C++
tests. Each script prints one line per scenario: `name: note note ...`.
"""
import asyncio
import sys

iteration = 0


class CountingLoop(asyncio.SelectorEventLoop):
    def _run_once(self):
        global iteration
        iteration += 1
        super()._run_once()


def require_312():
    if sys.version_info[:2] != (3, 12):
        sys.exit("run this with CPython 3.12: PYENV_VERSION=3.12.1 python3 " + sys.argv[0])


def run(scenario):
    """Runs `scenario(note)` as asyncio.run would, and prints its notes."""
    global iteration
    iteration = 0
    log = []

    def note(what):
        log.append(f"{what}@{iteration}")

    with asyncio.Runner(loop_factory=CountingLoop) as runner:
        try:
            runner.run(scenario(note))
        except BaseException as error:  # the scenario's own outcome is part of the record
            log.append(f"main raised {type(error).__name__}@{iteration}")
    print(f"{scenario.__name__}: {' '.join(log)}")
