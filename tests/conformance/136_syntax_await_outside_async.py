# await outside an async function is a compile-time SyntaxError.
import asyncio


def not_async():
    await asyncio.sleep(0)


print("never printed")
