# raise, raise from, exception chaining attributes.
class AppError(Exception):
    pass


def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise AppError(f"cannot load {key}") from e


try:
    load("b")
except AppError as e:
    print("AppError:", e)
    print("cause:", repr(e.__cause__))
    print("suppress context:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print("context:", repr(e.__context__))
    print("cause:", e.__cause__)

try:
    try:
        raise OSError("disk")
    except OSError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print("from None: cause", e.__cause__, "suppress", e.__suppress_context__)

try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)

err = IndexError("prepared", 42)
try:
    raise err
except IndexError as e:
    print(e is err, e.args, str(e))
