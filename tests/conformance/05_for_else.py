# for loops with else, break, continue and pass over many iterables.
for i in range(3):
    print("i", i)
else:
    print("done without break")

for word in ["alpha", "beta", "gamma"]:
    if word.startswith("b"):
        print("found", word)
        break
else:
    print("not found")

for ch in "hello":
    if ch == "l":
        continue
    print(ch, end="")
print()

for key in {"a": 1, "b": 2}:
    pass
print("last key", key)

primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)

for a, b in zip(range(3), "xyz"):
    print(a, b)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for item in []:
    print("never")
else:
    print("empty loop else")
