def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0))
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("repr recursion:", e)
