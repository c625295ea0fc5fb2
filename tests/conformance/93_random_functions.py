# randint, randrange, choice, choices, shuffle, sample, uniform after a fixed seed.
import random

random.seed(2024)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], [random.randrange(5, 50, 5) for _ in range(5)])
print(random.randrange(-10, -2), random.randrange(100, 0, -7))
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(1000)))
print(random.choices(["x", "y", "z"], k=6))
print(random.choices(["x", "y", "z"], weights=[10, 1, 1], k=6))
print(random.choices(range(4), cum_weights=[1, 2, 3, 10], k=6))
print(random.choices([1, 2, 3]))
items = list(range(12))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), random.sample("abcdefgh", 3), random.sample([1, 2, 3], 3))
print(random.sample(range(10000), 4))
print([round(random.uniform(1, 2), 6) for _ in range(3)], random.uniform(5, 5))
print(random.randint(2**62, 2**62 + 10), random.randrange(2**40))
for call, args in (
    (random.randint, (5, 1)),
    (random.randrange, (0,)),
    (random.choice, ([],)),
    (random.sample, ([1, 2], 3)),
    (random.randrange, (1, 10, 0)),
):
    try:
        call(*args)
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
