#!/usr/bin/env python3
"""Runs one conformance script under loopscope-run and compares it with CPython's recording.

    run.py --runner PATH/loopscope-run --clock virtual|real NN_topic[.py]
    run.py --runner PATH/loopscope-run --clock virtual|real --all [NAME...]

Passes when stdout is identical to expected/NN_topic.out, the last non-empty stderr line equals
expected/NN_topic.err and the exit code equals expected/NN_topic.code (all recorded by
record.py). On a mismatch it prints a unified diff of each part that differs.

Scripts listed in known_gaps.txt are ones the interpreter does not pass yet. For them the exit
code is 77 (ctest's SKIP_RETURN_CODE) while they still fail, and 1 once they pass, so that the
list can only shrink: delete the line when that happens.

known_gaps.txt: one `NAME: reason` a line (`#` starts a comment). `NAME@virtual: reason` or
`NAME@real: reason` limits the entry to one clock. A reason starting with `flaky` marks a script
that fails only sometimes: it is skipped when it fails and passes when it passes (remove the
line once the cause is fixed).
"""

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
KNOWN_GAPS = HERE / "known_gaps.txt"
SCRIPT_NAME = re.compile(r"^\d+_\w+\.py$")
SKIP = 77


def read_known_gaps(path):
    """{(name, clock or None): reason}"""
    gaps = {}
    if not path.exists():
        return gaps
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, reason = line.partition(":")
        if not sep or not reason.strip():
            raise SystemExit(f"{path.name}:{number}: expected `NAME: reason`, got {raw!r}")
        name = name.strip().removesuffix(".py")
        clock = None
        if "@" in name:
            name, clock = name.split("@", 1)
        gaps[(name, clock)] = reason.strip()
    return gaps


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def first_difference(expected, actual):
    """The first stdout line that differs, for one-line reasons."""
    expected_lines = expected.splitlines()
    actual_lines = actual.splitlines()
    for number, (want, got) in enumerate(zip(expected_lines, actual_lines), 1):
        if want != got:
            return f"stdout line {number}: expected {want[:60]!r}, got {got[:60]!r}"
    if len(actual_lines) < len(expected_lines):
        return f"stdout stops after {len(actual_lines)} of {len(expected_lines)} lines"
    if len(actual_lines) > len(expected_lines):
        return f"stdout has {len(actual_lines) - len(expected_lines)} extra lines"
    return "stdout differs in line endings"


def diff(label, expected, actual):
    lines = difflib.unified_diff(expected.splitlines(keepends=True),
                                 actual.splitlines(keepends=True),
                                 fromfile=f"{label} (CPython 3.12)",
                                 tofile=f"{label} (loopscope-run)")
    text = "".join(line if line.endswith("\n") else line + "\n\\ no newline at end\n"
                   for line in lines)
    return text


REAL_CLOCK_ATTEMPTS = 3


def run_and_compare(command, timeout, expected_out, expected_err, expected_code):
    """Runs loopscope-run once: (problems, one-line reasons, its stderr, stderr's last line)."""
    problems = []
    reasons = []
    try:
        result = subprocess.run(command, cwd=HERE, capture_output=True, timeout=timeout)
        actual_out = result.stdout.decode("utf-8", errors="replace")
        stderr = result.stderr.decode("utf-8", errors="replace")
        actual_err = last_line(stderr)
        actual_code = result.returncode
    except subprocess.TimeoutExpired as e:
        actual_out = (e.stdout or b"").decode("utf-8", errors="replace")
        stderr = (e.stderr or b"").decode("utf-8", errors="replace")
        actual_err = last_line(stderr)
        actual_code = None
        problems.append(f"timed out after {timeout:g} s")
        reasons.append("times out")

    if actual_out != expected_out:
        problems.append("stdout differs:\n" + diff("stdout", expected_out, actual_out))
        reasons.append(first_difference(expected_out, actual_out))
    if actual_err != expected_err:
        problems.append(f"last stderr line differs:\n  CPython:       {expected_err!r}\n"
                        f"  loopscope-run: {actual_err!r}")
        reasons.append(f"stderr ends {actual_err[:100]!r}")
    if actual_code is not None and actual_code != expected_code:
        problems.append(f"exit code differs: CPython {expected_code}, loopscope-run {actual_code}")
        reasons.append(f"crashes (signal {-actual_code})" if actual_code < 0
                       else f"exit code {actual_code}")
    return problems, reasons, stderr, actual_err


def check(runner, clock, stem, gaps, timeout, speed=None):
    """Runs one script: (exit status for ctest, report text, one-line reason when it fails)."""
    script = stem + ".py"
    if not (HERE / script).exists():
        return 2, f"run.py: no such script: {HERE / script}", None
    try:
        expected_out = (EXPECTED / f"{stem}.out").read_text(encoding="utf-8")
        expected_err = (EXPECTED / f"{stem}.err").read_text(encoding="utf-8").strip("\n")
        expected_code = int((EXPECTED / f"{stem}.code").read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        return 2, f"run.py: no recording for {script} ({e.filename}); run record.py", None
    gap = gaps.get((stem, clock)) or gaps.get((stem, None))

    command = [runner, "--clock", clock, script]
    if speed is not None and clock == "real":
        command[1:1] = ["--speed", f"{speed:g}"]
    # On the real clock an ordering depends on the machine keeping up with loop time, and a
    # test running beside this one can make it fall behind: a real-clock run that differs is
    # run again before it counts. The virtual clock has one answer, first time.
    for _ in range(REAL_CLOCK_ATTEMPTS if clock == "real" else 1):
        problems, reasons, stderr, actual_err = run_and_compare(
            command, timeout, expected_out, expected_err, expected_code)
        if not problems:
            break

    where = f"{script} ({clock} clock)"
    reason = "; ".join(reasons) if reasons else None
    if gap is not None:
        if problems:
            return SKIP, f"SKIP {where}: known gap: {gap}", reason
        if gap.lower().startswith("flaky"):
            return 0, f"PASS {where} (listed in known_gaps.txt: {gap})", None
        return 1, f"FAIL {where} passes but is listed in known_gaps.txt ({gap}): remove the line", None
    if problems:
        report = [f"FAIL {where}: {' '.join(command)}", *problems]
        if stderr.strip() and actual_err != expected_err:
            report += ["full stderr of loopscope-run:", stderr.rstrip()]
        return 1, "\n".join(report), reason
    return 0, f"PASS {where}", None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runner", required=True, help="path of loopscope-run")
    parser.add_argument("--clock", choices=("virtual", "real"), default="virtual")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before giving up")
    parser.add_argument("--all", action="store_true",
                        help="run every script, print one line each and a summary")
    parser.add_argument("--dir", type=Path,
                        help="another folder of scripts with their own expected/ recordings "
                             "(the lessons); default: this one")
    parser.add_argument("--speed", type=float,
                        help="the real clock's speed (long scripts such as lessons run faster)")
    parser.add_argument("names", nargs="*", help="the scripts, NN_topic or NN_topic.py")
    args = parser.parse_args()
    global HERE, EXPECTED
    if args.dir:
        HERE = args.dir.resolve()
        EXPECTED = HERE / "expected"
    if not args.all and len(args.names) != 1:
        parser.error("give one script name, or --all")

    if not Path(args.runner).is_file():
        print(f"run.py: no loopscope-run at {args.runner} (build the loopscope-run target)",
              file=sys.stderr)
        return 2
    gaps = read_known_gaps(KNOWN_GAPS) if not args.dir else {}
    if not args.all:
        status, report, _ = check(args.runner, args.clock, args.names[0].removesuffix(".py"),
                                  gaps, args.timeout, args.speed)
        print(report)
        return status

    # --all: a summary, plus the failures as known_gaps.txt lines to review.
    stems = args.names or sorted(p.stem for p in HERE.glob("*.py") if SCRIPT_NAME.match(p.name))
    counts = {0: 0, 1: 0, SKIP: 0, 2: 0}
    failing = []
    for stem in (n.removesuffix(".py") for n in stems):
        status, report, reason = check(args.runner, args.clock, stem, gaps, args.timeout,
                                       args.speed)
        counts[status] = counts.get(status, 0) + 1
        print(report.splitlines()[0])
        if status == 1 and reason:
            failing.append(f"{stem}@{args.clock}: {reason}")
    print(f"{counts[0]} passed, {counts[1]} failed, {counts[SKIP]} known gaps ({args.clock} clock)")
    if failing:
        print("failing scripts, as known_gaps.txt lines:")
        print("\n".join(failing))
    return 1 if counts[1] or counts[2] else 0


if __name__ == "__main__":
    sys.exit(main())
