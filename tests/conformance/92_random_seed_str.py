# random.seed with strings (version 2: the bytes plus their SHA-512).
import random

for seed in ("", "a", "hello", "Loopscope", "héllo wörld", "x" * 100):
    random.seed(seed)
    print(repr(seed[:12]), random.random(), random.randint(1, 100))
random.seed("shuffle me")
deck = list(range(10))
random.shuffle(deck)
print(deck)
