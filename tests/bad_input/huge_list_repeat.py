print("before")
cells = [0] * 10**12
print(len(cells))
