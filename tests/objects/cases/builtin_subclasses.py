def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
s.label = "mine"
show("stack", lambda: [s, len(s), s.peek(), s.label, isinstance(s, list), type(s).__name__, s + [4], sorted(s, reverse=True)])
show("stack eq", lambda: [s == [1, 2, 3], [1, 2, 3] == s, list(s), str(s)])


class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name

    def __repr__(self):
        return f"Named({self.name!r}, {list(self)!r})"


show("named", lambda: [Named("n", (1, 2)), len(Named("x", "abc"))])


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] = self[key] + 1


c = Counter()
for ch in "banana":
    c.add(ch)
show("counter", lambda: [c, c["z"], dict(c), c.get("z"), isinstance(c, dict), sorted(c.items())])


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


a = AttrDict(x=1, y=2)
show("attrdict", lambda: [a.x, a["y"], a, hasattr(a, "q"), AttrDict({"k": 3}).k])
show("empty", lambda: [Stack(), Counter(), Stack("ab")])
