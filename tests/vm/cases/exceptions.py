def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 / n

for n in [2, 0]:
    try:
        print(risky(n))
    except (KeyError, ValueError) as e:
        print("caught", type(e).__name__, e)
    else:
        print("else")
    finally:
        print("finally", n)

def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("wrapped")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

try:
    raise TypeError("outer") from ValueError("inner")
except TypeError as e:
    print(e, "from", repr(e.__cause__))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("reraised", e)

class MyError(Exception):
    pass

try:
    raise MyError("custom")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, MyError))

def gen_loop():
    for i in range(5):
        try:
            if i == 3:
                break
        finally:
            print("fin", i)
gen_loop()
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e)
try:
    undefined_name
except NameError as e:
    print(e)
def unbound():
    print(x)
    x = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
raise KeyError("final")
