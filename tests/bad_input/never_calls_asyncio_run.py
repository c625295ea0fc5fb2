import asyncio


async def main():
    await asyncio.sleep(1)
    print("done")


main()
print("the script ends here")
