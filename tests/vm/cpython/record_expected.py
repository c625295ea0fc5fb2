"""Records what CPython 3.12 prints for every script in tests/vm/cases/.

For each cases/NAME.py it writes expected/NAME.stdout (all of stdout), expected/NAME.stderr
(all of stderr; the tests compare its last line only, since paths and caret lines differ) and
expected/NAME.code (the exit code). Run it with CPython 3.12:

    PYENV_VERSION=3.12.1 python3 tests/vm/cpython/record_expected.py [NAME ...]
"""

import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE.parent / "cases"
EXPECTED = HERE.parent / "expected"


def record(case: pathlib.Path) -> None:
    result = subprocess.run(
        [sys.executable, case.name],
        cwd=CASES,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"},
    )
    EXPECTED.mkdir(exist_ok=True)
    (EXPECTED / f"{case.stem}.stdout").write_text(result.stdout)
    # The cases' folder differs from checkout to checkout: name it `<cases>`, as the test does.
    (EXPECTED / f"{case.stem}.stderr").write_text(result.stderr.replace(str(CASES), "<cases>"))
    (EXPECTED / f"{case.stem}.code").write_text(f"{result.returncode}\n")


def main() -> None:
    assert sys.version_info[:2] == (3, 12), "record with CPython 3.12"
    names = sys.argv[1:]
    cases = sorted(CASES.glob("*.py"))
    for case in cases:
        if names and case.stem not in names:
            continue
        record(case)
        print("recorded", case.stem)


if __name__ == "__main__":
    main()
