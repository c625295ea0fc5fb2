print(f"{a;}")
