try:
    raise ExceptionGroup("group", [ValueError("v"), TypeError("t"), ValueError("w")])
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types", [str(e) for e in eg.exceptions])

try:
    try:
        raise ExceptionGroup("g2", [KeyError("k"), ValueError("v")])
    except* ValueError:
        print("handled v")
except ExceptionGroup as rest:
    print("rest", repr(rest.exceptions))
raise ExceptionGroup("final", [ValueError(1), TypeError(2)])
