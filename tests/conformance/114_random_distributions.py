# random.gauss (with its cached second value), expovariate, and random.Random instances.
import random

random.seed(99)
print(random.gauss(), random.gauss(), random.gauss(100, 15))
random.seed(99)
print(random.gauss(), "(the same first value after re-seeding)")
print([random.expovariate(0.5) for _ in range(3)])
gen = random.Random(12)
other = random.Random("twelve")
print(gen.random(), gen.randint(1, 10), gen.choice("xyz"), other.random())
gen.seed(12)
print(gen.random())
items = list(range(8))
gen.shuffle(items)
print(items, gen.sample(items, 3), gen.choices(items, k=3), gen.uniform(0, 1))
