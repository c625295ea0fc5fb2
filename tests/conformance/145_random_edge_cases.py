# random: argument errors and edge cases, with CPython's messages.
import random
random.seed(3)
calls = [
    ('random.shuffle((1, 2, 3))', lambda: random.shuffle((1, 2, 3))),
    ("random.choice({1: 'a', 0: 'b'})", lambda: random.choice({1: 'a', 0: 'b'})),
    ('random.sample({1, 2}, 1)', lambda: random.sample({1, 2}, 1)),
    ('random.randrange(1.5)', lambda: random.randrange(1.5)),
    ('random.choices([1, 2], k=0)', lambda: random.choices([1, 2], k=0)),
    ('random.choices([], k=2)', lambda: random.choices([], k=2)),
    ("random.choice('')", lambda: random.choice('')),
    ('random.randint(1, 1)', lambda: random.randint(1, 1)),
    ('random.randrange(5, 6)', lambda: random.randrange(5, 6)),
    ("random.uniform('a', 'b')", lambda: random.uniform('a', 'b')),
    ('random.sample(range(3), k=-1)', lambda: random.sample(range(3), k=-1)),
    ('random.choices([1, 2], cum_weights=[1, 2], weights=[1, 1])', lambda: random.choices([1, 2], cum_weights=[1, 2], weights=[1, 1])),
    ('random.getrandbits(0)', lambda: random.getrandbits(0)),
    ('random.Random(5).randint(1, 100)', lambda: random.Random(5).randint(1, 100)),
    ('random.seed(object())', lambda: random.seed(object())),
    ("random.choices('ab', weights=[1, float('inf')])", lambda: random.choices('ab', weights=[1, float('inf')])),
    ('random.sample([1, 2, 3], k=2, counts=[1, 1])', lambda: random.sample([1, 2, 3], k=2, counts=[1, 1])),
    ("random.sample(['x', 'y'], counts=[2, 0], k=2)", lambda: random.sample(['x', 'y'], counts=[2, 0], k=2)),
    ('random.randrange(10, 0, -3)', lambda: random.randrange(10, 0, -3)),
    ('random.random()', lambda: random.random()),
]
for expr, f in calls:
    try:
        print(expr, "=", f())
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
