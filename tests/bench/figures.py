#!/usr/bin/env python3
"""Turns Google Benchmark JSON results into the performance figures table.

A figure is one counter of one benchmark. The benchmark programs publish every figure as a
counter (callbacks_per_second, total_seconds, lateness_p99_us, ...); FIGURES below says which
counter of which benchmark makes which row, how to print it, and what it must meet.

Usage: figures.py RESULTS.json [RESULTS.json ...]
Prints | figure | measured | target | ok |; exits 1 if a benchmark reported an error.
"""

import json
import re
import sys
from dataclasses import dataclass
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
]

# Google Benchmark appends how a benchmark was run to its name; figures name it without them.
RUN_ATTRIBUTE = re.compile(r"/(real_time|manual_time|iterations:\d+|repeats:\d+|min_time:[^/]+)")


def benchmark_key(name: str) -> str:
    return RUN_ATTRIBUTE.sub("", name)


def load_runs(paths: list[str]) -> dict[str, dict]:
    """Each benchmark's run by key; with --benchmark_repetitions, its median."""
    runs: dict[str, dict] = {}
    for path in paths:
        with open(path, encoding="utf-8") as results:
            for run in json.load(results)["benchmarks"]:
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


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    runs = load_runs(paths)
    rows = []
    failed = False
    for figure in FIGURES:
        cells, errored = row(figure, runs)
        rows.append(cells)
        failed = failed or errored
    header = ["figure", "measured", "target", "ok"]
    widths = [max(len(cells[i]) for cells in [header] + rows) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in rows:
        print(line(cells))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
