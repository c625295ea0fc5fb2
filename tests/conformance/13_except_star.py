# ExceptionGroup and except*.
def fail_many():
    raise ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2")])


try:
    fail_many()
except* ValueError as eg:
    print("values:", repr(eg), [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", eg.message, len(eg.exceptions))

try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), ValueError("v")])
    except* ValueError:
        print("handled the ValueError part")
except ExceptionGroup as rest:
    print("left over:", repr(rest))

eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(str(eg))
print(len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)))
print(eg.subgroup(KeyError))
try:
    raise ExceptionGroup("one", [ValueError("only")])
except* ValueError as g:
    print("single:", g.exceptions)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
try:
    raise ValueError("plain")
except* ValueError as g:
    print("a plain exception is wrapped:", repr(g))
