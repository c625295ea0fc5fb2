"""Records what CPython 3.12 prints for every lesson, for loopscope-run to be compared against.

For each lessons/NN_name.py this writes, under lessons/expected/:
  NN_name.out   everything the lesson wrote to stdout
  NN_name.err   the last line it wrote to stderr (empty if none): earlier stderr lines carry
                absolute paths and measured times, the last line of each lesson does not
  NN_name.code  its exit code

Lessons run from the repository root (`python3 lessons/NN_name.py`); CPython puts the script's
folder first on sys.path, which is how `from lib.fake_http import ...` resolves.

Usage:
  record_lessons.py [--check] [--jobs N] [LESSON ...]
    --check   run the lessons and compare with the recorded files instead of writing them
              (exit 1 on a difference): a lesson must print the same thing on every run
    LESSON    lesson file names or numbers (default: all of them)
"""
import argparse
import concurrent.futures
import os
import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
EXPECTED = LESSONS / "expected"


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
            version = subprocess.run(
                [str(candidate), "-c", "import sys; print(sys.version_info[:2])"],
                capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            continue
        if version == "(3, 12)":
            return str(candidate)
    return None


def lesson_files(selected):
    files = sorted(LESSONS.glob("[0-9][0-9]_*.py"))
    if not selected:
        return files
    chosen = []
    for wanted in selected:
        matches = [f for f in files if f.name == wanted or f.name.startswith(wanted.zfill(2) + "_")]
        if not matches:
            sys.exit(f"no lesson matches {wanted!r}")
        chosen += matches
    return chosen


def run_lesson(python, lesson):
    """(stdout, last stderr line, exit code) of one run from the repository root."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    done = subprocess.run([python, str(lesson.relative_to(ROOT))], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    stderr_lines = done.stderr.splitlines()
    last = stderr_lines[-1] + "\n" if stderr_lines else ""
    return done.stdout, last, f"{done.returncode}\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("lessons", nargs="*")
    args = parser.parse_args()

    python = find_cpython_312()
    if python is None:
        sys.exit("CPython 3.12 not found")
    files = lesson_files(args.lessons)
    EXPECTED.mkdir(exist_ok=True)
    # Lessons mostly sleep, so several run side by side without disturbing their timings.
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        runs = dict(zip(files, pool.map(lambda lesson: run_lesson(python, lesson), files)))

    differences = 0
    for lesson, outputs in runs.items():
        for suffix, text in zip((".out", ".err", ".code"), outputs):
            target = EXPECTED / (lesson.stem + suffix)
            if args.check:
                recorded = target.read_text() if target.exists() else None
                if recorded != text:
                    differences += 1
                    print(f"{target.relative_to(ROOT)} differs:\n--- recorded\n{recorded}"
                          f"--- now\n{text}")
            else:
                target.write_text(text)
        print(f"{lesson.name}: exit {outputs[2].strip()}")
    if args.check:
        print(f"{differences} difference(s)")
        sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
