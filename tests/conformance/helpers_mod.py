# A local module the conformance scripts import.
print("helpers_mod imported, __name__ =", __name__)

GREETING = "hello from helpers_mod"
counter = 0


def add(a, b):
    return a + b


def bump():
    global counter
    counter += 1
    return counter


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def __repr__(self):
        return f"Shape({self.sides})"


async def fetch(value, delay=0):
    import asyncio

    await asyncio.sleep(delay)
    return value * 2


if __name__ == "__main__":
    print("never printed when imported")
