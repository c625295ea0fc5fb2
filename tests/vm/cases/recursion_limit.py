def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("recursion:", e)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
