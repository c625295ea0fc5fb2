while x:
    break(
    y = 1
