"""A pretend HTTP client that stands in for aiohttp in the lessons.

Nothing touches the network. A request "takes" a latency that depends only on its URL (the same
URL always takes the same time), spent in `asyncio.sleep`, so the event loop is free to run other
tasks meanwhile, exactly as it is while a real socket waits.

The shape follows aiohttp:

    async with ClientSession() as session:
        async with session.get(url) as response:
            print(response.status, await response.text())

`blocking_get` is the other kind of library, like `requests.get`: it holds the thread with
`time.sleep`, so a coroutine must hand it to a thread (`asyncio.to_thread`).
"""

import asyncio
import time


def latency_of(url):
    """Seconds a request for `url` takes: 0.1 to 0.9 in steps of 0.1, fixed per URL."""
    spread = 0
    for character in url:
        spread = (spread * 31 + ord(character)) % 9973
    return (1 + spread % 9) / 10


def status_of(url):
    """404 for URLs that mention "missing", 200 for the rest."""
    return 404 if "missing" in url else 200


class Response:
    def __init__(self, url, status):
        self.url = url
        self.status = status

    async def text(self):
        # Reading the body is one more short wait on the socket.
        await asyncio.sleep(0)
        return f"<p>page {self.url}</p>"

    async def json(self):
        await asyncio.sleep(0)
        return {"url": self.url, "status": self.status}


class _Request:
    """What `session.get(url)` returns: `async with` it to get the response."""

    def __init__(self, session, url):
        self.session = session
        self.url = url

    async def __aenter__(self):
        self.session.in_flight += 1
        self.session.peak_in_flight = max(self.session.peak_in_flight, self.session.in_flight)
        try:
            await asyncio.sleep(latency_of(self.url))
        finally:
            self.session.in_flight -= 1
        self.session.requests_done += 1
        return Response(self.url, status_of(self.url))

    async def __aexit__(self, exc_type, exc, traceback):
        return False


class ClientSession:
    """Like aiohttp.ClientSession: open it with `async with`, then `get` URLs through it."""

    def __init__(self):
        self.open = False
        self.in_flight = 0
        self.peak_in_flight = 0
        self.requests_done = 0

    async def __aenter__(self):
        # Opening a real session sets up a connection pool; here it is one loop turn.
        await asyncio.sleep(0)
        self.open = True
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        await asyncio.sleep(0)
        self.open = False
        return False

    def get(self, url):
        if not self.open:
            raise RuntimeError("Session is closed")
        return _Request(self, url)


def blocking_get(url):
    """A blocking request, like requests.get(url).status_code: the thread sleeps through it."""
    time.sleep(latency_of(url))
    return status_of(url)
