# A missing indented block after def.
def f():
print("never printed")
