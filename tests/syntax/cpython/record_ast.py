#!/usr/bin/env python3
"""Records what CPython 3.12 says about the syntax test corpus.

  cases/NAME.py   -> expected/NAME.txt: ast.dump(tree), then ast.dump(tree, include_attributes=True)
  errors/NAME.py  -> errors/NAME.txt:   the SyntaxError's type, msg, lineno, offset, end_lineno,
                                        end_offset, then what `python3 NAME.py` prints on stderr
                                        (both from running the file)

Run with CPython 3.12: `PYENV_VERSION=3.12.1 python3 tests/syntax/cpython/record_ast.py --write`
records; without `--write` it only checks that the recordings are still what CPython says,
printing the stale files (tests/support/check_cpython_recordings.py runs it that way).
"""
import ast
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent.parent


def record_cases():
    for source in sorted((HERE / "cases").glob("*.py")):
        tree = ast.parse(source.read_bytes(), source.name)
        text = ast.dump(tree) + "\n" + ast.dump(tree, include_attributes=True) + "\n"
        yield HERE / "expected" / (source.stem + ".txt"), text


# Installed into the child interpreter: reports the SyntaxError's fields on a first line, then
# lets CPython print it as usual. Running the file (not compile()) is what loopscope-run mirrors,
# and CPython's file tokenizer places a few errors differently from its string tokenizer.
EXCEPTHOOK = """
import json, sys
def hook(kind, error, tb):
    fields = [kind.__name__, getattr(error, "msg", str(error)), getattr(error, "lineno", None),
              getattr(error, "offset", None), getattr(error, "end_lineno", None),
              getattr(error, "end_offset", None)]
    sys.stderr.write(json.dumps(fields) + "\\n")
    sys.__excepthook__(kind, error, tb)
sys.excepthook = hook
"""


def record_errors():
    with tempfile.TemporaryDirectory() as hook_dir:
        pathlib.Path(hook_dir, "sitecustomize.py").write_text(EXCEPTHOOK)
        env = dict(os.environ, PYTHONPATH=hook_dir)
        for source in sorted((HERE / "errors").glob("*.py")):
            run = subprocess.run([sys.executable, source.name], cwd=source.parent,
                                 capture_output=True, env=env)
            # CPython shows __main__'s path absolute; the tests name the file as given.
            printed = run.stderr.decode("utf-8", "replace").replace(str(source), source.name)
            # Warnings CPython printed while compiling come first; the fields line follows.
            lines = printed.splitlines(keepends=True)
            at = next((i for i, line in enumerate(lines) if line.startswith("[")), 0)
            first, printed = lines[at].rstrip("\n"), "".join(lines[at + 1:])
            if not first.startswith("["):
                # Errors found while reading the file (not UTF-8) come before site runs.
                kind, _, msg = (first + "\n" + printed).rstrip("\n").splitlines()[-1].partition(": ")
                fields = [kind, msg, None, None, None, None]
                printed = first + "\n" + printed
            else:
                fields = json.loads(first)
            if run.returncode == 0:
                sys.exit(f"{source.name} runs: an error case must not")
            text = "\n".join(str(f) for f in fields) + "\n" + printed
            yield source.parent / (source.stem + ".txt"), text


def main():
    if sys.version_info[:2] != (3, 12):
        sys.exit("run this with CPython 3.12")
    write = "--write" in sys.argv[1:]
    stale = 0
    for path, text in list(record_cases()) + list(record_errors()):
        if write:
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"stale recording: {path.relative_to(HERE)} (re-run with --write)")
            stale += 1
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
