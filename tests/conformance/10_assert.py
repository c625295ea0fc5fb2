# assert with and without messages.
def check(n):
    assert n >= 0, f"negative: {n}"
    return n


print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert args:", e.args)
assert True, "never raised"
print("done")
