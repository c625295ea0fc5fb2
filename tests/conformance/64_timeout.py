# asyncio.timeout: expiry cancels the block and raises TimeoutError; nested scopes.
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.02) as cm:
            print("expired before?", cm.expired())
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("TimeoutError", repr(e), "expired:", cm.expired())

    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.01)
    print("finished in time, expired:", cm.expired())

    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0)
    print("no deadline:", cm.when())

    try:
        async with asyncio.timeout(0.2):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout caught")
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer timeout caught")

    try:
        async with asyncio.timeout(0.01):
            async with asyncio.timeout(0.2):
                await asyncio.sleep(1)
    except TimeoutError:
        print("outer expired first, inner scope did not convert")

    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("the body sees CancelledError")
                raise
    except TimeoutError:
        print("converted to TimeoutError")

    try:
        async with asyncio.timeout(-1):
            print("body starts even with a past deadline")
            await asyncio.sleep(0)
    except TimeoutError:
        print("past deadline expires at the first await")


asyncio.run(main())
