try:
    pass
except:
    pass

try:
    risky()
except ValueError:
    handle()
except (TypeError, KeyError) as err:
    print(err)
except Exception as e:
    raise RuntimeError("wrapped") from e
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass

try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError as eg:
    pass
except* TypeError:
    pass

with open("f") as f:
    pass

with a as x, b as y:
    pass

with (a as x, b as y):
    pass

with (a, b) as c:
    pass

with (
    open("a") as fa,
    open("b") as fb,
):
    pass

with a, b:
    pass

with (yield):
    pass

with lock: pass

while (n := next_value()) is not None:
    use(n)

if a:
    if b:
        pass
    else:
        pass
elif c:
    pass
