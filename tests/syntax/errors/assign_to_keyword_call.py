print(x) = 5
