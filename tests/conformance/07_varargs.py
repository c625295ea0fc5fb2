# *args, **kwargs, keyword-only parameters and * / ** unpacking in calls.
def collect(*args, **kwargs):
    return args, kwargs


print(collect())
print(collect(1, 2))
print(collect(a=1, b=2))
print(collect(1, *[2, 3], *(4,), x=5, **{"y": 6, "z": 7}))


def mixed(first, second=2, *rest, flag=False, **options):
    print("first", first, "second", second, "rest", rest, "flag", flag, "options", options)


mixed(1)
mixed(1, 2, 3, 4)
mixed(1, flag=True, color="red")
args = [10, 20, 30]
kwargs = {"flag": True, "size": 3}
mixed(*args, **kwargs)


def total(*numbers):
    s = 0
    for n in numbers:
        s += n
    return s


print(total(*range(5)))
print(max(*[3, 9, 2]))
print(*["a", "b", "c"], sep="-")
merged = {**{"a": 1}, "b": 2, **{"a": 3}}
print(merged)
combined = [*range(3), *"ab"]
print(combined)
print((*combined, 99))


def forward(*args, **kwargs):
    return collect(*args, **kwargs)


print(forward(1, k="v"))
