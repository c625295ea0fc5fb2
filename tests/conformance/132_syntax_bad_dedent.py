# A dedent to a column no block started at.
print("never printed")
if True:
        x = 1
    y = 2
