def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_with_finally())

def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        return "from except"
    finally:
        print("outer finally")
print(nested())

def override():
    try:
        return 1
    finally:
        return 2
print(override())

def swallow():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            if i == 1:
                break
    return i
print(swallow())

def exc_in_except():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as e:
            return repr(e.__context__)
print(exc_in_except())

def with_in_loop():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            print("exit", a[0])
    for i in range(3):
        with CM():
            if i == 0:
                continue
            if i == 1:
                break
    return i
print(with_in_loop())
