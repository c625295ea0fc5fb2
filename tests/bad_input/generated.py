"""The bad-input scripts too big or too odd to commit: written at test time into a directory.

Each entry is NAME: a function returning the file's bytes. run.py and record.py write them
beside each other (NAME.py) before running, so the repository keeps a few lines instead of a
2 MB file, raw binary and invalid UTF-8.
"""

import random


def binary_garbage():
    # Fixed seed: the same bytes on every machine, NUL and invalid UTF-8 included.
    rng = random.Random(8)
    return bytes(rng.randrange(256) for _ in range(4096))


def non_utf8():
    # "café" in Latin-1: byte 0xE9 alone is not UTF-8.
    return b'print("before")\nname = "caf\xe9"\nprint(name)\n'


def null_byte():
    return b'print("before")\nx = "a\x00b"\nprint(x)\n'


def long_line_string():
    # One 2 MB line: a string literal.
    return b'text = "' + b"a" * (2 * 1024 * 1024) + b'"\nprint(len(text))\n'


def long_line_list():
    # One 2 MB line: a list of 262,144 seven-digit numbers.
    items = b"1234567," * (256 * 1024)
    return b"values = [" + items + b"]\nprint(len(values), sum(values))\n"


def nested_parentheses():
    return b"x = " + b"(" * 3000 + b"1" + b")" * 3000 + b"\nprint(x)\n"


def nested_lists():
    return b"x = " + b"[" * 3000 + b"]" * 3000 + b"\nprint(x)\n"


def nested_unary_minus():
    # No brackets, so the tokenizer's limit of 200 does not apply: the parser's depth does.
    return b"x = " + b"-" * 3000 + b"1\nprint(x)\n"


def nested_calls():
    # 3,000 nested calls: f(f(f(...))) is parentheses again, but through a call each time.
    return b"def f(v):\n    return v\n\n\nx = " + b"f(" * 3000 + b"1" + b")" * 3000 + b"\n"


def deep_indentation():
    # 101 nested `if` blocks: one more than CPython's tokenizer allows.
    lines = [b" " * depth + b"if True:" for depth in range(101)]
    lines.append(b" " * 101 + b'print("deep")')
    return b"\n".join(lines) + b"\n"


def bom_and_crlf():
    # A UTF-8 byte-order mark and Windows line endings: valid Python, runs normally.
    return b'\xef\xbb\xbfimport asyncio\r\n\r\n\r\nasync def main():\r\n    print("crlf ok")\r\n\r\n\r\nasyncio.run(main())\r\n'


def many_lines():
    # 200,000 lines of assignments: a long but ordinary module.
    body = b"".join(b"v%d = %d\n" % (i, i) for i in range(200_000))
    return body + b"print(v199999)\n"


GENERATED = {
    "binary_garbage": binary_garbage,
    "non_utf8": non_utf8,
    "null_byte": null_byte,
    "long_line_2mb_string": long_line_string,
    "long_line_2mb_list": long_line_list,
    "nested_parentheses_3000": nested_parentheses,
    "nested_lists_3000": nested_lists,
    "nested_unary_minus_3000": nested_unary_minus,
    "nested_calls_3000": nested_calls,
    "deep_indentation_101": deep_indentation,
    "bom_and_crlf": bom_and_crlf,
    "many_lines_200000": many_lines,
}


def write(name, directory):
    """Writes NAME.py into directory (only when its bytes changed) and returns its path."""
    path = directory / f"{name}.py"
    data = GENERATED[name]()
    if not path.exists() or path.read_bytes() != data:
        directory.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path
