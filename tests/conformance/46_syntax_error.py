# A SyntaxError is reported before anything runs; exit code 1.
print("never printed")
x = (1, 2
y = 3
