# try / except / else / finally, `as`, tuples of types and re-raise.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally for", a, b)


print(divide(1, 2))
print(divide(1, 0))

for bad in ([], {}, "x"):
    try:
        if isinstance(bad, list):
            bad[3]
        elif isinstance(bad, dict):
            bad["missing"]
        else:
            int(bad)
    except (IndexError, KeyError) as e:
        print("lookup problem:", type(e).__name__, e)
    except ValueError as e:
        print("value problem:", e)


def reraise():
    try:
        raise ValueError("inner")
    except ValueError:
        print("handling, then re-raising")
        raise


try:
    reraise()
except ValueError as e:
    print("outer caught", repr(e))


def finally_return():
    try:
        return "from try"
    finally:
        print("finally runs before return")


print(finally_return())

try:
    try:
        raise KeyError("k")
    finally:
        print("inner finally")
except LookupError as e:
    print("LookupError catches KeyError:", repr(e))

try:
    raise TypeError("bad type")
except Exception as e:
    print(type(e).__name__, e.args)

e = "still here"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("the `as` name is deleted:", err)

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
