"""Records CPython 3.12's float repr, format specs and %-formatting for objects/format_test.cpp.

Each line of expected/format.txt is tab-separated: kind, value type (i, f, s), the value (floats
as float.hex() so they round-trip exactly), the spec, and CPython's result or
`!ExceptionName: message`. Run: PYENV_VERSION=3.12.1 python3 record_format.py
"""
import math
import os

FLOATS = [0.1 + 0.2, 0.1, 1e16, 1e15, 1e-5, 1e-4, 123456789.0, -0.0, 0.0, float("inf"),
          float("-inf"), float("nan"), 1.5, 2.5, -2.5, 3.14159, 1 / 3, 2 / 3, 1e22, 1e-7,
          123.456, 1234567.891, 0.000123, 100.0, 1e100, 5e-324, 1.7976931348623157e308,
          9999999999999998.0, 0.5, 12345.6789, -1234.5, 2.675, 1.005, 999.9999, 1e-10,
          123456789012345680.0]
INTS = [0, 1, -1, 42, -42, 255, 1000, 1234567, -1234567, 9223372036854775807,
        -9223372036854775808, 65, 1000000]
STRS = ["", "a", "hello", "héllo", "日本語"]

FLOAT_SPECS = ["", ".2f", ".0f", ".3f", "f", "e", ".2e", "E", "g", ".3g", "G", ".10g", "%",
               ".1%", ",", ",.2f", "_.3f", ">10", "<10", "^10", "=10", "010.2f", "+.2f",
               " .2f", "+", "#.0f", "#g", ".2", ".3", ".10", "010", "*^12.3f", ",.0f",
               "e", "#.3g", "10.4", "-^9", "z.1f", ".0e", "012,.2f", "n"]
INT_SPECS = ["", "d", ">5", "<5", "^5", "05", "+d", " d", ",", "_", "x", "X", "#x", "#X", "o",
             "#o", "b", "#b", "_b", "08b", "c", ".2f", "e", "g", "%", "010,", "09,", ",d",
             "*>8", "=+8", "#010x", "n", ".2", "s", "+,", "_x"]
STR_SPECS = ["", ">8", "<8", "^8", "*^9", ".2", "10.3", "s", "05", "=5", "+", "d", "#"]

PERCENT = [("%s", "s", "hi"), ("%r", "s", "hi"), ("%5s|", "s", "ab"), ("%-5s|", "s", "ab"),
           ("%d", "i", 42), ("%5d", "i", 42), ("%-5d|", "i", 42), ("%05d", "i", -42),
           ("%+d", "i", 42), ("%x", "i", 255), ("%X", "i", 255), ("%#x", "i", 255),
           ("%o", "i", 8), ("%f", "f", 3.14159), ("%.2f", "f", 3.14159),
           ("%5.1f", "f", 3.14159), ("%e", "f", 12345.678), ("%g", "f", 0.0001),
           ("%g", "f", 123456789.0), ("%.3g", "f", 3.14159), ("%%", "i", 0),
           ("%d%%", "i", 50), ("%c", "i", 65), ("%s", "f", 0.1), ("%d", "f", 3.9),
           ("%i", "i", 7), ("%.3d", "i", 5), ("%s", "i", 7), ("%r", "f", 1e16),
           ("%10.3e", "f", 0.000123), ("%G", "f", 1e-10), ("%d", "s", "x"), ("%y", "i", 1),
           ("%5.2s|", "s", "hello"), ("%+.1f", "f", -0.05), ("%.0f", "f", 2.5),
           ("%.0f", "f", 3.5)]


def result(thunk):
    try:
        return thunk()
    except Exception as e:  # noqa: BLE001 - we record the message
        return "!" + type(e).__name__ + ": " + str(e)


def encode(kind, value):
    if kind == "f":
        return value.hex() if math.isfinite(value) else repr(value)
    return str(value)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    lines = []
    for x in FLOATS:
        lines.append(("repr", "f", encode("f", x), "", repr(x)))
        for spec in FLOAT_SPECS:
            lines.append(("format", "f", encode("f", x), spec, result(lambda: format(x, spec))))
    for n in INTS:
        lines.append(("repr", "i", str(n), "", repr(n)))
        for spec in INT_SPECS:
            lines.append(("format", "i", str(n), spec, result(lambda: format(n, spec))))
    for s in STRS:
        lines.append(("repr", "s", s, "", repr(s)))
        for spec in STR_SPECS:
            lines.append(("format", "s", s, spec, result(lambda: format(s, spec))))
    for fmt, kind, value in PERCENT:
        lines.append(("percent", kind, encode(kind, value), fmt, result(lambda: fmt % value)))
    with open(os.path.join(here, "..", "expected", "format.txt"), "w", encoding="utf-8") as out:
        for line in lines:
            out.write("\t".join(line) + "\n")


if __name__ == "__main__":
    main()
