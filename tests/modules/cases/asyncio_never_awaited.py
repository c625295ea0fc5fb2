import asyncio


async def main():
    asyncio.sleep(1)
    print("forgot to await")


async def helper():
    pass


def plain():
    pass


class Service:
    async def serve(self):
        pass


print(asyncio.iscoroutinefunction(helper), asyncio.iscoroutinefunction(plain),
      asyncio.iscoroutinefunction(Service().serve), asyncio.iscoroutinefunction(print))
asyncio.run(main())
