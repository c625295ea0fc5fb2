#!/usr/bin/env python3
"""Runs the same Python scripts under loopscope-run and under CPython 3.12, side by side.

The scenario language's targets (docs/SCRIPTS.md, docs/PERFORMANCE.md): on the four scheduler
workloads written in Python (tests/bench/cpython/), at least 5x faster than CPython with the
trace on; on a compute-bound script (tests/vm/bench/compute.py), at most 1.5x CPython's time;
peak memory no more than CPython's.

Each script runs RUNS times in a fresh process under each interpreter. What is measured is the
whole process, from wait4's resource usage: CPU time (user + system) and peak resident set
(ru_maxrss). Whole processes, because inside loopscope-run a script's own perf_counter reads
the virtual clock; CPU time rather than wall time, because it does not count the time the
process waited for a core on a busy machine, nor CPython's real sleeps in (c) (ours are
virtual). Both sides pay their start-up (CPython's is about 15 ms, ours under 5 ms). The table
shows the median CPU time and the largest peak RSS of the runs. loopscope-run runs with its
default limits and records the trace as it always does (the app needs it); CPython keeps none.

Usage: script_bench.py --loopscope-run PATH [--runs N] [--cpython CMD ...]
Prints | workload | Loopscope | CPython 3.12 | speed-up | target | ok | peak RSS ... |.
Exits 1 if a script failed under either interpreter.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from figures import print_table  # the same Markdown tables as the benchmark figures

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Workload:
    label: str
    script: Path
    # Loopscope must be at least this many times faster (>= 1) or at most 1/this slower (< 1).
    min_speed_up: float


WORKLOADS = [
    Workload("(a) gather 100k tasks that each sleep(0)",
             ROOT / "tests/bench/cpython/gather_sleep0.py", 5.0),
    Workload("(b) 200k ping-pong round trips through two queues",
             ROOT / "tests/bench/cpython/queue_ping_pong.py", 5.0),
    Workload("(c) 100k tasks sleeping a random 0–100 ms",
             ROOT / "tests/bench/cpython/random_sleeps.py", 5.0),
    Workload("(d) 100k tasks through Semaphore(10)",
             ROOT / "tests/bench/cpython/semaphore.py", 5.0),
    Workload("compute: fib, loops, comprehensions, methods",
             ROOT / "tests/vm/bench/compute.py", 1 / 1.5),
]


@dataclass(frozen=True)
class Measurement:
    seconds: float  # median CPU time (user + system) of the runs
    peak_rss_mb: float  # the largest peak RSS of the runs


def run_once(command: list[str]) -> tuple[float, float]:
    """CPU seconds and peak RSS (MB) of one run; raises if the script failed."""
    # stderr goes to a file: a pipe nobody reads until the end could fill up and stall the run.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            text = errors.read().decode(errors="replace")
            raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: {text[-500:]}")
    cpu_seconds = usage.ru_utime + usage.ru_stime
    return cpu_seconds, usage.ru_maxrss / 1024


def measure(command: list[str], runs: int) -> Measurement:
    samples = [run_once(command) for _ in range(runs)]
    return Measurement(statistics.median(s[0] for s in samples), max(s[1] for s in samples))


def cells(workload: Workload, ours: Optional[Measurement],
          theirs: Optional[Measurement], missing: str) -> list[str]:
    if workload.min_speed_up >= 1:
        target = f"≥ {workload.min_speed_up:.0f}x faster"
    else:
        target = f"≤ {1 / workload.min_speed_up:.1f}x CPython's time"
    ours_time = f"{ours.seconds:.3f} s" if ours else "failed"
    ours_rss = f"{ours.peak_rss_mb:.0f} MB" if ours else "-"
    if theirs is None or ours is None:
        theirs_time = f"{theirs.seconds:.3f} s" if theirs else missing
        theirs_rss = f"{theirs.peak_rss_mb:.0f} MB" if theirs else missing
        return [workload.label, ours_time, theirs_time, "-", target, "-", ours_rss, theirs_rss,
                "-"]
    speed_up = theirs.seconds / ours.seconds
    time_ok = "yes" if speed_up >= workload.min_speed_up else "NO"
    memory_ok = "yes" if ours.peak_rss_mb <= theirs.peak_rss_mb else "NO"
    return [workload.label, ours_time, f"{theirs.seconds:.3f} s", f"{speed_up:.2f}x", target,
            time_ok, ours_rss, f"{theirs.peak_rss_mb:.0f} MB", memory_ok]


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loopscope-run", required=True, metavar="PATH")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cpython", nargs="*", metavar="CMD", default=None,
                        help="the command that runs CPython 3.12; omitted when there is none")
    parser.add_argument("--cpython-missing", default="n/a (CPython 3.12 not found)")
    options = parser.parse_args(arguments)

    failed = False
    rows = []
    for workload in WORKLOADS:
        print(f"script_bench: {workload.script.name}", file=sys.stderr)
        ours = theirs = None
        try:
            ours = measure([options.loopscope_run, str(workload.script)], options.runs)
        except RuntimeError as error:
            print(f"script_bench: {error}", file=sys.stderr)
            failed = True
        if options.cpython:
            try:
                theirs = measure(options.cpython + [str(workload.script)], options.runs)
            except RuntimeError as error:
                print(f"script_bench: {error}", file=sys.stderr)
                failed = True
        rows.append(cells(workload, ours, theirs, options.cpython_missing))
    print_table(["script (CPU time)", "Loopscope", "CPython 3.12", "speed-up", "target", "ok",
                 "peak RSS Loopscope", "peak RSS CPython", "ok"], rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
