async def main():
    pass
def f():
    c = main()
    return 1
f()
print("end")
