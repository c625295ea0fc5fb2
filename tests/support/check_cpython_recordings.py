"""Checks that what the C++ tests expect is still what CPython 3.12 prints.

Each folder tests/<suite>/cpython/ holds asyncio scripts; every line a script prints is an
ordering recorded from CPython. The C++ tests of that suite (tests/<suite>/*_test.cpp) hold
those lines, either as string literals or, for the recording scripts (`--print` makes them
print instead of writing), in the files under tests/<suite>/expected/. This re-runs every script
with CPython 3.12 and fails if a printed line is found in neither place, so a recording cannot
drift from its test. Exits 77 (ctest: skipped) when no CPython 3.12 is available.

Usage: check_cpython_recordings.py TESTS_DIR
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

SKIPPED = 77
HELPER_MODULES = {"counting_loop.py", "counted_loop.py"}
RECORDING_SCRIPTS = {"task_orders.py": "async/expected/task_orders.txt",
                     "record_loop_orders.py": "loop/expected/loop_orders.txt"}


# The engine's suites, whose tests expect lines their cpython/ scripts print. (bench/ holds
# timings; the interpreter's suites record whole expected files with recorders of their own.)
ORDERING_SUITES = {"loop", "async", "sync", "trace"}
ATTEMPTS = 3

def find_cpython_312():
    """A command running CPython 3.12: pyenv's 3.12.1 if present, else python3 if it is 3.12."""
    candidates = []
    pyenv_root = pathlib.Path(os.environ.get("PYENV_ROOT", pathlib.Path.home() / ".pyenv"))
    candidates += sorted(pyenv_root.glob("versions/3.12*/bin/python3"))
    for name in ("python3.12", "python3"):
        found = shutil.which(name)
        if found:
            candidates.append(pathlib.Path(found))
    for candidate in candidates:
        try:
            version = subprocess.run([str(candidate), "-c", "import sys; print(sys.version_info[:2])"],
                                     capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            continue
        if version == "(3, 12)":
            return str(candidate)
    return None


def literals_of(cpp_files):
    """Every string literal of the files, with adjacent literals joined as the compiler does."""
    joined = set()
    literal = r'"((?:[^"\\\n]|\\.)*)"'
    for path in cpp_files:
        text = path.read_text()
        for run in re.finditer(rf'{literal}(?:\s*{literal})*', text):
            parts = re.findall(literal, run.group(0))
            joined.add("".join(parts).replace('\\"', '"').replace("\\\\", "\\"))
    return joined


def expected_texts(tests_dir, suite):
    return "\n".join(p.read_text() for p in sorted((tests_dir / suite / "expected").glob("*.txt")))


def main():
    tests_dir = pathlib.Path(sys.argv[1]).resolve()
    python = find_cpython_312()
    if python is None:
        print("CPython 3.12 not found: skipped")
        return SKIPPED
    failures = []
    checked = 0
    for script_dir in sorted(tests_dir.glob("*/cpython")):
        suite = script_dir.parent.name
        if suite not in ORDERING_SUITES:
            continue  # the interpreter's suites record whole files, checked by their own recorders
        literals = literals_of(sorted(script_dir.parent.glob("*_test.cpp")))
        recorded = expected_texts(tests_dir, suite)
        expected_lines = set(recorded.splitlines())

        def unexpected(line):
            notes = line.split(": ", 1)[1] if ": " in line else line
            return line not in expected_lines and line not in literals and notes not in literals

        for script in sorted(script_dir.glob("*.py")):
            if script.name in HELPER_MODULES:
                continue
            args = [python, script.name] + (["--print"] if script.name in RECORDING_SCRIPTS else [])
            # Scripts that measure real time can print other figures on a machine too busy to
            # keep their timers: a script counts as wrong only if no run of three matches.
            for _ in range(ATTEMPTS):
                result = subprocess.run(args, cwd=script_dir, capture_output=True, text=True,
                                        timeout=120)
                lines = [line for line in result.stdout.splitlines() if line.strip()]
                wrong = [line for line in lines if unexpected(line)]
                if result.returncode == 0 and not wrong:
                    break
            checked += len(lines)
            if result.returncode != 0:
                failures.append(f"{script.relative_to(tests_dir)} failed:\n{result.stderr}")
                continue
            for line in wrong:
                failures.append(f"{script.relative_to(tests_dir)} printed a line no test expects:\n  {line}")
    for failure in failures:
        print(failure)
    print(f"{checked} lines printed by CPython checked, {len(failures)} not found in the tests")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
