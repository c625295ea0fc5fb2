#!/usr/bin/env python3
"""Turns Google Benchmark JSON results into the performance figures tables.

A figure is one counter of one benchmark. The benchmark programs publish every figure as a
counter (callbacks_per_second, total_seconds, lateness_p99_us, ...); FIGURES below says which
counter of which benchmark makes which row, how to print it, and what it must meet.

A comparison puts one of our workloads beside the same asyncio script on CPython 3.12
(tests/bench/cpython/). Each script prints `key: value` lines; tests/bench/run runs each one
several times and keeps everything it printed in CPYTHON_DIR/<script>.txt. COMPARISONS says
which counter is compared with which printed key (the median over the runs), and the ratio
CPython / Loopscope it must reach.

Usage: figures.py [--cpython CPYTHON_DIR | --cpython-missing TEXT] RESULTS.json [RESULTS.json ...]
Prints | figure | measured | target | ok |, then | workload | Loopscope | CPython 3.12 | ratio |
target | ok |. Without --cpython, the CPython column reads "n/a (CPython 3.12 not found)", or
what --cpython-missing says.
Exits 1 if a benchmark reported an error or a CPython script printed no figure.
"""

import argparse
import json
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional


@dataclass(frozen=True)
class Target:
    text: str  # as printed in the table
    is_met: Callable[[float], bool]


def at_least(limit: float, text: str) -> Target:
    return Target(text, lambda measured: measured >= limit)


def below(limit: float, text: str) -> Target:
    return Target(text, lambda measured: measured < limit)


def millions_per_second(value: float) -> str:
    return f"{value / 1e6:.1f} M/s"


def seconds(value: float) -> str:
    return f"{value:.3f} s"


def micros(value: float) -> str:
    return f"{value:.1f} µs"


def byte_count(value: float) -> str:
    return f"{value:.1f} B"


def megabytes(value: float) -> str:
    return f"{value:.1f} MB"


def at_most(limit: float, text: str) -> Target:
    return Target(text, lambda measured: measured <= limit)


@dataclass(frozen=True)
class Figure:
    label: str
    benchmark: str  # the name without run attributes: see benchmark_key
    counter: str
    show: Callable[[float], str]
    target: Optional[Target] = None


FIGURES = [
    # loop_bench: call_soon_bench.cpp
    Figure("call_soon throughput, batches of 1000, trace buffer reused",
           "BM_CallSoonBatch/batch:1000/recording:1", "callbacks_per_second",
           millions_per_second, at_least(20e6, "≥ 20 M/s")),
    Figure("call_soon throughput, 1M callbacks into a fresh (growing) trace",
           "BM_CallSoonMillionFreshTrace/recording:1", "callbacks_per_second",
           millions_per_second, at_least(20e6, "≥ 20 M/s")),
    Figure("call_soon throughput, self-rescheduling (one callback per iteration)",
           "BM_CallSoonSelfRescheduling/recording:1", "callbacks_per_second",
           millions_per_second),
    Figure("call_soon throughput, batches of 1000, recording off",
           "BM_CallSoonBatch/batch:1000/recording:0", "callbacks_per_second",
           millions_per_second),
    Figure("call_soon throughput, 1M callbacks, recording off",
           "BM_CallSoonMillionFreshTrace/recording:0", "callbacks_per_second",
           millions_per_second),
    Figure("call_soon throughput, self-rescheduling, recording off",
           "BM_CallSoonSelfRescheduling/recording:0", "callbacks_per_second",
           millions_per_second),
    # loop_bench: timer_bench.cpp
    Figure("1M timers, virtual clock: schedule + fire, total",
           "BM_MillionTimers/recording:1", "total_seconds", seconds, below(0.5, "< 0.5 s")),
    Figure("1M timers: scheduling part", "BM_MillionTimers/recording:1", "schedule_seconds",
           seconds),
    Figure("1M timers: firing part", "BM_MillionTimers/recording:1", "fire_seconds", seconds),
    Figure("1M timers, recording off: total", "BM_MillionTimers/recording:0", "total_seconds",
           seconds),
    # loop_bench: timer_lateness_bench.cpp
    Figure("1 ms timer lateness, real clock: p50", "BM_RealClockTimerLateness",
           "lateness_p50_us", micros),
    Figure("1 ms timer lateness, real clock: p99", "BM_RealClockTimerLateness",
           "lateness_p99_us", micros, below(200, "< 200 µs")),
    Figure("1 ms timer lateness, real clock: max", "BM_RealClockTimerLateness",
           "lateness_max_us", micros),
    # loop_bench: threadsafe_round_trip_bench.cpp
    Figure("call_soon_threadsafe round trip, poster sleeps (futex): p50",
           "BM_ThreadsafeRoundTrip/answer_by_futex:1", "round_trip_p50_us", micros),
    Figure("call_soon_threadsafe round trip, poster sleeps (futex): mean",
           "BM_ThreadsafeRoundTrip/answer_by_futex:1", "round_trip_mean_us", micros),
    Figure("call_soon_threadsafe round trip, poster spins: p50",
           "BM_ThreadsafeRoundTrip/answer_by_futex:0", "round_trip_p50_us", micros),
    Figure("call_soon_threadsafe round trip, poster spins: mean",
           "BM_ThreadsafeRoundTrip/answer_by_futex:0", "round_trip_mean_us", micros),
    # task_memory_bench (recording off: the trace is not counted; glibc malloc)
    Figure("bytes per suspended task (100k tasks in sleep(1 s))",
           "BM_SuspendedTaskMemory_Sleep", "bytes_per_task", byte_count,
           at_most(256, "≤ 256 B")),
    Figure("bytes per suspended task (100k tasks on one never-set future)",
           "BM_SuspendedTaskMemory_Gate", "bytes_per_task", byte_count),
    Figure("bytes per trace event: sizeof(trace::Event)", "BM_TraceEventSize",
           "bytes_per_event", byte_count, at_most(48, "≤ 48 B")),
    Figure("bytes per trace event: log capacity / events after (b), the biggest trace",
           "BM_QueuePingPong/recording:1", "trace_bytes_per_event", byte_count,
           at_most(48, "≤ 48 B")),
    # scheduler_bench: scheduler_bench.cpp, recording off (recording on: the comparison table)
    Figure("(a) 100k tasks, sleep(0) once, gathered; recording off",
           "BM_GatherSleepZero/recording:0", "seconds", seconds),
    Figure("(b) 200k ping-pong round trips through two queues; recording off",
           "BM_QueuePingPong/recording:0", "seconds", seconds),
    Figure("(c) 100k tasks sleeping a random 0–100 ms, virtual clock; recording off",
           "BM_RandomSleeps/recording:0", "seconds", seconds),
    Figure("(d) 100k tasks through Semaphore(10); recording off",
           "BM_SemaphoreTasks/recording:0", "seconds", seconds),
    # trace_bench: state_seek_bench.cpp (1M events of 2,000 sleeping tasks, default checkpoints)
    Figure("State seek, random event of a 1M-event trace: p50",
           "BM_StateSeek/bytes_per_event:16", "seek_p50_us", micros),
    Figure("State seek, random event of a 1M-event trace: p99",
           "BM_StateSeek/bytes_per_event:16", "seek_p99_us", micros),
    Figure("State seek, random event of a 1M-event trace: max",
           "BM_StateSeek/bytes_per_event:16", "seek_max_us", micros, below(5000, "< 5 ms")),
    Figure("State seek, just before each checkpoint (longest fold): max",
           "BM_StateSeekWorst/bytes_per_event:16", "seek_max_us", micros, below(5000, "< 5 ms")),
    Figure("State seek into a reused State: p50", "BM_StateSeekReused/bytes_per_event:16",
           "seek_p50_us", micros),
    Figure("State index memory, 1M events (checkpoints + latest State)",
           "BM_StateIndexBuild/bytes_per_event:16", "index_mb", megabytes),
    Figure("State index build: events folded per second",
           "BM_StateIndexBuild/bytes_per_event:16", "events_per_second", millions_per_second),
]

CPYTHON_NOT_FOUND = "n/a (CPython 3.12 not found)"


@dataclass(frozen=True)
class Comparison:
    label: str
    benchmark: str  # ours: a scheduler_bench benchmark publishing `seconds`
    script: str  # theirs: the script in tests/bench/cpython/, without .py
    cpython_key: str  # the `key: value` line the script prints
    min_ratio: float = 100  # CPython's seconds / ours


COMPARISONS = [
    Comparison("(a) create and gather 100k tasks that each sleep(0) once",
               "BM_GatherSleepZero/recording:1", "gather_sleep0", "seconds"),
    Comparison("(b) 200k ping-pong round trips through two queues",
               "BM_QueuePingPong/recording:1", "queue_ping_pong", "seconds"),
    Comparison("(c) 100k tasks sleeping a random 0–100 ms (CPython: time beyond the 100 ms)",
               "BM_RandomSleeps/recording:1", "random_sleeps", "overhead_seconds"),
    Comparison("(d) 100k tasks through Semaphore(10)",
               "BM_SemaphoreTasks/recording:1", "semaphore", "seconds"),
]

# Google Benchmark appends how a benchmark was run to its name; figures name it without them.
RUN_ATTRIBUTE = re.compile(r"/(real_time|manual_time|iterations:\d+|repeats:\d+|min_time:[^/]+)")


def benchmark_key(name: str) -> str:
    return RUN_ATTRIBUTE.sub("", name)


def load_runs(paths: list[str]) -> dict[str, dict]:
    """Each benchmark's run by key; with --benchmark_repetitions, its median."""
    runs: dict[str, dict] = {}
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        if not text.strip():
            continue  # a --benchmark_filter that matched nothing in that program
        for run in json.loads(text)["benchmarks"]:
            key = benchmark_key(run.get("run_name", run["name"]))
            aggregate = run.get("aggregate_name")
            if aggregate is None and key not in runs:
                runs[key] = run
            elif aggregate == "median":
                runs[key] = run
    return runs


def row(figure: Figure, runs: dict[str, dict]) -> tuple[list[str], bool]:
    """The table cells for `figure`, and whether its benchmark reported an error."""
    target = figure.target.text if figure.target else "-"
    run = runs.get(figure.benchmark)
    if run is None:
        return [figure.label, "not run", target, "-"], False
    if run.get("error_occurred"):
        return [figure.label, f"error: {run.get('error_message', '?')}", target, "NO"], True
    if figure.counter not in run:
        return [figure.label, f"no counter {figure.counter}", target, "NO"], True
    measured = float(run[figure.counter])
    ok = "-" if figure.target is None else ("yes" if figure.target.is_met(measured) else "NO")
    return [figure.label, figure.show(measured), target, ok], False


def load_cpython(directory: Optional[str]) -> Optional[dict[str, dict[str, list[float]]]]:
    """Per script, every value each printed key took over the runs; None without CPython."""
    if directory is None:
        return None
    printed: dict[str, dict[str, list[float]]] = {}
    for output in sorted(Path(directory).glob("*.txt")):
        values: dict[str, list[float]] = {}
        for text in output.read_text(encoding="utf-8").splitlines():
            key, _, value = text.partition(":")
            try:
                values.setdefault(key.strip(), []).append(float(value))
            except ValueError:
                pass  # not a figure (an error message, say)
        printed[output.stem] = values
    return printed


def comparison_row(comparison: Comparison, runs: dict[str, dict],
                   cpython: Optional[dict[str, dict[str, list[float]]]],
                   cpython_missing: str) -> tuple[list[str], bool]:
    """The table cells for `comparison`, and whether either side failed."""
    target = f"≥ {comparison.min_ratio:.0f}x"
    failed = False
    ours: Optional[float] = None
    run = runs.get(comparison.benchmark)
    if run is None:
        ours_cell = "not run"
    elif run.get("error_occurred"):
        ours_cell = f"error: {run.get('error_message', '?')}"
        failed = True
    elif "seconds" not in run:
        ours_cell = "no counter seconds"
        failed = True
    else:
        ours = float(run["seconds"])
        ours_cell = seconds(ours)

    theirs: Optional[float] = None
    if cpython is None:
        theirs_cell = cpython_missing
    else:
        values = cpython.get(comparison.script, {}).get(comparison.cpython_key)
        if not values:
            theirs_cell = f"error: see {comparison.script}.txt"
            failed = True
        else:
            theirs = statistics.median(values)
            theirs_cell = seconds(theirs)

    if ours is None or theirs is None or ours <= 0:
        return [comparison.label, ours_cell, theirs_cell, "-", target, "-"], failed
    ratio = theirs / ours
    ok = "yes" if ratio >= comparison.min_ratio else "NO"
    return [comparison.label, ours_cell, theirs_cell, f"{ratio:.1f}x", target, ok], failed


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(cells[i]) for cells in [header] + rows) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in rows:
        print(line(cells))


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpython", metavar="CPYTHON_DIR",
                        help="the CPython scripts' output; omitted when CPython 3.12 is absent")
    parser.add_argument("--cpython-missing", metavar="TEXT", default=CPYTHON_NOT_FOUND,
                        help="what the CPython column reads without --cpython")
    parser.add_argument("results", nargs="+", metavar="RESULTS.json")
    options = parser.parse_args(arguments)

    runs = load_runs(options.results)
    failed = False
    rows = []
    for figure in FIGURES:
        cells, errored = row(figure, runs)
        rows.append(cells)
        failed = failed or errored
    print_table(["figure", "measured", "target", "ok"], rows)

    cpython = load_cpython(options.cpython)
    rows = []
    for comparison in COMPARISONS:
        cells, errored = comparison_row(comparison, runs, cpython, options.cpython_missing)
        rows.append(cells)
        failed = failed or errored
    print()
    print_table(["workload", "Loopscope", "CPython 3.12", "ratio", "target", "ok"], rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
