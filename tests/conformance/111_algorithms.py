# Small algorithms of the kind lessons contain: recursion, loops, dicts, sorting.
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def bubble_sort(values):
    values = list(values)
    for i in range(len(values)):
        for j in range(len(values) - 1 - i):
            if values[j] > values[j + 1]:
                values[j], values[j + 1] = values[j + 1], values[j]
    return values


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for m in range(n * n, limit + 1, n):
                is_prime[m] = False
    return [n for n, p in enumerate(is_prime) if p]


def word_counts(text):
    counts = {}
    for word in text.lower().split():
        word = word.strip(".,!")
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def hanoi(n, source, target, spare, moves):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target, moves)
    moves.append((source, target))
    hanoi(n - 1, spare, target, source, moves)


print([fib(n) for n in range(15)], fib(90))
data = sorted([17, 3, 9, 25, 1, 12])
print(data, binary_search(data, 12), binary_search(data, 4))
print(bubble_sort([5, 2, 9, 1, 5, 6]))
print(sieve(60))
print(word_counts("The cat and the hat. The end!"))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
total = 0
for i in range(1, 100001):
    total += i * i % 7
print(total)
print(sum(x for x in range(1000) if x % 3 == 0 or x % 5 == 0))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print([list(row) for row in zip(*matrix)])
