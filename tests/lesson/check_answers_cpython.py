"""Checks the lessons' checkpoint answers against a run under CPython 3.12.

Loopscope decides a checkpoint's answer from its trace (lessons/README.md, "Checkpoints"). Until
the interpreter runs the lessons, this stands in: it runs each lesson under CPython with probes
that find the same pause points (a stdout line, a loop time, a task suspending at a line or
first waiting, the end) and decide the same checks from CPython's own state (tasks, what each
waits on, stdout). A checkpoint whose answer differs is reported and the exit code is 1.

CPython runs on the real clock, so a `pause: time` lands within a millisecond or so of the
loop time it names: write such pauses at quiet moments, as the README asks anyway.

Usage: check_answers_cpython.py [LESSON ...]   (file names or numbers; default: all)
"""
import concurrent.futures
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from record_lessons import LESSONS, find_cpython_312, lesson_files  # noqa: E402

FIELDS = ("pause", "ask", "check", "choices", "answer", "explain")


# --- the checkpoint blocks (the grammar of lessons/README.md, without its error reports) ---

def comment_lines(source):
    """(line number, comment text after '#') for lines that are only a comment, outside the
    module docstring (the lessons' only multi-line strings)."""
    in_string = False
    for number, line in enumerate(source.splitlines(), 1):
        starts_in_string = in_string
        in_string ^= line.count('"""') % 2 == 1
        stripped = line.lstrip()
        if not starts_in_string and stripped.startswith("#"):
            yield number, stripped[1:]
        else:
            yield number, None


def code_line_below(lines, index):
    for number, text, comment in lines[index:]:
        if comment is None and text.strip():
            return number
    return None


def parse_checkpoints(source):
    raw_lines = source.splitlines()
    lines = [(number, raw_lines[number - 1], comment)
             for number, comment in comment_lines(source)]
    checkpoints = []
    index = 0
    while index < len(lines):
        number, _, comment = lines[index]
        index += 1
        if comment is None or not comment.strip().startswith("checkpoint:"):
            continue
        checkpoint = {"id": comment.strip()[len("checkpoint:"):].strip(), "line": number}
        indent = None
        last = None
        while index < len(lines) and lines[index][2] is not None:
            body = lines[index][2]
            if not body.strip() or body.strip().startswith("checkpoint:"):
                break
            depth = len(body) - len(body.lstrip())
            indent = depth if indent is None else indent
            if depth > indent and last:
                checkpoint[last] += " " + body.strip()
            elif depth < indent:
                break
            else:
                key, _, value = body.strip().partition(":")
                last = key
                checkpoint[key] = value.strip()
            index += 1
        if checkpoint["pause"] == "line":
            checkpoint["pause_line"] = code_line_below(lines, index)
        checkpoints.append(checkpoint)
    return checkpoints


# --- the probes, run inside the lesson's process (`--probe LESSON RESULT_FILE`) ---

def probe(lesson, result_file):
    import asyncio
    import asyncio.events
    import dis
    import asyncio.queues
    import asyncio.taskgroups
    import runpy

    checkpoints = parse_checkpoints(pathlib.Path(lesson).read_text())
    lesson = str(pathlib.Path(lesson).resolve())
    real_stdout = sys.stdout
    lines = []          # completed stdout lines
    tasks = []          # every task, in creation order
    primitives = []     # (kind, object)
    executor_futures = []
    marks = {}          # checkpoint id -> {"lines": n, "tasks": snapshot, "next_step": name}
    loops = []
    # Line and wait pauses are marked when the task's step ends: (checkpoint, task) pending.
    pending_step_end = []
    next_step_wanted = []  # checkpoint ids waiting for the next step to begin

    def classify(waiter):
        if waiter is None:
            return None
        if isinstance(waiter, asyncio.Task):
            return "task"
        if type(waiter).__name__ == "_GatheringFuture":
            return "gather"
        if waiter in executor_futures:
            return "executor-job"
        for kind, thing in primitives:
            if kind == "queue":
                queues = [thing._getters, thing._putters, thing._finished._waiters or ()]
                if any(waiter in waiters for waiters in queues):
                    return "queue"
            elif kind == "task-group":
                if waiter is thing._on_completed_fut:
                    return "task-group"
            elif thing._waiters and waiter in thing._waiters:
                return kind
        for loop in loops:
            for handle in loop._scheduled:
                if not handle.cancelled() and waiter in (handle._args or ()):
                    return "timer"
        return "future"

    def snapshot(current=None, current_waits_on=None):
        """Each task's (name, status, what it waits on) now. `current` is a task whose step is
        ending: it waits on `current_waits_on`, the value its coroutine just yielded."""
        running = None
        try:
            running = asyncio.current_task()
        except RuntimeError:
            pass
        states = []
        for task in tasks:
            waits_on = None
            if task.done():
                status = ("cancelled" if task.cancelled() else
                          "failed" if task._exception is not None else "done")
            elif task is current:
                status, waits_on = "waiting", classify(current_waits_on)
            elif task is running:
                status = "running"
            elif task._fut_waiter is not None:
                status, waits_on = "waiting", classify(task._fut_waiter)
            else:
                status = "ready"
            states.append([task.get_name(), status, waits_on])
        return states

    def mark(checkpoint, current=None, current_waits_on=None):
        if checkpoint["id"] in marks:
            return
        marks[checkpoint["id"]] = {"lines": len(lines),
                                   "tasks": snapshot(current, current_waits_on)}
        if checkpoint["check"] == "next-step":
            next_step_wanted.append(checkpoint["id"])

    class Stdout:
        def __init__(self):
            self.partial = ""

        def write(self, text):
            real_stdout.write(text)
            self.partial += text
            while "\n" in self.partial:
                line, self.partial = self.partial.split("\n", 1)
                lines.append(line)
                for checkpoint in checkpoints:
                    if checkpoint["pause"] == "output " + line:
                        mark(checkpoint)
            return len(text)

        def flush(self):
            real_stdout.flush()

    def register(cls, kind):
        original = cls.__init__

        def init(self, *args, **kwargs):
            original(self, *args, **kwargs)
            primitives.append((kind, self))
        cls.__init__ = init

    for cls, kind in ((asyncio.Lock, "lock"), (asyncio.Semaphore, "semaphore"),
                      (asyncio.Event, "event"), (asyncio.Condition, "condition"),
                      (asyncio.Queue, "queue"), (asyncio.TaskGroup, "task-group")):
        register(cls, kind)

    original_new_event_loop = asyncio.events.new_event_loop

    def new_event_loop():
        loop = original_new_event_loop()
        loops.append(loop)

        def task_factory(loop, coro, **kwargs):
            task = asyncio.Task(coro, loop=loop, **kwargs)
            tasks.append(task)
            return task
        loop.set_task_factory(task_factory)

        original_run_in_executor = loop.run_in_executor

        def run_in_executor(executor, function, *args):
            future = original_run_in_executor(executor, function, *args)
            executor_futures.append(future)
            return future
        loop.run_in_executor = run_in_executor
        for checkpoint in checkpoints:
            if checkpoint["pause"].startswith("time "):
                seconds = float(checkpoint["pause"].split()[1])
                loop.call_at(loop.time() + seconds, mark, checkpoint)
        return loop

    asyncio.events.new_event_loop = new_event_loop

    coroutine_flags = 0x80 | 0x200  # CO_COROUTINE | CO_ASYNC_GENERATOR

    def top_frame_of(task):
        coro = task.get_coro()
        return getattr(coro, "cr_frame", None)

    def local_trace(frame, event, arg):
        if event != "return":
            return local_trace
        try:
            task = asyncio.current_task()
        except RuntimeError:
            task = None
        if task is None:
            return local_trace
        if frame.f_code.co_filename == lesson:
            for checkpoint in checkpoints:
                if checkpoint.get("pause_line") == frame.f_lineno and checkpoint["id"] not in marks:
                    pending_step_end.append((checkpoint, task))
        if frame is top_frame_of(task):
            # The task's step ends here: its coroutine yields `arg`, or returns.
            suspends = dis.opname[frame.f_code.co_code[frame.f_lasti]] == "YIELD_VALUE"
            for checkpoint in checkpoints:
                if (suspends and checkpoint["pause"] == "wait " + task.get_name()
                        and checkpoint["id"] not in marks):
                    pending_step_end.append((checkpoint, task))
            for checkpoint, waiting in list(pending_step_end):
                if waiting is task:
                    pending_step_end.remove((checkpoint, waiting))
                    mark(checkpoint, task, arg)
        return local_trace

    def global_trace(frame, event, arg):
        if not frame.f_code.co_flags & coroutine_flags:
            return None
        if next_step_wanted:
            try:
                task = asyncio.current_task()
            except RuntimeError:
                task = None
            if task is not None and frame is top_frame_of(task):
                for checkpoint_id in next_step_wanted:
                    marks[checkpoint_id]["next_step"] = task.get_name()
                next_step_wanted.clear()
        frame.f_trace_lines = False
        return local_trace

    sys.stdout = Stdout()
    sys.path.insert(0, str(pathlib.Path(lesson).parent))
    sys.settrace(global_trace)
    try:
        runpy.run_path(lesson, run_name="__main__")
    finally:
        sys.settrace(None)
        sys.stdout.flush()
        sys.stdout = real_stdout
        for checkpoint in checkpoints:
            if checkpoint["pause"] == "end":
                mark(checkpoint)
        final = snapshot()
        pathlib.Path(result_file).write_text(json.dumps(
            {"lines": lines, "marks": marks, "final": final}))


# --- deciding the answers from a probed run ---

def first_number(text):
    found = re.search(r"-?\d+(\.\d+)?", text)
    return found.group(0) if found else None


def decide(checkpoint, run):
    """(answer, reason): the answer CPython's run gives, or None and why not."""
    mark = run["marks"].get(checkpoint["id"])
    if mark is None:
        return None, "the pause was never reached"
    after = run["lines"][mark["lines"]:]
    kind, _, argument = checkpoint["check"].partition(" ")
    if kind == "next-output":
        return (after[0], "") if after else (None, "nothing printed after the pause")
    if kind == "output-order":
        choices = [choice.strip() for choice in checkpoint["choices"].split("|")]
        if any(choice not in after for choice in choices):
            return None, "a choice is not printed after the pause"
        return " | ".join(sorted(choices, key=after.index)), ""
    if kind == "number":
        for line in after:
            if line.startswith(argument) and first_number(line[len(argument):]):
                return first_number(line[len(argument):]), ""
        return None, "no line with that prefix after the pause"
    if kind == "waiting":
        return str(sum(1 for _, status, on in mark["tasks"]
                       if status == "waiting" and on == argument)), ""
    if kind == "tasks":
        if argument == "alive":
            return str(sum(1 for _, status, _ in mark["tasks"]
                           if status not in ("done", "cancelled", "failed"))), ""
        return str(sum(1 for _, status, _ in mark["tasks"] if status == argument)), ""
    if kind == "outcome":
        for name, status, _ in run["final"]:
            if name == argument:
                return (status if status in ("done", "cancelled", "failed") else "unfinished"), ""
        return None, f"no task named {argument}"
    if kind == "next-step":
        return (mark["next_step"], "") if "next_step" in mark else (None, "no step after it")
    return None, f"unknown check {kind}"


def same(kind, decided, given):
    if kind in ("number", "waiting", "tasks"):
        return float(decided) == float(given)
    if kind == "output-order":
        return [x.strip() for x in decided.split("|")] == [x.strip() for x in given.split("|")]
    return decided.strip() == given.strip()


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--probe":
        probe(sys.argv[2], sys.argv[3])
        return
    python = find_cpython_312()
    if python is None:
        sys.exit("CPython 3.12 not found")
    def probed_run(lesson):
        with tempfile.TemporaryDirectory() as scratch:
            result = pathlib.Path(scratch) / "run.json"
            env = dict(os.environ, PYTHONHASHSEED="0")
            subprocess.run([python, str(HERE / "check_answers_cpython.py"), "--probe",
                            str(lesson), str(result)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           timeout=180)
            return json.loads(result.read_text()) if result.exists() else None

    lessons = lesson_files(sys.argv[1:])
    # The lessons mostly sleep: several probed runs side by side keep their timings.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(probed_run, lessons))
    wrong = 0
    for lesson, run in zip(lessons, runs):
        if run is None:
            print(f"{lesson.name}: the probed run failed")
            wrong += 1
            continue
        for checkpoint in parse_checkpoints(lesson.read_text()):
            kind = checkpoint["check"].split()[0]
            decided, reason = decide(checkpoint, run)
            if decided is None:
                verdict = f"UNDECIDED ({reason})"
                wrong += 1
            elif same(kind, decided, checkpoint["answer"]):
                verdict = "ok"
            else:
                verdict = f"WRONG: CPython says {decided!r}, the lesson {checkpoint['answer']!r}"
                wrong += 1
            print(f"{lesson.name} {checkpoint['id']}: {verdict}")
    print(f"{wrong} problem(s)")
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
