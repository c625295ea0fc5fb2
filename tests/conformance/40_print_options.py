# print with sep, end, file=sys.stderr and flush; sys.stdout.write.
import sys

print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" | ", end=" <end>\n")
print("no newline", end="")
print(" continued")
print(1, 2.5, None, True, [1], (2,), {"k": "v"}, sep=",")
print("to stdout", file=sys.stdout, flush=True)
sys.stdout.write("written directly\n")
print("first stderr line", file=sys.stderr)
print(*range(4), sep="-", end="!\n")
print("x", sep=None, end=None)
print("", end="")
print("last stderr line", 42, file=sys.stderr, flush=True)
print("done")
