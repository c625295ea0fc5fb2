"""Runs every cases/*.py with CPython 3.12 and records its stdout plus "exit N" in
expected/<name>.out for objects/script_test.cpp. Run: PYENV_VERSION=3.12.1 python3 record_cases.py
"""
import os
import subprocess
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cases = os.path.join(here, "..", "cases")
    expected = os.path.join(here, "..", "expected")
    for name in sorted(os.listdir(cases)):
        if not name.endswith(".py"):
            continue
        run = subprocess.run([sys.executable, name], cwd=cases, capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": "0"})
        with open(os.path.join(expected, name[:-3] + ".out"), "w", encoding="utf-8") as out:
            out.write(run.stdout + "exit %d\n" % run.returncode)


if __name__ == "__main__":
    main()
