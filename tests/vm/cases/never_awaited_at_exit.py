async def main():
    pass
c = main()
print("end")
