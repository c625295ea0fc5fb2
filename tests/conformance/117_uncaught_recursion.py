# Unbounded recursion, uncaught: RecursionError's traceback, exit code 1 (never a crash).
def walk(n):
    return walk(n + 1) + 1


print("starting")
walk(0)
