# Assigning in a condition: "Maybe you meant '==' or ':=' instead of '='?"
x = 3
if x = 3:
    print("never printed")
