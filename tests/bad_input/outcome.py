"""What a run of a bad-input script comes to, as run.py and record.py both read it.

An outcome is the exit code, stdout, the last non-empty stderr line (the message) and `where`:
the `file:line` the message points at. `where` is the innermost `File "...", line N` of a
traceback or SyntaxError naming one of the script's own files, else a `(line N)` at the end of a Loopscope limit message, else the
first `name.py:N` of a deadlock report; empty when nothing names a line.
"""

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CPYTHON_OUTCOMES = HERE / "cpython_outcomes.json"
LOOPSCOPE_ONLY = HERE / "loopscope_only.txt"

# A script is NAME.py beside this file (helpers imported by a script start with `_`) or one of
# generated.py's; this file's own Python modules are not scripts.
TOOLS = {"generated", "outcome", "record", "run"}

FRAME = re.compile(r'File "([^"]+)", line (\d+)')
LIMIT_LINE = re.compile(r"\(line (\d+)\)\s*$")
REPORT_LINE = re.compile(r"([\w.-]+\.py):(\d+)")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
# A directory in front of a file name: `/root/.pyenv/.../base_events.py` -> `base_events.py`.
DIRECTORY = re.compile(r"(?<![\w.])/(?:[^\s/:'\"<>]+/)+(?=[\w.-]+\.py\b)")


def committed_scripts():
    return sorted(p.stem for p in HERE.glob("*.py")
                  if not p.stem.startswith("_") and p.stem not in TOOLS)


def all_scripts():
    from generated import GENERATED
    return sorted(set(committed_scripts()) | set(GENERATED))


def normalise(text):
    """Object addresses and directories differ from run to run and between interpreters."""
    return DIRECTORY.sub("", ADDRESS.sub("0x?", text))


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return normalise(lines[-1]) if lines else ""


def where(stderr, directory):
    """directory: where the script ran. Frames of files elsewhere (CPython's own asyncio
    modules) are skipped: the line that matters is the innermost one of the learner's files."""
    local = {p.name for p in Path(directory).glob("*.py")}
    frames = [(Path(path).name, line) for path, line in FRAME.findall(stderr)
              if Path(path).name in local]
    if frames:
        name, line = frames[-1]
        return f"{name}:{line}"
    lines = [line for line in stderr.splitlines() if line.strip()]
    for line in reversed(lines):
        limit = LIMIT_LINE.search(line)
        if limit:
            return f"line {limit.group(1)}"
    for line in lines:
        report = REPORT_LINE.search(line)
        if report:
            return f"{report.group(1)}:{report.group(2)}"
    return ""


def read_loopscope_only():
    """{name: {"options": [...], "code": int, "where": str, "message": str, "flags": set}}

    loopscope_only.txt: one script a line, `NAME | CODE | WHERE | OPTIONS | MESSAGE [| FLAGS]`.
    WHERE as where() gives it (`-` for nothing), MESSAGE a substring of the last stderr line,
    FLAGS `no-sanitizer` for a run that cannot work under AddressSanitizer.
    """
    entries = {}
    for number, raw in enumerate(LOOPSCOPE_ONLY.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("|")]
        if len(fields) not in (5, 6):
            raise SystemExit(f"{LOOPSCOPE_ONLY.name}:{number}: expected 5 or 6 `|`-separated "
                             f"fields, got {raw!r}")
        name, code, place, options, message = fields[:5]
        entries[name] = {"code": int(code), "where": "" if place == "-" else place,
                         "options": options.split(), "message": message,
                         "flags": set(fields[5].split()) if len(fields) == 6 else set()}
    return entries
