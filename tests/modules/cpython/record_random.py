"""Records CPython 3.12's random sequences for tests/modules/random_engine_test.cpp.

Prints one `name: token token ...` line per scenario (tests/support/cpython_expected.h reads
them); `--write` stores them in tests/modules/expected/random.txt. Floats are printed with
repr (shortest round-trip), so the C++ test compares them exactly. Every algorithm scenario
starts from random.seed(2024); the seed lists must match the C++ test's.
"""
import pathlib
import random
import sys
from random import Random

INT_SEEDS = [0, 1, 42, 12345, -7, 2**32, 2**40 + 3, 2**63 - 1, -2**63]
STR_SEEDS = ["", "a", "hello", "Loopscope", "héllo wörld", "x" * 100, "日本"]


def scenarios():
    for seed in INT_SEEDS:
        random.seed(seed)
        yield f"int_{seed}.uint32", [random.getrandbits(32) for _ in range(5)]
        random.seed(seed)
        yield f"int_{seed}.random", [repr(random.random()) for _ in range(5)]
    for index, seed in enumerate(STR_SEEDS):
        random.seed(seed)
        yield f"str{index}.random", [repr(random.random()) for _ in range(5)]

    def fresh():
        random.seed(2024)
        return random

    yield "getrandbits", [fresh().getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 48, 63, 64)]
    r = fresh()
    yield "getrandbits.sequence", [r.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 48, 63, 64)]
    for n in (1, 2, 3, 10, 1000, 2**31, 2**32 + 1, 2**62, 2**63 - 1):
        r = fresh()
        yield f"randbelow_{n}", [r.randrange(n) for _ in range(6)]
    for start, stop, step in ((0, 10, 1), (5, 50, 5), (-10, -2, 1), (100, 0, -7), (-5, 5, 3),
                              (10, -10, -1), (-2**63, 2**63 - 1, 1), (7, 8, 1)):
        r = fresh()
        yield f"randrange_{start}_{stop}_{step}", [r.randrange(start, stop, step) for _ in range(6)]
    r = fresh()
    yield "randint_1_6", [r.randint(1, 6) for _ in range(12)]
    for n in (0, 1, 2, 5, 20, 52):
        r = fresh()
        items = list(range(n))
        r.shuffle(items)
        yield f"shuffle_{n}", items or ["empty"]
    for n, k in ((10, 3), (10, 10), (21, 5), (22, 5), (30, 10), (100, 5), (10000, 4), (1000, 50),
                 (5, 0)):
        r = fresh()
        yield f"sample_{n}_{k}", r.sample(range(n), k) or ["empty"]
    for n, k in ((3, 6), (5, 10), (1, 3)):
        r = fresh()
        yield f"choices_{n}_{k}", r.choices(range(n), k=k)
    r = fresh()
    yield "choices_weights_10_1_1", r.choices(range(3), weights=[10, 1, 1], k=10)
    r = fresh()
    yield "choices_weights_0.5_0.25_0.25", r.choices(range(3), weights=[0.5, 0.25, 0.25], k=10)
    r = fresh()
    yield "choices_cum_1_2_3_10", r.choices(range(4), cum_weights=[1, 2, 3, 10], k=10)
    r = fresh()
    yield "uniform_1.5_4.5", [repr(r.uniform(1.5, 4.5)) for _ in range(4)]
    r = fresh()
    yield "uniform_5_-5", [repr(r.uniform(5, -5)) for _ in range(4)]
    r = fresh()
    yield "uniform_int_1_10", [repr(r.uniform(1, 10)) for _ in range(3)]
    r = fresh()
    yield "choice_str", [r.choice("abcdefghij") for _ in range(6)]
    r = fresh()
    yield "sample_str_5_3", r.sample("abcde", 3)
    r = fresh()
    yield "sample_counts", r.sample(["a", "b"], counts=[3, 2], k=4)
    r = fresh()
    yield "gauss", [repr(r.gauss()) for _ in range(3)] + [repr(r.gauss(10, 2)) for _ in range(2)]
    r = fresh()
    r.gauss()
    r.seed(2024)
    yield "gauss_after_seed", [repr(r.gauss())]
    r = fresh()
    yield "expovariate_2", [repr(r.expovariate(2)) for _ in range(3)]
    r = Random(7)
    yield "Random_7", [repr(r.random()) for _ in range(2)]
    # The binding's errors: `error.CALL: Type: message`.
    for call in ("randint(5,1)", "randrange(0)", "randrange(1,10,0)", "randrange(10,1,2)",
                 "choice([])", "sample([1,2],3)", "sample({1,2},1)", "getrandbits(-1)",
                 "choices([1,2],[0,0])", "choices([1,2],[1],k=2)", "choices([1,2],3)",
                 "randrange(5,step=2)", "seed([1])"):
        try:
            eval("random." + call)
            yield f"error.{call}", ["no", "error"]
        except Exception as e:
            yield f"error.{call}", [f"{type(e).__name__}:", *str(e).split()]


def main():
    lines = [f"{name}: {' '.join(str(v) for v in values)}" for name, values in scenarios()]
    if "--write" in sys.argv:
        path = pathlib.Path(__file__).resolve().parent.parent / "expected" / "random.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
