# An exception raised while another is handled gets it as __context__, whoever raises it: a
# `raise` statement, a builtin ([][1], int("x")), a dict lookup in a called function, or a
# throw() into a generator. `raise ... from None` keeps the context and suppresses it.
def g():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            yield 1
        except ValueError as e:
            print("thrown:", repr(e.__context__))
        yield 2


it = g()
next(it)
it.throw(ValueError("x"))


def native():
    return {}["missing"]


try:
    raise KeyError("outer")
except KeyError:
    try:
        [][1]
    except IndexError as e:
        print("native:", repr(e.__context__))
    try:
        native()
    except KeyError as e:
        print("nested:", repr(e.__context__))
    try:
        int("x")
    except ValueError as e:
        print("int:", repr(e.__context__))
    try:
        raise TypeError("t") from None
    except TypeError as e:
        print("from None:", repr(e.__context__), e.__suppress_context__)
try:
    [][1]
except IndexError as e:
    print("no handler:", repr(e.__context__))
