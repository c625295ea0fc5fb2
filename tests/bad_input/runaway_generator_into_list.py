def forever():
    n = 0
    while True:
        yield n
        n += 1


everything = list(forever())
