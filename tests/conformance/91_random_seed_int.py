# random.seed with ints reproduces CPython's Mersenne Twister sequences.
import random

for seed in (0, 1, 42, 12345, -7, 2**40 + 3, 9223372036854775807):
    random.seed(seed)
    print(seed, [random.random() for _ in range(3)])
random.seed(42)
print([random.getrandbits(k) for k in (1, 8, 31, 32, 33, 60)])
random.seed(42)
a = random.random()
random.seed(42)
print(a == random.random())
random.seed(5)
state = [random.randint(0, 1000) for _ in range(5)]
random.seed(5)
print(state == [random.randint(0, 1000) for _ in range(5)], state)
r = random.Random(3)
print(r.random(), r.randint(1, 6))
