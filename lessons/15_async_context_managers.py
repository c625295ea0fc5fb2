"""
# Async context managers

`async with` is `with` for resources whose setup and teardown have to wait: opening a
connection, closing a session. The object's `__aenter__` and `__aexit__` methods are
coroutines, and `async with` awaits them on the way in and on the way out, even when the
block raises.

## What you will see

A hand-written `Connection` class prints as it connects (0.5 s), runs a query (1 s) and closes
(0.5 s). The second connection's query fails; `__aexit__` still runs, sees the exception, and
the error reaches `main` only after the connection is closed. Last, the same pattern with the
simulated HTTP client in `lib/fake_http.py` (it stands in for aiohttp): one `async with` for
the session, one for each response.

## Watch

- The task's lane: its waits inside `__aenter__` and `__aexit__` are ordinary awaits, each
  with its own timer.
- The code pane: the task's marker jumping into the class's methods at the `async with` line.

## Takeaway

Use `async with` for anything that must be released: connections, sessions, locks. Cleanup is
guaranteed, it may await, and returning False (or None) from `__aexit__` lets the exception
continue.

## Try this

Make `__aexit__` return True. The PermissionError is swallowed: "main: the query failed"
is never printed.
"""

import asyncio

from lib.fake_http import ClientSession


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: connecting")
        await asyncio.sleep(0.5)
        print(f"{self.name}: connected")
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        reason = f" after {exc_type.__name__}" if exc_type is not None else ""
        print(f"{self.name}: closing{reason}")
        await asyncio.sleep(0.5)
        print(f"{self.name}: closed")
        return False

    async def query(self, text):
        await asyncio.sleep(1)
        if text.startswith("DROP"):
            raise PermissionError(f"{self.name} refuses {text!r}")
        return f"3 rows for {text!r}"


async def main():
    async with Connection("db-1") as db:
        print(await db.query("SELECT name FROM users"))

    try:
        async with Connection("db-2") as db:
            # checkpoint: cleanup-first
            #   pause: output db-2: connected
            #   ask: The query is about to fail. What is printed right after the failure?
            #   check: next-output
            #   choices: main: the query failed | db-2: closing after PermissionError | db-2: closed
            #   answer: db-2: closing after PermissionError
            #   explain: `async with` runs `__aexit__` before the exception leaves the block.
            print(await db.query("DROP TABLE users"))
    except PermissionError as error:
        print(f"main: the query failed: {error}")

    async with ClientSession() as session:
        for url in ["https://example.com/a", "https://example.com/missing"]:
            async with session.get(url) as response:
                print(f"{url}: {response.status} {await response.text()}")
    print(f"session open after the block: {session.open}")


asyncio.run(main())
