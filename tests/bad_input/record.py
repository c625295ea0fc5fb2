#!/usr/bin/env python3
"""Records what CPython 3.12 does with every bad-input script it has an answer for.

For each script (NAME.py beside this file, or one of generated.py's) not listed in
loopscope_only.txt, runs it with CPython 3.12 from the script's directory and writes its exit
code, stdout, last stderr line and the line that message points at into cpython_outcomes.json:
the oracle run.py holds loopscope-run to. Never typed by hand.

    record.py                 record every script
    record.py NAME...         record only these
    record.py --check         re-run CPython and fail if any recording differs

Scripts CPython never finishes (infinite loops, deadlocks, ten million tasks) or runs where
Loopscope refuses (`import os`, `open`) are in loopscope_only.txt instead. Exits 77 (ctest's skip
code) when no CPython 3.12 is found.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import generated
import outcome

SKIP = 77
TIMEOUT_SECONDS = 120


def find_cpython_312():
    """The conformance suite's search (pyenv's 3.12.1 first, then python3.12 on PATH)."""
    path = outcome.HERE.parent / "conformance" / "record.py"
    spec = importlib.util.spec_from_file_location("conformance_record", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.find_cpython_312()


def run_cpython(python, name, generated_dir):
    command, extra_env = python
    env = dict(os.environ, **extra_env)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONWARNINGS", None)
    if name in generated.GENERATED:
        directory = generated_dir
        generated.write(name, directory)
    else:
        directory = outcome.HERE
    result = subprocess.run(command + [f"{name}.py"], cwd=directory, env=env,
                            capture_output=True, stdin=subprocess.DEVNULL,
                            timeout=TIMEOUT_SECONDS)
    stdout = result.stdout.decode("utf-8", errors="replace")
    stderr = result.stderr.decode("utf-8", errors="replace")
    return {"code": result.returncode, "stdout": outcome.normalise(stdout),
            "message": outcome.last_line(stderr), "where": outcome.where(stderr, directory)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the recordings instead of writing them")
    parser.add_argument("names", nargs="*", help="scripts to record (default: all)")
    args = parser.parse_args()

    python = find_cpython_312()
    if python is None:
        print("record.py: no CPython 3.12 found (PYENV_VERSION=3.12.1 python3 or python3.12); "
              "skipping", file=sys.stderr)
        return SKIP

    ours = outcome.read_loopscope_only()
    names = [n for n in outcome.all_scripts() if n not in ours]
    if args.names:
        unknown = set(args.names) - set(names)
        if unknown:
            print(f"record.py: not a CPython-recorded script: {', '.join(sorted(unknown))}",
                  file=sys.stderr)
            return 2
        names = args.names

    recorded = {}
    if outcome.CPYTHON_OUTCOMES.exists():
        recorded = json.loads(outcome.CPYTHON_OUTCOMES.read_text(encoding="utf-8"))
    differences = 0
    with tempfile.TemporaryDirectory(prefix="bad_input_") as scratch:
        for name in names:
            result = run_cpython(python, name, Path(scratch))
            if args.check:
                if recorded.get(name) != result:
                    differences += 1
                    print(f"{name}: CPython now gives {result!r}, recorded {recorded.get(name)!r}")
            else:
                recorded[name] = result
    if args.check:
        stale = sorted(set(recorded) - set(names)) if not args.names else []
        for name in stale:
            differences += 1
            print(f"{name}: recorded but no longer a CPython-recorded script")
        if differences:
            print(f"record.py --check: {differences} recording(s) differ; re-run record.py")
            return 1
        print(f"record.py --check: {len(names)} scripts match their recordings")
        return 0
    if not args.names:
        recorded = {name: recorded[name] for name in names}
    outcome.CPYTHON_OUTCOMES.write_text(
        json.dumps(dict(sorted(recorded.items())), indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8")
    print(f"record.py: recorded {len(names)} scripts into {outcome.CPYTHON_OUTCOMES.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
