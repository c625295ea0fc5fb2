async def work():
    return 1

def main():
    work()
    print("after")

main()
