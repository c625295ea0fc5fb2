# sys.stdout, sys.stderr, sys.version_info, sys.exit inside asyncio.
import asyncio
import sys

sys.stdout.write("stdout write\n")
n = sys.stdout.write("abc\n")
print("write returned", n)
sys.stderr.write("stderr write\n")
sys.stdout.flush()
print(sys.version_info[:2] == (3, 12), sys.version_info.major)
print(type(sys.argv).__name__, len(sys.argv))


async def main():
    print("exiting from a coroutine")
    await asyncio.sleep(0)
    sys.exit(4)


asyncio.run(main())
