def a():
    try:
        1 / 0
    except ZeroDivisionError:
        b()

def b():
    raise ValueError("during handling")

a()
