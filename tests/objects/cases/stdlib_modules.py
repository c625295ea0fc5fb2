import functools
import collections
from typing import List, Optional, Dict, Any, TypeVar, Generic
from collections import deque, defaultdict

T = TypeVar("T")


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


def add(a, b, scale=1):
    return (a + b) * scale


p = functools.partial(add, 1, scale=10)
show("partial", lambda: [p(2), p(2, scale=2), p.args, p.keywords, p.func is add])
show("reduce", lambda: [functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 7)])
show("reduce empty", lambda: functools.reduce(lambda a, b: a, []))


def deco(f):
    @functools.wraps(f)
    def wrapper(*args):
        return f(*args) + 1
    return wrapper


@deco
def inc(x):
    """Docs."""
    return x


show("wraps", lambda: [inc(1), inc.__name__, inc.__wrapped__.__name__])
d = defaultdict(list)
d["a"].append(1)
d["b"].append(2)
d["a"].append(3)
show("defaultdict", lambda: [d, dict(d), d["zz"], len(d), isinstance(d, dict), d.get("q"), list(d.items())])
show("defaultdict int", lambda: (lambda c: ([c.__setitem__(ch, c[ch] + 1) for ch in "hello"], c)[1])(defaultdict(int)))
show("defaultdict none", lambda: defaultdict()["x"])
q = deque([1, 2, 3], maxlen=4)
q.append(4)
q.append(5)
q.appendleft(0)
show("deque", lambda: [q, len(q), q[0], q[-1], list(q), q.maxlen, 3 in q])
show("deque pop", lambda: [q.pop(), q.popleft(), q])
show("deque empty", lambda: deque().pop())
r = deque(range(5))
r.rotate(2)
show("rotate", lambda: [r, deque(), deque("ab"), bool(deque())])


def first(items: List[int], default: Optional[int] = None) -> Optional[int]:
    return items[0] if items else default


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item


show("typing", lambda: [first([3]), first([], 9), Box(5).item, List, Optional[int] is not None, Dict[str, Any] is not None, T])
