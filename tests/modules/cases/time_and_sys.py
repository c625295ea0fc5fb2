import asyncio
import sys
import time


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    time.sleep(0.05)
    print("blocked the loop:", loop.time() - start >= 0.05)
    t0 = time.monotonic()
    await asyncio.sleep(0.1)
    print("monotonic moved:", time.monotonic() - t0 >= 0.1)


asyncio.run(main())
print(sys.platform, sys.version_info[:2] == (3, 12), sys.version_info >= (3, 11))
print(type(sys.argv).__name__, len(sys.argv))
sys.stdout.write("written to stdout\n")
print("to stderr", file=sys.stderr)
print(time.time() > 1_600_000_000)
sys.exit(3)
