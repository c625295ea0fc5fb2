# The built-in exception hierarchy, args, str and repr.
import asyncio

pairs = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (ArithmeticError, Exception),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (LookupError, Exception),
    (UnboundLocalError, NameError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (ModuleNotFoundError, ImportError),
    (IndentationError, SyntaxError),
    (TimeoutError, OSError),
    (StopIteration, Exception),
    (StopAsyncIteration, Exception),
    (Exception, BaseException),
    (KeyboardInterrupt, Exception),
    (SystemExit, BaseException),
    (GeneratorExit, Exception),
    (ExceptionGroup, Exception),
    (ExceptionGroup, BaseExceptionGroup),
    (asyncio.CancelledError, Exception),
    (asyncio.CancelledError, BaseException),
    (RuntimeWarning, Warning),
    (AssertionError, Exception),
    (AttributeError, Exception),
    (TypeError, Exception),
    (ValueError, Exception),
    (UnicodeError, ValueError),
]
for sub, base in pairs:
    print(sub.__name__, "<", base.__name__, issubclass(sub, base))
print(asyncio.TimeoutError is TimeoutError)
for exc in (ValueError(), ValueError("msg"), ValueError("a", 2), KeyError("k"), KeyError(),
            IndexError(3), StopIteration(5), SystemExit(2), RuntimeError("x")):
    print(repr(exc), "|", str(exc), "|", exc.args)
print(StopIteration(5).value, SystemExit(2).code, SystemExit().code)
print(repr(asyncio.CancelledError()), asyncio.CancelledError.__name__)
e = ValueError("base")
e.add_note("a note")
print(e.__notes__)
print(BaseException.__name__, type(ValueError("x")).__mro__[1].__name__)
try:
    raise KeyboardInterrupt
except Exception:
    print("not reached")
except BaseException as caught:
    print("BaseException catches", type(caught).__name__)
