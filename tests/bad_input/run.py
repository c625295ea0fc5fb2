#!/usr/bin/env python3
"""Runs one bad-input script under loopscope-run and checks its outcome.

    run.py --runner PATH/loopscope-run [--sanitized] [--scratch DIR] NAME
    run.py --runner PATH/loopscope-run [--sanitized] --all

A script CPython has an answer for (cpython_outcomes.json, written by record.py) passes when
loopscope-run, with no options, exits with CPython's code, prints CPython's stdout, ends stderr
with CPython's last line and points at the same file and line. A script listed in
loopscope_only.txt (CPython hangs, or runs what Loopscope refuses) passes when loopscope-run,
with that line's options, exits with its code, ends stderr with a line containing its message
and points at its line. Object addresses and directories are blanked on both sides.

A run that outlives --timeout fails: every runaway must be stopped by Loopscope's own limits.
--sanitized marks an AddressSanitizer build: scripts flagged no-sanitizer in loopscope_only.txt
or listed in no_sanitizer.txt are skipped (exit 77).

known_gaps.txt lists scripts loopscope-run does not pass yet, `NAME: reason` a line: they are
skipped (77) while they fail and fail once they pass, so the list can only shrink.
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import generated
import outcome

SKIP = 77
KNOWN_GAPS = outcome.HERE / "known_gaps.txt"
NO_SANITIZER = outcome.HERE / "no_sanitizer.txt"


def read_known_gaps(path=KNOWN_GAPS):
    """`NAME: reason` lines (known_gaps.txt, no_sanitizer.txt): {name: reason}"""
    gaps = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, _, reason = line.partition(":")
            gaps[name.strip()] = reason.strip()
    return gaps


def run_loopscope(runner, name, options, scratch, timeout):
    if name in generated.GENERATED:
        directory = scratch
        generated.write(name, directory)
    else:
        directory = outcome.HERE
    command = [runner, *options, f"{name}.py"]
    started = time.monotonic()
    try:
        result = subprocess.run(command, cwd=directory, capture_output=True,
                                stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        stderr = (e.stderr or b"").decode("utf-8", errors="replace")
        return command, directory, None, "", stderr, timeout
    return (command, directory, result.returncode,
            result.stdout.decode("utf-8", errors="replace"),
            result.stderr.decode("utf-8", errors="replace"), time.monotonic() - started)


def check(runner, name, recorded, ours, scratch, timeout, sanitized, gaps):
    status, report = check_outcome(runner, name, recorded, ours, scratch, timeout, sanitized)
    if name in gaps:
        if status == 1:
            return SKIP, f"SKIP {name}: known gap: {gaps[name]}\n{report}"
        if status == 0:
            return 1, f"FAIL {name} passes but is listed in known_gaps.txt: remove the line"
    return status, report


def check_outcome(runner, name, recorded, ours, scratch, timeout, sanitized):
    if name in ours:
        expected = ours[name]
        if sanitized and "no-sanitizer" in expected["flags"]:
            return SKIP, f"SKIP {name}: not run under AddressSanitizer (no-sanitizer)"
        options = expected["options"]
    elif name in recorded:
        expected = recorded[name]
        if sanitized and name in read_known_gaps(NO_SANITIZER):
            return SKIP, f"SKIP {name}: not run under AddressSanitizer (no_sanitizer.txt)"
        options = []
    else:
        return 2, f"FAIL {name}: no expectation (run record.py, or add it to loopscope_only.txt)"

    command, directory, code, stdout, stderr, seconds = run_loopscope(runner, name, options,
                                                                      scratch, timeout)
    message = outcome.last_line(stderr)
    place = outcome.where(stderr, directory)
    problems = []
    if code is None:
        problems.append(f"still running after {timeout:g} s: no Loopscope limit stopped it")
    elif code != expected["code"]:
        problems.append(f"exit code {code}" + (f" (signal {-code})" if code < 0 else "")
                        + f", expected {expected['code']}")
    if name in ours:
        if expected["message"] not in message:
            problems.append(f"last stderr line {message!r} does not contain "
                            f"{expected['message']!r}")
    else:
        if message != expected["message"]:
            problems.append(f"last stderr line {message!r}, CPython {expected['message']!r}")
        if outcome.normalise(stdout) != expected["stdout"]:
            problems.append(f"stdout {outcome.normalise(stdout)[-300:]!r}, "
                            f"CPython {expected['stdout'][-300:]!r}")
    if place != expected["where"]:
        problems.append(f"points at {place or 'no line'!r}, expected "
                        f"{expected['where'] or 'no line'!r}")
    if problems:
        report = [f"FAIL {name}: {' '.join(command)}", *("  " + p for p in problems)]
        if stderr.strip():
            report += ["stderr of loopscope-run (last 20 lines):",
                       *stderr.rstrip().splitlines()[-20:]]
        return 1, "\n".join(report)
    return 0, f"PASS {name} ({seconds:.2f} s): {message[:120]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runner", required=True, help="path of loopscope-run")
    parser.add_argument("--scratch", type=Path, default=Path("bad_input_generated"),
                        help="where generated scripts are written (default: ./bad_input_generated)")
    parser.add_argument("--timeout", type=float, default=90.0,
                        help="seconds before a run counts as hung")
    parser.add_argument("--sanitized", action="store_true",
                        help="an AddressSanitizer build: skip no-sanitizer scripts")
    parser.add_argument("--all", action="store_true", help="run every script, then a summary")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    if not args.all and len(args.names) != 1:
        parser.error("give one script name, or --all")
    if not Path(args.runner).is_file():
        print(f"run.py: no loopscope-run at {args.runner}", file=sys.stderr)
        return 2

    runner = str(Path(args.runner).resolve())  # the scripts run in their own directory
    recorded = json.loads(outcome.CPYTHON_OUTCOMES.read_text(encoding="utf-8"))
    ours = outcome.read_loopscope_only()
    gaps = read_known_gaps()
    scratch = args.scratch.resolve()
    names = args.names or outcome.all_scripts()
    counts = {}
    for name in names:
        status, report = check(runner, name.removesuffix(".py"), recorded, ours, scratch,
                               args.timeout, args.sanitized, gaps)
        counts[status] = counts.get(status, 0) + 1
        print(report if not args.all or status in (1, 2) else report.splitlines()[0], flush=True)
    if args.all:
        print(f"{counts.get(0, 0)} passed, {counts.get(1, 0) + counts.get(2, 0)} failed, "
              f"{counts.get(SKIP, 0)} skipped")
        return 1 if counts.get(1) or counts.get(2) else 0
    return status


if __name__ == "__main__":
    sys.exit(main())
