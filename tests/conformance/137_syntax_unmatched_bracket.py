# An unmatched closing bracket.
print("never printed")
values = [1, 2, 3]]
