# An uncaught exception prints a traceback on stderr and exits with 1.
def inner(d):
    return d["missing"]


def outer():
    print("before the error")
    return inner({"present": 1})


outer()
print("never printed")
