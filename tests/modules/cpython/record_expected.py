"""Records what CPython 3.12 prints for every script in tests/modules/cases/ (asyncio, time, sys).

With --write, for each cases/NAME.py it writes expected/NAME.stdout (all of stdout),
expected/NAME.stderr (all of stderr; the tests compare its last line only, except for the few
cases listed in script_cases_test.cpp) and expected/NAME.code (the exit code). The cases
directory's path is written <cases>, since it differs between machines. Run it with CPython 3.12:

    PYENV_VERSION=3.12.1 python3 tests/modules/cpython/record_expected.py --write [NAME ...]

Without --write it only checks that CPython still prints what was recorded, printing nothing
when it does (tests/support/check_cpython_recordings.py runs it that way) and exiting 1 with
the differences on stderr when it does not. The cases sleep for distinct durations so that
real-time jitter cannot reorder what they print.
"""

import pathlib
import subprocess
import sys
import sysconfig

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE.parent / "cases"
EXPECTED = HERE.parent / "expected"


def run(case: pathlib.Path) -> tuple[str, str, str]:
    result = subprocess.run(
        [sys.executable, case.name],
        cwd=CASES,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"},
    )
    cases_dir = str(CASES)
    # CPython's own library, wherever this one is installed, is named where Debian installs it,
    # as Loopscope names it (asyncio's debug reprs end "created at .../asyncio/tasks.py:420").
    library = sysconfig.get_paths()["stdlib"]

    def placed(text: str) -> str:
        return text.replace(cases_dir, "<cases>").replace(library, "/usr/lib/python3.12")

    return placed(result.stdout), placed(result.stderr), f"{result.returncode}\n"


def last_line(text: str) -> str:
    lines = text.rstrip("\n").split("\n")
    return lines[-1] if lines else ""


def main() -> int:
    assert sys.version_info[:2] == (3, 12), "record with CPython 3.12"
    args = sys.argv[1:]
    write = "--write" in args
    names = [a for a in args if a != "--write"]
    differences = []
    for case in sorted(CASES.glob("*.py")):
        if names and case.stem not in names:
            continue
        stdout, stderr, code = run(case)
        if write:
            EXPECTED.mkdir(exist_ok=True)
            (EXPECTED / f"{case.stem}.stdout").write_text(stdout)
            (EXPECTED / f"{case.stem}.stderr").write_text(stderr)
            (EXPECTED / f"{case.stem}.code").write_text(code)
            print("recorded", case.stem)
            continue
        expected = [(EXPECTED / f"{case.stem}.{kind}") for kind in ("stdout", "stderr", "code")]
        if not all(path.exists() for path in expected):
            differences.append(f"{case.stem}: not recorded")
            continue
        if (stdout != expected[0].read_text() or code != expected[2].read_text()
                or last_line(stderr) != last_line(expected[1].read_text())):
            differences.append(f"{case.stem}: CPython now prints\n{stdout}{stderr}")
    for difference in differences:
        print(difference, file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
