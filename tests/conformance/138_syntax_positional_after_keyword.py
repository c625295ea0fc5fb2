# A keyword argument before a positional one.
print("never printed")
print(sep="-", "a")
