# Nested exception groups: except* on nested groups, TaskGroups inside TaskGroups, re-raising.
import asyncio


def show(eg, indent=""):
    print(f"{indent}{type(eg).__name__}: {eg}")
    for e in getattr(eg, "exceptions", ()):
        if isinstance(e, BaseExceptionGroup):
            show(e, indent + "  ")
        else:
            print(f"{indent}  {type(e).__name__}: {e}")


nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
show(nested)
try:
    raise nested
except* ValueError as eg:
    print("ValueError part:")
    show(eg, "  ")
except* TypeError as eg:
    print("TypeError part:")
    show(eg, "  ")

try:
    try:
        raise ExceptionGroup("g", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("KeyError handled")
        raise RuntimeError("raised in handler")
except ExceptionGroup as eg:
    show(eg)

base = BaseExceptionGroup("mixed", [ValueError("v"), KeyboardInterrupt()])
print(type(base).__name__, type(BaseExceptionGroup("ok", [ValueError("v")])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError:", e)


async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("inner-1"))
        tg.create_task(fail("inner-2"))


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
            tg.create_task(fail("outer"))
    except* ValueError as eg:
        show(eg)


asyncio.run(main())
