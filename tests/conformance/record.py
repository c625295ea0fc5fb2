#!/usr/bin/env python3
"""Records what CPython 3.12 prints for every conformance script.

For each script NN_topic.py beside this file, runs it with CPython 3.12 from this directory and
writes expected/NN_topic.out (stdout), NN_topic.err (the last line of stderr, or nothing) and
NN_topic.code (the exit code). Loopscope's promise is "prints exactly what CPython 3.12 prints",
so these files are the oracle run.py compares loopscope-run against; they are never typed by hand.

    record.py                 record every script
    record.py NAME...         record only these (NN_topic or NN_topic.py)
    record.py --check         re-run CPython and fail if any recording differs

Exits 77 (ctest's skip code) when no CPython 3.12 is found.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
SCRIPT_NAME = re.compile(r"^\d+_\w+\.py$")
SKIP = 77
TIMEOUT_SECONDS = 60


def conformance_scripts():
    return sorted(p.name for p in HERE.iterdir() if SCRIPT_NAME.match(p.name))


def find_cpython_312():
    """pyenv's 3.12.1 first (the team's oracle), then any python3.12 on PATH."""
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = []
    # Called from a pyenv-run Python, PATH starts with that version's bin directory, so a bare
    # "python3" ignores PYENV_VERSION: name the interpreters by path as well.
    for binary in sorted(pyenv_root.glob("versions/3.12*/bin/python3.12")):
        candidates.append(([str(binary)], {}))
    for name in ("python3.12", "python3"):
        if shutil.which(name):
            candidates.append(([shutil.which(name)], {"PYENV_VERSION": "3.12.1"}))
            candidates.append(([shutil.which(name)], {}))
    for command, extra_env in candidates:
        env = dict(os.environ, **extra_env)
        try:
            probe = subprocess.run(
                command + ["-c", "import sys; print(sys.version_info[:2] == (3, 12))"],
                env=env, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0 and probe.stdout.strip() == "True":
            return command, extra_env
    return None


def last_line(text):
    """The last non-empty line of stderr: the part of a traceback that does not name paths."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def run_cpython(python, script):
    command, extra_env = python
    env = dict(os.environ, **extra_env)
    # No __pycache__ in the source tree (helpers_mod.py is imported), UTF-8 whatever the locale.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONWARNINGS", None)
    result = subprocess.run(command + [script], cwd=HERE, env=env, capture_output=True,
                            timeout=TIMEOUT_SECONDS)
    stdout = result.stdout.decode("utf-8")
    stderr = result.stderr.decode("utf-8")
    return {".out": stdout, ".err": last_line(stderr) + ("\n" if stderr.strip() else ""),
            ".code": f"{result.returncode}\n"}


CHECK_ATTEMPTS = 3


def matches(path, text):
    return path.exists() and path.read_text(encoding="utf-8") == text


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

    scripts = conformance_scripts()
    if args.names:
        wanted = {n if n.endswith(".py") else n + ".py" for n in args.names}
        unknown = wanted - set(scripts)
        if unknown:
            print(f"record.py: no such script: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        scripts = [s for s in scripts if s in wanted]

    EXPECTED.mkdir(exist_ok=True)
    differences = 0
    for script in scripts:
        stem = script[:-3]
        outputs = run_cpython(python, script)
        if args.check:
            # A script on timers can print another order when the machine is too busy to keep
            # its times (other tests run beside this one): it is run again before it counts.
            for _ in range(CHECK_ATTEMPTS - 1):
                if all(matches(EXPECTED / (stem + suffix), text) for suffix, text in outputs.items()):
                    break
                outputs = run_cpython(python, script)
        for suffix, text in outputs.items():
            path = EXPECTED / (stem + suffix)
            if args.check:
                if not matches(path, text):
                    recorded = path.read_text(encoding="utf-8") if path.exists() else None
                    differences += 1
                    print(f"{path.name}: CPython now prints {text!r}, recorded {recorded!r}")
            else:
                path.write_text(text, encoding="utf-8")
    if args.check:
        if differences:
            print(f"record.py --check: {differences} recording(s) differ; re-run record.py")
            return 1
        print(f"record.py --check: {len(scripts)} scripts match their recordings")
    else:
        print(f"record.py: recorded {len(scripts)} scripts into {EXPECTED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
