def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


def catch(f):
    try:
        f()
    except BaseException as e:
        return e
    return None


def raiser(exc):
    def run():
        raise exc
    return run


for e in [ValueError("bad value"), ValueError(), ValueError("a", 1), KeyError("k"), KeyError(),
          KeyError("a", "b"), IndexError("list index out of range"), TypeError("t"),
          RuntimeError("r"), StopIteration(5), SystemExit(3), SystemExit(), TimeoutError(),
          ZeroDivisionError("division by zero"), AttributeError("x"), NotImplementedError("n"),
          Exception("multi\nline"), OSError("disk"), AssertionError()]:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)

show("stop value", lambda: [StopIteration(5).value, StopIteration().value])
show("exit code", lambda: [SystemExit(3).code, SystemExit().code, SystemExit("msg").code])
show("hierarchy", lambda: [issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError),
                           issubclass(TimeoutError, OSError), issubclass(RecursionError, RuntimeError),
                           issubclass(KeyboardInterrupt, Exception), issubclass(ModuleNotFoundError, ImportError),
                           issubclass(UnboundLocalError, NameError), issubclass(StopAsyncIteration, Exception)])
show("mro", lambda: [c.__name__ for c in ExceptionGroup.__mro__])


class AppError(Exception):
    pass


class DetailedError(AppError):
    def __init__(self, code, detail):
        super().__init__(f"error {code}")
        self.code = code
        self.detail = detail

    def __str__(self):
        return f"[{self.code}] {self.detail}"


class NoSuper(Exception):
    def __init__(self, x):
        self.x = x


e = catch(raiser(DetailedError(404, "not found")))
show("custom", lambda: [str(e), repr(e), e.args, e.code, isinstance(e, AppError), isinstance(e, Exception)])
show("no super", lambda: [str(NoSuper(1)), repr(NoSuper(1)), NoSuper(1).args, NoSuper(1).x])
show("app error", lambda: [str(AppError("a")), repr(AppError("a", 2)), AppError.__mro__[1].__name__])
show("kwargs", lambda: ValueError(x=1))

try:
    try:
        raise KeyError("inner")
    except KeyError as inner:
        raise ValueError("outer") from inner
except ValueError as outer:
    print("cause", repr(outer.__cause__), outer.__suppress_context__, repr(outer.__context__))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during")
except RuntimeError as err:
    print("context", repr(err.__context__), err.__cause__, err.__suppress_context__)

try:
    raise ValueError("x") from None
except ValueError as err:
    print("from none", err.__cause__, err.__suppress_context__)

err = ValueError("noted")
err.add_note("first note")
err.add_note("second")
print("notes", err.__notes__)
show("note type", lambda: err.add_note(5))
show("no notes", lambda: ValueError().__notes__)

eg = ExceptionGroup("group", [ValueError("a"), TypeError("b"), ExceptionGroup("inner", [ValueError("c")])])
print("eg", str(eg), "|", repr(eg), "|", eg.message, "|", eg.exceptions)
match, rest = eg.split(ValueError)
print("split", repr(match), "|", repr(rest))
print("subgroup", repr(eg.subgroup(TypeError)), repr(eg.subgroup(KeyError)))
print("one", str(ExceptionGroup("one", [ValueError()])))
beg = BaseExceptionGroup("base", [ValueError("v")])
print("base eg type", type(beg).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
show("eg empty", lambda: ExceptionGroup("x", []))
show("eg not seq", lambda: ExceptionGroup("x", 5))
show("eg nest base", lambda: ExceptionGroup("x", [KeyboardInterrupt()]))
show("eg bad item", lambda: ExceptionGroup("x", [1]))
show("eg msg type", lambda: ExceptionGroup(1, [ValueError()]))

try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as group:
    print("except* value", repr(group))
except* TypeError as group:
    print("except* type", repr(group))

show("raise non exception", raiser(5))
show("raise class", lambda: catch(raiser(ValueError)))
show("with_traceback", lambda: ValueError("w").with_traceback(None))
show("args set", lambda: (lambda x: (setattr(x, "args", ("new",)), str(x))[1])(ValueError("old")))
show("exception eq", lambda: [ValueError("a") == ValueError("a"), KeyError is KeyError])
show("catch tuple", lambda: type(catch(raiser(KeyError("k")))).__name__)
